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
