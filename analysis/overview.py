"""Cross-county views for the overview notebook: the ledger, coverage, themes and comparisons.

Nothing here is kept past a change of the tables: the tables come from ``load_tables`` (cached by their files'
sizes and times) and the ledger is cached under the same stamp, so an edited facts.csv is audited again.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.claims import STATUSES
from analysis.display import ReviewTable, reviewer_table
from analysis.views import DOMAINS_SHOWN, display_table


def _data_dir() -> Path:
    from analysis import paths

    return Path(paths.DATA_DIR).resolve()


def tables_stamp(data_dir: Path | None = None) -> tuple:
    """The tables' folder and each file's size and modification time: the key of every cached view."""
    from analysis.tables import _stat_key

    data_dir = Path(data_dir or _data_dir()).resolve()
    return data_dir, _stat_key(data_dir)


def _tables():
    from analysis.tables import load_tables

    return load_tables(_data_dir())  # cached by the tables' stamp there: an edited table is read again


@lru_cache(maxsize=8)
def _cached_audit(stamp: tuple, table: str) -> pd.DataFrame:
    from analysis.audit import audit_findings
    from analysis.tables import load_tables

    return audit_findings(load_tables(stamp[0]), table=table)


def _audited(stamp: tuple, table: str = "findings") -> pd.DataFrame:
    """The audit of ``table`` ("findings" or "checks") for the tables of ``stamp``; a copy, so no caller's edit reaches the cache."""
    return _cached_audit(stamp, table).copy()


def ledger() -> ReviewTable:
    """Every finding with its status, recomputed value, note and citation (audited again when a table changes)."""
    return ReviewTable(_audited(tables_stamp()))


def status_summary() -> pd.DataFrame:
    """Findings per county and status, with totals."""
    table = pd.crosstab(ledger()["county"], ledger()["status"], margins=True, margins_name="all")
    return ReviewTable(table.reindex(columns=[*STATUSES, "all"], fill_value=0))


def kind_summary() -> pd.DataFrame:
    """Findings by what they check (arithmetic, list count, restatement) and grade: 77 reproduced are not 77 sums."""
    table = pd.crosstab(ledger()["kind"], ledger()["status"], margins=True, margins_name="all")
    return ReviewTable(table.reindex(columns=[*STATUSES, "all"], fill_value=0))


def contested() -> pd.DataFrame:
    """Each discrepancy and tension, with the numbers that show it and the reading that decides."""
    d = ledger()
    d = d[d["status"].isin(["discrepancy", "tension"])].sort_values("status", key=lambda s: s != "discrepancy", kind="stable")
    return reviewer_table(d[["finding_id", "county", "status", "claim", "claimed", "recomputed", "reading", "note", "source", "locator"]].reset_index(drop=True))


def readings() -> pd.DataFrame:
    """The literal and the other reasonable readings side by side, each recomputed."""
    from analysis.audit import audit_readings, readings_beside_literal

    r = readings_beside_literal(audit_readings(_tables()), ledger())
    return reviewer_table(r[["finding_id", "county", "status", "literal", "label", "claimed", "recomputed", "holds", "why"]])


def consistency_checks() -> pd.DataFrame:
    """Identities the ledger adds (not claims of the reports), audited apart and never counted with the findings."""
    c = _audited(tables_stamp(), "checks")
    return reviewer_table(c[["finding_id", "county", "claim", "claimed", "recomputed", "status", "note"]])


def county_label(county: str) -> str:
    """"东营市 dongying": the place as the report names it, then the id the notebooks take."""
    counties = _tables().counties.set_index("county")
    return f"{counties.at[county, 'name_zh'].split(' (')[0]} {county}"


def coverage(table_name: str = "facts") -> pd.DataFrame:
    """Numbers stated (``"facts"``) or claims checked (``"findings"``) per county and domain; 0: none."""
    from analysis.figures import DOMAIN_ZH

    rows = getattr(_tables(), table_name)
    counties = _tables().counties["county"]
    table = pd.crosstab(rows["county"], rows["domain"]).reindex(index=counties, columns=list(DOMAINS_SHOWN), fill_value=0)
    table.index.name = "county"
    return ReviewTable(table.rename(index=county_label, columns=lambda d: f"{d} {DOMAIN_ZH[d]}"))


def themes_matrix() -> pd.DataFrame:
    """Times each qualitative problem is named, per county (themes with at least two counties)."""
    tables = _tables()
    terms = dict(zip(tables.theme_codes["theme"], tables.theme_codes["term_zh"]))
    table = pd.crosstab(tables.themes["county"], tables.themes["theme"])
    shared = table.columns[(table > 0).sum() >= 2]
    return ReviewTable(table[shared].rename(index=county_label, columns=lambda t: f"{t} {terms[t].split('/')[0]}"))


def delegation_comparison() -> pd.DataFrame:
    """Scale of delegation and the share in use, where a report gives them."""
    from analysis.indicators import exact_values

    facts = exact_values(_tables().facts)  # 东营's "400多项" must not stand in for its 401
    wanted = ["powers_delegated", "powers_in_use", "approval_powers", "enforcement_powers", "delegating_departments"]
    d = facts[facts["measure"].isin(wanted)]
    table = d.pivot_table(index="county", columns="measure", values="value", aggfunc="first").reindex(columns=wanted)
    table["powers_in_use_share"] = table["powers_in_use"] / table["powers_delegated"] * 100
    table["facts"] = d.groupby("county")["fact_id"].agg(" ".join)  # each number's row, linked to its passage on the site
    return display_table(table)  # blank: the report does not state it


def cuts_comparison() -> pd.DataFrame:
    """Every stated cut in bodies or posts (精简 ...%), as claimed and as recomputed."""
    d = ledger()
    cuts = d[(d["rule"] == "reduction") & (d["domain"] == "staffing")]  # not "most built stations idle" (also a reduction)
    return reviewer_table(cuts[["finding_id", "county", "claim", "claimed", "recomputed", "status", "inputs"]].reset_index(drop=True))


def funds_gap() -> pd.DataFrame:
    """Finance indicators: how much of what a town collects it may spend."""
    from analysis.indicators import compute_indicators

    ind = compute_indicators(_tables(), domain="finance")
    return reviewer_table(ind[["county", "entity", "label", "numerator", "denominator", "value", "inputs"]].round(2).reset_index(drop=True))
