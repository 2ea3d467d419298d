"""Rows of the ledger, facts and themes tables, as the index and each county's ledger page show them.

Every generator takes rows (a table's ``itertuples()``, or some of them) and ``depth``, how many folders
below the site's root its page lies, so that the same row links to the same passage from ``index.html``
(0) and from ``<county>/ledger.html`` (1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape

import pandas as pd

from analysis.site.links import Linker
from analysis.scripts import HANS, status_label
from analysis.site.text import numbers_kept, zh_spans

LEDGER_COLUMNS = (("c-id", "finding"), ("c-county", "county"), ("c-claim", "claim (as the report wrote it; in English)"), ("c-claimed", "claimed"),
                  ("c-recomputed", "recomputed"), ("c-status", "grade"), ("c-kind", "checks"), ("c-note", "note"),
                  ("c-cite", "citation and inputs"))
LEDGER_HEAD = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in LEDGER_COLUMNS)
# Each cell says its column (data-label, short): on a narrow screen site.css shows a row as a card, each cell by its label.
CARD_LABELS = {"c-claim": "claim", "c-cite": "citation"}
LABELS = {c: f' data-label="{escape(CARD_LABELS.get(c, label))}"' for c, label in LEDGER_COLUMNS}
CODE_TEXT = re.compile(r"<code>([^<]*)</code>")
LEDGER_COLS = "".join(f'<col class="{c}">' for c, _ in LEDGER_COLUMNS)
FACTS_HEAD = ('<th scope="col">fact</th><th scope="col">county</th><th scope="col">domain</th><th scope="col">entity</th>'
              '<th scope="col">measure</th>\n<th scope="col">as written</th><th scope="col">value</th><th scope="col">unit</th>'
              '<th scope="col">source and locator</th>')
THEMES_HEAD = '<th scope="col">county</th><th scope="col">problem</th><th scope="col">source and locator</th><th scope="col">note</th>'


def grade_counts_sentence(ledger) -> str:
    """"121 findings: 77 reproduced (24 arithmetic, 44 list counts, 9 restatements), 7 tensions, ...": grades and what was checked.

    ``ledger`` is an audit (analysis.audit.audit_findings) or some of its rows (``itertuples``).
    """
    from analysis.audit import ARITHMETIC, LIST_COUNT, RESTATEMENT

    rows = list(ledger.itertuples() if isinstance(ledger, pd.DataFrame) else ledger)
    counts = Counter(r.status for r in rows)
    kinds = Counter(r.kind for r in rows if r.status == "reproduced")
    checked = (f"{kinds.get(ARITHMETIC, 0)} arithmetic, {kinds.get(LIST_COUNT, 0)} list counts, "
               f"{kinds.get(RESTATEMENT, 0)} restatements")
    return (f"{len(rows)} findings: {counts.get('reproduced', 0)} reproduced ({checked}), "
            f"{counts.get('tension', 0)} tensions, {counts.get('discrepancy', 0)} discrepancies, "
            f"{counts.get('unverifiable', 0)} unverifiable.")


def citation_lookups(tables) -> tuple[dict, dict]:
    """Each source's cells by id, and each finding's or check's claim fact: made once for every ledger table."""
    sources = {src["source"]: src for src in tables.sources.to_dict("records")}  # .loc: 0.2 ms a row, 15,501 rows at 2,800 counties
    both = pd.concat([tables.findings, tables.checks])
    return sources, dict(zip(both["finding_id"], both["claim_fact"]))


def _link(href: str | None, html: str) -> str:
    return f'<a href="{escape(href)}">{html}</a>' if href else html


def breakable_id(ident: str) -> str:
    """An id, escaped, that a narrow column may break after its underscores only (never inside a word).

    >>> breakable_id("dongying_in_use_share")
    'dongying_<wbr>in_<wbr>use_<wbr>share'
    """
    return escape(ident).replace("_", "_<wbr>")


def _ids_breakable(html: str) -> str:
    """A note's markup (escaped text, lang and number spans: no underscore in a tag) whose ids ("a_b_vs_c", named in
    the prose) may break after an underscore, never inside a word."""
    return html.replace("_", "_<wbr>")


def breakable_codes(html: str) -> str:
    """Markup whose ``<code>`` ids (Linker.markup) may break after their underscores, never inside a word."""
    return CODE_TEXT.sub(lambda m: f"<code>{m.group(1).replace('_', '_<wbr>')}</code>", html)


