"""`make lab`: JupyterLab at the repository's root, with the README, the data dictionary and the tour open.

The layout is a named JupyterLab workspace, written afresh at each start (Lab keeps a workspace's later changes in
its own folder, outside the repository). Researchers' own notebooks go in work/, which git ignores and the tests
do not collect.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from analysis.paths import PROJECT_ROOT

WORKSPACE = "township-reform-audit"
WORK_DIR = "work"  # researchers' own notebooks: git-ignored, outside pytest's testpaths
OPENED = (("README.md", "markdownviewer-widget", "Markdown Preview"),
          ("data/DICTIONARY.md", "markdownviewer-widget", "Markdown Preview"),
          ("notebooks/06-explore.ipynb", "notebook", "Notebook"))  # the last one has the focus


def workspace() -> dict:
    """The workspace: the three documents in the main area, the file browser at the root."""
    widgets = [f"{kind}:{path}" for path, kind, _ in OPENED]
    data = {
        "layout-restorer:data": {
            "main": {"dock": {"type": "tab-area", "currentIndex": len(widgets) - 1, "widgets": widgets},
                     "current": widgets[-1]},
            "left": {"collapsed": False, "visible": True, "current": "filebrowser", "widgets": ["filebrowser"]},
        },
        "file-browser-filebrowser:cwd": {"path": ""},
        **{f"{kind}:{path}": {"data": {"path": path, "factory": factory}} for path, kind, factory in OPENED},
    }
    return {"data": data, "metadata": {"id": WORKSPACE}}


def save_workspace() -> Path:
    """Write the workspace into JupyterLab's workspaces folder (JUPYTERLAB_WORKSPACES_DIR or Jupyter's config folder)."""
    from jupyterlab.commands import get_workspaces_dir
    from jupyterlab_server.workspaces_handler import WorkspacesManager

    return WorkspacesManager(get_workspaces_dir()).save(WORKSPACE, json.dumps(workspace()))


def command(root: Path = PROJECT_ROOT, extra: list[str] | tuple = ()) -> list[str]:
    """The JupyterLab command line: served from ``root``, opening on the workspace."""
    return [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}",
            f"--LabApp.default_url=/lab/workspaces/{WORKSPACE}", *extra]


def main(argv: list[str] | None = None) -> None:
    """Prepare work/ and the workspace, then become JupyterLab (extra arguments are passed on)."""
    (PROJECT_ROOT / WORK_DIR).mkdir(exist_ok=True)
    save_workspace()
    cmd = command(PROJECT_ROOT, sys.argv[1:] if argv is None else argv)
    os.chdir(PROJECT_ROOT)
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main()
