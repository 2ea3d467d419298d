"""Candidate fact rows: every number a report text states, read by the project's parser, with a verbatim locator.

What is not data (years, dates, sessions, slogans, citations, place names ...) is found first, by the one table
of analysis/extraction/not_data.py, and is not a candidate; with ``keep_skipped`` it is listed with its reason.
Each candidate carries the Gregorian year it belongs to (``period``), the noun the text names it with
(``entity``) and, under a table's header line (單位:千元), the unit that header states (``header_unit``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from analysis.extraction import not_data
from analysis.extraction.not_data import fold
from analysis.numbers import MULTIPLIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, parse_quantity

LOCATOR_MAX = 30
CN_DIGIT = "零〇一二两兩三四五六七八九"
# The patterns below read a folded line (not_data.fold: simplified characters, ASCII digits and punctuation).
CN_NUMERAL = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿点]*"
# Digits, with thousands separated by commas ("1,035") or by spaces ("12 345"), a decimal point or the middle dot
# a garbled text puts in its place ("1·8%").
ARABIC = r"(?<![\d.])(?<!\d,)\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,·])|\d+(?:,\d{3})*(?:[.·]\d+)?"
KILO_UNITS = "克米瓦"  # 千克, 千米, 千瓦: units, not 千 × the word after
SCALE = rf"(?:万亿|亿|万|兆|[十百](?!分之)|千(?!分之|[{KILO_UNITS}]))"
# A numeral, scales inside it and digits mixed with Chinese: "3千2百万", "405亿9,629万", "1兆2,000亿", "八万五千".
RUN = rf"(?:(?:{ARABIC}){SCALE}*|{CN_NUMERAL}兆?)(?:(?<=[十百千万亿兆])(?!千[{KILO_UNITS}])(?:(?:{ARABIC}){SCALE}*|{CN_NUMERAL}))*"
NUM = rf"(?:{RUN}|半(?=个月|年|天|小时))"
# The parser's qualifier and multiplier words; 内 of 8项内容 is a word, not "within".
PREFIX = "|".join(w for w in PREFIX_QUALIFIERS if w not in ("逾", "上")) + "|逾(?!期)|上(?=[百千万亿])"
SUFFIX = "|".join(w for w in SUFFIX_QUALIFIERS if w != "内") + "|内(?![容部设地涵在外])"
MULT = "|".join(f"千(?![{KILO_UNITS}])" if w == "千" else w for w in MULTIPLIERS if w != "百")  # 百 stays in the numeral
UNITS = ("个百分点|百分点|平方公里|平方米|乡镇|街道|社区|m2|㎡|个月|周年|人次|车次|人口|元|%|‰|个|项|名|人|次|家|所|条|辆|处|份|册|株|户|村|"
         "镇|乡|年|月|天|日|小时|周|届|吨|公顷|公斤|千克|千米|千瓦时|千瓦|米|倍|亩|公里|套|座|间|栋|支|队|批|篇|期|场|部|台|件|类|级|种|室|"
         "厅|站|中心|办|位|块|群|校|床|张|县市|县区|县|市|区|省|周岁|岁")
# 423千克/亩, 4,500元/人, 350人/平方公里: a compound unit, the measure per unit of what comes after the slash
PER_UNITS = "亩|畝|公顷|公頃|平方公里|平方米|㎡|人|户|戶|年|月|天|日|小时|次"
NUMBER = re.compile(
    rf"(?P<pre>{PREFIX})?(?P<neg>负增长|负|(?<![\dA-Za-z)%.])-)?(?P<per>百分之|千分之)?(?P<num>{NUM})(?:[多余])?(?:{MULT})?(?:[多余])?"
    rf"(?P<range>[%‰]?\s*[-—–~至到]\s*(?:百分之)?{NUM}(?:{MULT})?)?(?P<unit>[ \t]?(?:{UNITS})(?:/(?:{PER_UNITS}))?)?(?:(?<=倍)(?:有余|多|余))?(?P<suf>{SUFFIX})?"
)
# Numbers in words: shares (一半, 三成, 三分之一), pairs (二、三十万), multiples (倍增) and zero (零负债).
ZERO_WORDS = "负债|债务|增长|事故|伤亡|投诉|欠款|上访|差错|发案"
WORDS = re.compile(
    rf"(?P<pre>{PREFIX})?(?:[{CN_DIGIT}]、[{CN_DIGIT}][十百千](?:{MULT})?[^\s,。]?|{NUM}分之{NUM}|一半|半数|(?:过|逾)半数?|未过半|大部分"
    rf"|大多数|(?:{CN_NUMERAL}|\d+)成(?![立为员本果效绩功熟长交])(?:[一二三四五六七八九](?![\d零〇一二两三四五六七八九十百千万亿个项年月日人名家户]))?"
    rf"|(?<![\d/.:])\d/(?:10|\d)(?![\d/.:])|倍增|翻[一两三]?番|零(?:{ZERO_WORDS}))(?P<suf>{SUFFIX})?"
)
# 2/3 is a fraction where a share word or a qualifier stands by it (占2/3, 约2/3, 2/3以上, 2/3的村), else two numbers
# (a date 3/5, a score 3/4 of a table): what the words around it say decides, not the digits
FRACTION_BEFORE = re.compile(r"(?:占|比重|比例|占比|为|达|近|逾|约|仅|只有|超过|不到|不足|接近)\s*$")
FRACTION_AFTER = re.compile(r"\s*(?:的|以上|以下|左右|强|弱)")
# Both ends bounded by words: "8万人口以下至5万人口以上".
BETWEEN = re.compile(rf"{RUN}(?:{MULT})?(?:{UNITS})?(?:以下|以上)[至到]{RUN}(?:{MULT})?(?:{UNITS})?(?:以上|以下)")
CLOCK = re.compile(r"\d{1,2}:\d{2}[-—–~至到]\d{1,2}:\d{2}|周[一二三四五六日]至周[一二三四五六日]")
# A bare Chinese numeral counts what the word right after it names (七站八所, 四室一厅, 六县区); any other word after it
# makes it part of a word (两学, 三农: the slogans the table does not name).
COUNTED = re.compile(r"中心|乡镇|县区|县市|街道|社区|[办室厅站所委局队县区乡镇村校馆院组科股部片庭岗堂园库]")
OPEN_QUOTES, CLOSE_QUOTES = "“\"「『‘", "”\"」』’"
GAP = re.compile(r"^[^\d,。;、:!?\n]{0,12}$")
GAP_WORDS = ("不到", "不足", "不及", "不满", "未满", "超过", "不少于", "不低于", "至少", "未及")
# 约有三成, 大约有1200户: 约 qualifies the number across 有 (节约有/签约有 are other words)
# a term of a ratio (3.2：1, 2.2比1): the colon or 比 right after or before the number
RATIO_AFTER, RATIO_BEFORE = re.compile(r"\s*[:：比]\s*\d"), re.compile(r"\d\s*[:：比]\s*$")
ABOUT_HAS = re.compile(r"(?<![节制契预签公条合违简隐相邀婚赴履毁特])(?:大)?约有\s*$")
MASK = "\x00"  # what stands in a line for a part that is not data, so that no number is read across it
# 总人口约42万, 人口僅約17.6萬 (folded): a number right after 人口 and its qualifiers, no measure word of its own
POPULATION = re.compile(r"人口(?:数|总数|总量)?[约仅为达到了近逾共有计合只：:\s]*$")
HEADER = not_data.UNIT_HEADER  # 单位:万元: the unit of the bare numbers of the table under it
# 上年/去年 ...: a year counted from the year the text speaks of (the number is that year's unless compared with it).
RELATIVE_YEARS = re.compile(r"上年度|上年|去年|前年|今年|本年度|本年|当年|明年")
RELATIVE_SHIFT = {"上年度": -1, "上年": -1, "去年": -1, "前年": -2, "今年": 0, "本年度": 0, "本年": 0, "当年": 0, "明年": 1}
# Before a year, these make it the base of a comparison (比上年增长5%, 较一一四年度增加): the number is not that year's.
COMPARED = re.compile(r"(?:比|较|与|同|相比|对比|比照|低于|高于|超过|少于|多于)\s*$")
CARRIED_OVER = re.compile(r"上年(?:度)?(?:结转|结余)")  # 上年结转结余60万元: this year's account of what came over
SENTENCE_END = re.compile(r"[。;!?]")
CLAUSE_MARK = "，,。；;：:、（）()!！?？“”「」"
LEADING_WORDS = re.compile(r"^(?:[—\-\s]+|其中[:：]?|另外|此外|按产业分|初步核算|按可比价格计算|分别|而|并|且|和|及|就|以)+")
TRAILING_WORDS = re.compile(r"(?:的|为|為|达|達|达到|達到|实现|實現|共有|共|计|計|有|是|了|约|約|近|仅|僅|只有|合计为|分别为|分別為|"
                            r"不到|不足|不及|不满|超过|超過|至少|从|從|由|自|到|至)+$")
RELATION = re.compile(r"^(?:同比|比上年|比去年|较上年|較上年|与上年相比|與上年相比|与去年同期相比|比\S{0,8}?年度?)?"
                      r"(?:增收|减收|減收|增加|减少|減少|增长|增長|下降|上涨|上漲|上升|提高|降低|减低|減低|回落|增幅|降幅|增速|持平)"
                      r"|^完成.{0,6}?预算|^完成.{0,6}?預算|^(?:合计)?占|^(?:合計)?佔|^比重|^比例")
CLASSIFIERS = set("个個家所座处處条條项項名位户戶辆輛支批栋棟间間套台件只")
# What is left out of an entity: the parts of a clause that name no thing (2022年, [1], 一、).
NOT_NOUNS = {"year", "date", "decade or century", "citation", "document number", "list marker", "page marker", "counter",
             "phone number", "postal code", "unit header", "time span", "relative period"}
NOUN_STOP = re.compile(r"[^\u4e00-\u9fff]|[均都各共的是为為在设設有和与與及、]")


class RepeatIndex:
    """Answers ``text.count(text[lo:hi]) == 1`` without scanning the text, for phrases of up to ``depth`` characters.

    The text's positions are sorted by the ``depth`` characters that follow each one (prefix doubling: ranks of
    windows of 4 characters packed into one integer, then of 8, 16 and 32, each a numpy sort of pairs of ranks),
    with how many characters each position shares with the one before it in that order. The positions where a
    phrase occurs are then neighbours, so a phrase at ``lo`` occurs nowhere else exactly when neither neighbour
    of ``lo`` shares its length: a constant time question instead of a count over the whole text for every step
    of every locator (quadratic: 1 MB took minutes). Built in about a second per million characters.
    """

    def __init__(self, text: str, depth: int = 32):  # locators are at most LOCATOR_MAX (30) characters
        import numpy as np

        self.text, self.depth = text, depth
        n = len(text)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        chars = np.unique(codes, return_inverse=True)[1].astype(np.int32) + 1  # 0 stands for past the end
        del codes
        bits = int(chars.max(initial=0)).bit_length()
        pack = 1  # characters whose ranks fit one int64 side by side, the first most significant: the first level
        while pack * 2 <= depth and pack * 2 * bits <= 62:
            pack *= 2
        pad = np.zeros(2 * depth + pack, dtype=np.int32)
        chars = np.concatenate([chars, pad])
        key = np.zeros(n, dtype=np.int64)
        for t in range(pack):
            key <<= bits
            key |= chars[t:t + n]
        rank, order, distinct = _dense_ranks(key)
        del key
        levels, width = {pack: rank}, pack
        # once every position differs, longer windows differ too (as they do once they run past the end)
        while width < depth and distinct < n:
            key = rank.astype(np.int64) * (n + 1)
            key[:n - width] += rank[width:]  # the next window's rank; 0 past the end (n > width: see distinct)
            rank, order, distinct = _dense_ranks(key)
            del key
            width *= 2
            levels[width] = rank
        # Characters shared by neighbours in that order: equal at the widest level, else binary lifting with the
        # narrower levels (16, 8, 4), then character by character (2, 1).
        first, second = order[:-1], order[1:]
        tied = rank[first] == rank[second]  # only possible at the full depth
        shared = np.zeros(max(n - 1, 0), dtype=np.int64)
        for w in sorted(levels, reverse=True)[1:]:
            r = np.concatenate([levels[w], pad])
            shared += w * (r[first + shared] == r[second + shared])
        w = pack // 2
        while w:
            same = np.ones(len(shared), dtype=bool)
            for t in range(w):
                same &= chars[first + shared + t] == chars[second + shared + t]
            shared += w * same
            w //= 2
        shared[tied] = width
        self._shared = bytes([0]) + np.minimum(shared, 255).astype(np.uint8).tobytes() + bytes([0])
        where = np.empty(n, dtype=np.int32)
        where[order] = np.arange(n, dtype=np.int32)
        self._where = memoryview(where)
        self._order = memoryview(order.astype(np.int32))

    def unique(self, lo: int, hi: int) -> bool:
        """``text.count(text[lo:hi]) == 1``: str.count counts occurrences that do not overlap, from the left."""
        length = hi - lo
        if length > self.depth:
            return self.text.count(self.text[lo:hi]) == 1
        at, shared = self._where[lo], self._shared
        if shared[at] < length and shared[at + 1] < length:
            return True
        # Other occurrences: the neighbours sharing ``length`` characters. One that does not overlap this one
        # makes two; occurrences that all overlap it (a phrase like "11" in "111") lie within ``length`` of it.
        found = [lo]
        i = at
        while shared[i] >= length:
            i -= 1
            found.append(self._order[i])
            if abs(found[-1] - lo) >= length:
                return False
        i = at
        while shared[i + 1] >= length:
            i += 1
            found.append(self._order[i])
            if abs(found[-1] - lo) >= length:
                return False
        first = min(found)
        return all(p < first + length for p in found)


def _dense_ranks(key):
    """Ranks 1, 2 ... of ``key``'s values in increasing order (equal values, equal ranks), the positions in that
    order, and how many values differ: np.unique's inverse without its second sort."""
    import numpy as np

    order = np.argsort(key, kind="stable")
    ordered = key[order]
    new = np.ones(len(key), dtype=bool)
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    del ordered
    rank = np.empty(len(key), dtype=np.int32)  # a text has fewer than 2**31 characters: half the memory of int64
    rank[order] = np.cumsum(new, dtype=np.int32)
    return rank, order, int(np.count_nonzero(new))


