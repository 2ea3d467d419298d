"""How tables appear to a reviewer in notebooks and on the site: whole, without the pandas index,
numbers for people (600,000, not 600000.0), and each in a scroll container a keyboard can reach."""

from __future__ import annotations

import math
import numbers
import re
from html import escape

import pandas as pd


_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# The marks that can make Markdown out of text in the middle of a line (links and images need [ ], bare
# URLs become links at their ':', emphasis * _ ~, code `, tables |, math $ in JupyterLab); CommonMark lets a
# backslash make each of them literal. Line starts (#, -, 1.) cannot occur: a cell's line breaks become spaces.
_MARKDOWN_MARKS = frozenset("\\`*_[]!|~$:")


def markdown_text(value) -> str:
    r"""``value`` as literal text inside Markdown: no markup, link, image or HTML of its own survives.

    HTML's special characters become entities and the marks that can make Markdown are backslash-escaped,
    so a table cell is shown as it is written: never run, never a link or an image.

    >>> print(markdown_text("[x](javascript:alert(2)) <b> ![](http://x/t.png)"))
    \[x\](javascript\:alert(2)) &lt;b&gt; \!\[\](http\://x/t.png)
    >>> print(markdown_text("東營市 44.6% (1 + 1)"))
    東營市 44.6% (1 + 1)
    """
    out = []
    for ch in str(value):
        if ch in _HTML_ENTITIES:
            out.append(_HTML_ENTITIES[ch])
        elif ch in _MARKDOWN_MARKS:
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")  # a line break in a cell would end the Markdown paragraph or list item
        else:
            out.append(ch)
    return "".join(out)


def plain_number(value) -> str:
    """A number as plain decimals, never in scientific notation; "" when missing.

    >>> plain_number(1234567000.0), plain_number(44.64), plain_number(float("nan")), plain_number(1.5e-7), plain_number(-4.3)
    ('1234567000', '44.64', '', '0.00000015', '-4.3')
    """
    import numpy as np

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return np.format_float_positional(float(value), trim="-")  # the shortest digits that read back, no exponent


