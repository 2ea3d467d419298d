"""Shares: a part of a whole (占x%), shares named by their rate's words (出缺率, 使用率), verb rates (建成率),
execution rates, and the whole a share's part belongs to.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold, words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _known, same_unit
from analysis.extraction.claims.names import _core_keep_list
from analysis.extraction.named_amounts import place_names
from analysis.extraction.claims.patterns import (
    ACTUAL, AGAINST_END, HARD_END, AMONG, AMONG_NOUN, BUDGET, BUDGET_AMOUNT, BUDGET_NAME, DIFFER_WORD, DONE, EACH, EXECUTION,
    NAMED_SHARE, NOT_WHOLE, OF_IT, OF_WHOLE, PART_AFTER, PLACE, PLANNED, PRIOR_NAME, QIZHONG, QUALIFIED_OF, RATE, SHARE,
    SHARE_FROM, STOP, VERB_RATE, WHOLE_THEN_RATE, WHOLE_WORDS, _group, _rx,
)

# 共168项, 全县12个乡镇均…: a clause naming its amount as a total (the words of the clause before the amount)
STATED_WHOLE = _rx(rf"(?:{_group('share', 'stated_whole')})")
# 占总量的38.1%: a whole named by a total's word alone (the name, 的/之 aside) points back to the total stated
BACK_WHOLE = _rx(rf"^(?:{_group('share', 'back_whole')})[的之]?$")
# 共1,206人受訪, 有效问卷860份: a survey's respondents, its shares' whole
SURVEY = _rx(rf"(?:{_group('share', 'survey_whole')})")
# 約六成（731人）, 24%(289人): a share whose part is the amount bracketed right after it
BRACKETED = _rx(r"\s*[(（]\s*$")
# 只有41项,不到四分之一: a fraction or 成 alone in its clause, a share of the amount of the clause before
ALONE = _rx(rf"^\s*(?:{_group('share', 'alone')})?\s*$")
# 合计占, 以上合計佔: the sum words right before a share word
SUM_WORDS_END = _rx(rf"(?:{_group('total', 'sums_before')})\s*$")
FRACTION = _rx(r"分之|/|成|半")  # 逾半數, 過半: a half is a fraction
# 較上年度決算數178,905: an amount named after a comparison word and a prior year is a base, no actual nor budget
PRIOR_BASE = _rx(rf"(?:{_group('change', 'flat_against')})\s*(?:{_group('change', 'prior')})")


# 歲出4.4億元中人事費3.2億元: 中 right after the whole, then the part's name (no number, no stop) up to the part
AMONG_THEN_PART = _rx(rf"\s*(?:之)?中[^{STOP}\d]{{1,12}}")
# 歲出9.6億元,人事費就占了5.9億元,比率61.5%: the part is the amount 占 (了) names, the whole the one amount before it
OCCUPIES = _rx(rf"(?:{_group('share', 'occupies')})$")


# 閒置者41處: a count of idle units is no part of a use or run rate (its complement)
IDLE = _rx(_group("share", "idle"))
# 这136项事项中, / 在受访的500名居民中,: an amount whose clause closes with "…中" after it is the whole of what follows
CLOSES_AMONG = _rx(rf"[^{STOP}\d]{{0,10}}?(?<![{''.join(words('share', 'among_not_before'))}])"
                   rf"(?:{_group('share', 'among')})\s*(?:[{STOP}]|$)")
# 全县, 本市, 各乡镇 (and 今年县, a misread): no one place among others
WHOLE_PLACE = re.compile(r"^(?:全|本|该|該|我|各)|年")
# a whole named by nothing but the whole place (占全县的, 佔全縣之): the place's stated total
PLACE_WHOLE = _rx(rf"(?:{_group('share', 'place_whole')})[的之]?")
# the words after an amount up to its clause's end or the next number (49處正常運作,)
AFTER_WORDS = _rx(rf"[^{STOP}\d]*")


# 收入/支出: a budget of one side of the accounts is no budget of the other's amount
SIDE = _rx(r"收入|支出|岁入|岁出")

# 占/佔/比重: a part of its whole, never above it (完成预算的110%, 相当于上年的120% may be)
OF_SHARE = re.compile(r"[占佔]|比重")


def _smaller(whole: Mention, part: Mention) -> bool:
    """The whole's largest value is below the part's smallest: no whole of that part."""
    top = whole.high if _known(whole.high) else whole.value
    bottom = part.low if _known(part.low) else part.value
    return _known(top) and _known(bottom) and top < bottom


class _Shares(_Base):
    """The finders of the share form: shares, named shares, verb rates, execution rates."""

    def item_subject(self, m: Mention) -> Mention | None:
        """农林水支出A,较上年的B增加N,…,占支出合计的S%: the amount that opens m's ;-item (no base, change or rate)."""
        first = next((x for x in self.segment_mentions(m) if x.i < m.i), None)
        if first is None or not first.level or first.clause != self.r.clause[self.r.segment_starts[m.segment]] \
                or AGAINST_END.search(first.before) or first.depth > m.depth:
            return None
        return first

    def among_whole(self, part: Mention, m: Mention) -> Mention | None:
        """已承接事项中实际运行62项,占78.48%: the whole is the amount the text states under the noun of the last
        clause of the part's sentence (up to the part's) that opens "(在)X(之)中" (X's words before its last two, its
        head: 已承接事项 -> 承接), stated before, exactly one; a "…中," closing a number nearer the part is its own."""
        lo = self.r.sentence_starts[part.sentence]
        found = None
        for k in range(self.r.clause[lo], part.clause + 1):
            said = AMONG_NOUN.match(self.f, self.r.clause_starts[k])
            if said is not None and said.end() <= part.start:
                found = said
        if found is None:
            return None
        total = self.containing_total(part)
        if total is not None and total.start > found.start():
            return None
        noun = found.group("noun")
        modifier = re.sub(r"^(?:已经|已|各)", "", noun[:-2]) if len(noun) >= 4 else ""
        key = _core(modifier) if len(_core(modifier)) >= 2 else _core(noun)  # names lose their function words (有)
        # 現有人員中 with 現有員額41人: a modifier its function word makes one character (現有 -> 現) names the whole
        # as written before the amount, whatever head noun the amount's name ends with (人員/員額)
        raw = modifier if len(_core(modifier)) == 1 and len(modifier) >= 2 else ""

        def named(x: Mention) -> bool:
            if raw:
                return raw in self.f[self.r.clause_starts[x.clause]:x.start]
            # 歲入決算數中 with 一、歲入:…決算數A: the line's heading qualifies the amount's name
            return key in x.name + self.after_noun(x) or key in self.heading(x) + x.name

        fits = [x for x in self.m[:m.i] if x is not part and x.level and x.unit == part.unit and x.depth <= m.depth
                and named(x) and not PRIOR_NAME.search(PLACE.sub("", x.name))
                and not AGAINST_END.search(x.before) and x.start < found.start() + len(found.group())]
        fits = [x for x in fits if x.start < found.start() or x.clause == self.r.clause[found.start()] and x is not part]
        return fits[0] if len(fits) == 1 else None

    def verb_rates(self):
        """建成率89.13%, 承接率91.86%: the amount the rate's verb names before it in the sentence (已建成41个) over the
        total a "…中," closes (在86项事项中) or the one planned count (建设任务46个); either not stated: a value."""
        taken: set[int] = set()  # the parts verb rates bound (甲a,投票率p;乙…,投票率q: a is p's only)
        for m in self.m:
            if not m.percent or m.direction or m.roles:
                continue
            said = VERB_RATE.search(self.clause_head(m))
            if said is None:
                continue
            verb = said.group("rate")[:-1]
            # 达到基本标准的10所 for 达标: the verb's two characters apart, a few words between, in the part's own words
            apart = re.compile(rf"{re.escape(verb[0])}[^{STOP}\d]{{0,4}}{re.escape(verb[1:])}") if len(verb) == 2 else None
            # the part of a verb rate stated before in the sentence (甲a,投票率p;乙…,投票率q) is that rate's, not this one's
            part = next((x for x in self.back(m.i) if x.sentence == m.sentence and x.level and (verb in x.before or (
                apart is not None and apart.search(x.before)))), None)
            part = None if part is not None and part.i in taken else part
            if part is None:  # 親子館12處已開放,開放率…: the verb after the amount in its ;-item
                part = self.named_after(m, re.compile(re.escape(verb)))
            if part is None:
                continue
            whole = self.containing_total(part)
            if whole is None:
                planned = [x for x in self.back(part.i) if x.sentence == m.sentence and x.level and x.unit == part.unit
                           and PLANNED.search(x.before)]
                whole = planned[0] if len(planned) == 1 else None
            if whole is None:
                whole = self.subject_whole(part) or self.stated_whole(part)
            if whole is None:  # 查出问题金额A,已整改B,整改率P: the one amount of the part's unit its ;-item states before it
                before = [x for x in self.in_sentence(part) if x.i < part.i and x.segment == part.segment
                          and x.level and not x.per_unit
                          and same_unit(x.unit, part.unit) and self.r.same_year(x.year, part.year)
                          and not PRIOR_NAME.search(x.name) and not x.roles & {"base", "part"}]
                whole = before[0] if len(before) == 1 else None
            # a verb's rate (达标率, 建成率) counts those of the whole that did it: a whole below its part is misbound
            if whole is None or whole is part or _smaller(whole, part):
                continue
            m.roles.add("claim")
            part.roles.add("part")
            taken.add(part.i)
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def stated_whole(self, part: Mention) -> Mention | None:
        """共168项, 全县12个乡镇均已建成: the one amount of the part's unit and year whose clause names it a total
        (stated_whole words before it in its clause), in the nearest sentence that states amounts of the unit, the
        part's own (before it) or one before (of the part's paragraph or the one before); none, or two such amounts: None. Never the nearest larger number."""
        own_place = self.r.clause_place(part)  # 甲县承接了41项: 甲县's total, not 乙县's

        def fits(x: Mention) -> bool:
            # a base, or the part of another share (楓湖鄉承接97項,…;嵐谷鎮只有41項), is no whole of this part
            return x is not part and x.level and same_unit(x.unit, part.unit) and not x.roles & {"base", "part"} \
                and x.depth <= part.depth and self.r.same_year(x.year, part.year) \
                and not self.r.other_place(x.place, own_place) \
                and not PRIOR_NAME.search(PLACE.sub("", x.name))  # 上年…共200项 is no whole of this year's part

        def totals(xs: list[Mention]) -> list[Mention]:
            return [x for x in xs if STATED_WHOLE.search(self.f, self.r.clause_starts[x.clause], x.start)
                    or CLOSES_AMONG.match(self.f, x.end) or self.respondents(x)]

        stated = [x for x in self.in_sentence(part) if x.i < part.i and fits(x)]
        if stated:  # the part's sentence states amounts of its unit: its whole is one of them or none
            here = totals(stated)
            return here[0] if len(here) == 1 else None
        paragraph = self.f.count("\n", 0, part.start)
        for s in range(part.sentence - 1, -1, -1):  # in the part's paragraph or the one before
            if paragraph - self.f.count("\n", 0, self.r.sentence_starts[s]) > 1:
                break
            stated = [x for x in self.between(self.r.sentence_starts[s], self.r.sentence_end(s)) if fits(x)]
            if stated:
                found = totals(stated)
                return found[0] if len(found) == 1 else None
        return None

    def words_after(self, x: Mention) -> str:
        """The words after an amount up to its clause's end or the next number (49處正常運作, -> 正常運作)."""
        return AFTER_WORDS.match(self.f, x.end).group()

    def named_after(self, m: Mention, pattern: re.Pattern) -> Mention | None:
        """長照據點則有49處正常運作,使用率66.2%: the nearest amount before the rate in its ;-item whose words after it in
        its clause ``pattern`` finds (the rate's own words before the amount are named_by's)."""
        x = next((x for x in self.back(m.i) if x.segment == m.segment and x.sentence == m.sentence and x.level
                  and not x.percent), None)
        return x if x is not None and pattern.search(self.words_after(x)) else None

    def subject_whole(self, part: Mention) -> Mention | None:
        """社區圖書室58處、長照據點74處 … 長照據點則有49處正常運作: the one amount stated before the part's ;-item whose name's
        head noun (its last three characters; a name of two, whole) the part's ;-item names before it, of the part's
        unit and year (not a prior year's, a base or smaller than the part); amounts of two values: None. Bound by
        the noun, never by size."""
        lo = self.r.segment_starts[part.segment]
        subject = _core(self.f[lo:part.start])

        def named(x: Mention) -> bool:
            name = _core(PLACE.sub("", x.name))
            head = name[-3:] if len(name) >= 3 else name if len(name) == 2 else ""
            return bool(head) and head in subject

        place = self.item_place(part)  # 甲鎮有活動中心12處 is no whole of 乙鎮活動中心's part
        # the amounts of the part's own ;-item are named by its subject's words trivially: stated_whole's to weigh
        fits = [x for x in self.m[:part.i] if x.start < lo and x.level and not x.percent and not x.per_unit
                and same_unit(x.unit, part.unit) and self.r.same_year(x.year, part.year)
                and not PRIOR_NAME.search(PLACE.sub("", x.name)) and not AGAINST_END.search(x.before)
                and "base" not in x.roles and not _smaller(x, part) and named(x) and self.item_place(x) == place]
        return fits[0] if fits and len({x.value for x in fits}) == 1 else None

    def item_place(self, x: Mention) -> str:
        """The last place the ;-item names before ``x`` (甲镇), "" for none or a whole place (全县, 本市)."""
        places = place_names(self.f[self.r.segment_starts[x.segment]:x.start])
        name = places[-1][2] if places else ""
        return "" if WHOLE_PLACE.search(name) else name

    def respondents(self, x: Mention) -> bool:
        """有效问卷860份, 1,206人受訪, 1,206名受访者: x's clause names it a survey's respondents (the words before x in
        its clause, or those right after its unit); a clause about a part of them (受訪者中有731人) names none."""
        head = self.f[self.r.clause_starts[x.clause]:x.start]
        if "中" in head:  # 受訪者中有731人: a part of them
            return False
        return bool(SURVEY.search(head) or SURVEY.match(self.f, x.end, x.end + 6)
                    or SURVEY.match(self.after_noun(x)))

    def bracketed_shares(self):
        """約六成（731人）, 佔24%(289人): a share followed by an amount in brackets, its part, over the total a 其中/…中
        gives that amount or the one amount a clause names as a total (共1,206人受訪: stated_whole); none: no
        proposal."""
        for m in self.m:
            if not m.percent or m.direction or m.roles & {"part", "base", "later"} or m.i + 1 >= len(self.m):
                continue
            if any(r["claim_start"] == m.start and not r["reason"] for r in self.rows):
                continue
            part = self.m[m.i + 1]
            if not BRACKETED.match(self.f[m.claim_end:part.start]) or not part.level or part.percent \
                    or not re.match(r"\s*[)）]", self.f[part.end:part.end + 2]):
                continue
            whole = self.among_whole(part, m) or self.containing_total(part) or self.stated_whole(part)
            if whole is None or whole is part or _smaller(whole, part):
                continue
            self.rows[:] = [r for r in self.rows if not (r["claim_start"] == m.start and r["form"] == "share")]
            m.roles.add("claim")
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def alone_shares(self):
        """嵐谷鎮只有41項,不到四分之一; 有281人…,近九成: a fraction or 成 alone in its clause (a qualifier at most) is
        a share of the amount of the clause just before it, over the total a 其中/…中 gives that amount or the one
        amount a clause names as a total (stated_whole); either not stated: no proposal."""
        for m in self.m:
            if not m.percent or m.direction or m.roles or not FRACTION.search(fold(m.as_written)):
                continue
            if any(r["claim_start"] == m.start and r["form"] == "share" and not r["reason"] for r in self.rows):
                continue  # 佔三成 the share finder bound already
            if not ALONE.match(self.f[self.r.clause_starts[m.clause]:m.start]):
                continue
            if re.match(rf"[^{STOP}]", self.f[m.claim_end:m.claim_end + 1]):  # words after it in its clause: the fraction is of something named
                continue
            part = self.m[m.i - 1] if m.i else None
            if part is None or part.clause != m.clause - 1 or part.segment != m.segment or not part.level \
                    or part.percent or AGAINST_END.search(part.before):
                continue
            whole = self.among_whole(part, m) or self.containing_total(part) or self.stated_whole(part)
            if whole is None or whole is part:
                continue
            m.roles.add("claim")
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def shares(self):
        """X … 占(Y的) Z%: the part the clause is about, the whole the words after 占 name."""
        by_item: dict[int, list[Mention]] = {}
        for m in self.m:
            if m.percent and not m.direction and not m.roles & {"base", "later", "claim", "part"}:
                by_item.setdefault(m.segment, []).append(m)
        for rates in by_item.values():
            shared_whole = None  # a whole one share of the ;-item names serves the others (比例分别为…, 合计占歲入…)
            found = []
            for m in rates:
                if self.whole_between(m) or self.execution_rate(m):
                    continue
                trigger = self.share_trigger(m)
                if trigger is None:
                    self.share_from(m)
                    continue
                found.append((m, trigger))
                named = self.whole_name(m, trigger) if not RATE.search(trigger.group()) else ""
                if named:
                    shared_whole = shared_whole or named
            for m, trigger in found:
                self.share(m, trigger, shared_whole)

    def named_shares(self):
        """出缺率15%, 使用率为80%, 運轉率75%: a rate a noun names, its part the amount a clause before names 缺額
        (使用, 運轉), its whole the amount of that unit before the part named 預算員額 (共, 設計); one not stated: a
        value, no proposal. Bound by the names, never by the nearest larger number."""
        for m in self.m:
            if not m.percent or m.direction or m.roles:
                continue
            head = self.clause_head(m)
            kind = next((k for k, rx in NAMED_SHARE.items() if rx[0].search(head)), None)
            if kind is None:
                continue
            _, part_rx, whole_rx = NAMED_SHARE[kind]
            m.roles.add("claim")
            part = self.named_by(m, part_rx, None) or self.named_after(m, part_rx)
            if part is not None and kind != "vacancy" and IDLE.search(part.before + self.words_after(part)):
                part = None  # 閒置者41處,使用率…: the idle count is the complement's part, not this rate's
            whole = self.named_by(part, whole_rx, part.unit, exclude=(part,)) if part is not None else None
            if part is not None and whole is None:  # 建成站点中投入使用37个,使用率…: the whole a "X中" names
                whole = self.among_whole(part, m)
            if part is not None and whole is None and kind != "vacancy":  # 長照據點則有49處正常運作,使用率…
                whole = self.subject_whole(part) or self.stated_whole(part)
            if part is None or whole is None:  # a named rate whose part or whole is not stated is a value
                continue
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def whole_between(self, m: Mention) -> bool:
        """为预算数5,000万元的104%, 占支出总额8亿元之80%, 完成年初预算5000万元的104%: the amount between the share
        word and 的/之 right before the rate is the whole; the part is the item's subject."""
        whole = self.m[m.i - 1] if m.i and self.m[m.i - 1].clause == m.clause else None
        # 占A的75%, 占A的比重为80%, 占全县财政收入(6亿元)的75%: A is the whole
        if whole is None or not whole.level or not WHOLE_THEN_RATE.match(self.f[whole.claim_end:m.start]):
            return False
        if not re.search(rf"(?:{OF_WHOLE}|相当于|完成|实现)[^{STOP}\d]{{0,10}}$", whole.before):
            return False
        part = self.subject(m, whole.unit, exclude=(whole,))
        if part is None:
            self.unverifiable("share", m, "the part is not stated")
        else:
            part.roles.add("part")
            self.propose("share", m, "share", (part, whole), ("part", "whole"))
            self.share_inputs()[m.i] = (part, whole)
            # 占全镇总收入4亿元的50%;B b,占q%: the next item's bare share is of the same whole
            self.list_wholes()[m.i] = (whole.name or "-", whole)
        return True

    def execution_rate(self, m: Mention) -> bool:
        """执行率/完成率X%: the actual amount over the budgeted or planned one, both named in the sentence
        (预算支出A, 实际支出B); 一般公共预算 names revenue, not a budget."""
        if not EXECUTION.search(self.f, self.r.clause_starts[m.clause], m.start):
            return False
        # the amounts may follow the rate (执行率为95.2%,预算数1亿元,实支数9520万元): the sentence's, either side
        # a prior year's amount (較上年度決算數A, 上年实际支出A, 較112年度決算數A) is a base: neither of the two
        stated = [x for x in self.in_sentence(m) if x is not m and x.level and not PRIOR_BASE.search(x.before)
                  and not PRIOR_NAME.search(PLACE.sub("", x.name)) and self.r.same_year(x.year, m.year)]
        planned = [x for x in stated if PLANNED.search(BUDGET_NAME.sub("", x.before))]
        actual = [x for x in stated if x not in planned and ACTUAL.search(BUDGET_NAME.sub("", x.before))]
        if len(planned) == 1 and len(actual) == 1 and planned[0].unit == actual[0].unit:
            actual[0].roles.add("part")
            self.propose("share", m, "share", (actual[0], planned[0]), ("part", "whole"))
        else:
            self.unverifiable("share", m, "the budgeted or the actual amount is not stated")
        return True

    def share_trigger(self, m: Mention) -> re.Match | None:
        lo = self.r.segment_starts[m.segment]
        text = self.f[lo:m.start]
        last = None
        for last in SHARE.finditer(text):
            pass
        budget = None
        for budget in BUDGET.finditer(text):
            pass
        qualified_of = "的" in fold(m.as_written) and bool(QUALIFIED_OF.match(fold(m.as_written)))
        best = max((x for x in (last, budget) if x is not None), key=lambda x: x.end(), default=None)
        if best is None and not qualified_of:
            return None
        if best is not None and self.r.clause[lo + best.start()] < m.clause - 1 and not EACH.search(text[best.end():]):
            return None  # a share word two clauses back belongs to another number
        if best is not None and self.qualifies_amount(lo + best.end(), m):
            return None  # 达到基本标准的10所,达标率…: 达到X的 names the amount right after it, no whole of this rate
        return best if best is not None else re.match("", "")

    def qualifies_amount(self, at: int, m: Mention) -> bool:
        """达到基本标准的10所: the share word's 的 ends right before an amount (no percent) stated before ``m``."""
        after = next((x for x in self.m[:m.i] if x.start >= at), None)
        return after is not None and not after.percent and not self.f[at:after.start].strip()

    def whole_name(self, m: Mention, trigger: re.Match) -> str:
        """The whole the words after 占 (为…的, 达…的) name ("占下放權限總數的" -> 下放权限总数; "合计占歲入94%" ->
        歲入); for 完成投资率为X%, the thing the rate is of (投资); else ""."""
        lo = self.r.segment_starts[m.segment]
        if BUDGET.fullmatch(trigger.group() or "-"):
            return ""
        previous_clause = self.r.clause_starts[m.clause - 1] if m.clause else lo
        head = self.f[max(lo, previous_clause):m.start]
        if not trigger.group():  # 不到财政预算收入的20%: the qualifier's words name the whole
            head = fold(m.as_written)
        named = None
        for named in re.finditer(rf"{OF_WHOLE}([^，,。；;、\d%]{{2,20}}?)的", head):
            pass
        if named is None:
            named = re.search(r"占(?:到|了)?([^，,。；;、\d%的]{2,12}?)$", head)  # 合计占歲入94.02%
        if named is None and not trigger.group():
            named = re.match(rf"{QUALIFIED_OF.pattern}([^，,。；;、\d%的]{{2,12}}?)(?:的|[\d百一二三四五六七八九十])", head)
        if named is None and RATE.search(trigger.group()):  # 完成投资率为X%: the whole is of 投资
            rate = self.f[self.r.clause_starts[m.clause]:lo + trigger.start()]
            return DONE.sub("", rate) if len(rate) >= 2 else ""
        if named is None or NOT_WHOLE.fullmatch(named.group(1)):
            return ""
        # 占歲入比率為40%, 佔歲入決算數之40%: the share's own noun and 之 are no part of the whole's name
        name = re.sub(r"[的之]?(?:比率|比重|比例|占比|百分比)?(?:为|是|达)?$", "", named.group(1)) or named.group(1)
        return "" if len(name) < 2 or name.startswith("比") and len(name) <= 3 else name  # 占比达75%: names none

    def share(self, m: Mention, trigger: re.Match, shared_whole: str):
        lo = self.r.segment_starts[m.segment]
        sentence = self.in_sentence(m)
        # the rates one 分别 gives, in turn: the k-th belongs to the k-th part
        each = EACH.search(self.f, lo + trigger.end() if trigger.group() else m.start, m.start)
        if each is None and trigger.group():  # 分别占X的a%、b%: 分别 just before the share word
            each = re.search(rf"{EACH.pattern}$", self.f[self.r.clause_starts[self.r.clause[lo + trigger.start()]]:lo + trigger.start()])
            each = EACH.search(self.f, lo + trigger.start() - 2, lo + trigger.start()) if each else None
        rates = [x for x in sentence if x.percent and x.start >= (each.end() if each else m.start)
                 and x.clause == self.r.clause[each.end() if each else m.start]]
        k = rates.index(m) if each and m in rates else 0
        n = len(rates) if each else 1
        if BUDGET.fullmatch(trigger.group() or "-"):
            whole = next((x for x in self.back(m.i) if x.sentence == m.sentence and x.amount
                          and BUDGET_AMOUNT.search(x.before)), None)
            part = self.subject(m, whole.unit, exclude=(whole,)) if whole is not None else None
            if whole is None:  # 完成年初预算的103.5% with 年初预算安排A in another sentence: that one amount
                part = next((x for x in self.preceding(m) if x.level and x.amount and x.depth <= m.depth), None)
                kind = BUDGET_AMOUNT.search(trigger.group())  # 年初预算, 调整预算: the kind of budget named
                whole = self.budget_elsewhere(part, kind.group() if kind else "") if part is not None else None
            if whole is None or part is None:
                missing = "budget" if whole is None else "actual"
                self.unverifiable("share", m, f"the {missing} amount is not stated")
                return
            self.propose("share", m, "share", (part, whole), ("part", "whole"))
            return
        head = self.f[lo:lo + trigger.start()] if trigger.group() else ""
        if head:  # the part is named before the clause's first share word (…增加值占…的比重: before 占)
            first = SHARE.search(self.f, self.r.clause_starts[self.r.clause[lo + len(head)]], lo + len(head))
            head = self.f[lo:first.start()] if first else head
        if SUM_WORDS_END.search(head[-4:]):
            stated = [x for x in sentence if x.percent and x.segment == m.segment and x.start < m.start]
            # A a,占X p%;C c、D d及E e,合计占r%: the amounts of the sum's own ;-item (two or more, one unit, no
            # share of their own) are its parts, over the whole the item before's share named
            own = [x for x in self.segment_mentions(m) if x.i < m.i and x.level and not x.percent and not x.per_unit]
            before = [x for x in sentence if x.i < m.i and x.segment == m.segment - 1 and x.i in self.list_wholes()]
            if len(stated) < 2 and len(own) >= 2 and len({x.unit for x in own}) == 1 and before \
                    and not (self.whole_name(m, trigger) if trigger.group() and not RATE.search(trigger.group()) else ""):
                whole = self.list_wholes()[before[-1].i][1]
                if whole is not None and whole not in own and same_unit(whole.unit, own[0].unit):
                    self.propose("share_of_sum", m, "share_of_sum", (*own, whole), ("parts…",) * len(own) + ("whole",))
                    return
            if len(stated) < 2:  # A a,占X p%;B b,占q%,合计占r%: the shares of one whole the ;-list stated before
                stated = self.listed_shares(m)
                if stated is None:
                    self.unverifiable("share", m, "the shares summed are of more than one whole")
                    return
            # the whole the sum's own words name (合计占可用财力的), if any
            named = self.whole_name(m, trigger) if trigger.group() and not RATE.search(trigger.group()) else ""
            summed = self.summed_parts(m, named, stated) or (None if stated else self.listed_amounts(m, named))
            if summed is not None:  # A a,占X p%;B b,占q%;合计占r%: (a + b) / X
                parts, whole = summed
                self.propose("share_of_sum", m, "share_of_sum", (*parts, whole), ("parts…",) * len(parts) + ("whole",))
                return
            if len(stated) >= 2:  # 比例分别为a%及b%, 合计占X c%: the shares of the parts add
                self.propose("total", m, "sum", stated, ("parts…",) * len(stated))
                return
        named_rate = bool(RATE.search(trigger.group()))  # 城镇化率为56.3%: a value unless its part and whole are stated
        if not named_rate and n == 1 and head and not any(
                x.start >= self.r.clause_starts[m.clause] for x in self.in_sentence(m) if x.i < m.i):
            # 補助及協助收入仍佔歲入逾五成 (no amount in its clause): the pair an earlier share of that part and whole
            # bound, before any binding by name (歲入 names the budget and the actual alike)
            restated = self.restated_share(m, head, self.whole_name(m, trigger))
            if restated is not None:
                self.propose("share", m, "share", restated, ("part", "whole"))
                return
        part = self.share_part(m, head, k, n)
        if part is None:
            if not named_rate:
                self.unverifiable("share", m, "the part is not stated")
            return
        name = self.whole_name(m, trigger) or shared_whole
        whole, forward = None, False
        if OF_IT.match(name or "-"):  # 占其中的80%
            whole = self.sentence_total(part, m)
            name = ""
        elif BACK_WHOLE.match(name or "-"):  # 占总量的38.1%: the total just stated, by structure
            whole = self.containing_total(part) or self.stated_whole(part)
            if whole is None or whole is part or _smaller(whole, part):
                self.unverifiable("share", m, f"the whole ({name}) is not stated")
                return
        elif PLACE_WHOLE.fullmatch(name or "-"):
            # 全县共有村卫生室120个,其中达标90个,占全县的75%: a whole named by the whole place alone is the total the
            # part belongs to, or the one stated total, when that total's clause names the same place
            whole = self.containing_total(part) or self.stated_whole(part)
            if whole is None or whole is part or _smaller(whole, part) \
                    or name not in self.f[self.r.clause_starts[whole.clause]:whole.start]:
                self.unverifiable("share", m, f"the whole ({name}) is not stated")
                return
        elif name:
            # a whole is of the part's own year: an amount a prior word names (上年度…为A, 去年) is none of a part
            # that names no prior year
            prior = () if PRIOR_NAME.search(name + part.name) else tuple(x for x in self.m if PRIOR_NAME.search(x.name))
            # 占到位资金的65.7%: the one amount its clause states under the name's modifier (实际到位A), when the
            # name is a modifier and a head noun; else the amount whose name repeats most of the name
            place = part.place or self.r.place_at(m.start)  # a share's whole is of its part's place
            whole = self.modifier_whole(name, part, m, prior) or \
                self.by_name(name, part.unit, part.year, m.start, exclude=(part, *prior), place=place) or \
                self.split_name_whole(name, part, m, prior)
            if whole is not None and _smaller(whole, part) and OF_SHARE.search(trigger.group()) \
                    and (_core(name) not in whole.name or DIFFER_WORD.search(whole.before)):
                # 人事費A,佔刪減後歲出的41.3% bound to 刪減B by half its name, or to the gap 與刪減後歲出相差C: a part's
                # whole is no smaller than it, so the name's next amount, if any (a whole the name states in full
                # stays: the claim is graded)
                whole = self.by_name(name, part.unit, part.year, m.start, exclude=(part, whole, *prior), place=place)
                whole = None if whole is not None and _smaller(whole, part) else whole
            if whole is None:
                if not named_rate:
                    self.unverifiable("share", m, f"the whole ({name}) is not stated")
                return
        else:
            whole = self.among_whole(part, m) or self.containing_total(part) or self.occupied_whole(part, m)
            if whole is None and not named_rate:
                carried = self.list_whole(m, part)
                if carried is None:  # 一般政務支出A最多,佔p%;…,以上合計佔歲出q%: the whole the list's sum names
                    later = self.later_list_whole(m)
                    # named after the shares it serves: most of its name must be the stated amount's (歲出決算數
                    # is not 歲出預算數)
                    carried = (later, self.by_name(later, part.unit, part.year, m.start, exclude=(part,),
                                                   threshold=0.75)) if later else None
                    forward = True
                if carried is not None:
                    name, whole = carried
                    if whole is None or whole is part or not same_unit(whole.unit, part.unit):
                        self.unverifiable("share", m, f"the whole ({name}) is not stated")
                        return
        if whole is None and not named_rate and not name:
            # 共1,206人受訪,…;…者289人,佔24%: else the survey's respondents, when they are the one total stated (a
            # total of another kind, 共/全县, stays unbound: a share naming no whole may be of a part of it)
            whole = self.head_whole(part, m)
            if whole is None:
                stated = self.stated_whole(part)
                whole = stated if stated is not None and self.respondents(stated) else None
        if whole is None:
            if not named_rate:
                self.unverifiable("share", m)
            return
        part.roles.add("part")
        self.propose("share", m, "share", (part, whole), ("part", "whole"))
        self.share_inputs()[m.i] = (part, whole)
        if not named_rate and not forward:  # a whole named after the share is the sum's: its shares are no carry
            self.list_wholes()[m.i] = (name, whole)

    def restated_share(self, m: Mention, head: str, name: str) -> tuple[Mention, Mention] | None:
        """补助收入仍占总收入的一半以上 (no amount in its clause) after 补助收入A,占总收入的p%: the part and whole of the
        one share proposed before m whose part's name the words before 占 hold and whose whole the name after 占
        names (its name, or its line's heading with it); none, two, or no whole named: None."""
        said = _core(head[self.r.clause_starts[m.clause] - self.r.segment_starts[m.segment]:])
        wanted = _core(WHOLE_WORDS.sub("", name)) or _core(name) if name else ""
        if len(said) < 2 or len(wanted) < 2:
            return None
        fits = {(id(p), id(w)): (p, w) for i, (p, w) in self.share_inputs().items() if i < m.i
                and len(_core(p.name)) >= 2 and _core(p.name) in said
                and (wanted in _core(w.name) or wanted in self.heading(w) + _core(w.name))}
        return next(iter(fits.values())) if len(fits) == 1 else None

    def budget_elsewhere(self, part: Mention, kind: str = "") -> Mention | None:
        """完成年初预算的103.5% whose sentence states no budget: the one amount of the part's unit and year that
        budget words name (年初预算安排A, 预算数A) in the part's paragraph or the one either side; a prior year's,
        one of the other side of the accounts (支出 for a 收入 part) or two such amounts: None."""
        here = self.f.count("\n", 0, part.start)
        side = SIDE.findall(part.name)
        fits = [x for x in self.m if x is not part and x.level and x.amount and not x.per_unit
                and same_unit(x.unit, part.unit) and self.r.same_year(x.year, part.year)
                and abs(self.f.count("\n", 0, x.start) - here) <= 1
                and BUDGET_AMOUNT.search(BUDGET_NAME.sub("", x.before)) and not PRIOR_BASE.search(x.before)
                and not PRIOR_NAME.search(PLACE.sub("", x.name))
                and not (side and SIDE.findall(x.name) and set(SIDE.findall(x.name)) != set(side))]
        if len(fits) > 1 and kind:  # 完成调整预算的P% with 调整预算A,比年初预算B增加N: the budget of the kind it names
            fits = [x for x in fits if kind in BUDGET_NAME.sub("", x.before)]
        return fits[0] if len(fits) == 1 else None

    def modifier_whole(self, name: str, part: Mention, m: Mention, prior=()) -> Mention | None:
        """占到位资金的65.7% after 下达资金A, 实际到位B: a name of a modifier and a head noun (到位 + 资金) is of the
        one amount of the part's unit and year before m whose clause writes the modifier before it; none or two: None
        (the caller then binds by the whole name)."""
        modifier = fold(name)[:-2]  # as written: 到 is a function word _core drops
        at = self.f.rfind(fold(name), self.r.clause_starts[m.clause], m.start)
        if at >= 2 and re.match(r"[占佔]到", self.f[at - 2:at]):  # 占到位资金的: 到 is the modifier's (到位), not 占到's
            modifier = "到" + modifier
        if len(modifier) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", modifier):
            return None
        fits = [x for x in self.m[:m.i] if x is not part and x not in prior and x.level and x.amount
                and same_unit(x.unit, part.unit) and self.r.same_year(x.year, part.year)
                and modifier in self.f[self.r.clause_starts[x.clause]:x.start]
                and not PRIOR_NAME.search(PLACE.sub("", x.name))]
        return fits[0] if len(fits) == 1 and not _smaller(fits[0], part) else None

    def split_name_whole(self, name: str, part: Mention, m: Mention, prior=()) -> Mention | None:
        """占问题金额的33.34% after 审计发现问题58个,涉及金额A: a name of a modifier and a head noun written apart is of
        the one amount before m of the part's unit and year named by the head noun (its name ends with it) whose
        sentence names the modifier before it; a part of a sum or of another share, a base, a prior year's: none of
        it, nor a 其中's part when its total fits; none or two: None."""
        core = _core(name)
        modifier, head = core[:-2], core[-2:]
        if len(modifier) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", head):
            return None
        summed = {id(x) for _, parts in self.sums for x in parts}
        fits = [x for x in self.m[:m.i] if x is not part and x not in prior and x.level and x.amount and not x.per_unit
                and id(x) not in summed and not x.roles & {"part", "base"} and same_unit(x.unit, part.unit)
                and self.r.same_year(x.year, part.year) and not AGAINST_END.search(x.before)
                and not PRIOR_NAME.search(PLACE.sub("", x.name)) and _core(x.name).endswith(head)
                and modifier not in _core(x.name)  # the name in full is by_name's
                and modifier in _core(self.f[self.r.sentence_starts[x.sentence]:x.start])]
        # 涉及金额A。其中,…问题9个、金额B: the parts a 其中 gives a fitting total are of it, no whole of their own
        fits = [x for x in fits if not any(y is self.containing_total(x) for y in fits if y is not x)]
        return fits[0] if len(fits) == 1 and not _smaller(fits[0], part) else None

    def head_whole(self, part: Mention, m: Mention) -> Mention | None:
        """全鄉設籍人口A,…;65歲以上老年人口B,佔P%: a share naming no whole is of the population its part's head noun
        names, when the sentence states in a ;-item before the part's exactly one other amount of the part's unit
        and year whose name ends with that noun (人口) and whose clause names it a total (全鄉, 共: stated_whole): the
        whole, not another part (男性人口A;女性人口B); no base, no prior year's; none or two: None."""
        noun = _core(part.name)[-2:]
        if len(_core(part.name)) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", noun):
            return None
        # in a ;-item before the part's: commas alone (全镇财政收入A,税收收入B,占比P%) list amounts, no whole and part
        fits = [x for x in self.in_sentence(part) if x.segment < part.segment and x.level and x.amount and not x.per_unit
                and not x.roles & {"part", "base"} and same_unit(x.unit, part.unit)
                and self.r.same_year(x.year, part.year) and not AGAINST_END.search(x.before)
                and not PRIOR_NAME.search(PLACE.sub("", x.name)) and x.depth <= m.depth]
        named = [x for x in fits if _core(x.name).endswith(noun) and _core(x.name) != _core(part.name)
                 and STATED_WHOLE.search(self.f, self.r.clause_starts[x.clause], x.start)]
        return named[0] if len(named) == 1 and not _smaller(named[0], part) else None

    def share_inputs(self) -> dict[int, tuple[Mention, Mention]]:
        """The share mentions proposed so far by the share form, each with its part and whole."""
        if not hasattr(self, "_share_inputs"):
            self._share_inputs = {}
        return self._share_inputs

    def summed_parts(self, m: Mention, name: str, stated: list[Mention] | None) -> tuple[list[Mention], Mention] | None:
        """以上合計佔歲出r%, 两项合计占r%: the parts and the one whole of the shares the sentence states before m (those
        of ``stated`` when it lists two or more, else every share proposed before m in the sentence), when each was
        proposed with its part and all share one whole; the whole is theirs, or the one the sum's words name (合计占可用财力的):
        else None."""
        shares = stated if stated and len(stated) >= 2 else \
            [x for x in self.in_sentence(m) if x.i < m.i and x.i in self.share_inputs()]
        if len(shares) < 2 or any(x.i not in self.share_inputs() for x in shares):
            return None
        parts = [self.share_inputs()[x.i][0] for x in shares]
        wholes = {id(self.share_inputs()[x.i][1]): self.share_inputs()[x.i][1] for x in shares}
        if len(wholes) != 1 or len({id(x) for x in parts}) != len(parts):
            return None
        whole = next(iter(wholes.values()))
        if name:  # 合计占可用财力的30%: the parts over the whole the sum's words name, which may be another
            whole = self.by_name(name, whole.unit, whole.year, m.start, exclude=tuple(parts))
        return (parts, whole) if whole is not None else None

    def listed_amounts(self, m: Mention, name: str) -> tuple[list[Mention], Mention] | None:
        """总投资T,其中A、B两项分别投入a和b,合计占r%: the amounts of one unit a 其中 or 分别 opens in m's sentence before
        m (two or more, none an average) over the total that 其中 belongs to, or the whole the sum's words name;
        else None."""
        lo = self.r.sentence_starts[m.sentence]
        opened = None
        for opened in re.finditer(rf"{QIZHONG.pattern}|{EACH.pattern}", self.f[lo:m.start]):
            pass
        if opened is None:
            return None
        at = lo + opened.start()
        parts = [x for x in self.in_sentence(m) if at < x.start and x.i < m.i and x.level and not x.per_unit]
        if len(parts) < 2 or len({x.unit for x in parts}) != 1:
            return None
        whole = self.by_name(name, parts[0].unit, parts[0].year, m.start, exclude=tuple(parts)) if name \
            else self.containing_total(parts[0])
        if whole is None or whole in parts or not same_unit(whole.unit, parts[0].unit):
            return None
        return parts, whole

    def list_wholes(self) -> dict[int, tuple[str, Mention | None]]:
        """The share mentions proposed so far, each with the name and the amount of its whole (None: not stated)."""
        if not hasattr(self, "_list_wholes"):
            self._list_wholes = {}
        return self._list_wholes

    def list_whole(self, m: Mention, part: Mention) -> tuple[str, Mention | None] | None:
        """A a,占X p%;B b,占q%: a share naming no whole, in a ;-item after the first of its sentence, is of the whole
        the share of the item before it named (its name, and its amount or None when not stated), when that share's
        part is of the unit of m's part; else None."""
        if m.segment == self.r.segment[self.r.sentence_starts[m.sentence]]:
            return None
        # a change of the item's amount (较上年度增加q%) after its share does not break the list; another rate does
        before = [x for x in self.in_sentence(m) if x.i < m.i and x.percent and not x.direction
                  and x.segment == m.segment - 1]
        shares = [x for x in before if x.i in self.list_wholes()]
        if not shares or shares[-1] is not before[-1]:
            return None  # the item before states no share of a whole, or ends with another rate
        name, whole = self.list_wholes()[shares[-1].i]
        if not name or whole is not None and (whole is part or not same_unit(whole.unit, part.unit)):
            return None
        return name, whole

    def later_list_whole(self, m: Mention) -> str:
        """A a,佔p%;B b,佔q%;C c,佔r%,以上合計佔歲出s%: the whole a later item's sum (合計佔X) names, for a share
        naming none in an earlier ;-item of the sentence, when no share between them names a whole; else ""."""
        for x in self.in_sentence(m):
            if x.i <= m.i or not x.percent or x.direction or x.segment == m.segment:
                continue
            trigger = self.share_trigger(x)
            if trigger is None or not trigger.group():
                continue
            name = self.whole_name(x, trigger) if not RATE.search(trigger.group()) else ""
            if not name:
                continue  # another bare share of the list
            head = self.f[self.r.clause_starts[x.clause]:self.r.segment_starts[x.segment] + trigger.start()]
            return name if SUM_WORDS_END.search(head) else ""
        return ""

    def listed_shares(self, m: Mention) -> list[Mention] | None:
        """合计占r%: the shares of one whole the items of m's ;-list (its sentence) state before m, its own item's
        included; [] when fewer than two, None when they are of two wholes (they do not add)."""
        found = [x for x in self.in_sentence(m) if x.i < m.i and x.i in self.list_wholes()]
        if len(found) < 2:
            return []
        return found if len({id(self.list_wholes()[x.i][1]) for x in found}) == 1 else None

    def sentence_total(self, part: Mention, m: Mention) -> Mention | None:
        """占其中的80%, 60%来自A: the whole 其 names is the total a 其中 list gave the part, else the first amount of the
        part's unit and year the sentence states as a level before the clause that holds the share."""
        total = self.containing_total(part)
        if total is not None and total is not part:
            return total
        lo = self.r.clause_starts[min(m.clause, part.clause)]
        return next((x for x in self.in_sentence(m) if x.end <= lo and x is not part and x.level and x.unit == part.unit
                     and x.depth <= m.depth and self.r.same_year(x.year, part.year)), None)

    def share_from(self, m: Mention):
        """X%来自A(,为N): the part is N (the clause after, opening with 为/达) or the amount the sentence names A; the
        whole the total the sentence states before (其中 before the rate: the total it belongs to)."""
        said = SHARE_FROM.match(self.f, m.claim_end)
        if said is None:
            return
        follows = next((x for x in self.m[m.i + 1:m.i + 2] if x.segment == m.segment and x.clause == m.clause + 1), None)
        part = follows if follows is not None and follows.level and PART_AFTER.match(
            self.f[self.r.clause_starts[follows.clause]:follows.start]) else None
        if part is None:
            unit = next((x.unit for x in self.back(m.i) if x.sentence == m.sentence and x.level), "")
            part = self.by_name(said.group("noun"), unit, m.year, self.r.sentence_end(m.sentence), exclude=(m,),
                                threshold=0.6)
            if part is not None and part.sentence != m.sentence:
                part = None
        whole = self.sentence_total(part, m) if part is not None else None
        if part is None or whole is None:
            self.unverifiable("share", m, "the part is not stated" if part is None else None)
            return
        part.roles.add("part")
        self.propose("share", m, "share", (part, whole), ("part", "whole"))

    def share_part(self, m: Mention, head: str, k: int, n: int) -> Mention | None:
        """The part: the k-th of n amounts before the share word in the sentence (分别); else the amount of the share
        word's clause; else what the clause names before 占 (the k-th name of a list: "第一产业、第二产业、第三产业
        增加值占…"); else, when the clause names nothing ("…有179项,占…"), the amount of the clause before."""
        lo = self.r.segment_starts[m.segment]
        cut = lo + len(head) if head else m.start
        amounts = [x for x in self.in_sentence(m) if x.i < m.i and x.level and x.end <= cut and x.depth <= m.depth]
        if n > 1 and len(amounts) >= n:
            return amounts[len(amounts) - n + k]
        clause = self.r.clause[cut] if head else m.clause
        clause_lo = self.r.clause_starts[clause]
        in_clause = [x for x in amounts if x.start >= clause_lo]
        if in_clause:
            return in_clause[-1]
        # 其中大专以上学历的占85%,达1020人: the part stated in the clause right after the share, opening with 为/达/计
        follows = next((x for x in self.m[m.i + 1:m.i + 2] if x.segment == m.segment and x.clause == m.clause + 1), None)
        if n == 1 and follows is not None and follows.level and follows.depth <= m.depth \
                and PART_AFTER.match(self.f[self.r.clause_starts[follows.clause]:follows.start]):
            return follows
        names = [x for x in re.split(r"[、和及]", _core_keep_list(self.f[clause_lo:cut])) if x]
        if not names or len("".join(names)) < 2:
            before = [x for x in amounts if x.segment == m.segment and x.clause == clause - 1
                      and not AGAINST_END.search(x.before)]  # 较上年度之A增加N,占…: A is a base, no part
            return before[-1] if before else self.item_subject(m) if n == 1 else None
        if len(names) > 1 and len({len(x) for x in names[:-1]}) == 1 and len(names[-1]) > len(names[0]):
            # a tail the last name gives them all: 第一产业、第二产业、第三产业增加值 -> 第一产业增加值 …; 轻、重工业 -> 轻工业
            tail = names[-1][len(names[0]):]
            names = [x + tail for x in names[:-1]] + names[-1:]
        name = names[min(k, len(names) - 1)]
        unit = next((x.unit for x in self.back(m.i) if x.amount), "")
        return self.by_name(name, unit, m.year, m.start) if len(name) >= 2 else None

    def occupied_whole(self, part: Mention, m: Mention) -> Mention | None:
        """歲出9.6億元,人事費就占了5.9億元,比率61.5%: a part written right after 占(了)/佔 in a clause before the share's
        is of the one amount of its unit its sentence states before it (no base, no rate, no prior year); none or two:
        None."""
        if part.clause == m.clause or not OCCUPIES.search(self.f[self.r.clause_starts[part.clause]:part.start].strip()):
            return None
        fits = [x for x in self.in_sentence(part) if x.i < part.i and x.level and not x.per_unit and not x.percent
                and same_unit(x.unit, part.unit) and not AGAINST_END.search(x.before)
                and not PRIOR_NAME.search(PLACE.sub("", x.name))]
        return fits[0] if len(fits) == 1 and not _smaller(fits[0], part) else None

    def past_prior_aside(self, head: Mention, part: Mention, where: int) -> Mention | None:
        """收入完成A,比上年增长P%。上年同口径收入为B。其中,税收C: a sentence whose amounts are all a prior year's (the
        base of the change before it) is an aside; the 其中 is of the first amount of the sentence before it, in the
        same line; a part named for a prior year keeps B."""
        def prior(x: Mention) -> bool:
            # 上年同口径收入为A: the clause opens with the prior year's word, whatever the name kept
            return bool(PRIOR_NAME.search(PLACE.sub("", x.name))
                        or PRIOR_NAME.match(self.f[self.r.clause_starts[x.clause]:x.start].strip()))

        if not prior(head) or prior(part):
            return head
        aside = [x for x in self.m if x.sentence == head.sentence and x.level and not x.per_unit]
        if not all(prior(x) for x in aside) or head.sentence == 0:
            return head
        line = self.f.count("\n", 0, where)
        before = [x for x in self.m if x.sentence == head.sentence - 1 and x.level and not x.per_unit and x.depth == 0
                  and self.f.count("\n", 0, x.start) >= line - 1]
        return before[0] if before and before[0].unit == part.unit and not prior(before[0]) else head

    def containing_total(self, part: Mention) -> Mention | None:
        """The total a part belongs to: the amount before 其中 in the part's sentence, or the total a sum gave it."""
        total = self._containing_total(part)
        return None if total is None or self.r.other_place(total.place, part.place) else total

    def _containing_total(self, part: Mention) -> Mention | None:
        for total, parts in self.sums:
            if part in parts and not total.per_unit and not self.rate_whole(total):
                aside = total.sentence == part.sentence - 1 and self.opens_sentence(self.r.sentence_starts[part.sentence])
                return self.past_prior_aside(total, part, part.start) if aside else total
        lo = self.r.sentence_starts[part.sentence]
        found = None
        for found in QIZHONG.finditer(self.f, lo, part.start):
            pass
        if found is None:
            # 全县120个行政村中,已有90个村…: the amount a "…中," closes before the part is its whole
            # 歲出4.4億元中人事費3.2億元: a "…中" right after the amount, then the part's name alone, is its whole too
            return next((x for x in self.back(part.i) if x.sentence == part.sentence and same_unit(x.unit, part.unit)
                         and x.level and not x.per_unit and (AMONG.match(self.f, x.claim_end) or AMONG_THEN_PART.fullmatch(
                             self.f, x.claim_end, part.start))), None)
        where = found.start()
        if self.opens_sentence(where):  # 其中 opening a sentence: the total the sentence before states
            head = next((x for x in self.heads(where) if x.unit == part.unit and not x.per_unit), None)
            if head is None:
                head = self.line_head(where, part)
            if head is None:  # 发现问题58个,涉及金额A。其中,…问题9个、金额B: the one amount of the part's unit there
                head = self.unit_head(where, part)
            return self.past_prior_aside(head, part, where) if head is not None else None
        # an average (乡镇平均764万元;其中…) is of one unit: the total is the amount before it; the whole a rate is
        # of (完成全年目标26亿元的47.5%, 占全市A的P%) is another amount's measure, not what the 其中 divides
        return next((x for x in self.back(part.i) if x.end <= where and x.sentence == part.sentence
                     and x.unit == part.unit and x.level and not x.per_unit and not self.rate_whole(x)), None)

    def line_head(self, where: int, part: Mention) -> Mention | None:
        """收入完成A,比上年增长P%。\\n其中,税收B: a 其中 opening a line right after a sentence's end (the reading keeps
        the empty sentence between 。 and the line break) is of the first amount of the last sentence stated, as
        within a line: the line before's (a heading line or another unit's first amount: None)."""
        sentence = self.r.sentence[where] - 1
        lo = self.r.sentence_starts[sentence] if sentence >= 0 else 0
        if sentence < 1 or self.f[lo:self.r.sentence_end(sentence)].strip() or self.f[lo - 1] not in HARD_END:
            return None
        first = next((x for x in self.between(self.r.sentence_starts[sentence - 1], lo)
                      if x.level and not x.per_unit and x.depth == 0), None)
        return first if first is not None and first.unit == part.unit and not _smaller(first, part) else None

    def unit_head(self, where: int, part: Mention) -> Mention | None:
        """A sentence stating a count and an amount (问题58个,涉及金额A) before a 其中 opening the next: the 其中 divides
        each; the total of the part's unit is the one amount of that unit the sentence before states (no base, rate,
        per-unit or prior year's amount); none or two: None."""
        sentence = self.r.sentence[where] - 1
        if sentence < 0:
            return None
        fits = [x for x in self.between(self.r.sentence_starts[sentence], self.r.sentence_end(sentence))
                if x.level and not x.per_unit and not x.percent and x.depth == 0 and x.unit == part.unit]
        if len(fits) != 1 or AGAINST_END.search(fits[0].before) or PRIOR_NAME.search(PLACE.sub("", fits[0].name)):
            return None
        return None if _smaller(fits[0], part) else fits[0]

    def rate_whole(self, x: Mention) -> bool:
        """目标26亿元的47.5%: x is written as the whole of the percentage right after it (的/之 between)."""
        after = self.m[x.i + 1] if x.i + 1 < len(self.m) else None
        return after is not None and after.percent and bool(re.fullmatch(r"\s*[的之]\s*", self.f[x.claim_end:after.start]))
