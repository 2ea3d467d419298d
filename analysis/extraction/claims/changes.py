"""Changes: from-to (由A减为B), a change against a base (增长x%, 减少N), a points change, a rate of change named as
a noun (年增率), and the points between two named places (甲鎮高於乙鎮N個百分點).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analysis.extraction.claim_forms import words
from analysis.extraction.claims.base import _Base, _rule
from analysis.extraction.claims.mentions import Mention, _core, _known, _rankable, same_unit
from analysis.extraction.claims.names import _kind
from analysis.extraction.claims.patterns import (
    AGAINST_END, AVERAGE, BASE_MARK, FALL, RISE, BI_NAMED, COMPARED_WORD, DIFFER_WORD, DIRECTION, DOUBLED, FLAT_AGAINST, FLAT_WORD, FROM_END,
    JOINED, MASKED, PRIOR_NAME, QIZHONG, RATE_NOUN, STOP, TO_BETWEEN, VERSUS, VERSUS_END, _group,
)


PREVIOUS_YEAR_WORD = re.compile(_group("change", "previous_year"))
PRIOR_OPEN = re.compile(rf"^[\s,，;；]*(?:{_group('change', 'prior')})(?P<noun>[^{STOP}\d]{{0,12}}?)(?:为|為|是|达|達|约|約)?\s*$")
BASE_SCOPE = re.compile(_group("change", "base_scope"))
BASE_MARK_WORD = re.compile(_group("change", "base_marks"))
# 经删减N, 删减率P: a cut (or its rate), no base word before it
CUT_END = re.compile(rf"(?:{_group('change', 'cut')})(?:比率|比例|幅度|率)?(?:了|为|為|达|達|约|約)?\s*$")
# 原设A个,整合为B个: the clause that says what was, and the words that bring it to the later amount right before it
ORIGINAL = re.compile(_group("difference", "original"))
BROUGHT_TO = re.compile(rf"(?:{_group('difference', 'brought_to')})\s*$")


class _Changes(_Base):
    """The finders of the change, from_to, change_with_amount and points forms (and differences by place)."""

    def from_to(self):
        """由A减为B(, 精简C% / 减少N个 / 提高N个百分点 / 倍增): A is the base, B the later amount."""
        self.from_to_changes: set[int] = set()  # the changes of a from-to (由A减为B,减少N): their rates are its
        for a in self.m:
            if not FROM_END.search(a.before):
                continue
            b = next((x for x in self.m[a.i + 1:a.i + 2] if x.segment == a.segment), None)
            # 由A,降至B: the to-word may open the next clause
            if b is None or a.unit != b.unit or not TO_BETWEEN.match(
                    re.sub(r"^\s*[,，]", "", self.f[a.claim_end + self.shared_noun(a, b):b.start])):
                self.from_named(a)
                continue
            a.roles.add("base")
            b.roles.add("later")
            claim = next((x for x in self.m[b.i + 1:b.i + 3] if x.segment == b.segment
                          and (x.direction or self.bare_change(x, a) or self.bare_cut(x))), None)
            # 由A减为B,其中东部乡镇下降P%: a part's change, not the from-to's
            if claim is None or QIZHONG.search(self.f, b.claim_end, claim.start):
                continue
            claim.roles.add("claim")
            self.from_to_changes.add(claim.i)
            # 由A压减为B,压减N: a cut after a from-to is its fall
            fall = claim.direction == "fall" or not claim.direction and (self.bare_change(claim, a) == "fall"
                                                                         or self.bare_cut(claim))
            if self.yearly(claim):
                form = "points" if claim.points else "from_to" if claim.percent else "difference"
                self.unverifiable(form, claim, "a mean yearly rate: the years it averages over are not counted")
                continue
            if claim.unit == "倍" and not fall:  # 由A增长到B,增长2倍: two times more
                self.propose("multiple", claim, "growth_times", (a, b), ("base", "later"))
            elif claim.points and a.percent:
                self.propose("points", claim, _rule("points", fall), (a, b), ("base", "later"))
            elif claim.percent:
                self.propose("from_to", claim, _rule("from_to", fall), (a, b), ("base", "later"))
            elif claim.amount and claim.unit == a.unit:
                self.propose("difference", claim, "difference", (a, b) if fall else (b, a),
                             ("base", "later") if fall else ("later", "base"))
            self.rate_after_from_to(a, b, claim, fall)
        # 从A到B, 倍增: the word that doubles, after a from-to
        for found in DOUBLED.finditer(self.f):
            at = found.start()
            later = next((x for x in self.back(bisect_left(self.starts, at))
                          if x.end <= at and "later" in x.roles and x.sentence == self.r.sentence[at]), None)
            base = self.m[later.i - 1] if later is not None and later.i else None
            claim = (found.start(), found.end(), self.text[found.start():found.end()])
            if later is not None and base is not None and "base" in base.roles:
                self.propose("multiple", claim, "ratio", (later, base), ("later", "base"))
                continue
            # X A, 较2020年的B翻了一番: B the base right before the word, A the amount the clause before is about
            base = next((x for x in self.back(bisect_left(self.starts, at)) if x.end <= at), None)
            later = None
            if base is not None and base.sentence == self.r.sentence[at] and base.amount \
                    and re.fullmatch(rf"[^{STOP}\d]{{0,3}}", self.f[base.claim_end:at]) and AGAINST_END.search(base.before):
                later = self.subject(base, base.unit, exclude=(base,))
            if later is not None:
                base.roles.add("base")
                self.propose("multiple", claim, "ratio", (later, base), ("later", "base"))
            else:
                self.unverifiable("multiple", claim)

    def rate_after_from_to(self, a: Mention, b: Mention, claim: Mention, fall: bool):
        """由A降至B,十年少了N,降幅P% / 由A减为B,减少N个,下降P%: a rate right after the from-to's change, in its clause or
        the next, said by its change word alone (降幅, 下降, 增长了) in the from-to's direction, is the rate of that
        change: (A, B). A rate against another base (比上年下降P%), of a mean year, or of the other direction: not."""
        x = self.m[claim.i + 1] if claim.i + 1 < len(self.m) else None
        if x is None or not x.percent or not x.direction or x.roles & {"claim", "base", "later"} or claim.percent \
                or x.sentence != claim.sentence or x.clause - claim.clause not in (0, 1) or self.yearly(x) \
                or (x.direction == "fall") != fall:
            return
        lo = claim.claim_end if x.clause == claim.clause else self.r.clause_starts[x.clause]
        if not DIRECTION.fullmatch(re.sub(r"^[\s,，]+", "", self.f[lo:x.start])):
            return  # 比上年下降P%, 其中…下降P%: another base or another subject
        x.roles.add("claim")
        self.propose("from_to", x, _rule("from_to", fall), (a, b), ("base", "later"))

    def bare_change(self, x: Mention, a: Mention) -> str:
        """由A降至B,十年少了N: after a from-to, 多/少 alone (no base named in its clause) is a change of A's unit, its
        direction the word's; else ""."""
        if not x.amount or x.unit != a.unit or x.clause == a.clause:
            return ""
        # the clause names no other subject before the word (其中外来人口多了N is a part's): a span of time at most
        said = re.fullmatch(r"[\s,，]*(?:[\d一二三四五六七八九十两兩几幾]+(?:年|个月|個月)(?:来|來|间|間|之间|之間)?)?"
                            r"(?:共|一共|总共|總共|累计|累計)?(?P<word>多|少)了?\s*",
                            self.f[self.r.clause_starts[x.clause]:x.start])
        return "" if said is None else "rise" if said.group("word") == "多" else "fall"

    def shared_noun(self, a: Mention, b: Mention) -> int:
        """由5.6个工作日压缩到2.1个工作日: the length of the noun both amounts' measure words count (工作日), which
        stands between the base and the word that brings it to the later amount; 0 when none is shared.

        Up to 4 characters, no digit or stop: 由3个乡镇增至5个 shares none (乡镇 is not repeated after 5个)."""
        k = 0
        while (k < 4 and a.claim_end + k < b.start and b.claim_end + k < len(self.f)
               and self.f[a.claim_end + k] == self.f[b.claim_end + k] and not re.match(rf"[{STOP}\d\s]", self.f[a.claim_end + k])):
            k += 1
        return k

    def original_and_now(self, m: Mention) -> tuple[Mention, Mention] | None:
        """原设内设机构17个,此次统一整合为7个,减少10个: the one amount of m's unit before it in its sentence whose clause
        says it was (原有, 原设, 改革前) is the base, the one a later clause brings it to (…为7个) the later; none or two
        of either: None."""
        xs = [x for x in self.in_sentence(m) if x.i != m.i and x.unit == m.unit and x.level]
        olds = [x for x in xs if x.i < m.i and self.said_original(x)]
        if len(olds) != 1:
            return None
        old = olds[0]

        def brought(x: Mention) -> bool:
            # 将原A个整合为B个: in the original's clause, the words after it; 经删减C后为B: after the change, in its clause
            lo = max(self.r.clause_starts[x.clause], old.claim_end, m.claim_end if x.i > m.i else 0)
            return BROUGHT_TO.search(self.f, lo, x.start) is not None and not ORIGINAL.search(self.f, lo, x.start) \
                and not QIZHONG.search(self.f, lo, x.start)

        # stated before the change, else after it (原编列A,经删减C后为B); a 其中 or another original word: no later
        news = [x for x in xs if old.i < x.i < m.i and brought(x)] \
            or [x for x in xs if x.i > m.i and x.clause == m.clause and brought(x)]
        return (old, news[0]) if len(news) == 1 else None

    def cut_result(self, m: Mention) -> tuple[Mention, Mention, Mention] | None:
        """原编列A,经删减C,删减率P,审定为B: a cut C with the one original A before it and the one amount of its unit a
        later clause of its sentence brings it to (为/至 B; no 其中 between): (A, C, B); else None."""
        old = self.one_original(m)
        if old is None:
            return None
        xs = [x for x in self.in_sentence(m) if x.i != m.i and same_unit(x.unit, m.unit) and x.level]
        news = [x for x in xs if x.i > m.i and x.clause > m.clause
                and BROUGHT_TO.search(self.f, self.r.clause_starts[x.clause], x.start)
                and not QIZHONG.search(self.f, m.claim_end, x.start) and not self.said_original(x)]
        return (old, m, news[0]) if len(news) == 1 else None

    def one_original(self, m: Mention) -> Mention | None:
        """The one amount of m's unit before it in its sentence said to be original (原编列A), no 其中 between (其中…压减C
        is a part's cut); none or two: None."""
        olds = [x for x in self.in_sentence(m) if x.i < m.i and same_unit(x.unit, m.unit) and x.level
                and self.said_original(x)]
        return olds[0] if len(olds) == 1 and not QIZHONG.search(self.f, olds[0].claim_end, m.start) else None

    def bare_cut(self, m: Mention) -> bool:
        """A cut word right before m (压减N, 經刪減N) and no base word (比/较/同比) before it in its clause."""
        head = self.f[self.r.clause_starts[m.clause]:m.start]
        return CUT_END.search(head) is not None and BASE_MARK_WORD.search(head) is None

    def original_of_change(self, m: Mention) -> tuple[Mention, Mention] | None:
        """原编列A,经删减C后为B,删减幅度P%: a rate naming no base after an amount of change of its direction in its
        sentence (no 其中 or other rate between) is the rate of that change over (what was, what it was brought to),
        when the words bind both (original_and_now); else None."""
        change = next((x for x in self.preceding(m) if x.sentence == m.sentence and x.amount and x.direction), None)
        if change is None or change.direction != m.direction or QIZHONG.search(self.f, change.claim_end, m.start) \
                or any(x.percent for x in self.m[change.i + 1:m.i]):
            return None
        return self.original_and_now(change)

    def said_original(self, x: Mention) -> bool:
        """An amount its clause says was (原有A, 原编列A, 改革前A), 原因/原计划 and the like aside; the words after the
        amount before it in its clause only (将原A个整合为B个: B is not said to be original)."""
        lo = max([self.r.clause_starts[x.clause]] + [y.claim_end for y in self.m[max(x.i - 1, 0):x.i] if y.clause == x.clause])
        head = self.f[lo:x.start]
        for n in words("change", "not_original"):
            head = head.replace(n, " " * len(n))
        return any(w in head for w in words("change", "original"))

    def from_named(self, a: Mention):
        """甲鎮由前一年的15.1%上升2.4%: the base after 由, the change right after it; the later is the one amount of the
        base's kind and of the claim's year the text gives the place named before 由 (its clause), else nothing here."""
        claim = self.m[a.i + 1] if a.i + 1 < len(self.m) else None
        if claim is None or claim.clause != a.clause or not claim.direction or "claim" in claim.roles \
                or not DIRECTION.fullmatch(claim.before.strip()) or self.yearly(claim):
            return
        names = self.named.names_between(self.r.clause_starts[a.clause], a.start)
        # the ;-item's year is the base's when only the base states one (由2022年的A): the later's is then not said
        key = self.named.lookup(names[-1][2], _kind(a), "" if claim.year == a.year else claim.year) if names else None
        if key is None:
            return
        later, fall = self.m[key], claim.direction == "fall"
        if claim.points and a.percent:
            form, rule = "points", _rule("points", fall)
        elif claim.percent:
            form, rule = "from_to", _rule("from_to", fall)
        elif claim.amount and claim.unit == a.unit:
            self.propose("difference", claim, "difference", (a, later) if fall else (later, a),
                         ("base", "later") if fall else ("later", "base"))
            a.roles.add("base")
            return
        else:
            return
        a.roles.add("base")
        claim.roles.add("claim")
        self.propose(form, claim, rule, (a, later), ("base", "later"))

    def bound_cuts(self):
        """原编列A,经删减C后为B,删减幅度P%: a cut (压减/刪減/核减 C, no base word; no change word of the table's, so
        that names and titles read it as before) is checked when the words bind it: C = A - B with its original A
        and what it came to B; 审定为B in a later clause: B = A - C; the cut's rate right after it, no other rate
        between, over (A, B) when B is stated before the rate, else C over A (a share). A cut bound to nothing stays
        data (代表會刪減逾千萬元, 编制核减13.4%)."""
        cut = None  # the last bound cut and its (A, B), (A, C, B) or None
        for m in self.m:
            if m.roles & {"claim", "base", "later"} or m.direction or not self.bare_cut(m):
                continue
            if m.amount:
                pair, result = self.original_and_now(m), None if self.original_and_now(m) else self.cut_result(m)
                if pair is not None:
                    m.roles.add("claim")
                    self.propose("difference", m, "difference", pair, ("base", "later"))
                elif result is not None and not result[2].roles & {"claim"}:
                    result[2].roles.add("claim")
                    self.propose("difference", result[2], "difference", result[:2], ("later", "base"))
                old = pair[0] if pair else result[0] if result else self.one_original(m)
                cut = (m, pair, old) if old is not None else None
            elif m.percent and cut is not None and cut[0].sentence == m.sentence \
                    and not any(x.percent for x in self.m[cut[0].i + 1:m.i]) \
                    and not QIZHONG.search(self.f, cut[0].claim_end, m.start):
                c, pair, old = cut
                m.roles.add("claim")
                if pair is not None and pair[1].i < m.i:
                    self.propose("change", m, "reduction", pair, ("base", "later"))
                else:
                    self.propose("share", m, "share", (c, old), ("part", "whole"))

    def changes(self):
        """Rates and amounts of change (增长X%, 同比增收N, 较上年度之A增加Y%), and 持平."""
        self.bound_cuts()
        for m in self.m:
            if not m.direction or "claim" in m.roles or "later" in m.roles or "base" in m.roles:
                continue
            if m.unit == "倍":  # X比A增长2倍: two times more than the base
                m.roles.add("claim")
                self.times_more(m)
                continue
            if (m.percent or self.points_pairs.get(m.i) is None) and self.structure_change(m):
                continue  # 第一产业比重下降N个百分点: the terms of a structure changed before
            if m.points:
                self.points_change(m)
            elif m.percent:
                self.rate_of_change(m, self.against_base(m))
            elif m.amount:
                pair = self.base_and_later(m, m.unit) or self.prior_subject_pair(m) or self.prior_base_after(m) \
                    or self.original_and_now(m)
                m.roles.add("change")
                if pair is not None:
                    base, later = pair
                    fall = m.direction == "fall"
                    self.propose("difference", m, "difference", (base, later) if fall else (later, base),
                                 ("base", "later") if fall else ("later", "base"))
                    continue
                self.unverifiable("difference", m)
        for found in FLAT_WORD.finditer(self.f):  # 与去年持平: the amount before it did not change
            at = found.start()
            if not FLAT_AGAINST.search(self.f, self.r.clause_starts[self.r.clause[at]], at):
                continue  # 保持平稳: no comparison
            m = next((x for x in self.back(bisect_left(self.starts, at)) if x.end <= at and x.segment == self.r.segment[at]
                      and self.r.clause[at] - x.clause <= 1), None)
            if m is not None and m.amount:
                self.unverifiable("change", m)

    def times_more(self, m: Mention):
        """X比A增长N倍: (A, X), the base right after 比/较 and the amount the clause is about, in one unit."""
        base = next((x for x in self.preceding(m)[:3] if x.clause >= m.clause - 1 and x.amount
                     and AGAINST_END.search(x.before)), None)
        later = self.subject(m, base.unit, exclude=(base,)) if base is not None and m.direction == "rise" else None
        if later is None:
            self.unverifiable("multiple", m)
        else:
            base.roles.add("base")
            self.propose("multiple", m, "growth_times", (base, later), ("base", "later"))

    def points_change(self, m: Mention):
        """提高N个百分点: from the share before to the share now, each bound as a change's base and later are."""
        pair = self.base_and_later(m, "%") or self.compared_named(m) or self.share_by_noun(m) or self.share_against(m)
        if pair is not None:
            base, later = pair
            self.propose("points", m, _rule("points", m.direction == "fall"), (base, later), ("base", "later"))
        else:
            self.unverifiable("points", m)

    def compared_named(self, m: Mention) -> tuple[Mention, Mention] | None:
        """甲鎮高於乙鎮N個百分點, 丙鄉低於平均N個百分點: the base is the one rate the text gives the place compared with
        (乙鎮), or the one rate it states as an average (平均為a%, 各乡镇平均达标率为a%) before m; the later the item's own
        rate, else the one rate of the place the clause names before the word. None when any is not exactly one."""
        lo, measure = self.r.clause_starts[m.clause], ""
        said = None
        for said in COMPARED_WORD.finditer(self.f, lo, m.start):
            pass
        bi = BI_NAMED.search(self.f, lo, m.start) if said is None else None  # 東山鄉比城關鎮高N個百分點
        if said is None and bi is None or self.yearly(m):
            return None
        word_at, noun_lo, noun_hi = (said.start(), said.end(), m.start) if said else (bi.start(), *bi.span("noun"))
        noun = self.f[noun_lo:noun_hi]
        if AVERAGE.search(noun):
            bases = [x for x in self.m[:m.i] if x.percent and _rankable(x) and not x.bound
                     and AVERAGE.search(self.f, self.r.clause_starts[x.clause], x.start)]
            base = bases[0] if len(bases) == 1 else None
        else:
            names = self.named.names_between(noun_lo, noun_hi)
            key = self.named.lookup(names[0][2], "%", m.year) if len(names) == 1 else None
            base = self.m[key] if key is not None else None
        if base is None:
            return None
        later = self.percent_subject(m, exclude=(base,))
        if later is None:
            names = self.named.names_between(lo, word_at)
            if not names and not _core(self.f[lo:word_at]):
                # 甲鎮…,較乙鎮高N個百分點: a clause opening with the comparison is about the sentence's subject, the
                # place that opens the sentence (not the places compared in the clauses between)
                names = self.named.names_between(self.r.sentence_starts[m.sentence], lo)[:1]
                names = [n for n in names if self.opens_sentence(n[0]) and self.f[n[1]:n[1] + 1] not in "、和与及跟同"]
                measure = self.measure_after(names[0][1]) if names else ""
                if not measure:  # no rate named: which of the place's rates is compared is not said
                    return None
            key = self.named.lookup(names[-1][2], "%", m.year, exclude=(base.i,)) if names else None
            later = self.m[key] if key is not None else None
            if later is not None and measure and not all(self.measured(x, measure) for x in (base, later)):
                return None  # 臨溪縣的精簡比率 against the place's one other rate (受訪者認為…的比例): another measure
        return (base, later) if later is not None and later is not base else None

    def measure_after(self, at: int) -> str:
        """The rate noun the clause names right after a place (的達標率, 自有財源比率): up to its ending word."""
        ends = "|".join(words("points", "measure"))
        said = re.compile(rf"[^{STOP}\d]{{0,8}}?(?:{ends})").match(self.f, at)  # within the clause: no stop crossed
        return _core(said.group()) if said and len(_core(said.group())) >= 2 else ""

    def measured(self, x: Mention, measure: str) -> bool:
        """Whether x's sentence names ``measure`` before it (乙鎮為58.1% after 甲鎮達標率為62.5%)."""
        return measure in _core(self.f[self.r.sentence_starts[x.sentence]:x.start])

    def entity_points(self):
        """甲鎮與乙鎮相差N個百分點: the one rate the text gives each of the two places the clause names before 相差; the
        smaller is the base, the larger the later; unverifiable when either has none or several."""
        for m in self.m:
            if not m.points or m.direction or m.roles or "claim" in m.roles:
                continue
            lo = self.r.clause_starts[m.clause]
            if not DIFFER_WORD.search(self.f, lo, m.start):
                continue
            names = self.named.names_between(lo, m.start)
            if len(names) != 2 or names[0][2] == names[1][2] \
                    or not JOINED.fullmatch(self.f[names[0][1]:names[1][0]]):
                continue
            pair = self.named_pair(names[0][2], names[1][2], m.year, "%")
            m.roles.add("claim")
            if pair is None:
                self.unverifiable("points", m)
                continue
            base, later = sorted(pair, key=lambda x: x.value if _known(x.value) else 0)
            self.propose("points", m, "points", (base, later), ("base", "later"))

    def propose_pair(self, m: Mention, pair: tuple[Mention, Mention] | None, fall: bool):
        """m as the rate of change over a (base, later) pair a finder bound; no pair: unverifiable."""
        if pair is None:
            self.unverifiable("change", m)
            return
        pair[0].roles.add("base")
        self.propose("change", m, _rule("change", fall), pair, ("base", "later"))

    def rate_of_change(self, m: Mention, base: Mention | None):
        fall = m.direction == "fall"
        if self.yearly(m):
            self.unverifiable("change", m, "a mean yearly rate: the years it averages over are not counted")
            return
        shared = self.percent_base(m, base)
        if shared is not None:  # 比重为40.7%,比上年的39.7%提高1.0%: a rate of change of a percentage
            later = self.percent_subject(m, exclude=(shared,)) or self.rate_named_elsewhere(m, shared)
            if later is not None:
                shared.roles.add("base")
                self.propose("change", m, _rule("change", fall), (shared, later), ("base", "later"))
                return
        if base is not None and base.amount:
            later = self.later_of(m, base) or self.later_after_base(base)
            if later is not None:
                self.propose("change", m, _rule("change", fall), (base, later), ("base", "later"))
                return
        change = next((x for x in self.preceding(m)[:1] if x.amount and x.direction), None)
        if change is not None and self.prior_subject(change) is not None:
            change.roles.add("change")  # 上年度A,本年度減少N,減幅P%: A is the base, never the later
            self.propose_pair(m, self.prior_subject_pair(change), change.direction == "fall")
            return
        if change is not None and not self.rate_of_amount_change(m, change):
            self.unverifiable("change", m)
            return
        if change is not None:
            change.roles.add("change")
            later = (self.subject(change, change.unit) or self.later_by_name(change, None)
                     or self.carried_subject(change, change.unit))  # 本年度A;较上年度增收N,增长P%
            if later is not None and self.said_original(later):
                # 原编列A,经删减C,删减率P,审定为B: A is what was (the base), not the later; the later is the one the
                # words bring it to
                self.propose_pair(m, self.original_and_now(change), change.direction == "fall")
                return
            if later is not None:
                self.propose("change_with_amount", m, _rule("change_with_amount", change.direction == "fall"),
                             (later, change), ("later", "change"))
            else:
                self.unverifiable("change_with_amount", m)
            return
        if base is None:
            pair = self.original_of_change(m)
            if pair is not None:
                pair[0].roles.add("base")
                self.propose("change", m, _rule("change", fall), pair, ("base", "later"))
                return
        if base is None and fall:
            pair = self.kept_of_original(m)
            if pair is not None:
                pair[0].roles.add("base")
                self.propose("change", m, "reduction", pair, ("base", "later"))
                return
        if base is None:
            pair = (self.base_in_item(m, "") or self.named_base(m, "") or self.previous_year_base(m, "")
                    or self.prior_named_base(m, "") or self.carried_subject_base(m, "") or self.prior_base_after(m))
            if pair is not None and pair[0].amount:
                self.propose("change", m, _rule("change", fall), pair, ("base", "later"))
                return
        masked = MASKED.search(self.f, self.r.segment_starts[m.segment], m.start)
        self.unverifiable("change", m, "the amounts are masked in the text" if masked else None)

    def rate_of_amount_change(self, m: Mention, change: Mention) -> bool:
        """Whether the rate m right after an amount of change (增收N,增长P%) is that change's rate: of its direction,
        no 其中 between (其中…下降P% is a part's), and not after a from-to's change (由A减为B,减少N): a rate the from-to
        did not take (同比下降P%, 比上年…) names a base of its own."""
        return m.direction == change.direction and not QIZHONG.search(self.f, change.claim_end, m.start) \
            and change.i not in getattr(self, "from_to_changes", ())

    def prior_base_after(self, m: Mention) -> tuple[Mention, Mention] | None:
        """收入完成A,为年初预算B的p%,比上年增长P%。上年同口径收入为C: a change against the year before (比上年, 同比) whose
        base a later clause of its sentence or the next sentence states, the clause opening with a prior word and a
        noun (上年同口径收入为C; scope words aside): the base the one amount of such clauses, the later the one amount of
        its unit in m's ;-item before m whose name holds that noun (A, not the budget B). None, two or no noun: None."""
        if not PREVIOUS_YEAR_WORD.search(self.f, self.r.clause_starts[m.clause], m.start):
            return None
        last = m.sentence + 1
        while last < len(self.r.sentence_starts) and not self.f[
                self.r.sentence_starts[last]:self.r.sentence_end(last)].strip():
            last += 1
        bases = []
        for x in self.m[m.i + 1:]:
            if x.sentence > last:
                break
            said = PRIOR_OPEN.match(self.f[self.r.clause_starts[x.clause]:x.start])
            if said and x.amount and x.level and not x.per_unit:
                bases.append((x, _core(BASE_SCOPE.sub("", said.group("noun")))))
        if len(bases) != 1 or len(bases[0][1]) < 2:
            return None
        base, noun = bases[0]
        later = [x for x in self.preceding(m) if x.segment == m.segment and x.level and same_unit(x.unit, base.unit)
                 and x.depth <= m.depth and not PRIOR_NAME.search(x.name) and self.names_base(x, noun)]
        if len(later) != 1:
            return None
        base.roles.add("base")
        return base, later[0]

    def names_base(self, later: Mention, noun: str) -> bool:
        """The later's name (its verb of doing aside: 收入完成) ends with the base's noun or the noun with it (税收收入 /
        收入; never 非税收入 / 税收收入)."""
        verbs = r"完成|实现|實現|达到|達到|为|為|是|达|達|约|約"
        name = _core(re.sub(rf"(?:{verbs})+$", "", later.name))
        noun = re.sub(rf"^(?:{verbs})+|(?:{verbs})+$", "", noun)
        return len(name) >= 2 and len(noun) >= 2 and (name.endswith(noun) or noun.endswith(name))

    def prior_subject(self, change: Mention) -> Mention | None:
        """The amount the change's item is about when its name says the year before (上年度歲出決算數A, 去年为A)."""
        subject = self.subject(change, change.unit)
        return subject if subject is not None and PRIOR_NAME.search(subject.name) else None

    def prior_subject_pair(self, change: Mention) -> tuple[Mention, Mention] | None:
        """歲出決算數B;上年度歲出決算數A,本年度減少N: the base is the subject named with the year before, the later the
        one amount of this year in the sentence before the base whose name ends the base's name (the year words aside)
        or ends with it (決算數 of 歲出決算數, not 歲出預算數; 全镇一般公共预算收入); none or two: None."""
        base = self.prior_subject(change)
        if base is None:
            return None
        stem = PRIOR_NAME.sub("", base.name)
        later = [x for x in self.in_sentence(change) if x.i < base.i and x.level and same_unit(x.unit, base.unit)
                 and len(x.name) >= 2 and not PRIOR_NAME.search(x.name) and (stem.endswith(x.name) or x.name.endswith(stem))
                 and self.r.same_year(x.year, change.year)]
        return (base, later[0]) if len(later) == 1 else None

    def kept_of_original(self, m: Mention) -> tuple[Mention, Mention] | None:
        """将原143个站所整合为…,全县共保留48个,精简66.43%: the later is the one amount in m's clause or the clause
        before whose clause words before it hold a ``kept`` word (保留, 现有, 改革后 …), the base the one amount of its
        unit before it in m's ;-item after an ``original`` word (原, 原有, 改革前 …; not 原因, 原计划 …). None unless
        exactly one of each."""
        def said(x: Mention, group: str) -> bool:
            head = self.f[self.r.clause_starts[x.clause]:x.start]
            for n in words("change", "not_original"):  # 原因, 原计划: names, not the amount before a change
                head = head.replace(n, " " * len(n))
            return any(w in head for w in words("change", group))

        before = [x for x in self.preceding(m) if x.amount and not x.direction and x.depth <= m.depth]
        kept = [x for x in before if x.clause >= m.clause - 1 and said(x, "kept")]
        if len(kept) != 1:
            return None
        original = [x for x in before if x.i < kept[0].i and same_unit(x.unit, kept[0].unit) and said(x, "original")
                    and not said(x, "kept")]
        return (original[0], kept[0]) if len(original) == 1 else None

    def percent_base(self, m: Mention, base: Mention | None) -> Mention | None:
        """The percentage right after 比/较 and a noun naming no change (比上年的39.7%) in m's own clause: the base of a
        rate of change of a percentage (the later the percentage the item is about); else None."""
        if base is not None:
            return base if base.percent and base.clause == m.clause else None
        x = next((x for x in self.preceding(m)[:1] if x.clause == m.clause), None)
        if x is None or not x.percent or x.direction:
            return None
        said = BASE_MARK.search(x.before)
        return x if said is not None and not re.search(rf"{RISE}|{FALL}", said.group("noun")) else None

    def named_rates(self):
        """年增率为-4.5%, 人口增加率為-4.5‰: a rate of change named as a noun, its sign its direction (the rule growth:
        a fall is negative). The base is the amount after 较/比/与 in its ;-item (較上年度的A); the later the item's
        subject, else the amount of the base's name and a later year; else an earlier year's clause or the year
        before's amount of the same name (as for 增长X%). A second rate on the same base, or one after 其中, is a part's
        (自然增加率): unverifiable."""
        rated: set[int] = set()
        for m in self.m:
            if not m.percent or m.direction or m.roles & {"base", "later", "claim", "part"}:
                continue
            if not RATE_NOUN.search(self.f, self.r.clause_starts[m.clause], m.start):
                continue
            m.roles.add("claim")
            if self.yearly(m):
                self.unverifiable("change", m, "a mean yearly rate: the years it averages over are not counted")
                continue
            base = next((x for x in self.preceding(m) if x.amount and (
                AGAINST_END.search(x.before) or VERSUS.search(x.before) and VERSUS_END.match(self.f, x.claim_end)
                or self.named_mark(x, m))), None)
            pair = None
            if base is not None and (base.i in rated or QIZHONG.search(self.f, self.r.clause_starts[m.clause], m.start)):
                self.unverifiable("change", m)  # 其中自然增加率为…: a part of the rate before, not these amounts' change
                continue
            if base is not None:
                rated.add(base.i)
                base.roles.add("base")
                later = self.subject(m, base.unit, exclude=(base,)) or self.later_after_base(base)
                pair = (base, later) if later is not None else None
            else:
                pair = self.base_in_item(m, "") or self.previous_year_base(m, "")
            if pair is not None and pair[0].amount:
                self.propose("change", m, "growth", pair, ("base", "later"))
            else:
                self.unverifiable("change", m)
