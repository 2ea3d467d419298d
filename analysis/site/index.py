"""The site's index: coverage of every page, the whole ledger and every fact, searchable offline, each linked to its source."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import chain
from pathlib import Path

import pandas as pd

from analysis.outputs import write_chunks_atomic
from analysis.site.assets import LIST_JS, SITE_CSS, write_static
from analysis.site.links import Linker
from analysis.site.text import STATUS_LABEL, zh_spans

# Filters of the ledger and facts tables (list.js keeps the rows; this wires the controls to it).
SEARCH_JS = """
function wireSearch(id) {
  var root = document.getElementById(id);
  var list = new List(id, {valueNames: [{data: ['county', 'domain', 'status']}]});
  var text = root.querySelector('input[type=search]');
  var selects = Array.prototype.slice.call(root.querySelectorAll('select'));
  var count = root.querySelector('output');
  function apply() {
    var q = text.value.trim().toLowerCase();
    list.filter(function (item) {
      var data = item.elm.dataset;
      var chosen = selects.every(function (s) { return !s.value || data[s.name] === s.value; });
      return chosen && (!q || item.elm.textContent.toLowerCase().indexOf(q) >= 0);
    });
    count.textContent = list.matchingItems.length + ' of ' + list.items.length + ' rows';
  }
  text.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
}
wireSearch('ledger-list');
wireSearch('facts-list');
"""


def grade_counts_sentence(ledger: pd.DataFrame) -> str:
    """"121 findings: 77 reproduced (24 arithmetic, 44 list counts, 9 restatements), 7 tensions, ...": grades and what was checked."""
    from analysis.audit import ARITHMETIC, LIST_COUNT, RESTATEMENT

    counts = ledger["status"].value_counts()
    kinds = ledger[ledger["status"] == "reproduced"]["kind"].value_counts()
    checked = (f"{kinds.get(ARITHMETIC, 0)} arithmetic, {kinds.get(LIST_COUNT, 0)} list counts, "
               f"{kinds.get(RESTATEMENT, 0)} restatements")
    return (f"{len(ledger)} findings: {counts.get('reproduced', 0)} reproduced ({checked}), "
            f"{counts.get('tension', 0)} tensions, {counts.get('discrepancy', 0)} discrepancies, "
            f"{counts.get('unverifiable', 0)} unverifiable.")


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


def _jump_list(ledger: pd.DataFrame, status: str, text: str) -> str:
    ids = ledger[ledger["status"] == status]["finding_id"]
    if not len(ids):
        return ""
    return f"<p>{text}: " + ", ".join(f'<a href="#finding-{escape(i)}"><code>{escape(i)}</code></a>' for i in ids) + ".</p>"


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


def _citation_lookups(tables) -> tuple[dict, dict]:
    """Each source's cells by id, and each finding's or check's claim fact: made once for both ledger tables."""
    sources = {src["source"]: src for src in tables.sources.to_dict("records")}  # .loc: 0.2 ms a row, 15,501 rows at 2,800 counties
    both = pd.concat([tables.findings, tables.checks])
    return sources, dict(zip(both["finding_id"], both["claim_fact"]))


def _ledger_rows(ledger: pd.DataFrame, lookups: tuple[dict, dict], linker: Linker,
                 page_of=lambda county, domain: None) -> Iterator[str]:
    sources, claim_facts = lookups
    for f in ledger.itertuples():
        where = ""
        if f.source:
            src = sources[f.source]
            part = f", part {escape(str(src['part']))}" if src["part"] else ""
            claim_fact = claim_facts.get(f.finding_id, "")
            href = linker.href(claim_fact, 0) if claim_fact in linker.facts else None
            quoted = f"“{zh_spans(f.locator)}”"
            where = f"{escape(src['file'])}{part}: " + (f'<a href="{escape(href)}">{quoted}</a>' if href else quoted)
        inputs = f"<br><small>inputs: {linker.markup(f.inputs, 0)}</small>" if f.inputs else ""
        reading = f"<br><small>read as {zh_spans(f.reading)}</small>" if f.reading else ""
        yield (
            f'<tr id="finding-{escape(f.finding_id)}" data-county="{escape(f.county)}" data-domain="{escape(f.domain)}" '
            f'data-status="{escape(f.status)}"><td><code>{escape(f.finding_id)}</code></td>'
            f"<td>{_page_link(page_of(f.county, f.domain), f.county)}</td><td>{zh_spans(f.claim)}</td><td>{zh_spans(f.claimed)}</td><td>{escape(f.recomputed)}</td>"
            f'<td><span class="badge {escape(f.status)}">{zh_spans(STATUS_LABEL[f.status])}</span>{reading}</td>'
            f"<td>{escape(f.kind)}</td><td>{zh_spans(f.note)}</td><td>{where}{inputs}</td></tr>")


