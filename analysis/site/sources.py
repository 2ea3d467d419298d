"""One page per report part: its lines numbered, every number's passage marked, each linked back to where it is used.

The report texts are read at build time from the reports folder; nothing of them enters the repository.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

from analysis.outputs import write_text_atomic
from analysis.paths import OutsideFolderError, file_inside
from analysis.site.assets import CSP_META, SITE_CSS
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


def _used_by(tables, page_of) -> dict[str, list[tuple[str, str]]]:
    """For each fact and list id: (label, href from sources/) of the pages and findings that use it."""
    used: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fact in tables.facts.itertuples():
        page = page_of(fact.county, fact.domain)
        if page:
            used[fact.fact_id].append((f"fact row on {page}", f"../{page}#fact-{fact.fact_id}"))
    for table in (tables.findings, tables.checks):
        for f in table.itertuples():
            for ident in {f.claim_fact, *f.inputs.split()} - {""}:
                used[ident].append((f"finding {f.finding_id}", f"../{f.county}/{LEDGER_PAGE}#finding-{f.finding_id}"))
    return used


def coverage_counts(tables, reports_dir: Path | None) -> dict:
    """Each source's coverage account (analysis.coverage.summary rows by source); empty without the texts."""
    if reports_dir is None:
        return {}
    from analysis.coverage import account, summary

    return {row.source: row for row in summary(account(tables, reports_dir), tables).itertuples()}


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
            back = [(label, href) for _, _, ids in spans for i in ids for label, href in used.get(i, [])]
            back_html = (f'<div class="used">used by: {", ".join(f"<a href={chr(34)}{escape(h)}{chr(34)}>{escape(label)}</a>" for label, h in dict.fromkeys(back))}</div>'
                         if back else "")
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
<nav class="site-nav" aria-label="site"><a href="../index.html">Township reform audit: index</a></nav>
<header><h1>{zh_spans(src.title_zh)}</h1>
<p>{escape(src.title_en)}. Issuer: {zh_spans(src.issuer or "not given")}. File <code>{escape(src.file)}</code>{part}, lines {int(src.line_start)}-{int(src.line_end)}.
Each number the tables transcribe is <mark>marked</mark>; under its line, links lead to the fact row and the findings that use it.</p>
{_coverage_html(counted.get(src.source))}</header>
<main class="source-text" lang="zh">{"".join(rows)}</main>
</body></html>
"""
        write_text_atomic(Path(out_dir) / f"{src.source}.html", page)
        written.append(src.source)
    return written
