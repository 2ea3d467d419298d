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

DEFAULT_COUNT_BY = "split 、"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def count_items(items: str, count_by: str = DEFAULT_COUNT_BY) -> int:
    """Number of items in an enumeration as the report wrote it.

    ``count_by`` says how: ``"split <regex>"`` splits on the separator (text in
    brackets is an aside, not a separator's business: "中心(合作医疗办、社保所)"
    is one item), ``"distinct <regex>"`` counts the distinct matches.

    Examples
    --------
    >>> count_items("党校、农经站、农科站和水管站", "split 、|和")
    4
    >>> count_items("服务中心(农村新型合作医疗管理办公室、劳动和社会保障所)、畜牧兽医站")
    2
    >>> count_items("為牛莊鎮增設中心,為大王鎮、稻莊鎮增設辦公室", "distinct [^為、,]{2}鎮")
    3
    """
    mode, _, pattern = count_by.partition(" ")
    if mode == "distinct":
        return len(set(re.findall(pattern, items)))
    if mode != "split" or not pattern:
        raise ValueError(f"count_by must be 'split <regex>' or 'distinct <regex>', not {count_by!r}")
    marked = re.sub(pattern, "\x00", items)
    pieces = _BRACKETED.sub("", marked).split("\x00")
    return len([piece for piece in pieces if piece.strip()])
