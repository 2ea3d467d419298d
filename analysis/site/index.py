"""The site's front page, which leads with the verdict, and the pages of the long tables it leaves out.

``index.html`` says, for the collection and for each report, what was checked and how it was graded, and
shows every discrepancy and tension as a card: the claim in Chinese and in English, the numbers, the reading
that reconciles it or why none does, and links to its passage, its ledger row and its notebook page; then the
coverage of notebook pages. ``ledger.html``, ``numbers.html`` and ``problems.html`` hold the long tables, each
filtered offline (list.js and static/search.js); ``glossary.html`` the Chinese terms (analysis.site.glossary);
``sources.html`` the reports. Every page carries the same skip link, short navigation and footer (analysis.site.chrome).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape
from itertools import chain
from pathlib import Path

import pandas as pd

from analysis.outputs import write_chunks_atomic
from analysis.scripts import HANS, county_scripts, status_label
from analysis.site.assets import CSP_META, FRONT_CSS, LIST_JS, SEARCH_JS, SITE_CSS, write_static
from analysis.site.chrome import MAIN_ID, SKIP_LINK, site_footer, site_nav
from analysis.site.glossary import GLOSSARY_PAGE, Glossary, glossary_body
from analysis.site.ledger_rows import (FACTS_HEAD, LEDGER_COLS, LEDGER_HEAD, THEMES_HEAD, citation_lookups, fact_rows,
                                       grade_counts_sentence, ledger_rows, numbered_themes, theme_rows)
from analysis.site.ledgers import build_county_ledgers
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.sources import coverage_sentence, passage_id
from analysis.site.text import STATUS_LABEL, zh_spans

# Past this many rows (facts, findings, checks, themes) the long tables are left to the counties' ledger pages:
# at 200 synthetic counties (5,860 facts) headless Chromium took 8 s to open them on one page and 2.4 GB,
# at 700 counties 22 s and 4.8 GB, and at 2,800 (52 MB) it had not opened it after 120 s.
INDEX_ROWS_MAX = 2_000
# The grades a card is made for, the worse first.
CARD_GRADES = ("discrepancy", "tension")
GRADE_MEANS = {
    "discrepancy": "no reasonable reading of the report's own numbers gives the claim",
    "tension": "the literal reading fails; a stated reasonable reading reconciles the numbers",
}


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


def index_rows(tables) -> int:
    """The rows the long tables would have: facts, findings, checks and themes."""
    return len(tables.facts) + len(tables.findings) + len(tables.checks) + len(tables.themes)


def index_is_whole(tables) -> bool:
    """Whether ledger.html, numbers.html and problems.html list every row themselves (see INDEX_ROWS_MAX)."""
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


def _head(title: str) -> str:
    return (f'<meta charset="utf-8">{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="icon" href="data:,"><link rel="stylesheet" href="{SITE_CSS}"><link rel="stylesheet" href="{FRONT_CSS}">'
            f"<title>{escape(title)}</title>")


def _write_page(path: Path, title: str, here: str, body: Iterable[str], scripts: bool = False) -> None:
    """One page at the site's root: head, navigation, ``body`` (chunks), and the filters' scripts when it has filters."""
    script = f'<script src="{LIST_JS}"></script>\n<script src="{SEARCH_JS}"></script>\n' if scripts else ""
    write_chunks_atomic(path, chain([f"""<!DOCTYPE html>
<html lang="en">
<head>{_head(title)}</head>
<body class="site-index">
{SKIP_LINK}<header class="site-header">{site_nav("", here=here)}</header>
<main id="{MAIN_ID}" tabindex="-1">
"""], body, [f"""
</main>
{site_footer("")}
{script}</body></html>
"""]))


def _report_of(tables, ledger: pd.DataFrame) -> pd.Series:
    """Each finding's report (its source's file): the source of its claim fact, else its county's first source."""
    file_of = dict(zip(tables.sources["source"], tables.sources["file"]))
    first_source = {c: s.split()[0] for c, s in zip(tables.counties["county"], tables.counties["sources"])}
    return pd.Series([file_of.get(s or first_source.get(c, ""), "") for s, c in zip(ledger["source"], ledger["county"])],
                     index=ledger.index, dtype=object)


