"""Ratios of two amounts: A与B之比为a:1, 二者之比约为1:b (the claim_forms table's ratio form).
"""

from __future__ import annotations

import re

from analysis.extraction.claim_forms import fold
from analysis.extraction.claims.base import _Base
from analysis.extraction.claims.mentions import Mention, _core, _rankable, same_unit
from analysis.extraction.claims.names import name_score
from analysis.extraction.claims.patterns import STOP, _group

# 之比约为 right before the first term; what names the two amounts before it: 二者, or A与B
RATIO_SAID = re.compile(rf"(?:{_group('ratio', 'ratio_of')})(?:{_group('ratio', 'said')})?\s*$")
RATIO_PAIR = re.compile(rf"(?:{_group('ratio', 'pair')})$")
RATIO_NAMED = re.compile(rf"(?P<a>[^{STOP}\d]{{1,12}}?)(?:{_group('ratio', 'joins')})(?P<b>[^{STOP}\d]{{1,12}}?)"
                         "$")
# 之比约1:1.7: the reader takes 约 into the first term; the term is the digits after it
TERM = re.compile(rf"(?:{_group('ratio', 'said')})?(?P<n>[\d.]+)")
COUNT_NOUN = re.compile(rf"(?:{_group('ratio', 'count_noun')})$")
JOINED = tuple(_group("ratio", "terms_joined").split("|"))
# 不到蒼崖的一半 (the qualifier read into the number), or 为乙镇的 right before 三成: another place's name, then 的
PLACE_FRACTION = re.compile(rf"(?:{_group('ratio', 'fraction_of_place')})(?P<place>[^{STOP}\d的]{{2,6}}?)(?:的|之)")
PLACE_FRACTION_BEFORE = re.compile(rf"(?:{_group('ratio', 'fraction_of_place')})(?P<place>[^{STOP}\d的]{{2,6}}?)(?:的|之)$")


def split_noun(noun: str) -> re.Pattern:
    """``noun`` (4 letters at least) cut in two parts of 2 letters at least, with at most 2 letters between them,
    ending the name: 事业人员 in 事业编制人员, never in 事业单位退休人员 (4 letters between).

    >>> [bool(split_noun("事业人员").search(n)) for n in ("事业编制人员", "事业单位退休人员", "事业人员", "行政编制人员")]
    [True, False, True, False]
    """
    cuts = [f"{re.escape(noun[:k])}[^{STOP}\\d]{{0,2}}{re.escape(noun[k:])}" for k in range(2, len(noun) - 1)]
    return re.compile(f"(?:{'|'.join(cuts)})$")


class _Ratios(_Base):
    """The finder of the ratio form."""

    def ratios(self):
        """a:1 or 1:b after 之比(约)为: the two amounts the words name, A over B for a, B over A for b."""
        for m in self.m[:-1]:
            n = self.m[m.i + 1]
            # the terms are bare numbers (a unit a table's header gives all its numbers is none of theirs)
            terms = [TERM.fullmatch(fold(x.as_written.strip())) for x in (m, n)]
            if not all(terms) or not re.fullmatch(r"[\d.]+", n.as_written.strip()) or m.roles or n.roles \
                    or self.f[m.end:n.start].strip() not in JOINED \
                    or n.sentence != m.sentence:
                continue
            if n.i + 1 < len(self.m) and self.f[n.end:self.m[n.i + 1].start].strip() in JOINED:
                continue  # a:b:c: the structure form's
            head = self.f[self.r.clause_starts[m.clause]:m.start]
            said = RATIO_SAID.search(head)
            ones = [t.group("n") == "1" for t in terms]
            if said is None or ones.count(True) != 1:
                continue  # 5.5:4.5 (neither 1): no quotient as written to check
            pair = self.ratio_pair(m, head[:said.start()].strip())
            if pair is None:
                continue  # the amounts are not named in the sentence: nothing to bind, nothing proposed
            a, b = pair
            m.roles.update(("claim", "structure"))
            n.roles.update(("claim", "structure"))
            claim, later, base = (n, b, a) if ones[0] else (m, a, b)
            self.propose("ratio", claim, "ratio", (later, base), ("later", "base"))

    def ratio_pair(self, m: Mention, head: str) -> tuple[Mention, Mention] | None:
        """The amounts A and B of the ratio whose words (before 之比) are ``head``, in the order named."""
        lo = self.r.sentence_starts[m.sentence]
        stated = [x for x in self.between(lo, m.start) if x.end <= m.start and _rankable(x) and not x.bound]
        if RATIO_PAIR.search(head):
            last = stated[-2:]
            return (last[0], last[1]) if len(last) == 2 and last[0].unit == last[1].unit else None
        named = RATIO_NAMED.search(head)
        if named is None:
            return None
        a_noun, b_noun = _core(named.group("a")), COUNT_NOUN.sub("", _core(named.group("b")))
        # 行政与事业编制: the noun both share (编制) is said once, after B
        a_found = self.ratio_named(stated, a_noun)
        b_found = self.ratio_named(stated, b_noun)
        if a_found is None or b_found is None or a_found is b_found or a_found.unit != b_found.unit:
            return None
        return a_found, b_found

    def ratio_named(self, stated: list[Mention], noun: str) -> Mention | None:
        """The one amount among ``stated`` whose name (or the noun after it) holds ``noun`` (two letters at least)."""
        if len(noun) < 2:
            return None
        found = [x for x in stated if noun in x.name + self.after_noun(x)]
        if not found and len(noun) >= 4:
            # 行政与事业人员: the noun both share (人员) ends B's name, a word between (事业编制人员) said in each name
            found = [x for x in stated if split_noun(noun).search(x.name)]
        if len(found) > 1:  # a name that runs on from a title line holds many nouns: the one it ends with names it
            found = [x for x in found if x.name.endswith(noun) or self.after_noun(x).startswith(noun)]
        return found[0] if len(found) == 1 else None

    def place_fractions(self):
        """人口約17.6萬,不到蒼崖的一半: the amount just before the fraction in its sentence over the one amount of its
        unit (and year) the text states of the place named before 的, the best by name where several."""
        for m in self.m:
            if not m.percent or m.roles or m.direction:
                continue
            said = PLACE_FRACTION.match(fold(m.as_written))
            if said is None:
                said = PLACE_FRACTION_BEFORE.search(self.f, self.r.clause_starts[m.clause], m.start)
                if said is None or said.end() != m.start:
                    continue
            short = said.group("place")
            x = self.m[m.i - 1] if m.i else None
            if x is None or x.sentence != m.sentence or not _rankable(x) or x.roles & {"claim"}:
                continue
            place = next((n for _, _, n in self.r.place_index.places if n.startswith(short) and n != x.place), None)
            if place is None or x.place.startswith(short):
                continue
            ys = [y for y in self.m if y is not x and y.place == place and _rankable(y) and same_unit(y.unit, x.unit)
                  and self.r.same_year(y.year, x.year) and not y.bound]
            if len(ys) > 1:
                best = max(name_score(x.name, y.name) for y in ys)
                ys = [y for y in ys if name_score(x.name, y.name) == best] if best > 0 else []
            if len(ys) != 1:
                continue
            m.roles.add("claim")
            self.propose("ratio", m, "share", (x, ys[0]), ("compared", "against"))
