"""The glossary (data/glossary.csv): Chinese terms in English, found in any text and linked to site/glossary.html.

A reviewer who reads no Chinese meets the reports' words in the claims, the notes and the readings. Each
term of the glossary is found where it stands (the longest term first, so 乡镇综合文化站 is one term, not
乡镇 and 文化站), in simplified and traditional text alike: a traditional character is read through
OpenCC's t2s character table, one character for one, so a match keeps its place in the text (權限 is
权限). :func:`uncovered` says which Chinese characters of a text no term covers; a test holds it to
nothing for every note of the ledger, so every Chinese word a note uses has its English here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape
from analysis.site.text import zh_spans

GLOSSARY_PAGE = "glossary.html"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Chinese numerals stand for themselves (八年 is 八 + 年): a note's numbers need no entry of their own.
NUMERALS = frozenset("〇零一二三四五六七八九十百千两")


@lru_cache(maxsize=1)
def _t2s() -> dict[str, str]:
    """Each traditional character's first simplified candidate in OpenCC's TSCharacters table (東 -> 东)."""
    from importlib import resources

    table = {}
    for line in (resources.files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, candidates = line.partition("\t")
        if len(key) == 1 and candidates:
            table[key] = candidates.split()[0]
    return table


def simplified(text: str) -> str:
    """``text`` with every traditional character in its simplified form, one character for one.

    >>> simplified("下放權限總數的44.6%")
    '下放权限总数的44.6%'
    """
    table = _t2s()
    return "".join(table.get(ch, ch) for ch in text)


def term_id(zh: str) -> str:
    """The anchor of a term on the glossary page.

    >>> term_id("可用财力")
    'term-可用财力'
    """
    return f"term-{zh}"


@dataclass(frozen=True)
class Glossary:
    """The terms of data/glossary.csv: each Chinese term (simplified) with its English and explanation."""

    entries: tuple[tuple[str, str, str], ...]  # (zh, en, explanation), in the table's order

    @classmethod
    def from_tables(cls, tables) -> Glossary:
        frame = tables.glossary
        return cls(tuple(zip(frame["zh"], frame["en"], frame["explanation"])))

    @cached_property
    def english(self) -> dict[str, str]:
        return {zh: en for zh, en, _ in self.entries}

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        terms = sorted(self.english, key=len, reverse=True)  # the longest first: 乡镇综合文化站 before 乡镇
        return re.compile("|".join(map(re.escape, terms))) if terms else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Where each term stands in ``text``, left to right, the longest at each place: [(start, end, term)].

        >>> Glossary((("乡镇", "township-level unit", ""), ("可用财力", "usable funds", ""))).find("鄉鎮可用財力")
        [(0, 2, '乡镇'), (2, 6, '可用财力')]
        """
        if self._pattern is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._pattern.finditer(simplified(text))]

    def uncovered(self, text: str) -> list[str]:
        """The Chinese characters of ``text`` that no term covers and that are not numerals, in order.

        >>> Glossary((("编制", "authorised posts", ""),)).uncovered("核定编制59名 (八年)")
        ['核', '定', '名', '年']
        """
        covered = {i for start, end, _ in self.find(text) for i in range(start, end)}
        return [ch for i, ch in enumerate(text) if HAN.match(ch) and i not in covered and ch not in NUMERALS]

    def terms_in(self, texts: Iterable[str]) -> list[str]:
        """The distinct terms found in ``texts``, in the order they first appear."""
        return list(dict.fromkeys(term for text in texts for _, _, term in self.find(text)))

    def markup(self, text: str, up: str = "", script: str | None = None) -> str:
        """``text`` escaped, its Chinese runs marked (analysis.site.text), each term's first place linked to the glossary.

        Only the first place of a term links (a note that says 乡镇 four times links it once); the link's
        title gives the English, and the glossary page explains the term.
        """
        out, last, linked = [], 0, set()
        spans = (lambda piece: zh_spans(piece)) if script is None else (lambda piece: zh_spans(piece, script))
        for start, end, term in self.find(text):
            if term in linked:
                continue
            linked.add(term)
            out.append(spans(text[last:start]))
            out.append(f'<a class="term" href="{escape(up + GLOSSARY_PAGE)}#{escape(term_id(term))}" '
                       f'title="{escape(self.english[term])}">{spans(text[start:end])}</a>')
            last = end
        out.append(spans(text[last:]))
        return "".join(out)

    def gloss_list(self, terms: Iterable[str], up: str = "") -> str:
        """A short list "乡镇 township-level unit · 编制 authorised posts", each term linked to its entry."""
        items = [f'<a href="{escape(up + GLOSSARY_PAGE)}#{escape(term_id(t))}">{zh_spans(t)}</a> {escape(self.english[t])}'
                 for t in terms]
        return " · ".join(items)


def glossary_rows(glossary: Glossary) -> Iterable[str]:
    """The glossary page's table rows, each with its term's anchor."""
    for zh, en, explanation in glossary.entries:
        yield (f'<tr id="{escape(term_id(zh))}"><th scope="row">{zh_spans(zh)}</th><td>{escape(en)}</td>'
               f"<td>{zh_spans(explanation)}</td></tr>")


def glossary_body(glossary: Glossary) -> str:
    """The glossary page's main content: every row of data/glossary.csv, in the table's order, each term an anchor."""
    return f"""<h1>Glossary <span lang="zh">术语表</span></h1>
<p>{len(glossary.entries)} Chinese terms of the reports and of the ledger's notes, with the English this site uses for them
(<code>data/glossary.csv</code>). Where a card on the front page uses a term, it links here.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="glossary"><table class="glossary">
<thead><tr><th scope="col">Chinese</th><th scope="col">English</th><th scope="col">explanation</th></tr></thead>
<tbody>{"".join(glossary_rows(glossary))}</tbody></table></div>"""
