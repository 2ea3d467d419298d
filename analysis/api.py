"""The public API for researchers: the tables, the facts, the ledger with numbers, filters and figures.

Start here in a notebook of your own (in work/, which git ignores)::

    from analysis import api

    api.facts("dongying", "delegation")                 # one number a row; 401项, not also 400多項
    api.value("dongying", "powers_in_use") / api.value("dongying", "powers_delegated")   # 179 / 401
    api.ledger(domain="staffing", grade="tension")      # claimed_low ... recomputed_high are numbers
    api.show(*api.cuts_figure())                        # the staffing cuts only, whatever rows it is given

Every table returned is a :class:`~analysis.display.ReviewTable`: a DataFrame shown whole, without its index, the
evidence columns (source, locator, inputs) first; ``.styled()`` gives a Styler for JupyterLab. Nothing here
changes pandas' options or matplotlib's settings for your session, beyond the Chinese font ``import analysis``
registers. Results are computed again whenever a table under data/ changes (they are cached under the tables'
sizes and modification times), so an edited facts.csv never leaves a stale ledger behind.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.display import ReviewTable, reviewer_table
from analysis.views import DOMAINS_SHOWN, UnknownCountyError, check_parameters

__all__ = ["tables", "counties", "facts", "approximate_twins", "value", "ledger", "checks", "readings", "table",
           "claims_figure", "amounts_figure", "cuts_figure", "stations_figure", "shares_figure", "show",
           "check_parameters", "GRADES", "DOMAINS", "RULES"]

DOMAINS = DOMAINS_SHOWN
# The same-number key: a report that states one measure for one entity and period twice states one number.
TWIN_KEY = ["county", "entity", "measure", "period"]


def _grades() -> tuple[str, ...]:
    from analysis.claims import STATUSES

    return tuple(STATUSES)


def _rules() -> tuple[str, ...]:
    from analysis.audit import KIND_OF_RULE

    return tuple(KIND_OF_RULE)


GRADES = _grades()  # reproduced, tension, discrepancy, unverifiable
RULES = _rules()  # share, sum, reduction, ... (data/DICTIONARY.md)


def tables(data_dir: Path | str | None = None):
    """Every table under data/ (or ``data_dir``), validated; the same object until a file changes."""
    from analysis.overview import tables_stamp
    from analysis.tables import load_tables

    return load_tables(tables_stamp(data_dir)[0])


def counties(data_dir: Path | str | None = None) -> ReviewTable:
    """The jurisdictions: ``county`` is the id every filter here and every notebook takes."""
    return reviewer_table(tables(data_dir).counties)


def table(frame: pd.DataFrame) -> ReviewTable:
    """Any frame shown as the project's tables are (whole, no index, evidence columns first), e.g. a query's result."""
    return reviewer_table(frame)


def _chosen(values: str | Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [values] if isinstance(values, str) else list(values)


def _check(name: str, chosen: list[str] | None, valid: Iterable[str]) -> None:
    """One line naming what was asked for that does not exist, and what does."""
    valid = sorted(set(valid))
    unknown = [v for v in chosen or [] if v not in valid]
    if not unknown:
        return
    listed = ", ".join(valid)
    if name == "county":
        raise UnknownCountyError(f"unknown county {unknown[0]!r}. Valid ids: {listed}")
    raise ValueError(f"unknown {name} {unknown[0]!r}; choose from: {listed}")


def _filter(frame: pd.DataFrame, **columns) -> pd.DataFrame:
    for column, chosen in columns.items():
        if chosen is not None:
            frame = frame[frame[column].isin(chosen)]
    return frame


def _exact(frame: pd.DataFrame) -> pd.Series:
    """A single exact number: a value and no bounds (401项, not 400多项 nor 5-6个)."""
    return frame["value"].notna() & frame["low"].isna() & frame["high"].isna()


def _twins(facts: pd.DataFrame) -> pd.Series:
    """The rows that restate, approximately, a number the same report gives exactly for the same entity and period."""
    exact = _exact(facts)
    has_exact = exact.groupby([facts[c] for c in TWIN_KEY]).transform("any")
    return has_exact & ~exact


def facts(county: str | Iterable[str] | None = None, domain: str | Iterable[str] | None = None,
          measure: str | Iterable[str] | None = None, *, approximate: bool = False,
          data_dir: Path | str | None = None) -> ReviewTable:
    """The transcribed numbers, one a row, filtered by county, domain and measure (each one id or several).

    Where a report gives a measure both exactly and approximately for the same entity and period (东营's 401项 and
    "400多項"), only the exact number is kept, so that picking a measure picks one number; ``approximate=True``
    keeps both, as a restatement check needs them (:func:`approximate_twins` lists the approximate ones).
    """
    t = tables(data_dir)
    chosen = {"county": _chosen(county), "domain": _chosen(domain), "measure": _chosen(measure)}
    _check("county", chosen["county"], t.counties["county"])
    _check("domain", chosen["domain"], DOMAINS)
    _check("measure", chosen["measure"], t.measures["measure"])
    rows = t.facts if approximate else t.facts[~_twins(t.facts)]
    return reviewer_table(_filter(rows, **chosen).reset_index(drop=True))


def approximate_twins(county: str | Iterable[str] | None = None, data_dir: Path | str | None = None) -> ReviewTable:
    """The approximate restatements :func:`facts` leaves out, each beside the exact number it restates."""
    t = tables(data_dir)
    chosen = _chosen(county)
    _check("county", chosen, t.counties["county"])
    twins = _filter(t.facts[_twins(t.facts)], county=chosen)
    exact = t.facts[_exact(t.facts)][[*TWIN_KEY, "fact_id", "as_written"]]
    paired = twins.merge(exact, on=TWIN_KEY, how="left", suffixes=("", "_exact"))
    return reviewer_table(paired.reset_index(drop=True))


def value(county: str, measure: str, entity: str | None = None, period: str | None = None,
          data_dir: Path | str | None = None) -> float:
    """The one exact number a county's reports give for ``measure`` (narrowed by ``entity`` and ``period`` when
    they give several); an error naming the candidates when they give none or more than one."""
    rows = facts(county, measure=measure, data_dir=data_dir)
    if entity is not None:
        rows = rows[rows["entity"] == entity]
    if period is not None:
        rows = rows[rows["period"] == period]
    exact = rows[_exact(rows)]
    if len(exact) == 1:
        return float(exact["value"].iloc[0])
    if exact.empty:
        said = ", ".join(rows["as_written"]) or "nothing"
        raise LookupError(f"{county}: no exact {measure} (the reports say {said}); api.facts({county!r}, measure={measure!r}) shows the rows")
    named = "; ".join(f"{f} ({e}, {p or 'no period'}: {w})" for f, e, p, w in
                      zip(exact["fact_id"], exact["entity"], exact["period"], exact["as_written"]))
    raise LookupError(f"{county}: {len(exact)} exact values of {measure}: {named}; give entity= or period=")


def _window(claimed: str) -> tuple[float, float]:
    """The values a claim allows, as the audit judges it ("44.6%": 44.55 to 44.65); NaN when it states no number."""
    from analysis.numbers import parse_quantity

    try:
        window = parse_quantity(claimed).window()
    except ValueError:  # "明显提高": no number to hold the facts to
        return math.nan, math.nan
    return float(window.lo), float(window.hi)


def _span(recomputed: str) -> tuple[float, float]:
    """The ledger's recomputed text as numbers: "44.6384" is one value, "75–90" (an en dash) a range; NaN when empty."""
    if not recomputed:
        return math.nan, math.nan
    low, _, high = recomputed.partition("–")
    return float(low), float(high or low)


