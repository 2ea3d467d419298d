"""Reproduce and audit what Chinese township-reform reports state, from raw tables.

Researchers: :mod:`analysis.api` is the public API (the tables, facts without their approximate twins, the
ledger with numbers, filters, figures).
"""

from analysis.lazy_imports import defer_rfc3987_syntax
from analysis.style import register_font_with_matplotlib

__version__ = "0.2.0"

defer_rfc3987_syntax()  # before anything imports nbformat: 1.4 s less for every process that reads notebooks
register_font_with_matplotlib()  # Chinese in every chart, a researcher's own too: no boxes, no missing-glyph warnings
