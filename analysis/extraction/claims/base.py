"""The finder's shared ground (:class:`_Base`): the text read once, proposals, the mentions before, between and
around a place, and the lookups more than one form family uses.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import pandas as pd

from analysis.extraction.claim_forms import FORM, UNVERIFIABLE
from analysis.extraction.claims.mentions import Mention, _Reading, _known, same_unit
from analysis.extraction.claims.names import _Names, _bigrams, _core_keep_list
from analysis.extraction.claims.patterns import BASE_MARK, RESPECTIVE, STOP, YEARLY
from analysis.extraction.named_amounts import NamedAmounts


def _rule(form: str, fall: bool) -> str:
    """The form's rule for a rise, or its rule for a fall (a change is claimed by its size)."""
    spec = FORM[form]
    return spec.fall_rule if fall and spec.fall_rule else spec.rule


def _agree(a: Mention, b: Mention) -> bool:
    """Whether two numbers can be one value: their stated ends or values overlap (401 and 400多)."""
    def ends(m):
        lo = m.low if _known(m.low) else m.value
        hi = m.high if _known(m.high) else m.value
        return (lo if _known(lo) else -float("inf")), (hi if _known(hi) else float("inf"))
    (lo1, hi1), (lo2, hi2) = ends(a), ends(b)
    return lo1 <= hi2 and lo2 <= hi1


