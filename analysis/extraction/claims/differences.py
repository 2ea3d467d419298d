"""Differences: gaps (缺额 = 编制 − 实有) and balances (收入 − 支出 = 结余).
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _known, same_unit
from analysis.extraction.claims.names import _unplaced
from analysis.extraction.claims.patterns import (
    AGAINST_START, BUDGET_STAGE, BUDGETED, DEDUCT, DEFICIT, DIFFER_WORD, DONE_SO_FAR, FILLED, GAP_WORD, HARD_END, INCOME,
    LEFT_OVER, LEFT_TO_DO, PRIOR_NAME, SET_AGAINST, SPENDING, STAFF, STAGE, STOP, SUPERSEDED, SURPLUS, TO_DO, UNFINISHED,
)
from analysis.extraction.claims.patterns import EACH, QIZHONG


class _Differences(_Base):
    """The finders of the difference (gaps) and balance forms."""

    def gaps(self):
        """缺額5人, 尚缺6人: the budgeted posts (預算員額, 編制) less the filled ones (現有, 實有), both stated in the
        sentence before; 相差7人 after exactly two amounts of its unit in the sentence: the larger less the smaller.
        With either not stated nothing is proposed (a gap stated alone is data)."""
        for m in self.m:
            # 出缺7人,出缺率14.6%: a gap that is a rate's part (or a total's) is still a claim
            if not m.level or m.roles - {"part", "whole"}:
                continue
            head = self.clause_head(m)
            if GAP_WORD.search(head) and self.gap_kind(m):
                # 行政编制空编18名: the posts and the staff of the kind the gap names, anywhere before it, or none
                found = self.kind_gap(m)
                if found is None:
                    continue
                later, base = found
            elif GAP_WORD.search(head):
                filled = self.named_by(m, FILLED, m.unit)
                budgeted = self.named_by(m, BUDGETED, m.unit, exclude=(filled,))
                if budgeted is None and filled is not None:
                    budgeted = self.budgeted_before(m)
                # 行政编制486名、事业编制612名,合计1098名;实有1035人,空编63名: a kind of post is a part, the gap is of
                # the total the parts add up to
                budgeted = next((t for t, parts in self.sums if budgeted in parts and t.sentence == m.sentence
                                 and t.end <= m.start), budgeted)
                if filled is None or budgeted is None or FILLED.search(budgeted.before):
                    continue
                later, base = budgeted, filled
            elif DIFFER_WORD.search(head):
                stated = [x for x in self.in_sentence(m) if x.end <= m.start and x.level and x.unit == m.unit]
                if len(stated) != 2:
                    continue
                later, base = sorted(stated, key=lambda x: -x.value if _known(x.value) else 0)
            elif LEFT_TO_DO.search(head) or UNFINISHED.search(head):
                found = self.remainder_of(m)
                if found is None:
                    continue
                later, base = found
            else:
                continue
            m.roles.add("claim")
            self.propose("difference", m, "difference", (later, base), ("later", "base"))

    def remainder_of(self, m: Mention) -> tuple[Mention, Mention] | None:
        """任务46个,已建成41个,…,尚有5个在建 (尚有5个未完成, 未完成5个): the one amount of m's unit and sentence before
        it named with a planned word and the one named with a done word; none, two, or no unfinished word: None."""
        said = self.clause_head(m) + self.after_noun(m)
        if not UNFINISHED.search(said):
            return None  # 尚有5个: what is left of what is not said
        before = [x for x in self.in_sentence(m) if x.i < m.i and x.level and same_unit(x.unit, m.unit)
                  and not x.roles & {"claim", "change", "base"}]
        # by the clause's own words (names drop 计 of 计划 as a function word)
        planned = [x for x in before if TO_DO.search(self.clause_head(x)) and not DONE_SO_FAR.search(self.clause_head(x))]
        done = [x for x in before if DONE_SO_FAR.search(self.clause_head(x)) and not TO_DO.search(self.clause_head(x))]
        return (planned[0], done[0]) if len(planned) == 1 and len(done) == 1 else None

    def gap_kind(self, m: Mention) -> str:
        """The kind of post a gap names before its gap word, its post words aside (行政编制空编 -> 行政); "" when
        it names none (缺額6人, 編制空編) or only a place (本所缺額)."""
        head = self.clause_head(m)
        gap = GAP_WORD.search(head)
        kind = _core(BUDGETED.sub("", FILLED.sub("", head[:gap.start()])))
        kind = _unplaced(re.sub(r"^(?:其中|另|及|和|与|與)", "", kind))
        return kind if len(kind) >= 2 else ""

    def kind_gap(self, m: Mention) -> tuple[Mention, Mention] | None:
        """行政编制476名 … 实有行政人员458人 … 行政编制空编18名: the one amount before the gap named posts (编制) of
        its kind and the one named staff (人员) of its kind, filled (实有, or a part of a total named so); none of a
        time before (改革前). Either missing or two of them: None."""
        kind = self.gap_kind(m)

        def fits(x: Mention) -> bool:
            return x.level and not x.roles & {"claim"} and same_unit(x.unit, m.unit) \
                and self.r.same_year(x.year, m.year) and not SUPERSEDED.search(self.f, self.r.clause_starts[x.clause], x.start) \
                and not GAP_WORD.search(self.clause_head(x))

        before = [x for x in self.m[:m.i] if fits(x)]
        posts = [x for x in before if re.search(rf"{re.escape(kind)}[^{STOP}\d]{{0,2}}?(?:{BUDGETED.pattern})",
                                                self.parallel_name(x)) and not FILLED.search(x.name)]
        staff = [x for x in before if x not in posts and re.search(rf"{re.escape(kind)}(?:{STAFF.pattern})", x.name)
                 and self.filled_staff(x)]
        return (posts[0], staff[0]) if len(posts) == 1 and len(staff) == 1 else None

    def parallel_name(self, x: Mention) -> str:
        """改革前核定行政编制512名、事业编制688名;改革后分别核定为476名和604名: an amount of a 分别 clause that names
        none is named as the amount of the same place in the list of as many amounts of its unit the sentence
        states before (totals of that list aside); else its own name."""
        head = self.clause_head(x)
        said = EACH.search(head)
        if said is None or len(_core(head[said.end():])) > 3:
            return x.name
        run = [y for y in self.in_sentence(x) if y.clause == x.clause and y.level and same_unit(y.unit, x.unit)]
        totals = {id(t) for t, _ in self.sums}
        earlier = [y for y in self.in_sentence(x) if y.clause < x.clause and y.level and same_unit(y.unit, x.unit)
                   and id(y) not in totals]
        if len(earlier) != len(run):
            return x.name
        return earlier[run.index(x)].name

    def filled_staff(self, x: Mention) -> bool:
        """Staff stated as filled: 实有/现有 in its clause before it, or a part of a total so named (实有人员1036人,
        其中行政人员458人)."""
        if FILLED.search(self.clause_head(x)):
            return True
        # the words of its sentence before the 其中 it follows (a mean may stand between: 平均每个乡镇86人)
        lo = self.r.sentence_starts[x.sentence]
        among = [q for q in QIZHONG.finditer(self.f, lo, x.start)]
        return bool(among) and bool(FILLED.search(self.f, lo, among[-1].start()))

    def budgeted_before(self, m: Mention) -> Mention | None:
        """預算員額30人。現有27人,出缺3人: the budgeted posts stated in the sentence before the gap's, when exactly one
        amount of its unit and year there is named 預算員額/編制 (two would leave it unbound)."""
        found = [x for x in self.m if x.sentence == m.sentence - 1 and x.level and same_unit(x.unit, m.unit)
                 and self.r.same_year(x.year, m.year) and BUDGETED.search(x.before) and not FILLED.search(x.before)]
        return found[0] if len(found) == 1 else None

    def balances(self):
        """收入A, 支出B, 结余C (or 短绌C: B − A)."""
        self.balanced: set[tuple] = set()  # (income, spending) values set against each other
        for m in self.m:
            if not m.amount or m.direction:
                continue
            surplus, deficit = SURPLUS.search(m.before), DEFICIT.search(m.before)
            if not (surplus or deficit):
                continue
            # 歲入A,歲出B,賸餘C,上年度則短絀D: D is of the year before, not of A and B
            earlier = [x for x in self.back(m.i) if x.sentence == m.sentence and x.unit == m.unit and x.level
                       and self.prior_named(x.name) == self.prior_named(m.name)]
            income = next((x for x in earlier if INCOME.search(x.name) and not SPENDING.search(x.name)), None)
            spending = next((x for x in earlier if SPENDING.search(x.name) and not INCOME.search(x.name)), None)
            if (income is None or spending is None) and (self.set_against(m) or BUDGET_STAGE.search(m.before)
                                                          or self.parallel_balance(m)):
                income, spending = self.balance_by_name(m, income, spending)
            if income is None or spending is None:
                continue  # 上年结转结余60万元: a name, not a balance of what the sentence states
            self.balanced.add((income.value, spending.value))
            if deficit and (not surplus or deficit.start() > surplus.start()):
                self.propose("balance", m, "difference", (spending, income), ("spending", "income"))
            else:
                self.propose("balance", m, "difference", (income, spending), ("income", "spending"))

    def parallel_balance(self, m: Mention) -> bool:
        """歲入歲出相抵:本年度賸餘A,上年度則短絀B: a balance in a clause after another balance of its sentence that
        the words set against (相抵) is set against too, of the year its own words name."""
        earlier = [x for x in self.in_sentence(m) if x.i < m.i and x.clause < m.clause and x.amount and x.level
                   and (SURPLUS.search(x.before) or DEFICIT.search(x.before))]
        return bool(earlier) and self.set_against(earlier[-1])

    @staticmethod
    def prior_named(name: str) -> bool:
        """A name of the year before (上年度歲出決算數, 較上年度決算數, 去年短絀), a place aside."""
        return bool(PRIOR_NAME.match(AGAINST_START.sub("", _unplaced(name), count=1)))

    def of_prior_year(self, x: Mention) -> bool:
        """An amount of the year before: named so (上年度歲出決算數), or in a ;-item that opens so (上年度歲入決算數A,
        歲出決算數B: B is of the year before too)."""
        if self.prior_named(x.name):
            return True
        lead = self.f[self.r.segment_starts[x.segment]:x.start].lstrip(" \t\n,，;；")
        return bool(PRIOR_NAME.match(AGAINST_START.sub("", _unplaced(lead), count=1))) and not AGAINST_START.match(lead)

    def deducted_balances(self):
        """全年可用财力T,扣除当年支出B后,结转(结余)N: T less B, T the last amount of N's unit in the clause before
        the deduction's, B the one amount of the deduction's clause, N the first of the clause after it."""
        for b in self.m:
            if not b.level or not DEDUCT.search(b.before):
                continue
            inside = [x for x in self.m if x.clause == b.clause and x.amount]
            before = [x for x in self.m if x.clause == b.clause - 1 and x.sentence == b.sentence]
            after = [x for x in self.m if x.clause == b.clause + 1 and x.sentence == b.sentence]
            if len(inside) != 1 or not before or not after:
                continue
            income, left = before[-1], after[0]
            if not (income.level and left.level and same_unit(income.unit, b.unit) and same_unit(left.unit, b.unit)):
                continue
            if left.roles or not LEFT_OVER.search(self.clause_head(left)):
                continue
            left.roles.add("claim")
            self.propose("balance", left, "difference", (income, b), ("income", "spending"))

    def set_against(self, m: Mention) -> bool:
        """歲入歲出相抵,賸餘N / 收支相抵后结余N: the words setting income against spending in N's clause or in the
        clauses of its sentence right before it that state no amount."""
        if SET_AGAINST.search(m.before):
            return True
        clause = m.clause - 1
        while clause >= 0 and self.r.clause_starts[clause] >= self.r.sentence_starts[m.sentence]:
            if any(x.clause == clause for x in self.m[:m.i]):
                return False
            if SET_AGAINST.search(self.f, self.r.clause_starts[clause], self.r.clause_starts[clause + 1]):
                return True
            clause -= 1
        return False

    def full_name(self, x: Mention) -> str:
        """x's name with its line's heading before it when the name lacks it (一、歲入:…決算數N -> 岁入决算数)."""
        head = self.heading(x)
        return head + x.name if head and head not in x.name else x.name

    def compared_name(self, x: Mention) -> str:
        """x's full name; a base naming neither income nor spending (歲入決算數A,較上年度決算數B) takes the name of
        the kind (歲入, 支出) of the later it is compared with (較上年度決算數 + 歲入)."""
        name = self.full_name(x)
        if "base" not in x.roles or INCOME.search(name) or SPENDING.search(name):
            return name
        for row in self.rows:
            spans, roles = row["input_spans"] or (), (row["roles"] or "").split()
            if (x.start, x.end) in spans and "later" in roles and roles[spans.index((x.start, x.end))] == "base":
                later = spans[roles.index("later")]
                y = next((y for y in self.m if (y.start, y.end) == tuple(later)), None)
                kind = y is not None and (INCOME.search(self.full_name(y)) or SPENDING.search(self.full_name(y)))
                return name + kind.group() if kind else name
        return name

    def balance_by_name(self, m: Mention, income: Mention | None, spending: Mention | None):
        """收支相抵后结余N with income or spending stated in another sentence: the last pair stated before N, of N's
        year and unit, whose names are the same but for 收入/支出 (places, period and stage words aside), the pair
        stated as data before one in a title (a line without a stop); one the sentence states is kept."""
        def key(x: Mention) -> str:
            name = SPENDING.sub("", INCOME.sub("", _unplaced(self.compared_name(x))))
            return STAGE.sub("", PRIOR_NAME.sub("", AGAINST_START.sub("", name, count=1)))

        def data(x: Mention) -> bool:
            start = self.f.rfind("\n", 0, x.start) + 1
            end = self.f.find("\n", x.start)
            return any(c in self.f[start:end if end >= 0 else len(self.f)] for c in HARD_END)

        # the year: income and spending of one year, the last pair before the balance (a base, 较111年度的A, is none)
        # 上年度則短絀N: of the amounts named of the year before (較上年度決算數A, a base, among them); a balance naming
        # no prior year is of none of those
        before = self.prior_named(m.name)
        stated = [x for x in self.m[:m.i] if x.amount and not x.bound and fold(x.unit) == fold(m.unit)
                  and (x.level or before and "base" in x.roles and not x.direction)
                  and self.of_prior_year(x) == before and (before or "base" not in x.roles)]
        incomes = [income] if income else [x for x in stated if INCOME.search(self.compared_name(x))
                                           and not SPENDING.search(self.compared_name(x))]
        spendings = [spending] if spending else [x for x in stated if SPENDING.search(self.compared_name(x))
                                                 and not INCOME.search(self.compared_name(x))]
        pairs = [(i, s) for i in incomes for s in spendings if key(i) == key(s) and self.r.same_year(i.year, s.year)]
        # 預算所列短絀N: the budget's income and spending; a balance naming no budget is of what was done, when stated
        budget = [p for p in pairs if BUDGET_STAGE.search(self.full_name(p[0])) and BUDGET_STAGE.search(self.full_name(p[1]))]
        if BUDGET_STAGE.search(m.before):
            pairs = budget
        elif len(budget) < len(pairs):
            pairs = [p for p in pairs if p not in budget]
        if not pairs or before and len(pairs) > 1:
            return None, None  # the year before's pair is bound only when one fits
        pair = max(pairs, key=lambda p: (data(p[0]) and data(p[1]), max(p[0].start, p[1].start), min(p[0].start, p[1].start)))
        if (pair[0].value, pair[1].value) in self.balanced:
            return None, None  # a later mention of a balance already set against these amounts restates it
        return pair
