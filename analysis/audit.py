"""Recompute every finding in the ledger and grade it reproduced, tension, discrepancy or unverifiable."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import pandas as pd

from analysis.claims import DISCREPANCY, REPRODUCED, TENSION, UNVERIFIABLE, format_interval, input_interval, judge
from analysis.grading import ReadingResult, grade
from analysis.intervals import Interval
from analysis.numbers import Quantity, parse_quantity
from analysis.rules import (ARITHMETIC_RULES, COMPARISONS, CONTRADICTION, COUNT_ITEMS, ITEMS, OPPOSITE, PARTS_WITHIN, RULES,
                            SUBSET, CountTimeout, compared, count_items, part_within)
from analysis.rules import UNVERIFIABLE as UNVERIFIABLE_RULE
from analysis.standard_readings import COARSER, standard_results
from analysis.schemas import passages
from analysis.tables import Tables, _display
from analysis.windows import HARD_BOUNDS, Window

AUDIT_COLUMNS = ["finding_id", "county", "domain", "kind", "claim", "claim_en", "claimed", "recomputed", "at_precision", "status",
                 "reading", "note", "rule", "inputs", "source", "locator"]
READING_COLUMNS = ["reading_id", "finding_id", "county", "label", "claimed", "recomputed", "holds", "rule", "inputs",
                   "take", "why"]

# What a finding checks, by its rule: the audit's counts keep arithmetic apart from counting and restating.
ARITHMETIC, LIST_COUNT, RESTATEMENT, NOT_CHECKED = "arithmetic", "list count", "restatement", "not checked"
PART_WITHIN, CONTRADICTION_KIND, COMPARISON = "part within whole", "contradiction", "comparison"
KIND_OF_RULE = {**dict.fromkeys(ARITHMETIC_RULES, ARITHMETIC), COUNT_ITEMS: LIST_COUNT, "value": RESTATEMENT,
                SUBSET: PART_WITHIN, PARTS_WITHIN: PART_WITHIN, **dict.fromkeys(COMPARISONS, COMPARISON),
                CONTRADICTION: CONTRADICTION_KIND, UNVERIFIABLE_RULE: NOT_CHECKED}
# A part within its whole: every value of the part fits (reproduced), some do (tension: it holds for part of what the
# written numbers allow, as a claim that holds only at the inputs' precision), none do (discrepancy).
PERSON_READING = "a person's reading (note)"  # what reconciles a contradiction graded tension: the reading its note gives
SUBSET_STATUS = {"all": REPRODUCED, "part": TENSION, "none": DISCREPANCY}

# How an input is taken: as the report wrote it, at its written precision, or (a range) at its midpoint.
AS_WRITTEN, AT_PRECISION, MIDPOINT = "as written", "at precision", "midpoint"


@lru_cache(maxsize=4096)
def _parsed(as_written: str) -> Quantity:
    return parse_quantity(as_written)


def fact_interval(fact: Mapping, mode: str = AS_WRITTEN) -> Interval | None:
    """The values a fact allows as the report wrote it (or at its precision); None when one-sided ("80%以上").
    A bare number under a table's header (單位:千元) keeps the scale its value was given: 7,143 of 千元 is 7,143,000.

    >>> fact_interval({"as_written": "7,143", "value": "7143000", "unit": "元"})
    Interval(lo=7143000.0, hi=7143000.0)
    >>> fact_interval({"as_written": "7,143", "value": "7143", "unit": ""}), fact_interval({"as_written": "7,143", "value": "7150", "unit": ""})
    (Interval(lo=7143.0, hi=7143.0), Interval(lo=7143.0, hi=7143.0))
    """
    q = _parsed(fact["as_written"])
    interval = input_interval(q, fact["unit"], at_precision=mode == AT_PRECISION)
    scale = _header_scale(q, fact.get("value"))
    return interval if interval is None or scale == 1 else Interval(interval.lo * scale, interval.hi * scale)


def _claim_scale(finding: dict, tables: Tables) -> float:
    fact = tables.fact(finding["claim_fact"]) if finding.get("claim_fact") else None
    return 1 if fact is None or fact["as_written"] != finding["claimed"] else _header_scale(_parsed(fact["as_written"]), fact.get("value"))


def _header_scale(q: Quantity, value) -> float:
    """The power of ten (百/千/万/亿 of a header) a bare number's stated value is of its written one; else 1."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 1
    if q.unit or not q.value or not value or value == q.value:
        return 1
    return next((10.0 ** k for k in (2, 3, 4, 8) if abs(value - q.value * 10 ** k) <= 1e-9 * abs(value)), 1)


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
    a reading of another part over a whole; for a proposal of add-source (no readings yet) also the totals its
    paragraph states (``other_wholes``: analysis/extraction/other_wholes.py). The audit never picks a whole itself."""
    part, whole = finding["inputs"].split()
    rows = [r for r in tables.readings_of(finding["finding_id"]) if r["rule"] == "share"]
    tried = {tuple(r["inputs"].split()) for r in rows}
    stated = (finding.get("other_wholes") or "").split()
    out = []
    for candidate in dict.fromkeys([*(r["inputs"].split()[-1] for r in rows), *stated]):
        if candidate == whole or (part, candidate) in tried:
            continue
        interval = _input(candidate, tables, AS_WRITTEN)
        if interval is not None:
            fact = tables.fact(candidate) if candidate not in tables.lists_by_id else {"entity": candidate, "as_written": ""}
            said = ", a total its paragraph states" if candidate in stated else ""
            out.append((f"{fact['entity']} {fact['as_written']} ({candidate}){said}".strip(), interval))
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


# Kinds of wording whose window is what the words say, not a rounding: a restatement of such a number is judged by
# whether the two windows share a value (6800多万元 twice: both open (6800万, 6900万)); a plain number or a range
# restated is judged as any input, by containment.
QUALIFIED_KINDS = (HARD_BOUNDS - {"range"}) | {"about", "nearly"}


def windows_share(a: Window, b: Window) -> bool:
    """Whether some value lies in both windows, open and closed ends respected.

    >>> windows_share(Window(68e6, 69e6, False, False), Window(68e6, 69e6, False, False))
    True
    >>> windows_share(Window(80, float("inf"), True, False), Window(0, 80, True, False))  # 80%以上 vs under 80
    False
    >>> windows_share(Window(80, float("inf"), True, False), Window(0, 80, True, True))
    True
    """
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    if lo < hi:
        return True
    if lo > hi:
        return False
    return a.contains(lo) and b.contains(lo)


def restated_verdict(claimed: str, restated: str) -> tuple[str, str, str] | None:
    """(status, recomputed, note) for a restatement whose earlier statement is qualified (多, 余, 约, 以上 ...):
    the two agree when their windows share a value. None for a plain number or a range (judged as any input).

    >>> restated_verdict("6800多万元", "6800多万元")[0], restated_verdict("不到20%", "30%以上")[0]
    ('reproduced', 'discrepancy')
    >>> restated_verdict("401项", "401项") is None
    True
    """
    earlier = _parsed(restated)
    if earlier.kind not in QUALIFIED_KINDS:
        return None
    mine, theirs = _parsed(claimed).window(), earlier.window()
    shown = format_interval(Interval(theirs.lo, theirs.hi))  # the column's form ("80–inf"); the note gives the ends
    if windows_share(mine, theirs):
        return REPRODUCED, shown, (f"restated: {restated} allows {theirs.describe()}, {claimed} allows "
                                               f"{mine.describe()}; one number can be both")
    return DISCREPANCY, shown, (f"restated: {restated} allows {theirs.describe()}, but {claimed} needs "
                                            f"{mine.describe()}; no number is both")


def _restated_qualified(finding: dict, tables: Tables) -> tuple[str, str, str] | None:
    """The window verdict of a value finding over one fact (not a list) stated with a qualifier; else None. When the
    windows share no value, the standard reading of a restatement (rounded_coarser) may still reconcile them: a
    tension, its reading named in the note (15億2,344萬餘元 restated 15億2,300萬元)."""
    if finding["rule"] != "value" or finding["inputs"] in tables.lists_by_id:
        return None
    earlier = tables.fact(finding["inputs"])["as_written"]
    verdict = restated_verdict(finding["claimed"], earlier)
    if verdict is None or verdict[0] != DISCREPANCY:
        return verdict
    window = _parsed(earlier).window()
    interval = Interval(window.lo, window.hi)
    holding = next((r for r in standard_results("value", [interval], [None], finding["claimed"], interval) if r.holds), None)
    if holding is None:
        return verdict
    return TENSION, verdict[1], f"{verdict[2]}; read as {holding.label} ({holding.name}): {holding.why}"


TRUNCATED = "more_than_step"  # 萬餘, 多: an amount cut to its last written digit, more below it
ADDITIVE = ("sum", "difference")


def _truncated_digits(finding: dict, tables: Tables) -> tuple[str, str, str] | None:
    """A sum or difference whose claim and inputs are all written cut with 餘/多 ("405億9,629萬餘元 − 390億7,285萬餘元 =
    15億2,344萬餘元", four digits or more each): each was cut to its last digit for print, so the windows of the inputs overlap the claim's only in
    part, yet the written digits are what the writer added. Reproduced when the rule over the written digits gives the
    claim's digits exactly (the note gives what the windows allow); None otherwise (graded as any finding)."""
    if finding["rule"] not in ADDITIVE or not finding["inputs"] or any(
            i in tables.lists_by_id for i in finding["inputs"].split()):
        return None
    written = [finding["claimed"], *(tables.fact(i)["as_written"] for i in finding["inputs"].split())]
    # accounts cut for print carry their digits (405億9,629萬餘元); a round estimate (400多项) is vague, not cut
    if any(len(re.findall(r"\d", w)) < 4 for w in written):
        return None
    claimed, *inputs = (_parsed(w) for w in written)
    if any(q.kind != TRUNCATED or q.value is None for q in (claimed, *inputs)):
        return None
    literal, _ = recompute(finding["rule"], finding["inputs"], tables)
    if literal is None or judge(finding["claimed"], literal).status == REPRODUCED:
        return None
    digits = RULES[finding["rule"]](*(Interval.point(q.value) for q in inputs))
    if not digits.is_point or abs(digits.lo - claimed.value) > 1e-9 * max(1.0, abs(claimed.value)):
        return None
    return REPRODUCED, format_interval(literal), (
        f"the written digits agree: the amounts cut with 餘/多 give {format_interval(digits)} as written, the claim's "
        f"digits; over their windows the inputs give {format_interval(literal)}, the claim {judge(finding['claimed'], literal).note.split('claim ')[-1]}")


def _subset(finding: dict, tables: Tables) -> tuple[str, str, str]:
    """(status, recomputed, note) of a part within its whole, both taken over every value their writing allows."""
    part = fact_interval(tables.fact(finding["claim_fact"]), AT_PRECISION)
    whole = _input(finding["inputs"], tables, AT_PRECISION)
    if part is None or whole is None:
        return UNVERIFIABLE, "", "the part or the whole is one-sided (以上, 不到 ...): no bound to compare"
    holds = part_within(part, whole)
    said = {"all": "fits within", "part": "fits within only part of", "none": "exceeds"}[holds]
    return SUBSET_STATUS[holds], format_interval(whole), f"part {format_interval(part)} {said} whole {format_interval(whole)}"


def _parts_within(finding: dict, tables: Tables) -> tuple[str, str, str]:
    """(status, recomputed, note) of the parts a 其中 list names within their total: reproduced when they add up to it
    (as written), else judged as a part within its whole, the parts' sum and the total at their written precision."""
    literal, why = recompute("sum", finding["inputs"], tables)
    precise, _ = recompute("sum", finding["inputs"], tables, AT_PRECISION)
    whole = fact_interval(tables.fact(finding["claim_fact"]), AT_PRECISION) if finding["claim_fact"] else None
    if literal is None or precise is None or whole is None:
        return UNVERIFIABLE, "", why or "the total or a part is one-sided (以上, 不到 ...): no bound to compare"
    shown = format_interval(literal)
    if judge(finding["claimed"], literal).status == REPRODUCED:
        return REPRODUCED, shown, f"the parts add up to the total: {shown}"
    holds = part_within(precise, whole)
    said = {"all": "fit within", "part": "fit within only part of", "none": "exceed"}[holds]
    return SUBSET_STATUS[holds], shown, (f"the parts named add up to {shown} and {said} the total "
                                         f"{format_interval(whole)}: the list may name only some parts (其中)")


def _comparison(finding: dict, tables: Tables) -> tuple[str, str, str]:
    """(status, recomputed, note) of a comparison or an ordering (greater, less, order), the claim fact and its inputs
    as written (a plain number its value, 多/余 their ranges: the figures the report compares, not what their rounding
    might hide): reproduced when it holds for every value, tension for some, discrepancy for none."""
    claim = fact_interval(tables.fact(finding["claim_fact"])) if finding["claim_fact"] else None
    others = [_input(i, tables, AS_WRITTEN) for i in finding["inputs"].split()]
    if claim is None or any(x is None for x in others):
        return UNVERIFIABLE, "", "the claim or an input is one-sided (以上, 不到 ...): no bound to compare"
    holds = compared(finding["rule"], claim, others)
    said = {"greater": "above each of", "less": "below each of", "order": "after, in falling order,"}[finding["rule"]]
    shown = ", ".join(format_interval(x) for x in others)
    verdict = {"all": "every value", "part": "only some values", "none": "no value"}[holds]
    return SUBSET_STATUS[holds], shown, f"{format_interval(claim)} {said} {shown}: it holds for {verdict} as written"


def _contradiction(finding: dict) -> tuple[str, str, str]:
    """A contradiction without numbers: a person's grade (claimed), nothing recomputed."""
    return finding["claimed"], "", "graded by a person: two passages that cannot both hold as written"


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
    return audit_rows(tables, (frame if county is None else frame[frame["county"] == county]).to_dict("records"))


def audit_rows(tables: Tables, findings: list[dict]) -> pd.DataFrame:
    """The audit of finding-like rows (the columns of data/findings.csv), wherever they come from: the ledger's
    tables, or the restatements found from the facts (analysis/restatements.py)."""
    rows = []
    for finding in findings:
        row = {**{k: finding[k] for k in ("finding_id", "county", "domain", "claim", "claimed", "rule", "inputs")},
               "claim_en": finding.get("claim_en", ""),  # none for rows found from the facts (analysis/restatements.py)
               **_citation(tables, finding["claim_fact"]), "kind": KIND_OF_RULE[finding["rule"]],
               "recomputed": "", "at_precision": "", "reading": ""}
        extra = finding["note"]
        decided = (_subset(finding, tables) if finding["rule"] == SUBSET
                   else _parts_within(finding, tables) if finding["rule"] == PARTS_WITHIN
                   else _comparison(finding, tables) if finding["rule"] in COMPARISONS
                   else _contradiction(finding) if finding["rule"] == CONTRADICTION
                   else _restated_qualified(finding, tables) or _truncated_digits(finding, tables))
        if decided is not None:
            status, shown, note = decided
            if finding["rule"] == CONTRADICTION:  # cited by its first passage; both are quoted in its claim
                row |= dict(zip(("source", "locator"), passages(finding["claim"])[0]), reading=PERSON_READING)
            elif finding["rule"] == "value" and status == TENSION:  # only the restatement's reading makes one
                row["reading"] = COARSER
            rows.append(row | {"recomputed": shown, "status": status, "note": "; ".join(filter(None, [note, extra]))})
            continue
        literal, why = (None, "") if finding["rule"] == UNVERIFIABLE_RULE else recompute(finding["rule"], finding["inputs"], tables)
        # a bare claim under a header (差額12,451 of 單位:千元) is judged in its written scale
        scale = _claim_scale(finding, tables)
        if literal is None:
            reason = why or "the report gives no numbers to recompute this from"
            row |= {"status": UNVERIFIABLE, "note": "; ".join(filter(None, [why, extra])) or reason}
        else:
            # A restatement compares two numbers as written: their rounding is the same, not a doubt.
            precise = literal if finding["rule"] == "value" else recompute(finding["rule"], finding["inputs"], tables, AT_PRECISION)[0]
            if scale != 1:
                literal, precise = (None if i is None else Interval(i.lo / scale, i.hi / scale) for i in (literal, precise))
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
