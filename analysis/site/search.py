"""The site's offline search: findings (their claims in Chinese and English), checks, numbers, problems named,
notebook pages, report texts and the glossary, in one index.

The batch writes ``site/search.html`` and the index as JavaScript files the page loads with <script src>
(a fetch() of a JSON file fails from file://):

- ``static/search-index.js``, the core: the counties (names in both languages), the grades, the search
  terms (analysis.site.search_terms and the theme codes), a traditional -> simplified map of the
  characters the index holds (for the query), and the list of shards;
- ``static/search/*.js``, the shards: one for each county (its findings, checks, numbers, problems and
  notebook page sections), one for each report part (its lines), one for the pages made once for the whole
  site and the glossary's terms.

Every text is folded to simplified at build time (OpenCC tw2s: traditional, Taiwan forms among them); the
page folds the query with the shipped map, tokenises Chinese by characters and their bigrams
(static/search-page.js) and searches with MiniSearch (static/vendor/). While the shards add up to at
most ``LOAD_ALL_BYTES`` the page loads them all and searches everything; past that (a national site of
thousands of counties) it searches the whole-site pages and the county names, and loads the shards of
the counties a query names (东营, 東營, Dongying), so no page ever loads the whole index.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from html.parser import HTMLParser
from pathlib import Path

from analysis.outputs import write_bytes_atomic
from analysis.paths import OutsideFolderError, file_inside
from analysis.scripts import HANS, SCRIPTS
from analysis.site.assets import CSP_META, SITE_CSS
from analysis.site.chrome import MAIN_ID, SKIP_LINK, site_footer, site_nav
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.search_terms import TERMS, theme_terms

STATIC = Path(__file__).parent / "static"
SEARCH_PAGE = "search.html"
CORE_JS = "static/search-index.js"
SHARDS_DIR = "static/search"
PAGE_FILES = ("static/search-page.js", "static/search.css", "static/vendor/minisearch.js", "static/vendor/LICENSE-minisearch.txt")
# Headless Chromium, 2 busy cores: the five reports' 0.55 MB of shards are ready in 1-2 s, 200 synthetic
# counties' 2.2 MB (no pages) in 4.8 s, 2,800 counties' 31 MB in 69 s. Past this the page loads only the
# shards a query names (see the module's docstring).
LOAD_ALL_BYTES = 2_000_000
# A report line longer than this (004 is one line of 6,986 characters) is cut at its sentences, so that
# a result shows the sentence that matched; each piece still links to its line.
LINE_PIECE = 300
COLUMNS = ("k", "c", "g", "d", "t", "x", "o", "h")  # kind, county(ies), grade, domain, title, text, original, href
KINDS = (("county", "Counties"), ("finding", "Findings"), ("check", "Consistency checks"), ("number", "Numbers"),
         ("problem", "Problems named"), ("page", "Notebook pages"), ("report", "Report texts"), ("term", "Glossary"))


@dataclass(frozen=True)
class Doc:
    kind: str
    county: str  # one county id; several, space-separated, for a report part that several counties cite
    grade: str
    domain: str
    title: str
    text: str  # as written; folded when the index is written (the title, short, is folded by the page)
    href: str  # from the site's root

    def row(self) -> list[str]:
        folded = fold(self.text)
        return [self.kind, self.county, self.grade, self.domain, self.title, folded,
                self.text if folded != self.text else "", self.href]


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("tw2s")  # Taiwan's forms to OpenCC's, then traditional to simplified


def _tables(*names: str) -> dict[str, str]:
    """OpenCC's tables: key -> its first candidate."""
    from importlib import resources

    found = {}
    for name in names:
        for line in (resources.files("opencc") / "dictionary" / name).read_text(encoding="utf-8").splitlines():
            key, _, candidates = line.partition("\t")
            found[key] = candidates.split(" ")[0]
    return found


