"""What every page of the site has around its content: a skip link, the site's navigation, and a footer with
the version, the date of the data, the data's licence and how to cite.

The date is the data's, not the clock's, so that two builds of the same data write the same bytes (the batch
skips unchanged pages, and tests compare pages): the newest commit to the data folder where git knows it,
else SOURCE_DATE_EPOCH (reproducible builds' variable), else the day of the build; the footer says which.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from html import escape
from pathlib import Path

import analysis
from analysis.paths import PROJECT_ROOT

SITE_NAME = "Township reform audit"
SKIP_LINK = '<a class="skip-link" href="#main">Skip to the content</a>'
MAIN_ID = "main"  # the skip link's target on every page
HOME = "index.html"  # the site's front page, which names the site without a link to itself


@dataclass(frozen=True)
class Stamp:
    version: str
    day: str  # YYYY-MM-DD
    how: str  # where the day comes from, in words


def _git_day(folder: Path) -> str | None:
    """The day of the newest commit that touched ``folder``, or None (no git, not a repository, no commit)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), "log", "-1", "--format=%cs", "--", "."], capture_output=True,
                              text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    day = done.stdout.strip()
    return day if done.returncode == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None


def stamp_for(folder: Path, environ=os.environ, today: date | None = None) -> Stamp:
    """The version and the data's day: git's newest commit to ``folder``, else SOURCE_DATE_EPOCH, else today.

    >>> stamp_for(Path("/nonexistent"), {"SOURCE_DATE_EPOCH": "1767225600"}).day
    '2026-01-01'
    >>> s = stamp_for(Path("/nonexistent"), {}, today=date(2026, 12, 7)); s.day, s.how
    ('2026-12-07', 'the day of the build: the data folder has no git history here and SOURCE_DATE_EPOCH is not set')
    """
    day = _git_day(folder) if folder.is_dir() else None
    if day:
        return Stamp(analysis.__version__, day, f"the newest commit to {folder.name}/")
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return Stamp(analysis.__version__, datetime.fromtimestamp(int(epoch), UTC).date().isoformat(), "SOURCE_DATE_EPOCH")
    return Stamp(analysis.__version__, (today or date.today()).isoformat(),
                 "the day of the build: the data folder has no git history here and SOURCE_DATE_EPOCH is not set")


@lru_cache(maxsize=4)
def build_stamp(folder: str | None = None) -> Stamp:
    """:func:`stamp_for` the tables' folder (``ANALYSIS_DATA_DIR`` or data/), once per process."""
    return stamp_for(Path(folder or os.environ.get("ANALYSIS_DATA_DIR") or PROJECT_ROOT / "data"))


@lru_cache(maxsize=1)
def citation() -> str:
    """How to cite, from CITATION.cff: "Authors (year). Title. Version x." (plain text; empty without the file)."""
    path = PROJECT_ROOT / "CITATION.cff"
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")

    def field(pattern: str) -> str:
        found = re.search(pattern, text, re.MULTILINE)
        return found.group(1).strip().strip('"') if found else ""

    authors = field(r'^\s*-\s*name:\s*(.+)$') or field(r'^\s*-\s*family-names:\s*(.+)$')
    year = field(r"^date-released:\s*\"?(\d{4})")
    title = field(r"^title:\s*(.+)$")
    return f"{authors} ({year}). {title}. Version {analysis.__version__}." if title else ""


# The site's own pages (at its root), the same on every page: the front page leads with the verdict, the others
# hold what it leaves out (the whole ledger, every number, every problem named, the Chinese terms, the report texts),
# and the search finds across them all.
SITE_PAGES = (("index.html", "Front page"), ("ledger.html", "Ledger"), ("numbers.html", "Numbers"),
              ("problems.html", "Problems"), ("glossary.html", "Glossary"), ("sources.html", "Sources"),
              ("search.html", "Search"))  # analysis.site.search: everything above, notebook pages and report texts


def _items(up: str, pages, here: str, section: str = "") -> str:
    """List items of (label, href from the site's root); ``here`` is this page, ``section`` the site page it lies under."""
    def current(href: str) -> str:
        return ' aria-current="page"' if href == here else ' aria-current="true"' if href == section else ""

    return "".join(f'<li><a href="{up}{escape(href)}"{current(href)}>{escape(label)}</a></li>' for label, href in pages)


def site_nav(up: str, pages: list[tuple[str, str]] = (), here: str = "", county: str = "", section: str = "") -> str:
    """The navigation at the top of every page: the site's name, its pages (SITE_PAGES), and on a county's pages that
    county's pages.

    ``pages`` are (label, href from the site's root); the page ``here`` (from the root) is marked as the current one,
    and the site page ``section`` as the one this page belongs to (a report's text: the sources). The front page,
    ``here`` "index.html", names the site without linking to itself.

    >>> nav = site_nav("../", [("finance", "x/01-finance.html"), ("ledger", "x/ledger.html")], "x/ledger.html", "x")
    >>> nav.split("<ul")[0]
    '<nav class="site-nav" aria-label="site"><a class="site-home" href="../index.html">Township reform audit</a>'
    >>> nav.split("</ul>")[1]
    '<span class="site-county">x:</span><ul class="county-pages"><li><a href="../x/01-finance.html">finance</a></li><li><a href="../x/ledger.html" aria-current="page">ledger</a></li>'
    >>> site_nav("", here="ledger.html").split("</li>")[1]
    '<li><a href="ledger.html" aria-current="page">Ledger</a>'
    """
    site = _items(up, [(label, href) for href, label in SITE_PAGES], here, section)
    items = _items(up, pages, here)
    county_html = f'<span class="site-county">{escape(county)}:</span>' if county and items else ""
    home = (f'<span class="site-home" aria-current="page">{SITE_NAME}</span>' if here == HOME else
            f'<a class="site-home" href="{up}{HOME}">{SITE_NAME}</a>')
    return (f'<nav class="site-nav" aria-label="site">{home}<ul class="site-pages">{site}</ul>{county_html}'
            f'{"<ul class=" + chr(34) + "county-pages" + chr(34) + ">" + items + "</ul>" if items else ""}</nav>')


def site_footer(up: str, before: str = "", stamp: Stamp | None = None, here: str = "") -> str:
    """The footer of every page: ``before`` (the page's own notes), then version, date, licence and citation."""
    stamp = stamp or build_stamp()
    name = SITE_NAME if here == HOME else f'<a href="{up}{HOME}">{SITE_NAME}</a>'
    cite = citation()
    cite_html = f"<p>Cite as: {escape(cite)} (<code>CITATION.cff</code>)</p>" if cite else "<p>Cite it with <code>CITATION.cff</code>.</p>"
    return (f'<footer class="site-footer">{before}<div class="site-stamp">'
            f'<p>{name}, version {escape(stamp.version)}; data of '
            f'<time datetime="{escape(stamp.day)}">{escape(stamp.day)}</time> ({escape(stamp.how)}).</p>'
            "<p>The tables are licensed CC BY 4.0 (Creative Commons Attribution 4.0 International, <code>data/LICENSE.md</code>): "
            "share and adapt them, giving credit; the code is MIT (<code>LICENSE</code>). The report texts are not part of it.</p>"
            f"{cite_html}</div></footer>")
