"""Totals: sums of parts (其中, 合计, A加B), totals distributed by item, and totals stated after their parts.
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import FORM
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, same_unit
from analysis.extraction.claims.names import name_score
from analysis.extraction.claims.patterns import (
    ALL_BEFORE, AMONG, BY, CLOSES, EACH, EACH_AFTER, EACH_BEFORE, INCLUDES, LIST_MARK, OPENS, PARTS_OPEN, PLUS,
    QIZHONG, SUMS_BEFORE, YEAR,
)


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
        self.totals_after_parts()
        self.added_totals()

    def added_totals(self):
        """A, 加上B(和C), 全镇可用财力T: A (the last amount of T's unit in the clause before 加上) and the amounts of
        the 加上 clause add up to T, the first amount of the clause after it, all in one sentence."""
        for found in PLUS.finditer(self.f):
            clause = self.r.clause[found.start()]
            added = [x for x in self.m if x.clause == clause and x.start > found.start() and x.level]
            if not added or any(not same_unit(x.unit, added[0].unit) for x in added):
                continue
            unit, sentence = added[0].unit, added[0].sentence
            before = [x for x in self.m if x.clause == clause - 1 and x.sentence == sentence]
            after = [x for x in self.m if x.clause == clause + 1 and x.sentence == sentence]
            if not before or not after or not before[-1].level or not same_unit(before[-1].unit, unit):
                continue
            total = after[0]
            if not total.level or not same_unit(total.unit, unit) or id(total) in self.summed or total.roles:
                continue
            self.add_sum(total, [before[-1], *added])

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
        heads = self.heads(w)
        if not heads:
            return
        unit, depth = heads[0].unit, self.r.depth[w]
        colon = re.search(r"[:：]", found.group())
        if self.f.startswith("\n", at) or (colon and not self.f[at:].split("\n", 1)[0].strip()):
            parts = self.line_items(heads[0], self.f.find("\n", at))
        elif self.opens_sentence(w) or colon:
            sentence = self.r.sentence[at]
            hi = self.r.sentence_end(sentence)
            parts = self._items_parts(unit, depth, at, hi, per_item=True)
        else:
            segment = self.r.segment[at]
            hi = self.r.segment_starts[segment + 1] if segment + 1 < len(self.r.segment_starts) else len(self.f)
            parts = self._items_parts(unit, depth, at, hi, per_item=False)
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
            if EACH.search(found.group()) and len(mine) >= 2:
                self.add_sum(total, mine)
            elif not EACH.search(found.group()) and mine:
                self.add_sum(total, mine, "parts")

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
            previous = self.between(self.r.sentence_starts[m.sentence - 1], start)
            total = next((x for x in previous if x.level and x.depth == 0), None)
            if total is None or id(total) in self.summed:
                continue
            hi = self.r.sentence_end(m.sentence)
            parts = self._items_parts(total.unit, 0, head.end(), hi, per_item=True)
            # one part per ;-item, or per clause of one item (分项看:教育支出a,社保支出b): an item or clause with two
            # amounts of the unit is no list of parts
            per = self.r.segment if len({self.r.segment[p.start] for p in parts}) > 1 else self.r.clause
            if len(parts) >= 2 and len({per[p.start] for p in parts}) == len(parts):
                self.add_sum(total, parts)

    def totals_after_parts(self):
        """a, b, c, 合计N: the amounts of N's unit stated before it in its ;-item, none inside brackets or a 其中
        list; 累计N adds amounts of other years, which the text does not state."""
        for m in self.m:
            if not m.amount or m.direction or id(m) in self.summed:
                continue
            said = SUMS_BEFORE.search(m.before)
            plain = None if said else ALL_BEFORE.search(m.before)
            if not said and not plain:
                continue
            if said and said.group("cumulative"):
                self.unverifiable("total", m, "the amounts it adds up are not stated")
                continue
            parts = [x for x in self.segment_mentions(m) if x.i < m.i and same_unit(x.unit, m.unit) and x.level
                     and x.depth == 0 and not x.roles & {"part", "sub"} and not self.held_by_each(x)]
            if plain and parts:
                # 共 alone opens a clause of its own total as often as it closes a list ("乡镇12个、街道3个,共有行政村
                # 240个"): a total of the list only when it names nothing the list's words do not
                noun = _core(plain.group("noun")) or self.after_noun(m)
                said_before = self.f[self.r.segment_starts[m.segment]:self.r.clause_starts[m.clause]]
                if m.clause == parts[-1].clause or (noun and not set(noun) <= set(said_before)):
                    continue
            if len(parts) >= 2:
                self.add_sum(m, parts)

    def held_by_each(self, x: Mention) -> bool:
        """3个乡各设2个: the count of units 各 follows, or what each unit holds; neither is a part of a total of
        the units' holdings (甲、乙两镇各设5个,丙镇设3个,共13个 is 2 × 5 + 3, not 5 + 3)."""
        return bool(EACH_BEFORE.search(x.before) or EACH_AFTER.match(self.f, x.claim_end))
