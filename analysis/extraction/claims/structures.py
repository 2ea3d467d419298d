"""Structures and splits: the terms of a ratio of parts (a:b:c), their changes, and a split's last share.
"""

from __future__ import annotations

import re

from analysis.extraction.claims.base import _Base, _rule
from analysis.extraction.claims.mentions import Mention, _core, _known
from analysis.extraction.claims.names import name_score
from analysis.extraction.claims.patterns import (
    COMPARED_IN, CN_DIGITS, ORDINAL, PLACE, SHARE, SPLIT_EACH, SPLIT_PAIRS, STRUCTURE, STRUCTURE_FROM, STRUCTURE_TO, TERM_SHARE,
    YEAR,
)


def _adds_to_100(terms: list[Mention]) -> bool:
    """The terms of a structure of shares: they add up to 100, within their rounding (half a last digit each)."""
    values = [t.value for t in terms]
    if len(values) < 2 or not all(_known(v) for v in values):
        return False
    digits = max((len(t.as_written.split(".")[1]) if "." in t.as_written else 0) for t in terms)
    return abs(sum(values) - 100) <= len(values) * 0.5 * 10 ** -digits + 1e-9


def _complete_split(names: list[str], n: int) -> bool:
    """Whether ``names`` are a split in full of n parts: the ordinals 一…n in turn (第一产业、第二产业、第三产业;
    第一、二、三产业), or the two sides of a pair of the table (轻、重工业; 城镇和乡村).

    >>> _complete_split(["第一产业", "第二产业", "第三产业增加值"], 3), _complete_split(["第一", "二", "三产业"], 3)
    (True, True)
    >>> _complete_split(["第一产业", "第二产业"], 2), _complete_split(["轻", "重工业"], 2), _complete_split(["税收", "非税"], 2)
    (False, True, False)
    """
    if len(names) != n:
        return False
    firsts = [ORDINAL.match(name) for name in names]
    if all(firsts):
        numerals = [CN_DIGITS.get(f.group()[-1]) for f in firsts]
        # 一…N in turn, N of three or more: 三次产业 (第一、第二产业 alone may leave a third out)
        return numerals == [str(k) for k in range(1, n + 1)] and n >= 3
    return n == 2 and any(names[0].startswith(a) and names[1].startswith(b) for a, b in SPLIT_PAIRS)


