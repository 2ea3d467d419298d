"""The site's index: coverage of every page, the whole ledger and every fact, searchable offline, each linked to its source."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import chain
from pathlib import Path

import pandas as pd

from analysis.outputs import write_chunks_atomic
from analysis.site.assets import CSP_META, LIST_JS, SEARCH_JS, SITE_CSS, write_static
from analysis.site.ledger_rows import (FACTS_HEAD, LEDGER_COLS, LEDGER_HEAD, THEMES_HEAD, citation_lookups, fact_rows,
                                       grade_counts_sentence, ledger_rows, numbered_themes, theme_rows)
from analysis.site.ledgers import build_county_ledgers
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.sources import coverage_sentence
from analysis.site.text import zh_spans

# Past this many rows (facts, findings, checks, themes) the index leaves the long tables to the counties'
# ledger pages: at 200 synthetic counties (5,860 facts) headless Chromium took 8 s to open it and 2.4 GB,
# at 700 counties 22 s and 4.8 GB, and at 2,800 (52 MB) it had not opened it after 120 s.
INDEX_ROWS_MAX = 2_000



def _status_link(entry: dict) -> str:
    if entry["status"] == "not run":  # planned, but no page on disk: no link that points nowhere
        return f'<span class="nodata">{escape(entry["label"])}: not run yet (<code>make reports</code>)</span>'
    link = f'<a href="{escape(entry["href"])}">{escape(entry["label"])}</a>'
    if entry["status"] == "out of date":
        return f'<span class="badge stale">out of date</span> {link}<br><small>{escape(entry["error"])}</small>'
    if entry["status"] == "failed":
        return f'<span class="badge failed">failed</span> {link}<br><small>{escape(entry["error"])}</small>'
    return f'<span class="badge ok">ok</span> {link}'


def _cell(entry: dict | None) -> str:
    if entry is None:
        return '<td class="nodata">no numbers or claims in the reports</td>'
    return f"<td>{_status_link(entry)}</td>"


def _jump_list(ledger: pd.DataFrame, status: str, text: str, here: bool = True) -> str:
    """Links to the findings of one grade: to their rows on this page, or (``here`` False) on their counties' pages."""
    rows = ledger[ledger["status"] == status]
    if not len(rows):
        return ""
    return f"<p>{text}: " + ", ".join(
        f'<a href="{"" if here else f"{escape(c)}/{LEDGER_PAGE}"}#finding-{escape(i)}"><code>{escape(i)}</code></a>'
        for i, c in zip(rows["finding_id"], rows["county"])) + ".</p>"


def index_rows(tables) -> int:
    """The rows the index's tables would have: facts, findings, checks and themes."""
    return len(tables.facts) + len(tables.findings) + len(tables.checks) + len(tables.themes)


def index_is_whole(tables) -> bool:
    """Whether the index lists every finding, check, fact and theme itself (see INDEX_ROWS_MAX)."""
    return index_rows(tables) <= INDEX_ROWS_MAX


def _filters(frame: pd.DataFrame, label: str) -> str:
    selects = []
    for field in ("county", "domain", "status"):
        if field not in frame:
            continue
        options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(set(frame[field])))
        selects.append(f'<label>{field}<select name="{field}"><option value="">all</option>{options}</select></label>')
    return (f'<div class="search" role="search" aria-label="filter the {label}"><label>text (Chinese or English)'
            f'<input type="search" placeholder="e.g. 44.6% or 文化站"></label>{"".join(selects)}'
            f'<output aria-live="polite"></output></div>')