_LAST_INDEX: list[tuple[str, RepeatIndex]] = []  # of the last text: the parts of a report are read one by one


def repeats_of(text: str) -> RepeatIndex:
    """The RepeatIndex of ``text``, kept for the next call on the same text."""
    if not (_LAST_INDEX and _LAST_INDEX[0][0] == text):
        _LAST_INDEX[:] = [(text, RepeatIndex(text))]
    return _LAST_INDEX[0][1]


def locator_for(text: str, start: int, end: int, limit: int = LOCATOR_MAX, *, repeats: RepeatIndex | None = None,
                line: tuple[int, int] | None = None) -> tuple[str, bool]:
    """The shortest verbatim phrase around text[start:end], at most ``limit`` characters, unique in ``text``.

    Grows one character at a time, left then right, within the line; returns (phrase, unique). ``repeats``
    (a RepeatIndex of ``text``) and ``line`` (the offsets where the number's line starts and ends) are what
    find_numbers already knows: with them a locator costs no scan of the text.
    """
    if line is None:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
    else:
        line_start, line_end = line
    lo, hi = start, end
    while True:
        if repeats.unique(lo, hi) if repeats else text.count(text[lo:hi]) == 1:
            return text[lo:hi], True
        if hi - lo >= limit or (lo <= line_start and hi >= line_end):
            return text[lo:hi], False
        if lo > line_start and (hi - lo) % 2 == 0 or hi >= line_end:
            lo -= 1
        else:
            hi += 1


