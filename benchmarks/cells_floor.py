"""The cells floor: CPU time of every batch run's code cells, executed once each in one warm interpreter.

The interpreter imports everything first (not counted), then runs each notebook's code cells with
its parameters in a fresh IPython namespace, as the batch would, and prints the CPU seconds as
JSON. No kernel, no papermill, no page: what the notebooks' own work costs. ``make bench``
divides the serial batch's CPU time by this figure.

    python benchmarks/cells_floor.py --data-dir DATA [--notebook 03-delegation ...] --figures-dir SCRATCH
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--figures-dir", type=Path, required=True, help="where the cells save their figures (scratch)")
    parser.add_argument("--notebook", action="append", help="only this notebook (repeatable), as the batch's --notebook")
    args = parser.parse_args()
    # Before the package is imported: it reads these once.
    os.environ["ANALYSIS_DATA_DIR"] = str(args.data_dir.resolve())
    os.environ["ANALYSIS_FIGURES_DIR"] = str(args.figures_dir.resolve())
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell

    # The shell first: importing analysis.views installs the reviewer tables' HTML formatter into
    # the running shell, as in a kernel; imported before it, the cells would format tables as pandas does.
    shell = InteractiveShell.instance()
    import analysis.audit  # noqa: F401  (the imports are the warm-up, not the work)
    import analysis.indicators  # noqa: F401
    import analysis.overview  # noqa: F401
    import analysis.views  # noqa: F401
    from analysis.batch import plan
    from analysis.tables import load_tables

    jobs, _ = plan(load_tables(args.data_dir), notebooks=args.notebook)
    notebooks = {}
    seconds = 0.0
    for job in jobs:
        nb = notebooks.setdefault(job.notebook, nbformat.read(ROOT / "notebooks" / f"{job.notebook}.ipynb", as_version=4))
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        after = next((i + 1 for i, cell in enumerate(code) if "parameters" in cell.metadata.get("tags", [])), 0)
        cells = [cell.source for cell in code]
        cells[after:after] = [f"{name} = {value!r}" for name, value in job.parameters.items()]  # papermill's injected cell
        shell.reset(new_session=False)
        started = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()):  # the shell prints what a kernel would send
            for source in cells:
                shell.run_cell(source, store_history=False).raise_error()
        seconds += time.process_time() - started
    json.dump({"cells_cpu_s": seconds, "runs": len(jobs)}, sys.stdout)


if __name__ == "__main__":
    main()