def _report_title(parts: pd.DataFrame) -> str:
    """A report's name: its titles when it is one part, or its parts' one Chinese title and what their English ones share."""
    zh = set(parts["title_zh"])
    if len(zh) > 1:
        return f"{len(parts)} parts"
    return f'{escape(_shared_words(parts["title_en"].tolist()))} <span class="title-zh">{zh_spans(zh.pop())}</span>'


def _shared_words(titles: list[str]) -> str:
    """The words all ``titles`` begin with, an unclosed parenthesis and what follows it left out.

    >>> _shared_words(["Report on reform (part 1: a city)", "Report on reform (part 2: history)"])
    'Report on reform'
    >>> _shared_words(["Reform of towns", "Reform of townships"]), _shared_words(["One title"])
    ('Reform of', 'One title')
    """
    end = min(map(len, titles))
    end = next((i for i, chars in enumerate(zip(*titles)) if len(set(chars)) > 1), end)
    shared = titles[0][:end]
    if any(len(t) > end and t[end].isalnum() for t in titles) and shared[-1:].isalnum():  # cut inside a word
        shared = shared[:shared.rfind(" ") + 1]
    if shared.count("(") > shared.count(")"):
        shared = shared[:shared.rfind("(")]
    return shared.rstrip(" :,;-") or titles[0]


def _parts_list(parts: pd.DataFrame, linker: Linker) -> str:
    if len(parts) == 1:
        return ""
    items = "".join(f'<li>{linker.markup(p.source, 0)} {escape(p.title_en)} <span class="title-zh">{zh_spans(p.title_zh)}</span></li>'
                    for p in parts.itertuples())
    return f'<details class="parts"><summary>Its {len(parts)} parts</summary><ul class="parts">{items}</ul></details>'


def _checks_sentence(checks: pd.DataFrame | None) -> str:
    if checks is None or checks.empty:
        return ""
    counts = Counter(checks["status"])
    graded = ", ".join(f"{counts[s]} {s}" for s in ("reproduced", "tension", "discrepancy", "unverifiable") if counts[s])
    return (f" The ledger adds {len(checks)} consistency check{'s' if len(checks) != 1 else ''} of its own, never counted "
            f"among the claims: {graded}.")