class _Structures(_Base):
    """The finders of the structure and split forms."""

    def ratio_terms(self, m: Mention) -> list[Mention]:
        """a:b:c from its first term ``m``."""
        terms = [m]
        for x in self.m[m.i + 1:]:
            if self.f[terms[-1].end:x.start].strip() in (":", "："):
                terms.append(x)
            else:
                break
        return terms

    def structure(self):
        """三次产业结构为a:b:c: each term the share of one part of the total just split into as many parts; 结构由
        a:b:c调整为d:e:f (each run adding up to 100): d, e, f as such, a, b, c the base year's shares, kept (with the
        split) for the changes of a term's share stated after it."""
        self.structures: list[tuple[list[Mention], list[Mention], list[Mention] | None]] = []
        self.stated_structures: list[list[Mention]] = []  # 结构为a:b:c: the terms, for a term's change against a base stated
        for m in self.m:
            if "structure" in m.roles:
                continue
            base = None
            if STRUCTURE_FROM.search(YEAR.sub("", m.before)):
                base = self.ratio_terms(m)
                after = self.m[base[-1].i + 1] if base[-1].i + 1 < len(self.m) else None
                if after is None or not STRUCTURE_TO.match(YEAR.sub("", self.f[base[-1].end:after.start])):
                    continue
                terms = self.ratio_terms(after)
                if len(terms) != len(base) or not all(_adds_to_100(run) for run in (base, terms)):
                    continue
                for x in base:
                    x.roles.update(("base", "structure"))
            elif STRUCTURE.search(m.before):
                terms = self.ratio_terms(m)
            else:
                continue
            if len(terms) < 2:
                continue
            split = next(((t, p) for t, p in reversed(self.sums) if len(p) == len(terms) and t.start < terms[0].start), None)
            if base is not None:
                self.structures.append((base, terms, split[1] if split is not None else None))
            elif _adds_to_100(terms):
                self.stated_structures.append(terms)
            for k, term in enumerate(terms):
                term.roles.update(("claim", "structure"))
                if split is None:
                    self.unverifiable("structure", term)
                else:
                    self.propose("structure", term, "share", (split[1][k], split[0]), ("part", "whole"))

    def structure_change(self, m: Mention) -> bool:
        """第一产业比重下降N个百分点 (提高N%) after a structure changed (由a:b:c调整为d:e:f): the change of the k-th
        term, k the ordinal the clause names (第一) or else the part (of the split the terms share) whose name it
        repeats best; only a clause that names a share (比重, 占比) before m and no other number."""
        if not (m.points or m.percent):
            return False
        lo = self.r.clause_starts[m.clause]
        head = self.f[lo:m.start]
        said = TERM_SHARE.search(head)
        if said is not None and m.points and self.term_against_base(m, head[:said.start()]):
            return True
        if not getattr(self, "structures", None) or said is None or any(x.start >= lo for x in self.back(m.i)):
            return False
        known = [s for s in self.structures if s[1][-1].end <= m.start]
        if not known:
            return False
        base, later, parts = known[-1]
        subject = head[:said.start()]
        ordinal = re.search(r"第([一二三四五六七八九])", subject)
        k = None
        if ordinal:
            k = "一二三四五六七八九".index(ordinal.group(1))
        elif parts is not None:
            scores = [name_score(_core(p.name), subject) for p in parts]
            best = max(scores)
            k = scores.index(best) if best >= 0.6 and scores.count(best) == 1 else None
        if k is None or k >= len(later):
            return False
        fall = m.direction == "fall"
        rule = _rule("points", fall) if m.points else _rule("change", fall)
        m.roles.add("claim")
        self.propose("structure", m, rule, (base[k], later[k]), ("base", "later"))
        return True

    def term_against_base(self, m: Mention, subject: str) -> bool:
        """三次产业结构为a:b:c,第三产业比重比上年的p%提高N个百分点: the later the term the ordinal names (第三: c) of
        the structure stated in m's sentence before its clause; the base the one percentage of m's clause, stated after
        比/较 (COMPARED) before m. No ordinal, no such structure or two percentages: not this form."""
        ordinal = re.fullmatch(r"\s*第([一二三四五六七八九])[^第]*", subject)
        lo = self.r.clause_starts[m.clause]
        stated = [t for t in getattr(self, "stated_structures", ()) if t[0].sentence == m.sentence and t[-1].end <= lo]
        before = [x for x in self.between(lo, m.start) if x.end <= m.start]
        if ordinal is None or not stated or len(before) != 1 or not before[0].percent \
                or not COMPARED_IN.search(self.f[lo:before[0].start]):
            return False
        k = "一二三四五六七八九".index(ordinal.group(1))
        terms = stated[-1]
        if k >= len(terms):
            return False
        before[0].roles.add("base")
        m.roles.add("claim")
        self.propose("points", m, _rule("points", m.direction == "fall"), (before[0], terms[k]), ("base", "later"))
        return True

    def splits(self):
        """甲、乙占比分别为x%和y%, when 甲、乙 are a split in full (一…N, 轻/重): the last share is what the others leave."""
        for found in SPLIT_EACH.finditer(self.f):
            at = found.end()
            clause = self.r.clause[found.start()]
            rates = []
            for x in self.between(at, self.r.sentence_end(self.r.sentence[at])):
                if not x.percent or x.direction or re.search(r"[,，;；。]", self.f[rates[-1].end if rates else at:x.start]):
                    break
                rates.append(x)
            head = self.f[self.r.clause_starts[clause]:found.start()]
            share = SHARE.search(head)
            if len(rates) < 2 or share is None:
                continue
            names = [n for n in re.split(r"[、和及与]", PLACE.sub("", head[:share.start()])) if n]
            if not _complete_split(names, len(rates)):
                continue
            self.propose("split", rates[-1], "complement", rates[:-1], ("others…",) * (len(rates) - 1))