def format_cell(value, group: bool = True) -> str:
    """A cell as a person reads it; ``group`` False for a year, which takes no thousands separator.

    >>> format_cell(600000.0), format_cell(44.64), format_cell(1580000000), format_cell(float("nan")), format_cell("1.3亿")
    ('600,000', '44.64', '1,580,000,000', '', '1.3亿')
    >>> format_cell(2023.0, group=False), format_cell(2023), format_cell(12345.5, group=False)
    ('2023', '2,023', '12345.5')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    comma = "," if group else ""
    if isinstance(value, numbers.Integral) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):{comma}}"
    if isinstance(value, float):
        return f"{value:{comma}.4f}".rstrip("0").rstrip(".")
    return str(value)


# A column of years or periods is not a number to group: "2023", never "2,023" (and never "2,0/23" on paper).
YEAR_COLUMN = re.compile(r"(?:^|[_\s])(?:year|years|period|periods)(?:$|[_\s])|年份|年度", re.IGNORECASE)
# A value in years (a calendar year, or a span of years) is not grouped either: facts.csv's unit 年.
YEAR_UNITS = frozenset({"年", "year", "years"})


def is_year_column(name) -> bool:
    """Whether a column named ``name`` holds years or periods (a year, "2019-2021").

    >>> [is_year_column(c) for c in ("year", "period", "start_year", "Reform Year", "年份", "value", "yearly_total", "years_elapsed")]
    [True, True, True, True, True, False, False, True]
    """
    return bool(YEAR_COLUMN.search(str(name)))


def is_number(value) -> bool:
    """A number to show as one (right-aligned, never broken across lines); not a bool, not a missing value.

    >>> is_number(3), is_number(44.64), is_number(float("nan")), is_number(True), is_number("44.6%")
    (True, True, False, False, False)
    """
    return (isinstance(value, numbers.Real) and not isinstance(value, bool)
            and not (isinstance(value, float) and math.isnan(value)))


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """A meaningful index (county, status ...) becomes a named column; a plain row number is dropped."""
    if isinstance(frame.index, pd.RangeIndex) and frame.index.name is None:
        return frame
    return frame.reset_index(names=[n or "row" for n in frame.index.names])


# JupyterLab right-aligns every cell of an output's table (`.jp-RenderedHTMLCommon td {text-align: right}`) and loads no
# project stylesheet (its custom.css comes only from the user's own Jupyter config folder). Its HTML sanitizer keeps a
# style attribute's text-align and min-width in every output, a committed (untrusted) one too, where it drops a <style>
# element; so a text cell says its alignment inline. The site's pages, whose Content-Security-Policy refuses inline
# styles, remove exactly these attributes (site/pages.py), site.css saying the same. Numbers keep Lab's right alignment.
TEXT_STYLE = "text-align:left"
# A column with a long text (a claim, a locator) is at least this wide: a Chinese clause on a line or two, not 4-6
# characters a line. Set on its header cell alone: a table column is as wide as its widest cell's minimum.
TEXT_MIN_WIDTH = "14em"
CLAUSE_STYLE = f"{TEXT_STYLE};min-width:{TEXT_MIN_WIDTH}"
INLINE_STYLES = frozenset({TEXT_STYLE, CLAUSE_STYLE})  # all frame_html writes, and all the site's pages remove
LONG_TEXT = 14  # characters: longer than this, a text wraps in a column without a minimum width


def frame_html(frame: pd.DataFrame, label: str | None = None) -> str:
    """The whole table as HTML: escaped text (data never becomes markup), a header cell for every column.

    A number's cell has the class ``num`` (site.css keeps it on one line, right-aligned); a text's cell is left-aligned
    inline (``TEXT_STYLE``, for JupyterLab), as is the header of a column that is not all numbers, which is also
    ``TEXT_MIN_WIDTH`` wide when a text of it is longer than ``LONG_TEXT`` characters. A year column, and every number
    of a row whose ``unit`` is a year, is written without thousands separators.

    >>> frame_html(pd.DataFrame({"measure": ["reform_year", "posts"], "value": [2023.0, 1500.0], "unit": ["年", "名"]})).split("<tbody>")[1]
    '<tr><td style="text-align:left">reform_year</td><td class="num">2023</td><td style="text-align:left">年</td></tr><tr><td style="text-align:left">posts</td><td class="num">1,500</td><td style="text-align:left">名</td></tr></tbody></table></div>'
    >>> frame_html(pd.DataFrame({"claim": ["能正常运行的有179项，占44.6%", None], "n": [179, None], "low": [float("nan")] * 2,
    ...                          "note": ["", "十四个字以内的文字不设宽度"]})).split("<thead>")[1].split("</thead>")[0]
    '<tr><th scope="col" style="text-align:left;min-width:14em">claim</th><th scope="col" class="num">n</th><th scope="col" class="num">low</th><th scope="col" style="text-align:left">note</th></tr>'
    """
    flat = _flat(frame)
    columns = [str(c) for c in flat.columns]
    years = [is_year_column(c) for c in columns]
    unit = columns.index("unit") if "unit" in columns else None

    def header(name: str, values: pd.Series) -> str:
        shown = [v for v in values if format_cell(v) != ""]
        if all(is_number(v) for v in shown) and (shown or values.dtype.kind in "iuf"):  # an empty column: by its type
            return f'<th scope="col" class="num">{escape(name)}</th>'
        style = CLAUSE_STYLE if any(len(str(v)) > LONG_TEXT for v in shown) else TEXT_STYLE
        return f'<th scope="col" style="{style}">{escape(name)}</th>'

    def cell(value, group: bool) -> str:
        text = escape(format_cell(value, group))
        if is_number(value):
            return f'<td class="num">{text}</td>'
        return f'<td style="{TEXT_STYLE}">{text}</td>' if text else "<td></td>"

    def row(values) -> str:
        in_years = unit is not None and str(values[unit]).strip() in YEAR_UNITS
        return "<tr>" + "".join(cell(v, not (in_years or year)) for v, year in zip(values, years)) + "</tr>"

    head = "".join(header(name, flat.iloc[:, i]) for i, name in enumerate(columns))
    body = "".join(row(values) for values in flat.itertuples(index=False))
    name = label or "Table: " + ", ".join(columns)
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(name)}">'
            f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


# The columns that say where a row comes from: shown first, so that they are on screen without scrolling.
EVIDENCE_COLUMNS = ("source", "locator", "inputs")
# Pandas' options for a project table's text form, inside its own repr only (pd.option_context): whole, every
# column, long Chinese text unclipped. Nothing is set for the session: a researcher's own frames stay as pandas shows them.
TEXT_OPTIONS = {"display.max_rows": None, "display.max_columns": None, "display.max_colwidth": None, "display.width": 250}
# A Chinese clause ("能正常运行的有179项, 占...44.6%") on one or two lines, not broken every 4-6 characters.
TEXT_MAX_WIDTH = "36em"


def evidence_first(columns) -> list:
    """``columns`` with the row's id first, then the evidence columns, then the rest in their order.

    >>> evidence_first(["fact_id", "entity", "value", "unit", "source", "locator"])
    ['fact_id', 'source', 'locator', 'entity', 'value', 'unit']
    """
    columns = list(columns)
    ids = [c for c in columns[:1] if str(c).endswith("_id")]
    evidence = [c for c in EVIDENCE_COLUMNS if c in columns]
    return ids + evidence + [c for c in columns if c not in ids and c not in evidence]


class ReviewTable(pd.DataFrame):
    """A table of the project's (a view's, the overview's, :mod:`analysis.api`'s): shown whole, without the pandas
    index, numbers for people (frame_html) -- this table and what is cut from it (a filter, some columns), with no
    option of the session changed: a researcher's own DataFrame shows as pandas shows it.
    """

    @property
    def _constructor(self):
        return ReviewTable

    def _repr_html_(self) -> str:
        return frame_html(self)

    def __repr__(self) -> str:
        with pd.option_context(*[x for pair in TEXT_OPTIONS.items() for x in pair]):
            return pd.DataFrame.__repr__(self)

    def styled(self):
        """A pandas Styler of the table's look (text left-aligned and wide enough for a Chinese clause, numbers right-
        aligned as people write them, the evidence columns first, no index), for a researcher to restyle further.

        Its CSS is a <style> element, which JupyterLab drops from an untrusted output and the site's
        Content-Security-Policy refuses: the committed notebooks show the table itself (frame_html).
        """
        return styled(self)


def reviewer_table(frame: pd.DataFrame, evidence: bool = True) -> ReviewTable:
    """``frame`` as a :class:`ReviewTable`; with ``evidence``, its id and evidence columns first."""
    return ReviewTable(frame[evidence_first(frame.columns)] if evidence else frame)


def styled(frame: pd.DataFrame):
    """Any frame as :meth:`ReviewTable.styled` shows it."""
    flat = _flat(frame)
    flat = flat[evidence_first(flat.columns)]
    text = [c for c in flat.columns if flat[c].dtype.kind not in "iufb"]
    numbers = [c for c in flat.columns if c not in text]
    styler = flat.style.hide(axis="index")
    years = [c for c in numbers if is_year_column(c)]  # 2023, not 2,023
    if numbers:
        styler = styler.format(format_cell, subset=[c for c in numbers if c not in years])
    if years:
        styler = styler.format(lambda v: format_cell(v, group=False), subset=years)
    return styler.set_properties(subset=text, **{"text-align": "left", "min-width": TEXT_MIN_WIDTH, "max-width": TEXT_MAX_WIDTH,
                                                 "white-space": "normal", "vertical-align": "top"}) \
                 .set_properties(subset=numbers, **{"text-align": "right", "vertical-align": "top"}) \
                 .set_table_styles([{"selector": "th", "props": [("text-align", "left")]}])