class _Cards:
    """What a card needs besides its ledger row: readings, units, links, the glossary."""

    def __init__(self, tables, linker: Linker, page_of, glossary: Glossary, scripts: dict[str, str] | None = None):
        from analysis.audit import audit_readings
        from analysis.standard_readings import READINGS

        self.linker, self.page_of, self.glossary, self.scripts = linker, page_of, glossary, scripts or {}
        both = pd.concat([tables.findings, tables.checks])
        self.claim_fact = dict(zip(both["finding_id"], both["claim_fact"]))
        self.own_note = dict(zip(both["finding_id"], both["note"]))
        self.unit = dict(zip(tables.facts["fact_id"], tables.facts["unit"]))
        self.names = dict(zip(tables.counties["county"], tables.counties["name_en"]))
        self.names_zh = dict(zip(tables.counties["county"], tables.counties["name_zh"]))
        self.standard_why = {r.name: r.why for r in READINGS}
        self.readings: dict[str, list[dict]] = {}
        has_readings = set(tables.readings["finding_id"])
        if has_readings:
            for r in audit_readings(tables).to_dict("records"):
                self.readings.setdefault(r["finding_id"], []).append(r)

    def _number(self, value: str, finding_id: str) -> str:
        """A recomputed number with its claim's unit when that is % (62.5 is 62.5%); other units stay as the claim says."""
        unit = self.unit.get(self.claim_fact.get(finding_id, ""), "")
        return f"{escape(value)}{'%' if value and unit == '%' else ''}"

    def _reading(self, f) -> str:
        g = self.glossary
        tried = self.readings.get(f.finding_id, [])
        if f.status == "tension":
            own = next((r for r in tried if r["label"] == f.reading), None)
            why = own["why"] if own else self.standard_why.get(f.reading, "")
            gives = f" gives {self._number(own['recomputed'], f.finding_id)}" if own and own["recomputed"] else ""
            if own and own["claimed"] and own["claimed"] != f.claimed:  # the reading reads the claim too ("59名以内")
                gives += f" against {zh_spans(own['claimed'])}"
            return (f'<p class="reading"><strong>Reconciled when read as</strong> {g.markup(f.reading)}{gives}'
                    f"{': ' + g.markup(why) if why else ''}.</p>")
        if tried:
            items = "; ".join(f"{g.markup(r['label'])}: {self._number(r['recomputed'], f.finding_id) or 'nothing'}, "
                              f"{'holds' if r['holds'] == 'yes' else 'fails'}" for r in tried)
            return f'<p class="reading"><strong>No reasonable reading reconciles it.</strong> Read as {items}.</p>'
        tried_too = " (the standard readings were tried: see the audit's reasoning)" if f.kind == "arithmetic" else ""
        return f'<p class="reading"><strong>No reasonable reading reconciles it</strong>{escape(tried_too)}.</p>'

    def _why(self, f, own_note: str) -> str:
        """The finding's note and the audit's reasoning. A discrepancy's note says why no reading holds: it is shown; a
        tension's reading line already says what reconciles it, so its note waits, folded, with the audit's reasoning."""
        from analysis.rules import CONTRADICTION

        g = self.glossary
        if f.rule == CONTRADICTION:  # its note is its reading line
            own_note = ""
        shown = f'<p class="note"><strong>Why.</strong> {g.markup(own_note)}</p>' if own_note and f.status == "discrepancy" else ""
        folded = [f"<p>{g.markup(own_note)}</p>" if own_note and not shown else "",
                  f"<p>The audit: {g.markup(f.note)}</p>" if f.note not in (own_note, self.own_note.get(f.finding_id)) else ""]
        title = "The note and the audit's reasoning" if folded[0] else "The audit's reasoning in full"
        return shown + (f"<details><summary>{title}</summary>{''.join(folded)}</details>" if any(folded) else "")

    def _passage(self, source: str, locator: str, anchor: str | None, label: str = "The passage") -> str:
        quoted = f"“{zh_spans(locator)}”" if locator else ""
        if anchor and source in self.linker.sources:
            return f'<a href="sources/{escape(source)}.html#{escape(anchor)}">{label} in {escape(source)}: {quoted}</a>'
        return f"{label} in {escape(source or 'its source')}: {quoted}" + (" (report texts not linked)" if source else "")

    def _grade(self, f) -> str:
        """The grade's label in the script of the finding's county (a traditional report's 不一致, 可合理解釋)."""
        script = self.scripts.get(f.county, HANS)
        return zh_spans(status_label(f.status, script), script)

    def card(self, f) -> str:
        from analysis.rules import CONTRADICTION
        from analysis.schemas import passages

        g = self.glossary
        claim_fact = self.claim_fact.get(f.finding_id, "")
        if f.rule == CONTRADICTION:  # two passages, no number: a person graded it, and the note gives the reading
            quoted = passages(f.claim)
            links = [self._passage(src, loc, passage_id(f.finding_id, n), f"Passage {n}") for n, (src, loc) in enumerate(quoted, 1)]
            numbers = (f'<dl class="numbers"><div><dt>what it checks</dt><dd>two passages that cannot both hold as written</dd></div>'
                       f'<div><dt>graded by a person</dt><dd>{escape(f.claimed)}</dd></div></dl>')
            said = g.markup(self.own_note.get(f.finding_id, ""))
            reading = (f'<p class="reading"><strong>Reconciled by a person\'s reading:</strong> {said}</p>' if f.status == "tension"
                       else f'<p class="reading"><strong>No reasonable reading reconciles them:</strong> {said}</p>')
        else:
            links = [self._passage(f.source, f.locator, claim_fact if claim_fact in self.linker.facts else None)]
            at_precision = (f'<div><dt>at the inputs\' written precision</dt><dd>{self._number(f.at_precision, f.finding_id)}</dd></div>'
                            if f.at_precision else "")
            numbers = (f'<dl class="numbers"><div><dt>claimed</dt><dd>{zh_spans(f.claimed)}</dd></div><div><dt>recomputed from the '
                       f"report's numbers</dt><dd>{self._number(f.recomputed, f.finding_id)}</dd></div>{at_precision}</dl>")
            reading = self._reading(f)
        links.append(f'<a href="{escape(f.county)}/{LEDGER_PAGE}#finding-{escape(f.finding_id)}">Its ledger row</a>')
        page = self.page_of(f.county, f.domain)
        if page:
            links.append(f'<a href="{escape(page)}">The notebook page ({escape(f.domain)}, {escape(self.names.get(f.county, f.county))})</a>')
        own_note = self.own_note.get(f.finding_id, "")
        terms = g.terms_in([f.reading, own_note, f.note])
        english = (f'<p class="claim-en">{escape(f.claim_en)}</p>' if f.claim_en
                   else '<p class="claim-en missing">(no English yet: data/findings.csv, column claim_en)</p>')
        return f"""<article class="card {escape(f.status)}" id="card-{escape(f.finding_id)}" aria-labelledby="card-{escape(f.finding_id)}-h">
<h4 id="card-{escape(f.finding_id)}-h"><span class="badge {escape(f.status)}">{self._grade(f)}</span>
{escape(self.names.get(f.county, f.county))} <span class="title-zh">{zh_spans(self.names_zh.get(f.county, ""))}</span> · {escape(f.domain)} · {escape(f.kind)}</h4>
<p class="claim-zh">{zh_spans(f.claim)}</p>
{english}
{numbers}
{reading}
{self._why(f, own_note)}
{f'<p class="terms">Chinese terms: {g.gloss_list(terms)}</p>' if terms else ""}
<p class="links">{" · ".join(links)} <small>(<code>{escape(f.finding_id)}</code>)</small></p>
</article>
"""


