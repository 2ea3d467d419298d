"""Products: each x count (每村5万元, 共计), per-unit products, and sums of products (4个镇各核定39名 …).
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold, words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core
from analysis.extraction.claims.patterns import (
    AVERAGE, AVERAGE_CAP, BASE_MARK, DIRECTION, BY_CLASS, CLASS_EACH, COUNT_UNITS, EACH_PAIR, EACH_UNIT, FROM_END, QIZHONG, REST,
    SPLIT_INTO, STOP, TOTAL_OF_EACH, VERSUS, QO, _alternation, _group,
)

UNITS_NAMED = re.compile(_alternation(words("product", "units_named")))
NOUN_ENDS = _alternation(words("product", "noun_ends"))
NOUN_GOES_ON = re.compile(_alternation(words("product", "noun_goes_on")))  # 每个村民小组 names no 村


def _repeats(noun: str, unit: str, after: str) -> bool:
    """Whether the words after 每 name what a count counts: its unit (15村 … 每村) or the noun after it (20个社区 …
    每个社区; 12个村每村: one character that is a count unit).

    >>> _repeats("村六万元", "村", ""), _repeats("社区3万", "个", "社区"), _repeats("村补助5", "个", "村每村补助"), _repeats("人补助", "个", "村")
    (True, True, True, False)
    """
    if unit and unit not in ("个", "個") and noun.startswith(unit):
        return True
    shared = len(next((p for p in (after[:k] for k in range(min(len(after), 4), 0, -1)) if noun.startswith(p)), ""))
    return shared >= 2 or shared == 1 and after[:1] in COUNT_UNITS


class _Products(_Base):
    """The finders of the product and sum_of_products forms."""

    def sums_of_products(self):
        """Units counted by class, each class's units holding one number (claim_forms: sum_of_products): the pairs
        of a sentence, (count, the amount after 各) or (a class's count, the amount after its name and 每个 or in the
        classes' order after 按…类分别), and the total after 共 or before the 其中 that opens them; with 其余 or a
        split into classes (将X分为…), the counts' sum is the count stated before of the whole."""
        classes = self._classes()
        for sentence in range(len(self.r.sentence_starts)):
            lo, hi = self.r.sentence_starts[sentence], self.r.sentence_end(sentence)
            inside = self.between(lo, hi)
            pairs, whole_by = self._each_pairs(inside), None
            if len(pairs) < 2:
                known = [c for c in classes if c[0] < lo]
                pairs = self._class_pairs(inside, known[-1][1]) if known else []
                whole_by = None
            if len(pairs) < 2 or len({fold(e.unit) for _, e in pairs}) != 1:
                continue
            total = self._product_total(pairs, lo, hi)
            if total is not None:
                total.roles.add("claim")
                self.summed.add(id(total))
                self.class_totals.add(id(total))
                for c, e in pairs:
                    e.roles.add("each")
                inputs = [x for pair in pairs for x in pair]
                self.propose("sum_of_products", total, "sum_of_products", inputs, ("count", "each") * len(pairs))
            rest = pairs[-1][0]
            if REST.search(rest.before) and whole_by is None:
                noun = re.split(rf"{_group('sum_of_products', 'each')}|均", self.after_noun(rest))[0]
                self._count_whole(noun, rest.unit, [c for c, _ in pairs])
        for at, listed, noun in classes:
            self._count_whole(noun, listed[0][1].unit, [c for _, c in listed])

    def _each_pairs(self, inside: list[Mention]) -> list[tuple[Mention, Mention]]:
        """(count, each) of a sentence: a count of units, then 各 and an amount in its clause (4个镇各核定39名)."""
        pairs = []
        for c, e in zip(inside, inside[1:]):
            if (c.amount and fold(c.unit) in COUNT_UNITS and not c.direction and c.clause == e.clause and e.amount
                    and not e.direction and EACH_PAIR.match(self.f[c.end:e.start])):
                pairs.append((c, e))
        return pairs

    def _classes(self) -> list[tuple[int, list[tuple[str, Mention]], str]]:
        """将乡镇分为一类镇4个(…)、二类镇4个、三类乡6个: where each split into classes ends, its (class name, count)
        in order, and the noun split (乡镇)."""
        out = []
        for found in SPLIT_INTO.finditer(self.f):
            sentence = self.r.sentence[found.start()]
            clause_start = self.r.clause_starts[self.r.clause[found.start()]]
            noun = re.sub(r"^(?:将|把|对)", "", self.f[clause_start:found.start()].strip())
            listed, pos = [], found.end()
            for x in self.between(found.end(), self.r.sentence_end(sentence)):
                if not x.amount or fold(x.unit) not in COUNT_UNITS or x.depth or not re.match(r"[、，,(（。；;和及]|$", self.f[x.claim_end:]):
                    continue  # 一类镇's 一类 is part of a name: a class's count ends an item
                said = re.sub(r"[(（][^()（）]*[)）]", "", self.f[pos:x.start])
                name = re.split(r"[、，,和及与]", said)[-1].strip()
                if not name or re.search(rf"[{STOP}]", said.replace("，", "").replace(",", "")) and listed:
                    break
                if not re.fullmatch(r"[^\d]{2,8}", name):
                    break
                listed.append((name, x))
                pos = x.claim_end
            if len(listed) >= 2 and len({n for n, _ in listed}) == len(listed):
                out.append((listed[-1][1].end, listed, noun))
        return out

    def _class_pairs(self, inside: list[Mention], listed: list[tuple[str, Mention]]) -> list[tuple[Mention, Mention]]:
        """The classes' amounts in a sentence: each after its class name and 每个 (一类镇每个39名), or all in order
        after 按…类分别 (按镇类分别核定11名、9名、8名); every class or none."""
        pairs = []
        for name, count in listed:
            each = next((x for x in inside if x.amount and re.search(re.escape(name) + CLASS_EACH,
                                                                  self.f[max(0, x.start - len(name) - 8):x.start])), None)
            if each is None:
                break
            pairs.append((count, each))
        if len(pairs) == len(listed):
            return pairs
        for k, x in enumerate(inside):
            if not BY_CLASS.search(self.f[self.r.clause_starts[x.clause]:x.start]):
                continue
            run = [x]
            for y in inside[k + 1:]:
                if y.unit != x.unit or self.f[run[-1].end:y.start].strip() not in ("、", "和", "及"):
                    break
                run.append(y)
            if len(run) == len(listed):
                return [(count, each) for (_, count), each in zip(listed, run)]
        return []

    def _product_total(self, pairs, lo: int, hi: int) -> Mention | None:
        """The total of the pairs: the amount of their unit right after 共/合计 after them in the sentence, else the last
        amount of that unit stated before the 其中 that opens them (a level, no base)."""
        unit, last = pairs[0][1].unit, pairs[-1][1]
        said = TOTAL_OF_EACH.search(self.f, last.end, hi)
        if said is not None:
            after = next((x for x in self.between(said.end(), hi) if x.amount), None)
            if after is not None and after.unit == unit and not re.search(r"\d", self.f[said.end():after.start]):
                return after
        first = min(x.start for pair in pairs for x in pair if x.start >= lo)  # a class's count may stand before
        opened = [q for q in QIZHONG.finditer(self.f, lo, first)]
        if not opened:
            return None
        # not a base (较上年度的A, 由A, 与A相比): the later roles are not yet given, the words before say it
        return next((x for x in reversed(self.between(lo, opened[-1].start())) if x.amount and x.unit == unit
                     and not x.direction and "base" not in x.roles
                     and not (BASE_MARK.search(x.before) or FROM_END.search(x.before) or VERSUS.search(x.before))), None)

    def _count_whole(self, noun: str, unit: str, counts: list[Mention]):
        """The counts of a complete split (其余, 将X分为) add up to the count stated before of the noun split."""
        noun = _core(noun)
        if not noun or len(counts) < 2:
            return
        whole = next((x for x in self.back(counts[0].i) if x.amount and fold(x.unit) == fold(unit) and x.level
                      and x not in counts and _core(self.after_noun(x)).startswith(noun)), None)
        if whole is None or id(whole) in self.summed or "claim" in whole.roles:
            return
        whole.roles.add("claim")
        self.summed.add(id(whole))
        self.class_totals.add(id(whole))
        self.propose("total", whole, "sum", counts, ("parts…",) * len(counts))

    def products(self):
        """甲、乙…4个乡镇均设置“五办四中心”…,共设置党政内设机构20个,事业机构16个: each total is the count times
        the number each unit holds, in order."""
        for found in EACH_UNIT.finditer(self.f):
            at = found.start()
            clause = self.r.clause[at]
            count = next((x for x in self.between(self.r.clause_starts[clause], at) if x.amount), None)  # the subject's
            if count is None or fold(count.unit) not in COUNT_UNITS:
                continue
            clause_end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            each = [x for x in self.between(found.end(), clause_end) if x.amount and x.depth == count.depth]
            said = TOTAL_OF_EACH.search(self.f, clause_end, self.r.sentence_end(count.sentence))
            if not each or said is None or self.r.segment[said.start()] != count.segment:
                continue
            totals = [x for x in self.between(said.end(), self.r.sentence_end(count.sentence))
                      if x.amount and x.segment == count.segment and x.depth == count.depth][:len(each)]
            if len(totals) != len(each):
                continue
            if any(x.amount and x.depth == count.depth and fold(x.unit) in {fold(e.unit) for e in each}
                   for x in self.between(clause_end, said.start())):
                continue  # 甲、乙两镇各设5个,丙镇设3个,共13个: the total holds other units' amounts too
            if re.search(rf"(?:{_group('sum_of_products', 'rest')})[^{STOP}\d]{{0,8}}?(?:{EACH_UNIT.pattern})",
                         self.f[clause_end:said.start()]):
                continue  # 3个镇各设7个,其余乡镇各设5个,共51个: the total holds the other units' too (no product)
            for total, per in zip(totals, each):
                if "product" in total.roles or id(total) in self.class_totals:  # one claim per place
                    continue
                total.roles.update(("claim", "product"))
                self.propose("product", total, "product", (count, per), ("count", "each"))

    def per_unit_products(self):
        """全乡12个村,每村补助5万元,共计60万元 (每个社区3万元, 每村八萬五千元): the count stated before 每 in the
        sentence whose unit or noun 每 repeats, times the amount right after 每X in its clause, is the total after
        共/合计 in the same ;-item (not 平均每, an average, nor 每户最多, a cap)."""
        for found in re.finditer(r"每(?:个|個|一个|一個)?", self.f):
            at, noun = found.start(), self.f[found.end():found.end() + 4]
            clause = self.r.clause[at]
            if AVERAGE.search(self.f, max(0, at - 2), found.end()) or not noun:
                continue
            counts = [x for x in self.between(self.r.sentence_starts[self.r.sentence[at]], at)
                      if x.amount and x.level and fold(x.unit) in COUNT_UNITS and x.depth == 0]
            count = next((x for x in reversed(counts) if _repeats(noun, fold(x.unit), self.after_noun(x))), None)
            if count is None or count.segment != self.r.segment[at]:
                continue
            clause_end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            each = next((x for x in self.between(found.end(), clause_end) if x.amount), None)
            if each is None or AVERAGE_CAP.search(self.f, found.end(), each.start) or "claim" in each.roles:
                continue
            said = TOTAL_OF_EACH.search(self.f, each.end, self.r.sentence_end(count.sentence))
            total = next((x for x in self.between(said.end(), self.r.sentence_end(count.sentence)) if x.amount), None) \
                if said is not None and self.r.segment[said.start()] == count.segment else None
            if total is None or total.segment != count.segment or "claim" in total.roles \
                    or re.search(r"\d", self.f[said.end():total.start]) or fold(total.unit) != fold(each.unit):
                continue
            total.roles.add("claim")
            self.propose("product", total, "product", (count, each), ("count", "each"))

    def units_named_elsewhere(self):
        """党政机构由86个整合为60个,每个乡镇统一设置…等5个办公室 with 全县十二个乡镇 in a sentence before (每個公所均設置
        6個課室,共108個 with 18個公所 earlier): the count is the one value the text gives of the units 每个/各 names,
        each the first amount after them in the clause, the total after 共 in the sentence, else the one amount of
        each's unit before 每个 in the sentence that is the later of a change (由A整合为B). Two values of the
        units, or two totals: none."""
        for found in re.finditer(UNITS_NAMED, self.f):
            at, clause = found.start(), self.r.clause[found.start()]
            sentence = self.r.sentence[at]
            if AVERAGE.search(self.f, max(0, at - 2), found.end()):
                continue
            s_lo, s_hi = self.r.sentence_starts[sentence], self.r.sentence_end(sentence)
            if any(x.amount and fold(x.unit) in COUNT_UNITS for x in self.between(self.r.clause_starts[clause], at)):
                continue  # 3个乡各设2个: the count in its clause (products)
            counts = self._counts_named(self.f[found.end():found.end() + 6], sentence)
            if len({c.value for c in counts}) != 1:
                continue
            count = counts[0]
            clause_end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            each = next((x for x in self.between(found.end(), clause_end) if x.amount), None)
            if (each is None or each.direction or each.percent or each.roles
                    or AVERAGE_CAP.search(self.f, found.end(), each.start) or AVERAGE.search(self.f, found.end(), each.start)
                    or DIRECTION.search(self.f[found.end():each.start])):  # 每个乡镇平均…, 每个乡镇核减3名
                continue
            total = self._total_after(each, s_hi) or self._later_before(each, s_lo, at)
            if total is None or "claim" in total.roles or id(total) in self.class_totals:
                continue
            total.roles.add("claim")
            self.propose("product", total, "product", (count, each), ("count", "each"))

    def _counts_named(self, after_each: str, sentence: int) -> list[Mention]:
        """The counts of the units named after 每个 stated outside the sentence: the count's noun (to the clause's end
        or a word of noun_ends) or its end is the words after 每个 (乡镇 of 十二个乡镇(其中…) for 每个乡镇统一设置)."""
        out = []
        for x in self.m:
            if x.sentence == sentence or not x.level or x.percent or fold(x.unit) not in COUNT_UNITS:
                continue
            noun = re.match(rf"[^{STOP}\d(（{QO}、]{{0,8}}", self.f[x.end:x.end + 8]).group()
            noun = re.split(f"(?:{NOUN_ENDS})", noun)[0].strip()
            if fold(x.unit) not in ("个", "個"):
                noun = fold(x.unit) + noun if not noun else noun  # 15村: the unit is the noun
            # 區公所 … 每個公所, 行政村 … 每个村: what 每个 names may be the end of the count's noun
            if any(noun.endswith(after_each[:k]) and (k >= 2 or k == len(noun) or after_each[:k] in COUNT_UNITS)
                   and not (k == 1 and NOUN_GOES_ON.match(after_each, 1))
                   for k in range(min(len(noun), len(after_each)), 0, -1)):
                out.append(x)
        return out

    def _total_after(self, each: Mention, hi: int) -> Mention | None:
        said = TOTAL_OF_EACH.search(self.f, each.end, hi)
        if said is None or self.r.segment[said.start()] != each.segment:
            return None
        total = next((x for x in self.between(said.end(), hi) if x.amount), None)
        if total is None or re.search(r"\d", self.f[said.end():total.start]) or fold(total.unit) != fold(each.unit):
            return None
        return total

    def _later_before(self, each: Mention, lo: int, at: int) -> Mention | None:
        """由86个整合为60个,每个乡镇…5个: the one amount of each's unit before 每个 in the sentence, the later of a
        change (a base stated with it)."""
        same = [x for x in self.between(lo, at) if x.amount and not x.percent and fold(x.unit) == fold(each.unit)
                and "base" not in x.roles]
        return same[0] if len(same) == 1 and "later" in same[0].roles else None
