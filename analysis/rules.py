"""The named rules a findings-ledger row uses to recompute a claim from facts."""

from __future__ import annotations

import re
import re._parser as sre_parse  # the standard library's own reading of a pattern, to judge its structure
from collections.abc import Callable, Sequence
from functools import reduce

import regex  # matches as re does, under a time limit (count_items)

from analysis.claims import MEASURED_UNITS
from analysis.counted_units import counted_alike
from analysis.intervals import Interval
from analysis.numbers import TRADITIONAL, UNIT_ALIASES


def share(part: Interval, whole: Interval) -> Interval:
    """Percentage ``part / whole * 100`` ("179 of 401 = 44.6%")."""
    return (part / whole).scale(100)


def share_of_sum(*inputs: Interval) -> Interval:
    """The parts a list states, as one percentage of their whole: ``(p1 + … + pk) / whole * 100``, the whole last
    ("A 1亿1,238萬元, B 9,654萬元, C 5,821萬元, 以上合計佔歲出3億486萬元逾八成": 26,713 / 30,486 = 87.6%).

    >>> s = share_of_sum(Interval.point(118944), Interval.point(58730), Interval.point(191356)); round(s.lo, 4)
    92.85
    """
    if len(inputs) < 3:
        raise ValueError(f"share_of_sum takes two or more parts and the whole, not {len(inputs)} input(s)")
    return share(total(*inputs[:-1]), inputs[-1])


def total(*parts: Interval) -> Interval:
    """Sum of the parts ("31 + 28 = 59名")."""
    return reduce(lambda a, b: a + b, parts)


def reduction(before: Interval, after: Interval) -> Interval:
    """Percentage cut from ``before`` to ``after``, ``(1 - after / before) * 100`` ("17 -> 4, 精简76%").

    Every fall a report states by its size is one: 精简, 下降, 减少, 减收, 降低 ("1,000 -> 950, 下降5%").
    """
    return (Interval.point(1) - after / before).scale(100)


def growth(base: Interval, later: Interval) -> Interval:
    """Percentage change from ``base`` to ``later``, ``(later / base - 1) * 100`` ("1,000 -> 1,050, 增长5%").

    A fall gives a negative number: a report that writes "增长-4.3%" claims it; one that writes "下降4.3%"
    states the fall's size, which is the rule ``reduction``.
    """
    return (later / base - Interval.point(1)).scale(100)


def points(base: Interval, later: Interval) -> Interval:
    """Change of a percentage in percentage points, ``later - base`` ("26.3% -> 30.0%, 上升3.7个百分点")."""
    return later - base


def points_fall(base: Interval, later: Interval) -> Interval:
    """Fall of a percentage in percentage points, ``base - later`` ("30.0% -> 26.3%, 下降3.7个百分点")."""
    return base - later


def difference(a: Interval, b: Interval) -> Interval:
    return a - b


def ratio(a: Interval, b: Interval) -> Interval:
    """``a / b``, e.g. enforcement powers per enforcement officer."""
    return a / b


def growth_times(base: Interval, later: Interval) -> Interval:
    """A rise stated in times (增长N倍, 增加一倍): how many times the base was added, ``later / base − 1``
    ("由0.5亿元增长到1.5亿元,增长2倍": 1.5 / 0.5 − 1 = 2). X是A的N倍 is the ratio, ``later / base``."""
    return later / base - Interval.point(1)


def growth_from_change(later: Interval, change: Interval) -> Interval:
    """A rise stated by where it ended and by how much ("6055万元,同比增收164万元,增长2.78%"):
    ``change / (later - change) * 100``, the base being ``later - change``. Budgets and final accounts
    state a year's amount and its change, seldom the year before."""
    return (change / (later - change)).scale(100)


def reduction_from_change(later: Interval, change: Interval) -> Interval:
    """A fall stated by where it ended and by how much ("531万元,同比减收24万元,下降4.32%"):
    ``change / (later + change) * 100``, the base being ``later + change``."""
    return (change / (later + change)).scale(100)


