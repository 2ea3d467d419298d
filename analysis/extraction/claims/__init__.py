"""Candidate findings: the claims a report makes about its numbers, found by the forms of claim_forms.FORMS.

Each proposal names its form, its rule and its inputs (other candidate numbers, or an enumeration's text), each
input in a role of the form (part, whole, base, later ...), so that a person can accept it into
data/findings.csv and `audit` judges it like any other finding. Inputs are bound by the sentence's structure:
the amount named after 较/比/与 is a base, the whole is the amount the words after 占 name (or the total a 其中
part belongs to), a 其中 list's parts are those of its item or sentence, each amount belongs to the year its
;-item (else its paragraph) gives it. A claim whose input the text does not state is proposed with the rule
``unverifiable`` and the reason ("base-year amount not stated"): a reader wants to see what was not checked.

The finder is split by form family (one mixin module each, over base.py and names.py) and composed in finder.py.
"""

from analysis.extraction.claims.comparisons import _rank
from analysis.extraction.claims.counts import _lead_trimmed
from analysis.extraction.claims.finder import COLUMNS, find_claims
from analysis.extraction.claims.mentions import Mention, same_unit
from analysis.extraction.claims.names import name_score

__all__ = ["COLUMNS", "Mention", "_lead_trimmed", "_rank", "find_claims", "name_score", "same_unit"]
