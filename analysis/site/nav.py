"""The short navigation every page of the site carries: the front page, the long tables, the glossary, the sources."""

from __future__ import annotations

from html import escape

# (page at the site's root, its name in the navigation); the front page leads with the verdict, the others hold
# what it leaves out: the whole ledger, every number, every problem named, the Chinese terms, the report texts.
SITE_PAGES = (("index.html", "Front page"), ("ledger.html", "Ledger"), ("numbers.html", "Numbers"),
              ("problems.html", "Problems"), ("glossary.html", "Glossary"), ("sources.html", "Sources"))


def site_links(depth: int = 0, here: str | None = None) -> str:
    """The site's pages as list items, from a page ``depth`` folders below the root; ``here`` is marked current.

    >>> site_links(1, "ledger.html").split("</li>")[1]
    '<li><a href="../ledger.html" aria-current="page">Ledger</a>'
    """
    up = "../" * depth
    return "".join(f'<li><a href="{up}{page}"{" aria-current=" + chr(34) + "page" + chr(34) if page == here else ""}>'
                   f"{escape(label)}</a></li>" for page, label in SITE_PAGES)


def site_nav(depth: int = 0, here: str | None = None, extra: str = "") -> str:
    """The navigation element: the site's pages, then ``extra`` (a notebook page's own county pages)."""
    return f'<nav class="site-nav" aria-label="site"><ul class="site-pages">{site_links(depth, here)}</ul>{extra}</nav>'