class _Base(_Names):
    """What every form family uses: the text read, the proposals so far, mentions by place."""

    def __init__(self, text: str, candidates: pd.DataFrame):
        self.r = _Reading(text, candidates)
        self.text, self.f = text, self.r.folded
        self.m = self.r.mentions
        self.rows: list[dict] = []
        self.sums: list[tuple[Mention, list[Mention]]] = []
        self.summed: set[int] = set()
        self.class_totals: set[int] = set()  # totals a sum of products binds: no 其中 list's total besides
        self.points_pairs: dict[int, tuple[Mention, Mention] | None] = {}
        self._named: NamedAmounts | None = None
        self.starts = [x.start for x in self.m]
        for x in self.m:
            x.pairs = frozenset(_bigrams(x.name + self.after_noun(x)))
        self.respective_names()
        self.percent_bases()

    def respective_names(self):
        """甲、乙、丙产量分别为a、b和c: the k-th amount is of the k-th name (and the tail the last name gives them all,
        产量), not of all three, when as many amounts as names follow 分别 in its clause."""
        for found in RESPECTIVE.finditer(self.f):
            clause = self.r.clause[found.start()]
            head = self.f[self.r.clause_starts[clause]:found.start()]
            names = [x for x in re.split(r"[、和及与]", _core_keep_list(head)) if x]
            end = self.r.clause_starts[clause + 1] if clause + 1 < len(self.r.clause_starts) else len(self.f)
            # the amounts run on after the clause's comma-free list (a、b和c): to the end of the ;-item's clause run
            amounts = [x for x in self.between(found.end(), self.r.sentence_end(self.r.sentence[found.start()]))
                       if (x.amount or x.percent) and x.segment == self.r.segment[found.start()]]
            amounts = [x for x in amounts if self.r.clause[x.start] == clause
                       or not re.search(rf"[{STOP}]", self.f[found.end():x.start].replace(",", "").replace("，", ""))]
            amounts = [x for x in amounts if x.percent == amounts[0].percent]  # amounts, or rates: one kind
            if len(names) < 2 or len(amounts) != len(names) or any(m.depth for m in amounts):
                continue
            if len({len(x) for x in names[:-1]}) == 1 and len(names[-1]) > len(names[0]):
                tail = names[-1][len(names[0]):]  # 早稻、晚稻、旱粮产量: 早稻产量 …
                names = [x + tail for x in names[:-1]] + names[-1:]
            for x, name in zip(amounts, names):
                x.pairs = frozenset(_bigrams(name))

    def percent_bases(self):
        """比上年的46.1%, 较上年的40.2%: a percentage right after 比/较 and a noun is the base of a change, no share and
        no later rate."""
        for x in self.m:
            if x.unit == "%" and not x.points and not x.direction and BASE_MARK.search(x.before):
                x.roles.add("base")

    # --- proposals ---
    def propose(self, form: str, claim: Mention | tuple[int, int, str], rule: str, inputs=(), roles=(), items="",
                count_by="", reason="", fact: Mention | None = None):
        """One proposal. Its span is the claimed candidate's (its fact in a review file); ``claimed`` also holds
        the words that finish it (3.72个 -> 3.72个百分点). The pattern carries the reason of an unverifiable one, so
        that a review file's note says what was not checked. ``fact``: the claim fact when the claim's words are
        not a number (居第3名, 最高: the amount ranked), its span in ``fact_span`` and its number as ``claimed``."""
        if isinstance(claim, Mention):
            start, end, written = claim.start, claim.end, self.text[claim.start:claim.claim_end]
        else:
            start, end, written = claim
        if fact is not None:
            written = fact.as_written
        if len(inputs) == 2 and inputs[0] is inputs[1] and not reason:
            # a quotient of one number over itself (人口N over 人口N) is a misbinding: the claim stays, unbound
            reason, rule = FORM[form].unverifiable, UNVERIFIABLE
            inputs, roles = (), ()
        if self.other_places(claim, rule, inputs, roles):
            return
        spec = FORM[form]
        self.rows.append({
            "form": form, "rule": UNVERIFIABLE if reason else rule, "claimed": written, "claim_start": start,
            "claim_end": end, "line": 0, "inputs": " ".join(p.as_written for p in inputs),
            "input_spans": [(p.start, p.end) for p in inputs], "roles": " ".join(roles), "items": items,
            "count_by": count_by, "pattern": f"{spec.pattern} ({UNVERIFIABLE}: {reason})" if reason else spec.pattern,
            "reason": reason, "fact_span": (fact.start, fact.end) if fact is not None else None})

    def other_places(self, claim, rule: str, inputs, roles) -> bool:
        """A share whose part and whole, or a restatement whose two mentions, are stated of two places of one level
        (石湖县's part over 苍崖县's whole): a misbinding across places, never proposed."""
        if rule == "share" and list(roles) == ["part", "whole"]:
            return self.r.other_place(inputs[0].place, inputs[1].place)
        if rule == "value" and isinstance(claim, Mention) and len(inputs) == 1:
            return self.r.other_place(claim.place, inputs[0].place)
        return False

    def unverifiable(self, form: str, claim, reason: str | None = None):
        self.propose(form, claim, UNVERIFIABLE, reason=reason or FORM[form].unverifiable)

    # --- helpers over mentions ---
    def segment_mentions(self, m: Mention) -> list[Mention]:
        return [x for x in self.in_sentence(m) if x.segment == m.segment]

    def preceding(self, m: Mention) -> list[Mention]:
        """Mentions before ``m`` in its ;-item, nearest first."""
        out = []
        for x in self.back(m.i):  # mentions are in the text's order: an item's are together
            if x.segment != m.segment:
                break
            out.append(x)
        return out

    def back(self, i: int):
        """The mentions before the i-th, nearest first."""
        return (self.m[k] for k in range(i - 1, -1, -1))

    def between(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at or after ``lo`` and before ``hi``."""
        return self.m[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def in_sentence(self, m: Mention) -> list[Mention]:
        return self.between(self.r.sentence_starts[m.sentence], self.r.sentence_end(m.sentence))

    def subject(self, m: Mention, unit: str, exclude=()) -> Mention | None:
        """The amount the item is about: the nearest amount of ``unit`` before ``m`` in its segment that is
        stated as a level (no change, rate or base) and not nested deeper than ``m``."""
        for x in self.preceding(m):
            if x not in exclude and x.level and x.unit == unit and x.depth <= m.depth:
                return x
        return None

    def yearly(self, m: Mention) -> bool:
        """年均增长X%: a mean yearly rate, no change between two stated amounts."""
        return bool(YEARLY.search(self.f, self.r.clause_starts[m.clause], m.start))

    def percent_subject(self, m: Mention, exclude=()) -> Mention | None:
        """The percentage the item is about: the nearest one before ``m`` in its ;-item that is no change or base."""
        for x in self.preceding(m):
            if x not in exclude and x.percent and not x.direction and "base" not in x.roles and x.depth <= m.depth:
                return x
        return None

    def named_by(self, m: Mention, pattern: re.Pattern, unit: str | None, exclude=(), before: int | None = None):
        """The nearest amount before ``m`` (or position ``before``) in its sentence whose own words name it
        (``pattern`` in the words since the number before it in its clause), of ``unit`` when given."""
        at = m.start if before is None else before
        return next((x for x in self.back(m.i) if x.sentence == m.sentence and x.end <= at and x.level
                     and x not in exclude and (unit is None or same_unit(x.unit, unit))
                     and pattern.search(x.before)), None)  # its own words: 現有員額27人、預算員額30人

    def opens_sentence(self, w: int) -> bool:
        return not re.sub(r"[\s,，:：]", "", self.f[self.r.sentence_starts[self.r.sentence[w]]:w])

    def heads(self, w: int) -> list[Mention]:
        """The totals a 其中 at ``w`` belongs to: the first amount of the sentence before when 其中 opens a sentence;
        else the last amount of the clause before it (past clauses that only give a rate: 42.76亿元,增长0.2%,其中),
        with the totals of the same unit in the clauses just before that one (A 251个, B 231个, 其中 …)."""
        if self.opens_sentence(w):
            sentence = self.r.sentence[w] - 1
            first = next((x for x in self.between(self.r.sentence_starts[sentence], self.r.sentence_end(sentence))
                          if x.level and not x.per_unit and x.depth == 0), None)
            return [first] if first is not None else []
        depth, segment, clause = self.r.depth[w], self.r.segment[w], self.r.clause[w]
        heads: list[Mention] = []
        for c in range(clause, -1, -1):
            if self.r.segment_starts[segment] > self.r.clause_starts[c] and c != clause:
                break
            clause_end = self.r.clause_starts[c + 1] if c + 1 < len(self.r.clause_starts) else len(self.f)  # the text may end in a 其中
            inside = [x for x in self.between(self.r.clause_starts[c], min(w, clause_end)) if x.depth <= depth]
            # an average (乡镇平均764万元) is of one unit, no total of parts: passed like a rate
            level = [x for x in inside if x.level and not x.per_unit and x.depth == depth]
            if not level:
                if inside and all(x.direction or x.per_unit for x in inside) and not heads:
                    continue  # a clause that only gives a rate or an average
                if c == clause:
                    continue
                break
            if heads and level[-1].unit != heads[0].unit:
                break
            heads.append(level[-1])
        return sorted(heads, key=lambda x: x.start)
