"""The files every page shares: one stylesheet for the site, one for the notebook pages' JupyterLab look."""

from __future__ import annotations

import hashlib
from pathlib import Path

from analysis.outputs import write_text_atomic

STATIC_DIR = Path(__file__).parent / "static"
SITE_CSS = "static/site.css"
NOTEBOOK_CSS = "static/notebook.css"


def write_site_css(site_dir: Path) -> None:
    """Copy the site's stylesheet into site/static/ (unchanged content is not rewritten)."""
    _write_if_changed(site_dir / SITE_CSS, (STATIC_DIR / "site.css").read_text(encoding="utf-8"))


def write_notebook_css(site_dir: Path, css: str) -> None:
    """The JupyterLab styles nbconvert inlines in every page, written once for all pages."""
    _write_if_changed(site_dir / NOTEBOOK_CSS, css)


def _write_if_changed(path: Path, text: str) -> None:
    # Parallel workers write the same content: compare first, and replace atomically when it differs.
    if path.is_file() and hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(text.encode("utf-8")).digest():
        return
    write_text_atomic(path, text)