def with_numbers(audit: pd.DataFrame) -> pd.DataFrame:
    """The ledger with ``claimed_low``/``claimed_high`` (what the claim allows) and ``recomputed_low``/``recomputed_high``
    (what the facts give) as numbers, each pair beside its text."""
    claimed = [_window(c) for c in audit["claimed"]]
    recomputed = [_span(r) for r in audit["recomputed"]]
    out = audit.copy()
    for name, pairs in (("claimed", claimed), ("recomputed", recomputed)):
        at = out.columns.get_loc(name) + 1
        out.insert(at, f"{name}_low", [lo for lo, _ in pairs])
        out.insert(at + 1, f"{name}_high", [hi for _, hi in pairs])
    return out


def _ledger(table: str, county, domain, grade, rule, data_dir) -> ReviewTable:
    from analysis.overview import _audited, tables_stamp

    t = tables(data_dir)
    chosen = {"county": _chosen(county), "domain": _chosen(domain), "status": _chosen(grade), "rule": _chosen(rule)}
    _check("county", chosen["county"], t.counties["county"])
    _check("domain", chosen["domain"], DOMAINS)
    _check("grade", chosen["status"], GRADES)
    _check("rule", chosen["rule"], RULES)
    audit = _audited(tables_stamp(data_dir), table)
    return reviewer_table(with_numbers(_filter(audit, **chosen).reset_index(drop=True)))