def _verdict(tables, ledger: pd.DataFrame, checks: pd.DataFrame | None, cards: _Cards, whole: bool) -> Iterator[str]:
    """The collection's grades, then each report's, with its discrepancies and tensions as cards."""
    reports = _report_of(tables, ledger)
    facts_of = tables.facts["source"].map(dict(zip(tables.sources["source"], tables.sources["file"]))).value_counts()
    files = list(dict.fromkeys(tables.sources["file"]))
    yield (f'<section aria-labelledby="verdict"><h2 id="verdict">The verdict</h2>\n<p class="verdict-all">{len(files)} report'
           f'{"s" if len(files) != 1 else ""} ({len(tables.sources)} parts), {len(tables.facts)} numbers transcribed. '
           f"{grade_counts_sentence(ledger)}{_checks_sentence(checks)}</p>\n<ul class=\"grades\">"
           + "".join(f'<li><span class="badge {s}">{zh_spans(STATUS_LABEL[s])}</span> {escape(m)}</li>' for s, m in GRADE_MEANS.items())
           + '<li><span class="badge reproduced">reproduced</span> the literal reading holds at the precision the claim was written</li>'
           '<li><span class="badge unverifiable">unverifiable</span> the report gives no number to recompute from, or the claim is a judgement</li>'
           "</ul></section>\n")
    quiet = []
    for file in files:
        own = ledger[reports == file]
        contested = own[own["status"].isin(CARD_GRADES)]
        if not whole and contested.empty:  # at scale, a report with nothing contested is one line of the summary below
            quiet.append(own)
            continue
        parts = tables.sources[tables.sources["file"] == file]
        anchor = "report-" + "".join(ch if ch.isalnum() else "-" for ch in file)
        single = f" ({cards.linker.markup(parts['source'].iloc[0], 0)})" if len(parts) == 1 else ""  # its text, one click away
        yield (f'<section class="report" aria-labelledby="{escape(anchor)}"><h3 id="{escape(anchor)}">Report <code>{escape(file)}</code>{single}: '
               f'{_report_title(parts)}</h3>\n{_parts_list(parts, cards.linker)}\n<p>{int(facts_of.get(file, 0))} numbers transcribed. '
               f"{grade_counts_sentence(own)}</p>\n")
        for grade in CARD_GRADES:
            for f in contested[contested["status"] == grade].itertuples():
                yield cards.card(f)
        yield "</section>\n"
    if quiet:
        rest = pd.concat(quiet)
        yield (f'<section class="report" aria-labelledby="report-rest"><h3 id="report-rest">The other {len(quiet)} reports</h3>'
               f"<p>No discrepancy or tension. {grade_counts_sentence(rest)} Each is on <a href=\"sources.html\">the sources page</a>.</p></section>\n")


