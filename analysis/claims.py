"""Judge a report's claim against a recomputed value, at the precision the report wrote it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from analysis.intervals import Interval
from analysis.numbers import Quantity, parse_quantity
from analysis.windows import HARD_BOUNDS, Window

REPRODUCED, TENSION, DISCREPANCY, UNVERIFIABLE = "reproduced", "tension", "discrepancy", "unverifiable"
STATUSES = (REPRODUCED, TENSION, DISCREPANCY, UNVERIFIABLE)

# Units of quantities that are measured and rounded (money, shares, areas); an integer count of
# anything else ("179项", "59名") is exact.
MEASURED_UNITS = ("元", "%", "个百分点", "㎡", "米", "吨", "公里", "亩")


def accepted_values(claim: Quantity) -> Window:
    """Values that make ``claim`` true: its row of the window table (analysis/windows.py).

    Examples
    --------
    >>> accepted_values(parse_quantity("44.6%")).describe()
    '[44.55, 44.65)'
    >>> accepted_values(parse_quantity("不到20%")).describe()
    '(-inf, 20)'
    """
    return claim.window()


def input_interval(q: Quantity, unit: str, at_precision: bool = False) -> Interval | None:
    """The values an input number allows: the report's own number, or (``at_precision``) every
    value its written digits allow ("1.3亿" is [1.25亿, 1.35亿)). None when it is one-sided.

    Ranges and 多/余 span their stated ends either way; integer counts are exact.

    >>> input_interval(parse_quantity("1.3亿"), "元", at_precision=True)
    Interval(lo=125000000.0, hi=135000000.0)
    >>> input_interval(parse_quantity("179项"), "项", at_precision=True)
    Interval(lo=179.0, hi=179.0)
    """
    if q.kind in HARD_BOUNDS:
        return Interval(q.low, q.high) if q.low is not None and q.high is not None else None
    exact_count = q.kind == "rounded" and q.resolution == 1 and unit not in MEASURED_UNITS
    if not at_precision or exact_count:
        return Interval.point(q.value)
    w = q.window()
    return Interval(max(w.lo, 0.0) if q.value >= 0 else w.lo, w.hi)


@dataclass(frozen=True)
class Verdict:
    """How a claim fares against what the inputs give: ``holds`` is "all", "part" or "none" of it."""

    status: str
    note: str
    holds: str = "all"


def judge(claimed: str, recomputed: Interval) -> Verdict:
    """Reproduced only if every value the inputs allow satisfies the claim.

    Parameters
    ----------
    claimed : str
        The claim as written ("44.6%", "不到20%", "三分之一", "400多项", "80%以上").
    recomputed : Interval
        What the inputs give; a range when an input is a range ("8-10个").

    Examples
    --------
    >>> judge("44.6%", Interval.point(179 / 401 * 100)).status
    'reproduced'
    >>> judge("80%以上", Interval(75.0, 90.0)).holds
    'part'
    """
    accepted = accepted_values(parse_quantity(claimed))
    shown = format_interval(recomputed)
    if accepted.contains(recomputed.lo) and accepted.contains(recomputed.hi):
        return Verdict(REPRODUCED, f"recomputed {shown} is within {accepted.describe()}")
    if accepted.overlaps(recomputed.lo, recomputed.hi):
        return Verdict(DISCREPANCY, f"holds over part of the input range only: recomputed {shown}, "
                       f"claim {claimed} needs {accepted.describe()}", "part")
    return Verdict(DISCREPANCY, f"recomputed {shown}, but claim {claimed} needs {accepted.describe()}", "none")


def format_number(x: float) -> str:
    """Short, exact-looking display: 401, 44.64, 1.58e+09 stays readable as 1580000000."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.4f}".rstrip("0").rstrip(".") if abs(x) < 1e6 else f"{x:.0f}"


def format_interval(x: Interval) -> str:
    if x.is_point:
        return format_number(x.lo)
    return f"{format_number(x.lo)}–{format_number(x.hi)}"
