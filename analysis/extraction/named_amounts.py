"""Amounts by the place (entity) a text names them with, across its sentences: 甲镇 -> its rate, 乙乡 -> its rate.

A claim that compares named entities (甲镇的比率是乙乡的三倍, 甲镇与乙镇相差N个百分点, 甲镇由前一年的x%上升N%) states
their values elsewhere; the input is the one amount of the claim's kind (a rate, or an amount in one unit) and year
the text gives that entity, never the nearest number. The entity of an amount is the last place named in its ;-item
before it (甲镇以38.6%居首,乙镇31.2%居次: 38.6% is 甲镇's, 31.2% 乙镇's), found by places.find_mentions (names
ending in 县/镇/乡/村/街道 ..., and whole-place words, 全省, 全县).

Plain tuples in, keys out, so that any form can use it:

>>> text = "甲镇以38.6%居首,乙乡31.2%居次。乙鄉歲入1億元。甲镇的比率是乙乡的1.2倍。"
>>> index = NamedAmounts(text, [("a", 3, 0, "%", ""), ("b", 13, 0, "%", ""), ("c", 25, 21, "亿元", "")])
>>> index.lookup("甲镇", "%"), index.lookup("乙乡", "%"), index.lookup("乙鄉", "亿元"), index.lookup("丙镇", "%")
('a', 'b', 'c', None)
>>> [name for _, _, name in index.names_between(29, 45)]
['甲镇', '乙乡']
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import lru_cache

from analysis.extraction.not_data import fold
from analysis.extraction.places import Gazetteer, Given, find_mentions


LEAD_WORDS = "较比与和及同跟"  # folded: 較, 與 read as 较, 与
STAND_IN = re.compile(r"(?<![甲乙丙丁戊己庚辛])[甲乙丙丁戊己庚辛](?:[镇鎮乡鄉村县縣市区區](?![镇鎮乡鄉])|街道|社区|社區)")


def place_names(text: str) -> list[tuple[int, int, str]]:
    """Each place ``text`` names, in order: (start, end, the name folded to simplified characters).

    >>> place_names("嵐溪鎮以38.6%居首,鷺港鎮31.2%居次,高於全縣。")
    [(0, 3, '岚溪镇'), (12, 15, '鹭港镇'), (25, 27, '全县')]
    >>> place_names("嵐溪鎮38.6%,霞坪鄉9.3%。嵐溪鎮的比率更達霞坪鄉的四倍多。")[-1]
    (25, 28, '霞坪乡')
    >>> place_names("东山乡96.1%,西山乡93.5%。东山乡全区第一,较西山乡高出2.6个百分点。")[-1]
    (27, 30, '西山乡')
    >>> place_names("甲村、乙村和丙村分别为3%、4%、5%")
    [(0, 2, '甲村'), (3, 5, '乙村'), (6, 8, '丙村')]
    """
    gazetteer = Gazetteer(None, Given(county="_"))  # no data: names are read by their endings only
    found = [(m.start, m.end, fold(m.written)) for m in find_mentions(text, gazetteer)]
    # 乙村和丙村 read as one name: a stand-in name inside another is a name of its own
    found = [n for n in found if not STAND_IN.search(n[2]) or STAND_IN.fullmatch(n[2])]
    taken = {i for s, e, _ in found for i in range(s, e)}
    # 甲镇, 乙鄉: the stand-in names of examples and anonymised texts, one character (find_mentions wants two)
    found += [(m.start(), m.end(), fold(m.group())) for m in STAND_IN.finditer(text) if m.start() not in taken]
    # a name read once is that name wherever it stands (更達霞坪鄉的: the scan back from 鄉 ran on into 更達)
    known = {n for _, _, n in found if len(n) >= 3}
    # 较西山乡: the scan back from 乡 ran on into the comparison word before a name read elsewhere
    found = [(s + 1, e, n[1:]) if n[0] in LEAD_WORDS and n[1:] in known else (s, e, n) for s, e, n in found]
    folded, taken = fold(text), {i for s, e, _ in found for i in range(s, e)}
    known = sorted({n for _, _, n in found if len(n) >= 3}, key=len, reverse=True)
    if known:
        for m in re.finditer("|".join(map(re.escape, known)), folded):
            if not taken & set(range(m.start(), m.end())):
                found.append((m.start(), m.end(), m.group()))
                taken |= set(range(m.start(), m.end()))
    return sorted(found)


# 较甲镇, 与乙乡, 不及苍崖县的: a place named as the other side of a comparison
COMPARED_PLACE = re.compile(r"(?:[较比与同跟于]|不及|不到|不足|不满|未及|低于|高于|超过|相当)$")
WHOLE_PLACE_WORD = re.compile(r"^(?:全|本|该|我)[县市区乡镇村省]$")
# 三县, 两个乡镇, 各乡镇 (and 度三县, misread from 108年度三縣): several places counted or taken together
COLLECTIVE_PLACE = re.compile(r"(?:[一二两三四五六七八九十\d]+个?|各|诸|多)(?:县|市|区|乡|镇|村|乡镇|县市|乡镇市|街道)$")


def subject_places(text: str) -> list[tuple[int, int, str]]:
    """The places a text states numbers of, in order: names it gives twice or more (a name read once is as often a
    misreading, 数仰赖县, as a place), not one a comparison word leads (较甲镇, 不及乙县的), which is the other side
    of a comparison; a whole-place word (全县, 本县, 该县) stands for the last place of its level named before it;
    several places together (三县, 各乡镇) for none ("").

    >>> [n for _, _, n in subject_places("东坪县人口42万;西坪县人口17.6万,不及东坪县的一半。西坪县全县…108年度三縣合計")]
    ['东坪县', '西坪县', '西坪县', '西坪县', '']
    """
    found, folded = place_names(text), fold(text)
    counts = {n: sum(1 for _, _, x in found if x == n) for _, _, n in found}
    out: list[tuple[int, int, str]] = []
    for s, e, name in found:
        if COMPARED_PLACE.search(folded, max(0, s - 3), s):
            continue
        if COLLECTIVE_PLACE.search(name):
            name = ""  # 三县合计, 各乡镇: what follows is of several places, none of them in particular
        elif WHOLE_PLACE_WORD.match(name):
            name = next((n for _, _, n in reversed(out) if n and n[-1] == name[-1]), "")
        elif counts[name] < 2 and not STAND_IN.fullmatch(name):
            continue
        out.append((s, e, name))
    return out


class PlaceIndex:
    """A text's subject places with the lookup by position, built once per text (``places_of``): the claim finder
    reads it for every number, the other-whole check for every share proposed."""

    def __init__(self, text: str):
        self.places = subject_places(text)
        self.ends = [e for _, e, _ in self.places]
        self.folded = fold(text)

    def last_before(self, pos: int) -> int:
        """The index of the last place ending at or before ``pos`` (-1: none)."""
        return bisect_right(self.ends, pos) - 1

    def at(self, pos: int) -> str:
        """The place a number at ``pos`` is stated of: the last place its paragraph names before it; "" when none."""
        k = self.last_before(pos)
        if k < 0 or self.places[k][0] < self.folded.rfind("\n", 0, pos) + 1:
            return ""
        return self.places[k][2]


@lru_cache(maxsize=8)
def places_of(text: str) -> PlaceIndex:
    return PlaceIndex(text)


def other_place(a: str, b: str) -> bool:
    """Two places of one level that are not one (石湖县 and 苍崖县; 甲镇 and 乙镇): what one states is no part, whole
    or restatement of what the other states. A town and its county, or an unnamed place, may be.

    >>> other_place("石湖县", "苍崖县"), other_place("甲镇", "甲县"), other_place("苍崖", "苍崖县"), other_place("", "甲镇")
    (True, False, False, False)
    """
    return bool(a and b) and a != b and a[-1] == b[-1] and not (a in b or b in a)


def _same_year(a: str, b: str) -> bool:
    return not a or not b or a == b


class NamedAmounts:
    """A text's amounts by the entity each is named with. ``amounts``: (key, start, scope_start, kind, year) per
    amount, the caller's choice of which (levels and rates a clause states, not changes or bases): ``kind`` is "%" or
    the unit, ``scope_start`` where the name may stand (its ;-item's start), ``year`` "" when none is stated."""

    def __init__(self, text: str, amounts, names: list[tuple[int, int, str]] | None = None):
        self.names = place_names(text) if names is None else names
        self.ends = [e for _, e, _ in self.names]
        self.by_name: dict[str, list[tuple[object, str, str, int]]] = defaultdict(list)
        self.entity: dict[object, str] = {}
        for key, start, scope, kind, year in amounts:
            k = bisect_left(self.ends, start + 1) - 1  # the last name ending at or before the amount
            if k >= 0 and self.names[k][0] >= scope:
                self.entity[key] = self.names[k][2]
                self.by_name[self.names[k][2]].append((key, kind, year, start))

    def lookup(self, name: str, kind: str, year: str = "", exclude=()):
        """The one amount of ``kind`` (and ``year`` where both are stated) the text names with ``name``; None when
        none or several fit."""
        found = [key for key, k, y, _ in self.by_name.get(fold(name), ()) if k == kind and _same_year(y, year)
                 and key not in exclude]
        return found[0] if len(found) == 1 else None

    def names_between(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The places named between ``lo`` and ``hi``, in order."""
        return [n for n in self.names if lo <= n[0] and n[1] <= hi]

    def entities_of(self, kind: str, before: int | None = None, year: str = "") -> dict[str, object]:
        """Each entity with exactly one amount of ``kind`` (and ``year``) stated before ``before``: name -> key."""
        out = {}
        for name, amounts in self.by_name.items():
            keys = [key for key, k, y, at in amounts if k == kind and _same_year(y, year) and (before is None or at < before)]
            if len(keys) == 1:
                out[name] = keys[0]
        return out
