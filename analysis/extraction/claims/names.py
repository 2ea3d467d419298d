"""Names: what an amount is named (its clause's words, the noun after it), how well two names agree
(:func:`name_score`, :func:`_same_name`), and the finder's lookups of an amount by noun or by the place it is of.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analysis.extraction.claim_forms import fold
from analysis.extraction.claims.mentions import Mention, PERSONS, _core, _rankable, same_unit
from analysis.extraction.claims.patterns import (
    AGAINST_END, FROM_YEAR, PERIOD_WORD, PLACE, PLACE_NAME, PRIOR_NAME, PRIOR_SAID, QO, STAGE, STOP, WHOLE_WORDS,
    YEAR,
)
from analysis.extraction.named_amounts import NamedAmounts

# 一、歲入:, (二)歲出： a line's heading: an ordinal, then a short name with no number, then a colon
HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）])?\s*(?P<name>[^\d\s,，、;；。:：()（）]{2,8})[:：]")


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} if len(s) > 1 else ({s} if s else set())


def name_score(wanted: str, name: str) -> float:
    """How much of the name ``wanted`` an amount's name repeats: the share of its character pairs found there.

    >>> name_score("下放权限", "本市下放管理权限"), name_score("岁入", "审定岁入决算数"), name_score("岁入", "岁出")
    (0.6666666666666666, 1.0, 0.0)
    """
    pairs = _bigrams(wanted)
    return len(pairs & _bigrams(name)) / len(pairs) if pairs else 0.0


def _same_name(a: str, b: str) -> bool:
    """Two names of one quantity: equal but for a place or a period word before one of them (全县, 本县, 屏县; 全年)."""
    a, b = _unplaced(a), _unplaced(b)
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and (short == long_ or long_.endswith(short) and bool(PLACE_NAME.match(long_[:-len(short)])))


def _unplaced(name: str) -> str:
    """A name without the place and the period words before it (全县全年一般公共预算收入 -> 一般公共预算收入)."""
    return PLACE.sub("", PERIOD_WORD.sub("", PLACE.sub("", name)))


def _same_but_stage(a: str, b: str) -> bool:
    """A name and the same name with the stage a 决算 states after it (岁入 / 岁入决算数)."""
    a, b = _unplaced(a), _unplaced(b)
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and long_ != short and long_.startswith(short) and bool(STAGE.fullmatch(long_[len(short):]))


def _kind(x: Mention) -> str:
    """What an amount counts, for binding by name: a rate, or its unit (persons in 人, 名 or 位 alike)."""
    return "%" if x.percent else "人" if fold(x.unit) in PERSONS else fold(x.unit)


def _core_keep_list(head: str) -> str:
    text = YEAR.sub("", head)
    text = re.sub(r"[\d.,，%％]+", "", text)
    return re.sub(r"[的之为是有达共计约仅只则自从由至到“”\"'\s]|实现|审定|全县|全镇|全市|全区", "", text)


class _Names:
    """The finder's lookups of an amount by its name, its noun or the place it is of."""

    def by_name(self, wanted: str, unit: str, year: str, before: int, exclude=(), threshold: float = 0.5, place: str = ""):
        """The amount of ``unit`` and ``year`` stated before ``before`` whose name repeats ``wanted`` best; on a tie
        the one named as a total (总, 合计), then the first stated. ``place``: none stated of another place of its
        level (石湖县…佔歲入: 石湖县's 歲入, not 苍崖县's stated first)."""
        wanted = PLACE.sub("", _core(WHOLE_WORDS.sub("", wanted)) or _core(wanted))
        pairs = _bigrams(wanted)
        if not pairs:
            return None
        best, best_key = None, None
        for x in self.m[:bisect_left(self.starts, before)]:
            named = x.pairs | _bigrams(self.heading(x))  # 一、歲入:…決算數191,356 is named 歲入決算數
            if not pairs & named or x in exclude or not x.amount or x.direction or self.r.other_place(x.place, place):
                continue
            if (not same_unit(x.unit, unit) and x.unit and unit) or not self.r.same_year(x.year, year):
                continue  # a number written without its unit (1.3亿) stands for any unit
            score = len(pairs & named) / len(pairs)
            if score < threshold:
                continue
            key = (score, not x.bound, bool(WHOLE_WORDS.search(x.before)), -x.start)
            if best_key is None or key > best_key:
                best, best_key = x, key
        return best

    def heading(self, m: Mention) -> str:
        """The words a line opens with before a colon, its ordinal aside, when they are a short name with no number
        and the colon comes before m (一、歲入:預算數…,決算數191,356 -> 岁入); else ""."""
        lo = self.f.rfind("\n", 0, m.start) + 1
        found = HEADING.match(self.f, lo, m.start)
        return _core(found.group("name")) if found else ""

    def item_head(self, m: Mention) -> str:
        """What m's ;-item says before m's clause, numbers and function words aside ("" when m's clause opens it)."""
        return _core(self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]])

    def after_noun(self, m: Mention) -> str:
        """The noun a count names after it ("4个一类乡镇", "401项管理权限中"), up to the clause's end."""
        # 、 opens the next item of a list: 人事费1,200万元、业务费600万元 names no 业务费 after 1,200万元
        tail = re.match(rf"[^{STOP}\d(（{QO}、]{{0,8}}", self.f[m.end:m.end + 8])
        return _core(tail.group()) if tail else ""

    @property
    def named(self) -> NamedAmounts:
        """The text's levels and rates by the place each is named with (甲镇 -> its one rate), built when a form first
        asks: a rate or amount stated of a year before (由前一年的x%, 上年为A) or as a base (较A) is none of them."""
        if self._named is None:
            self._named = NamedAmounts(self.text, [(x.i, x.start, self.r.segment_starts[x.segment], _kind(x), x.year)
                                                   for x in self.m if self._entity_value(x)])
        return self._named

    def _entity_value(self, x: Mention) -> bool:
        return _rankable(x) and not x.bound and not x.roles & {"base", "change"} \
            and not (AGAINST_END.search(x.before) or PRIOR_SAID.search(x.before) or FROM_YEAR.search(x.before))

    def named_pair(self, a: str, b: str, year: str, kind: str | None = None) -> tuple[Mention, Mention] | None:
        """The amounts of places ``a`` and ``b``: of ``kind``, else of the one kind each has exactly one amount of."""
        kinds = [kind] if kind else sorted({k for _, k, _, _ in self.named.by_name.get(a, ())})
        pairs = []
        for k in kinds:
            x, y = self.named.lookup(a, k, year), self.named.lookup(b, k, year)
            if x is not None and y is not None:
                pairs.append((self.m[x], self.m[y]))
        return pairs[0] if len(pairs) == 1 else None

    def only_named(self, noun: str, unit: str, exclude=()) -> Mention | None:
        """The one amount of ``unit`` the text states under all of ``noun`` (a place aside), no change, base or
        amount of the year before (上年…, 去年…); None when none or several fit."""
        noun = PLACE.sub("", noun)
        if len(noun) < 2:
            return None
        fits = [x for x in self.m if x not in exclude and x.level and x.unit == unit and noun in x.name + self.after_noun(x)
                and not PRIOR_NAME.search(PLACE.sub("", x.name)) and not AGAINST_END.search(x.before)]
        return fits[0] if len(fits) == 1 else None

    def clause_head(self, x: Mention) -> str:
        """The folded words of ``x``'s clause before it."""
        return self.f[self.r.clause_starts[x.clause]:x.start]
