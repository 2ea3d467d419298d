"""Cross-county views for the overview notebook: the ledger, coverage, themes and comparisons."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.claims import STATUSES
from analysis.views import DOMAINS_SHOWN, display_table


@lru_cache(maxsize=1)
def _tables():
    from analysis.tables import load_tables

    return load_tables()


@lru_cache(maxsize=1)
def ledger() -> pd.DataFrame:
    """Every finding with its status, recomputed value, note and citation."""
    from analysis.audit import audit_findings

    return audit_findings(_tables())


def status_summary() -> pd.DataFrame:
    """Findings per county and status, with totals."""
    table = pd.crosstab(ledger()["county"], ledger()["status"], margins=True, margins_name="all")
    return table.reindex(columns=[*STATUSES, "all"], fill_value=0)


def kind_summary() -> pd.DataFrame:
    """Findings by what they check (arithmetic, list count, restatement) and grade: 77 reproduced are not 77 sums."""
    table = pd.crosstab(ledger()["kind"], ledger()["status"], margins=True, margins_name="all")
    return table.reindex(columns=[*STATUSES, "all"], fill_value=0)


def contested() -> pd.DataFrame:
    """Each discrepancy and tension, with the numbers that show it and the reading that decides."""
    d = ledger()
    d = d[d["status"].isin(["discrepancy", "tension"])].sort_values("status", key=lambda s: s != "discrepancy", kind="stable")
    return d[["finding_id", "county", "status", "claim", "claimed", "recomputed", "reading", "note", "source", "locator"]].reset_index(drop=True)


def readings() -> pd.DataFrame:
    """The literal and the other reasonable readings side by side, each recomputed."""
    from analysis.audit import audit_readings, readings_beside_literal

    r = readings_beside_literal(audit_readings(_tables()), ledger())
    return r[["finding_id", "county", "status", "literal", "label", "claimed", "recomputed", "holds", "why"]]


def consistency_checks() -> pd.DataFrame:
    """Identities the ledger adds (not claims of the reports), audited apart and never counted with the findings."""
    from analysis.audit import audit_findings

    c = audit_findings(_tables(), table="checks")
    return c[["finding_id", "county", "claim", "claimed", "recomputed", "status", "note"]]


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
    return table.rename(index=county_label, columns=lambda d: f"{d} {DOMAIN_ZH[d]}")


def themes_matrix() -> pd.DataFrame:
    """Times each qualitative problem is named, per county (themes with at least two counties)."""
    tables = _tables()
    terms = dict(zip(tables.theme_codes["theme"], tables.theme_codes["term_zh"]))
    table = pd.crosstab(tables.themes["county"], tables.themes["theme"])
    shared = table.columns[(table > 0).sum() >= 2]
    return table[shared].rename(index=county_label, columns=lambda t: f"{t} {terms[t].split('/')[0]}")


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
    return cuts[["finding_id", "county", "claim", "claimed", "recomputed", "status", "inputs"]].reset_index(drop=True)


def funds_gap() -> pd.DataFrame:
    """Finance indicators: how much of what a town collects it may spend."""
    from analysis.indicators import compute_indicators

    ind = compute_indicators(_tables(), domain="finance")
    return ind[["county", "entity", "label", "numerator", "denominator", "value", "inputs"]].round(2).reset_index(drop=True)