def _with_gap_prefix(folded: str, start: int) -> int:
    """Include a qualifier a few words before the number ("不到财政预算收入的20%")."""
    window = folded[max(0, start - 14):start]
    if about := ABOUT_HAS.search(window):
        return start - (len(window) - about.start())
    for word in GAP_WORDS:
        i = window.rfind(word)
        # 不足以支應人事費者達9個: 不足以 (not enough to) is a verb, no qualifier of the number after it
        if i >= 0 and GAP.match(window[i + len(word):]) and not window[i + len(word):].startswith("以"):
            return start - (len(window) - i)
    return start


COLUMNS = ["as_written", "value", "low", "high", "qualifier", "unit", "locator", "locator_unique", "line", "start", "end",
           "period", "entity", "header_unit"]
NUMERAL_CHAR = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿半倍番]")


@dataclass
class _Years:
    """The year a number belongs to, read as the text goes: the last year named (a year compared with, 比上年,
    names none), or for the rest of a sentence a year counted from it (去年) or a span of years; numbers before the
    first year named take that first year."""

    current: tuple[int, int] | None = None
    sentence: tuple[int, int] | None = None
    waiting: list[dict] = field(default_factory=list)

    def name(self, years: tuple[int, int], for_sentence: bool) -> None:
        if for_sentence:
            self.sentence = years
            return
        if self.current is None:
            for row in self.waiting:
                row["period"] = _period(years)
            self.waiting.clear()
        self.current = years

    def relative(self, shift: int) -> None:
        base = self.current
        if base is not None:
            self.sentence = (base[0] + shift, base[1] + shift) if base[0] == base[1] else None

    def of(self, row: dict) -> None:
        years = self.sentence or self.current
        if years is None:
            self.waiting.append(row)
        row["period"] = _period(years)