def ledger(county: str | Iterable[str] | None = None, domain: str | Iterable[str] | None = None,
           grade: str | Iterable[str] | None = None, rule: str | Iterable[str] | None = None,
           data_dir: Path | str | None = None) -> ReviewTable:
    """The reports' findings, recomputed and graded, filtered by county, domain, grade (``status``) and rule, with the
    claimed and recomputed values as numbers beside their text (:func:`with_numbers`)."""
    return _ledger("findings", county, domain, grade, rule, data_dir)


def checks(county: str | Iterable[str] | None = None, grade: str | Iterable[str] | None = None,
           data_dir: Path | str | None = None) -> ReviewTable:
    """The consistency checks the ledger adds (not claims of the reports), audited like the findings."""
    return _ledger("checks", county, None, grade, None, data_dir)


def readings(county: str | Iterable[str] | None = None, data_dir: Path | str | None = None) -> ReviewTable:
    """Each finding's other reasonable readings beside its literal one, each recomputed."""
    from analysis.audit import audit_readings, readings_beside_literal

    t = tables(data_dir)
    chosen = _chosen(county)
    _check("county", chosen, t.counties["county"])
    r = readings_beside_literal(audit_readings(t), ledger(data_dir=data_dir))
    return reviewer_table(_filter(r, county=chosen).reset_index(drop=True))


# -- figures: each keeps to its own domain, whatever rows it is handed -------------------------------------------

def _script(rows: pd.DataFrame, t) -> str:
    """The script of the rows' county (a figure of one traditional-script county is drawn in it), else simplified."""
    from analysis.scripts import HANS, county_script

    places = set(rows["county"]) if "county" in rows else set()
    return county_script(t, places.pop()) if len(places) == 1 else HANS


def claims_figure(findings: pd.DataFrame | None = None, county=None, domain=None, data_dir=None):
    """(figure, numbers): each percentage claim against what the facts give. ``findings`` defaults to the ledger."""
    from analysis import figures

    rows = ledger(county, domain, data_dir=data_dir) if findings is None else _filter(findings, county=_chosen(county), domain=_chosen(domain))
    return figures.claims_vs_recomputed(rows, _script(rows, tables(data_dir)))


def cuts_figure(findings: pd.DataFrame | None = None, county=None, data_dir=None):
    """(figure, numbers): posts or bodies before and after each stated staffing cut. Only staffing reductions are
    drawn, so a facilities finding with the same rule (90 stations built, 31 running) never passes for a cut."""
    from analysis import figures

    rows = ledger(county, data_dir=data_dir) if findings is None else _filter(findings, county=_chosen(county))
    rows = rows[(rows["domain"] == "staffing") & (rows["rule"] == "reduction")]
    t = tables(data_dir)
    return figures.cuts_before_after(rows, t, _script(rows, t))


def amounts_figure(county: str, data_dir=None):
    """(figure, numbers): a county's finance amounts by measure, as written."""
    from analysis import figures
    from analysis.scripts import in_script

    t = tables(data_dir)
    rows = facts(county, "finance", data_dir=data_dir)
    script = _script(rows, t)
    terms = {m: in_script(term, script) for m, term in zip(t.measures["measure"], t.measures["term_zh"])}
    return figures.money_by_measure(rows, terms, script)


def stations_figure(county: str, data_dir=None):
    """(figure, numbers): a county's culture stations by stage (facilities numbers only)."""
    from analysis import figures

    rows = facts(county, "facilities", data_dir=data_dir)
    return figures.culture_station_pipeline(rows, _script(rows, tables(data_dir)))


def shares_figure(county: str, domain: str, data_dir=None):
    """(figure, numbers): a county's indicators in one domain, each with the interval its inputs allow."""
    from analysis import figures
    from analysis.indicators import compute_indicators

    t = tables(data_dir)
    _check("county", [county], t.counties["county"])
    _check("domain", [domain], DOMAINS)
    return figures.shares_with_intervals(compute_indicators(t, county, domain), _script(pd.DataFrame({"county": [county]}), t))


def show(fig, *numbers: pd.DataFrame, save_as: str | None = None) -> None:
    """Display a figure and then the numbers it draws, as the notebooks do (``save_as`` also writes it under figures/)."""
    from analysis import figures

    figures.show(fig, *(t if isinstance(t, ReviewTable) else ReviewTable(t) for t in numbers), save_as=save_as)
