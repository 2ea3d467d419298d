"""One page per report part: its lines numbered, every number's passage marked, each linked back to where it is used.

The report texts are read at build time from the reports folder; nothing of them enters the repository.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from analysis.outputs import write_text_atomic
from analysis.paths import OutsideFolderError, file_inside
from analysis.site.assets import CSP_META, SITE_CSS
from analysis.site.chrome import MAIN_ID, SKIP_LINK, site_footer, site_nav
from analysis.site.links import LEDGER_PAGE
from analysis.site.text import zh_spans


def _spans(line: str, needles: list[tuple[str, str]]) -> list[tuple[int, int, list[str]]]:
    """Where each (id, text) stands in ``line``, overlapping spans merged: [(start, end, ids)]."""
    found = sorted((line.find(text), line.find(text) + len(text), ident) for ident, text in needles if text and text in line)
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, ident in found:
        if merged and start < merged[-1][1]:
            s, e, ids = merged[-1]
            merged[-1] = (s, max(e, end), [*ids, ident])
        else:
            merged.append((start, end, [ident]))
    return merged


def _marked(line: str, spans) -> str:
    out, last = [], 0
    for start, end, ids in spans:
        out.append(zh_spans(line[last:start]))
        anchors = "".join(f'<span id="{escape(i)}"></span>' for i in ids[1:])  # one element, one id: the rest as anchors
        out.append(f'{anchors}<mark id="{escape(ids[0])}" tabindex="-1">{zh_spans(line[start:end])}</mark>')
        last = end
    out.append(zh_spans(line[last:]))
    return "".join(out)


def _coverage_html(row) -> str:
    """The part's coverage account: every number the extractor finds in its lines, and what became of it."""
    if row is None:
        return ""
    return f'<p class="coverage">Coverage: {coverage_sentence(row).replace(" numbers:", " numbers in these lines:", 1)}.</p>'


def _used_by(tables, page_of) -> dict[str, list[tuple[str, str, str]]]:
    """For each fact and list id: (label, href from sources/, id) of the pages and findings that use it.

    A label names what the link leads to: a fact by the number as written and its page ("179項 (03-delegation)"),
    a finding by the claim it checks ("claim “44.6%”"); :func:`_used_html` tells apart two alike on one line.
    """
    used: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for fact in tables.facts.itertuples():
        page = page_of(fact.county, fact.domain)
        if page:
            used[fact.fact_id].append((f"{fact.as_written} ({Path(page).stem})", f"../{page}#fact-{fact.fact_id}", fact.fact_id))
    for table in (tables.findings, tables.checks):
        for f in table.itertuples():
            for ident in {f.claim_fact, *f.inputs.split()} - {""}:
                used[ident].append((f"claim “{f.claimed}”" if f.claimed else f"check {f.finding_id}",
                                    f"../{f.county}/{LEDGER_PAGE}#finding-{f.finding_id}", f.finding_id))
    return used


def passage_id(finding_id: str, n: int) -> str:
    """The anchor of the ``n``-th passage (from 1) a contradiction quotes, on its source's page."""
    return f"passage-{finding_id}-{n}"


def quoted_passages(tables):
    """(anchor, source, locator, finding row) of every passage a contradiction of the ledger quotes in its claim."""
    from analysis.rules import CONTRADICTION
    from analysis.schemas import passages

    for table in (tables.findings, tables.checks):
        for f in table[table["rule"] == CONTRADICTION].itertuples():
            for n, (source, locator) in enumerate(passages(f.claim), start=1):
                yield passage_id(f.finding_id, n), source, locator, f


def _used_html(back: list[tuple[str, str, str]]) -> str:
    """The links under a line, each named so that no two on the line read alike (a shared label gets its id).

    A label's Chinese is marked with its script's lang, the rest is English (the line around it is Chinese).

    >>> _used_html([("claim “88个”", "a#1", "x_sum"), ("claim “88个”", "a#2", "x_same"), ("8个 (01-finance)", "b#f", "f")])
    '<div class="used" lang="en">used by: <a href="a#1">claim “88<span lang="zh">个</span>” (x_sum)</a>, <a href="a#2">claim “88<span lang="zh">个</span>” (x_same)</a>, <a href="b#f">8<span lang="zh">个</span> (01-finance)</a></div>'
    """
    back = list(dict.fromkeys(back))
    if not back:
        return ""
    counts = Counter(label for label, _, _ in back)
    links = ", ".join(f'<a href="{escape(href)}">{zh_spans(label if counts[label] == 1 else f"{label} ({ident})")}</a>'
                      for label, href, ident in back)
    return f'<div class="used" lang="en">used by: {links}</div>'  # English words in the Chinese text's block


