"""Multiples: X是Y的N倍 (by subject, by place, former/latter, by name).
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _rankable
from analysis.extraction.claims.names import _unplaced, name_score
from analysis.extraction.claims.patterns import (
    AVERAGE, COUNT_UNITS, DOUBLED, FORMER_LATTER, PLACE_NAME, RATE_WORD, STOP, YEAR, _group,
)


# 的N倍, 之N倍 (Taiwan usage, 為稅課收入之1.8倍), 的约N倍: what stands between the base's words and the multiple
OF = r"[的之]\s*(?:约|大约)?\s*"
# X是/为/约为/更为/相当于A的N倍: the verb between X and A (约 and 更 are no part of X's name)
SAID = r"(?:约|大约|更|也|则|亦)?(?:是|为|相当于)"


def _no_year(words_: str) -> str:
    return YEAR.sub("", words_)


START_NAMED = _group("multiple", "start_named")


def _no_roc_year(words_: str) -> str:
    """_no_year, and ROC years of three digits too (由107年之A增至112年之B: 107年 names a year, no amount)."""
    return re.sub(r"\d{2,3}\s*年度?", "", _no_year(words_))


class _Multiples(_Base):
    """The finders of the multiple form."""

    def multiples(self):
        """X是A的N倍: X over A."""
        for m in self.m:
            if m.unit != "倍" or "claim" in m.roles or DOUBLED.match(self.f, m.start):
                continue  # 倍增, 翻番 after a from-to: see from_to
            of = self.m[m.i - 1] if m.i and self.m[m.i - 1].sentence == m.sentence else None
            if of is not None and FORMER_LATTER.match(self.f[of.end:m.start].lstrip("，,")):
                pair = self.former_latter(of)  # 甲镇4.5万元,乙镇1.5万元,前者是后者的3倍
                if pair is not None:
                    self.propose("multiple", m, "ratio", pair, ("later", "base"))
                    continue
            pair = self.multiple_of_change(m)
            if pair is not None:  # 由A增至B,为原来的N倍: B over A
                self.propose("multiple", m, "ratio", pair, ("later", "base"))
                continue
            stated = of is not None and (of.amount or of.percent) and re.fullmatch(rf"\s*{OF}", self.f[of.end:m.start]) \
                and re.search(r"(?:是|为|相当于)[^，,。；;\d]{0,8}$", _no_year(of.before))
            if of is not None and not stated and (of.amount or of.percent):
                stated = self.bracketed_base(of, m)
            x = (self.percent_subject(of) if of.percent else self.subject(of, of.unit)) if stated else None
            if x is None and of is not None and of.clause == m.clause and of.amount:
                self.unverifiable("multiple", m)  # 是A的N倍 with A stated but no subject: not a noun's amount
                continue
            pair = (x, of) if x is not None else \
                self.multiple_by_name(m) or self.multiple_of_subject(m) or self.multiple_by_entity(m)
            if pair is None:
                self.unverifiable("multiple", m)
            else:
                self.propose("multiple", m, "ratio", pair, ("later", "base"))

    def multiple_of_change(self, m: Mention) -> tuple[Mention, Mention] | None:
        """由6人充实到18人,为原来的3倍; 由107年之1,850人增至112年之4,120人,為107年的2.2倍: a clause of 是/为 and words
        with no number before 的N倍, right after the clause a from-to ends in: its later over its base."""
        head = _no_roc_year(self.f[self.r.clause_starts[m.clause]:m.start])
        # 为乙镇的N倍 after a from-to names another base: only the start's words (原来, 改革前) or a year
        if not m.i or not re.fullmatch(rf"\s*(?:{SAID})(?:{START_NAMED})?{OF}", head):
            return None
        later = self.m[m.i - 1]
        base = self.m[later.i - 1] if later.i else None
        if base is None or later.sentence != m.sentence or base.clause != later.clause or later.clause != m.clause - 1 \
                or base.unit != later.unit or not (_rankable(base) or "base" in base.roles) or not _rankable(later):
            return None
        ends = "base" in base.roles and "later" in later.roles or (
            re.search(rf"(?:由|从)[^{STOP}\d]*$", _no_roc_year(base.before))
            and re.fullmatch(rf"[^{STOP}\d]{{0,6}}(?:到|至|为|成)[^{STOP}\d]{{0,6}}", _no_roc_year(self.f[base.end:later.start])))
        return (later, base) if ends else None

    def bracketed_base(self, of: Mention, m: Mention) -> bool:
        """约为乙镇(16.1%)的三倍, 為全縣平均值(約285人)的1.44倍: the base stated in brackets right before 的, its clause
        opening with 是/为 (the words before the bracket may hold numbers of their own: 全县13个乡镇平均值)."""
        if not re.fullmatch(rf"\s*[)）]\s*{OF}", self.f[of.end:m.start]) or of.clause != m.clause:
            return False
        head = _no_year(self.f[self.r.clause_starts[m.clause]:of.start])
        return bool(re.match(rf"\s*(?:{SAID})[^{STOP}]*[(（]\s*$", head))

    def multiple_of_subject(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲镇出缺率15%,较乙镇的5%高出10个百分点,是乙镇的3倍: a clause that names no subject speaks of the ;-item's
        first amount (or rate); the base is the one amount of its unit before m whose name holds the noun before 的."""
        head = _no_year(self.f[self.r.clause_starts[m.clause]:m.start])
        said = re.fullmatch(rf"\s*(?:约|约为|大约)?(?:是|为|相当于)(?P<y>[^{STOP}\d]{{2,8}}?){OF}", head)
        items = [x for x in self.in_sentence(m) if x.segment == m.segment and x.i < m.i]
        if said is None or not items or not _rankable(items[0]) and "base" not in items[0].roles:
            return None
        later, y_noun = items[0], _core(said.group("y"))
        bases = [x for x in items[1:] if x.unit == later.unit and x.clause < m.clause
                 and y_noun in x.name + self.f[self.r.clause_starts[x.clause]:x.start]]
        if not bases:  # 稅課收入62,320；補助收入112,650,為稅課收入之1.8倍: A named in an earlier ;-item of the sentence
            bases = [x for x in self.in_sentence(m) if x.segment < later.segment and x.unit == later.unit
                     and _rankable(x) and y_noun in x.name]
        if y_noun in later.name or len(bases) != 1:
            return None
        return later, bases[0]

    def multiple_by_entity(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲鎮的比率是乙鄉的四倍多: A and B the two places the clause names, B right before 的 and the multiple, 是/为/达
        between them; each place's one amount of a kind (a rate when the words between say 率/比例/比重) and of m's
        year, stated anywhere in the text."""
        lo = self.r.clause_starts[m.clause]
        names = self.named.names_between(lo, m.start)
        if len(names) != 2 or names[0][2] == names[1][2] or not re.fullmatch(OF, self.f[names[1][1]:m.start]):
            return None
        words_between = self.f[names[0][1]:names[1][0]]
        if not re.search(r"(?:是|为|达|相当于)[^是为达]{0,2}$", words_between):
            return None
        return self.named_pair(names[0][2], names[1][2], m.year, "%" if RATE_WORD.search(words_between) else None)

    def former_latter(self, latter: Mention) -> tuple[Mention, Mention] | None:
        """前者是后者的N倍: the two amounts (or rates) of one unit stated last before the words, in their order."""
        former = next((x for x in self.back(latter.i) if x.sentence == latter.sentence and x.unit == latter.unit), None)
        if former is None or not _rankable(former) or not _rankable(latter):
            return None
        return former, latter

    def multiple_by_name(self, m: Mention) -> tuple[Mention, Mention] | None:
        """城镇居民人均可支配收入是农村居民的2.20倍: X (the amount the whole name before 是 names, stated earlier) over
        the amount whose name holds the noun between 是 and 的 and repeats most of X's name; each the only one."""
        head = _no_year(self.f[self.r.clause_starts[m.clause]:m.start])
        said = re.fullmatch(rf"\s*(?P<x>[^{STOP}\d]{{2,24}}?)(?:{SAID})(?P<y>[^{STOP}\d]{{1,12}}?){OF}", head)
        if said is None:
            return None
        x_name, y_noun = _core(said.group("x")), _core(said.group("y"))
        if len(x_name) < 2 or not y_noun or y_noun in x_name:
            return None
        later = self.by_name(x_name, "", m.year, m.start, exclude=(m,), threshold=1.0)
        counted = re.sub(r"(?:人数|数)$", "", x_name)  # 死亡人數是出生的4倍多: 死亡168人 names the count
        if later is None and counted != x_name and len(counted) >= 2:
            later = self.by_name(counted, "", m.year, m.start, exclude=(m,), threshold=1.0)
        if later is None:
            return None
        scored = [(name_score(x_name, z.name), z) for z in self.m[:m.i]
                  if z is not later and z.level and z.unit == later.unit and y_noun in z.name
                  and self.r.same_year(z.year, later.year)]
        best = max((score for score, _ in scored), default=0.0)
        bases = [z for score, z in scored if score == best]
        parallel = [z for _, z in scored if _unplaced(z.name).replace(y_noun, x_name) == _unplaced(later.name)]
        if best < 1.0 and len(parallel) == 1:
            return later, parallel[0]  # 城镇居民人均收入 / 农村居民人均收入: the names differ only by 城镇/农村
        if best < 0.5 and len(scored) == 1 and len(y_noun) >= 2 and PLACE_NAME.match(y_noun):
            return later, scored[0][1]  # 甲镇人口3.2万人,…丙镇1.6万人,甲镇人口是丙镇的2倍: the one amount 丙镇 names
        if best < 0.5 and len(scored) == 1 and len(y_noun) >= 2 and fold(later.unit) in COUNT_UNITS \
                and not AVERAGE.search(scored[0][1].before) and self.count_of_noun(scored[0][1], y_noun) \
                and all(z.value == later.value for z in self.m[:m.i]  # two counts of X (公立诊所, 民办诊所): which?
                        if z.level and z.unit == later.unit and self.count_of_noun(z, x_name)):
            return later, scored[0][1]  # 活动中心162处、图书室58处,活动中心是图书室的2.8倍: the one count of 图书室
        if best >= 0.5 and len(bases) == 1:
            return later, bases[0]
        # 政府補助3,110萬元；自籌款（會費、捐款）1,555萬元…政府補助約為自籌款之二倍: the one amount whose name (its
        # bracketed gloss aside) ends with A's noun
        ends = [z for _, z in scored if len(y_noun) >= 2 and re.sub(r"[（(][^）)]*[）)]", "", z.name).endswith(y_noun)]
        # X too must name one amount (民办诊所, 公立诊所: 诊所 names two)
        xs = [z for z in self.m[:m.i] if z.level and z.unit == later.unit and counted in _unplaced(z.name)]
        return (later, ends[0]) if len(ends) == 1 and len(xs) == 1 else None

    def count_of_noun(self, x: Mention, noun: str) -> bool:
        """The count x is of the noun: its name ends with it (社区图书室58处) or the noun follows it (58处图书室)."""
        return _unplaced(x.name).endswith(noun) or self.after_noun(x).startswith(noun)
