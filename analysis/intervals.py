"""Closed intervals of non-negative numbers, so a claim can be recomputed over input ranges."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Interval:
    """The values an input may take; ``lo == hi`` for an exact number."""

    lo: float
    hi: float

    def __post_init__(self):
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def point(cls, x: float) -> Interval:
        return cls(x, x)

    @property
    def is_point(self) -> bool:
        return math.isclose(self.lo, self.hi, rel_tol=1e-12, abs_tol=0.0)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __mul__(self, other: Interval) -> Interval:
        ends = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        return Interval(min(ends), max(ends))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError(f"division by an interval containing zero: [{other.lo}, {other.hi}]")
        return self * Interval(1 / other.hi, 1 / other.lo)

    def scale(self, factor: float) -> Interval:
        return Interval(self.lo * factor, self.hi * factor)
