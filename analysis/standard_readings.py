"""The one table of standard readings: common ways of making a number that a claim's literal reading misses.

A budget, final account or statistical bulletin may cut a percentage off instead of rounding it
("12.3456" written "12.34%"), divide a change by the later year instead of the base, write % where
percentage points were meant (or the reverse), or take a share of another whole its paragraph names.
When the literal reading of a finding fails, the audit tries, in this order:

1. the finding's own readings (data/readings.csv): a person wrote them for this finding, so they are the
   most specific;
2. the rows of this table, top to bottom (``READINGS``). The order is the charity principle's
   (data/DICTIONARY.md): first what assumes no slip at all (the inputs were rounded for print,
   ``input_rounding``), then a convention of print (``truncated``), then an ambiguity of wording
   (``other_whole``), then a wrong word (``percent_for_points``, ``points_for_percent``, ``times_for_multiple``),
   and last a wrong
   method (``later_base``). The first that reconciles is named; any one makes the finding a **tension**,
   never reproduced; when none does it stays a **discrepancy**, and its note lists what each gave.

Every reading here is computed from the inputs as the report wrote them (``input_rounding`` excepted,
which is that precision): readings are never stacked. data/DICTIONARY.md shows the table
(``standard_readings_markdown``, kept in step by a test).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.claims import format_interval
from analysis.grading import ROUNDING_READING as INPUT_ROUNDING
from analysis.grading import ReadingResult
from analysis.intervals import Interval
from analysis.numbers import parse_quantity
from analysis.rules import ARITHMETIC_RULES, PERCENT, growth, normal_unit, points, points_fall, reduction, share

TRUNCATED, OTHER_WHOLE = "truncated", "other_whole"
PERCENT_FOR_POINTS, POINTS_FOR_PERCENT, LATER_BASE = "percent_for_points", "points_for_percent", "later_base"
TIMES_FOR_MULTIPLE = "times_for_multiple"
COARSER = "rounded_coarser"


@dataclass(frozen=True)
class StandardReading:
    """One row of the table: the rules whose findings it reads, what it computes, why, and an example with its answer."""

    name: str
    rules: tuple[str, ...]
    computes: str
    why: str
    example: str
    answer: str


READINGS = (
    StandardReading(
        INPUT_ROUNDING, ARITHMETIC_RULES,
        computes="the rule over every value the inputs' written digits allow (data/DICTIONARY.md, inputs at their "
                 "written precision), or their words (3,600万余: 3,600万 to 3,700万)",
        why="the report computed from numbers it printed rounded: no slip at all; it holds when part of that range "
            "satisfies the claim",
        example="988万 of 2160万, 45.72%",
        answer="988/2160 = 45.7407; 987.5万/2160.5万 = 45.7070 … 988.5万/2159.5万 = 45.7745: holds"),
    StandardReading(
        TRUNCATED, ("share", "share_of_sum", "reduction", "growth", "points", "points_fall", "growth_from_change", "reduction_from_change"),
        computes="the recomputed number cut off (toward zero, not rounded) after the claim's last written digit",
        why="a spreadsheet's TRUNC or a number format that drops digits: the claim's digits are all right, only the "
            "last is not rounded; read only for a claim in plain digits (not 约, 以上, 多 ...)",
        example="123,456 of 1,000,000 persons, 12.34%",
        answer="12.3456 cut off after 0.01 is 12.34: holds (12.35% is the literal reading)"),
    StandardReading(
        OTHER_WHOLE, ("share",),
        computes="part / whole × 100 with a whole named by the finding's rows of data/readings.csv (the whole of a "
                 "share reading of another part); for a proposal of add-source, also each total its paragraph states "
                 "(of the part's unit and year, larger than the part, after 共/合计/总计 …: "
                 "analysis/extraction/other_wholes.py); skipped when there is none",
        why="the paragraph names more than one whole (towns, or all township-level units) and the claim does not say "
            "which; the audit never chooses a denominator a person (or, for a proposal, the paragraph's own total) "
            "has not written down",
        example="12 of 60 communities, 25%; a row reads another part of the 48 villages",
        answer="12/48 = 25: holds"),
    StandardReading(
        PERCENT_FOR_POINTS, ("growth", "reduction"),
        computes="later − base (growth) or base − later (reduction), in percentage points; only when both inputs "
                 "are in %",
        why="a change of a share written with % where percentage points were meant (上升3.7% for 3.7个百分点): "
            "a common slip of wording, the number itself right",
        example="a share 26.3% → 30.0%, 上升3.7%",
        answer="30.0 − 26.3 = 3.7 points: holds (the literal growth is 14.07%)"),
    StandardReading(
        POINTS_FOR_PERCENT, ("points", "points_fall"),
        computes="(later / base − 1) × 100 (points) or (1 − later / base) × 100 (points_fall), in %",
        why="the reverse slip: percentage points written where a rate of change of the percentage was meant",
        example="a rate 20.0% → 20.74%, 提高3.7个百分点",
        answer="(20.74/20 − 1) × 100 = 3.7%: holds (the literal change is 0.74 points)"),
    StandardReading(
        TIMES_FOR_MULTIPLE, ("growth_times",),
        computes="later / base: how many times the base the later amount is, not how many times it was added",
        why="增长N倍 (增加N倍, 提高N倍) written where 增长到N倍 or 是…的N倍 was meant: a common misuse of the word, the "
            "amounts themselves right",
        example="由100增长到300, 增长3倍",
        answer="300 / 100 = 3: holds (literally 增长3倍 is 100 → 400; 300 / 100 − 1 = 2倍)"),
    StandardReading(
        LATER_BASE, ("growth", "reduction", "growth_from_change", "reduction_from_change"),
        computes="(later − base) / later × 100 (growth) or (base − later) / later × 100 (reduction): the change "
                 "divided by the later amount",
        why="the change divided by the wrong year, a known error of method: the change itself is right, its base "
            "is not; a reader can still recover the amounts",
        example="1,000 → 1,050, 增长4.76%",
        answer="50/1050 = 4.7619: holds (the literal growth is 5%)"),
    # the one reading of a restatement (rule value): where it stands among the others changes nothing
    StandardReading(
        COARSER, ("value",),
        computes="the earlier mention rounded to the claim's last digit that is not zero (15億2,300萬: to 百萬)",
        why="a restatement that rounds the number to a coarser unit and writes the digits it drops as zeros: the "
            "zeros are not digits of the number; read only for a claim in plain digits ending in zeros (not 约, 以上, "
            "多 ...)",
        example="15億2,344萬餘元, restated 15億2,300萬元",
        answer="15億2,344萬 to 15億2,345萬, rounded to 百萬: 15億2,300萬: holds (literally it needs 15億2,299.5萬 to "
               "15億2,300.5萬)"),
)


FROM_CHANGE = ("growth_from_change", "reduction_from_change")  # rules over (later, change), not (base, later)


def truncate(x: float, resolution: float) -> float:
    """``x`` cut off toward zero after the digit of ``resolution`` (float noise allowed for: 12.35 stays 12.35).

    >>> truncate(12.3456, 0.01), truncate(-4.357, 0.01), truncate(12.35, 0.01), truncate(5.0, 1)
    (12.34, -4.35, 12.35, 5.0)
    """
    steps = x / resolution
    whole = math.floor(steps + 1e-6) if x >= 0 else math.ceil(steps - 1e-6)
    decimals = max(0, -math.floor(math.log10(resolution) + 1e-9))
    return float(round(whole * resolution, decimals))


def _truncated(literal: Interval, claimed: str) -> tuple[Interval, str] | None:
    q = parse_quantity(claimed)
    if q.kind != "rounded" or not q.resolution:  # 约, 以上, 多, fractions, ranges: not digits to cut off
        return None
    cut = Interval(truncate(literal.lo, q.resolution), truncate(literal.hi, q.resolution))
    if math.isclose(cut.lo, literal.lo, abs_tol=1e-9) and math.isclose(cut.hi, literal.hi, abs_tol=1e-9):
        return None  # no digit to cut off: the literal reading again
    digit = format_interval(Interval.point(q.resolution))
    return cut, f"{format_interval(literal)} cut off at {digit}, not rounded"


def _coarser(literal: Interval, claimed: str) -> tuple[Interval, str] | None:
    """The earlier mention rounded to the claim's last digit that is not zero (half up); None when the claim has no
    zero to drop or is not in plain digits.

    >>> _coarser(Interval(1523440000, 1523450000), "15億2,300萬元")
    (Interval(lo=1523000000.0, hi=1523000000.0), "1523440000–1523450000 rounded to the claim's last digit that is not zero (1,000,000)")
    >>> _coarser(Interval.point(5236), "5236元") is None, _coarser(Interval.point(5236), "约5200元") is None
    (True, True)
    """
    q = parse_quantity(claimed)
    if q.kind != "rounded" or not q.resolution or not q.value:
        return None
    coarse = q.resolution
    while round(q.value / (coarse * 10)) * coarse * 10 == q.value:
        coarse *= 10
    if coarse == q.resolution:
        return None

    def rounded(x: float) -> float:
        return math.floor(x / coarse + 0.5 + 1e-9) * coarse

    return Interval(rounded(literal.lo), rounded(literal.hi)), (f"{format_interval(literal)} rounded to the claim's last digit that is not zero "
                                                         f"({coarse:,.0f})")


def _changes(rule: str, name: str, base: Interval, later: Interval) -> tuple[Interval, str]:
    if rule in FROM_CHANGE:  # inputs (later, change): only later_base applies
        ended, change = base, later
        return (change / ended).scale(100), "the change over the later amount, not the base"
    fall = rule in ("reduction", "points_fall")
    if name == PERCENT_FOR_POINTS:
        return (points_fall if fall else points)(base, later), "the change in percentage points, not %"
    if name == POINTS_FOR_PERCENT:
        return (reduction if fall else growth)(base, later), "the rate of change in %, not percentage points"
    change = (base / later - Interval.point(1)) if fall else (Interval.point(1) - base / later)  # later_base
    return change.scale(100), "the change over the later amount, not the base"


def standard_results(rule: str, inputs: Sequence[Interval], units: Sequence[str | None], claimed: str, literal: Interval,
                     wholes: Sequence[tuple[str, Interval]] = ()) -> list[ReadingResult]:
    """The standard readings of one finding after ``input_rounding`` (which the grade tries from the inputs'
    precision), in the table's order: each recomputed from the ``inputs`` as written.

    ``units`` are the inputs' units (None for a list); ``literal`` is what the rule gives from ``inputs``;
    ``wholes`` the other wholes the finding's readings name, each with its description (for ``other_whole``).
    A reading that cannot be computed (a denominator of zero) is left out.

    >>> [(r.name, r.label, r.holds) for r in standard_results("growth", [Interval.point(1000), Interval.point(1050)],
    ...  ["元", "元"], "4.76%", Interval.point(5.0))]
    [('later_base', 'the change over the later amount, not the base', True)]
    """
    out = []
    for reading in READINGS[1:]:
        if rule not in reading.rules:
            continue
        tried: list[tuple[Interval, str]] = []
        try:
            if reading.name == TRUNCATED:
                tried = [found] if (found := _truncated(literal, claimed)) else []
            elif reading.name == COARSER:
                tried = [found] if (found := _coarser(literal, claimed)) else []
            elif reading.name == OTHER_WHOLE:
                tried = [(share(inputs[0], whole), f"a share of {what}") for what, whole in wholes]
            elif reading.name == TIMES_FOR_MULTIPLE:  # inputs (base, later)
                tried = [(inputs[1] / inputs[0], "the later amount over the base: N times as much, not N times more")]
            elif reading.name == PERCENT_FOR_POINTS and any(normal_unit(u) != PERCENT for u in units):
                continue  # points are a change of percentages only
            else:
                tried = [_changes(rule, reading.name, *inputs)]
        except ZeroDivisionError:
            continue
        out += [ReadingResult(label, claimed, recomputed, reading.why, reading.name) for recomputed, label in tried]
    return out


def applies_to(rule: str) -> list[str]:
    """The standard readings tried for a finding of ``rule``, in order.

    >>> applies_to("growth"), applies_to("count_items")
    (['input_rounding', 'truncated', 'percent_for_points', 'later_base'], [])
    """
    return [reading.name for reading in READINGS if rule in reading.rules]


def standard_readings_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| reading | rules | computes | why | example | answer |", "|---|---|---|---|---|---|"]
    for r in READINGS:
        rules = "every arithmetic rule" if r.rules == ARITHMETIC_RULES else ", ".join(r.rules)
        lines.append(f"| {r.name} | {rules} | {r.computes} | {r.why} | {r.example} | {r.answer} |")
    return "\n".join(lines)

