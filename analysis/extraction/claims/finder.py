"""The claim finder (:class:`_Finder`), composed of the form families' mixins, and :func:`find_claims`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import pandas as pd

from analysis.extraction.claims.averages import _Averages
from analysis.extraction.claims.bases import _Bases
from analysis.extraction.claims.changes import _Changes
from analysis.extraction.claims.comparisons import _Comparisons
from analysis.extraction.claims.counts import _Counts
from analysis.extraction.claims.differences import _Differences
from analysis.extraction.claims.lists import _Lists
from analysis.extraction.claims.multiples import _Multiples
from analysis.extraction.claims.products import _Products
from analysis.extraction.claims.ratios import _Ratios
from analysis.extraction.claims.restatements import _Restatements
from analysis.extraction.claims.shares import _Shares
from analysis.extraction.claims.structures import _Structures
from analysis.extraction.claims.totals import _Totals


COLUMNS = ["form", "rule", "claimed", "claim_start", "claim_end", "line", "inputs", "input_spans", "roles", "items",
           "count_by", "pattern", "reason", "fact_span"]


class _Finder(
    _Bases, _Changes, _Shares, _Totals, _Ratios, _Structures, _Differences, _Averages, _Multiples, _Comparisons, _Products,
    _Counts, _Lists, _Restatements,
):
    """The claims of a text: each form family's finder (a mixin), run in the order :meth:`run` gives."""

    # --- the forms: from-to first (it marks bases and later amounts), totals before shares (a part's total is a
    # share's whole), restatements last (no change, base or claim restates) ---
    def run(self) -> pd.DataFrame:
        self.from_to()
        for m in self.m:  # a points change's base share (比上年的70%, 上年为79%) is an input, not a share to check
            if m.points and m.direction and "claim" not in m.roles:
                pair = self.base_and_later(m, "%")
                self.points_pairs[m.i] = pair
                if pair is not None:
                    pair[0].roles.add("base")
        self.counts()
        self.ordinal_counts()
        self.sums_of_products()
        self.totals()
        self.listed_totals()
        self.ratios()  # before structure: a:1 after 之比 is a ratio of two amounts, not a structure's terms
        self.place_fractions()  # before shares: 不到乙县的一半 is no share of this place's whole
        self.structure()
        self.named_rates()
        self.named_shares()
        self.verb_rates()
        self.shares()
        self.alone_shares()
        self.bracketed_shares()
        self.splits()
        self.rests()
        self.changes()
        self.entity_points()
        self.gaps()
        self.balances()
        self.deducted_balances()
        self.averages()
        self.listed_means()
        self.listed_mean()
        self.multiples()
        self.products()
        self.per_unit_products()
        self.units_named_elsewhere()
        self.comparisons()
        self.bound_restatements()
        self.changed_bound_restatements()
        self.restatements()
        self.count_restatements()
        self.noun_restatements()
        self.demonstrative_restatements()
        self.sample_restatements()
        self.title_restatements()
        frame = pd.DataFrame(self.rows, columns=COLUMNS)
        line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        frame["line"] = [bisect_right(line_starts, start) for start in frame["claim_start"]]
        return frame.sort_values(["claim_start", "form"], kind="stable").reset_index(drop=True)


def find_claims(text: str, candidates: pd.DataFrame) -> pd.DataFrame:
    """Proposed findings in ``text`` for its candidate numbers, one row per claim and form (claim_forms.FORMS).

    ``candidates`` are rows of :func:`analysis.extraction.candidates.find_numbers` (start, end, value, unit ...).
    Columns: form, rule (``unverifiable`` with a reason when an input is not stated), claimed, claim_start,
    claim_end, line, inputs (as written, space-separated), input_spans, roles (of the inputs, in order), items and
    count_by (a list to count), pattern, reason, fact_span (the claim fact's span when the claim's words are no
    number: 居第3名; else None).

    Examples
    --------
    >>> from analysis.extraction.candidates import find_numbers
    >>> t = "下放权限120项,其中已承接90项,占75%。"
    >>> find_claims(t, find_numbers(t))[["rule", "claimed", "inputs", "roles"]].values.tolist()
    [['parts_within', '120项', '90项', 'parts…'], ['share', '75%', '90项 120项', 'part whole']]
    >>> t = "地区生产总值86.8亿元,同比下降1.3%。"
    >>> find_claims(t, find_numbers(t))[["rule", "claimed", "reason"]].values.tolist()
    [['unverifiable', '1.3%', 'base-year amount not stated']]
    """
    if candidates.empty:
        return pd.DataFrame(columns=COLUMNS)
    return _Finder(text, candidates).run()
