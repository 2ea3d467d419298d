"""The one table of windows: which values a number as written allows ("44.6%", "约50%", "400多", "三分之一").

Both the parser (the bounds stored in data/facts.csv) and the judge (is a claim reproduced?)
read this table; data/DICTIONARY.md shows it (``windows_markdown``, kept in step by a test).

Two units of a written number decide its window:
- ``resolution``: one unit of the last written digit ("44.6%" -> 0.1, "2160万" -> 1万, "59名" -> 1);
- ``significant``: one unit of its last non-zero digit ("50%" -> 10, "2.5万" -> 0.1万, "400" -> 100).
Plain digits are rounded: the value lies in the half-open rounding interval of the written digits.
Words of approximation widen to the last non-zero digit, never by a flat share of the value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

INF = math.inf


@dataclass(frozen=True)
class Window:
    """A set of values: an interval whose ends may be open (``lo`` may be -inf, ``hi`` inf)."""

    lo: float
    hi: float
    lo_inclusive: bool = True
    hi_inclusive: bool = True

    def contains(self, x: float) -> bool:
        # Float noise (0.1 + 0.2) must not move a value across an end: within 1e-9 relative counts as on it, but
        # never more than a millionth of the window (八億七千零二十七萬七千元 is 1元 wide: 0.87 is no noise there).
        width = self.hi - self.lo
        on_lo, on_hi = _close(x, self.lo, width), _close(x, self.hi, width)
        above = (x > self.lo and not on_lo) or (on_lo and self.lo_inclusive)
        below = (x < self.hi and not on_hi) or (on_hi and self.hi_inclusive)
        return above and below

    def overlaps(self, lo: float, hi: float) -> bool:
        """Whether some value in [lo, hi] lies in the window."""
        if self.contains(lo) or self.contains(hi):
            return True
        return lo < self.lo < hi or lo < self.hi < hi

    def describe(self) -> str:
        left = "[" if self.lo_inclusive and not math.isinf(self.lo) else "("
        right = "]" if self.hi_inclusive and not math.isinf(self.hi) else ")"
        return f"{left}{_show(self.lo)}, {_show(self.hi)}{right}"


def _close(a: float, b: float, width: float = INF) -> bool:
    """Whether ``a`` is on the end ``b`` but for float noise (see ``Window.contains``).

    >>> _close(870277000.0, 870277000.5, 1.0), _close(0.1 + 0.2, 0.3, 0.1)
    (False, True)
    """
    if math.isinf(b):
        return False
    tol = max(1e-9 * max(abs(a), abs(b)), 1e-9)
    if 0 < width < INF:
        tol = min(tol, width * 1e-6)
    return abs(a - b) <= tol


def _show(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return str(int(x)) if float(x).is_integer() else f"{x:.4f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Rule:
    """One row of the window table: the words it covers, the window, and an example with its answer."""

    words: tuple[str, ...]
    kind: str
    window: str
    example: str
    answer: str
    why: str


# kind -> how the window is built from the written value v, resolution r and significant unit u.
RULES = (
    Rule(("",), "rounded", "[v − r/2, v + r/2)", "44.6%", "[44.55, 44.65)",
         "the digits written are the value rounded half up; 44.65 would be written 44.7%"),
    Rule(("约", "左右"), "about", "(v − h, v + h), h = min(u/2, v/10)", "约50%", "(45, 55)",
         "closer to v than to the next number with the same last non-zero digit, and within a tenth of v: "
         "约44.6% (44.55, 44.65), 2.5万左右 (24500, 25500), 约100 (90, 110)"),
    Rule(("近",), "nearly", "(v − h, v), h as for 约", "近50%", "(45, 50)",
         "just under v, by no more than 约 would allow: 近百 (90, 100)"),
    Rule(("多", "余"), "more_than_step", "(v, v + s), s = u", "4.5万余", "(45000, 46000)",
         "more than v, less than the next unit of its last non-zero digit, decimals included: 400多 (400, 500), "
         "0.5万多 (5000, 6000), 100余 (100, 200), 1000余 (1000, 2000)"),
    Rule(("以上", "不低于", "不少于", "至少"), "at_least", "[v, inf)", "65%以上", "[65, inf)",
         "includes the number itself (Civil Code art. 1259: 以上 包括本数)"),
    Rule(("超过", "以外", "突破", "逾", "过半", "大部分", "大多数"), "more_than", "(v, inf)", "过半", "(50, inf)",
         "excludes the number itself (art. 1259: 超过, 以外 不包括本数); 突破 and 逾 say the same (突破400亿, 逾百亿); "
         "过半, 大部分: more than half"),
    Rule(("以下", "以内", "内", "未过半"), "at_most", "(-inf, v]", "1个月内", "(-inf, 1]",
         "includes the number itself (art. 1259: 以下, 以内 包括本数)"),
    Rule(("不到", "不足", "不满", "未满", "未及", "不及"), "less_than", "(-inf, v)", "不到20%", "(-inf, 20)",
         "excludes the number itself (art. 1259: 不满 不包括本数); 未及半数: not reaching half; 未满一万: under ten thousand"),
    Rule(("上",), "order_of", "[v, 10v)", "上千册", "[1000, 10000)",
         "上千: reaching the thousands, not yet ten thousand (上万 would be said)"),
    Rule(("",), "fraction", "nearer p/q than any other fraction with denominator ≤ 10", "三分之一", "(31.6667, 35.4167)",
         "a fraction in words is the simplest fraction that describes the value; its neighbours are 3/10 and 3/8"),
    Rule(("",), "tenths", "[v − 5, v + 5); N成M: [v − 0.5, v + 0.5)", "三成", "[25, 35)",
         "成 are tenths: 三成 is 30% rounded to a tenth; 七成五 is 75% written to the percent"),
    Rule(("",), "range", "[a, b]", "8-10个", "[8, 10]", "both ends inclusive"),
)

# qualifier -> kind (the empty qualifier's kind depends on how the number was written)
QUALIFIER_KIND = {word: rule.kind for rule in RULES for word in rule.words if word}
MAX_DENOMINATOR = 10


def significant_unit(number: float, resolution: float) -> float:
    """One unit of the last non-zero digit of ``number`` as written at ``resolution``.

    >>> significant_unit(50, 1), significant_unit(2.5e4, 1e3), significant_unit(44.6, 0.1), significant_unit(0, 1)
    (10, 1000.0, 0.1, 1)
    """
    steps = round(number / resolution)
    if steps == 0:
        return resolution
    unit = resolution
    while steps % 10 == 0:
        steps //= 10
        unit *= 10
    return unit


def fraction_window(value_percent: float) -> Window:
    """The values nearer this fraction than any other with a denominator up to 10.

    >>> fraction_window(100 / 3).describe()
    '(31.6667, 35.4167)'
    """
    target = Fraction(value_percent / 100).limit_denominator(MAX_DENOMINATOR)
    candidates = sorted({Fraction(p, q) for q in range(1, MAX_DENOMINATOR + 1) for p in range(0, q + 1)})
    i = candidates.index(target)
    lo = (candidates[i - 1] + target) / 2 * 100 if i > 0 else -INF
    hi = (candidates[i + 1] + target) / 2 * 100 if i + 1 < len(candidates) else INF
    return Window(float(lo), float(hi), False, False)


def window_for(kind: str, value: float | None, resolution: float | None = 1.0, low: float | None = None,
               high: float | None = None) -> Window:
    """The values a number allows, by the kind of its wording (see ``RULES``).

    Examples
    --------
    >>> window_for("rounded", 44.6, 0.1).describe()
    '[44.55, 44.65)'
    >>> window_for("more_than_step", 45000, 1000).describe()
    '(45000, 46000)'
    >>> window_for("order_of", 1000).describe()
    '[1000, 10000)'
    """
    if kind == "range":
        return Window(low, high)
    if kind == "fraction":
        return fraction_window(value)
    if kind == "tenths":  # 三成 to the tenth; 七成五 (resolution 1) to the percent
        half = (resolution or 10.0) / 2
        return Window(value - half, value + half, True, False)
    v, r = value, resolution or 1.0
    u = significant_unit(v, r)
    h = min(u / 2, abs(v) / 10)  # "about": half the last non-zero digit, at most a tenth of v
    windows = {
        "rounded": lambda: Window(v - r / 2, v + r / 2, True, False),
        "about": lambda: Window(v - h, v + h, False, False),
        "nearly": lambda: Window(v - h, v, False, False),
        "more_than_step": lambda: Window(v, v + u, False, False),
        "at_least": lambda: Window(v, INF, True, False),
        "more_than": lambda: Window(v, INF, False, False),
        "at_most": lambda: Window(-INF, v, False, True),
        "less_than": lambda: Window(-INF, v, False, False),
        "order_of": lambda: Window(v, v * 10, True, False),
    }
    if kind not in windows:
        raise ValueError(f"unknown window kind {kind!r}")
    return windows[kind]()


# Kinds whose ends are part of what the words say (stored as low/high in data/facts.csv);
# rounding and "about" are precision, judged but not stored.
HARD_BOUNDS = {"more_than_step", "at_least", "more_than", "at_most", "less_than", "order_of", "range"}


def windows_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| words | window | example | answer | why |", "|---|---|---|---|---|"]
    for rule in RULES:
        words = ", ".join(w for w in rule.words if w) or {"rounded": "plain digits", "fraction": "fractions in words (三分之一, 一半, 半数)",
                                                          "tenths": "成 (三成)", "range": "ranges (8-10个, 3%—5%, 二、三十万)"}[rule.kind]
        lines.append(f"| {words} | {rule.window} | {rule.example} | {rule.answer} | {rule.why} |")
    return "\n".join(lines)