def build_index(out: Path, tables, ledger: pd.DataFrame, pages: dict, site_wide: list[dict], domains: dict[str, str],
                linker: Linker | None = None, checks: pd.DataFrame | None = None, coverage: dict | None = None) -> None:
    """Write site/index.html and each county's ledger page (analysis.site.ledgers): coverage, the ledger with
    grades and citations, every fact, search; links to sources. Past INDEX_ROWS_MAX rows the index keeps the
    coverage, the grade counts and the jump lists, and leaves the tables to the ledger pages.

    ``pages`` maps (county, notebook) to {"href", "label", "status", "error"}; a missing key means
    the reports give no numbers or claims for that county and domain. ``site_wide`` lists the pages
    made once for the whole site (the overview, the tour), each with a "what" it offers.
    """
    linker = linker or Linker.from_tables(tables, with_sources=False)
    write_static(out.parent)
    whole = index_is_whole(tables)
    head = "".join(f'<th scope="col">{escape(nb)}</th>' for nb in domains)
    jump = "".join(_jump_list(ledger, status, text, here=whole) for status, text in (
        ("discrepancy", "Discrepancies (no reasonable reading of the reports' own numbers gives the claim)"),
        ("tension", "Tensions (the literal reading fails; the reading named in the note reconciles the numbers)")))
    overview_link = "".join(f"<p>{_status_link(entry)}: {escape(entry['what'])}.</p>" for entry in site_wide)
    if tables.sources["title_en"].str.contains("SYNTHETIC").any():
        overview_link = ('<p class="synthetic" role="note"><strong>SYNTHETIC DATA: invented counties and numbers for '
                         "testing, not real reports.</strong></p>" + overview_link)
    failed = [e for e in [*pages.values(), *site_wide] if e["status"] == "failed"]
    failed_html = ("<h2>Failed runs</h2><ul>" + "".join(f'<li><a href="{escape(e["href"])}">{escape(e["label"])}</a>: {escape(e["error"])}</li>' for e in failed) + "</ul>") if failed else ""
    sources_html = ("" if linker.sources else
                    '<p role="note">The report texts were not found when this site was built (set <code>REPORTS_DIR</code> and run '
                    "<code>make reports</code>): the passages are quoted but not linked.</p>")
    coverage = coverage or {}  # each part's numbers: checked, context, not yet looked at (analysis.coverage)
    sources_html += "<ul>" + "".join(f"<li>{linker.markup(s.source, 0)} {zh_spans(s.title_zh)} ({escape(s.file)})"
                                     + (f"<br><small>{escape(coverage_sentence(coverage[s.source]))}</small>" if s.source in coverage else "")
                                     + "</li>" for s in tables.sources.itertuples()) + "</ul>"
    notebook_of = {domain: notebook for notebook, domain in domains.items()}
    findings_of, facts_of = ledger["county"].value_counts(), tables.facts["county"].value_counts()

    def page_of(county: str, domain: str) -> str | None:
        entry = pages.get((county, notebook_of.get(domain)))
        return entry["href"] if entry and entry["status"] in ("ok", "out of date", "failed") else None

    lookups = citation_lookups(tables)
    with_ledger = build_county_ledgers(out.parent, tables, ledger, checks, linker, lookups, page_of)  # what the coverage links

    def coverage_rows() -> Iterator[str]:
        for place in tables.counties.itertuples():
            cells = "".join(_cell(pages.get((place.county, nb))) for nb in domains)
            n, m = int(findings_of.get(place.county, 0)), int(facts_of.get(place.county, 0))
            own = (f'<td><a href="{escape(place.county)}/{LEDGER_PAGE}">{n} finding{"" if n == 1 else "s"}, {m} number{"" if m == 1 else "s"}</a></td>'
                   if place.county in with_ledger else '<td class="nodata">no numbers or claims in the reports</td>')
            yield f"<tr><th scope=\"row\">{zh_spans(place.name_zh)} {escape(place.name_en)}<br><code>{escape(place.county)}</code></th>{own}{cells}</tr>"

    if whole:
        sections = [("ledger", "The findings ledger"), ("checks", "Consistency checks"), ("facts", "Every number transcribed"),
                    ("themes", "The problems named")]
        ledger_intro = "The whole ledger follows; each citation links to its passage in the source text."
    else:
        sections = [("ledger", "The findings ledger")]
        ledger_intro = (f"With {index_rows(tables):,} rows of findings, checks, numbers and problems, the tables are on each county's ledger "
                        "page (linked in the coverage table), each citation linked to its passage in the source text.")
    toc = "".join(f'<li><a href="#{anchor}">{title}</a></li>' for anchor, title in [("coverage", "Coverage"), *sections, ("sources", "The sources")])
    toc += '<li><a href="search.html">Search everything</a> (findings, numbers, pages, report texts)</li>'
    # The page in order, its long tables a row at a time: joined into one string, the index held its
    # text three times over (at 200 synthetic counties building it added 23 MiB to the driver, now 6).
    page = chain([f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Township reform audit 乡镇改革报告核查</title><link rel="stylesheet" href="{SITE_CSS}"></head>
<body class="site-index">
<header><h1>Township reform audit <span lang="zh">乡镇改革报告核查</span></h1>
<p>Five Chinese government reports on township (<span lang="zh">乡镇</span>) reform, transcribed number by number with a verbatim locator in each source.
Every claim they make is recomputed from those numbers and graded reproduced, tension (only a stated reasonable reading reconciles it), discrepancy or unverifiable.</p>
<nav class="site-toc" aria-label="contents"><ol>{toc}</ol></nav></header>
<main>
{overview_link}
{failed_html}
<h2 id="coverage">Coverage: county by domain</h2>
<p>Each county's ledger page lists its findings, checks, numbers and problems. Each other cell links to the notebook page for that county and domain, or says why there is none.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="coverage"><table><thead><tr><th scope="col">county</th><th scope="col">ledger</th>{head}</tr></thead><tbody>"""], coverage_rows(), [f"""</tbody></table></div>
<h2 id="ledger">The findings ledger</h2>
<p>{grade_counts_sentence(ledger)} {ledger_intro}</p>
{jump}"""], _whole_tables(tables, ledger, checks, lookups, linker, page_of) if whole else [], [f"""
<h2 id="sources">The sources</h2>
{sources_html}
</main>
<footer class="site-footer"><p>Built by <code>python -m analysis batch</code> (<code>make reports</code>).</p></footer>
""", f"""<script src="{LIST_JS}"></script>
<script src="{SEARCH_JS}"></script>
""" if whole else "", """</body></html>
"""])
    write_chunks_atomic(out, page)


def _whole_tables(tables, ledger: pd.DataFrame, checks: pd.DataFrame | None, lookups, linker: Linker, page_of) -> Iterator[str]:
    """The index's ledger, checks, facts and themes, whole and searchable (while it is small enough: INDEX_ROWS_MAX)."""
    yield f"""
<div id="ledger-list">{_filters(ledger, "ledger")}
<div class="table-scroll" role="region" tabindex="0" aria-label="the findings ledger"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead>
<tbody class="list">"""
    yield from ledger_rows(ledger.itertuples(), lookups, linker, page_of)
    yield f"""</tbody></table></div></div>
<h2 id="checks">Consistency checks the ledger adds</h2>
<p>Identities the reports never state, audited like the findings and never counted among them.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="consistency checks"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead><tbody>"""
    if checks is not None:
        yield from ledger_rows(checks.itertuples(), lookups, linker)
    yield f"""</tbody></table></div>
<h2 id="facts">Every number transcribed</h2>
<p>{len(tables.facts)} numbers, each as the report wrote it, in base units, with its verbatim locator.</p>
<div id="facts-list">{_filters(tables.facts, "facts")}
<div class="table-scroll" role="region" tabindex="0" aria-label="every number transcribed"><table>
<thead><tr>{FACTS_HEAD}</tr></thead>
<tbody class="list">"""
    yield from fact_rows(tables.facts.itertuples(), linker)
    yield f"""</tbody></table></div></div>
<h2 id="themes">The problems the reports name</h2>
<p>{len(tables.themes)} passages, each coded with a problem (<code>data/themes.csv</code>) and linked to its place in the source.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="the problems the reports name"><table>
<thead><tr>{THEMES_HEAD}</tr></thead>
<tbody>"""
    yield from theme_rows(numbered_themes(tables).itertuples(), tables, linker)
    yield "</tbody></table></div>"
