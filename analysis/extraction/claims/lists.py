"""Lists: a total followed by parts its names split in full (no 其中), and the count of an ordinal list.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import words
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _rankable, same_unit
from analysis.extraction.claims.patterns import YEAR, PRIOR_NAME

NUMERALS = "一二三四五六七八九十"
_TOTAL_BEFORE = re.compile(rf"(?:{'|'.join(sorted(words('total', 'all') + words('total', 'sums_before'), key=len, reverse=True))})"
                           r"[^\d、,，;；。]{0,6}$")
_SPLIT_BEFORE = re.compile(rf"(?:{'|'.join(sorted(words('total', 'split_into'), key=len, reverse=True))})$")
_ORDINAL = re.compile(rf"^(第?)([{NUMERALS}]+)(\S*)$")
_MEAN_OPENS = re.compile(rf"^\s*(?:{'|'.join(sorted(words('average', 'mean_opens'), key=len, reverse=True))})\s*$")
_NOT_LISTED = re.compile("|".join(words("average", "not_listed")))
_PAIRS = [tuple(p.split("/")) for p in words("split", "pairs")]


def _ordinal(n: str) -> int:
    """一 -> 1 ... 十 -> 10 (ordinals of a list run no further)."""
    return NUMERALS.index(n) + 1 if len(n) == 1 else 0


def splits_in_full(labels: list[str]) -> bool:
    """Whether the names of parts listed after a total split it in full: a run of ordinals 1…k of one noun (not
    a period of a longer run), both sides of a pair, or a last name of the rest.

    >>> splits_in_full(["第一批", "第二批"]), splits_in_full(["一类乡镇", "二类乡镇", "三类乡镇"])
    (True, True)
    >>> splits_in_full(["第一批", "第三批"]), splits_in_full(["第一季度", "第二季度"]), splits_in_full(["第一书记", "驻村队员"])
    (False, False, False)
    >>> splits_in_full(["男性", "女性"]), splits_in_full(["党员干部", "女干部"]), splits_in_full(["山区村", "其余"])
    (True, False, True)
    """
    if len(labels) < 2 or any(not x or len(x) > 10 or re.search(r"\d", x) for x in labels):
        return False
    found = [_ORDINAL.match(x) for x in labels]
    if all(found):
        nouns = {f.group(1) + "|" + f.group(3) for f in found}
        if len(nouns) == 1 and [_ordinal(f.group(2)) for f in found] == list(range(1, len(labels) + 1)):
            noun = found[0].group(3)
            return bool(noun) and not any(noun.startswith(p) for p in words("total", "partial_ordinals"))
        return False
    if len(labels) == 2 and any(a in labels[0] and b in labels[1] or b in labels[0] and a in labels[1] for a, b in _PAIRS):
        return True
    return any(labels[-1].startswith(w) for w in words("total", "rest"))


class _Lists(_Base):
    """The finders of lists: totals whose parts follow with no 其中, counts of ordinal lists."""

    def listed_totals(self):
        """共N,第一批a、第二批b (男性a、女性b; 甲a、其余b): a total that ends its clause, then, to the end of its
        ;-item, only amounts of its unit at its depth, each after its own name; the names split it in full."""
        for m in self.m:
            if not m.level or id(m) in self.summed or m.roles or not _TOTAL_BEFORE.search(m.before):
                continue
            if not re.match(r"[,，:：]", self.f[m.claim_end:m.claim_end + 1]):
                continue
            hi = self.r.sentence_end(m.sentence)
            semi = re.search(r"[;；]", self.f[m.claim_end:hi])
            hi = m.claim_end + semi.start() if semi else hi
            after = [x for x in self.between(m.claim_end, hi) if x.start < hi]
            if len(after) < 2 or any(not x.level or not same_unit(x.unit, m.unit) or x.depth != m.depth
                                     or x.roles & {"part", "sub"} for x in after):
                continue
            labels, at = [], m.claim_end + 1
            for x in after:
                labels.append(re.sub(r"^[\s、,，和及与與]+|[\s为為是:：]+$", "", self.f[at:x.start]))
                at = x.claim_end
            if re.search(r"[^\s。.;；]", self.f[at:hi]) or any(YEAR.search(x) or PRIOR_NAME.match(x) for x in labels):
                continue  # words after the last part, or parts named by their years
            if splits_in_full(labels):
                self.add_sum(m, after)

    def ordinal_counts(self):
        """分两批…,第一批…、第二批…: the count of the ordinals of its noun that follow in its sentence or the next
        (not one that opens with a year: another year's list)."""
        proposed = {row["claim_start"] for row in self.rows if row["form"] == "count"}
        for m in self.m:
            if m.start in proposed or not _known_count(m) or not _SPLIT_BEFORE.search(self.f[:m.start]):
                continue
            noun = re.sub(rf"^[{NUMERALS}两兩]+", "", self.f[m.start:m.claim_end])
            if noun in ("个", "個"):  # 两个阶段: the noun after the measure word
                noun = re.match(r"[^\d\s,，、:：;；。第]{0,2}", self.f[m.claim_end:]).group()[:2]
            if not noun or re.search(r"\d", noun):
                continue
            hi = self.r.sentence_end(m.sentence)
            if m.sentence + 1 < len(self.r.sentence_starts):
                nxt = self.r.sentence_starts[m.sentence + 1]
                if not (YEAR.match(self.f, nxt) or PRIOR_NAME.match(self.f[nxt:hi + 20])):
                    hi = self.r.sentence_end(m.sentence + 1)
            run = list(re.finditer(rf"(?:第|(?<=[,，、:：;；。\s]))([{NUMERALS}]){re.escape(noun)}", self.f[:hi]))
            run = [o for o in run if o.start() >= m.claim_end]
            if [_ordinal(o.group(1)) for o in run] != list(range(1, len(run) + 1)) or len(run) < 2:
                continue
            end = re.search(r"[,，;；。]|$", self.f[run[-1].end():hi])
            items = self.text[run[0].start():run[-1].end() + end.start()]
            self.propose("count", m, "count_items", items=items,
                         count_by=f"distinct 第?[{NUMERALS}]{re.escape(self.text[run[0].end() - len(noun):run[0].end()])}")

    def listed_mean(self):
        """甲52.4%,乙31.6%,丙26.0%,丁11.8%,平均约三成: a clause of 平均 and one value, after a run of clauses of its
        sentence each stating one value of its unit after its own name, the first numbers of the sentence: the
        unweighted mean of the run (no count written; two values at least, none named as a whole or a mean)."""
        for m in self.m:
            if m.direction or m.roles or not (m.percent or m.level) or not m.i:
                continue
            if not _MEAN_OPENS.match(self.f[self.r.clause_starts[m.clause]:m.start]):
                continue
            run = []
            for x in reversed(self.m[:m.i]):
                clause = self.f[self.r.clause_starts[x.clause]:x.start]
                if (x.sentence != m.sentence or x.clause != m.clause - len(run) - 1 or x.unit != m.unit
                        or x.percent != m.percent or not _rankable(x) or x.bound or x.roles
                        or len(re.sub(r"[^\u4e00-\u9fff]", "", clause)) < 2 or _NOT_LISTED.search(clause)):
                    break
                run.insert(0, x)
            # the run opens its sentence's numbers: a number before it (全县12个乡镇, 全市45%) may say the list is
            # only some of those averaged
            if len(run) >= 2 and (run[0].i == 0 or self.m[run[0].i - 1].sentence != m.sentence):
                m.roles.update({"claim", "mean"})
                self.propose("average", m, "mean", run, ("values…",) * len(run))


def _known_count(m: Mention) -> bool:
    return m.value is not None and m.value == m.value and not m.percent and not m.points
