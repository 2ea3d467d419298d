"""Restatements: a number stated again later (这320人, 突破400亿元), bound to the one it restates.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold
from analysis.extraction.places import TABLE as PLACE_LEVELS
from analysis.extraction.claims.base import _Base, _agree
from analysis.extraction.claims.mentions import Mention, _core, _known, same_unit
from analysis.extraction.claims.names import _same_but_stage, _same_name, _unplaced
from analysis.extraction.claims.patterns import (
    COUNT_LEAD, COUNT_UNITS, DEMONSTRATIVE, NOUN_END, NOUN_LEAD, PLACE, RESTATED_BOUND, STAGE, STOP, _group,
)

# 力争/目标: the words naming a plan, never what a bound without them restates
PLAN = re.compile(_group("restatement", "plan"))

VERB_END = re.compile(rf"(?:{_group('restatement', 'verb_end')})$")


def _unverbed(name: str) -> str:
    """A name without the verb before its amount (岁入预算编列 -> 岁入预算).

    >>> _unverbed("本乡岁入预算编列"), _unverbed("编列")
    ('本乡岁入预算', '编列')
    """
    cut = VERB_END.sub("", name)
    return cut if len(cut) >= 2 else name


SAMPLE = re.compile(_group("restatement", "sample"))
SAMPLE_SIZE = re.compile(r"[Nn]\s*[=＝]\s*$")  # (N＝96, 單位：萬元): the sample size of a table or figure


# 以活動中心為例 / 就便民服务中心而言: a clause naming the example a bare number after it counts, nothing else
EXAMPLE = re.compile(rf"^\s*(?:{_group('restatement', 'example_open')})(?P<noun>[^{STOP}\d]{{2,12}}?)"
                     rf"(?:{_group('restatement', 'example_close')})\s*$")


def _bound_core(name: str) -> str:
    """A name without the words around a bound that name no quantity (首次, 大关) nor a place before it."""
    return PLACE.sub("", RESTATED_BOUND.sub("", _core(name)))


def _shared_run(a: str, b: str) -> int:
    """The length of the longest run of characters two names share (岁入决算 in 屏东县岁入决算 and 岁入决算数).

    >>> _shared_run("屏东县岁入决算", "岁入决算数"), _shared_run("岁入", "岁出")
    (4, 1)
    """
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _stated(m: Mention) -> bool:
    """A number written out (digits, or a Chinese amount of three characters or more), not a counted label (一类)."""
    return bool(re.search(r"\d", m.as_written)) or len(re.findall(r"[零〇一二两三四五六七八九十百千万亿萬億]", m.as_written)) >= 3


def _place_only(name: str) -> bool:
    """A name that names no more than a place (白水县, 本镇, 甲乡): short, ending with a place's level (places.TABLE).

    >>> _place_only("白水县"), _place_only("全县"), _place_only("白水县乡镇机构"), _place_only("岁入")
    (True, True, False, False)
    """
    name = _core(PLACE.sub("", name))
    return len(name) < 2 or len(name) <= 5 and any(name.endswith(e) for row in PLACE_LEVELS for e in row.endings)


def _digits(written: str) -> int:
    return len(re.sub(r"\D", "", written.split("%")[0]).strip("0") or "")


def _precise(m: Mention) -> bool:
    """A number that says more than a digit: two digits or more, or a Chinese amount written out (一億八千六百四十二萬元)."""
    return _digits(m.as_written) >= 2 or not re.search(r"\d", m.as_written) and _stated(m)


def _step(m: Mention) -> float:
    """Half the place of the last digit m is written to, in its value's unit (0.92亿元: 0.005亿; 约1.5亿元: 0.05亿);
    0 for a number not written as plain digits (2億4,360萬元 is read exactly).

    >>> from analysis.extraction.claims.mentions import Mention
    >>> _step(Mention(0, 0, 0, "0.92亿元", 92e6, None, None, "元")), _step(Mention(0, 0, 0, "2億4,360萬元", 2.436e8, None, None, "元"))
    (500000.0, 0.0)
    """
    found = re.fullmatch(r"[约約近]?(\d[\d,]*)(?:\.(\d+))?[^\d]*", m.as_written)
    if not found or not _known(m.value):
        return 0.0
    written = float(found.group(1).replace(",", "") + "." + (found.group(2) or "0"))
    return m.value / written * 10 ** -len(found.group(2) or "") / 2 if written else 0.0


def _same_quantity(a: Mention, b: Mention) -> bool:
    """Two values one within the other's written digits (0.92亿元 and 9200.00万元; 约1.5亿元 and 15230万元)."""
    if _agree(a, b):
        return True
    return _known(a.value) and _known(b.value) and abs(a.value - b.value) <= max(_step(a), _step(b)) + 1e-9


