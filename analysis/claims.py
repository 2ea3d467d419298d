"""Judge a report's claim against a recomputed value, at the precision the report wrote it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from analysis.intervals import Interval
from analysis.numbers import Quantity, parse_quantity

# Verbal approximations ("约", "左右", "近", "三分之一") carry no written digits; we
# read them as within a tenth of the stated value. Stricter, and 31 of 90 would not
# be "三分之一", which the report plainly means; looser, and the word says nothing.
APPROX_TOLERANCE = 0.10

REPRODUCED, DISCREPANCY, UNVERIFIABLE = "reproduced", "discrepancy", "unverifiable"


@dataclass(frozen=True)
class Accepted:
    """The set of values a claim allows: an interval whose ends may be open."""

    lo: float
    hi: float
    lo_inclusive: bool = True
    hi_inclusive: bool = True

    def contains(self, x: float) -> bool:
        # A hair of slack on closed ends absorbs float noise (0.1 + 0.2 and friends).
        above = x > self.lo or (self.lo_inclusive and x >= self.lo - 1e-9)
        below = x < self.hi or (self.hi_inclusive and x <= self.hi + 1e-9)
        return above and below

    def describe(self) -> str:
        left = "[" if self.lo_inclusive else "("
        right = "]" if self.hi_inclusive else ")"
        return f"{left}{format_number(self.lo)}, {format_number(self.hi)}{right}"


def accepted_values(claim: Quantity) -> Accepted:
    """Values that make ``claim`` true.

    Examples
    --------
    >>> accepted_values(parse_quantity("44.6%")).describe()
    '[44.55, 44.65]'
    >>> accepted_values(parse_quantity("不到20%")).describe()
    '[-inf, 20)'
    """
    inf = math.inf
    if claim.is_range:
        return Accepted(claim.low, claim.high)
    v = claim.value
    if claim.qualifier in ("约", "左右") or (claim.resolution is None and not claim.qualifier):
        return Accepted(v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE))
    if claim.qualifier == "近":
        return Accepted(v * (1 - APPROX_TOLERANCE), v, True, False)
    if claim.qualifier:
        lo = -inf if claim.low is None else claim.low
        hi = inf if claim.high is None else claim.high
        return Accepted(lo, hi, claim.low_inclusive, claim.high_inclusive)
    half = claim.resolution / 2
    return Accepted(v - half, v + half)


@dataclass(frozen=True)
class Verdict:
    status: str
    note: str


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
    >>> judge("80%以上", Interval(75.0, 90.0)).status
    'discrepancy'
    """
    accepted = accepted_values(parse_quantity(claimed))
    lo_ok, hi_ok = accepted.contains(recomputed.lo), accepted.contains(recomputed.hi)
    shown = format_interval(recomputed)
    if lo_ok and hi_ok:
        return Verdict(REPRODUCED, f"recomputed {shown} is within {accepted.describe()}")
    if lo_ok or hi_ok:
        return Verdict(
            DISCREPANCY,
            f"holds over part of the input range only: recomputed {shown}, claim {claimed} needs {accepted.describe()}",
        )
    return Verdict(DISCREPANCY, f"recomputed {shown}, but claim {claimed} needs {accepted.describe()}")


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
