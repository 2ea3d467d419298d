"""Each county's ledger page, site/<county>/ledger.html: its findings, checks, numbers and problems.

Every finding id on the site links to its row here (analysis.site.links), so the link holds however
many counties the site has; the index repeats the whole ledger only while it is small enough to open.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import groupby
from operator import attrgetter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.outputs import write_text_atomic
from analysis.scripts import HANS, county_scripts
from analysis.site.assets import CSP_META, SITE_CSS
from analysis.site.chrome import MAIN_ID, SKIP_LINK, site_footer, site_nav
from analysis.site.ledger_rows import (FACTS_HEAD, LEDGER_COLS, LEDGER_HEAD, THEMES_HEAD, fact_rows, grade_counts_sentence,
                                       ledger_rows, numbered_themes, theme_rows)
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.text import zh_spans


def ledger_counties(tables) -> set[str]:
    """The counties with a ledger page: those with a fact, finding, check or theme."""
    return set().union(*(frame["county"] for frame in (tables.facts, tables.findings, tables.checks, tables.themes)))


def build_county_ledgers(site_dir: Path, tables, ledger: pd.DataFrame, checks: pd.DataFrame | None, linker: Linker,
                         lookups: tuple[dict, dict], page_of=lambda county, domain: None, scripts: dict[str, str] | None = None) -> set[str]:
    """Write <county>/ledger.html for every county of :func:`ledger_counties`; return those counties.

    ``ledger`` and ``checks`` are the audits (analysis.audit.audit_findings), ``lookups`` their
    :func:`~analysis.site.ledger_rows.citation_lookups`; ``page_of(county, domain)`` gives a county's
    notebook page from the site's root, or None.
    """
    frames = (ledger, checks if checks is not None else ledger.iloc[:0], tables.facts, numbered_themes(tables))
    streams = [_rows_by_county(frame) for frame in frames]
    heads = [next(stream, None) for stream in streams]
    names = tables.counties.set_index("county")  # every county of the four tables is here (validated)
    counties = ledger_counties(tables)
    scripts = county_scripts(tables) if scripts is None else scripts  # a county's grade labels and faces: its sources' script
    footer = site_footer("../")
    for county in sorted(counties):
        own = []
        for k, stream in enumerate(streams):  # each stream is in county order: take this county's rows, if any
            rows = []
            if heads[k] is not None and heads[k][0] == county:
                rows = list(heads[k][1])
                heads[k] = next(stream, None)
            own.append(rows)
        own_ledger, own_checks, own_facts, own_themes = own
        name_zh, name_en = names.at[county, "name_zh"], names.at[county, "name_en"]
        domains = {r.domain for rows in (own_ledger, own_facts) for r in rows}
        pages = sorted({page for d in domains if (page := page_of(county, d))})  # its notebook pages, then this one
        nav = site_nav("../", [*((Path(h).stem, h) for h in pages), ("ledger", f"{county}/{LEDGER_PAGE}")],
                       f"{county}/{LEDGER_PAGE}", county)
        html = "".join([f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8">{CSP_META}<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>{escape(name_en)}: ledger</title><link rel="stylesheet" href="../{SITE_CSS}"></head>
<body class="site-index site-ledger script-{scripts.get(county, HANS)}">
{SKIP_LINK}<header class="site-header">{nav}
<h1>{zh_spans(name_zh)} {escape(name_en)}: findings, checks, numbers and problems</h1>
<p>{grade_counts_sentence(own_ledger)} Each citation links to its passage in the source text.</p>
<nav class="site-toc" aria-label="contents"><ol><li><a href="#ledger">Findings</a></li><li><a href="#checks">Consistency checks</a></li>
<li><a href="#facts">Numbers transcribed</a></li><li><a href="#themes">Problems named</a></li></ol></nav></header>
<main id="{MAIN_ID}" tabindex="-1">
<h2 id="ledger">Findings</h2>
<div class="table-scroll" role="region" tabindex="0" aria-label="findings"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead><tbody>""", *ledger_rows(own_ledger, lookups, linker, page_of, depth=1, scripts=scripts), f"""</tbody></table></div>
<h2 id="checks">Consistency checks</h2>
<p>Identities the reports never state, audited like the findings and never counted among them: {len(own_checks)}.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="consistency checks"><table class="ledger"><colgroup>{LEDGER_COLS}</colgroup>
<thead><tr>{LEDGER_HEAD}</tr></thead><tbody>""", *ledger_rows(own_checks, lookups, linker, depth=1, scripts=scripts), f"""</tbody></table></div>
<h2 id="facts">Numbers transcribed</h2>
<p>{len(own_facts)} numbers, each as the report wrote it, in base units, with its verbatim locator.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="numbers transcribed"><table>
<thead><tr>{FACTS_HEAD}</tr></thead><tbody>""", *fact_rows(own_facts, linker, depth=1), f"""</tbody></table></div>
<h2 id="themes">Problems named</h2>
<p>{len(own_themes)} passages, each coded with a problem (<code>data/themes.csv</code>) and linked to its place in the source.</p>
<div class="table-scroll" role="region" tabindex="0" aria-label="problems named"><table>
<thead><tr>{THEMES_HEAD}</tr></thead><tbody>""", *theme_rows(own_themes, tables, linker, depth=1), f"""</tbody></table></div>
</main>
{footer}
</body></html>
"""])
        write_text_atomic(Path(site_dir) / county / LEDGER_PAGE, html)
    return counties


def _rows_by_county(frame: pd.DataFrame) -> Iterator[tuple[str, Iterator]]:
    """(county, its rows) in county order, from one pass over the table: one county's rows are made at a
    time (a dict of every county's rows, or of its frames, held 128 MiB more at 2,800 counties, and
    itertuples on each county's frame took 27 of 37 s)."""
    order = np.argsort(frame["county"].to_numpy(dtype=object), kind="stable")
    return groupby(frame.iloc[order].itertuples(), key=attrgetter("county"))
