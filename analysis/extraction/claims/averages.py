"""Averages: a mean over a count or a population (人均, 平均), and a mean over the places listed before it.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold, words
from analysis.extraction.claims.base import _Base, _agree
from analysis.extraction.claims.mentions import Mention, PERSONS, _core, same_unit
from analysis.extraction.claims.names import _kind
from analysis.extraction.claims.patterns import (
    ALL_OR_SUM, AVERAGE, AVERAGE_CAP, AVERAGE_REFERENCE, AVERAGE_YEARLY, COUNT_MEAN, COUNT_UNITS, STOP, _alternation,
    _group, _rx,
)

# 村均 -> (村,): the word of a mean per unit and the nouns (or units) of the count it divides by
PER_UNIT = {w.split("/")[0]: tuple(w.split("/")[1:]) for w in words("average", "per_unit")}
PER_UNIT_WORD = _rx(rf"(?<![{''.join(words('average', 'each_before'))}])(?:{_alternation(tuple(PER_UNIT))})"
                    rf"(?![{''.join(words('average', 'each_after'))}])")
# 平均每所出缺N: 每, the unit (所), the noun of the total (出缺)
PER_NOUN = _rx(rf"^\s*每(?:个|個|一个|一個)?(?:{_group('average', 'per_nouns')})(?P<noun>[^{STOP}\d、]{{2,8}}?)"
               rf"(?:约|約|近|达|達|为|為|共|有)?\s*$")
# 社会福利支出以全镇人口N人计,: the ;-item's opening noun, then 以/按 … 计
COMPUTED_ON = _rx(rf"^\s*(?P<noun>[^{STOP}\d、]{{2,12}}?)(?:{_group('average', 'computed_on')})(?:[^{STOP}]|(?<=\d),(?=\d)){{0,20}}?"
                  rf"(?:{_group('average', 'computed_end')})\s*[,，]\s*$")
# 平均每村N个, 每一公所: the noun after 每 (and a classifier), up to the number
EACH_NOUN = _rx(rf"每(?:一|个|個|一个|一個)?(?P<noun>[^{STOP}\d、]{{1,8}})$")
# 每处设施平均N, 平均每所每年N: 每, the classifier the count is stated in (the noun after it is optional)
PER_CLASSIFIER = _rx(rf"每(?P<cl>{_group('average', 'per_classifier')})")
# 以总投入计算,每处平均N: a clause opening 以/按 <noun> 计算 names the total of the sentence's means
TOTAL_OPENS = _rx(rf"(?:^|[{STOP}])\s*(?:{_group('average', 'total_opens')})(?P<noun>[^{STOP}\d]{{2,10}}?)"
                  rf"(?:{_group('average', 'computed_end')})\s*(?=[{STOP}])")
# 3个村民小组, 村级: 村 inside a longer noun is no count of 村
NOUN_GOES_ON = _group("average", "noun_goes_on")
# 平均每個鄉（鎮、市）N: a 、 inside brackets lists no values between the word and N
BRACKETED = _rx(r"[（(][^）)]{0,8}[）)]")
# 十年少了2,614人: an amount of change, no population
CHANGE_BY = _rx(rf"(?:{_group('average', 'change_by')})\s*$")
# 這三個公所合計N: a count after a demonstrative names some units already listed, not all of them
DEMONSTRATIVE = _rx(rf"(?:{_group('average', 'demonstrative')})\s*$")
# 为上年13亿元的2.2倍: an amount of the year before, no total of this year's mean
PRIOR_YEAR = _rx(_group("average", "prior_year"))
# 由改革前的208个减少到128个: the two ends of a change; the later names the state a mean after it divides
FROM_WORD = _rx(rf"(?:{_group('average', 'change_from')})[^{STOP}]*$")
TO_WORD = _rx(rf"(?:{_group('average', 'change_to')})(?:[^{STOP}]{{0,8}}?(?:年|年度|年底|年末)的?)?\s*$")
# 12个行政村…,村均达到N: 村均 opening its clause is the mean's noun, never "each" (各村均达到 is)
PER_UNIT_OPENS = _rx(rf"^\s*(?:{_alternation(tuple(PER_UNIT))})(?=\s*(?:{_group('average', 'per_unit_reaches')}))")
# the count of a mean per person: persons, or person-times (培训800人次,人均500元)
PER_PERSON = PERSONS + ("人次",)
PER_PERSON_WORD = _rx(_group("average", "per_person"))


def _small_number(written: str) -> int | None:
    """三 -> 3, 5 -> 5, 十二 -> 12: the count a mean names (None past 99)."""
    if written.isdigit():
        return int(written)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if len(written) == 1:
        return 10 if written == "十" else digits.get(written)
    tens, _, ones = written.partition("十")
    if not _:
        return None
    return (digits.get(tens, 0) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


class _Averages(_Base):
    """The finders of the average form."""

    def averages(self):
        """人均N / 平均每个X N / 村均N: the total of N's unit over the count of persons (or units) the text states."""
        for m in self.m:
            clause = self.f[self.r.clause_starts[m.clause]:m.start]
            said = None
            for said in AVERAGE.finditer(clause):
                pass
            per = None  # 村均: the nouns of the units counted
            if said is None:
                for said in PER_UNIT_WORD.finditer(clause):
                    pass
                said = said or PER_UNIT_OPENS.match(clause)
                per = PER_UNIT[said.group()] if said is not None else None
            # the word names this number: no list between them (人均财政收入、…三项指标), and per person a measure
            if not m.amount or m.direction or said is None or "、" in BRACKETED.sub("", clause[said.end():]) or m.unit == "倍":
                continue
            if said.group() in words("average", "shared") and "每" not in clause[:said.start()]:
                continue  # 县乡两级分摊300万元: a share of a cost, no mean; 每位县民分摊N is one
            if self.f[m.start - 1:m.start] == "每" and m.value == 1:
                continue  # 平均每一乡镇80人: the 一 of 每一 is no average
            if fold(m.unit) in COUNT_UNITS and per is None and not any(
                    x.group() in words("average", "counted") for x in AVERAGE.finditer(clause)):
                continue  # 平均每戶2.33人 counts persons per household: 平均 said before 每戶
            # 平均每戶N人: persons per household, proposed only when bound (a count after 每戶 alone is no mean)
            per_household = fold(m.unit) in COUNT_UNITS and per is None and said.group() not in words("average", "counted")
            between = clause[said.end():]
            if AVERAGE_REFERENCE.match(between) or AVERAGE_CAP.search(between):
                continue  # 低于全省平均水平N: the value compared with; 每户最多补助N: a cap
            if AVERAGE_YEARLY.search(clause[max(0, said.start() - 1):said.end() + 2]):
                if not m.percent:
                    self.unverifiable("average", m, "a mean over years: the years' values are not stated")
                continue
            # 每一个村: the 一 of 每一 is no count
            earlier = [x for x in self.in_sentence(m) if x.i < m.i and x.level and self.f[x.start - 1:x.start] != "每"]
            totals = [x for x in earlier if x.unit == m.unit and not AVERAGE.search(x.before)]  # a mean is no total
            # 全镇14个村…账户42个,平均每村3个: an amount of m's unit counting the noun after 每 is the count, no total
            of_each = [x for x in totals if self.counts_each(x, clause)]
            totals = [x for x in totals if x not in of_each]
            if not totals:  # 12个乡镇平均每个乡镇40名,共480名: the total named after 共/合计, in the same ;-item
                totals = [x for x in self.in_sentence(m) if x.i > m.i and x.level and x.unit == m.unit
                          and x.segment == m.segment and ALL_OR_SUM.search(x.before)]
            if len(totals) > 1:  # 共下沉67名,其中行政19名、事业48名,平均每镇N: a part of a 其中 list is no total
                totals = [x for x in totals if not x.roles & {"part", "sub"}] or totals
            named = _core(clause[said.end():])
            if len(totals) > 1 and len(named) >= 2:  # 收入5000万元、支出9000万元,人均支出N: the one named 支出
                totals = [x for x in totals if named in x.name] or totals
            if len(totals) > 1:  # 共1,186人次,其中送餐742人次…: the total is the one 共/合计 states
                totals = [x for x in totals if ALL_OR_SUM.search(x.before)] or totals
            if len(totals) > 1:  # 协议总额28.6亿元,为上年13亿元的2.2倍: another year's amount is no total of this mean
                totals = [x for x in totals if self.r.same_year(x.year, m.year) and not PRIOR_YEAR.search(x.before)] \
                    or totals
            if len(totals) == 2 and FROM_WORD.search(totals[0].before) and TO_WORD.search(totals[1].before):
                totals = totals[1:]  # 由208个减少到128个,平均每个乡镇8个: the mean of the state reached
            count_unit = "户" if re.search("户均|每户", clause) else "人" if PER_PERSON_WORD.search(clause) else None
            # persons are counted in 人, 名 or 位 (由四名照服员负责,平均每人N), or 人次
            count_units = PER_PERSON if count_unit == "人" else (count_unit,)
            if per is not None:
                counts = self.counted_as(per, m)
            else:
                counts = [x for x in earlier if x.unit != m.unit
                          and (fold(x.unit) in count_units or count_unit is None and fold(x.unit) in COUNT_UNITS)]
                if (per_cl := PER_CLASSIFIER.search(clause)) is not None:
                    # 队伍12支…车辆40余辆,平均每支队伍近25人: the count in the classifier after 每; else none counted in
                    # another classifier (辆 is no count of 支), a plain 个 staying (十三個公所平均每所)
                    cl = per_cl.group("cl")
                    counts = [x for x in counts if fold(x.unit) == cl] or \
                        [x for x in counts if fold(x.unit) not in words("average", "per_classifier")]
            if of_each and per is None and not counts:
                counts = of_each
            if not counts and count_unit is None and per is None:
                counts = self.counted(between, m) or self.counted(clause[:said.start()], m, before=True) \
                    or self.per_classifier(clause, m)
            if counts and all(_agree(x, counts[0]) for x in counts):
                counts = counts[:1]  # 本縣13個公所…,13個公所平均出缺N: one count stated twice
            if len(totals) == 1 and len(counts) == 1:
                self.propose("average", m, "ratio", (totals[0], counts[0]), ("total", "count"))
                continue
            # 人均地区生产总值28231元: the total the words after 人均 name and the population (户数) the text states
            # elsewhere, each the only one of its kind and year; else unverifiable
            total = totals[0] if len(totals) == 1 else (
                self.by_name(named, m.unit, m.year, len(self.f), exclude=(m,), threshold=1.0)
                if not totals and len(named) >= 2 and said.group() in words("average", "per_head") else None)
            if total is None and not totals and len(named) >= 4 and said.group() in words("average", "per_head"):
                # 人均地区生产总值: by_name drops 总 (a whole word) from inside the noun; the one amount of the unit and
                # year whose name holds the whole noun, not itself an average
                whole = [x for x in self.m if x is not m and x.level and x.unit == m.unit and named in x.name
                         and self.r.same_year(x.year, m.year) and not AVERAGE.search(x.before)]
                total = whole[0] if len(whole) == 1 else None
            if total is None and not totals:
                total = self.named_total(m, between) or self.opened_total(m)
            if total is not None and total is not (totals[:1] or [None])[0] and AVERAGE.search(total.before):
                total = None  # 城镇居民人均可支配收入: another average, not a total
            count = counts[0] if len(counts) == 1 else self.population(m, count_unit) if not counts else None
            if total is None and not totals and count_unit == "户" and m.unit in PERSONS and len(counts) == 1:
                # 全鄉現有4,236戶,平均每戶2.33人: the persons are the population, when its sentence states no other;
                # of 人口由12,486人降至9,872人 the state reached (a change between them, 少了2,614人, is none)
                total = self.population(m, "人")
                people = [x for x in self.in_sentence(total) if x.unit in PERSONS and not CHANGE_BY.search(x.before)] \
                    if total is not None else []
                ends = [(a, b) for a, b in zip(people, people[1:]) if FROM_WORD.search(a.before) and TO_WORD.search(b.before)]
                if len(ends) == 1 and total in ends[0]:
                    total = ends[0][1]
                    people = [x for x in people if x is not ends[0][0]]
                if total is not None and any(not _agree(x, total) for x in people):
                    total = None  # 2013年12,486人,2023年9,872人: which of the two is not said here
            if total is not None and count is not None and total.value and m.value and total.value > m.value:
                self.propose("average", m, "ratio", (total, count), ("total", "count"))
            elif not per_household:
                self.unverifiable("average", m)

    def counts_each(self, x: Mention, clause: str) -> bool:
        """14个村 before 平均每村N个: x counts the noun its clause's 每 (每个, 每一) names, the noun right after x."""
        said = EACH_NOUN.search(clause)
        each = re.sub(r"(?:平均|均|约|约为|达|为|有|共)+$", "", said.group("noun")) if said is not None else ""
        # 14个村民小组 counts no 村
        return bool(each) and re.match(rf"{re.escape(each)}(?!{NOUN_GOES_ON})", _core(self.after_noun(x))) is not None

    def named_total(self, m: Mention, between: str) -> Mention | None:
        """The total a mean names when its sentence states none: the noun after 平均每X (每所出缺N人: 出缺), else the
        noun its ;-item opens with before 以/按…计 (社会福利支出以人口N人计,每人平均N); the one amount of m's unit and
        year stated under that noun, not itself a mean; None when none or several fit."""
        after = PER_NOUN.match(between)
        before = COMPUTED_ON.match(self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]])
        noun = after.group("noun") if after else _core(before.group("noun")) if before else ""
        if len(noun) < 2:
            return None
        fits = [x for x in self.m if x is not m and x.level and same_unit(x.unit, m.unit) and noun in x.name
                and self.r.same_year(x.year, m.year) and not AVERAGE.search(x.before)]
        return fits[0] if len(fits) == 1 else None

    def opened_total(self, m: Mention) -> Mention | None:
        """以总投入计算,每处设施平均N: the one amount of m's unit and year named by the noun of a clause opening 以/按 …
        计算 earlier in m's sentence, not itself a mean; None when no such clause, or none or several fit."""
        lo, hi = self.r.sentence_starts[m.sentence], self.r.clause_starts[m.clause]
        opens = list(TOTAL_OPENS.finditer(self.f[lo:hi]))
        noun = _core(opens[-1].group("noun")) if opens else ""
        if len(noun) < 2:
            return None
        fits = [x for x in self.m[:m.i] if x.level and same_unit(x.unit, m.unit) and noun in x.name
                and self.r.same_year(x.year, m.year) and not AVERAGE.search(x.before) and "claim" not in x.roles]
        # 社会福利支出预算数A、决算数B: an amount 、 joins to the one named also falls under the noun
        fits += [x for x in self.m[:m.i] if fits and x.clause == fits[-1].clause and x.i > fits[-1].i
                 and same_unit(x.unit, m.unit) and x.before.lstrip().startswith("、")]
        return fits[0] if fits and all(_agree(x, fits[0]) for x in fits) else None

    def per_classifier(self, clause: str, m: Mention) -> list[Mention]:
        """每处设施平均N, 平均每所每年N: the one count in the classifier after 每 (处) stated before m; of several that
        differ, the one stated as a total (合计294处); else none."""
        said = PER_CLASSIFIER.search(clause)
        if said is None:
            return []
        found = [x for x in self.m[:m.i] if x.level and x.amount and fold(x.unit) == said.group("cl")
                 and not AVERAGE.search(x.before) and self.f[x.start - 1:x.start] != "每"]
        if found and not all(_agree(x, found[0]) for x in found):
            found = [x for x in found if ALL_OR_SUM.search(x.before)]
        return found[:1] if found and all(_agree(x, found[0]) for x in found) else []

    def counted_as(self, nouns: tuple[str, ...], m: Mention) -> list[Mention]:
        """村均N: the one count of the noun (8个行政村, 乡镇12个) or of the unit (6000亩) the text states, those of
        m's sentence first; none when several differ (原有20个, 合并后16个村)."""
        found = [x for x in self.m if x is not m and x.level and not AVERAGE.search(x.before)
                 and self.f[x.start - 1:x.start] != "每"
                 and (fold(x.unit) in nouns or fold(x.unit) in COUNT_UNITS
                      and any(re.match(rf".{{0,3}}{n}(?!{NOUN_GOES_ON})", self.after_noun(x)) or x.name.endswith(n)
                              for n in nouns))]
        here = [x for x in found if x.sentence == m.sentence and x.i < m.i]
        found = here or found
        return found[:1] if found and all(_agree(x, found[0]) for x in found) else []

    def listed_means(self):
        """五鄉鎮平均為21.8%, 三乡平均为22.3%: the unweighted mean of the values the text gave each place of that kind
        (鄉, 鎮) before it, one value of the claim's kind and year per place; proposed only when as many places have one
        as the count says, else nothing here (a mean over places the text does not list is a value)."""
        for m in self.m:
            if m.direction or m.bound or m.roles or not (m.percent or m.amount):
                continue
            lo = self.r.clause_starts[m.clause]
            said = COUNT_MEAN.search(self.f, lo, m.start)
            if said is None or self.yearly(m):
                continue
            n = _small_number(said.group("n"))
            values = {name: key for name, key in self.named.entities_of(_kind(m), before=lo, year=m.year).items()
                      if name[-1] in said.group("noun")}
            if n is None or len(values) != n or n < 2:
                continue
            inputs = sorted((self.m[k] for k in values.values()), key=lambda x: x.start)
            m.roles.add("claim")
            self.propose("average", m, "mean", inputs, ("values…",) * n)

    def counted(self, between: str, m: Mention, before: bool = False) -> list[Mention]:
        """平均每个乡镇N (before: 每个乡镇平均N): the one count of 乡镇 the text states (全县共有乡镇12个, 12个乡镇,
        4个中心镇: a noun ending with it), those stated before m first; or none."""
        # 每个乡镇（街道）: a bracketed second noun after the unit counted with it (16个乡镇（街道）)
        aside = r"(?:[（(][^）)\d，,。；;]{1,4}[）)])?"
        noun = re.search(rf"每(?:个|個|一个|一個)?([^\d，,。；;（(]{{1,4}}?){aside}\s*$", between) if before else \
            re.match(rf"^\s*每(?:个|個|一个|一個)?([^\d，,。；;（(]{{1,4}}?){aside}"
                     r"(?:核定|拥有|擁有|有|为|為|达|達|约|約|近|共|配备|配備|设|設|\s*$)", between)
        if noun is None:
            return []
        name = noun.group(1)
        found = [x for x in self.m if x.amount and fold(x.unit) in COUNT_UNITS and x.level and not AVERAGE.search(x.before)
                 and (self.after_noun(x).startswith(name) or x.name.endswith(name)
                      or re.match(rf"[^{STOP}\d]{{1,3}}{name}(?!{NOUN_GOES_ON})", self.after_noun(x)))
                 and not DEMONSTRATIVE.search(self.f[max(0, x.start - 2):x.start])]  # 這三個公所: some of them
        found = [x for x in found if x.start < m.start] or found
        return found[:1] if found and all(_agree(x, found[0]) for x in found) else []

    def population(self, m: Mention, unit: str | None) -> Mention | None:
        """The one population (人口, in 人) or number of households (户数, in 户) the text states for m's year: None when
        it states none, or several that differ (户籍人口 and 常住人口)."""
        if unit is None:
            return None
        name = _rx(_group("average", "population" if unit == "人" else "households"))
        # a from-to's base is a population too (人口由12,000人降至10,000人): the state reached is chosen below
        found = [x for x in self.m if x.unit == unit and (x.level or "base" in x.roles and x.amount and not x.direction
                                                          and not x.label)
                 and self.r.same_year(x.year, m.year) and name.search(x.name + self.after_noun(x))]
        if found and not all(_agree(x, found[0]) for x in found):
            # 按常住人口计算,人均N: the sentence names which of two populations (户籍, 常住) it divides by
            lo = self.r.sentence_starts[m.sentence]
            said = {w for w in words("average", "population" if unit == "人" else "households")
                    if len(w) > 2 and w in self.f[lo:m.start]}
            found = [x for x in found if any(w in x.name + self.after_noun(x) for w in said)] if len(said) == 1 else []
        return found[0] if found and all(_agree(x, found[0]) for x in found) else None
