"""Execute notebooks reproducibly and strip what would tie them to one machine or run.

The same stripping is the git clean filter of the notebooks (``python -m analysis.execute clean``, set up by
``make install``): JupyterLab fills in the kernel's ``language_info`` (its Python version among it) as soon as a
notebook opens, and its autosave writes that back; through the filter git sees the committed notebook again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

from analysis.outputs import write_text_atomic

# The project's kernel (make install: ipykernel install --sys-prefix), so that Jupyter's kernel list says which
# environment runs the notebooks; a Jupyter of another environment then says it has no such kernel instead of
# starting its own "python3" and failing on `import analysis`.
KERNEL_NAME = "township-reform-audit"
KERNEL_DISPLAY_NAME = "Township reform audit (.venv)"
KERNEL = {"name": KERNEL_NAME, "display_name": KERNEL_DISPLAY_NAME, "language": "python"}
# What runs the notebooks here (run-notebooks, the batch): the kernel of the Python that runs them, which imports
# this package by definition; papermill's kernel_name overrides the notebook's kernelspec, so no lookup by name.
RUN_KERNEL = "python3"
# A batch starts one kernel per run, and each would log to the terminal: ipykernel >= 7 warns
# at start that its loopback TCP sockets are unencrypted, and jupyter_client interrupts every
# kernel at shutdown ("KeyboardInterrupt caught in kernel"). Both are harmless and would bury
# the progress bar and the summary; a notebook's own errors are in its outputs either way.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.enabled=False"]
CELL_METADATA_DROPPED = ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime")
FILTER = "township-notebook"  # the git filter's name in .gitattributes


def clean_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep the kernel name and language only; drop timings, versions and papermill's run record."""
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNEL), "language_info": {"name": "python"}})
    for cell in nb.cells:
        for key in CELL_METADATA_DROPPED:
            cell.metadata.pop(key, None)
        cell.pop("id", None)
    nb.nbformat, nb.nbformat_minor = 4, 4  # cell ids come with 4.5; without them diffs stay quiet
    return nb


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """A notebook as the repository keeps it (nbformat's JSON, one newline at the end)."""
    return nbformat.writes(nb) + "\n"


def clean_text(text: str) -> str:
    """``text`` as git stores it: a notebook cleaned by :func:`clean_metadata`; anything that is not a notebook
    (a half-written file, a merge conflict) unchanged, so the filter never loses a byte.

    >>> clean_text("not a notebook {")
    'not a notebook {'
    """
    try:
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    except Exception:  # not JSON, not a notebook: keep it as it is
        return text
    if nb.get("nbformat") != 4:
        return text
    return notebook_text(clean_metadata(nb))


def execute_in_place(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom with its default parameters and write it back, clean."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name=RUN_KERNEL, record_timing=False, extra_arguments=KERNEL_ARGUMENTS,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    write_text_atomic(path, notebook_text(clean_metadata(nb)))


def install_filter(repo: Path, python: str = sys.executable) -> bool:
    """Set up the clean filter in ``repo``'s git configuration (what .gitattributes names); False outside a git work tree."""
    inside = subprocess.run(["git", "-C", str(repo), "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return False
    # -m from the work tree's root (git runs filters there): the filter is the checkout's own code.
    command = f'"{python}" -m analysis.execute clean'
    subprocess.run(["git", "-C", str(repo), "config", f"filter.{FILTER}.clean", command], check=True)
    return True


def main(argv: list[str] | None = None) -> int:
    """``clean``: stdin to stdout through :func:`clean_text` (the git filter); ``install-filter [REPO]``."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["clean"]:
        data = sys.stdin.buffer.read()
        try:
            out = clean_text(data.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            out = data
        sys.stdout.buffer.write(out)
        return 0
    if args[:1] == ["install-filter"]:
        repo = Path(args[1] if len(args) > 1 else ".")
        done = install_filter(repo)
        print(f"git filter {FILTER}: " + ("set up (notebooks are compared without the kernel's language details)"
                                          if done else "not set up: not a git work tree"))
        return 0
    print("usage: python -m analysis.execute clean < NOTEBOOK | install-filter [REPO]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
