"""Parse numbers as Chinese reports write them ("15.8亿", "400多项", "三分之一") into bounded quantities."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace

from analysis.windows import HARD_BOUNDS, QUALIFIER_KIND, Window, window_for

# Multipliers that sit between a number and its unit (兆 is read as 万亿: Taiwan's 1兆 is 10^12).
MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}

# Traditional forms of the characters a number, its qualifier or its unit can use (NFKC leaves them alone).
TRADITIONAL_CHARS = {"萬": "万", "億": "亿", "兩": "两", "餘": "余", "項": "项", "個": "个", "點": "点",
                     "過": "过", "滿": "满", "約": "约", "內": "内", "於": "于", "數": "数", "負": "负", "債": "债", "長": "长"}
TRADITIONAL = str.maketrans(TRADITIONAL_CHARS)
_TO_TRADITIONAL = str.maketrans({simplified: traditional for traditional, simplified in TRADITIONAL_CHARS.items()})

# The qualifier words and the window each gives: analysis/windows.py, the one table of windows.
QUALIFIERS = tuple(QUALIFIER_KIND)
PREFIX_QUALIFIERS = ("不低于", "不少于", "未过半", "不到", "不足", "不满", "未满", "未及", "不及", "超过", "突破", "至少", "近", "约",
                     "逾", "上")
SUFFIX_QUALIFIERS = ("以上", "以下", "以内", "以外", "左右", "内")  # "以内" before "内": the longer word wins

UNIT_ALIASES = {"m2": "㎡", "平方米": "㎡", "平米": "㎡", "元": "元", "%": "%", "人口": "人", "百分点": "个百分点"}
# Multiples in words: 倍增 and 翻一番 double, 翻两番 quadruples.
MULTIPLE_WORDS = {"倍增": 2.0, "翻番": 2.0, "翻一番": 2.0, "翻两番": 4.0, "翻三番": 8.0}

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_CN_DIGITS}十百千]+"
_NUM = rf"(?:\d+(?:\.\d+)?|{_CN_NUM}|半)"
_WEEKDAYS = "一二三四五六日"
_MULT = "(?:万亿|亿|万|千(?![克米瓦])|百(?!分))"  # 2.5百分点 is percentage points, not 250; 千克, 千米, 千瓦 are units
_DASH = "[-—–~至到]"

_FRACTION = re.compile(rf"(?P<den>{_NUM})分之(?P<num>{_NUM})")
# Half and most in words; 一半/半数 are the fraction 1/2, the others bound it.
_HALF = re.compile(r"(?P<q>未过半|过半|逾半|大部分|大多数)")  # 逾半 says what 过半 says
_ONE_HALF = re.compile(r"一半|半数")
# "三成": tenths, but not 建成/完成/成立 (the digit must stand right before 成, and 成 not start a word).
_TENTHS = re.compile(rf"(?P<num>[{_CN_DIGITS}十]|\d+)成(?![立为员本果效绩功熟长])(?P<half>[{_CN_DIGITS}](?![{_CN_DIGITS}十百千万亿]))?")
# "2/3": a fraction in digits (a numerator below a denominator of at most 10; a date 3/5 never reaches the parser:
# the extractor reads a digit fraction only where a share word or a qualifier stands by it)
_DIGIT_FRACTION = re.compile(r"(?<![\d/.])(?P<num>\d)/(?P<den>\d|10)(?![\d/.])")
# "百分之四十四点六", "千分之五", "3‰": a percentage or per-mille, rewritten as digits before the other forms are read.
_PERCENT_WORDS = re.compile(rf"(?P<per>百|千)分之(?P<num>[{_CN_DIGITS}十百点]+|\d+(?:\.\d+)?)")
_PER_MILLE = re.compile(r"(?P<num>\d+(?:\.\d+)?)‰")
# A numeral with scales inside it, Chinese or mixed with digits: "一亿二千万", "3千2百万", "405亿9629万", "4百亿",
# "1万亿2000亿" (after 兆 became 万亿 and thousands separators went). Simple forms ("15.8亿", "四千五百万") are left
# to the single-number reading; "一点五": Chinese decimals.
_RUN = re.compile(rf"(?:\d+(?:\.\d+)?|万亿|千(?![克米瓦])|[{_CN_DIGITS}十百万亿])+")  # 千克, 千米, 千瓦: units
_CN_DECIMAL = re.compile(rf"[{_CN_DIGITS}十百千]+点[{_CN_DIGITS}]+")
# "1,035", "674,149,546": thousands separators between digit groups of three.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
# "二、三十万": two adjacent digits sharing one scale word.
# "七八十个", "三四百人": the same with no mark between, the second digit larger, at the numeral's start (三百四五十 is
# another thing); "十七八岁": ten and two adjacent digits
_PAIR = re.compile(rf"(?<![{_CN_DIGITS}十百千万亿\d])(?P<a>[{_CN_DIGITS}])(?P<mark>、?)(?P<b>[{_CN_DIGITS}])(?P<scale>十|百|千)"
                   rf"(?P<mult>{_MULT})?(?P<tail>.*)")
# "三百四五十人", "两千三四百元": a numeral ending in a place, then two adjacent digits of the place below it
_TAIL_PAIR = re.compile(rf"^(?P<head>[{_CN_DIGITS}十百千]*?(?P<place>[百千万]))(?P<a>[{_CN_DIGITS}])(?P<b>[{_CN_DIGITS}])"
                        rf"(?P<scale>[十百千])(?P<tail>[^{_CN_DIGITS}十百千万亿\d].*|)$")
_TEEN_PAIR = re.compile(rf"^(?P<prefix>[^{_CN_DIGITS}十百千万亿\d]*)十(?P<a>[一二三四五六七八])(?P<b>[二三四五六七八九])"
                        rf"(?P<tail>[^{_CN_DIGITS}十百千万亿\d].*|)$")
_RANGE = re.compile(
    rf"(?P<a>{_NUM})(?P<amult>{_MULT})?(?P<aunit>%)?\s*{_DASH}\s*(?P<b>{_NUM})(?P<bmult>{_MULT})?(?P<tail>.*)"
)
# "8万人口以下至5万人口以上", "18岁以上60岁以下": both ends bounded by words, read as a range with both ends included.
_BETWEEN = re.compile(
    rf"(?P<a>{_NUM})(?P<amult>{_MULT})?(?P<aunit>[^\d以至到]{{0,4}}?)(?P<aq>以下|以上)(?:至|到|、|,)?"
    rf"(?P<b>{_NUM})(?P<bmult>{_MULT})?(?P<bunit>[^\d以]{{0,4}}?)(?P<bq>以上|以下)$"
)
# "一两年", "三五个": two adjacent digits, the second larger, as a range
_ADJACENT = re.compile(rf"(?P<a>[一二两三四五六七八])(?P<b>[两三四五六七八九])(?P<tail>[^{_CN_DIGITS}十百千万亿\d].*|)$")
# "8:00-12:00": a span of clock time, read as its length in hours
_CLOCK = re.compile(r"(?P<h1>\d{1,2}):(?P<m1>\d{2})[-—–~至到](?P<h2>\d{1,2}):(?P<m2>\d{2})")
# "周一至周五": a span of weekdays, read as the number of days
_WEEKDAY_SPAN = re.compile(rf"周(?P<a>[{_WEEKDAYS}])至周(?P<b>[{_WEEKDAYS}])")
# The qualifier may stand a few words before its number: "不到财政预算收入的20%".
_GAP = rf"[^\d%{_CN_DIGITS}十百千万亿半]{{0,12}}?"
# 上 (上千, 上万) only right before its numeral: in 上升, 上年 and 比上年增长5% it qualifies nothing.
_PREFIX_WORDS = "|".join(rf"上(?=[\d{_CN_DIGITS}十百千万亿])" if q == "上" else "逾(?!期)" if q == "逾" else q
                         for q in PREFIX_QUALIFIERS)  # 逾期 (overdue) qualifies nothing either
_PREFIX = rf"(?:(?P<prefix>{_PREFIX_WORDS}){_GAP})?"
_SINGLE = re.compile(
    rf"{_PREFIX}(?P<neg>-)?(?P<num>{_NUM})(?P<approx1>多|余)?(?P<mult>{_MULT})?(?P<approx2>多|余)?(?P<tail>.*)"
)


@dataclass(frozen=True)
class Quantity:
    """A number as a report wrote it, in base units (元, not 万元), with its bounds.

    ``value`` is the written number (None for a pure range); ``low``/``high`` bound
    what the words allow, inclusive or not (a range, 多/余, 以上 ...); ``resolution`` is
    one unit of the last written digit ("44.6%" -> 0.1), None for fractions in words;
    ``kind`` names its row in the window table (analysis/windows.py).
    """

    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: str = ""
    unit: str = ""
    resolution: float | None = 1.0
    kind: str = "rounded"

    @property
    def is_range(self) -> bool:
        return self.value is None and self.low is not None and self.high is not None

    def window(self) -> Window:
        """Every value the words and digits allow (the one table of windows)."""
        return window_for(self.kind, self.value, self.resolution, self.low, self.high)


def spellings(word: str) -> list[str]:
    """A word as simplified and as traditional characters write it, the parser reading both.

    >>> spellings("超过"), spellings("至少")
    (['超过', '超過'], ['至少'])
    """
    return list(dict.fromkeys([word, word.translate(_TO_TRADITIONAL)]))


def normalise(text: str) -> str:
    """Fold full-width forms, traditional numerals, thousands separators and spaces to one spelling.

    >>> normalise("百分之四十四點六"), normalise("1,035名"), normalise("３３ ９３９"), normalise("3千2百萬元")
    ('44.6%', '1035名', '33939', '3200万元')
    >>> normalise("1兆2,000億元"), normalise("1·8%"), normalise("3‰"), normalise("负增长2%")
    ('12000亿元', '1.8%', '0.3%', '-2%')
    >>> normalise("四倍多"), normalise("3倍有余")
    ('四多倍', '3多倍')
    """
    text = unicodedata.normalize("NFKC", text).translate(TRADITIONAL).replace("−", "-")
    text = re.sub(r"(?<=\d)[·・](?=\d)", ".", text)  # 1·8%: a middle dot garbled from the decimal point
    text = re.sub(r"\s+", "", text)
    text = _THOUSANDS.sub("", text)
    text = re.sub(rf"(?<=[\d{_CN_DIGITS}十百千])兆", "万亿", text)
    text = _PER_MILLE.sub(lambda m: _per_mille(m["num"]), text)
    text = _PERCENT_WORDS.sub(_percent_digits, text)
    text = _CN_DECIMAL.sub(lambda m: _digits(m.group()), text)
    text = _RUN.sub(lambda m: _run_digits(m.group()), text)
    text = re.sub(r"负增长(?=\d)", "-", text)  # 负增长2%: a growth of -2%
    text = re.sub(r"(?<=[\d一二两三四五六七八九十百千])倍(?:有余|多|余)$", "多倍", text)  # 四倍多 says what 四多倍 says: more than 4, under 5
    return re.sub(rf"负(?=[\d{_CN_DIGITS}十百千])", "-", text)


def _per_mille(digits: str) -> str:
    decimals = len(digits.partition(".")[2]) + 1  # per mille: one more decimal as a percentage
    return f"{float(digits) / 10:.{decimals}f}%"


def _percent_digits(m: re.Match) -> str:
    digits = _digits(m["num"])
    return f"{digits}%" if m["per"] == "百" else _per_mille(digits)


_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
_BIG_SCALES = {"万": 1e4, "亿": 1e8, "万亿": 1e12}


def _run_digits(run: str) -> str:
    """A numeral with scales inside it as digits, keeping its last big unit: "一亿二千万" -> "12000万", "405亿9629万" ->
    "4059629万", "4百亿" -> "400亿", "一万二千" -> "12000". A simple numeral ("15.8亿", "三十", "百亿") is left as it is."""
    tokens = re.findall(rf"\d+(?:\.\d+)?|万亿|[{_CN_DIGITS}]|[十百千万亿]", run)
    scaled = numeral_after_scale = False
    arabic_scales = 0
    for i, token in enumerate(tokens):
        if token in _SMALL_SCALES or token in _BIG_SCALES:
            scaled = True
        elif scaled:
            numeral_after_scale = True
        if token[0].isdigit():
            arabic_scales = max(arabic_scales, sum(1 for t in tokens[i + 1:i + 3] if t in _SMALL_SCALES or t in _BIG_SCALES))
    if not (numeral_after_scale or arabic_scales >= 2 and any(t in _SMALL_SCALES for t in tokens)):
        return run
    total = section = 0.0
    number: float | None = None
    last_big = None
    for token in tokens:
        if token in _SMALL_SCALES:
            section += (1 if number is None else number) * _SMALL_SCALES[token]
            number = None
        elif token in _BIG_SCALES:
            group, big = section + (number or 0), _BIG_SCALES[token]
            # 一万亿, 三万五千亿, 一万二千八百六十万: a unit no smaller than the last one scales all that came before it
            # (12860万, not 1万 + 2860万); a smaller one adds its group (一亿二千万)
            total = (total + group) * big if last_big is not None and big >= last_big else total + group * big
            section, number, last_big = 0.0, None, big
        else:
            number = float(token) if token[0].isdigit() else float(_DIGIT_VALUE[token])
    value = total + section + (number or 0)
    unit = next((u for u in ("万亿", "亿", "万") if run.endswith(u)), "")
    if unit:
        value /= MULTIPLIERS[unit]
    return f"{value:.6f}".rstrip("0").rstrip(".") + unit


def _digits(token: str) -> str:
    """A numeral as Arabic digits, keeping its written decimals ("四十四点六" -> "44.6")."""
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return token
    decimals = len(token.partition("点")[2])
    return f"{chinese_or_arabic(token):.{decimals}f}"


def chinese_or_arabic(token: str) -> float:
    """Value of one number token, Arabic ("15.8") or Chinese ("三十", "百", "两").

    >>> chinese_or_arabic("三十"), chinese_or_arabic("二千零五十")
    (30.0, 2050.0)
    """
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if token == "半":
        return 0.5
    if token[0] in "十百千":  # "百亿", "十二": the leading 一 is implied
        token = "一" + token
    import cn2an  # here, not at the top: its import compiles ~130 patterns (0.2 s) that most commands never use

    return float(cn2an.cn2an(token.replace("〇", "零"), "normal"))


def _decimals(token: str) -> int:
    return len(token.split(".")[1]) if "." in token else 0


def _unit_and_suffix(tail: str) -> tuple[str, str]:
    qualifier = ""
    for suffix in SUFFIX_QUALIFIERS:
        if tail.endswith(suffix):
            qualifier, tail = suffix, tail[: -len(suffix)]
            break
    if re.match(r"[%％]\s*[%％A-Za-z0-9]", tail):  # 44.6%%, 44.6%x: a typo, not a percentage to guess at
        raise ValueError(f"{tail!r}: garbled text after the percent sign")
    if tail.startswith("个") and tail not in ("个月", "个百分点"):  # "三个中心": the measure word is the unit
        tail = "个"
    tail = {"个月": "月"}.get(tail, tail)
    return UNIT_ALIASES.get(tail, tail), qualifier


def _one_qualifier(text: str, *found: str | None) -> str:
    qualifiers = [q for q in found if q]
    if len(qualifiers) > 1:
        raise ValueError(f"{text!r}: more than one qualifier ({', '.join(qualifiers)})")
    return qualifiers[0] if qualifiers else ""


def _tidy(x: float | None, resolution: float | None) -> float | None:
    """``x`` without the float noise of scaling (9.8 * 1e8 is 980000000.0000001): rounded to the decimals its
    resolution has."""
    if x is None or not resolution or math.isinf(x):
        return x
    return round(x, max(0, -math.floor(math.log10(resolution))) + 2)


def _bounded(text, value, qualifier, unit, resolution, kind="rounded") -> Quantity:
    """A Quantity whose low/high are the hard ends of its window (those the words state)."""
    value = _tidy(value, resolution)
    kind = QUALIFIER_KIND.get(qualifier, kind)
    if kind not in HARD_BOUNDS and kind != "nearly":
        return Quantity(text, value, qualifier=qualifier, unit=unit, resolution=resolution, kind=kind)
    w = window_for(kind, value, resolution)
    low, high = (None if math.isinf(w.lo) else _tidy(w.lo, resolution)), (None if math.isinf(w.hi) else _tidy(w.hi, resolution))
    if kind == "nearly":  # only "less than v" is stated; how much less is precision, not a bound
        low = None
    return Quantity(text, value, low, high, low is None or w.lo_inclusive, high is None or w.hi_inclusive,
                    qualifier, unit, resolution, kind)


def _word_fraction(text: str, t: str) -> Quantity | None:
    """一半, 半数, 三分之一, 三成 and the like, with a qualifier before or after ("不到一半", "三成以上")."""
    for pattern, kind in ((_FRACTION, "fraction"), (_DIGIT_FRACTION, "fraction"), (_ONE_HALF, "fraction"),
                          (_TENTHS, "tenths")):
        if not (m := pattern.search(t)):
            continue
        if pattern is _DIGIT_FRACTION and not 0 < int(m["num"]) < int(m["den"]):
            continue
        resolution = None
        if kind == "tenths":  # 七成五: seven and a half tenths, 75% written to the percent
            value = chinese_or_arabic(m["num"]) * 10
            if m["half"]:
                value, resolution = value + chinese_or_arabic(m["half"]), 1.0
        elif "den" in pattern.groupindex:
            value = chinese_or_arabic(m["num"]) / chinese_or_arabic(m["den"]) * 100
        else:
            value = 50.0
        before = re.search(rf"({_PREFIX_WORDS}){_GAP}$", t[: m.start()])
        _, after = _unit_and_suffix(t[m.end():])
        qualifier = _one_qualifier(text, before and before[1], after)
        if qualifier in ("约", "左右"):  # a fraction in words is already approximate
            qualifier = ""
        return _bounded(text, value, qualifier, "%", resolution, kind)
    return None


def parse_quantity(text: str) -> Quantity:
    """Parse the first number in ``text`` with its qualifier, multiplier and unit.

    Parameters
    ----------
    text : str
        A number as written, e.g. "15.8亿", "400多项", "8-10个", "不到20%",
        "三分之一", "二、三十万", "１２", "80%以上", "过半", "一半以上", "三成".

    Returns
    -------
    Quantity
        Value in base units with bounds from the qualifier.

    Raises
    ------
    ValueError
        When ``text`` holds no number, or more than one qualifier.

    Examples
    --------
    >>> parse_quantity("15.8亿").value
    1580000000.0
    >>> q = parse_quantity("400多项"); (q.low, q.high, q.unit)
    (400.0, 500.0, '项')
    >>> q = parse_quantity("不到一半"); (q.value, q.high, q.unit)
    (50.0, 50.0, '%')
    """
    t = normalise(text)
    if re.search(r"倍(?:有[余餘]|多|[余餘])$", text.strip()) and t.endswith("多倍"):
        # 多 after 倍 adds less than one time, whatever N's last digit: 十倍多 is 10-11 times, 十多倍 10-20
        q = parse_quantity(t)
        return replace(q, text=text, high=q.low + 1 if q.low is not None else None)
    if (m := _HALF.search(t)) and not re.search(r"\d|分之|成", t):  # 过半数: more than half, not half
        return _bounded(text, 50.0, {"逾半": "过半"}.get(m["q"], m["q"]), "%", None)
    if quantity := _word_fraction(text, t):
        return quantity
    raw = unicodedata.normalize("NFKC", text).translate(TRADITIONAL)  # before normalise reads 十七八 as 18
    teen = _TEEN_PAIR.match(raw)
    if teen and not teen["prefix"] and _CN_DIGITS.index(teen["b"]) > _CN_DIGITS.index(teen["a"]):
        unit, _ = _unit_and_suffix(teen["tail"])
        return Quantity(text, None, 10 + chinese_or_arabic(teen["a"]), 10 + chinese_or_arabic(teen["b"]), unit=unit, kind="range")
    tail = _TAIL_PAIR.match(raw)
    if tail and {"百": "十", "千": "百", "万": "千"}[tail["place"]] == tail["scale"] \
            and _CN_DIGITS.index(tail["b"]) > _CN_DIGITS.index(tail["a"]):
        head, scale = chinese_or_arabic(tail["head"]), {"十": 10, "百": 100, "千": 1000}[tail["scale"]]
        unit, _ = _unit_and_suffix(tail["tail"])
        low, high = head + chinese_or_arabic(tail["a"]) * scale, head + chinese_or_arabic(tail["b"]) * scale
        return Quantity(text, None, low, high, unit=unit, kind="range")
    if (m := _PAIR.search(t)) and (m["mark"] or _CN_DIGITS.index(m["b"]) > _CN_DIGITS.index(m["a"])):
        scale = {"十": 10, "百": 100, "千": 1000}[m["scale"]] * MULTIPLIERS.get(m["mult"] or "", 1)
        unit, _ = _unit_and_suffix(m["tail"])
        return Quantity(text, None, chinese_or_arabic(m["a"]) * scale, chinese_or_arabic(m["b"]) * scale, unit=unit, kind="range")
    if m := _CLOCK.search(t):
        hours = (int(m["h2"]) * 60 + int(m["m2"]) - int(m["h1"]) * 60 - int(m["m1"])) / 60
        return Quantity(text, hours, unit="小时")
    if m := _WEEKDAY_SPAN.search(t):
        days = _WEEKDAYS.index(m["b"]) - _WEEKDAYS.index(m["a"]) + 1
        return Quantity(text, float(days), unit="天")
    if m := _BETWEEN.search(t):
        if m["aq"] != m["bq"]:
            ends = sorted(chinese_or_arabic(m[n]) * MULTIPLIERS.get(m[f"{n}mult"] or "", 1) for n in "ab")
            unit, _ = _unit_and_suffix(m["aunit"] or m["bunit"])
            return Quantity(text, None, ends[0], ends[1], unit=unit, kind="range")
    if word := next((w for w in sorted(MULTIPLE_WORDS, key=len, reverse=True) if w in t), None):
        return Quantity(text, MULTIPLE_WORDS[word], unit="倍")
    if m := _RANGE.search(t):
        bmult = MULTIPLIERS.get(m["bmult"] or "", 1)
        amult = MULTIPLIERS.get(m["amult"] or "", bmult)
        unit, _ = _unit_and_suffix(m["tail"] or m["aunit"] or "")
        low, high = _tidy(chinese_or_arabic(m["a"]) * amult, 1e-4), _tidy(chinese_or_arabic(m["b"]) * bmult, 1e-4)
        return Quantity(text, None, low, high, unit=unit, kind="range")
    if (m := _ADJACENT.search(t)) and _CN_DIGITS.index(m["b"]) > _CN_DIGITS.index(m["a"]):
        unit, _ = _unit_and_suffix(m["tail"])
        return Quantity(text, None, chinese_or_arabic(m["a"]), chinese_or_arabic(m["b"]), unit=unit, kind="range")
    if m := _SINGLE.search(t):
        number = chinese_or_arabic(m["num"])
        mult = MULTIPLIERS.get(m["mult"] or "", 1)
        unit, suffix = _unit_and_suffix(m["tail"])
        qualifier = _one_qualifier(text, m["prefix"], m["approx1"] or m["approx2"], suffix)
        resolution = 10.0 ** -_decimals(m["num"]) * mult
        sign = -1 if m["neg"] else 1
        return _bounded(text, sign * number * mult, qualifier, unit, resolution)
    raise ValueError(f"{text!r}: no number found")


def same_number(a: float | None, b: float | None) -> bool:
    """Equality for values read from CSV (None-safe, tolerant of float noise)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