def _page_link(href: str | None, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def _theme_rows(tables, linker: Linker) -> Iterator[str]:
    terms = dict(zip(tables.theme_codes["theme"], tables.theme_codes["term_zh"]))
    for n, t in enumerate(tables.themes.itertuples(), start=1):
        quoted = f"“{zh_spans(t.locator)}”"
        href = f"sources/{t.source}.html#theme-{n}" if t.source in linker.sources else None
        yield (f'<tr data-county="{escape(t.county)}"><td>{escape(t.county)}</td><td>{escape(t.theme)} {zh_spans(terms.get(t.theme, ""))}</td>'
                    f'<td>{linker.markup(t.source, 0)}: {f"<a href={chr(34)}{escape(href)}{chr(34)}>{quoted}</a>" if href else quoted}</td>'
                    f"<td>{zh_spans(t.note)}</td></tr>")


def _fact_rows(tables, linker: Linker) -> Iterator[str]:
    from analysis.display import format_cell

    for f in tables.facts.itertuples():
        yield (
            f'<tr data-county="{escape(f.county)}" data-domain="{escape(f.domain)}"><td>{linker.markup(f.fact_id, 0)}</td>'
            f"<td>{escape(f.county)}</td><td>{escape(f.domain)}</td><td>{zh_spans(f.entity)}</td><td>{escape(f.measure)}</td>"
            f"<td>{zh_spans(f.as_written)}</td><td>{escape(format_cell(f.value))}</td><td>{escape(f.unit)}</td>"
            f"<td>{linker.markup(f.source, 0)}: “{zh_spans(f.locator)}”</td></tr>")


LEDGER_COLUMNS = (("c-id", "finding"), ("c-county", "county"), ("c-claim", "claim (as the report wrote it)"), ("c-claimed", "claimed"),
                  ("c-recomputed", "recomputed"), ("c-status", "grade"), ("c-kind", "checks"), ("c-note", "note"),
                  ("c-cite", "citation and inputs"))


def build_index(out: Path, tables, ledger: pd.DataFrame, pages: dict, site_wide: list[dict], domains: dict[str, str],
                linker: Linker | None = None, checks: pd.DataFrame | None = None) -> None:
    """Write site/index.html: coverage, the ledger with grades and citations, every fact, search; links to sources.

    ``pages`` maps (county, notebook) to {"href", "label", "status", "error"}; a missing key means
    the reports give no numbers or claims for that county and domain. ``site_wide`` lists the pages
    made once for the whole site (the overview, the tour), each with a "what" it offers.
    """
    linker = linker or Linker.from_tables(tables, with_sources=False)
    write_static(out.parent)
    head = "".join(f'<th scope="col">{escape(nb)}</th>' for nb in domains)
    jump = "".join(_jump_list(ledger, status, text) for status, text in (
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
    sources_html += "<ul>" + "".join(f"<li>{linker.markup(s.source, 0)} {zh_spans(s.title_zh)} ({escape(s.file)})</li>"
                                     for s in tables.sources.itertuples()) + "</ul>"
    cols = "".join(f'<col class="{c}">' for c, _ in LEDGER_COLUMNS)
    notebook_of = {domain: notebook for notebook, domain in domains.items()}

    def page_of(county: str, domain: str) -> str | None:
        entry = pages.get((county, notebook_of.get(domain)))
        return entry["href"] if entry and entry["status"] in ("ok", "out of date", "failed") else None

    def coverage_rows() -> Iterator[str]:
        for place in tables.counties.itertuples():
            cells = "".join(_cell(pages.get((place.county, nb))) for nb in domains)
            yield f"<tr><th scope=\"row\">{zh_spans(place.name_zh)} {escape(place.name_en)}<br><code>{escape(place.county)}</code></th>{cells}</tr>"

    ledger_head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in LEDGER_COLUMNS)
    lookups = _citation_lookups(tables)
    # The page in order, its long tables a row at a time: joined into one string, the index held its
    # text three times over (at 200 synthetic counties building it added 23 MiB to the driver, now 6).
    page = chain([f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Township reform audit 乡镇改革报告核查</title><link rel="stylesheet" href="{SITE_CSS}"></head>
<body class="site-index">
<header><h1>Township reform audit <span lang="zh">乡镇改革报告核查</span></h1>
<p>Five Chinese government reports on township (<span lang="zh">乡镇</span>) reform, transcribed number by number with a verbatim locator in each source.
Every claim they make is recomputed from those numbers and graded reproduced, tension (only a stated reasonable reading reconciles it), discrepancy or unverifiable.</p>
<nav class="site-toc" aria-label="contents"><ol><li><a href="#coverage">Coverage</a></li><li><a href="#ledger">The findings ledger</a></li>
<li><a href="#checks">Consistency checks</a></li><li><a href="#facts">Every number transcribed</a></li><li><a href="#themes">The problems named</a></li><li><a href="#sources">The sources</a></li></ol></nav></header>
<main>
{overview_link}
{failed_html}
<h2 id="coverage">Coverage: county by domain</h2>
<p>Each cell links to the notebook page for that county and domain, or says why there is none.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="coverage"><table><thead><tr><th scope="col">county</th>{head}</tr></thead><tbody>"""], coverage_rows(), [f"""</tbody></table></div>
<h2 id="ledger">The findings ledger</h2>
<p>{grade_counts_sentence(ledger)} The whole ledger follows; each citation links to its passage in the source text.</p>
{jump}
<div id="ledger-list">{_filters(ledger, "ledger")}
<div class="table-scroll" role="region" tabindex="0" aria-label="the findings ledger"><table class="ledger"><colgroup>{cols}</colgroup>
<thead><tr>{ledger_head}</tr></thead>
<tbody class="list">"""], _ledger_rows(ledger, lookups, linker, page_of), [f"""</tbody></table></div></div>
<h2 id="checks">Consistency checks the ledger adds</h2>
<p>Identities the reports never state, audited like the findings and never counted among them.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="consistency checks"><table class="ledger"><colgroup>{cols}</colgroup>
<thead><tr>{ledger_head}</tr></thead><tbody>"""], _ledger_rows(checks, lookups, linker) if checks is not None else [], [f"""</tbody></table></div>
<h2 id="facts">Every number transcribed</h2>
<p>{len(tables.facts)} numbers, each as the report wrote it, in base units, with its verbatim locator.</p>
<div id="facts-list">{_filters(tables.facts, "facts")}
<div class="table-scroll" role="region" tabindex="0" aria-label="every number transcribed"><table>
<thead><tr><th scope="col">fact</th><th scope="col">county</th><th scope="col">domain</th><th scope="col">entity</th><th scope="col">measure</th>
<th scope="col">as written</th><th scope="col">value</th><th scope="col">unit</th><th scope="col">source and locator</th></tr></thead>
<tbody class="list">"""], _fact_rows(tables, linker), [f"""</tbody></table></div></div>
<h2 id="themes">The problems the reports name</h2>
<p>{len(tables.themes)} passages, each coded with a problem (<code>data/themes.csv</code>) and linked to its place in the source.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="the problems the reports name"><table>
<thead><tr><th scope="col">county</th><th scope="col">problem</th><th scope="col">source and locator</th><th scope="col">note</th></tr></thead>
<tbody>"""], _theme_rows(tables, linker), [f"""</tbody></table></div>
<h2 id="sources">The sources</h2>
{sources_html}
</main>
<footer class="site-footer"><p>Built by <code>python -m analysis batch</code> (<code>make reports</code>).</p></footer>
<script src="{LIST_JS}"></script>
<script>{SEARCH_JS}</script>
</body></html>
"""])
    write_chunks_atomic(out, page)