def build_index(out: Path, tables, ledger: pd.DataFrame, pages: dict, site_wide: list[dict], domains: dict[str, str],
                linker: Linker | None = None, checks: pd.DataFrame | None = None, coverage: dict | None = None) -> None:
    """Write the front page ``out`` (site/index.html) and, beside it, ledger.html, numbers.html, problems.html,
    glossary.html, sources.html and each county's ledger page (analysis.site.ledgers).

    ``pages`` maps (county, notebook) to {"href", "label", "status", "error"}; a missing key means
    the reports give no numbers or claims for that county and domain. ``site_wide`` lists the pages
    made once for the whole site (the overview, the tour), each with a "what" it offers. ``coverage`` gives each
    source's coverage account (analysis.site.sources.coverage_counts), shown on the sources page. Past
    INDEX_ROWS_MAX rows the long tables are left to the counties' ledger pages.
    """
    linker = linker or Linker.from_tables(tables, with_sources=False)
    site = out.parent
    write_static(site)
    whole = index_is_whole(tables)
    notebook_of = {domain: notebook for notebook, domain in domains.items()}

    def page_of(county: str, domain: str) -> str | None:
        entry = pages.get((county, notebook_of.get(domain)))
        return entry["href"] if entry and entry["status"] in ("ok", "out of date", "failed") else None

    lookups = citation_lookups(tables)
    scripts = county_scripts(tables)  # each county's grade labels in its sources' script (analysis.scripts)
    with_ledger = build_county_ledgers(site, tables, ledger, checks, linker, lookups, page_of, scripts)  # what the coverage links
    glossary = Glossary.from_tables(tables)
    cards = _Cards(tables, linker, page_of, glossary, scripts)
    head = "".join(f'<th scope="col">{escape(nb)}</th>' for nb in domains)
    site_wide_html = "".join(f"<p>{_status_link(entry)}: {escape(entry['what'])}.</p>" for entry in site_wide)
    synthetic = ('<p class="synthetic" role="note"><strong>SYNTHETIC DATA: invented counties and numbers for testing, not real '
                 "reports.</strong></p>") if tables.sources["title_en"].str.contains("SYNTHETIC").any() else ""
    failed = [e for e in [*pages.values(), *site_wide] if e["status"] == "failed"]
    failed_html = ("<h2>Failed runs</h2><ul>" + "".join(f'<li><a href="{escape(e["href"])}">{escape(e["label"])}</a>: {escape(e["error"])}</li>' for e in failed) + "</ul>") if failed else ""
    findings_of, facts_of = ledger["county"].value_counts(), tables.facts["county"].value_counts()

    def coverage_rows() -> Iterator[str]:
        for place in tables.counties.itertuples():
            cells = "".join(_cell(pages.get((place.county, nb))) for nb in domains)
            n, m = int(findings_of.get(place.county, 0)), int(facts_of.get(place.county, 0))
            own = (f'<td><a href="{escape(place.county)}/{LEDGER_PAGE}">{n} finding{"" if n == 1 else "s"}, {m} number{"" if m == 1 else "s"}</a></td>'
                   if place.county in with_ledger else '<td class="nodata">no numbers or claims in the reports</td>')
            yield f"<tr><th scope=\"row\">{zh_spans(place.name_zh)} {escape(place.name_en)}<br><code>{escape(place.county)}</code></th>{own}{cells}</tr>"

    n_cards = int(ledger["status"].isin(CARD_GRADES).sum())
    # The page in order, its coverage a row at a time: joined into one string, the index held its text three
    # times over (at 200 synthetic counties building it added 23 MiB to the driver, now 6).
    write_chunks_atomic(out, chain([f"""<!DOCTYPE html>
<html lang="en">
<head>{_head("Township reform audit 乡镇改革报告核查")}</head>
<body class="site-index site-front">
{SKIP_LINK}<header class="site-header">{site_nav("", here="index.html")}
<h1>Township reform audit <span lang="zh">乡镇改革报告核查</span></h1>
<p>Five Chinese government reports on township (<span lang="zh">乡镇</span>) reform, transcribed number by number with a verbatim
locator in each source. Every claim they make is recomputed from those numbers and graded. Below: what was checked, and every
claim that did not reproduce ({n_cards}), each with its numbers and the reading that explains it, or why none does.</p></header>
<main id="{MAIN_ID}" tabindex="-1">
{synthetic}"""], _verdict(tables, ledger, checks, cards, whole), [f"""
{failed_html}
<section aria-labelledby="coverage"><h2 id="coverage">Notebook pages: county by domain</h2>
{site_wide_html}
<p>Each county's ledger page lists its findings, checks, numbers and problems. Each other cell links to the notebook page for that county and domain, or says why there is none.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="coverage"><table><thead><tr><th scope="col">county</th><th scope="col">ledger</th>{head}</tr></thead><tbody>"""],
        coverage_rows(), [f"""</tbody></table></div></section>
</main>
{site_footer("", "<p>Built by <code>python -m analysis batch</code> (<code>make reports</code>).</p>", here="index.html")}
</body></html>
"""]))
    _ledger_page(site, tables, ledger, checks, lookups, linker, page_of, whole, with_ledger, scripts)
    _numbers_page(site, tables, linker, whole, with_ledger)
    _problems_page(site, tables, linker, whole, with_ledger)
    _sources_page(site, tables, linker, coverage or {})
    _write_page(site / GLOSSARY_PAGE, "Glossary: the reports' Chinese terms in English", GLOSSARY_PAGE, [glossary_body(glossary)])