class _Restatements(_Base):
    """The finders of the restatement form."""

    def restatements(self):
        """The same quantity stated again: same unit and year, neither a change nor a rate, and the same name (a
        place before it aside) with values of one size, or the same number of three digits or more under a name one
        of them contains."""
        by_tail: dict[tuple, list[Mention]] = {}  # a name and a name it ends with share their last two characters
        by_number: dict[tuple, list[Mention]] = {}
        for m in self.m:
            if not m.amount or m.direction or m.roles & {"change", "base", "claim"} or not m.name or not _stated(m):
                continue
            if not m.named:
                continue
            name = _unverbed(self.qualified(m))
            bare = PLACE.sub("", name)
            number = (m.unit, m.value, m.low, m.high)
            tail = (STAGE.sub("", _unplaced(name)) or bare)[-2:]  # 岁入决算数 is looked up with 岁入
            earlier = by_tail.get((m.unit, tail), [])
            if _digits(m.as_written) >= 3:
                earlier = earlier + by_number.get(number, [])
            for x in sorted(set(earlier), key=lambda x: x.start):
                if not self.r.same_year(x.year, m.year) or x.clause == m.clause:
                    continue
                a = PLACE.sub("", _unverbed(self.qualified(x)))
                same_number = (x.unit, x.value, x.low, x.high) == number and _digits(x.as_written) >= 3
                contained = min(len(a), len(bare)) >= 2 and (a in bare or bare in a)
                one_size = _known(x.value) and _known(m.value) and min(x.value, m.value) > 0 \
                    and max(x.value, m.value) / min(x.value, m.value) <= 1.5
                # two items that each name their own subject first (西部县项目,中央补助16万元; 其他县区项目,中央补助12万元)
                # speak of two things, unless their numbers agree and say more than a digit (401项, 400多项)
                heads = self.item_head(x), self.item_head(m)
                apart = all(heads) and heads[0] != heads[1] and not (_agree(x, m) and _precise(m))
                x_name = _unverbed(self.qualified(x))
                staged = _same_but_stage(x_name, name) and _agree(x, m)  # 歲入決算數 then 歲入, values agreeing
                # two numbers that disagree restate one quantity only when named beyond their place (白水縣10個 of
                # townships and 白水縣由12.5個減為7.0個 of offices share a place, not a quantity)
                placed_only = not _agree(x, m) and (_place_only(a) or _place_only(bare))
                # a line's heading (岁入岁出概况) qualifies its name, and the name alone may be what is restated
                named_alike = _same_name(x_name, name) or _agree(x, m) and _same_name(_unverbed(x.name), name)
                if ((named_alike or staged) and one_size and not apart and not placed_only) \
                        or (same_number and contained):
                    self.propose("restatement", m, "value", (x,), ("earlier",))
                    break
            by_tail.setdefault((m.unit, tail), []).append(m)
            by_number.setdefault(number, []).append(m)

    def qualified(self, m: Mention) -> str:
        """m's name with its line's heading before it when the name lacks it (一、歲入:…決算數N -> 岁入决算数)."""
        head = self.heading(m)
        return head + m.name if head and head not in m.name else m.name

    def count_restatements(self):
        """便民服务中心十二个 … 12个便民服务中心: a count stated again, in Chinese numerals or digits, of the same noun
        (the words before it up to a lead verb, or the noun after its measure word) and year; proposed only when the
        values agree (a count of the same noun may be a subset: 其中5个便民服务中心)."""
        done = {row["claim_start"] for row in self.rows if row["form"] == "restatement"}
        seen: dict[tuple, list[Mention]] = {}
        for m in self.m:
            if (m.percent or m.points or m.direction or m.bound or m.roles & {"change", "base", "claim", "part"}
                    or fold(m.unit) not in COUNT_UNITS or not _known(m.value) or m.value < 2):
                continue
            # 12个便民服务中心均已运行, 13个乡镇公所共精简, 13个便民服务中心全部实现: what follows the noun
            after = re.split(r"[均已各都将正在为是的共]|全部|全数|中$", self.after_noun(m))[0]
            noun = _unplaced(COUNT_LEAD.sub("", after or m.name))
            if DEMONSTRATIVE.fullmatch(m.name) and m.start not in done:
                # 共320人。這320人中 (上述120项权限): the count the sentence before states last, of the same unit and
                # value (and noun, when one follows)
                # 這45名約聘人員: the noun after it opens with words the earlier count's name holds (138人 then
                # 一百三十八个缺额 stays apart: the ledger compares one unit, and 个 is not 人)
                def named(x):
                    held = x.name + self.after_noun(x)
                    return len(after) < 2 or after in held or after[:2] in held

                earlier = next((x for x in self.back(m.i) if x.sentence < m.sentence and same_unit(x.unit, m.unit)
                                and x.level), None)
                if earlier is not None and earlier.sentence == m.sentence - 1 and _agree(earlier, m) and named(earlier):
                    m.roles.add("claim")
                    self.propose("restatement", m, "value", (earlier,), ("earlier",))
                continue
            if len(noun) < 3:
                continue
            key = (fold(m.unit), noun)
            earlier = next((x for x in seen.get(key, []) if x.sentence != m.sentence and self.r.same_year(x.year, m.year)
                            and _agree(x, m)), None)
            if earlier is not None and m.start not in done:
                m.roles.add("claim")
                self.propose("restatement", m, "value", (earlier,), ("earlier",))
            seen.setdefault(key, []).append(m)

    def bound_restatements(self):
        """突破400亿元 / 超过2亿元 / 1.2亿元以上: a bound restating an amount of the text (see the table's binding)."""
        for b in self.m:
            if not b.bound or not (b.amount or b.percent) or b.direction or b.points or b.roles or not b.named:
                continue
            own = _bound_core(b.name)
            if b.percent:  # 歲出執行率亦逾九成: a rate restated by its name (a heading qualifying it), never unnamed
                if len(own) < 3:
                    continue
                found = [x for x in self.m if x is not b and x.percent and not x.bound and not x.direction
                         and not x.points and not x.roles & {"base", "change"} and self.r.same_year(x.year, b.year)
                         and x.clause != b.clause and _shared_run(own, _bound_core(self.qualified(x))) >= 4]
                self.restate_bound(b, found or self.title_bound(b, own))
                continue
            if not own:  # 歲出2億3,456萬元,首度超過2億元: the clause names nothing, the amount before is its subject
                amount = next((x for x in self.preceding(b) if x.clause == b.clause - 1), None)
                found = [amount] if amount is not None and amount.level and not amount.bound and amount.unit == b.unit else []
            else:
                found = [x for x in self.m if x is not b and x.level and not x.bound and x.unit == b.unit
                         and x.named and self.r.same_year(x.year, b.year) and x.clause != b.clause
                         and _shared_run(own, _bound_core(x.name)) >= 4]
            self.restate_bound(b, found or self.title_bound(b, own))

    def changed_bound_restatements(self):
        """机构精简近四成 / 编制核减逾一成: a bound rate no other rule took restates the one rate of another sentence, of
        its year, size and change direction, named by the same last word (精简38.5%, 核减11.3%) in a ;-item that names,
        before it, the subject the bound's words name before that word (机构, 编制); two or none: nothing (收入增长逾一成
        is never bound to 支出增长12%, nor 税收增长 to 收入增长)."""
        for b in self.m:
            if not (b.bound and b.percent) or b.points or b.roles:
                continue
            own = _bound_core(b.name)
            # a title runs its words together: its subject is the two characters before the word; a sentence's is its
            # words before the word, up to four (非税收入 is not 税收收入)
            verb, subject = own[-2:], _unplaced(own[:-2])[-2 if 0 <= b.start < self.title_end() else -4:]
            if len(subject) < 2 or not b.named:
                continue
            found = [x for x in self.m if x.percent and not x.bound and not x.points and x.direction == b.direction
                     and x.sentence != b.sentence and "base" not in x.roles and self.r.same_year(x.year, b.year)
                     and _core(x.name).endswith(verb)
                     and subject in self.f[self.r.segment_starts[x.segment]:x.start]]
            self.restate_bound(b, found)

    def title_end(self) -> int:
        """Where a title ends: its first line, with no sentence end and a body after it; -1 when the text has none."""
        end = self.f.find("\n")
        return -1 if end < 0 or re.search(r"[。；;！？!?]", self.f[:end]) or not self.f[end:].strip() else end

    def title_bound(self, b: Mention, own: str) -> list[Mention]:
        """代表會刪減逾千萬元 / 编制核减逾一成: a title's bound names its quantity by the words right before it (a
        title runs its words together, so its whole name says little); the body's amounts (rates) whose names hold
        the end of those words, two characters or more (經刪減1,186萬元, 核减13.4%; 歲入 never 歲出), are what it
        may restate (restate_bound keeps the one of its size, none when two). A title's 逾千萬 without 元 has no unit
        of the body's (the ledger compares one unit): nothing."""
        end = self.title_end()
        if end < 0 or b.start >= end or len(own) < 2:
            return []
        words = STAGE.sub("", _unplaced(own))
        return [x for x in self.m if x.start > end and not x.bound and not x.points and bool(x.percent) == bool(b.percent)
                and (x.percent or x.level and x.unit == b.unit) and "base" not in x.roles
                and self.r.same_year(x.year, b.year)
                and any(words[-k:] in _bound_core(self.qualified(x)) for k in range(min(len(words), 6), 1, -1))]

    def restate_bound(self, b: Mention, found: list[Mention]):
        """The one amount of ``found`` of the size of the bound ``b``: b restates it; none or two: nothing proposed."""
        end = b.low if _known(b.low) else b.high
        found = [x for x in found if _known(x.value) and end and 0 < x.value / end <= 1.5 and end / x.value <= 1.5]
        # a target and an outcome are two quantities: a bound restates only an amount that names a plan as it does
        found = [x for x in found if bool(PLAN.search(fold(self.qualified(x)))) == bool(PLAN.search(fold(b.name)))]
        if len(found) == 1:
            b.roles.add("claim")
            if b.percent:  # 歲出執行率逾九成 restates the rate: no rate left to recompute from amounts it lacks
                self.rows[:] = [r for r in self.rows if not (r["claim_start"] == b.start and r["rule"] == "unverifiable")]
            self.propose("restatement", b, "value", (found[0],), ("earlier",) if found[0].start < b.start else ("later",))

    def held(self, x: Mention) -> str:
        """The words that name x: its name (a line's heading before it) and the noun after it."""
        return _core(self.qualified(x)) + self.after_noun(x)

    def noun_after(self, m: Mention, x: Mention) -> str:
        """The longest start of the words after m that x's name or noun holds: three characters or more, or two that
        x's noun holds and words ending a noun follow (十三個公所平均 of 十三個鄉鎮市公所; not 12个乡镇便民服务中心 of 12个乡镇)."""
        after, held = self.f[m.end:m.end + 12], self.held(x)
        for k in range(min(len(after), 10), 1, -1):
            if after[:k] in held and not re.search(r"\d", after[:k]):
                if k >= 3 or (after[:k] in self.after_noun(x) and NOUN_END.match(after, k)):
                    return after[:k]
                return ""
        return ""

    def noun_restatements(self):
        """十三個公所 / 在86项赋权事项中 / 0.92亿元可用财力: a number naming nothing before it (在, 这 aside) and a noun
        after it restates the one earlier mention of its unit, year and value (within the written digits) that the
        noun names; two or none: nothing. A place another form claims keeps that one rule (a place has one)."""
        done = {row["claim_start"] for row in self.rows}
        for m in self.m:
            if not self.free_amount(m, done):
                continue
            own = _core(m.name)
            if own and not NOUN_LEAD.match(own):
                continue
            example = "" if own else self.example(m)
            found = []
            for x in self.back(m.i):
                if (x.sentence == m.sentence or not x.level or x.start in done or not same_unit(x.unit, m.unit)
                        or not self.r.same_year(x.year, m.year) or not _same_quantity(x, m)):
                    continue
                if self.noun_after(m, x) or (example and example in self.held(x)):
                    found.append(x)
            self.restates_one(m, found, done)

    def free_amount(self, m: Mention, done: set[int]) -> bool:
        """An amount of known value that no form has taken as a change, base, part or claim (nor a bound, a rate or a
        counted label), and not yet restated: what may restate an earlier mention."""
        return not (m.start in done or m.direction or m.bound or m.points or m.percent or not m.amount or m.label
                    or m.roles & {"change", "base", "claim", "part"} or not _known(m.value))

    def restates_one(self, m: Mention, found: list[Mention], done: set[int]):
        """m restates the one mention ``found`` holds (two or none: nothing proposed)."""
        if len(found) == 1:
            m.roles.add("claim")
            done.add(m.start)
            self.propose("restatement", m, "value", (found[0],), ("earlier",) if found[0].start < m.start else ("later",))

    def demonstrative_restatements(self):
        """前述41.6億元 / 上述58个问题 / 前述五千餘萬元經費中: a number whose own words are only a word pointing back
        (上述, 前述, 这, 該) restates the one earlier mention, in a sentence before, of its unit, year and value (within
        its written digits) whose words hold the noun after it (two characters or more); with no such noun, only a
        number of three digits or more (上述3个 may point at any 3). Two or none: nothing."""
        done = {row["claim_start"] for row in self.rows}
        for m in self.m:
            if not self.free_amount(m, done) or not _core(m.name) or not DEMONSTRATIVE.fullmatch(_core(m.name)):
                continue
            after = self.after_noun(m)
            found = []
            for x in self.back(m.i):
                if (x.sentence >= m.sentence or not x.level or x.bound or not same_unit(x.unit, m.unit)
                        or not self.r.same_year(x.year, m.year) or not _same_quantity(x, m)
                        or DEMONSTRATIVE.fullmatch(_core(x.name) or "-")):
                    continue
                if len(after) >= 2 and after[:2] in self.held(x) or _digits(m.as_written) >= 3 and _stated(m):
                    found.append(x)
            self.restates_one(m, found, done)

    def sample_restatements(self):
        """（N＝96）/ n=1,200 after a survey's count (回收有效樣本96份, 受访者1200人): the sample size restates the one
        count of the text of the same value whose words name a sample (有效样本, 问卷, 受访); two or none: nothing."""
        done = {row["claim_start"] for row in self.rows}
        for m in self.m:
            if m.start in done or m.roles or not _known(m.value) or m.percent or m.points \
                    or not SAMPLE_SIZE.search(self.f[max(0, m.start - 4):m.start]):
                continue
            found = [x for x in self.m if x is not m and x.level and not x.bound and x.unit and not x.unit.endswith("元")
                     and x.value == m.value and SAMPLE.search(self.held(x))]
            self.restates_one(m, found, done)

    def example(self, m: Mention) -> str:
        """以活動中心為例,162處中: the noun the clause right before m's names as an example (no amount in that
        clause, m opening its own); "" when there is none."""
        if m.clause == 0 or self.r.clause_starts[m.clause - 1] < self.r.sentence_starts[m.sentence] \
                or any(x.clause == m.clause - 1 for x in self.m):
            return ""
        said = EXAMPLE.match(self.f[self.r.clause_starts[m.clause - 1]:self.r.clause_starts[m.clause]].rstrip("，,、 "))
        noun = _unplaced(_core(said.group("noun"))) if said else ""
        return noun if len(noun) >= 2 else ""

    def title_restatements(self):
        """A title's amount (the text's first line, with no sentence end, a body after it: 某鄉總決算出爐 歲入3億2,150萬元)
        restates the one body amount of its unit, year and value (within the written digits) whose name holds the
        noun the title names it by (歲入 in 全年歲入決算數; 歲出 is another): the body states it, the title repeats it."""
        end = self.f.find("\n")
        if end < 0 or re.search(r"[。；;！？!?]", self.f[:end]) or not self.f[end:].strip():
            return
        claimed = {row["claim_start"] for row in self.rows}
        for t in self.m:
            if t.start >= end:
                break
            if not t.level or t.roles or t.bound or not _known(t.value) or t.start in claimed:
                continue
            name = STAGE.sub("", _unplaced(_core(t.name)))
            found = []
            for x in self.m:
                if x.start <= end or not x.level or not same_unit(x.unit, t.unit) or not _same_quantity(x, t):
                    continue
                if not self.r.same_year(x.year, t.year) or x.roles & {"base", "change"}:
                    continue
                held = _core(self.qualified(x))
                if any(name[-k:] in held for k in range(len(name), 1, -1)):
                    found.append(x)
            if (len(name) < 2 or _place_only(name)) and len(re.sub(r"\D", "", t.as_written)) >= 3:
                # 臨瀾縣136項權力“沉”到鎮裡 / 下放管理權限136項: a title naming nothing before its amount (a place
                # aside) paraphrases the body's noun after it; the one body amount written with the same digits (这/上述
                # N restating it aside) is the one it repeats (a title naming 歲入 is never bound to 歲出 this way)
                found = [x for x in self.m if x.start > end and x.level and same_unit(x.unit, t.unit) and _agree(x, t)
                         and re.sub(r"\D", "", x.as_written) == re.sub(r"\D", "", t.as_written) and self.r.same_year(x.year, t.year)
                         and not x.roles & {"base", "change"} and not DEMONSTRATIVE.fullmatch(_core(x.name))]
            if len(found) == 1:
                t.roles.add("claim")
                self.propose("restatement", t, "value", (found[0],), ("later",))