@lru_cache(maxsize=1)
def _triggers() -> frozenset[str]:
    """The characters without which tw2s changes nothing: each one its character tables change, and those of
    the few phrases it changes that hold none of them (沈默 -> 沉默). A text of none of them is already folded,
    and the pure-Python converter (5 s for 10,000 lines) is skipped for it."""
    chars = {k for k, v in _tables("TSCharacters.txt", "TWVariantsRev.txt").items() if len(k) == 1 and v != k}
    for key, value in _tables("TSPhrases.txt", "TWVariantsRevPhrases.txt").items():
        if value != key and not chars.intersection(key):
            chars.update(key)
    return frozenset(chars)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` in simplified characters, as the index holds it and the page reads a query.

    >>> fold("編制"), fold("東營市401項"), fold("爲民服務"), fold("编制"), fold("沈默")
    ('编制', '东营市401项', '为民服务', '编制', '沉默')
    """
    if not text or _triggers().isdisjoint(text):
        return text
    return _converter().convert(text)


def t2s_map(chars: Iterable[str]) -> dict[str, str]:
    """Each traditional character of OpenCC's tables whose simplified form is among ``chars``: the query's map.

    >>> m = t2s_map("东营编制")
    >>> m["東"], m["營"], m["編"], "乡" in m.values(), "编" in m
    ('东', '营', '编', False, False)
    """
    held = set(chars)
    found = {}
    for key in _tables("TSCharacters.txt", "TWVariantsRev.txt"):
        if len(key) == 1:
            simple = fold(key)
            if simple != key and len(simple) == 1 and simple in held:
                found[key] = simple
    return found


# --- the documents -------------------------------------------------------------------------------

def ledger_docs(audit, kind: str) -> Iterator[Doc]:
    """One document a finding (``kind`` "finding") or check ("check") of an audit (analysis.audit.audit_findings):
    its claim in Chinese and English, numbers, grade, note and locator; linked to its row on its county's ledger page."""
    for f in audit.itertuples():
        parts = [f.claim, getattr(f, "claim_en", ""), f"claimed {f.claimed}", f"recomputed {f.recomputed}", f.kind, f.note,
                 f"read as {f.reading}" if f.reading else "", f"“{f.locator}”" if f.locator else ""]
        yield Doc(kind, f.county, f.status, f.domain, f.finding_id, " · ".join(p for p in parts if p),
                  f"{f.county}/{LEDGER_PAGE}#finding-{f.finding_id}")


def fact_docs(tables, linker: Linker) -> Iterator[Doc]:
    """One document a number: as written, its measure in English and Chinese, entity, locator; linked to its
    marked passage (or, without the report texts, to its county's ledger page)."""
    terms = dict(zip(tables.measures["measure"], tables.measures["term_zh"]))
    for f in tables.facts.itertuples():
        measure = f"{f.measure.replace('_', ' ')} {terms.get(f.measure, '')}".strip()
        parts = [f.as_written, measure, f.entity, f.period, f"“{f.locator}”", f.note]
        href = linker.href(f.fact_id, 0) or f"{f.county}/{LEDGER_PAGE}#facts"
        yield Doc("number", f.county, "", f.domain, f.fact_id, " · ".join(p for p in parts if p), href)


def problem_docs(tables, linker: Linker) -> Iterator[Doc]:
    """One document a problem named (data/themes.csv): its code in English and Chinese, its passage and note; linked
    to the passage marked on its source's page (analysis.site.sources: theme-<n>), else to its county's ledger page."""
    from analysis.site.ledger_rows import numbered_themes

    terms = dict(zip(tables.theme_codes["theme"], tables.theme_codes["term_zh"]))
    for t in numbered_themes(tables).itertuples():
        parts = [f"{t.theme.replace('_', ' ')} {terms.get(t.theme, '')}".strip(), f"“{t.locator}”", t.note]
        href = f"sources/{t.source}.html#theme-{t.n}" if t.source in linker.sources else f"{t.county}/{LEDGER_PAGE}#themes"
        yield Doc("problem", t.county, "", "", f"{t.theme}: {t.source}", " · ".join(p for p in parts if p), href)


def term_docs(tables) -> Iterator[Doc]:
    """One document a term of the glossary (data/glossary.csv), linked to its entry on glossary.html."""
    from analysis.site.glossary import GLOSSARY_PAGE, term_id

    glossary = getattr(tables, "glossary", None)
    if glossary is None:
        return
    for zh, en, explanation in zip(glossary["zh"], glossary["en"], glossary["explanation"]):
        yield Doc("term", "", "", "", f"{zh} {en}", " · ".join(p for p in (zh, en, explanation) if p), f"{GLOSSARY_PAGE}#{term_id(zh)}")


class _Sections(HTMLParser):
    """A notebook page's headings (h1-h3 with an id) and the prose under each: no code, tables, navigation, chrome."""

    # the page's chrome (skip link, header, navigation, footer: analysis.site.chrome) is on every page, not its content
    SKIP = frozenset({"header", "nav", "footer", "table", "pre", "script", "style", "details", "svg", "noscript", "head", "button"})
    SKIP_LINKS = frozenset({"anchor-link", "skip-link"})
    BLOCKS = frozenset({"p", "li", "div", "br", "h1", "h2", "h3", "h4", "dd", "dt", "section", "ul", "ol"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", [], []]]  # [id, heading pieces, text pieces]
        self.skipping: list[str] = []  # open elements whose text is left out
        self.heading = ""  # the open heading's tag

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.skipping or tag in self.SKIP or (tag == "a" and self.SKIP_LINKS.intersection((attrs.get("class") or "").split())):
            if tag not in ("img", "br", "meta", "link", "input", "hr", "col", "source", "wbr"):  # void: no end tag
                self.skipping.append(tag)
            return
        if tag in ("h1", "h2", "h3") and attrs.get("id"):
            self.sections.append([attrs["id"], [], []])
            self.heading = tag
        elif tag in self.BLOCKS:
            self._piece(" ")

    def handle_endtag(self, tag):
        if self.skipping:
            if self.skipping[-1] == tag:
                self.skipping.pop()
            return
        if tag == self.heading:
            self.heading = ""
        elif tag in self.BLOCKS:
            self._piece(" ")

    def handle_data(self, data):
        if not self.skipping:
            self._piece(data)

    def _piece(self, text: str) -> None:
        self.sections[-1][1 if self.heading else 2].append(text)


def _squash(pieces: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def page_sections(html: str) -> list[tuple[str, str, str]]:
    """(heading id, heading, text) of each h1-h3 section of a page; ("", "", text) for any text above the first.

    >>> page_sections('<nav>site</nav><h2 id="s0-a">A <a class="anchor-link" href="#s0-a">¶</a></h2><p>one</p>'
    ...               '<table><tr><td>9</td></tr></table><details><pre>code</pre></details><p>two <code>x</code></p>')
    [('s0-a', 'A', 'one two x')]
    """
    parser = _Sections()
    parser.feed(html)
    parser.close()
    found = [(ident, _squash(heading), _squash(text)) for ident, heading, text in parser.sections]
    return [s for s in found if s[0] or s[2]]


def page_docs(site_dir: Path, page: Path, county_ids: set[str], domains: set[str]) -> Iterator[Doc]:
    """One document a section of a notebook page (site/<county>/<notebook>.html, or overview/...)."""
    rel = page.relative_to(site_dir).as_posix()
    county = page.parent.name if page.parent.name in county_ids else ""
    notebook = page.stem
    domain = notebook.split("-", 1)[-1]
    domain = domain if domain in domains else ""
    for ident, heading, text in page_sections(page.read_text(encoding="utf-8")):
        yield Doc("page", county, "", domain, f"{notebook}: {heading or 'top of the page'}", text,
                  f"{rel}#{ident}" if ident else rel)


def _once(docs: Iterable[Doc]) -> list[Doc]:
    """Sections the same on several pages (a notebook's own prose: "The raw numbers", once per county) as one
    document of the whole site, linked to the first page that has it; the others as they are.

    Repeated per county they would answer every query that names a county or a domain with a screen of the
    same paragraph, and grow the index by the county.
    """
    docs = list(docs)
    pages_of = Counter((fold(d.title), fold(d.text)) for d in docs)  # a title names its notebook
    seen, kept = set(), []
    for d in docs:
        key = (fold(d.title), fold(d.text))
        if pages_of[key] == 1:
            kept.append(d)
        elif key not in seen:
            seen.add(key)
            kept.append(replace(d, county="", title=f"{d.title} (the same on {pages_of[key]} pages)"))
    return kept


def notebook_pages(site_dir: Path) -> list[Path]:
    """The notebook pages on disk: site/<folder>/<notebook>.html, but for the ledger and source pages."""
    return sorted(p for p in Path(site_dir).glob("*/*.html") if p.parent.name != "sources" and p.name != LEDGER_PAGE)


def _sentences(line: str, width: int = LINE_PIECE) -> list[str]:
    """``line`` whole, or cut after its sentences (。！？；) into pieces of about ``width`` characters.

    >>> _sentences("一。二。三。", width=3)
    ['一。二。', '三。']
    """
    if len(line) <= width:
        return [line]
    pieces, current = [], ""
    for sentence in re.findall(r"[^。！？；!?;]*[。！？；!?;]?", line):
        current += sentence
        if len(current) >= width:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def report_docs(tables, reports_dir: Path | None, site_dir: Path) -> Iterator[Doc]:
    """One document a report line (a long line: a piece of it), for each report part with a page on the site."""
    if reports_dir is None:
        return
    cited_by: dict[str, list[str]] = {}
    for county, sources in zip(tables.counties["county"], tables.counties["sources"]):
        for source in str(sources).split():
            cited_by.setdefault(source, []).append(county)
    for src in tables.sources.itertuples():
        if not (Path(site_dir) / "sources" / f"{src.source}.html").is_file():
            continue
        try:
            path = file_inside(reports_dir, src.file)  # as analysis.site.sources reads it
        except OutsideFolderError:
            continue
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        counties = " ".join(cited_by.get(src.source, []))
        for number in range(int(src.line_start), min(int(src.line_end), len(lines)) + 1):
            line = lines[number - 1].strip()
            for piece in _sentences(line) if line else []:
                yield Doc("report", counties, "", "", f"{src.source}, line {number}", piece.strip(),
                          f"sources/{src.source}.html#L{number}")


# --- the files -----------------------------------------------------------------------------------

def _shard_js(rows: list[list[str]]) -> bytes:
    # a call on a global list, so shards may load in any order, before or after the page's script
    body = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return f"(window.TOWNSHIP_SEARCH_SHARDS = window.TOWNSHIP_SEARCH_SHARDS || []).push({body});\n".encode()


def _write_if_changed(path: Path, data: bytes) -> None:
    if path.is_file() and hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest():
        return
    write_bytes_atomic(path, data)


def search_page() -> str:
    """site/search.html: the box, the results; everything it runs is a file of the site (the CSP allows no other)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Search: Township reform audit</title><link rel="stylesheet" href="{SITE_CSS}"><link rel="stylesheet" href="static/search.css"></head>
<body class="site-index site-search">
{SKIP_LINK}<header class="site-header">{site_nav("", here=SEARCH_PAGE)}
<h1>Search <span lang="zh">搜索</span></h1>
<p>Findings (their claims in Chinese and English), consistency checks, numbers, the problems named, notebook pages, the
report texts and the glossary, in English or Chinese, simplified or
traditional (<span lang="zh">编制</span> finds <span lang="zh-Hant">編制</span>): a county (<span lang="zh">东营</span>, Dongying), a grade
(discrepancy, <span lang="zh">不一致</span>), a domain (staffing, delegation), a term (culture station finds <span lang="zh">文化站</span>).</p></header>
<main id="{MAIN_ID}" tabindex="-1">
<div class="search-box" role="search" aria-label="search the site"><label for="search-q">Search</label>
<input id="search-q" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. 编制, 東營, culture station, discrepancy">
<output id="search-status" for="search-q" aria-live="polite">Loading the index…</output></div>
<noscript><p>The search runs in the browser: it needs JavaScript.</p></noscript>
<div id="search-results"></div>
</main>
{site_footer("")}
<script src="static/vendor/minisearch.js"></script>
<script src="{CORE_JS}"></script>
<script src="static/search-page.js"></script>
</body></html>
"""


def build_docs(site_dir: Path, tables, reports_dir: Path | None) -> dict[str, list[Doc]]:
    """The documents, by shard: "county-<id>", "source-<id>", "site" (pages of the whole site, the glossary)."""
    from analysis.audit import audit_findings

    # numbers link to their passage where its source page was written
    made = frozenset(s for s in tables.sources["source"] if (Path(site_dir) / "sources" / f"{s}.html").is_file())
    linker = replace(Linker.from_tables(tables, with_sources=False), sources=made)
    shards: dict[str, list[Doc]] = {}
    for kind, audit in (("finding", audit_findings(tables)), ("check", audit_findings(tables, table="checks"))):
        for doc in ledger_docs(audit, kind):
            shards.setdefault(f"county-{doc.county}", []).append(doc)
    for doc in chain(fact_docs(tables, linker), problem_docs(tables, linker)):
        shards.setdefault(f"county-{doc.county}", []).append(doc)
    for doc in term_docs(tables):  # the glossary, whole-site: searched at any size
        shards.setdefault("site", []).append(doc)
    county_ids = set(tables.counties["county"])
    domains = set(tables.facts["domain"]) | set(tables.findings["domain"]) | set(tables.measures["domain"])
    for doc in _once(doc for page in notebook_pages(site_dir) for doc in page_docs(site_dir, page, county_ids, domains)):
        shards.setdefault(f"county-{doc.county}" if doc.county else "site", []).append(doc)
    for doc in report_docs(tables, reports_dir, site_dir):
        shards.setdefault(f"source-{doc.href.split('/')[1].split('.')[0]}", []).append(doc)
    return shards


def _stamp(site_dir: Path, inputs: str, reports_dir: Path | None, load_all_bytes: int) -> str:
    """What the index was made from: ``inputs`` (the tables and the code), and each page it reads, by size and time."""
    pages = [*notebook_pages(site_dir), *sorted((site_dir / "sources").glob("*.html"))]
    stats = [(p.relative_to(site_dir).as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in pages]
    blob = json.dumps([inputs, str(reports_dir), load_all_bytes, stats])
    return hashlib.sha256(blob.encode()).hexdigest()


def write_search_index(site_dir: Path, tables, reports_dir: Path | None, inputs: str | None = None,
                       load_all_bytes: int = LOAD_ALL_BYTES) -> dict:
    """Write site/search.html, its core index and shards (from the tables, the pages on disk and the report
    texts); remove shards no longer made. Returns what was written: documents by kind, bytes, whether the page
    loads every shard.

    ``inputs`` is a digest of the tables and the code (the batch's): given, an index made from the same
    inputs and the same pages is left as it is, and {"unchanged": True} returned (a batch with nothing to do
    must stay quick: 4 ms, not the 1.1 s of reading the five reports' 43 pages and texts again).
    """
    site_dir = Path(site_dir)
    core_path = site_dir / CORE_JS
    stamp = f"// made from {_stamp(site_dir, inputs, reports_dir, load_all_bytes)}\n".encode() if inputs else b""
    if stamp and core_path.is_file() and (site_dir / SEARCH_PAGE).is_file():
        with open(core_path, "rb") as f:
            if f.readline() == stamp:
                return {"unchanged": True}
    shards = build_docs(site_dir, tables, reports_dir)
    rows = {name: [doc.row() for doc in docs] for name, docs in sorted(shards.items())}
    data = {name: _shard_js(r) for name, r in rows.items()}
    total = sum(len(d) for d in data.values())
    load_all = total <= load_all_bytes

    names = {c: (zh, en) for c, zh, en in zip(tables.counties["county"], tables.counties["name_zh"], tables.counties["name_en"])}
    own_sources = dict(zip(tables.counties["county"], tables.counties["sources"]))
    with_ledger = {name.removeprefix("county-") for name, docs in shards.items()
                   if name.startswith("county-") and any(d.kind in ("finding", "check", "number") for d in docs)}
    counties = []
    for county, (zh, en) in names.items():
        own = [n for n in (f"county-{county}", *(f"source-{s}" for s in str(own_sources[county]).split())) if n in data]
        counties.append([county, fold(zh), zh if fold(zh) != zh else "", en,
                         f"{county}/{LEDGER_PAGE}" if county in with_ledger else "", own])
    terms = [*TERMS, *theme_terms(tables.theme_codes)]
    held = set()
    for r in rows.values():
        for row in r:
            held.update(fold(row[4]) + row[5])
    held.update("".join(c[1] for c in counties) + "".join(z for t in terms for z in t.chinese))
    held.update("".join(SCRIPTS[HANS].status.values()))
    core = {
        "columns": COLUMNS,
        "kinds": KINDS,
        "grades": SCRIPTS[HANS].status,  # the simplified labels: traditional ones fold to them (已復現 -> 已复现)
        "terms": [[list(t.english), list(t.chinese)] for t in terms],
        "t2s": "".join(k + v for k, v in sorted(t2s_map(held).items())),
        "counties": counties,
        "shards": {name: [f"{SHARDS_DIR.removeprefix('static/')}/{name}.js", len(rows[name]), len(data[name])] for name in data},
        "always": [n for n in data if n == "site"],
        "loadAll": load_all,
    }
    core_js = stamp + f"window.TOWNSHIP_SEARCH = {json.dumps(core, ensure_ascii=False, separators=(',', ':'))};\n".encode()

    shard_dir = site_dir / SHARDS_DIR
    for name, blob in data.items():
        _write_if_changed(shard_dir / f"{name}.js", blob)
    for old in shard_dir.glob("*.js"):  # a county or part no longer in the tables
        if old.stem not in data:
            old.unlink()
    for name in PAGE_FILES:
        _write_if_changed(site_dir / name, (STATIC / name.removeprefix("static/")).read_bytes())
    _write_if_changed(site_dir / SEARCH_PAGE, search_page().encode())
    _write_if_changed(core_path, core_js)  # last: its stamp says the rest is written
    kinds = Counter(doc.kind for docs in shards.values() for doc in docs)
    return {"docs": dict(kinds), "shards": len(data), "bytes": total, "core_bytes": len(core_js),
            "largest_shard": max((len(d) for d in data.values()), default=0), "load_all": load_all}