def _elsewhere(tables, what: str, with_ledger: set[str]) -> str:
    """At scale, where the rows are: each county's ledger page, listed."""
    names = dict(zip(tables.counties["county"], tables.counties["name_en"]))
    links = " · ".join(f'<a href="{escape(c)}/{LEDGER_PAGE}">{escape(names.get(c, c))}</a>' for c in tables.counties["county"] if c in with_ledger)
    return (f"<p>With {index_rows(tables):,} rows of findings, checks, numbers and problems, the {what} are on each county's "
            f"ledger page, each citation linked to its passage in the source text:</p>\n<p class=\"county-links\">{links}</p>")


def _ledger_page(site: Path, tables, ledger, checks, lookups, linker: Linker, page_of, whole: bool, with_ledger, scripts) -> None:
    def body() -> Iterator[str]:
        yield (f'<h1 id="ledger">The findings ledger</h1>\n<p>{grade_counts_sentence(ledger)} Each finding: its grade, the '
               "reading behind a tension, what it checks, its note in full, its citation and inputs.</p>\n")
        if not whole:
            yield _elsewhere(tables, "findings and checks", with_ledger)
            return
        yield f"""<div id="ledger-list">{_filters(ledger, "ledger")}
<div class="table-scroll" role="region" tabindex="0" aria-label="the findings ledger"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead>
<tbody class="list">"""
        yield from ledger_rows(ledger.itertuples(), lookups, linker, page_of, scripts=scripts)
        yield f"""</tbody></table></div></div>
<h2 id="checks">Consistency checks the ledger adds</h2>
<p>Identities the reports never state, audited like the findings and never counted among them.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="consistency checks"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead><tbody>"""
        if checks is not None:
            yield from ledger_rows(checks.itertuples(), lookups, linker, scripts=scripts)
        yield "</tbody></table></div>"

    _write_page(site / "ledger.html", "The findings ledger: township reform audit", "ledger.html", body(), scripts=whole)


