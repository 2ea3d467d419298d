"""Candidate fact rows: every number a report text states, read by the project's parser, with a verbatim locator.

Years, dates, ordinals, list markers, document and article numbers and page markers are not
candidates; with ``keep_skipped`` they are listed with the reason they were skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from analysis.numbers import MULTIPLIERS, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, parse_quantity, spellings

LOCATOR_MAX = 30
CN_DIGIT = "零〇一二两兩三四五六七八九"
CN_NUMERAL = rf"[{CN_DIGIT}十百千][{CN_DIGIT}十百千万萬亿億点點]*"
ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
NUM = rf"(?:{ARABIC}|{CN_NUMERAL}|半(?=个月|個月|年|天|小时))"
# The parser's qualifier and multiplier words, in both scripts; 内 of 8项内容 is a word, not "within".
PREFIX = "|".join(s for word in PREFIX_QUALIFIERS for s in spellings(word))
SUFFIX = "|".join(s for word in SUFFIX_QUALIFIERS if word != "内" for s in spellings(word)) + "|[内內](?![容部设設地涵在外])"
MULT = "|".join(s for word in MULTIPLIERS if word != "百" for s in spellings(word))  # 百 stays in the numeral
UNITS = ("平方米|m2|㎡|个月|個月|周年|週年|人次|车次|車次|元|%|％|个|個|项|項|名|人|次|家|所|条|條|辆|輛|处|處|份|册|冊|株|户|戶|村|"
         "镇|鎮|乡|鄉|年|月|天|日|小时|周|届|屆|吨|噸|米|倍|亩|畝|公里|套|座|间|間|栋|支|队|隊|批|篇|期|场|場|部|台|件|类|類|"
         "级|級|种|種|室|厅|廳|站|中心|办|辦|位|块|塊|群|校")
NUMBER = re.compile(
    rf"(?P<pre>{PREFIX})?(?P<per>百分之|千分之)?(?P<num>{NUM})(?:[多余餘])?(?:{MULT})?(?:[多余餘])?"
    rf"(?P<range>[%％]?\s*[-—–~～至到]\s*(?:百分之)?{NUM}(?:{MULT})?)?(?P<unit>{UNITS})?(?P<suf>{SUFFIX})?"
)
WORDS = re.compile(rf"(?P<pre>{PREFIX})?(?:[{CN_DIGIT}]、[{CN_DIGIT}][十百千](?:{MULT})?[^\s，,。]?|{NUM}分之{NUM}|一半|半数|過半|过半|未过半|大部分|大多数|{CN_NUMERAL}成(?![立为員员本果效绩功熟长]))(?P<suf>{SUFFIX})?")
CLOCK = re.compile(r"\d{1,2}:\d{2}[-—–~至到]\d{1,2}:\d{2}|周[一二三四五六日]至周[一二三四五六日]")
# Chinese numerals inside ordinary words: not numbers (一般, 统一, 进一步 ...).
NOT_NUMBERS = ("一体", "一目了然", "一般", "一些", "一定", "一直", "一起", "一线", "一步", "一致", "一样", "一律", "一切", "一旦", "一方面",
               "一同", "一再", "一向", "一度", "一味", "一边", "一番", "一贯", "一概", "一道", "一批", "一代", "一心", "一手",
               "一把手", "一段", "一时", "一系列", "一项项", "一环", "一大", "一窗", "一站式", "一条龙", "一票否决", "万一",
               "千方百计", "三令五申", "四面八方", "七上八下", "十分", "百姓", "千家万户", "一门", "一级", "一并", "一流")
WORD_BEFORE = "统統单單唯进進同划劃逐专專第初"
GAP = re.compile(r"^[^\d，,。；;、：:！？\n]{0,12}$")
LEADING = re.compile(r"\s*[(（]?")  # all a line holds before a list marker


def _skip_reason(line: str, start: int, end: int, text: str) -> str:
    """Why a matched number is not a candidate, or "" when it is one."""
    before, after = line[max(0, start - 2):start], line[end:end + 3]
    if re.fullmatch(r"\s*[-—]?\s*\d+\s*[-—]?\s*", line):
        return "page marker"
    if re.match(r"(?:19|20)\d\d年|(?:19|20)\d\d$|20[x×X]{2}年", text) or re.match(r"(?:19|20)\d\d", text) and after.startswith("年"):
        return "year"
    if re.fullmatch(r"\d{1,2}月|[一二三四五六七八九十]{1,2}月", text.rstrip("底初中旬份前")):  # "1个月" does not match
        return "date"
    if re.fullmatch(r"\d{1,2}日", text) or (text.endswith("日") and before.endswith("月")):
        return "date"
    bare = re.fullmatch(rf"{CN_NUMERAL}|\d+", text) is not None
    # The line before the number is read where it matters, never copied whole: lines can be a whole report long.
    if bare and LEADING.fullmatch(line, 0, start) and re.match(r"[)）]?[、.．]", after):
        return "list marker"
    if before.endswith("第") or bare and (after.startswith("是") or after.startswith("、") and re.search(r"(^|[。；;：:（(\s])$", line[max(0, start - 1):start])):
        return "ordinal"
    if LEADING.fullmatch(line, 0, start) and re.match(r"[)）]?[、.．]", after + " "):
        return "list marker"
    if _last_visible(line, start) in "(（" and after.startswith((")", "）")):
        return "list marker"
    if "〔" in line[max(0, start - 8):start] or after.startswith("号") or after.startswith("號"):
        return "document number"
    return ""


def _last_visible(line: str, start: int) -> str:
    """The last character before ``start`` that is not a space ("x" if none): line[:start].rstrip()[-1:]."""
    while start and line[start - 1].isspace():
        start -= 1
    return line[start - 1] if start else "x"


def _is_word(line: str, start: int, end: int) -> bool:
    """A bare Chinese numeral that is part of a word (统一, 一般 ...), not a number."""
    around = to_simplified(line[max(0, start - 1):end + 3])
    return any(word in around for word in NOT_NUMBERS) or to_simplified(line[start - 1:start]) in WORD_BEFORE


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


def _with_gap_prefix(line: str, start: int) -> int:
    """Include a qualifier a few words before the number ("不到财政预算收入的20%")."""
    window = line[max(0, start - 14):start]
    for word in ("不到", "不足", "超过", "超過", "不少于", "不低于", "至少"):
        i = window.rfind(word)
        if i >= 0 and GAP.match(window[i + len(word):]):
            return start - (len(window) - i)
    return start


def find_numbers(text: str, lines: tuple[int, int] | None = None, keep_skipped: bool = False,
                 progress: Callable[[int], object] | None = None) -> pd.DataFrame:
    """One row per number stated in ``text`` (or in its lines ``lines``, 1-based inclusive).

    Columns: as_written, value, low, high, qualifier, unit, locator, locator_unique, line, start,
    end (offsets in ``text``) and, with ``keep_skipped``, skipped (the reason; "" for candidates).
    ``progress`` is called with the characters of each line read (a progress bar's update).

    Examples
    --------
    >>> find_numbers("本市下放的401項管理權限中,能正常運行的有179項,占44.6%。")[["as_written", "value"]].values.tolist()
    [['401項', 401.0], ['179項', 179.0], ['44.6%', 44.6]]
    """
    rows = []
    offset = 0
    repeats = None  # built for the first locator: none is needed for a text without numbers
    for number, line in enumerate(text.split("\n"), start=1):
        if progress:
            progress(len(line) + 1)
        if lines and not lines[0] <= number <= lines[1]:
            offset += len(line) + 1
            continue
        # the characters of numbers already taken: a later match that overlaps one is not read again
        # (a mark per character, not a list of spans, which a long line's thousands of numbers made quadratic)
        taken = bytearray(len(line))
        matches = [*WORDS.finditer(line), *CLOCK.finditer(line), *NUMBER.finditer(line)]
        for m in matches:
            start, end = m.start(), m.end()
            if end == start or taken.find(1, start, end) >= 0:
                continue
            written = m.group()
            skipped = _skip_reason(line, start, end, written)
            bare_chinese = m.re is NUMBER and not m["unit"] and not m["pre"] and not m["suf"] and not m["per"] and re.fullmatch(CN_NUMERAL, m["num"])
            if not skipped and bare_chinese:
                follower = line[end:end + 2]
                if _is_word(line, start, end) or not re.match(r"[\u4e00-\u9fff]", follower):
                    skipped = "word, not a number"
                else:  # "三要", "四中心", "五乱": a counted label; its next character stands for the unit
                    end += 1
                    written = line[start:end]
            if m.re is not CLOCK and not m["pre"]:
                start = _with_gap_prefix(line, start)
                written = line[start:end]
            try:
                q = parse_quantity(written)
            except ValueError as err:
                skipped = skipped or f"unreadable: {err}"
                q = None
            taken[start:end] = b"\x01" * (end - start)
            if skipped and not keep_skipped:
                continue
            if repeats is None:
                repeats = repeats_of(text)
            locator, unique = locator_for(text, offset + start, offset + end, repeats=repeats,
                                          line=(offset, offset + len(line)))
            rows.append({
                "as_written": written, "value": None if q is None else q.value, "low": None if q is None else q.low,
                "high": None if q is None else q.high, "qualifier": "" if q is None else q.qualifier,
                "unit": "" if q is None else q.unit, "locator": locator, "locator_unique": unique, "line": number,
                "start": offset + start, "end": offset + end, "skipped": skipped,
            })
        offset += len(line) + 1
    frame = pd.DataFrame(rows, columns=["as_written", "value", "low", "high", "qualifier", "unit", "locator",
                                        "locator_unique", "line", "start", "end", "skipped"])
    frame = frame.sort_values("start", kind="stable").reset_index(drop=True)
    return frame if keep_skipped else frame.drop(columns="skipped")


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
