"""Execute notebooks reproducibly and strip what would tie them to one machine or run.

The committed notebooks carry no machine detail. JupyterLab, though, fills in the kernel's ``language_info`` (its
Python version among it) as soon as a notebook opens: the notebook is then unsaved, and the autosave writes it.
So ``make install`` sets up a git filter (.gitattributes): checked out, a notebook gets this environment's
``language_info`` and kernel name (``smudge``), exactly as its kernel reports them, so that opening it changes
nothing; added, it loses them again (``clean``). A clean filter alone is not enough: git status takes a file whose
size changed for a changed file without running the filter.
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


def kernel_language_info() -> dict:
    """The ``language_info`` this environment's kernel reports (ipykernel's IPythonKernel.language_info; a test checks
    they agree), built here so that the filter needs no IPython import."""
    return {"name": "python", "version": sys.version.split()[0], "mimetype": "text/x-python",
            "codemirror_mode": {"name": "ipython", "version": sys.version_info[0]},
            "pygments_lexer": f"ipython{sys.version_info[0]}", "nbconvert_exporter": "python", "file_extension": ".py"}


def installed_display_name(prefix: str = sys.prefix) -> str:
    """The display name of the project's kernel as installed in this environment (make install), else the committed one."""
    import json

    spec = Path(prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    try:
        return json.loads(spec.read_text(encoding="utf-8"))["display_name"]
    except (OSError, ValueError, KeyError):
        return KERNEL_DISPLAY_NAME


def local_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` cleaned, then with the kernel details JupyterLab would write on opening it in this environment."""
    nb = clean_metadata(nb)
    nb.metadata["kernelspec"]["display_name"] = installed_display_name()
    nb.metadata["language_info"] = kernel_language_info()
    return nb


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


def smudge_text(text: str) -> str:
    """``text`` as a checkout holds it: with this environment's kernel details (:func:`local_metadata`); anything that
    is not a notebook unchanged."""
    try:
        nb = nbformat.reads(text, as_version=nbformat.NO_CONVERT)
    except Exception:
        return text
    if nb.get("nbformat") != 4:
        return text
    return notebook_text(local_metadata(nb))


def execute_in_place(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom with its default parameters and write it back, clean."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name=RUN_KERNEL, record_timing=False, extra_arguments=KERNEL_ARGUMENTS,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    write_text_atomic(path, notebook_text(clean_metadata(nb)))


def install_filter(repo: Path, python: str = sys.executable) -> bool:
    """Set up the filter in ``repo``'s git configuration (what .gitattributes names) and check out again, through it,
    each notebook that has no change of its own; False outside a git work tree."""
    git = ["git", "-C", str(repo)]
    inside = subprocess.run([*git, "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return False
    # -m from the work tree's root (git runs filters there): the filter is the checkout's own code, in this environment.
    for step in ("clean", "smudge"):
        subprocess.run([*git, "config", f"filter.{FILTER}.{step}", f'"{python}" -m analysis.execute {step}'], check=True)
    tracked = subprocess.run([*git, "ls-files", "-z", "--", "notebooks/*.ipynb"], capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        unchanged = all(subprocess.run([*git, "diff", "--quiet", *cached, "--", name]).returncode == 0 for cached in ([], ["--cached"]))
        path = Path(repo) / name
        if unchanged and path.is_file() and path.read_text(encoding="utf-8") != smudge_text(path.read_text(encoding="utf-8")):
            path.unlink()  # git writes it again through the smudge filter and records it as unchanged
            subprocess.run([*git, "checkout", "--", name], check=True)
    return True


def main(argv: list[str] | None = None) -> int:
    """``clean`` / ``smudge``: stdin to stdout through :func:`clean_text` / :func:`smudge_text` (the git filter);
    ``install-filter [REPO]``."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["clean"], ["smudge"]):
        data = sys.stdin.buffer.read()
        convert = clean_text if args[0] == "clean" else smudge_text
        try:
            out = convert(data.decode("utf-8")).encode("utf-8")
        except UnicodeDecodeError:
            out = data
        sys.stdout.buffer.write(out)
        return 0
    if args[:1] == ["install-filter"]:
        repo = Path(args[1] if len(args) > 1 else ".")
        done = install_filter(repo)
        print(f"git filter {FILTER}: " + ("set up: checked-out notebooks carry this environment's kernel details, "
                                          "which git leaves out" if done else "not set up: not a git work tree"))
        return 0
    print("usage: python -m analysis.execute clean|smudge < NOTEBOOK | install-filter [REPO]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
