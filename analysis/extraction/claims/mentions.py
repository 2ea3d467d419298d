"""A text read once (:class:`_Reading`): its sentences, ;-items, clauses, bracket depths and years, and its
candidate numbers as mentions (:class:`Mention`), with the helpers that read a mention's unit, year and value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import pandas as pd

from analysis.extraction.claim_forms import fold, words
from analysis.extraction.named_amounts import other_place, places_of
from analysis.extraction.claims.patterns import (
    AGAINST, AVERAGE, BASE_YEAR, BOUNDARY, CLOSES, CN_DIGITS, COMPARED, COMPARED_IN, COUNTED_LABEL, COUNT_UNITS, DIRECTION,
    FROM, HARD_END, LEVEL_WORDS, LIST_MARK, NAME_STOP, OPENS, POINTS, SEGMENT_END, YEAR,
)


@dataclass(eq=False)  # one mention is itself only: two "103万元" of a text are two mentions
class Mention:
    """A candidate number in its sentence: where it stands, its name and year, and what the words around it make it."""

    i: int
    start: int
    end: int
    as_written: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    sentence: int = 0
    segment: int = 0
    clause: int = 0
    depth: int = 0
    before: str = ""  # folded text from the previous number of its clause (or the clause's start) to it
    name: str = ""
    named: bool = True  # the name is its own (see _Reading._mentions)
    year: str = ""
    place: str = ""  # the place it is stated of (_Reading.place_at), "" when the text names none
    direction: str = ""  # rise / fall: the change word just before it
    versus: str = ""  # 高于全省N个百分点: the noun of the rate it is compared with (全省)
    points: bool = False
    bound: bool = False  # one end only (突破400亿元, 65%以上): a bound, not an amount to divide by
    claim_end: int = 0
    pairs: frozenset = frozenset()  # the character pairs of its name and the noun after it (name lookups)
    roles: set = field(default_factory=set)  # "base", "later", "change", "part" ... what it is an input as

    @property
    def percent(self) -> bool:
        return self.unit == "%" and not self.points

    @property
    def amount(self) -> bool:
        return self.unit != "%" and not self.points and (_known(self.value) or _known(self.low) or _known(self.high))

    @property
    def level(self) -> bool:
        """An amount that is no change, rate or base (nor a counted label, 三产, 五办): what a clause states of its
        subject."""
        return self.amount and not self.direction and "base" not in self.roles and not self.label

    @property
    def per_unit(self) -> bool:
        """An average or per-capita amount (乡镇平均764万元, 人均N元): of one unit, never a whole or the total of parts."""
        return self.amount and bool(AVERAGE.search(self.before))

    @property
    def label(self) -> bool:
        return bool(COUNTED_LABEL.fullmatch(self.as_written)) and fold(self.unit) not in COUNT_UNITS


PERSONS = ("人", "名", "位")  # the measure words of a count of persons
# measure word -> the group of those that count the same thing (claim_forms: the count form's same_thing)
SAME_THING = {u: k for k, w in enumerate(words("count", "same_thing")) for u in w.split("/")}


def same_unit(a: str, b: str) -> bool:
    """Two units of one kind: equal, or measure words that count the same thing (位 and 人, not 所 and 个).

    >>> same_unit("位", "人"), same_unit("名", "人"), same_unit("個", "所"), same_unit("人", "个"), same_unit("万元", "万元")
    (True, True, False, False, True)
    """
    a, b = fold(a), fold(b)
    return a == b or a in SAME_THING and SAME_THING[a] == SAME_THING.get(b)


def _rankable(x: Mention) -> bool:
    """An amount or a rate a clause states of its subject (出缺率12%): what a list compares or ranks."""
    return x.level or x.percent and not x.direction and "base" not in x.roles


def _known(x) -> bool:
    return x is not None and not pd.isna(x)


class _Index:
    """Which sentence (;-item, clause) a place is in: ``index[pos]``, by bisection of their starts."""

    def __init__(self, starts: list[int]):
        self.starts = starts

    def __getitem__(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


class _Depth:
    """How many brackets are open at a place (``depth[pos]``); an unclosed one ends with its sentence."""

    def __init__(self, changes: list[tuple[int, int]]):
        self.at, self.depth = [p for p, _ in changes], [d for _, d in changes]

    def __getitem__(self, pos: int) -> int:
        return self.depth[bisect_right(self.at, pos) - 1]


class _Reading:
    """A text read once: folded to simplified characters, cut into sentences, ;-items and clauses, with the
    bracket depth and year of every place, and its candidate numbers as mentions."""

    def __init__(self, text: str, candidates: pd.DataFrame):
        self.text = text
        self.folded = fold(text)
        soft = self._soft_breaks()
        clause, segment, sentence, brackets = [0], [0], [0], [(0, 0)]  # starts; (position, depth from there on)
        depth = 0
        for found in BOUNDARY.finditer(self.folded):
            pos, char = found.start(), found.group()
            if char == "\n" and pos in soft:
                continue
            if char in OPENS or char in CLOSES:
                depth = depth + 1 if char in OPENS else max(0, depth - 1)
                brackets.append((pos + 1, depth))
                continue
            clause.append(pos + 1)
            if char in SEGMENT_END or char == "\n":
                segment.append(pos + 1)
            if char in HARD_END or char == "\n":
                sentence.append(pos + 1)
                depth = 0  # an unclosed bracket ends with its sentence
                brackets.append((pos + 1, 0))
        self.clause_starts, self.segment_starts, self.sentence_starts = clause, segment, sentence
        self.clause, self.segment, self.sentence = _Index(clause), _Index(segment), _Index(sentence)
        self.depth = _Depth(brackets)
        self.years = [(m.start(), m.end(), _year(m), not self.base_year(m.start())) for m in YEAR.finditer(self.folded)]
        self.year_ends = [e for _, e, _, _ in self.years]
        self.place_index = places_of(text)
        self.mentions = self._mentions(candidates)

    def base_year(self, pos: int) -> bool:
        """Whether the year at ``pos`` is a base's (较一一四年度, 由2019年的): it belongs to that amount only."""
        return bool(BASE_YEAR.search(self.folded, self.clause_starts[self.clause[pos]], pos))

    def sentence_end(self, sentence: int) -> int:
        return self.sentence_starts[sentence + 1] if sentence + 1 < len(self.sentence_starts) else len(self.folded)

    def _soft_breaks(self) -> set[int]:
        """Line breaks inside a sentence (a gazetteer's hard-wrapped lines): the line before is long and ends
        without a stop, the next goes on without a heading or list marker."""
        soft, pos = set(), 0
        lines = self.folded.split("\n")
        for k, line in enumerate(lines[:-1]):
            pos += len(line)
            after = lines[k + 1]
            if (len(line.strip()) >= 20 and line.rstrip()[-1:] not in "。！？!?；;：:" and after.strip()
                    and not LIST_MARK.match(after)):
                soft.add(pos)
            pos += 1
        return soft

    def _mentions(self, candidates: pd.DataFrame) -> list[Mention]:
        out: list[Mention] = []
        for row in candidates.sort_values("start").to_dict("records"):
            start, end = int(row["start"]), int(row["end"])
            k = bisect_right(self.year_ends, start)  # the first year ending after the number starts
            if k < len(self.years) and self.years[k][0] < end:
                continue  # a year ("107年度"), not an amount
            if row["as_written"].startswith("百分") and self.folded[start - 1:start] == "个":
                continue  # 百分 of 个百分点, read as a number of its own
            if self.folded[start - 1:start] in "[【" and self.folded[end:end + 1] in "]】" and start:
                continue  # a note's marker ([1]), not a number of the text
            m = Mention(len(out), start, end, row["as_written"], _num(row["value"]), _num(row.get("low")),
                        _num(row.get("high")), row["unit"] if isinstance(row["unit"], str) else "")
            m.claim_end = end
            m.bound = _known(m.low) != _known(m.high)  # 突破400亿, 65%以上: one end only
            tail = POINTS.match(self.folded, end) if m.as_written.endswith(("个", "個")) else None
            if tail or "百分点" in fold(m.as_written):
                m.points, m.unit = True, "个百分点"
                m.claim_end = tail.end() if tail else end
            m.sentence, m.segment, m.clause, m.depth = (self.sentence[start], self.segment[start], self.clause[start],
                                                        self.depth[start])
            out.append(m)
        for k, m in enumerate(out):
            left = self.clause_starts[m.clause]
            if k and out[k - 1].clause == m.clause:
                left = max(left, out[k - 1].claim_end)
            m.before = self.folded[left:m.start]
            m.year = self.year_at(m.start)
            m.place = self.place_at(m.start)
            m.name = self._name(m, out[k - 1] if k else None)
            # a name of its own: the clause's, an item's of a 、-list, or the head a from-to shares; not the words
            # between two numbers of a clause ("…3个5万人口以下的乡镇核定34人": 乡镇核定 is no name of 34人)
            m.named = not (k and out[k - 1].clause == m.clause) or m.before.lstrip().startswith("、") or len(_core(m.before)) < 2
            found = DIRECTION.search(m.before)
            said_before = self.clause_text(m)[:m.start - self.clause_starts[m.clause]]
            if found:
                word = found.group("rise") or found.group("fall")
                # 增加为B, 下降为3.2%: B is what it came to, not the change (增幅为6.5% is a rate)
                to = found.group("tail") == "为" and not word.endswith("幅") and not found.group("rate")
                # 增/减/多/少 alone are change words only against a named base (较预算数X增N, 甲比乙多N), not in 新增
                if not to and (len(word) > 1 or AGAINST.search(said_before) or COMPARED_IN.search(said_before)):
                    m.direction = "rise" if found.group("rise") else "fall"
            compared = COMPARED.search(m.before) if m.points and not m.direction else None
            if compared and (len(compared.group("above") or compared.group("below")) > 1 or COMPARED_IN.search(said_before)):
                m.direction = "rise" if compared.group("above") else "fall"
                m.versus = LEVEL_WORDS.sub("", _core(compared.group("noun")))
        return out

    def clause_text(self, m: Mention) -> str:
        lo = self.clause_starts[m.clause]
        hi = self.clause_starts[m.clause + 1] if m.clause + 1 < len(self.clause_starts) else len(self.folded)
        return self.folded[lo:hi]

    def year_at(self, pos: int) -> str:
        """The year a place belongs to: the last year its ;-item names before it; else the last year the paragraph
        gives its subject before it (not a year after 较/比/与 or 由/从/自, which is a base's: "…较一一四年度增加…；
        歲出預算則較…" leaves the second item in the first item's 一一五年度); "" when none."""
        item_start = self.segment_starts[self.segment[pos]]
        paragraph_start = self.folded.rfind("\n", 0, pos) + 1
        for k in range(bisect_right(self.year_ends, pos) - 1, -1, -1):
            s, _, y, subject = self.years[k]
            if s < paragraph_start:
                break
            if s >= item_start or subject:
                return y
        return ""

    def same_year(self, a: str, b: str) -> bool:
        return not a or not b or a == b

    def place_at(self, pos: int) -> str:
        """The place a number at ``pos`` is stated of (named_amounts.PlaceIndex.at); "" when none."""
        return self.place_index.at(pos)

    def clause_place(self, m: Mention) -> str:
        """The place m's own clause names before it (甲县承接了41项: 甲县); "" when the clause names none (表示满意者
        330人 after 甲乡…,乙乡…: of both, or of either)."""
        k = self.place_index.last_before(m.start)
        places = self.place_index.places
        return places[k][2] if k >= 0 and places[k][0] >= self.clause_starts[m.clause] else ""

    def other_place(self, a: str, b: str) -> bool:
        return other_place(a, b)

    def _name(self, m: Mention, previous: Mention | None) -> str:
        """What an amount is of: the words before it in its clause (years, numbers and function words aside), or
        the clause's head when those are only such words ("自103年度A至107年度B": B is of the head)."""
        own = _core(m.before)
        if len(own) >= 2 or previous is None or previous.clause != m.clause:
            return own
        head = self.folded[self.clause_starts[m.clause]:m.start]
        cut = re.search(rf"{FROM.pattern}|\d", head)
        return _core(head[:cut.start()] if cut else head)


def _year_number(year: str) -> int | None:
    """A year as a number (2023, or an ROC year 113), None when unknown or a span."""
    return int(year) if year and year.isdigit() else None


def _num(x):
    return None if x is None or pd.isna(x) else float(x)


def _year(m: re.Match) -> str:
    if m.group(1):
        return m.group(1)
    if m.group(2):
        return m.group(2)
    return "".join(CN_DIGITS[c] for c in m.group(3))


def _core(words_: str) -> str:
    text = YEAR.sub("", words_)
    text = re.sub(r"[\d.,，%％]+", "", text)
    return NAME_STOP.sub("", text)