def complement(*others: Interval) -> Interval:
    """What the other shares of one whole leave of 100% ("第一、二、三产业占比分别为26.3%、24.5%、49.3%": 100 − 26.3 −
    24.5 = 49.2), for the last share of a split the text says is complete."""
    return Interval.point(100) - total(*others)


def remainder(whole: Interval, *parts: Interval) -> Interval:
    """What the named parts leave of their whole, ``whole − p1 − p2 …``: the rest a text names as such (其余各项收入,
    非税收入 after 税收收入, 闲置 after 在用) ("收入3.86亿元,其中税收收入3.12亿元,非税收入0.74亿元": 3.86 − 3.12 = 0.74).

    >>> remainder(Interval.point(191356), Interval.point(118944), Interval.point(58730)) == Interval.point(13682)
    True
    """
    if not parts:
        raise ValueError("remainder takes a whole and one or more parts")
    return whole - total(*parts)


def product(*factors: Interval) -> Interval:
    return reduce(lambda a, b: a * b, factors)


def sum_of_products(*pairs: Interval) -> Interval:
    """Units counted by class, each class's units holding one number: ``c1 × e1 + c2 × e2 + …``, the inputs in pairs
    (count, each) ("其中8个各获1,800万元,其余10个各获1,080万元": 8 × 1,800 + 10 × 1,080 = 25,200万元).

    >>> sum_of_products(Interval.point(4), Interval.point(39), Interval.point(6), Interval.point(30)) == Interval.point(336)
    True
    """
    if len(pairs) < 2 or len(pairs) % 2:
        raise ValueError(f"sum_of_products takes its inputs in pairs (count, each), not {len(pairs)}")
    return reduce(lambda a, b: a + b, (pairs[k] * pairs[k + 1] for k in range(0, len(pairs), 2)))


def mean(*values: Interval) -> Interval:
    """The unweighted mean of listed values ("五鄉鎮平均為21.8%" over the five towns' rates: (38.6 + 31.2 + 17.5 + 12.4 +
    9.3) / 5 = 21.8): what each entity was given, not a total over a count the text states (that is ``ratio``).

    >>> m = mean(Interval.point(30.2), Interval.point(25.0), Interval.point(11.6)); round(m.lo, 4), m.lo == m.hi
    (22.2667, True)
    """
    if not values:
        raise ValueError("mean takes one or more values")
    return total(*values) / Interval.point(len(values))


def value(a: Interval) -> Interval:
    """The fact itself, compared with a looser wording ("401项" vs "400多项")."""
    return a


RULES: dict[str, Callable[..., Interval]] = {
    "share": share,
    "share_of_sum": share_of_sum,
    "sum": total,
    "reduction": reduction,
    "growth": growth,
    "points": points,
    "points_fall": points_fall,
    "growth_from_change": growth_from_change,
    "reduction_from_change": reduction_from_change,
    "difference": difference,
    "ratio": ratio,
    "product": product,
    "sum_of_products": sum_of_products,
    "growth_times": growth_times,
    "complement": complement,
    "remainder": remainder,
    "mean": mean,
    "value": value,
}
ARITHMETIC_RULES = tuple(rule for rule in RULES if rule != "value")  # value restates a number; the others compute
# A change stated by its size ("下降5%") takes the rule of its direction; each rule's opposite, for the audit's hint.
OPPOSITE = {"growth": "reduction", "reduction": "growth", "points": "points_fall", "points_fall": "points",
            "growth_from_change": "reduction_from_change", "reduction_from_change": "growth_from_change"}
