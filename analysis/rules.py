"""The named rules a findings-ledger row uses to recompute a claim from facts."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import reduce

from analysis.intervals import Interval


def share(part: Interval, whole: Interval) -> Interval:
    """Percentage ``part / whole * 100`` ("179 of 401 = 44.6%")."""
    return (part / whole).scale(100)


def total(*parts: Interval) -> Interval:
    """Sum of the parts ("31 + 28 = 59名")."""
    return reduce(lambda a, b: a + b, parts)


def reduction(before: Interval, after: Interval) -> Interval:
    """Percentage cut from ``before`` to ``after`` ("17 -> 4, 精简76%")."""
    return (Interval.point(1) - after / before).scale(100)


def difference(a: Interval, b: Interval) -> Interval:
    return a - b


def ratio(a: Interval, b: Interval) -> Interval:
    """``a / b``, e.g. enforcement powers per enforcement officer."""
    return a / b


def product(*factors: Interval) -> Interval:
    return reduce(lambda a, b: a * b, factors)


def value(a: Interval) -> Interval:
    """The fact itself, compared with a looser wording ("401项" vs "400多项")."""
    return a


RULES: dict[str, Callable[..., Interval]] = {
    "share": share,
    "sum": total,
    "reduction": reduction,
    "difference": difference,
    "ratio": ratio,
    "product": product,
    "value": value,
}
COUNT_ITEMS = "count_items"
UNVERIFIABLE = "unverifiable"
RULE_NAMES = (*RULES, COUNT_ITEMS, UNVERIFIABLE)

# Arity checks: None means "one or more".
ARITY = {"share": 2, "sum": None, "reduction": 2, "difference": 2, "ratio": 2, "product": None, "value": 1}

_ITEM_SEPARATORS = re.compile(r"[、，,；;]|和|及")


def count_items(items: str) -> int:
    """Number of items in an enumeration as the report wrote it.

    Examples
    --------
    >>> count_items("党校、农经站、农科站和水管站")
    4
    """
    return len([item for item in _ITEM_SEPARATORS.split(items) if item.strip()])
