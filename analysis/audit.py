"""Recompute every finding in the ledger and mark it reproduced, discrepancy or unverifiable."""

from __future__ import annotations

import math

import pandas as pd

from analysis.claims import UNVERIFIABLE, format_interval, judge
from analysis.intervals import Interval
from analysis.rules import COUNT_ITEMS, RULES, count_items
from analysis.rules import UNVERIFIABLE as UNVERIFIABLE_RULE
from analysis.tables import Tables

AUDIT_COLUMNS = ["finding_id", "county", "domain", "claim", "claimed", "recomputed", "status", "note",
                 "rule", "inputs", "source", "locator"]


def fact_interval(fact: pd.Series) -> Interval | None:
    """The values a fact allows, or None when the report gives no usable number.

    A range or a "多/余" number spans [low, high]; a one-sided bound ("80%以上")
    cannot feed a recomputation; a blank (an anonymised "++名") neither.
    """
    low, high, value = fact["low"], fact["high"], fact["value"]
    if not math.isnan(low) and not math.isnan(high):
        return Interval(low, high)
    if not math.isnan(value) and math.isnan(low) and math.isnan(high):
        return Interval.point(value)
    return None


def _recompute(finding: pd.Series, tables: Tables) -> tuple[Interval | None, str]:
    """Apply the finding's rule to its inputs: facts give their values, lists their item counts.

    A list may feed any rule ("21 listed - 4 moved up = 17"); ``count_items`` is the rule
    ``value`` over one list.
    """
    lists = tables.lists_by_id
    intervals = []
    for input_id in finding["inputs"].split():
        if input_id in lists.index:
            listed = lists.loc[input_id]
            intervals.append(Interval.point(count_items(listed["items"], listed["count_by"])))
            continue
        interval = fact_interval(tables.fact(input_id))
        if interval is None:
            return None, f"input {input_id} ({tables.fact(input_id)['as_written']}) gives no bounded number"
        intervals.append(interval)
    rule = "value" if finding["rule"] == COUNT_ITEMS else finding["rule"]
    return RULES[rule](*intervals), ""


def audit_findings(tables: Tables, county: str | None = None) -> pd.DataFrame:
    """One row per finding: the claim, what the facts give, the status and why.

    Examples
    --------
    The 东营 ledger row for "能正常运行的有179项, 占...44.6%" recomputes 179/401
    = 44.64% and is reproduced; "精简80%以上" over 8-10 offices cut to 1-2 gives
    75-90% and is a discrepancy whose note shows that range. ``county`` limits the
    work to one county's findings.
    """
    rows = []
    findings = tables.findings if county is None else tables.findings[tables.findings["county"] == county]
    for finding in findings.to_dict("records"):
        claim_fact = tables.fact(finding["claim_fact"]) if finding["claim_fact"] else None
        row = {**{k: finding[k] for k in ("finding_id", "county", "domain", "claim", "claimed", "rule", "inputs")},
               "source": claim_fact["source"] if claim_fact is not None else "",
               "locator": claim_fact["locator"] if claim_fact is not None else "",
               "recomputed": ""}
        extra = finding["note"]
        if finding["rule"] == UNVERIFIABLE_RULE:
            row |= {"status": UNVERIFIABLE, "note": extra or "the report gives no numbers to recompute this from"}
        else:
            recomputed, why = _recompute(pd.Series(finding), tables)
            if recomputed is None:
                row |= {"status": UNVERIFIABLE, "note": "; ".join(filter(None, [why, extra]))}
            else:
                verdict = judge(finding["claimed"], recomputed)
                row |= {"recomputed": format_interval(recomputed), "status": verdict.status,
                        "note": "; ".join(filter(None, [verdict.note, extra]))}
        rows.append(row)
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)
