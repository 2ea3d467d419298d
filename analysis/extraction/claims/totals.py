"""Totals: sums of parts (其中, 合计, A加B), totals distributed by item, and totals stated after their parts.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import FORM, words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, same_unit
from analysis.extraction.claims.names import name_score
from analysis.extraction.places import TABLE as PLACE_LEVELS
from analysis.extraction.claims.patterns import (
    ACTUAL, ALL_BEFORE, AMONG, AMONG_NOUN, BUDGET_AMOUNT, BY, CLOSES, EACH, EACH_AFTER, EACH_BEFORE, INCLUDES, LIST_MARK, OPENS, PARTS_OPEN, PLUS,
    PLACE, PRIOR_NAME, QIZHONG, STOP, SUMS_BEFORE, YEAR, _group,
)

# the rest form's words (claim_forms: rest): a name that opens with a rest word, 非 and a part's name, or a pair
REST_OPENS = re.compile(rf"^(?:{_group('rest', 'rest')})")
NOT_PART = re.compile(rf"^(?:{_group('rest', 'not')})(?P<part>[^\d]{{2,}})$")
REST_PAIRS = tuple(tuple(pair.split("/")) for pair in words("rest", "pairs"))
SPLIT_PAIRS = tuple(tuple(pair.split("/")) for pair in words("split", "pairs"))
# a running total (claim_forms: total's again, reach_lead, reach): 再下放约40项 … 届时下放事项将达170多项
AGAIN = re.compile(rf"(?:{_group('total', 'again')})(?P<verb>[^{STOP}\d]{{0,6}})$")
REACH = re.compile(rf"(?:{_group('total', 'reach_lead')})[^{STOP}\d]{{0,10}}?(?:{_group('total', 'reach')})\s*$")
# 經費合計A：, 支出总额为A:, 共有A: a total whose colon right after it opens the list of its parts (claim_forms: total's
# sums_before, all, colon_whole)
COLON_WHOLE = re.compile(rf"(?:{_group('total', 'sums_before')}|{_group('total', 'all')}|{_group('total', 'colon_whole')})"
                         rf"[^{STOP}、\d]{{0,4}}$")
ALL_CLOSES = re.compile(rf"(?:{_group('total', 'all')})\s*$")  # …1个街道共十二个: 共 closing a part's noun
# 全镇收入A / 总支出A / 支出总额A: an item naming a whole, no part of a list (nor is one stated with its change)
WHOLE_LEAD = re.compile(r"(?:^|[,，])(?:全|总|總)|总额|總額|合计|合計|总计|總計|共")
# 以上各项合计T, 上述三个公所共计T: a sum opening its sentence that points back at the sentence before's list
BACK_POINTS = re.compile(r"[\s,，]*(?:以上|上述|前述|上列|上开|上開)")
EACH_WORD = re.compile(r"每|各")  # 甲镇每村补助20万元: an amount per unit, no part of a total
ALL_KINDS = re.compile(r"各(?:项|类|种|个方面)")
# words that name a clause's amount a sum (收入合计为N): a total ends a list, no part of it
SUM_WORD = re.compile("|".join((*words("total", "sums_before"), *words("total", "cumulative"))))
# words that make a clause's amount a compared or earlier one, no part of a list (比上年, 較去年, 上年为, 同比)
BASE_MARK_ANY = re.compile(r"比|较|較|同比|上年|去年|前一年|改革前|原有|原来|原來")
# what may stand before the rest's own name in its clause: a conjunction, a time or place word (目前, 尚有)
REST_LEAD = re.compile(r"^[\s,，、]*(?:而|和|及|以及|但|另有|尚有|还有|還有|目前|现|現)?")
# words that close a name before its amount (其余各项收入合计N, 闲置的有7处)
NAME_TAIL = re.compile(r"(?:合计|合計|共计|共計|总计|總計|共有|共|计|為|为|的|有|仅|僅|只有|达|達|约|約)+$")


def _not_of(rest: str, part: str) -> bool:
    """非 + ``rest`` names what ``part`` leaves: the part's name itself (非农业人口, 农业人口), or with the shared tail aside,
    the head of the part's (非税收入, 税收收入: 税 of 税收).

    >>> _not_of("税收入", "税收收入"), _not_of("农业人口", "农业人口"), _not_of("税收入", "增值税"), _not_of("税收入", "财政收入")
    (True, True, False, False)
    """
    if part.endswith(rest):
        return True
    k = 0
    while k < min(len(rest), len(part)) and rest[-1 - k] == part[-1 - k]:
        k += 1
    return k >= 2 and bool(rest[:-k]) and part[:-k].startswith(rest[:-k])


class _Totals(_Base):
    """The finders of the total form: 其中 lists, added, distributed and after-parts totals."""

    def totals(self):
        for m in self.m:  # N(a、b), N（含a、b）
            if m.amount and not m.direction and not m.roles & {"base", "claim"}:
                parts, some = self.bracket_parts(m)
                if parts:
                    self.add_sum(m, parts, "parts" if some else "total")
        for found in QIZHONG.finditer(self.f):
            self.qizhong(found)
        for found in PARTS_OPEN.finditer(self.f):  # 核定编制45名,包括行政编制20名、事业编制25名
            if not any(t.end <= found.start() and id(t) in self.summed and t.segment == self.r.segment[found.start()]
                       for t in self.heads(found.start())):
                self.qizhong(found)
        for m in self.m:  # 本市下放的401项管理权限中,甲有179项…;乙有155项…: the parts of the sentence's items
            among = AMONG.match(self.f, m.claim_end)
            if among is None or not m.level or id(m) in self.summed:
                continue
            hi = self.r.sentence_end(m.sentence)
            parts = self._items_parts(m.unit, m.depth, among.end(), hi, per_item=True)
            if len(parts) >= 2:
                self.add_sum(m, parts)
        self.distributed_totals()
        self.among_lists()
        self.totals_before_colon()
        self.totals_opening_colon()
        self.running_totals()
        self.totals_after_parts()
        self.added_totals()

    def rests(self):
        """其余各项收入合计N, 非税收入N (after 税收收入), 闲置N (after 在用): the rest of a whole, what the parts
        named before it leave (rule remainder: whole − parts), bound by structure only (claim_forms: rest). Runs
        after the shares, whose wholes may name the rest's whole (佔歲入決算數p%)."""
        proposed = {(r["claim_start"], r["claim_end"]) for r in self.rows if r["rule"] != "unverifiable"}
        for m in self.m:
            if not m.level or "claim" in m.roles or (m.start, m.end) in proposed:
                continue
            name = NAME_TAIL.sub("", REST_LEAD.sub("", m.before.strip()))
            # 其余8个各获…, 其余各5个: what each of a class holds (sum_of_products); 各项/各类 (all kinds) is no 各
            if not name or EACH_AFTER.match(self.f, m.claim_end) or EACH_BEFORE.search(ALL_KINDS.sub("", m.before)):
                continue
            later = [x for x in self.in_sentence(m) if x.i > m.i and x.level and same_unit(x.unit, m.unit)
                     and x.depth == m.depth and not self.prior(x)]
            if later:  # the rest ends its list
                continue
            whole, parts = self.rest_whole(m)
            if whole is None or not parts or not self.names_rest(name, parts):
                continue
            m.roles.add("claim")
            self.propose("rest", m, "remainder", [whole, *parts], ("whole", *("parts…",) * len(parts)))

    def prior(self, x: Mention) -> bool:
        """上年为0.77亿元: an amount of the year before, no part or rest of this year's whole."""
        return bool(PRIOR_NAME.search(PLACE.sub("", x.name)) or PRIOR_NAME.search(x.before.strip()))

    def names_rest(self, name: str, parts: list[Mention]) -> bool:
        """The rest's name marks it as the rest of these parts: a rest word, 非 and a part's name, a pair's second
        word after a part named with its first."""
        if REST_OPENS.match(name):
            return True
        said = NOT_PART.match(name)
        if said and any(_not_of(said.group("part"), _core(self.f[self.r.clause_starts[p.clause]:p.start]))
                        for p in parts):
            return True
        return any(name.startswith(rest) and any(kept in p.before for p in parts) for kept, rest in REST_PAIRS)

    def rest_whole(self, m: Mention) -> tuple[Mention | None, list[Mention]]:
        """The whole of a rest and the parts before it: the one whole the sentence's structure names (“…中,”, the parts' shares, a stated total) and the amounts of the unit after it
        up to the rest in the rest's sentence."""
        if any(m in parts for _, parts in self.sums) or "sub" in m.roles:
            return None, []  # a 其中 list's last part: its total's proposal checks the same sum
        before = [x for x in self.in_sentence(m) if x.i < m.i and x.level and same_unit(x.unit, m.unit)
                  and x.depth == m.depth and "sub" not in x.roles and not self.held_by_each(x) and not self.prior(x)]
        if not before:
            return None, []
        last = before[-1]  # the part nearest the rest names the whole; the parts are those after it
        whole = self.among_whole(last, m) or self.shares_whole(before) or self.stated_whole(last)
        if whole is None or not same_unit(whole.unit, m.unit) or not self.r.same_year(whole.year, m.year):
            return None, []
        return whole, [x for x in before if x.start > whole.end]

    def shares_whole(self, before: list[Mention]) -> Mention | None:
        """The one whole the parts' shares name (補助收入118,944,佔歲入決算數62.16%;稅課收入58,730,佔30.69%): the
        whole of the last part's share, no part after it a share of another."""
        def whole_of(p):
            found = {tuple(r["input_spans"][1]) for r in self.rows if r["rule"] == "share" and r["input_spans"]
                     and tuple(r["input_spans"][0]) == (p.start, p.end)}
            return found.pop() if len(found) == 1 else None
        span = whole_of(before[-1])
        whole = next((x for x in self.m if span and (x.start, x.end) == span), None)
        if whole is None or any(whole_of(p) not in (None, span) for p in before if p.start > whole.end):
            return None
        return whole

    def added_totals(self):
        """A, 加上B(和C), (再加上D,) 全镇可用财力T: A (the last amount of T's unit in the clause before the first 加上) and
        the amounts of the 加上 clauses that follow one another add up to T, the first amount of the clause after the
        last of them, all in one sentence (a later 加上 clause is an addend, never the total)."""
        def opens_plus(c: int) -> bool:
            if c >= len(self.r.clause_starts):
                return False
            lead = re.compile(r"[\s,，、]*").match(self.f, self.r.clause_starts[c])
            return bool(PLUS.match(self.f, lead.end()))

        for found in PLUS.finditer(self.f):
            clause = self.r.clause[found.start()]
            if clause and opens_plus(clause - 1) and opens_plus(clause):
                continue  # a later 加上 of a chain: the chain's first counts them
            chain = [clause]
            while opens_plus(chain[-1] + 1):
                chain.append(chain[-1] + 1)
            added = [x for x in self.m if x.clause in chain and x.start > found.start() and x.level]
            if not added or any(not same_unit(x.unit, added[0].unit) for x in added):
                continue
            unit, sentence = added[0].unit, added[0].sentence
            before = [x for x in self.m if x.clause == clause - 1 and x.sentence == sentence]
            after = [x for x in self.m if x.clause == chain[-1] + 1 and x.sentence == sentence]
            if not before or not after or not before[-1].level or not same_unit(before[-1].unit, unit):
                continue
            total = after[0]
            if not total.level or not same_unit(total.unit, unit) or id(total) in self.summed or total.roles:
                continue
            self.add_sum(total, [before[-1], *added])

    def running_totals(self):
        """已下放136项,今年再下放约40项,届时将达170多项: the total a clause's lead and reach words name (届时…将达T,
        累计达T) after an amount added again (再/另/新增 + a verb, B) in its sentence is A + B, A the one earlier amount of
        B's unit in the sentence; with none there, the one before B's sentence in the text whose clause holds the verb
        that follows 再 (下放县级管理权限136项). Two candidates or none: unverifiable."""
        for t in self.m:
            if not t.level or t.direction or id(t) in self.summed or t.roles & {"part", "sub", "claim"}:
                continue
            if not REACH.search(self.f, self.r.clause_starts[t.clause], t.start):
                continue
            added = [x for x in self.in_sentence(t) if x.i < t.i and x.level and same_unit(x.unit, t.unit)
                     and AGAIN.search(self.f, self.r.clause_starts[x.clause], x.start)]
            if len(added) != 1:
                continue
            b = added[0]
            verb = AGAIN.search(self.f, self.r.clause_starts[b.clause], b.start).group("verb").strip()
            verb = re.sub(r"^(?:约|約|近|逾|了)+|(?:约|約|近|逾|了)+$", "", verb)
            pool = [x for x in self.in_sentence(b) if x.i < b.i and x.level and same_unit(x.unit, b.unit) and not x.per_unit]
            if not pool and len(verb) >= 2:
                pool = [x for x in self.m if x.sentence < b.sentence and x.level and same_unit(x.unit, b.unit)
                        and not x.per_unit and not x.roles & {"part", "sub"}
                        and verb in self.f[self.r.clause_starts[x.clause]:x.start]]
            if len(pool) != 1:
                self.unverifiable("total", t, "the amount added to is not stated once")
                continue
            self.add_sum(t, [pool[0], b])

    def add_sum(self, total: Mention, parts: list[Mention], form: str = "total"):
        """A total and its parts: all of them (form total, rule sum), or those a 其中/包括/含 list names, which may be
        only some (form parts, rule parts_within)."""
        self.sums.append((total, parts))
        self.summed.add(id(total))
        for p in parts:
            p.roles.add("part")
        self.propose(form, total, FORM[form].rule, parts, ("parts…",) * len(parts))

    def bracket_parts(self, total: Mention) -> tuple[list[Mention], bool]:
        """N(a、b), N（含a、b）: the amounts of N's unit in the brackets right after it, the run joined by 、; and
        whether the brackets say they hold only some parts (含, 包括)."""
        opened = re.match(r"[^。\d(（，,；;]{0,6}[(（]", self.f[total.claim_end:total.claim_end + 8])
        if opened is None:
            return [], False
        open_at = total.claim_end + opened.end() - 1
        some = bool(INCLUDES.match(self.f, open_at + 1))
        run = []
        for x in self.m[total.i + 1:]:
            if x.sentence != total.sentence or not self._before_close(open_at, x.start):
                break
            if x.depth != total.depth + 1 or x.unit != total.unit or x.direction:
                continue
            if len(run) >= 2 and re.search(r"[,，;；]", self.f[run[-1].end:x.start]):
                break  # the run joined by 、 ends at a comma
            run.append(x)
        return (run if len(run) >= 2 else []), some

    def qizhong(self, found: re.Match):
        """A total and the parts its 其中 lists (see the table's binding for "total")."""
        w, at = found.start(), found.end()
        heads = self.qizhong_heads(w, at)
        # a total heads does not find (past a share, the ;-item before) is bound by a list of two parts or more only:
        # one part (其中已承接69项) may be the share's or the item's own, not said
        passed = bool(heads) and heads != self.heads(w)
        if not heads:
            return
        if self.named_list_total(found, heads[-1]):
            return
        unit, depth = heads[0].unit, self.r.depth[w]
        colon = re.search(r"[:：]", found.group())
        if self.f.startswith("\n", at) or (colon and not self.f[at:].split("\n", 1)[0].strip()):
            parts = self.line_items(heads[0], self.f.find("\n", at))
        elif self.opens_sentence(w) or colon:
            sentence = self.r.sentence[at]
            hi = self.r.sentence_end(sentence)
            parts = self._items_parts(unit, depth, at, hi, per_item=True)
            parts = self.named_clause_parts(parts, unit, depth, hi)
        else:
            segment = self.r.segment[at]
            hi = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
            parts = self._items_parts(unit, depth, at, hi, per_item=False)
            parts = self.same_noun_parts(heads[0], parts)
        # an average (平均每人近300人次) is no part; nor, in a list whose first part names no year, an amount of a
        # year the total does not name (是2018年1.10亿元的2.1倍); a list of years (其中2021年a、2022年b) keeps them all
        first = parts[0] if parts else None
        parts = [p for p in parts if not p.per_unit and (
            p is first or not p.year or p.year == heads[0].year or first.year not in ("", heads[0].year))]
        if passed and len(parts) < 2:
            return
        for total in heads:
            if id(total) in self.class_totals:
                continue
            # several totals before 其中: each part to the total it names (either name may hold the other's words:
            # 事业机构 in 共有事业机构; 甲镇、乙镇共设置党政内设机构 repeats half of 六县区乡镇共有党政内设机构)
            def score(p, h):
                return max(name_score(p.name, h.name), name_score(h.name, p.name))
            mine = parts if len(heads) == 1 else [
                p for p in parts if max(heads, key=lambda h: score(p, h)) is total and score(p, total) >= 0.5]
            for p in mine:
                p.roles.add("sub")  # a part of a part, not a part of a later 合计
            # 分别为 lists every part (a sum); 其中 and 包括 may list only some, even one ("其中已承接90项"): within
            if EACH.search(found.group()) and len(mine) >= 2 or self.both_sides(mine):
                self.add_sum(total, mine)
            elif not EACH.search(found.group()) and mine:
                self.add_sum(total, mine, "parts")

    def both_sides(self, parts: list[Mention]) -> bool:
        """其中經常門A,資本門B: two parts named by the two sides of a pair that splits a whole in full (the split
        form's pairs): the list is the whole, not some of it."""
        if len(parts) != 2:
            return False
        names = [p.name + self.after_noun(p) for p in parts]
        return any(a in names[0] and b in names[1] or b in names[0] and a in names[1] for a, b in SPLIT_PAIRS)

    def qizhong_heads(self, w: int, at: int) -> list[Mention]:
        """The totals of a 其中 (heads), and two structures heads passes: a 其中 opening a ;-item (歲出A,較預算數B減少C,
        執行率D;其中甲a,乙b) belongs to the one amount of the parts' unit the ;-item before it states of its own (two:
        which is not said, nothing); a clause that only gives a share (税收收入A,占…的P%,其中甲a) is
        passed like a rate when the 其中's first amount is no percentage."""
        heads = self.heads(w)
        nxt = next((x for x in self.between(at, self.r.sentence_end(self.r.sentence[w])) if x.depth == self.r.depth[w]), None)
        if nxt is None or nxt.unit == "%" or self.opens_sentence(w) or (heads and any(h.unit != "%" for h in heads)):
            return heads
        segment, depth = self.r.segment[w], self.r.depth[w]
        if not re.sub(r"[\s,，:：]", "", self.f[self.r.segment_starts[segment]:w]):
            if not segment or self.r.sentence[self.r.segment_starts[segment - 1]] != self.r.sentence[w]:
                return heads
            # the one amount of the parts' unit the item states of its own (no base after 較/比, no prior year's)
            prev = self.r.segment_starts[segment - 1]
            own = [x for x in self.between(prev, self.r.segment_starts[segment]) if x.level and not x.per_unit
                   and x.depth == depth and same_unit(x.unit, nxt.unit) and not self.prior(x)
                   and not BASE_MARK_ANY.search(self.f[self.r.clause_starts[x.clause]:x.start])]
            return own if len(own) == 1 else heads
        for c in range(self.r.clause[w] - 1, -1, -1):
            if self.r.clause_starts[c] < self.r.segment_starts[segment]:
                break
            inside = [x for x in self.between(self.r.clause_starts[c], self.r.clause_starts[c + 1]) if x.depth == depth]
            level = [x for x in inside if x.level and not x.per_unit and x.unit != "%"]
            if level:
                return [level[-1]] if same_unit(level[-1].unit, nxt.unit) else heads
            if not inside or any(x.unit != "%" for x in inside):
                break  # only a clause that states a share or a rate is passed
        return heads

    def same_noun_parts(self, total: Mention, parts: list[Mention]) -> list[Mention]:
        """共支持项目86个,其中甲类52个、乙类27个,覆盖甲、乙等6个乡镇: a later clause's amount that counts a noun
        of its own after its number (6个乡镇), a word the total's clause does not hold, counts other things: it and what
        follows end the list (parts that name a noun of the total's, 其中甲镇3个村 after 共有12个村, stay)."""
        said = self.f[self.r.clause_starts[total.clause]:total.start] + self.after_noun(total)
        for k, p in enumerate(parts):
            if k and p.clause != parts[0].clause and "元" not in p.unit:  # money names no counted noun after it
                noun = self.after_noun(p)
                if noun and noun not in said:
                    return parts[:k]
        return parts

    def among_lists(self):
        """現有員額中,甲a人、乙b人、丙c人: a clause opening "(在)X(之)中," then a run of amounts of one unit joined by 、
        lists parts of the whole X names: the one amount stated before under X's name (as a share's whole after
        such a clause, among_whole); none or two: nothing."""
        for at in self.r.clause_starts:
            found = AMONG_NOUN.match(self.f, at)
            if found is None or found.end() >= len(self.f):
                continue
            segment = self.r.segment[found.end()]
            hi = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
            run = []
            for x in self.between(found.end(), hi):
                if not x.level or x.per_unit or x.roles or (run and x.unit != run[0].unit):
                    break
                gap = self.f[run[-1].end:x.start] if run else ""
                if run and (re.search(r"[,，;；。]", gap) or not re.search(r"[、和及与與]", gap)):
                    break
                run.append(x)
            if len(run) < 2:
                continue
            whole = self.among_whole(run[0], run[0])
            if whole is None or id(whole) in self.summed or whole in run or not self.r.same_year(whole.year, run[0].year):
                continue
            self.add_sum(whole, run, "parts")

    def named_list_total(self, found: re.Match, count: Mention) -> bool:
        """涉及5个乡镇(甲、乙…),其中甲a、乙b: 其中 after a count whose brackets name the items (no amounts in them)
        lists an amount per named item: the parts of the one amount of their unit the sentence states before the
        count (违规资金T,…,涉及5个乡镇(…),其中…); all the named items: a sum, some of them: parts. Amounts each after a
        bracket name are the items' own, never parts of the count: with two amounts of their unit before the count,
        or units that differ, nothing is proposed. Returns whether the 其中 was such a list."""
        opened = re.match(r"[^。\d(（，,；;]{0,6}[(（]", self.f[count.claim_end:count.claim_end + 8])
        if opened is None or count.unit == "%":
            return False
        open_at = count.claim_end + opened.end() - 1
        close = next((k for k in range(open_at + 1, found.start()) if not self._before_close(open_at, k + 1)), None)
        if close is None or self.f[close + 1:found.start()].strip(" ,，、") or self.between(open_at, close):
            return False  # the brackets must close just before 其中 and hold names only
        named = [re.sub(r"(?:等等|等)$", "", n.strip()) for n in re.split(r"[、,，和及与與]", self.f[open_at + 1:close])]
        names = [n for n in named if n]
        segment = self.r.segment[found.end()]
        hi = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
        after = [x for x in self.between(found.end(), hi) if x.end <= hi and x.depth == count.depth]
        # each amount after its own bracket name (甲412万元、乙305万元), each name once
        said = [next((n for n in names if self.f[max(found.end(), after[k - 1].end if k else 0):x.start]
                      .strip(" 、,，:：").endswith(n)), None) for k, x in enumerate(after)]
        if not after or None in said or len(set(said)) != len(said):
            return False
        unit = after[0].unit
        if any(not x.level or x.unit != unit for x in after):
            return True  # the items' own amounts of several kinds: no parts of the count, no sum
        totals = [x for x in self.in_sentence(count) if x.i < count.i and x.level and not x.per_unit
                  and x.depth == count.depth and same_unit(x.unit, unit)]
        if len(totals) != 1 or id(totals[0]) in self.summed or totals[0].roles:
            return True
        for p in after:
            p.roles.add("sub")
        everyone = len(after) == len(names) and count.value == len(names)
        self.add_sum(totals[0], after, "total" if everyone else "parts")
        return True

    def _before_close(self, open_at: int, pos: int) -> bool:
        depth = 0
        for c in self.f[open_at:pos]:
            depth += c in OPENS
            depth -= c in CLOSES
            if depth <= 0:
                return False
        return True

    def _items_parts(self, unit: str, depth: int, lo: int, hi: int, per_item: bool) -> list[Mention]:
        """Parts of ``unit`` between lo and hi at ``depth``, no change or rate; with ``per_item`` and ;-items, the
        first of each item (an item's own 其中 names parts of that part)."""
        inside = [x for x in self.between(lo, hi) if x.end <= hi and same_unit(x.unit, unit) and x.level and x.depth <= depth]
        items = sorted({self.r.segment[x.start] for x in inside})
        # a new total ends the list: an item that opens with a year, a part named as a total (…合计N)
        stop = next((s for s in items if s != self.r.segment[lo] and YEAR.match(self.f, self.r.segment_starts[s])), None)
        inside = [x for x in inside if stop is None or self.r.segment[x.start] < stop]
        ended = next((k for k, x in enumerate(inside) if re.search(r"合计|总计|共计", x.before)), None)
        inside = inside[:ended]
        if per_item and len({self.r.segment[x.start] for x in inside}) > 1:
            firsts, seen = [], set()
            for x in inside:
                if self.r.segment[x.start] not in seen:
                    seen.add(self.r.segment[x.start])
                    firsts.append(x)
            return firsts
        return inside

    def named_clause_parts(self, parts: list[Mention], unit: str, depth: int, hi: int) -> list[Mention]:
        """其中甲镇a件,占P%;乙镇b件,丙镇c件,丁镇d件: a ;-item that goes on with clauses each opening with a name and
        its amount lists a part per clause, not only its first. A clause counts when the amount is the first of the
        unit in it, its words before the amount name something (no digit) and say no other year's or a compared
        amount (上年为, 比…) nor a sum (收入合计为N), and the item holds no 其中/包括 of its own (whose amounts are parts
        of a part)."""
        out = []
        for k, p in enumerate(parts):
            out.append(p)
            segment = self.r.segment[p.start]
            end = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
            end = min(end, hi)
            if QIZHONG.search(self.f, p.end, end) or PARTS_OPEN.search(self.f, p.end, end):
                continue
            for x in self.between(p.end, end):
                if x.end > end or x.clause == p.clause or not same_unit(x.unit, unit) or x.depth > depth:
                    continue
                if x in parts or x in out:
                    break  # the item's amounts are already the list's parts (one ;-item: all of them)
                lead = self.f[self.r.clause_starts[x.clause]:x.start].strip(" ,，、")
                first = next(y for y in self.between(self.r.clause_starts[x.clause], end) if same_unit(y.unit, unit))
                if (first is not x or not x.level or x.per_unit or not lead or re.search(r"\d", lead)
                        or self.prior(x) or BASE_MARK_ANY.search(lead) or SUM_WORD.search(lead)):
                    break  # a clause of another kind ends the list
                out.append(x)
        return out

    def line_items(self, total: Mention, at: int) -> list[Mention]:
        """其中: ending a line, the parts one per following line that opens with a list marker (——, (1), 1.)."""
        parts, pos = [], at + 1
        while 0 < pos < len(self.f):
            end = self.f.find("\n", pos)
            end = len(self.f) if end < 0 else end
            if not LIST_MARK.match(self.f, pos):
                break
            first = next((x for x in self.between(pos, end) if same_unit(x.unit, total.unit) and x.level), None)
            if first is not None:
                parts.append(first)
            pos = end + 1
        return parts

    def distributed_totals(self):
        """按产业分, a…; b…; c…: the previous sentence's first amount is split into one part per ;-item."""
        for m in self.m:
            if not m.sentence or (m.i and self.m[m.i - 1].sentence == m.sentence):
                continue  # only the first amount of a sentence opens it
            start = self.r.sentence_starts[m.sentence]
            head = BY.match(self.f, start)
            if head is None:
                continue
            before = m.sentence - 1  # the sentence before, past a paragraph's break (分项看 opening the next paragraph)
            while before > 0 and not self.f[self.r.sentence_starts[before]:self.r.sentence_starts[before + 1]].strip():
                before -= 1
            previous = [x for x in self.between(self.r.sentence_starts[before], start) if x.level and x.depth == 0]
            total = previous[0] if previous else None
            # 年初预算安排A,全年实际完成B。分项看,…: the items split what was done, the one actual amount after the budget
            done = [x for x in previous[1:] if same_unit(x.unit, total.unit) and ACTUAL.search(x.before)] if total else []
            if total is not None and BUDGET_AMOUNT.search(total.before) and done:
                if len(done) > 1:
                    continue  # 预计完成A,实际完成B: which the items split is not said
                total = done[0]
            if total is None or id(total) in self.summed:
                continue
            hi = self.r.sentence_end(m.sentence)
            parts = self._items_parts(total.unit, 0, head.end(), hi, per_item=True)
            # one part per ;-item, or per clause of one item (分项看:教育支出a,社保支出b): an item or clause with two
            # amounts of the unit is no list of parts
            per = self.r.segment if len({self.r.segment[p.start] for p in parts}) > 1 else self.r.clause
            if len(parts) >= 2 and len({per[p.start] for p in parts}) == len(parts):
                self.add_sum(total, parts)

    def totals_before_colon(self):
        """全年支出合计A,按功能分类: a;b;c (on the same line or the lines after): the last amount of the clause before
        按…分 (分项看 …) that ends with a colon is split into the first amount of its unit in each ;-item after the
        colon, to the end of the sentence, or when the colon ends its line, over the lines that follow to the first that
        does not end with ; (an item's 其中 or base is its own)."""
        for c in range(1, len(self.r.clause_starts)):
            at = self.r.clause_starts[c]
            head = BY.match(self.f, at)
            if head is None or self.opens_sentence(at):
                continue
            end = self.r.clause_starts[c + 1] if c + 1 < len(self.r.clause_starts) else len(self.f)
            if not re.search(r"[:：]\s*$", self.f[at:end]):
                continue
            sentence = self.r.sentence[at]
            before = [x for x in self.m if x.clause == c - 1 and x.sentence == sentence and x.level and x.depth == 0]
            if not before or id(before[-1]) in self.summed or before[-1].roles:
                continue
            total = before[-1]
            hi = self.r.sentence_end(sentence)
            if not self.f[end:hi].strip():  # the colon ends its line: the list runs over the lines ending with ;
                hi = end
                while hi < len(self.f):
                    line_end = self.f.find("\n", hi + 1)
                    line_end = len(self.f) if line_end < 0 else line_end
                    if not self.f[hi:line_end].strip():
                        break
                    hi = line_end
                    if not re.search(r"[;；]\s*$", self.f[:line_end]):
                        break
            parts = self._items_parts(total.unit, 0, end, hi, per_item=True)
            if len(parts) >= 2 and len({self.r.segment[p.start] for p in parts}) == len(parts):
                self.add_sum(total, parts)

    def totals_opening_colon(self):
        """經費合計A：甲a，佔p%；乙b；丙c。 / 支出总额A:甲a、乙b、丙c。: a total named so (合计, 共, 总额) whose colon
        follows it right after, then its parts: the first amount of its unit in each ;-item after the colon to the end
        of the sentence, or a run of them joined by 、 in one item. An amount of another year or a compared one (上年为,
        比…) among them, fewer than two, or two in one item: no list of parts, nothing."""
        for m in self.m:
            if not m.level or not m.amount or m.direction or m.per_unit or id(m) in self.summed or m.roles:
                continue
            colon = re.match(r"[ \t]*[:：]", self.f[m.claim_end:m.claim_end + 4])
            if colon is None or not COLON_WHOLE.search(m.before):
                continue
            lo, hi = m.claim_end + colon.end(), self.r.sentence_end(m.sentence)
            if QIZHONG.search(self.f, lo, hi) or PARTS_OPEN.search(self.f, lo, hi):
                continue  # a part's own 其中 (平原村70个,其中2个…) names parts of a part: no flat list
            inside = [x for x in self.between(lo, hi) if x.end <= hi and same_unit(x.unit, m.unit) and x.depth == m.depth]
            if any(not x.level or x.per_unit or self.prior(x) or self.held_by_each(x) or EACH_WORD.search(x.before) or x.year not in ("", m.year)
                   or BASE_MARK_ANY.search(self.f[self.r.clause_starts[x.clause]:x.start]) for x in inside):
                continue
            items = [self.r.segment[x.start] for x in inside]
            if len(set(items)) == 1:  # one item: a run joined by 、 or by commas, each amount after its own name
                gaps = [self.f[a.end:b.start] for a, b in zip(inside, inside[1:])]
                if any(not re.fullmatch(r"[^\d]*[、,，][^\d、,，]*[^\d\s、,，][^\d、,，]*", g) for g in gaps):
                    continue
            elif len(set(items)) != len(items):
                continue
            if len(inside) < 2:
                continue
            # 共有行政村120个：平原村70个；山区村50个: items that each hold an amount of the count's unit are its parts,
            # not the things it counts (count_items would count 2 of 120); a count as large as its items stays a count
            counted = [r for r in self.rows if r["rule"] == "count_items" and (r["claim_start"], r["claim_end"]) == (m.start, m.end)]
            if counted and len(inside) == m.value:
                continue
            for r in counted:
                self.rows.remove(r)
            self.add_sum(m, inside)

    def totals_after_parts(self):
        """a, b, c, 合计N: the amounts of N's unit stated before it in its ;-item, none inside brackets or a 其中
        list; 累计N adds amounts of other years, which the text does not state."""
        for m in self.m:
            if not m.amount or m.direction or id(m) in self.summed:
                continue
            said = SUMS_BEFORE.search(m.before)
            plain = None if said else ALL_BEFORE.search(m.before)
            if not said and not plain:
                if ALL_CLOSES.search(m.before):  # 9个镇、2个乡和1个街道共12个乡镇: 共 right after the last part's noun
                    parts = [x for x in self.segment_mentions(m) if x.i < m.i and same_unit(x.unit, m.unit) and x.level
                             and x.depth == 0 and not x.roles & {"part", "sub"} and not self.held_by_each(x)]
                    if len(parts) >= 2 and self.nouns_covered(m, parts):
                        self.add_sum(m, parts)
                continue
            if said and REST_OPENS.match(REST_LEAD.sub("", m.before.strip())):
                continue  # 其余各项收入合计N: the sum of the rest, not of the parts before it (see rests)
            if said and said.group("cumulative"):
                self.unverifiable("total", m, "the amounts it adds up are not stated")
                continue
            parts = [x for x in self.segment_mentions(m) if x.i < m.i and same_unit(x.unit, m.unit) and x.level
                     and x.depth == 0 and not x.roles & {"part", "sub"} and not self.held_by_each(x)]
            counted = self.counted_parts(m) if said else None
            if counted is not None:  # 这三个公所合计T: the count the total names says how many parts it adds
                if counted:
                    self.add_sum(m, counted)
                else:
                    self.unverifiable("total", m, "the parts its count names are not stated once")
                continue
            if plain and len(parts) >= 2 and self.nouns_covered(m, parts):
                self.add_sum(m, parts)  # 9个镇、3个街道,共12个乡镇(街道): the total's noun holds each part's
                continue
            if plain and parts:
                # 共 alone opens a clause of its own total as often as it closes a list ("乡镇12个、街道3个,共有行政村
                # 240个"): a total of the list only when it names nothing the list's words do not
                noun = _core(plain.group("noun")) or self.after_noun(m)
                said_before = self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]]
                if m.clause == parts[-1].clause or (noun and not set(noun) <= set(said_before)):
                    continue
            if said and not parts and BACK_POINTS.match(self.f, self.r.clause_starts[m.clause]):
                back = self.back_parts(m)
                if back:
                    self.add_sum(m, back)
                continue
            if said and len(parts) == 1:
                parts = self.item_firsts(m, parts[0])
            if len(parts) >= 2:
                self.add_sum(m, parts)

    def back_parts(self, total: Mention) -> list[Mention]:
        """甲a,占p%;乙b;丙c。以上各项合计T: a sum opening its sentence with a word pointing back (以上, 上述) and no
        amount of its unit before it there adds the sentence before's list: the first amount of its unit in each
        ;-item (or, one item, in each clause), each after its own name (no amount before it there, no compared, prior, whole's or sum
        word before it, no 其中, no amount per unit); an item or clause without one, or fewer than two: nothing."""
        if any(x.i < total.i and same_unit(x.unit, total.unit) for x in self.in_sentence(total)) or not total.sentence:
            return []
        before = total.sentence - 1
        while before > 0 and not self.f[self.r.sentence_starts[before]:self.r.sentence_starts[before + 1]].strip():
            before -= 1
        lo, hi = self.r.sentence_starts[before], self.r.sentence_end(before)
        pool = [x for x in self.between(lo, hi) if x.end <= hi]
        if QIZHONG.search(self.f, lo, hi) or PARTS_OPEN.search(self.f, lo, hi):
            return []
        segments = sorted({x.segment for x in pool})
        per = (lambda x: x.segment) if len(segments) > 1 else (lambda x: x.clause)
        out, seen = [], set()
        for x in pool:
            if not same_unit(x.unit, total.unit):
                continue
            if per(x) in seen:
                return []  # an item with a second amount of the unit (its base, its part): no list of one each
            seen.add(per(x))
            start = self.r.segment_starts[x.segment] if len(segments) > 1 else self.r.clause_starts[x.clause]
            lead = self.f[start:x.start].strip(" ,，、;；")
            if (not x.level or x.depth or x.per_unit or x.direction or x.roles & {"part", "sub"} or not lead
                    or self.between(start, x.start) or self.prior(x) or BASE_MARK_ANY.search(lead) or SUM_WORD.search(lead)
                    or WHOLE_LEAD.search(lead) or self.held_by_each(x) or EACH_WORD.search(lead)):
                return []
            out.append(x)
        return out if len(out) >= 2 else []

    def item_firsts(self, total: Mention, last: Mention) -> list[Mention]:
        """甲a,占p%;乙b;丙c,合计T: a sum word closing a sentence's last ;-item after that item's one amount adds the
        first amount of its unit in each ;-item of the sentence, when that amount is the item's first number, after its
        own name (分税种看,增值税a: words may open the list; no year, compared or prior amount, no 其中, no whole's
        name (全镇收入A) or change rate in the item, nothing of the unit after the total); else only the item's own."""
        if any(x.i > total.i and same_unit(x.unit, total.unit) for x in self.in_sentence(total)):
            return [last]
        out = []
        for x in self.in_sentence(total):
            if x.i >= last.i or not same_unit(x.unit, total.unit) or x.segment == total.segment:
                continue
            if out and out[-1].segment == x.segment:
                continue  # an item's later amounts (its share, its base) are its own
            lead = self.f[self.r.segment_starts[x.segment]:x.start].strip(" ,，、;；")
            if (not x.level or x.depth or x.per_unit or x.roles & {"part", "sub"} or not lead or re.search(r"\d", lead)
                    or self.prior(x) or BASE_MARK_ANY.search(lead) or SUM_WORD.search(lead) or QIZHONG.search(lead)
                    or self.held_by_each(x) or self.between(self.r.segment_starts[x.segment], x.start)
                    or WHOLE_LEAD.search(lead) or any(y.direction for y in self.in_sentence(x) if y.segment == x.segment)):
                return [last]
            out.append(x)
        return out + [last] if out else [last]

    def nouns_covered(self, total: Mention, parts: list[Mention]) -> bool:
        """9个镇、3个街道,共12个乡镇（街道）; 13個鄉、5個鎮及2個縣轄市,共20個鄉鎮市: each part counts a noun after its
        number, and the noun after the total's number (to its clause's end, or a closing bracket) is made of those
        nouns' characters (or of their place level's endings: 乡 of 镇) only and holds each one's head (last character). A part naming no noun, or a total's
        noun of other words (共有村民小组120个 after 12个村; 共设13个卫生所 after 5个镇): no."""
        nouns = []
        for p in parts:
            said = re.match(rf"[^{STOP}\d(（、]{{0,8}}", self.f[p.end:]).group()
            noun = re.split(r"和|及|与|與|共|合|总|總|计|計|[零一二两兩三四五六七八九十]", said)[0].strip()
            if not noun:
                return False
            nouns.append(noun)
        whole = re.match(rf"[^{STOP}\d]{{0,16}}", self.f[total.end:]).group()
        closed = re.search(r"[)）]", whole)
        whole = re.sub(r"[()（）、\s]", "", whole[:closed.end()] if closed else whole)
        # a place's level names its kind in any of its endings (镇 and 乡 are towns: 乡镇 counts 镇 and 街道)
        said = set("".join(nouns)) | {c for row in PLACE_LEVELS if any(n.endswith(e) for n in nouns for e in row.endings)
                                      for e in row.endings for c in e}
        return bool(whole) and set(whole) <= said and all(n[-1] in whole for n in nouns)

    def counted_parts(self, total: Mention) -> list[Mention] | None:
        """这三个公所合计T, 以上四项合计T: a count right before the sum word, in the total's clause, says how many parts
        the total adds: the amounts of its unit stated before it in its ;-item, else in its sentence, when there are
        exactly that many (else []: unverifiable). None when no such count stands before the total."""
        if not total.i:
            return None
        count = self.m[total.i - 1]
        if (count.clause != total.clause or count.sentence != total.sentence or not count.value
                or count.value != count.value or count.value != int(count.value) or count.percent
                or not re.match(rf"[^{STOP}\d]{{0,6}}$", self.f[count.end:total.start])):
            return None
        # the count points back at what was listed: a demonstrative (这/上述/以上) or 等 before it, or it follows
        # the last part's amount right after (甲a、乙b、丙c三项合计T); 全县3个乡镇合计T counts places, no parts
        lead = self.f[self.r.clause_starts[count.clause]:count.start]
        prev = self.m[count.i - 1] if count.i else None
        if not (re.search(r"(?:这|這|此|该|該|上述|以上|前述|上列|等)\s*$", lead)
                or prev is not None and prev.clause == count.clause and not self.f[prev.end:count.start].strip()):
            return None
        pool = [x for x in self.in_sentence(total) if x.i < count.i and x.level and same_unit(x.unit, total.unit)
                and x.depth == 0 and not x.per_unit and not x.roles & {"part", "sub"} and not self.held_by_each(x)
                and not self.prior(x)]
        # the parts of its ;-item when they are that many, else those of its sentence
        item = [x for x in pool if x.segment == total.segment]
        if not pool and BACK_POINTS.match(self.f, self.r.clause_starts[total.clause]):
            pool = self.back_parts(total)  # 甲a;乙b;丙c。上述三镇合计T: the list of the sentence before
        return item if len(item) == int(count.value) else pool if len(pool) == int(count.value) else []

    def held_by_each(self, x: Mention) -> bool:
        """3个乡各设2个: the count of units 各 follows, or what each unit holds; neither is a part of a total of
        the units' holdings (甲、乙两镇各设5个,丙镇设3个,共13个 is 2 × 5 + 3, not 5 + 3)."""
        return bool(EACH_BEFORE.search(x.before) or EACH_AFTER.match(self.f, x.claim_end))