def _period(years: tuple[int, int] | None) -> str:
    if years is None:
        return ""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"


def _year_events(folded: str, skips) -> list[tuple[int, str, object]]:
    """Where a line names a year ("year", (first, last), for_sentence), a year counted from another ("relative",
    shift), or ends a sentence ("end", None); a year compared with (比2021年, 较一一四年度) is not one."""
    events = []
    for start, end, row in skips:
        if row.reason not in ("year", "date") or row.kind == "half_year":
            continue
        if COMPARED.search(folded, max(0, start - 4), start):
            continue
        written = folded[start:end]
        if row.kind == "year_before":
            events.append((start, "relative", -1))
        elif row.kind != "date" or "年" in written or re.match(r"\s*(?:19|20)\d\d[-/.]", written):
            if years := not_data.gregorian(written):
                events.append((start, "year", (years, row.kind == "year_span")))
    for m in RELATIVE_YEARS.finditer(folded):
        if COMPARED.search(folded, max(0, m.start() - 4), m.start()) or CARRIED_OVER.match(folded, m.start()):
            continue
        events.append((m.start(), "relative", RELATIVE_SHIFT[m.group()]))
    events += [(m.start(), "end", None) for m in SENTENCE_END.finditer(folded)]
    return sorted(events, key=lambda e: e[0])


