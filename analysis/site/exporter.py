"""nbconvert's HTML exporter, handing over its parsed page instead of its text.

HTMLExporter parses the HTML its templates make (bs4, html.parser) to add alternative texts and
tab stops, then serialises it; the page would then be parsed again to add the site's parts. Taking
the parsed page saves a parse and a serialisation of every page (about a quarter of its rendering).
``tests/test_page_exporter.py`` checks that the page is what HTMLExporter itself gives.
"""

from __future__ import annotations

import json
from functools import lru_cache

from bs4 import BeautifulSoup
from jinja2 import pass_context
from nbconvert import HTMLExporter
from nbconvert.exporters.templateexporter import TemplateExporter
from nbconvert.filters.highlight import Highlight2HTML
from nbconvert.filters.strings import clean_html
from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
from nbformat import NotebookNode
from traitlets import Bool

from analysis.site.tree import tags

MISSING_ALT = "No description has been provided for this image"  # nbconvert's words


class PageExporter(HTMLExporter):
    """:meth:`soup` is HTMLExporter.from_notebook_node (nbconvert 7.16-7.17) without its last ``str``.

    The notebook is validated once, after all preprocessors, not after each of them (a dozen times):
    the batch's notebooks come from papermill, which has just written them valid. nbconvert's deep
    copy of the notebook is skipped: its preprocessors may change the notebook given to :meth:`soup`.
    """

    optimistic_validation = Bool(True).tag(config=True)
    _highlighted = None
    _markdown: dict | None = None

    def default_filters(self):
        yield from super().default_filters()
        yield "clean_html", _clean_html  # bleach on every code cell's highlighted source: the same cells on every page

    def soup(self, nb, resources: dict | None = None) -> BeautifulSoup:
        language = nb.metadata.get("language_info", {})
        lexer = language.get("pygments_lexer", language.get("name", None))
        if self._highlighted is None or self._highlighted.lexer != lexer:
            self._highlighted = _Highlighted(lexer, self)
        self.register_filter("highlight_code", self.filters.get("highlight_code", self._highlighted))
        resources = self._init_resources(resources)
        self.register_filter("filter_data_type", WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self,
                                                                       resources=resources))
        html, _ = TemplateExporter.from_notebook_node(self, _Owned(nb), resources)
        soup = BeautifulSoup(html, "html.parser")
        # a walk, not nbconvert's CSS selectors: "img:not([alt])" alone costs soupsieve 24 ms a page
        missing = [image for image in tags(soup, "img") if not image.has_attr("alt")]
        for image in missing:
            image.attrs["alt"] = MISSING_ALT
        if missing:
            self.log.warning("Alternative text is missing on %s image(s).", len(missing))
        for notebook in tags(soup, classes="jp-Notebook"):  # inputs and outputs reachable by keyboard
            for element in tags(notebook, "div", ("jp-Cell-inputWrapper", "jp-OutputArea-output")):
                element.attrs["tabindex"] = "0"
        return soup

    @pass_context
    def markdown2html(self, context, source):
        """HTMLExporter's, remembered: a notebook's markdown cells are the same for every county."""
        cell = context.get("cell", {})
        key = (source, json.dumps(cell.get("attachments", {}), sort_keys=True),
               context.get("resources", {}).get("metadata", {}).get("path", ""))
        if self._markdown is None:
            self._markdown = {}
        if key not in self._markdown:
            self._markdown[key] = super().markdown2html(context, source)
        return self._markdown[key]


class _Owned(NotebookNode):
    """A notebook nbconvert need not deep-copy: the page's notebook is read for the page alone, so its
    preprocessors may change it."""

    def __deepcopy__(self, memo):
        return self


@lru_cache(maxsize=4096)
def _clean(html: str) -> str:
    return clean_html(html)


def _clean_html(element) -> str:
    """nbconvert's clean_html (bleach), remembered: a pure function of its text, 0.8 ms a code cell."""
    return _clean(element.decode() if isinstance(element, bytes) else str(element))


class _Highlighted:
    """Highlight2HTML, remembered: a notebook's code cells are the same for every county (391 cells, 57 texts)."""

    def __init__(self, lexer, parent):
        self.lexer = lexer
        self._highlight = Highlight2HTML(pygments_lexer=lexer, parent=parent)
        self._seen: dict[tuple, str] = {}

    def __call__(self, source, language=None, metadata=None):
        # what the highlighting depends on (nbconvert.filters.highlight._pygments_highlight)
        key = (source, language, (metadata or {}).get("magics_language"))
        if key not in self._seen:
            self._seen[key] = self._highlight(source, language, metadata)
        return self._seen[key]
