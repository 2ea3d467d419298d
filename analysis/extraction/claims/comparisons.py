"""Comparisons and orderings: above/below, sorted lists, extremes (最高), ranks (居第N位), next-to.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _known, _rankable
from analysis.extraction.claims.names import _bigrams, name_score
from analysis.extraction.claims.patterns import (
    CN_DIGITS, COMPARE_BEFORE, EXTREME, EXTREME_IS, NEXT_TO, PLACE, RANK, RANKS, SORTED, STOP, WHOLE_WORDS,
)


def _rank(written: str) -> int:
    """A rank as written (4, 四, 十二) as a number.

    >>> _rank("4"), _rank("四"), _rank("十二"), _rank("二十")
    (4, 4, 12, 20)
    """
    if written.isdigit():
        return int(written)
    tens, _, ones = written.rpartition("十")
    if "十" not in written:
        return int(CN_DIGITS[written[-1]])
    return int(CN_DIGITS.get(tens, "1") if tens else 1) * 10 + (int(CN_DIGITS[ones]) if ones else 0)


class _Comparisons(_Base):
    """The finders of the comparison form: above/below, sorted, extremes, ranks, next-to."""

    def comparisons(self):
        """A高于B (低于, 超过, 不足 …), 甲…最高 among a list, 分居1至N名, 仅次于A、B居第3名 (see the table's binding)."""
        for b in self.m:
            found = COMPARE_BEFORE.search(b.before)
            if found is None or b.bound or b.direction or b.points or not (b.amount or b.percent) or b.roles & {"claim", "base"}:
                continue
            a = (self.percent_subject(b) if b.percent else self.subject(b, b.unit))
            # a level of the same size: 超过上年400万元 states by how much, not what is exceeded
            if a is None or a.clause < b.clause - 1 or not _known(a.value) or not _known(b.value) or not b.value \
                    or not 0.1 <= a.value / b.value <= 10:
                continue
            rule = "greater" if found.group("above") else "less"
            others = [b]
            for x in self.m[b.i + 1:]:  # 高于乙乡的9%及丙乡的6%: the amounts joined to B
                if x.clause != b.clause or x.unit != b.unit or not re.fullmatch(
                        rf"(?:及|与|和|、|以及)[^{STOP}\d、]{{0,8}}", self.f[others[-1].claim_end:x.start]):
                    break
                others.append(x)
            for x in others:
                x.roles.add("compared")
            self.propose("comparison", a, rule, others, ("others…",) * len(others))
        for found in EXTREME.finditer(self.f):
            self.extreme(found)
        for found in RANKS.finditer(self.f):
            self.ranked(found)
        for found in NEXT_TO.finditer(self.f):
            self.next_to(found)
        for found in SORTED.finditer(self.f):
            self.sorted_list(found)

    def sorted_list(self, found: re.Match):
        """由高至低依序为甲18%、乙12%、丙9%: the amounts of one unit after the words, to the sentence's end, each above
        the next (由低至高: below); the last is the claim."""
        sentence = self.r.sentence[found.start()]
        after = [x for x in self.between(found.end(), self.r.sentence_end(sentence))]
        if not after:
            return
        amounts = self.listed(found.end(), self.r.sentence_end(sentence), after[0].unit)
        if len(amounts) < 2 or len(amounts) != len(after):
            return  # other numbers among them: not one ranked list
        if found.group("up"):
            amounts = amounts[::-1]
        claim = (found.start(), found.end(), self.text[found.start():found.end()])
        self.propose("comparison", claim, "order", amounts[:-1], ("others…",) * (len(amounts) - 1), fact=amounts[-1])

    def listed(self, lo: int, hi: int, unit: str) -> list[Mention]:
        """The amounts of a list between lo and hi: levels of one unit, each named, none a total of the others."""
        return [x for x in self.between(lo, hi) if x.end <= hi and x.unit == unit and _rankable(x) and not x.bound
                and x.depth == 0 and id(x) not in self.summed and not WHOLE_WORDS.search(x.before) and "mean" not in x.roles]

    def extreme(self, found: re.Match):
        """甲…、乙…、丙…, 其中甲最高 / 以A居首: the amount named (or stated) right before the word, over the list's others."""
        at = found.start()
        clause = self.r.clause[at]
        head = self.f[self.r.clause_starts[clause]:at]
        stated = [x for x in self.between(self.r.clause_starts[clause], at) if x.end <= at]
        named_after = EXTREME_IS.match(self.f, found.end())
        after = [x for x in self.between(found.end(), self.r.sentence_end(self.r.sentence[at]))]
        if stated and re.fullmatch(rf"[^{STOP}\d]{{0,2}}", self.f[stated[-1].claim_end:at]):
            claim = stated[-1]  # 以5200万元居首, 甲镇5200万元最多
        elif named_after and after and after[0].start == named_after.end():
            claim = after[0]  # 出缺率最高的是丁乡的22%, 最多的为甲镇,达120项
        else:
            name = _core(re.split(r"其中|以|而|则|又|、", head)[-1])
            if len(name) < 2 or stated:
                return
            sentence = self.r.sentence[at]
            pool = [x for x in self.between(self.r.sentence_starts[max(0, sentence - 1)], at) if x.named]
            pairs = _bigrams(name)
            # an amount of a 分别 list is named by its own item (respective_names), not by the whole list's name
            scored = [(len(pairs & x.pairs) / len(pairs) if x.pairs != frozenset(_bigrams(x.name + self.after_noun(x)))
                       else name_score(name, PLACE.sub("", x.name) or x.name), x) for x in pool if _rankable(x)]
            best = max((score for score, _ in scored), default=0)
            chosen = [x for score, x in scored if score == best]
            if best < 0.5 or len(chosen) != 1:
                return
            claim = chosen[0]
        if not _rankable(claim) or claim.bound:
            return
        sentence = claim.sentence
        others = [x for x in self.listed(self.r.sentence_starts[sentence], self.r.sentence_end(sentence), claim.unit)
                  if x is not claim and x.named and x.percent == claim.percent]
        if len(others) < 2:
            return  # 最高气温, 最多补助3000元: no list to be first of
        rule = "greater" if found.group("top") else "less"
        self.propose("comparison", (at, found.end(), self.text[at:found.end()]), rule, others,
                     ("others…",) * len(others), fact=claim)

    def ranked(self, found: re.Match):
        """a、b、c、d分居1至4名 (分列前3位): the last N amounts of one unit before the words, each above the next."""
        lo, hi = found.group("a"), found.group("b")
        n = (_rank(hi) - _rank(lo) + 1) if lo else _rank(found.group("n"))
        at = found.start()
        sentence = self.r.sentence[at]
        before = [x for x in self.between(self.r.sentence_starts[sentence], at) if x.end <= at]
        unit = before[-1].unit if before else ""
        amounts = self.listed(self.r.sentence_starts[sentence], at, unit) if before else []
        claim = (at, found.end(), self.text[at:found.end()])
        if n < 2 or (lo and _rank(lo) != 1) or len(amounts) < n:
            if amounts:
                self.unverifiable("comparison", claim)
            return
        ranked = amounts[-n:]
        self.propose("comparison", claim, "order", ranked[:-1], ("others…",) * (n - 1), fact=ranked[-1])

    def next_to(self, found: re.Match):
        """X A 仅次于 甲B、乙C, 居第3名: B and C rank above A; the rank says how many do."""
        at = found.end()
        sentence = self.r.sentence[at]
        rank = RANK.search(self.f, at, self.r.sentence_end(sentence))
        subject = next((x for x in self.back(bisect_left(self.starts, found.start())) if x.sentence == sentence), None)
        if subject is None or not subject.level or rank is None:
            return
        above = [x for x in self.listed(at, rank.start(), subject.unit) if x.sentence == sentence]
        claim = (rank.start(), rank.end(), self.text[rank.start():rank.end()])
        if not above or len(above) != _rank(rank.group("k")) - 1:
            self.unverifiable("comparison", claim)
            return
        for x in above:
            x.roles.add("compared")
        self.propose("comparison", claim, "order", above, ("others…",) * len(above), fact=subject)
