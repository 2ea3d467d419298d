"""Recompute every finding in the ledger and grade it reproduced, tension, discrepancy or unverifiable."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from analysis.claims import DISCREPANCY, REPRODUCED, UNVERIFIABLE, format_interval, input_interval, judge
from analysis.grading import ReadingResult, grade
from analysis.intervals import Interval
from analysis.numbers import Quantity, parse_quantity
from analysis.rules import ARITHMETIC_RULES, COUNT_ITEMS, ITEMS, OPPOSITE, RULES, CountTimeout, count_items
from analysis.rules import UNVERIFIABLE as UNVERIFIABLE_RULE
from analysis.standard_readings import standard_results
from analysis.tables import Tables, _display

AUDIT_COLUMNS = ["finding_id", "county", "domain", "kind", "claim", "claim_en", "claimed", "recomputed", "at_precision", "status",
                 "reading", "note", "rule", "inputs", "source", "locator"]
READING_COLUMNS = ["reading_id", "finding_id", "county", "label", "claimed", "recomputed", "holds", "rule", "inputs",
                   "take", "why"]

# What a finding checks, by its rule: the audit's counts keep arithmetic apart from counting and restating.
ARITHMETIC, LIST_COUNT, RESTATEMENT, NOT_CHECKED = "arithmetic", "list count", "restatement", "not checked"
KIND_OF_RULE = {**dict.fromkeys(ARITHMETIC_RULES, ARITHMETIC), COUNT_ITEMS: LIST_COUNT, "value": RESTATEMENT,
                UNVERIFIABLE_RULE: NOT_CHECKED}

# How an input is taken: as the report wrote it, at its written precision, or (a range) at its midpoint.
AS_WRITTEN, AT_PRECISION, MIDPOINT = "as written", "at precision", "midpoint"


@lru_cache(maxsize=4096)
def _parsed(as_written: str) -> Quantity:
    return parse_quantity(as_written)


def fact_interval(fact: Mapping, mode: str = AS_WRITTEN) -> Interval | None:
    """The values a fact allows as the report wrote it (or at its precision); None when one-sided ("80%以上")."""
    return input_interval(_parsed(fact["as_written"]), fact["unit"], at_precision=mode == AT_PRECISION)


def _input(input_id: str, tables: Tables, mode: str) -> Interval | None:
    """What one input gives: a list its item count, a fact its number (see ``mode``)."""
    lists = tables.lists_by_id
    if input_id in lists:
        listed = lists[input_id]
        try:
            return Interval.point(count_items(listed["items"], listed["count_by"]))
        except CountTimeout as err:  # validation refuses the patterns known to backtrack; this stops the others
            row = 2 + tables.lists["list_id"].tolist().index(input_id)
            raise ValueError(f"{_display(tables.data_dir / 'lists.csv', tables.data_dir)}, row {row}, "
                             f"column 'count_by': {err}") from None
    interval = fact_interval(tables.fact(input_id), mode)
    if mode == MIDPOINT and interval is not None and not interval.is_point:
        return Interval.point((interval.lo + interval.hi) / 2)
    return interval


def _inputs(inputs: str, tables: Tables, mode: str) -> tuple[list[Interval] | None, str]:
    """What each input gives; (None, why) when one gives no bounded number."""
    intervals = []
    for input_id in inputs.split():
        interval = _input(input_id, tables, mode)
        if interval is None:
            return None, f"input {input_id} ({tables.fact(input_id)['as_written']}) gives no bounded number"
        intervals.append(interval)
    return intervals, ""


def _apply(rule: str, intervals: list[Interval], inputs: str) -> tuple[Interval | None, str]:
    try:
        return RULES["value" if rule == COUNT_ITEMS else rule](*intervals), ""
    except ZeroDivisionError:
        return None, f"a denominator among {inputs} can be zero"


def recompute(rule: str, inputs: str, tables: Tables, mode: str = AS_WRITTEN) -> tuple[Interval | None, str]:
    """Apply ``rule`` to its inputs; (None, why) when an input gives no bounded number or the rule cannot be applied."""
    intervals, why = _inputs(inputs, tables, mode)
    return (None, why) if intervals is None else _apply(rule, intervals, inputs)


def _unit(input_id: str, tables: Tables) -> str | None:
    return ITEMS if input_id in tables.lists_by_id else tables.fact(input_id)["unit"]


def _other_wholes(finding: dict, tables: Tables) -> list[tuple[str, Interval]]:
    """The wholes the finding's share readings name that none of them divides the finding's part by (other_whole):
    a reading of another part over a whole. The audit never picks a whole itself."""
    part, whole = finding["inputs"].split()
    rows = [r for r in tables.readings_of(finding["finding_id"]) if r["rule"] == "share"]
    tried = {tuple(r["inputs"].split()) for r in rows}
    out = []
    for candidate in dict.fromkeys(r["inputs"].split()[-1] for r in rows):
        if candidate == whole or (part, candidate) in tried:
            continue
        interval = _input(candidate, tables, AS_WRITTEN)
        if interval is not None:
            fact = tables.fact(candidate) if candidate not in tables.lists_by_id else {"entity": candidate, "as_written": ""}
            out.append((f"{fact['entity']} {fact['as_written']} ({candidate})".strip(), interval))
    return out


def _standard(finding: dict, literal: Interval, tables: Tables) -> list[ReadingResult]:
    """The standard readings of a finding, from its inputs as written (analysis/standard_readings.py)."""
    intervals, _ = _inputs(finding["inputs"], tables, AS_WRITTEN)
    wholes = _other_wholes(finding, tables) if finding["rule"] == "share" else []
    units = [_unit(i, tables) for i in finding["inputs"].split()]
    return standard_results(finding["rule"], intervals, units, finding["claimed"], literal, wholes)


def _direction_hint(rule: str, claimed: str, literal: Interval) -> str:
    """Why a change of the wrong sign failed: the finding's rule may not be the report's direction (a hint, not a grade)."""
    value = _parsed(claimed).value
    if rule not in OPPOSITE or value is None or value <= 0 or literal.hi >= 0:
        return ""
    return (f"the inputs give a negative {rule} ({format_interval(literal)}): if the report states the change by its "
            f"size with a word of the other direction, the finding's rule is {OPPOSITE[rule]} (data/DICTIONARY.md, "
            "findings.csv: changes against a base)")


def _readings(finding: dict, tables: Tables) -> list[tuple[dict, ReadingResult]]:
    out = []
    for reading in tables.readings_of(finding["finding_id"]):
        mode = MIDPOINT if reading["take"] == "midpoint" else AS_WRITTEN
        recomputed, _ = recompute(reading["rule"], reading["inputs"], tables, mode)
        out.append((reading, ReadingResult(reading["label"], reading["claimed"] or finding["claimed"], recomputed, reading["why"])))
    return out


def _citation(tables: Tables, claim_fact: str) -> dict:
    if not claim_fact:
        return {"source": "", "locator": ""}
    fact = tables.fact(claim_fact)
    return {"source": fact["source"], "locator": fact["locator"]}


def audit_findings(tables: Tables, county: str | None = None, table: str = "findings") -> pd.DataFrame:
    """One row per finding: the claim, what the facts give, the grade and why.

    ``table`` is "findings" (the reports' claims) or "checks" (consistency checks the ledger adds).

    Examples
    --------
    The 东营 ledger row for "能正常运行的有179项, 占...44.6%" recomputes 179/401
    = 44.64% and is reproduced; "精简80%以上" over 8-10 offices cut to 1-2 gives
    75-90%, and read with the ranges' typical values (9 to 1.5, 83.3%) it holds: a tension.
    ``county`` limits the work to one county's findings.
    """
    frame = getattr(tables, table)
    rows = []
    for finding in (frame if county is None else frame[frame["county"] == county]).to_dict("records"):
        row = {**{k: finding[k] for k in ("finding_id", "county", "domain", "claim", "claim_en", "claimed", "rule", "inputs")},
               **_citation(tables, finding["claim_fact"]), "kind": KIND_OF_RULE[finding["rule"]],
               "recomputed": "", "at_precision": "", "reading": ""}
        extra = finding["note"]
        literal, why = (None, "") if finding["rule"] == UNVERIFIABLE_RULE else recompute(finding["rule"], finding["inputs"], tables)
        if literal is None:
            reason = why or "the report gives no numbers to recompute this from"
            row |= {"status": UNVERIFIABLE, "note": "; ".join(filter(None, [why, extra])) or reason}
        else:
            # A restatement compares two numbers as written: their rounding is the same, not a doubt.
            precise = literal if finding["rule"] == "value" else recompute(finding["rule"], finding["inputs"], tables, AT_PRECISION)[0]
            # the standard readings are computed only for a claim whose literal reading fails
            standard = [] if judge(finding["claimed"], literal).status == REPRODUCED else _standard(finding, literal, tables)
            result = grade(finding["claimed"], literal, precise or literal, [r for _, r in _readings(finding, tables)], standard)
            hint = _direction_hint(finding["rule"], finding["claimed"], literal) if result.status == DISCREPANCY else ""
            row |= {"recomputed": format_interval(literal),
                    "at_precision": "" if precise is None or precise == literal else format_interval(precise),
                    "status": result.status, "reading": result.reading,
                    "note": "; ".join(filter(None, [result.note, hint, extra]))}
        rows.append(row)
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS)


def readings_beside_literal(readings: pd.DataFrame, ledger: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`audit_readings` with their finding's grade and literal reading ("65%以上 vs 62.5") beside them."""
    literal = ledger.set_index("finding_id")
    readings = readings[readings["finding_id"].isin(literal.index)]
    return readings.assign(status=readings["finding_id"].map(literal["status"]),
                           literal=readings["finding_id"].map(literal["claimed"] + " vs " + literal["recomputed"]))


def audit_readings(tables: Tables, county: str | None = None) -> pd.DataFrame:
    """Every reasonable reading of every finding, recomputed: the literal reading's alternatives side by side."""
    findings = tables.findings if county is None else tables.findings[tables.findings["county"] == county]
    rows = []
    for finding in findings.to_dict("records"):
        for reading, result in _readings(finding, tables):
            rows.append({**{k: reading[k] for k in ("reading_id", "finding_id", "label", "rule", "inputs", "take", "why")},
                         "county": finding["county"], "claimed": result.claimed,
                         "recomputed": format_interval(result.recomputed) if result.recomputed else "",
                         "holds": "yes" if result.holds else "no"})
    return pd.DataFrame(rows, columns=READING_COLUMNS)