COUNT_ITEMS = "count_items"
# A part within its whole ("一类镇34个(其中街道11个)"): the claim fact is the part, the one input its whole; no number is
# recomputed, the part's values must fit under the whole's (part_within).
SUBSET = "subset"
# The parts a 其中 (包括, 含) list names, which may be only some of its total's ("第三产业42.76亿元,其中金融业5.79亿元,
# 房地产业3.14亿元"): the claim fact is the total, the inputs its parts. Reproduced when they add up to the total, or
# when their sum fits under it (a list of some parts); a sum above every value of the total is a discrepancy.
PARTS_WITHIN = "parts_within"
# Two passages that cannot both be true, with no number to recompute: a person grades it (claimed holds the grade
# word, tension or discrepancy) and the note says why; the passages are quoted in the claim (see data/DICTIONARY.md).
CONTRADICTION = "contradiction"
# A comparison or an ordering, no number recomputed: the claim fact stands above each input (greater: 高于, 超过, 居首,
# 最高), below each input (less: 低于, 不足, 最低), or after the inputs in falling order (order: 分居1至4名, 僅次於A、B
# 居第3名: the inputs are the amounts ranked above it, first to last). See ``exceeds``.
GREATER, LESS, ORDER = "greater", "less", "order"
COMPARISONS = (GREATER, LESS, ORDER)
UNVERIFIABLE = "unverifiable"
RULE_NAMES = (*RULES, COUNT_ITEMS, SUBSET, PARTS_WITHIN, *COMPARISONS, CONTRADICTION, UNVERIFIABLE)
READING_RULES = (*RULES, COUNT_ITEMS)  # what a reading may recompute with: a number
PERSON_GRADES = ("tension", "discrepancy")  # what a contradiction's claimed may hold

# Arity checks: None means "one or more".
ARITY = {"share": 2, "share_of_sum": None, "sum": None, "reduction": 2, "growth": 2, "points": 2, "points_fall": 2, "difference": 2, "ratio": 2,
         "growth_from_change": 2, "reduction_from_change": 2, "growth_times": 2,
         "product": None, "sum_of_products": None, "complement": None, "remainder": None, "mean": None, "value": 1, SUBSET: 1, PARTS_WITHIN: None, CONTRADICTION: 0,
         GREATER: None, LESS: None, ORDER: None}


def part_within(part: Interval, whole: Interval) -> str:
    """Whether the part fits within its whole: "all" (every value the part allows is at most every value the whole
    allows), "part" (only some are) or "none" (no value of the part fits under any of the whole).

    >>> part_within(Interval.point(18), Interval(100, 200))  # 18名执法队员 among 百余人
    'all'
    >>> part_within(Interval.point(120), Interval(100, 200)), part_within(Interval.point(250), Interval(100, 200))
    ('part', 'none')
    """
    if part.hi <= whole.lo:
        return "all"
    return "none" if part.lo > whole.hi else "part"


def exceeds(a: Interval, b: Interval) -> str:
    """Whether ``a`` is above ``b``: "all" (every value ``a`` allows is at least every value of ``b``), "part" (some
    are) or "none" (no value of ``a`` is above any of ``b``). Both are taken over every value their writing allows.

    >>> exceeds(Interval.point(5.2), Interval.point(4.8)), exceeds(Interval(4.75, 4.85), Interval(4.7, 4.8))
    ('all', 'part')
    >>> exceeds(Interval.point(3), Interval.point(3)), exceeds(Interval.point(2), Interval(3, 4))
    ('none', 'none')
    """
    if a.lo >= b.hi and a.lo > b.lo:
        return "all"
    return "none" if a.hi <= b.lo else "part"


def compared(rule: str, claim: Interval, inputs: Sequence[Interval]) -> str:
    """How far a comparison holds: "all", "part" or "none" (see ``exceeds``), the weakest of its steps. greater: the
    claim above each input; less: below each; order: each input above the next, the last above the claim.

    >>> a, b, c = Interval.point(118.4), Interval.point(84.9), Interval.point(74.6)
    >>> compared(GREATER, a, [b, c]), compared(LESS, c, [a, b]), compared(ORDER, c, [a, b]), compared(ORDER, b, [c, a])
    ('all', 'all', 'all', 'none')
    """
    if rule == GREATER:
        steps = [exceeds(claim, x) for x in inputs]
    elif rule == LESS:
        steps = [exceeds(x, claim) for x in inputs]
    else:
        chain = [*inputs, claim]
        steps = [exceeds(x, y) for x, y in zip(chain, chain[1:])]
    return "none" if "none" in steps else "part" if "part" in steps else "all"