def _numbers_page(site: Path, tables, linker: Linker, whole: bool, with_ledger) -> None:
    def body() -> Iterator[str]:
        yield (f'<h1 id="facts">Every number transcribed</h1>\n<p>{len(tables.facts)} numbers, each as the report wrote it, '
               "in base units, with its verbatim locator.</p>\n")
        if not whole:
            yield _elsewhere(tables, "numbers", with_ledger)
            return
        yield f"""<div id="facts-list">{_filters(tables.facts, "numbers")}
<div class="table-scroll" role="region" tabindex="0" aria-label="every number transcribed"><table>
<thead><tr>{FACTS_HEAD}</tr></thead>
<tbody class="list">"""
        yield from fact_rows(tables.facts.itertuples(), linker)
        yield "</tbody></table></div></div>"

    _write_page(site / "numbers.html", "Every number transcribed: township reform audit", "numbers.html", body(), scripts=whole)


def _problems_page(site: Path, tables, linker: Linker, whole: bool, with_ledger) -> None:
    def body() -> Iterator[str]:
        yield (f'<h1 id="themes">The problems the reports name</h1>\n<p>{len(tables.themes)} passages, each coded with a problem '
               "(<code>data/themes.csv</code>) and linked to its place in the source.</p>\n")
        if not whole:
            yield _elsewhere(tables, "problems", with_ledger)
            return
        yield f"""<div id="problems-list">{_filters(tables.themes, "problems")}
<div class="table-scroll" role="region" tabindex="0" aria-label="the problems the reports name"><table>
<thead><tr>{THEMES_HEAD}</tr></thead>
<tbody class="list">"""
        yield from theme_rows(numbered_themes(tables).itertuples(), tables, linker)
        yield "</tbody></table></div></div>"

    _write_page(site / "problems.html", "The problems the reports name: township reform audit", "problems.html", body(), scripts=whole)


def _sources_page(site: Path, tables, linker: Linker, coverage: dict) -> None:
    absent = ("" if linker.sources else
              '<p role="note">The report texts were not found when this site was built (set <code>REPORTS_DIR</code> and run '
              "<code>make reports</code>): the passages are quoted but not linked.</p>")
    rows = "".join(
        f"<tr><td>{linker.markup(s.source, 0)}</td><td>{escape(s.title_en)}<br><span class=\"title-zh\">{zh_spans(s.title_zh)}</span></td>"
        f"<td>{zh_spans(s.issuer)}</td><td>{zh_spans(s.place)}</td><td>{zh_spans(s.date)}</td>"
        f"<td><code>{escape(s.file)}</code>{', part ' + escape(str(s.part)) if s.part else ''}, lines {int(s.line_start)}-{int(s.line_end)}"
        # each part's numbers: checked, context, not yet looked at (analysis.coverage)
        + (f"<br><small>{escape(coverage_sentence(coverage[s.source]))}</small>" if s.source in coverage else "") + "</td></tr>"
        for s in tables.sources.itertuples())
    body = f"""<h1 id="sources">The sources</h1>
<p>{len(tables.sources)} parts of {len(set(tables.sources["file"]))} reports, each with its title in English and as the report gives it.
Each source's page shows its text, every transcribed number marked and linked to the findings that use it.</p>
{absent}
<div class="table-scroll" role="region" tabindex="0" aria-label="the sources"><table class="sources">
<thead><tr><th scope="col">source</th><th scope="col">title</th><th scope="col">issuer</th><th scope="col">place</th><th scope="col">date</th><th scope="col">file</th></tr></thead>
<tbody>{rows}</tbody></table></div>"""
    _write_page(site / "sources.html", "The sources: township reform audit", "sources.html", [body])
