"""Which script a source is written in (traditional or simplified), and what each script's pages and figures use.

A source's script is decided from what the tables hold of it (its title in sources.csv, the verbatim
locators of its facts and themes), so no report text is needed to build a page. The evidence is
OpenCC's own character tables: a character that t2s always changes (東, 項, 擴) is traditional, one
that s2t always changes (东, 项, 扩) is simplified; characters both scripts write alike (中, 台, 后,
于) say nothing. A quotation keeps its source's script (a simplified report quoting 《試點強鎮擴權…》),
so the text outside quotation marks decides whenever it holds any evidence.

``SCRIPTS`` is the table of what each script takes: the ``lang`` of its Chinese spans, the CSS faces
(site.css), the figure faces, and the grade labels; data/DICTIONARY.md shows it (``scripts_markdown``,
kept in step by a test).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

HANS, HANT = "Hans", "Hant"  # ISO 15924, as BCP 47 writes them (zh-Hans, zh-Hant)


@dataclass(frozen=True)
class Script:
    code: str
    name: str
    lang: str  # the lang attribute of its Chinese spans ("zh" kept for simplified: the site's pages always said so)
    css_faces: tuple[str, ...]  # site.css, first to last; the generic family follows
    figure_faces: tuple[str, ...]  # font families a figure may be drawn in, found among the system's fonts
    status: dict  # the grades' Chinese labels
    opencc: str | None  # the OpenCC conversion that writes the project's own (simplified) labels in this script


SCRIPTS = {
    HANS: Script(HANS, "simplified", "zh",
                 ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"),
                 ("Noto Sans CJK SC (bundled)",),  # analysis.style registers the mplfonts file under this name
                 {"reproduced": "已复现", "tension": "可合理解释", "discrepancy": "不一致", "unverifiable": "无法核实"}, None),
    HANT: Script(HANT, "traditional", "zh-Hant",
                 ("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei"),
                 ("Noto Sans CJK TC", "Source Han Sans TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"),
                 {"reproduced": "已復現", "tension": "可合理解釋", "discrepancy": "不一致", "unverifiable": "無法核實"},
                 "s2tw"),  # Taiwan's standard forms (核實, not OpenCC's s2t 覈實), the commonest traditional usage
}

# How far one script's evidence must outweigh the other's: a few characters of the other script (a name,
# a slip of conversion) leave a text's script as it is; evenly mixed evidence decides nothing.
MARGIN = 2
# Quotations, innermost first: their text is the quoted source's, not the quoting text's.
QUOTED = re.compile(r"《[^《》]*》|〈[^〈〉]*〉|「[^「」]*」|『[^『』]*』|“[^“”]*”|‘[^‘’]*’")


@lru_cache(maxsize=1)
def _only() -> tuple[frozenset, frozenset]:
    """(characters only traditional, characters only simplified), from OpenCC's character tables.

    A line of TSCharacters.txt is "繁<tab>candidates": the character is traditional only when it is not
    among its own simplified candidates (東 -> 东; 乾 -> 干 乾 is both). Likewise for STCharacters.txt.
    """
    from importlib import resources

    def only(name: str) -> set[str]:
        chars = set()
        for line in (resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8").splitlines():
            key, _, candidates = line.partition("\t")
            if len(key) == 1 and key not in candidates.split():
                chars.add(key)
        return chars

    traditional, simplified = only("TSCharacters.txt"), only("STCharacters.txt")
    both = traditional & simplified  # variants each table sends to the other (蕴/藴): no evidence either way
    return frozenset(traditional - both), frozenset(simplified - both)


def evidence(text: str) -> tuple[int, int]:
    """(traditional, simplified) characters of ``text``, outside quotations whenever that part holds any.

    >>> evidence("東營市401項")
    (3, 0)
    >>> evidence("东营市编办在《試點強鎮擴權》一文中说")  # the quoted title is the quoted report's
    (0, 5)
    >>> evidence("《試點強鎮擴權》")  # nothing but a quotation: it is all there is
    (6, 0)
    """
    own = text
    while True:  # nested quotations: take out the innermost until none is left
        stripped = QUOTED.sub("", own)
        if stripped == own:
            break
        own = stripped
    counted = _count(own)
    return counted if any(counted) else _count(text)


def _count(text: str) -> tuple[int, int]:
    traditional, simplified = _only()
    return sum(c in traditional for c in text), sum(c in simplified for c in text)


def decide(traditional: int, simplified: int) -> str:
    """The script the evidence says, or "" when there is none or it is too mixed to say."""
    if traditional > MARGIN * simplified:
        return HANT
    if simplified > MARGIN * traditional:
        return HANS
    return ""


def script_of(texts: str | Iterable[str]) -> str:
    """``HANT``, ``HANS`` or "" (undecided) for a text or several (a source's title and locators), counted together.

    >>> script_of("試點強鎮擴權改革推進新型城鎮化建設"), script_of("关于深入推进乡镇行政管理体制改革的汇报")
    ('Hant', 'Hans')
    >>> script_of(["中心", "2011年"])  # characters both scripts share: undecided
    ''
    """
    if isinstance(texts, str):
        texts = [texts]
    traditional = simplified = 0
    for text in texts:
        t, s = evidence(text)
        traditional, simplified = traditional + t, simplified + s
    return decide(traditional, simplified)


def source_texts(tables, sources: Iterable[str]) -> dict[str, list[str]]:
    """What the tables hold in each source's own words: its Chinese title and every locator cited to it."""
    wanted = set(sources)
    texts: dict[str, list[str]] = {s: [] for s in wanted}
    src = tables.sources
    for source, title in zip(src["source"], src["title_zh"]):
        if source in wanted:
            texts[source].append(title)
    for frame in (tables.facts, tables.themes):
        rows = frame[frame["source"].isin(wanted)]
        for source, locator in zip(rows["source"], rows["locator"]):
            texts[source].append(locator)
    return texts


def source_scripts(tables, sources: Iterable[str] | None = None) -> dict[str, str]:
    """Each source's script (``sources``: all of sources.csv when None); undecided sources are simplified."""
    ids = list(tables.sources["source"]) if sources is None else list(sources)
    return {s: script_of(texts) or HANS for s, texts in source_texts(tables, ids).items()}


def county_script(tables, county: str) -> str:
    """The script of ``county``'s sources: their titles and the county's own locators, counted together;
    simplified when undecided. Only the county's rows are read, as a batch run of it reads them
    (analysis.dependencies)."""
    rows = tables.counties[tables.counties["county"] == county]
    if rows.empty:
        return HANS
    sources = set(rows.iloc[0]["sources"].split())
    texts = [title for source, title in zip(tables.sources["source"], tables.sources["title_zh"]) if source in sources]
    for frame in (tables.facts, tables.themes):
        texts += list(frame.loc[frame["county"] == county, "locator"])
    return script_of(texts) or HANS


def county_scripts(tables) -> dict[str, str]:
    """:func:`county_script` of every county of counties.csv, in one pass over the tables (a site's ledger pages
    need them all: one call a county read the whole facts table each time)."""
    titles = dict(zip(tables.sources["source"], tables.sources["title_zh"]))
    texts = {county: [titles[s] for s in set(str(sources).split()) if s in titles]
             for county, sources in zip(tables.counties["county"], tables.counties["sources"])}
    for frame in (tables.facts, tables.themes):
        for county, locator in zip(frame["county"], frame["locator"]):
            if county in texts:
                texts[county].append(locator)
    return {county: script_of(own) or HANS for county, own in texts.items()}


@lru_cache(maxsize=4)
def _converter(conversion: str):
    from opencc import OpenCC

    return OpenCC(conversion)


@lru_cache(maxsize=4096)
def in_script(text: str, script: str) -> str:
    """The project's own label (written simplified) in ``script``; never for a report's words, which stay as written.

    >>> in_script("报告所述金额", HANT), in_script("报告所述金额", HANS)
    ('報告所述金額', '报告所述金额')
    """
    conversion = SCRIPTS[script].opencc
    return _converter(conversion).convert(text) if conversion else text


def status_label(status: str, script: str = HANS) -> str:
    """A grade with its Chinese label: "reproduced 已復現"."""
    return f"{status} {SCRIPTS[script].status[status]}"


def scripts_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| script | Chinese spans | faces on the site (first found wins) | faces in figures | grades |",
             "|---|---|---|---|---|"]
    for s in SCRIPTS.values():
        grades = ", ".join(s.status.values())
        lines.append(f"| {s.name} (`{s.code}`) | `lang=\"{s.lang}\"` | {', '.join(s.css_faces)} | {', '.join(s.figure_faces)} | {grades} |")
    return "\n".join(lines)
