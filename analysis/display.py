"""How tables appear to a reviewer in notebooks and on the site: whole, without the pandas index,
numbers for people (600,000, not 600000.0), and each in a scroll container a keyboard can reach."""

from __future__ import annotations

import math
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


def format_cell(value) -> str:
    """A cell as a person reads it.

    >>> format_cell(600000.0), format_cell(44.64), format_cell(1580000000), format_cell(float("nan")), format_cell("1.3亿")
    ('600,000', '44.64', '1,580,000,000', '', '1.3亿')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """A meaningful index (county, status ...) becomes a named column; a plain row number is dropped."""
    if isinstance(frame.index, pd.RangeIndex) and frame.index.name is None:
        return frame
    return frame.reset_index(names=[n or "row" for n in frame.index.names])


def frame_html(frame: pd.DataFrame, label: str | None = None) -> str:
    """The whole table as HTML: escaped text (data never becomes markup), a header cell for every column."""
    flat = _flat(frame)
    columns = [str(c) for c in flat.columns]
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(format_cell(v))}</td>" for v in row) + "</tr>"
                   for row in flat.itertuples(index=False))
    name = label or "Table: " + ", ".join(columns)
    return (f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(name)}">'
            f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def use_reviewer_tables() -> None:
    """In a notebook: render every DataFrame whole, without its index, numbers formatted (idempotent)."""
    pd.set_option("display.max_rows", None)
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.width", 250)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)