def ledger_rows(ledger: Iterable, lookups: tuple[dict, dict], linker: Linker,
                page_of=lambda county, domain: None, depth: int = 0, scripts: dict[str, str] | None = None) -> Iterator[str]:
    """One row a finding (or check), with the anchor finding-<id>; ``page_of`` gives its county page from the root.

    ``scripts`` gives a county's script (analysis.scripts.county_scripts): its rows' grade labels are written in it
    (a traditional report's 已復現, as its notebook pages write them), and its undecided Chinese runs marked so.
    """
    sources, claim_facts = lookups
    up = "../" * depth
    scripts = scripts or {}
    for f in ledger:
        script = scripts.get(f.county, HANS)
        where = ""
        if f.source:
            src = sources[f.source]
            part = f", part {escape(str(src['part']))}" if src["part"] else ""
            claim_fact = claim_facts.get(f.finding_id, "")
            href = linker.href(claim_fact, depth) if claim_fact in linker.facts else None
            quoted = f"“{zh_spans(f.locator, script)}”"
            where = f"{breakable_id(src['file']).replace('.', '<wbr>.')}{part}: " + (f'<a href="{escape(href)}">{quoted}</a>' if href else quoted)
        inputs = f"<br><small>inputs: {breakable_codes(linker.markup(f.inputs, depth))}</small>" if f.inputs else ""
        reading = f"<br><small>read as {zh_spans(f.reading, script)}</small>" if f.reading else ""
        page = page_of(f.county, f.domain)
        here = f"{up}{page}#finding-{f.finding_id}" if page else None  # its row on its notebook page (analysis.site.pages)
        english = f'<br><i class="claim-en">{numbers_kept(f.claim_en)}</i>' if getattr(f, "claim_en", "") else ""
        yield (
            f'<tr id="finding-{escape(f.finding_id)}" data-county="{escape(f.county)}" data-domain="{escape(f.domain)}" '
            f'data-status="{escape(f.status)}"><td{LABELS["c-id"]}><code>{breakable_id(f.finding_id)}</code></td>'
            f'<td{LABELS["c-county"]}>{_link(here, breakable_id(f.county))}</td><td{LABELS["c-claim"]}>{numbers_kept(f.claim, script)}{english}</td>'
            f'<td{LABELS["c-claimed"]}>{numbers_kept(f.claimed, script)}</td><td{LABELS["c-recomputed"]}>{numbers_kept(f.recomputed)}</td>'
            f'<td{LABELS["c-status"]}><span class="badge {escape(f.status)}">{zh_spans(status_label(f.status, script), script)}</span>{reading}</td>'
            f'<td{LABELS["c-kind"]}>{escape(f.kind)}</td><td{LABELS["c-note"]}>{_ids_breakable(numbers_kept(f.note, script))}</td><td{LABELS["c-cite"]}>{where}{inputs}</td></tr>')


def numbered_themes(tables) -> pd.DataFrame:
    """The themes with ``n``, their place in themes.csv from 1: a source page anchors each passage as theme-<n>."""
    return tables.themes.assign(n=range(1, len(tables.themes) + 1))


def theme_rows(themes: Iterable, tables, linker: Linker, depth: int = 0) -> Iterator[str]:
    """Rows of :func:`numbered_themes` (all of them, or one county's)."""
    terms = dict(zip(tables.theme_codes["theme"], tables.theme_codes["term_zh"]))
    up = "../" * depth
    for t in themes:
        quoted = f"“{zh_spans(t.locator)}”"
        href = f"{up}sources/{t.source}.html#theme-{t.n}" if t.source in linker.sources else None
        yield (f'<tr data-county="{escape(t.county)}"><td>{escape(t.county)}</td><td>{escape(t.theme)} {zh_spans(terms.get(t.theme, ""))}</td>'
               f'<td>{linker.markup(t.source, depth)}: {f"<a href={chr(34)}{escape(href)}{chr(34)}>{quoted}</a>" if href else quoted}</td>'
               f"<td>{zh_spans(t.note)}</td></tr>")


def fact_rows(facts: Iterable, linker: Linker, depth: int = 0) -> Iterator[str]:
    from analysis.display import YEAR_UNITS, format_cell

    for f in facts:
        value = format_cell(f.value, group=f.unit not in YEAR_UNITS)  # 2023 (年), not 2,023
        yield (
            f'<tr data-county="{escape(f.county)}" data-domain="{escape(f.domain)}"><td class="ids">{linker.markup(f.fact_id, depth)}</td>'
            f"<td>{escape(f.county)}</td><td>{escape(f.domain)}</td><td>{zh_spans(f.entity)}</td><td>{escape(f.measure)}</td>"
            f'<td>{numbers_kept(f.as_written)}</td><td class="num">{escape(value)}</td><td>{escape(f.unit)}</td>'
            f"<td>{linker.markup(f.source, depth)}: “{zh_spans(f.locator)}”</td></tr>")
