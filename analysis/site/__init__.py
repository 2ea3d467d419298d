"""The HTML site for reviewers: notebook pages (nbconvert), the index, the source texts, one stylesheet."""

from analysis.site.index import build_index
from analysis.site.ledger_rows import grade_counts_sentence
from analysis.site.pages import PageInfo, render_notebook_page
from analysis.site.sources import build_source_pages

__all__ = ["PageInfo", "build_index", "build_source_pages", "grade_counts_sentence", "render_notebook_page"]
