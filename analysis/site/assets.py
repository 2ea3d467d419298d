"""The files every page shares: the site's stylesheet and vendored script, and the notebook pages' JupyterLab look."""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.outputs import write_bytes_atomic

STATIC_DIR = Path(__file__).parent / "static"
SITE_CSS = "static/site.css"
FRONT_CSS = "static/front.css"  # the front page's cards and the glossary
NOTEBOOK_CSS = "static/notebook.css"
LIST_JS = "static/vendor/list.min.js"
SEARCH_JS = "static/search.js"
STATIC_FILES = (SITE_CSS, FRONT_CSS, LIST_JS, SEARCH_JS, "static/vendor/LICENSE-list.js.txt")

# Every page's policy: scripts and styles only from the site's own files (no inline script, so markup that
# slipped into a page through some table cell still could not run), images only the site's own or embedded
# figures (data:), nothing fetched from elsewhere, no forms, no <base>. In a <meta>, so it holds from file://.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                           "base-uri 'none'; form-action 'none'")
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'


def write_static(site_dir: Path) -> None:
    """Copy the site's stylesheet and vendored script into site/static/ (unchanged files are not rewritten)."""
    for name in STATIC_FILES:
        _write_if_changed(site_dir / name, (STATIC_DIR / name.removeprefix("static/")).read_bytes())


def write_notebook_css(site_dir: Path, css: str) -> None:
    """The JupyterLab styles nbconvert inlines in every page, written once for all pages."""
    _write_if_changed(site_dir / NOTEBOOK_CSS, css.encode("utf-8"))


def _write_if_changed(path: Path, data: bytes) -> None:
    # Parallel workers write the same content: compare first, and replace atomically when it differs.
    if path.is_file() and hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(data).digest():
        return
    write_bytes_atomic(path, data)