def _apply(years: _Years, event) -> None:
    _, what, payload = event
    if what == "year":
        years.name(*payload)
    elif what == "relative":
        years.relative(payload)
    else:
        years.sentence = None


def _clause_start(folded: str, start: int, floor: int) -> int:
    """Where the clause holding the number begins: after the last punctuation mark (or ``floor``) before it."""
    i = start
    while i > floor and start - i < 40:
        if folded[i - 1] in CLAUSE_MARK:
            return i
        i -= 1
    return i


def _entity(line: str, folded: str, start: int, end: int, floor: int, skipped_chars: bytearray, unit: str) -> tuple[str, bool]:
    """The noun the text names the number with: the words of its clause before it (years and other parts that are not
    data left out), and for a count the noun after its measure word (60个乡镇). Also whether those words only relate
    it to another number (增长, 同比减收, 占): then the sentence's subject goes before them."""
    begin = _clause_start(folded, start, floor)
    words = "".join(ch for i, ch in enumerate(line[begin:start], begin) if not skipped_chars[i])
    words = TRAILING_WORDS.sub("", LEADING_WORDS.sub("", words.strip()))
    noun = ""
    if unit in CLASSIFIERS or line[end - 1:end] in CLASSIFIERS:
        stop = NOUN_STOP.search(line, end, end + 7)
        noun = line[end:stop.start() if stop else min(len(line), end + 6)]
    return (words + noun)[-24:], bool(RELATION.match(words)) or (not words and unit == "%")


