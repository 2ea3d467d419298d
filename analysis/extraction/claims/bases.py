"""Where a change's base and later amounts are (较/比/与 a named base, the year before, the item's subject):
the lookups the change and named-rate finders share.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _year, _year_number
from analysis.extraction.claims.names import _bigrams, name_score
from analysis.extraction.claims.patterns import (
    AGAINST_END, AGAINST_START, BASE_MARK, DIRECTION, FALL, NAMED_AGAINST, NAMED_PRIOR, PLACE, PREVIOUS_YEAR,
    PRIOR_CLAUSE, PRIOR_NAME, RISE, STAGE, TIME_NOUN, VERSUS, VERSUS_END, YEAR, YEAR_CLAUSE,
)


# a clause naming the whole the amounts after it are parts of (歲入之中, 在支出中, 其中)
PART_OF = re.compile(r"(?:之中|当中|中|其中)[,，:：]")


class _Bases(_Base):
    """The lookups of a change's base and later amount (mixed into the finder)."""

    def base_and_later(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """The base and the later amount (of ``unit``; "%" a percentage) of the change ``m`` states: the amount
        right after 较/比 (or between 与 and 相比), else a clause of the item that gives the base (上年为A, 2022年为A),
        else the amount the words after 较/比 name (较预算数), else the year before's of the same name (同比)."""
        if self.yearly(m):
            return None
        if m.i in self.points_pairs:
            return self.points_pairs[m.i]
        base = self.against_base(m)
        if base is not None and (base.unit == unit or unit == "%" and base.percent):
            later = self.later_of(m, base) if unit != "%" else (
                self.percent_subject(m, exclude=(base,)) or self.rate_named_elsewhere(m, base))
            if later is not None:
                return base, later
            return None
        if m.versus:  # 高于全省N个百分点: the rate of what it is compared with, or none
            return self.compared_base(m)
        return (self.base_in_item(m, unit) or self.named_base(m, unit) or self.previous_year_base(m, unit)
                or self.named_prior_base(m, unit) or self.prior_named_base(m, unit) or self.carried_subject_base(m, unit))

    def compared_base(self, m: Mention) -> tuple[Mention, Mention] | None:
        """高于全省2.1个百分点 (全省为56.1%, 全市平均为62.2%): the base is the percentage of m's ;-item whose clause
        names what m is compared with; the later the item's own rate."""
        base = next((x for x in self.segment_mentions(m) if x is not m and self._of_unit(x, "%")
                     and m.versus in _core(self.f[self.r.clause_starts[x.clause]:x.start])), None) \
            if len(m.versus) >= 2 else None
        later = self.percent_subject(m, exclude=(base,)) if base is not None else None
        return (base, later) if later is not None else None

    def later_of(self, m: Mention, base: Mention) -> Mention | None:
        return (self.subject(m, base.unit, exclude=(base,)) or self.later_by_name(m, base)
                or self.later_by_subject(m, base) or self.later_of_prior_noun(m, base))

    def later_of_prior_noun(self, m: Mention, base: Mention) -> Mention | None:
        """決算數191,356,執行率102.64%;較上年度決算數178,905增加12,451: the base's words name the year before and a
        noun (上年度決算數); the later is the one amount of m's sentence before the base that the same noun names
        with no prior word (決算數191,356). None when none or several."""
        said = BASE_MARK.search(base.before)
        prior = PRIOR_NAME.match(PLACE.sub("", said.group("noun"))) if said else None
        if prior is None:
            return None
        noun = _core(PLACE.sub("", said.group("noun"))[prior.end():])
        if len(noun) < 2:
            return None
        fits = [x for x in self.in_sentence(m) if x.i < base.i and x not in (m, base) and self._of_unit(x, base.unit)
                and x.name.endswith(noun) and not PRIOR_NAME.match(PLACE.sub("", x.name))
                and not AGAINST_END.search(x.before) and not BASE_MARK.search(x.before)]
        return fits[0] if len(fits) == 1 else None

    def rate_named_elsewhere(self, m: Mention, base: Mention) -> Mention | None:
        """第二产业增加值占比比上年的46.1%下降1.6% (…占比分别为14.0%、44.5%和41.5% in another sentence): the later rate is
        the one percentage of the text, no change or base, whose name holds all of the words m's clause says before
        比/较. None when none or several."""
        head = self.f[self.r.clause_starts[base.clause]:base.start]
        cut = AGAINST_START.search(head)
        noun = PLACE.sub("", _core(head[:cut.start()])) if cut else ""
        if len(noun) < 4:  # 占比, 比重 alone name no one rate
            return None
        fits = [x for x in self.m if x not in (m, base) and self._of_unit(x, "%") and not x.bound
                and x.pairs >= _bigrams(noun)]
        return fits[0] if len(fits) == 1 else None

    def carried_subject(self, m: Mention, unit: str) -> Mention | None:
        """本年度歲入決算數A,較預算數B增加N;較上年度增加P%: a ;-item that opens with 较/比 and a period word and states
        no amount before m is about the subject of the sentence's ;-item before it (its first amount of ``unit``)."""
        lo = self.r.segment_starts[m.segment]
        if m.segment == 0 or self.preceding(m) or lo <= self.r.sentence_starts[m.sentence]:
            return None
        head = self.f[lo:m.start]
        cut = AGAINST_START.search(head)
        if cut is None or _core(head[:cut.start()]) or not PREVIOUS_YEAR.search(head):
            return None
        before = [x for x in self.in_sentence(m) if x.segment == m.segment - 1]
        first = before[0] if before else None
        if first is None or first.depth > m.depth or not self._of_unit(first, unit) or unit == "%" and not first.amount:
            return None
        return first if first.amount else None

    def carried_subject_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """The base of a change whose later is the carried subject (:meth:`carried_subject`): the one amount of the
        subject's name and the year before (上年度歲入決算數為A, 111年度…, before or after)."""
        later = self.carried_subject(m, unit)
        if later is None:
            return None
        base = self.prior_named_of(later, unit) or self.previous_year_of(later, unit)
        return (base, later) if base is not None else None

    def later_by_subject(self, m: Mention, base: Mention) -> Mention | None:
        """現有員額較去年的A減少N: the later amount is the one the text states under the noun before 较/比 in the
        base's clause (現有員額僅B, another sentence), when exactly one fits."""
        head = self.f[self.r.clause_starts[base.clause]:base.start]
        cut = AGAINST_START.search(head)
        if cut is None:
            return None
        return self.only_named(_core(head[:cut.start()]), base.unit, exclude=(base, m))

    def named_prior_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """约聘人员去年为A,今年再增加N: the base is A, a clause of m's ;-item naming its subject before a prior word;
        the later the one amount stated elsewhere under that subject's name."""
        for x in self.preceding(m):
            if not self._of_unit(x, unit) or unit == "%":
                continue
            said = NAMED_PRIOR.match(self.f, self.r.clause_starts[x.clause], x.end)
            if said is None or said.end() != x.start:
                continue
            later = self.only_named(_core(said.group("noun")), x.unit, exclude=(x, m))
            return (x, later) if later is not None else None
        return None

    def prior_named_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """全年实际完成A,比上年增长P% … 上年全镇一般公共预算收入决算数为B: the base is the one amount named with a prior
        word whose noun (a place and a stage aside) m's sentence names before the later amount A, the item's subject."""
        lo = self.r.segment_starts[m.segment]
        if unit == "%" or not PREVIOUS_YEAR.search(self.f, lo, m.start):
            return None
        later = next((x for x in self.preceding(m) if self._of_unit(x, unit) and x.depth <= m.depth), None)
        if later is None:
            return None
        base = self.prior_named_of(later, unit)
        return (base, later) if base is not None else None

    def prior_named_of(self, later: Mention, unit: str) -> Mention | None:
        """The one amount named with a prior word whose noun (a place and a stage aside) the later's ;-item names
        before it (not in a clause naming a whole, 歲入之中); None when none or several."""
        # the later's ;-item names it: 歲入A;歲出B,較上年度增加P% is of 歲出, not 歲入
        said = self.f[self.r.segment_starts[later.segment]:later.start]
        said = PART_OF.split(said)[-1]  # 歲入之中,稅課收入A: A is a part of 歲入, not 歲入
        fits = []
        for x in self.m:
            name = PLACE.sub("", x.name)
            prior = PRIOR_NAME.match(name)
            if x is later or prior is None or x.unit != later.unit or not self._of_unit(x, unit):
                continue
            noun = STAGE.sub("", PLACE.sub("", re.sub(r"[()（）]", "", name[prior.end():])))  # 上年度(111年度)…
            if len(noun) >= 2 and noun in _core(said):
                fits.append(x)
        return fits[0] if len(fits) == 1 else None

    @staticmethod
    def _of_unit(x: Mention, unit: str) -> bool:
        """A level of ``unit``: "%" a percentage that is no change, "" an amount of any unit."""
        if unit == "%":
            return x.percent and not x.direction and "base" not in x.roles
        return x.level and (not unit or x.unit == unit)

    def base_in_item(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """上年为A, 2022年为A, 一一二年度為A: a clause of m's ;-item that opens with a prior word or a year gives the
        base; the later is the item's other amount of its unit (of a later year when both name one)."""
        # the base may close the item (增长12%,达到5.6亿元,上年为5亿元): its amounts before m, nearest first, then after
        after = [x for x in self.segment_mentions(m) if x.i > m.i]
        stated = [x for x in self.preceding(m) + after if x.depth <= m.depth and self._of_unit(x, unit)]
        for x in stated:
            head = self.f[self.r.clause_starts[x.clause]:x.start]
            prior, dated = PRIOR_CLAUSE.match(head), YEAR_CLAUSE.match(head)
            if not (prior or dated):
                continue
            others = [y for y in stated if y is not x and y.unit == x.unit and y.percent == x.percent
                      and y.clause != x.clause]
            if len(others) != 1:
                return None  # the later amount is not one
            later = others[0]
            if prior and not dated:
                return x, later
            years = _year_number(x.year), _year_number(later.year)
            if None in years or years[0] == years[1]:
                return None
            return (x, later) if years[0] < years[1] else (later, x)
        return None

    def named_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """较预算数减少4%, 比预算少200万元: the amount the noun after 较/比 names, in m's sentence; the later amount is
        the item's subject."""
        said = NAMED_AGAINST.search(self.f, self.r.clause_starts[m.clause], m.start)
        if said is None or TIME_NOUN.match(said.group("noun")) or YEAR.search(said.group("noun")):
            return None
        noun = said.group("noun")
        base = next((x for x in reversed(self.in_sentence(m)) if x.i < m.i and self._of_unit(x, unit)
                     and (_core(noun) or noun) in x.name), None)  # names lose their function words (计)
        if base is None:
            return None
        # 甲镇比乙镇多N: the later is the amount the words before 比 name, else the item's subject
        head = _core(self.f[self.r.clause_starts[m.clause]:said.start()])
        named = self.by_name(head, base.unit, m.year, m.start, exclude=(base, m)) if len(head) >= 2 and unit != "%" else None
        later = named or (self.subject(m, base.unit, exclude=(base,)) if unit != "%" else
                          self.percent_subject(m, exclude=(base,)))
        return (base, later) if later is not None else None

    def previous_year_base(self, m: Mention, unit: str) -> tuple[Mention, Mention] | None:
        """同比增长16% (比上年, 较上年度) of an amount whose year is known: the base is the amount of the same name and
        the year before, stated earlier in the text."""
        lo = self.r.segment_starts[m.segment]
        if not PREVIOUS_YEAR.search(self.f, lo, m.start):
            return None
        later = next((x for x in self.preceding(m) if self._of_unit(x, unit) and x.depth <= m.depth), None)
        best = self.previous_year_of(later, unit) if later is not None else None
        return (best, later) if best is not None else None

    def previous_year_of(self, later: Mention, unit: str) -> Mention | None:
        """The amount of the later's name and the year before, stated earlier in the text."""
        year = _year_number(later.year)
        if year is None:
            return None
        wanted = PLACE.sub("", later.name)
        best, best_score = None, 0.0
        for x in self.m[:later.i]:
            if _year_number(x.year) != year - 1 or x.unit != later.unit or not self._of_unit(x, unit):
                continue
            score = min(name_score(wanted, PLACE.sub("", x.name)), name_score(PLACE.sub("", x.name), wanted))
            if score >= 0.6 and score >= best_score:
                best, best_score = x, score
        return best

    def against_base(self, m: Mention) -> Mention | None:
        """The amount right after 较/比/与 (较上年度之A, 比上年的A, 较预算数A), or between 与 and 相比 (与上年的A相比),
        in m's clause or the clause before."""
        for x in self.preceding(m)[:3]:
            if x.clause < m.clause - 1:
                break
            if x.unit != (m.unit if not m.percent and not m.points else x.unit):
                continue
            if AGAINST_END.search(x.before) or (VERSUS.search(x.before) and VERSUS_END.match(self.f, x.claim_end)) \
                    or self.named_mark(x, m):
                x.roles.add("base")
                return x
        return None

    def named_mark(self, x: Mention, m: Mention) -> bool:
        """较上年度决算数A, 比乙镇的A, 比全省平均水平a%: A right after 较/比 and a noun that names no change (not 同比增收N,
        较上年增加N); a rate's base is an amount, a points change's a percentage."""
        said = BASE_MARK.search(x.before)
        if said is None or re.search(rf"{RISE}|{FALL}", said.group("noun")):
            return False
        return x.percent if m.points else x.amount

    def later_by_name(self, m: Mention, base: Mention | None) -> Mention | None:
        """The amount of the name and year the change's item is about, stated elsewhere ("一一五年度歲入預算較
        一一四年度增加…" -> the 一一五年度 amount named 歲入預算)."""
        lo = self.r.segment_starts[m.segment]
        head = self.f[lo:m.start]
        cut = AGAINST_START.search(head) or DIRECTION.search(head) or re.search(rf"(?:{RISE}|{FALL})", head)
        head = head[:cut.start()] if cut else head
        wanted = _core(head)
        if len(wanted) < 2:
            return None
        unit = base.unit if base is not None else m.unit
        return self.by_name(wanted, unit, self.r.year_at(lo + len(head)), m.start, exclude=(m, base) if base else (m,))

    def later_after_base(self, base: Mention) -> Mention | None:
        """與111年度歲入A相較,成長Y% in an item of its own: the later amount is the one stated earlier under the base's
        name (a place aside) and of a later year than the year written before the base; the nearest when several."""
        written = YEAR.search(base.before)
        base_year = _year_number(_year(written)) if written else None
        wanted = PLACE.sub("", base.name)
        if base_year is None or len(wanted) < 2:
            return None
        best, best_key = None, None
        for x in self.m[:base.i]:
            year = _year_number(x.year)
            if year is None or year <= base_year or x.unit != base.unit or not x.level:
                continue
            name = PLACE.sub("", x.name)  # all of the base's name (歲入 in 歲入決算數), then the closest, the nearest
            key = (name_score(wanted, name), name_score(name, wanted), x.start)
            if key[0] == 1.0 and (best_key is None or key > best_key):
                best, best_key = x, key
        return best

    def share_by_noun(self, m: Mention) -> tuple[Mention, Mention] | None:
        """2022年税收占比为76.9%,一年间税收占比提高1.7个百分点 (税收收入A、非税收入B,分别占78.58%和21.41%): the clause names
        a share by its part's noun before a share word (X占比, X比重); the base is the one percentage of an earlier
        year in m's sentence before m whose clause names X with the same share word, the later the one share of the
        text proposed with a part named X, not of the base's year or before. None unless exactly one of each."""
        lo = self.r.clause_starts[m.clause]
        head = self.f[lo:m.start]
        said = [(head.rfind(w), w) for w in words("points", "share_noun") if w in head]
        if not said:
            return None
        at, word = max(said)
        bases = []
        for x in self.in_sentence(m):
            if x.i >= m.i or not self._of_unit(x, "%") or x.bound or not _year_number(x.year):
                continue
            words_ = self.f[self.r.clause_starts[x.clause]:x.start]
            k = words_.find(word)
            # the noun both name: the longest end of the claim's words before the share word the base's also hold
            noun = next((head[j:at] for j in range(max(0, at - 8), at - 1)
                         if k >= 2 and words_[:k].endswith(head[j:at])), "")
            if len(_core(noun)) >= 2:
                bases.append((x, _core(noun)))
        if len(bases) != 1:
            return None
        base, noun = bases[0]
        later = self.share_of_part(noun, base)
        return (base, later) if later is not None else None

    def share_of_part(self, noun: str, base: Mention, dated: bool = True) -> Mention | None:
        """The one share of the text proposed (before m: the share finders run first) with a part whose name opens with ``noun`` (税收收入 for 税收; 非税收入 is
        no 税收), not the base and (``dated``) of no year at or before the base's; None when none or several."""
        if len(noun) < 2:
            return None
        year = _year_number(base.year) if dated else None
        at = {x.start: x for x in self.m}
        shares = [(at.get(row["claim_start"]), at.get(row["input_spans"][0][0])) for row in self.rows
                  if row["form"] == "share" and row["rule"] == "share" and row["input_spans"]]
        laters = [x for x, part in shares if x is not None and part is not None and x is not base
                  and _core(PLACE.sub("", part.name)).startswith(noun)
                  and not (year and _year_number(x.year) and _year_number(x.year) <= year)]
        return laters[0] if len(laters) == 1 else None

    def share_against(self, m: Mention) -> tuple[Mention, Mention] | None:
        """税收占比较上年的a%提高N个百分点 with no later in the sentence: the base after 较/比, the later the one share
        whose part the words before the share word name (run after the share finders, which propose the shares)."""
        base = self.against_base(m)
        if base is None or not base.percent:
            return None
        # the words say which is earlier (较上年的a%): the year the clause opens with is the later's, not the base's
        later = self.share_of_part(self.share_noun_against(base), base, dated=False)
        return (base, later) if later is not None else None

    def share_noun_against(self, base: Mention) -> str:
        """税收占比较上年的a%提高N个百分点: the noun before the share word the base's clause says before 较/比 (税收)."""
        head = self.f[self.r.clause_starts[base.clause]:base.start]
        if not AGAINST_START.search(head):
            return ""
        said = [head.find(w) for w in words("points", "share_noun") if w in head]  # 占比 holds a 比: the first
        return _core(PLACE.sub("", head[:min(said)])) if said else ""
