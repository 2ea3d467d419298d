"""Execute notebooks reproducibly and strip what would tie them to one machine or run."""

from __future__ import annotations

from pathlib import Path

import nbformat

from analysis.outputs import write_text_atomic

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
# A batch starts one kernel per run, and each would log to the terminal: ipykernel >= 7 warns
# at start that its loopback TCP sockets are unencrypted, and jupyter_client interrupts every
# kernel at shutdown ("KeyboardInterrupt caught in kernel"). Both are harmless and would bury
# the progress bar and the summary; a notebook's own errors are in its outputs either way.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.enabled=False"]
CELL_METADATA_DROPPED = ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime")


def clean_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Keep the kernel name and language only; drop timings, versions and papermill's run record."""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNEL, "language_info": {"name": "python"}})
    for cell in nb.cells:
        for key in CELL_METADATA_DROPPED:
            cell.metadata.pop(key, None)
        cell.pop("id", None)
    nb.nbformat, nb.nbformat_minor = 4, 4  # cell ids come with 4.5; without them diffs stay quiet
    return nb


def execute_in_place(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom with its default parameters and write it back, clean."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name=KERNEL["name"], record_timing=False, extra_arguments=KERNEL_ARGUMENTS,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    write_text_atomic(path, nbformat.writes(clean_metadata(nb)) + "\n")