def find_numbers(text: str, lines: tuple[int, int] | None = None, keep_skipped: bool = False,
                 progress: Callable[[int], object] | None = None) -> pd.DataFrame:
    """One row per number stated in ``text`` (or in its lines ``lines``, 1-based inclusive).

    Columns: as_written, value, low, high, qualifier, unit, locator, locator_unique, line, start, end (offsets in
    ``text``), period (the Gregorian year, or years "2014-2018", the number belongs to; "" when the text names none),
    entity (the noun the text names it with), header_unit (the unit of a table's header line that applies to a bare
    number, its value scaled by it: "單位:千元 (line 3)") and, with ``keep_skipped``, skipped (the reason; "" for
    candidates): what analysis/extraction/not_data.py finds and bare numerals inside words.
    ``progress`` is called with the characters of each line read (a progress bar's update).

    Examples
    --------
    >>> find_numbers("本市下放的401項管理權限中,能正常運行的有179項,占44.6%。")[["as_written", "value"]].values.tolist()
    [['401項', 401.0], ['179項', 179.0], ['44.6%', 44.6]]
    >>> find_numbers("2022年全县生产总值86.8亿元,比上年增长5.2%。")[["as_written", "period", "entity"]].values.tolist()
    [['86.8亿元', '2022', '全县生产总值'], ['5.2%', '2022', '全县生产总值比上年增长']]
    """
    rows = []
    offset = 0
    repeats = None  # built for the first locator: none is needed for a text without numbers
    years = _Years()
    header = None  # [multiplier, unit, what it says, numbers it applied to]
    subject = ""  # the noun of the sentence's last amount or count: what 增长5% and 占20% speak of
    for number, line in enumerate(text.split("\n"), start=1):
        if progress:
            progress(len(line) + 1)
        if lines and number > lines[1]:
            continue  # after the part: only its progress is told
        inside = not lines or lines[0] <= number
        folded = fold(line)
        if header and not NUMERAL_CHAR.search(folded) and ("。" in folded or not folded.strip() and header[3]):
            header = None  # a sentence with no number, or a blank line after the table's rows, ends the table
        if h := HEADER.search(folded):
            unit = h["unit"]
            mult = next((MULTIPLIERS[w] for w in ("万亿", "亿", "万", "千", "百") if unit.startswith(w) and unit != w), 1)
            header = [mult, unit[len(unit) - 1:] if mult != 1 else unit, f"{line[h.start():h.end()].strip()} (line {number})", 0]
        applied = header[3] if header else 0
        if not NUMERAL_CHAR.search(folded):
            offset += len(line) + 1
            continue
        if not inside:  # before the part: only the years it names, for the period of the part's numbers
            for event in _year_events(folded, not_data.spans(folded, years_only=True)):
                _apply(years, event)
            offset += len(line) + 1
            continue
        skips = not_data.spans(folded)
        masked, at, skipped_chars = [], 0, bytearray(len(line))
        for s_start, s_end, row in skips:
            masked += [folded[at:s_start], MASK * (s_end - s_start)]
            if row.reason in NOT_NOUNS:  # a year or a marker is no part of a name; 第一产业, 一般公共预算 are
                skipped_chars[s_start:s_end] = b"\x01" * (s_end - s_start)
            at = s_end
        masked = "".join(masked) + folded[at:]
        found = []  # (start, end, written, skipped, match)
        # the characters of numbers already taken: a later match that overlaps one is not read again
        # (a mark per character, not a list of spans, which a long line's thousands of numbers made quadratic)
        taken = bytearray(len(line))
        for m in [*BETWEEN.finditer(masked), *WORDS.finditer(masked), *CLOCK.finditer(masked), *NUMBER.finditer(masked)]:
            start, end = m.start(), m.end()
            if end == start or taken.find(1, start, end) >= 0:
                continue
            skipped = ""
            if m.re is WORDS and "/" in m.group() and not (m["pre"] or m["suf"] or FRACTION_BEFORE.search(masked, 0, start)
                                                            or FRACTION_AFTER.match(masked, end)):
                continue  # 3/5 with no share word by it: not a fraction
            if m.re is NUMBER and m["neg"] == "-" and "." not in m["num"] and not re.match(r"\s*(?:%|‰|个百分点|元)", m["unit"] or ""):
                start += 1  # a dash before a whole count or a bare number (-4站, 土地 -2023: page markers) is no minus
                            # sign; a rate or an amount may be negative (-4.3%, -12万元)
            if m.re is NUMBER and header and m["unit"] and m["unit"][0].isspace():
                end = m.start("unit")  # 大坪鄉　歲出412,860　人事費263,000 under 單位：千元: the word after the space is
                                       # the next column's name, the header the unit
            if m.re is NUMBER and not (m["unit"] or m["pre"] or m["suf"] or m["per"] or m["neg"] and start == m.start()):
                if re.fullmatch(CN_NUMERAL, m["num"]) and not re.search(MULT, m.group()):
                    if counted := COUNTED.match(masked, end):  # 七站八所, 四室一厅, 六县区: a counted label
                        end = counted.end()
                    elif _in_listed_quote(masked, start) and re.match(r"[\u4e00-\u9fff]", masked[end:end + 1]):
                        # “三要”(要钱、要粮、要命), “两负责”即…: a counted name whose members the text lists, to its
                        # closing quote unless another numeral follows in it (“三转变、三落实”)
                        close = re.match(rf"[^{CLOSE_QUOTES}{CN_DIGIT}十\d]{{1,5}}(?=[{CLOSE_QUOTES}])", masked[end:end + 6])
                        end = end + close.end() if close else end + 1
                    else:
                        skipped = "word, not a number"
                elif re.fullmatch(r"(?:19|20)\d\d", m["num"]) and not header:
                    skipped = "year"  # 2020 standing alone (〔2020〕 is a document number)
            if m.re in (WORDS, NUMBER) and not m["pre"]:
                start = _with_gap_prefix(folded, start)
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, skipped, m))
        if keep_skipped:
            found += [(s_start, s_end, row.reason, None) for s_start, s_end, row in skips]
        found.sort(key=lambda f: f[0])
        events = _year_events(folded, skips)
        e = 0
        previous_end = 0
        for start, end, skipped, m in found:
            while e < len(events) and events[e][0] < start:
                if events[e][1] == "end":
                    subject = ""
                _apply(years, events[e])
                e += 1
            written = line[start:end]
            try:
                q = parse_quantity(written)
            except ValueError as err:
                skipped = skipped or f"unreadable: {err}"
                q = None
            if skipped and not keep_skipped:
                continue
            row = {"as_written": written, "value": None if q is None else q.value, "low": None if q is None else q.low,
                   "high": None if q is None else q.high, "qualifier": "" if q is None else q.qualifier,
                   "unit": "" if q is None else q.unit, "line": number, "start": offset + start, "end": offset + end,
                   "period": "", "entity": "", "header_unit": "", "skipped": skipped}
            if not skipped:
                # a term of a ratio (二者之比約為3.2：1) is a bare number: the header's unit is its amounts', not its own
                ratio_term = RATIO_AFTER.match(line, end, end + 4) or RATIO_BEFORE.search(line, max(0, start - 4), start)
                if header and m is not None and m.re is NUMBER and q is not None and not q.unit and not ratio_term \
                        and start >= (h.end() if h else 0):
                    mult = header[0]
                    row.update(value=_scaled(q.value, mult), low=_scaled(q.low, mult), high=_scaled(q.high, mult),
                               unit=header[1], header_unit=header[2])
                    header[3] += 1
                if q is not None and not row["unit"] and POPULATION.search(folded, max(0, start - 8), start):
                    row["unit"] = "人"  # 人口約17.6萬: a population written without its measure word counts persons
                years.of(row)
                entity, relation = _entity(line, folded, start, end, previous_end, skipped_chars, row["unit"])
                row["entity"] = (subject + entity) if relation and subject else entity
                if not relation and entity and row["unit"] != "%":
                    subject = entity
                previous_end = end
            if repeats is None:
                repeats = repeats_of(text)
            row["locator"], row["locator_unique"] = locator_for(text, offset + start, offset + end, repeats=repeats,
                                                                line=(offset, offset + len(line)))
            rows.append(row)
        for event in events[e:]:
            if event[1] == "end":
                subject = ""
            _apply(years, event)
        if header and "。" in folded and header[3] == applied and not h:
            header = None  # a sentence none of whose numbers is bare: prose again (一、歲入:預算數186,420。 keeps it)
        offset += len(line) + 1
    frame = pd.DataFrame(rows, columns=[*COLUMNS, "skipped"])
    frame = frame.sort_values("start", kind="stable").reset_index(drop=True)
    return frame if keep_skipped else frame.drop(columns="skipped")


def _scaled(x: float | None, mult: float) -> float | None:
    return None if x is None else x * mult


def _in_listed_quote(masked: str, start: int) -> bool:
    """Whether the numeral at ``start`` opens or stands in a quoted name (the table leaves those whose members the
    text lists)."""
    before = masked[max(0, start - 10):start]
    opened = max(before.rfind(q) for q in OPEN_QUOTES)
    return opened >= 0 and not any(q in before[opened + 1:] for q in CLOSE_QUOTES if q not in OPEN_QUOTES)


def to_simplified(text: str) -> str:
    """Traditional characters folded to simplified (OpenCC's t2s table), so one vocabulary serves both."""
    global _T2S, _CONVERTIBLE
    if _T2S is None:
        from opencc import OpenCC

        _T2S = OpenCC("t2s")
        # OpenCC changes only what its dictionaries' keys match: a text holding none of them comes back as it was,
        # which most windows of a simplified text are; a search of them is far quicker than a conversion
        keys = {key for group in _T2S._dict_chain_data for _, _, table in group for key in table}
        _CONVERTIBLE = re.compile("|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True)))
    if not _CONVERTIBLE.search(text):
        return text
    return _T2S.convert(text)


_T2S = _CONVERTIBLE = None