def coverage_counts(tables, reports_dir: Path | None) -> dict:
    """Each source's coverage account (analysis.coverage.summary rows by source); empty without the texts."""
    if reports_dir is None:
        return {}
    from analysis.coverage import account, summary

    try:
        return {row.source: row for row in summary(account(tables, reports_dir), tables).itertuples()}
    except (SystemExit, OSError, ValueError):  # texts of other tables (synthetic ones) not in that folder: no account
        return {}


def coverage_sentence(row) -> str:
    return (f"{row.numbers} numbers: {row.checked} checked (a claim, an input or a restatement), {row.context} context "
            f"with a reason (data/context.csv), {row.not_looked_at} not yet looked at")


def build_source_pages(out_dir: Path, tables, reports_dir: Path | None, page_of, counted: dict | None = None) -> list[str]:
    """Write sources/<source>.html for every report part; returns the sources written (none without texts).

    ``page_of(county, domain)`` gives the site path of the page that shows a county's domain, or None.
    """
    if reports_dir is None:
        return []
    used = _used_by(tables, page_of)
    counted = coverage_counts(tables, reports_dir) if counted is None else counted
    needles = defaultdict(list)  # source -> [(id, text)]
    for fact in tables.facts.itertuples():
        needles[fact.source].append((fact.fact_id, fact.locator))
    for item in tables.lists.itertuples():  # a list may run over a line break: mark where it starts
        needles[item.source].append((item.list_id, item.items.split("\n")[0]))
    for n, theme in enumerate(tables.themes.itertuples(), start=1):
        needles[theme.source].append((f"theme-{n}", theme.locator))
    for ident, source, locator, finding in quoted_passages(tables):  # a contradiction's two passages, each marked
        needles[source].append((ident, locator))
        used[ident].append((f"contradiction {finding.finding_id}", f"../{finding.county}/{LEDGER_PAGE}#finding-{finding.finding_id}",
                            finding.finding_id))
    written = []
    for src in tables.sources.itertuples():
        try:
            path = file_inside(reports_dir, src.file)  # the site publishes what it reads: nothing from outside the folder
        except OutsideFolderError:
            continue
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        rows, placed = [], set()
        for number in range(int(src.line_start), int(src.line_end) + 1):
            line = lines[number - 1] if number <= len(lines) else ""
            spans = _spans(line, [n for n in needles[src.source] if n[0] not in placed])  # an id marks its first place only
            placed.update(i for _, _, ids in spans for i in ids)
            back_html = _used_html([entry for _, _, ids in spans for i in ids for entry in used.get(i, [])])
            rows.append(f'<div class="line" id="L{number}"><span class="lineno">{number}</span><span>{_marked(line, spans)}</span>{back_html}</div>')
        missing = [i for i, _ in needles[src.source] if i not in placed]  # provenance would fail: say so, keep the anchor
        if missing:
            rows.append('<div class="line"><span class="lineno">?</span><span>Not found in this part: '
                        + ", ".join(f'<code id="{escape(i)}">{escape(i)}</code>' for i in missing) + "</span></div>")
        part = f", part {escape(str(src.part))}" if src.part else ""
        page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>{escape(src.source)}: {escape(src.title_en)}</title><link rel="stylesheet" href="../{SITE_CSS}"></head>
<body class="site-source">
{SKIP_LINK}<header class="site-header">{site_nav("../", section="sources.html")}</header>
<main id="{MAIN_ID}" tabindex="-1"><h1>{zh_spans(src.title_zh)}</h1>
<p>{escape(src.title_en)}. Issuer: {zh_spans(src.issuer or "not given")}. File <code>{escape(src.file)}</code>{part}, lines {int(src.line_start)}-{int(src.line_end)}.
Each number the tables transcribe is <mark>marked</mark>; under its line, links lead to the fact row and the findings that use it.</p>
{_coverage_html(counted.get(src.source))}
<div class="source-text" lang="zh">{"".join(rows)}</div></main>
{site_footer("../")}
</body></html>
"""
        write_text_atomic(Path(out_dir) / f"{src.source}.html", page)
        written.append(src.source)
    return written