# What each rule makes of its inputs' units. A list input counts its items: it has no unit of its own
# (ITEMS) and stands for any unit that counts things, never for a measured one (元, %, ㎡ ...).
ITEMS = None
PERCENT = "%"
POINTS = "个百分点"  # percentage points: how a change of a percentage is written (个百分点, 個百分點, 百分点)
PERCENT_RULES = ("share", "share_of_sum", "reduction", "growth", "growth_from_change", "reduction_from_change")  # one unit in, % out
POINTS_RULES = ("points", "points_fall")  # inputs in %, percentage points out
MIXED_UNIT_RULES = ("ratio", "product", "sum_of_products", "growth_times")  # any units ("项 per 人"); their result's unit is not checked
# Every other rule (sum, difference, value, count_items) takes inputs in one unit and gives that unit.

class UnitError(ValueError):
    """A rule applied to inputs whose units do not go together, or whose result is not the claim's unit."""


def normal_unit(unit: str | None) -> str | None:
    """One spelling per unit: traditional characters (個, 項) and aliases (平方米) as the parser reads them.

    >>> normal_unit("個"), normal_unit("平方米"), normal_unit("個百分點"), normal_unit(ITEMS)
    ('个', '㎡', '个百分点', None)
    """
    if unit is ITEMS:
        return ITEMS
    unit = unit.strip().translate(TRADITIONAL)
    return UNIT_ALIASES.get(unit, unit)


def _counts(unit: str | None) -> bool:
    return unit is ITEMS or unit not in MEASURED_UNITS


def _same(a: str | None, b: str | None, rule: str) -> bool:
    if a is ITEMS or b is ITEMS:
        return _counts(a) and _counts(b)
    return a == b or counted_alike(a, b, rule)  # units that count the same things: analysis/counted_units.py


def result_unit(rule: str, units: Sequence[str | None]) -> str | None:
    """The unit of what ``rule`` gives from inputs in ``units`` (ITEMS for a list's count of items).

    Raises UnitError when the inputs' units do not go together: shares, reductions, growth rates, sums and
    differences need one unit; changes in percentage points need percentages; ratios and products may mix
    (their result's unit is not checked: None).

    >>> result_unit("share", ["项", "项"]), result_unit("sum", ["名", "名"]), result_unit("count_items", [ITEMS])
    ('%', '名', None)
    >>> result_unit("sum", ["项", "元", "项"])
    Traceback (most recent call last):
    analysis.rules.UnitError: rule sum needs its inputs in one unit, not 项, 元, 项
    >>> result_unit("difference", ["个", ITEMS])  # 21 institutions less a list of the 4 moved up
    '个'
    >>> result_unit("growth", ["元", "元"]), result_unit("points", ["%", "%"])
    ('%', '个百分点')
    >>> result_unit("points", ["元", "元"])
    Traceback (most recent call last):
    analysis.rules.UnitError: rule points needs its inputs in %, not 元, 元
    """
    units = [normal_unit(u) for u in units]
    if rule in MIXED_UNIT_RULES or not units:
        return None
    if rule in POINTS_RULES:
        if any(u != PERCENT for u in units):
            raise UnitError(f"rule {rule} needs its inputs in %, not {', '.join(u or 'items' for u in units)}")
        return POINTS
    known = [u for u in units if u is not ITEMS]
    unit = known[0] if known else ITEMS
    if not all(_same(unit, u, rule) for u in units):
        raise UnitError(f"rule {rule} needs its inputs in one unit, not {', '.join(u or 'items' for u in units)}")
    return PERCENT if rule in PERCENT_RULES else unit


def check_claim_unit(rule: str, units: Sequence[str | None], claim_unit: str) -> None:
    """Raise UnitError unless ``rule`` over inputs in ``units`` gives a number in ``claim_unit``.

    >>> check_claim_unit("share", ["项", "项"], "%")
    >>> check_claim_unit("value", ["名"], "人")  # posts restated as the persons who fill them
    >>> check_claim_unit("sum", ["个", "个", "个"], "處")  # facilities counted in 处 and in 个 alike
    >>> check_claim_unit("value", ["元"], "项")
    Traceback (most recent call last):
    analysis.rules.UnitError: rule value gives 元, but the claim is in 项
    """
    unit = result_unit(rule, units)
    if rule in MIXED_UNIT_RULES or not units:
        return
    if not _same(unit, normal_unit(claim_unit), rule):
        raise UnitError(f"rule {rule} gives {unit or 'a count of items'}, but the claim is in {claim_unit}")


