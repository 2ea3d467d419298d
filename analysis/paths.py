"""Project paths, resolved from this file so nothing depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The environment may point a run at other tables or another figures folder
# (a synthetic data set, a scratch copy in a test) without touching the repository.
DATA_DIR = Path(os.environ.get("ANALYSIS_DATA_DIR") or PROJECT_ROOT / "data")
FIGURES_DIR = Path(os.environ.get("ANALYSIS_FIGURES_DIR") or PROJECT_ROOT / "figures")
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_OUT_DIR = PROJECT_ROOT / "reports"
SITE_DIR = PROJECT_ROOT / "site"


def reports_dir() -> Path | None:
    """Folder of the source report texts, or None when none can be found.

    ``REPORTS_DIR`` wins; otherwise ``../shared/reports`` beside the project
    (where CI and the developers' machines keep them).
    """
    env = os.environ.get("REPORTS_DIR")
    if env:
        path = Path(env)
        return path if path.is_dir() else None
    default = PROJECT_ROOT.parent / "shared" / "reports"
    return default if default.is_dir() else None


class OutsideFolderError(ValueError):
    """A file name that would leave the folder it must stay in (absolute, ``..``, or a symlink out of it)."""


def file_inside(folder: Path, name: str | Path) -> Path:
    """``name`` as a file of ``folder``, refusing any name that would read from elsewhere.

    A report's ``file`` comes from a table that anyone may edit and the site publishes what it reads, so
    an absolute path, a ``..`` part or a symlink that leaves the folder is an error, never a read.

    >>> file_inside(Path("/r"), "/etc/passwd")
    Traceback (most recent call last):
    ...
    analysis.paths.OutsideFolderError: '/etc/passwd' is not a file name inside the reports folder (an absolute path)
    """
    text = str(name)
    if not text.strip():
        raise OutsideFolderError("an empty file name")
    relative = Path(text)
    if relative.is_absolute() or text.startswith("~") or "\\" in text or ":" in text:
        raise OutsideFolderError(f"{text!r} is not a file name inside the reports folder (an absolute path)")
    if ".." in relative.parts:
        raise OutsideFolderError(f"{text!r} is not a file name inside the reports folder (it climbs out with '..')")
    base = Path(folder).resolve()
    resolved = (base / relative).resolve()
    if not resolved.is_relative_to(base):
        raise OutsideFolderError(f"{text!r} leaves the reports folder {folder} (a symlink to {resolved})")
    return resolved


def path_inside(folder: Path, path: Path) -> Path:
    """``path`` (as given on a command line) if it lies in ``folder`` once symlinks are followed; else an error."""
    base, resolved = Path(folder).resolve(), Path(path).resolve()
    if not resolved.is_relative_to(base):
        where = f" (a symlink to {resolved})" if Path(path).absolute() != resolved else ""
        raise OutsideFolderError(f"{path} is not in the reports folder {folder}{where}: put the text there first "
                                 "(REPORTS_DIR or --reports-dir names the folder)")
    return resolved