DEFAULT_COUNT_BY = "split 、"
COUNT_TIMEOUT = 0.5  # seconds for one list; real lists take well under a millisecond
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_BACKREFERENCES = ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE")


class CountTimeout(ValueError):
    """count_items gave up: the count_by pattern took longer than COUNT_TIMEOUT on the list's text."""


def _backtracking(items, repeated: bool) -> str:
    """Why a parsed pattern can backtrack without end ("" when it cannot), walking every group inside it."""
    for op, av in items:
        name = str(op)
        if name in _BACKREFERENCES:
            return "a backreference"
        if name in _REPEATS:
            low, high, body = av
            if repeated and low != high:
                return "a quantifier inside a repeated group"
            found = _backtracking(body, repeated or high > 1)
        elif name == "BRANCH":
            if repeated:
                return "an alternation (|) inside a repeated group"
            found = next(filter(None, (_backtracking(branch, repeated) for branch in av[1])), "")
        else:  # groups and lookarounds hold their pattern among their arguments
            parts = av if isinstance(av, tuple) else (av,)
            found = next(filter(None, (_backtracking(part, repeated) for part in parts
                                       if isinstance(part, sre_parse.SubPattern))), "")
        if found:
            return found
    return ""


def count_by_problem(count_by: str) -> str:
    """What is wrong with a ``count_by`` cell ("" when nothing is).

    Refused: anything but ``split <regex>`` or ``distinct <regex>``; a pattern that can backtrack
    catastrophically: a quantifier (``+ * ? {m,n}``) inside a repeated group, an alternation inside a
    repeated group, a backreference. A fixed count (``{2}``) matches one way and is allowed anywhere.

    >>> count_by_problem("split 、|和"), count_by_problem("distinct [^為、,]{2}鎮")
    ('', '')
    >>> count_by_problem("split (([^X]+)+)+X")
    'a quantifier inside a repeated group'
    >>> count_by_problem(r"split (、)\\1")
    'a backreference'
    """
    mode, _, pattern = count_by.partition(" ")
    if mode not in ("split", "distinct") or not pattern:
        return "count_by must be 'split <regex>' or 'distinct <regex>'"
    try:
        parsed = sre_parse.parse(pattern)
        regex.compile(pattern)
    except (re.error, regex.error) as err:
        return f"not a regular expression ({err})"
    return _backtracking(parsed, repeated=False)


def count_items(items: str, count_by: str = DEFAULT_COUNT_BY, timeout: float = COUNT_TIMEOUT) -> int:
    """Number of items in an enumeration as the report wrote it.

    ``count_by`` says how: ``"split <regex>"`` splits on the separator (text in
    brackets is an aside, not a separator's business: "中心(合作医疗办、社保所)"
    is one item), ``"distinct <regex>"`` counts the distinct matches. A pattern that takes
    longer than ``timeout`` seconds raises CountTimeout (validation refuses the patterns known
    to backtrack; this is the guard for the others).

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
    if mode not in ("split", "distinct") or not pattern:
        raise ValueError(f"count_by must be 'split <regex>' or 'distinct <regex>', not {count_by!r}")
    try:
        if mode == "distinct":
            return len(set(regex.findall(pattern, items, timeout=timeout)))
        marked = regex.sub(pattern, "\x00", items, timeout=timeout)
    except TimeoutError:
        raise CountTimeout(f"count_by {count_by!r} took longer than {timeout} s on {len(items)} characters; "
                           "it backtracks: split on a plain separator instead (see data/DICTIONARY.md, lists)") from None
    pieces = _BRACKETED.sub("", marked).split("\x00")
    return len([piece for piece in pieces if piece.strip()])
