"""Warm kernels: forked from a pre-imported parent, yet each run as isolated and as faithful as a cold one."""

import re

import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from analysis.batch import run_batch
from analysis.execute import KERNEL_ARGUMENTS, clean_metadata
from analysis.warm_kernels import WarmKernelManager
from tests.conftest import BATCH_COUNTIES


def _plain(path) -> str:
    """A notebook without what differs between any two runs (papermill's timings and paths)."""
    return nbformat.writes(clean_metadata(nbformat.read(path, as_version=4)))


def test_a_warm_batch_writes_the_same_notebooks_and_pages_as_a_cold_one(built_site, tmp_path):
    cold = run_batch(BATCH_COUNTIES, jobs=2, reports_dir=tmp_path / "reports", site_dir=tmp_path / "site",
                     figures_dir=tmp_path / "figures", warm=False)
    assert {job["status"] for job in cold["jobs"]} == {"ok"}
    warm_out = built_site["out"]  # the session's batch runs warm, the default
    notebooks = sorted(p.relative_to(tmp_path / "reports") for p in (tmp_path / "reports").rglob("*.ipynb"))
    assert {str(name.with_suffix("")) for name in notebooks} == {job["key"] for job in cold["jobs"]}  # one per run
    for name in notebooks:
        assert _plain(tmp_path / "reports" / name) == _plain(warm_out / "reports" / name), name
    pages = sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    assert len(pages) > 11  # the runs' pages, the index and the source pages
    for page in pages:
        assert (tmp_path / "site" / page).read_bytes() == (warm_out / "site" / page).read_bytes(), page


def _notebook(path, *sources, parameters: bool = False):
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    if parameters:
        cells.insert(0, nbformat.v4.new_code_cell("county = 'x'", metadata={"tags": ["parameters"]}))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return str(path)


def _run(notebook, out, **kw):
    return papermill.execute_notebook(notebook, str(out), kernel_name="python3", progress_bar=False,
                                      extra_arguments=KERNEL_ARGUMENTS, kernel_manager_class=WarmKernelManager, **kw)


def _outputs(nb) -> list[str]:
    return ["".join(o.get("text", "") for o in cell.outputs).strip() for cell in nb.cells if cell.cell_type == "code"]


def test_no_state_passes_from_one_warm_kernel_to_the_next(tmp_path):
    # The first run changes everything a reused interpreter would carry over: a pre-imported module,
    # the builtins, the environment, the working folder, pandas' options, the matplotlib settings.
    spoil = _notebook(tmp_path / "spoil.ipynb",
                      "import os, sys, builtins, pandas, matplotlib\n"
                      "pandas.LEAKED = 1\nbuiltins.LEAKED = 1\nos.environ['LEAKED'] = '1'\nos.chdir('/')\n"
                      "pandas.set_option('display.max_rows', 3)\nmatplotlib.rcParams['lines.linewidth'] = 9\n"
                      "sys.modules['leaked_module'] = sys\nLEAKED = 1\nprint(os.getppid())")
    probe = _notebook(tmp_path / "probe.ipynb",
                      "import os, sys, builtins, pandas, matplotlib\n"
                      "print(hasattr(pandas, 'LEAKED'), hasattr(builtins, 'LEAKED'), 'LEAKED' in os.environ,\n"
                      "      'leaked_module' in sys.modules, 'LEAKED' in globals())\n"
                      "print(pandas.get_option('display.max_rows'), matplotlib.rcParams['lines.linewidth'])\n"
                      "print(os.getcwd() == %r)\nprint(os.getppid())" % str(tmp_path))
    first = _run(spoil, tmp_path / "spoil.out.ipynb", cwd=str(tmp_path))
    second = _run(probe, tmp_path / "probe.out.ipynb", cwd=str(tmp_path))
    leaks, settings, same_folder, parent = _outputs(second)[0].splitlines()
    assert leaks == "False False False False False"
    assert settings == "60 1.5"  # pandas' and matplotlib's own defaults
    assert same_folder == "True"
    # Both kernels are children of the same fork server: the warm path was taken, twice.
    assert parent == _outputs(first)[0]


def test_a_warm_kernel_starts_where_a_cold_one_does(tmp_path):
    """The server's warm-up (tables read, one county audited) leaves memory behind, nothing a notebook sees.

    Both kernels first import what the server pre-imports (a cold kernel's notebook would import it);
    then the settings, warnings, figure style, table formatters and package state they show are the same.
    """
    probe = _notebook(tmp_path / "probe.ipynb",
                      "import importlib\nfrom analysis.warm_kernels import PRELOAD\n"
                      "for name in PRELOAD:\n    importlib.import_module(name)\n"
                      "from analysis.tables import load_tables\ntables = load_tables()",
                      "import sys, warnings, pandas, matplotlib\n"
                      "print(sorted(m for m in sys.modules if m.startswith('analysis.')))\n"
                      "print(sorted(map(repr, warnings.filters)))  # in import order, which differs\n"
                      "print(sorted((k, str(v)) for k, v in matplotlib.rcParams.items()))\n"
                      "print(pandas.describe_option('display', _print_desc=False))\n"
                      "print(sorted(map(str, get_ipython().display_formatter.formatters['text/html'].type_printers)))\n"
                      "import analysis.style\nprint(analysis.style._applied)\n"
                      "warnings.warn('shown once', UserWarning)")
    warm = _run(probe, tmp_path / "warm.ipynb", cwd=str(tmp_path))
    cold = papermill.execute_notebook(probe, str(tmp_path / "cold.ipynb"), kernel_name="python3", progress_bar=False,
                                      extra_arguments=KERNEL_ARGUMENTS, cwd=str(tmp_path))
    warm_seen, cold_seen = ([re.sub(r"ipykernel_\d+", "ipykernel_<pid>", o.get("text", "")) for o in nb.cells[1].outputs]
                            for nb in (warm, cold))
    assert warm_seen == cold_seen
    assert "shown once" in "".join(warm_seen) and "'analysis.audit'" in warm_seen[0]


def test_a_warm_kernel_imports_the_package_with_its_own_data_folder_and_code(tmp_path, monkeypatch):
    import analysis.warm_kernels as warm

    probe = _notebook(tmp_path / "probe.ipynb", "import os, sys\nimport analysis.paths\n"
                      "print('seaborn' in sys.modules, str(analysis.paths.DATA_DIR), os.getppid())")
    seen = []
    for folder in ("first", "second", "second"):
        # run_job sets these before each run; analysis.paths reads them once, at import
        monkeypatch.setenv("ANALYSIS_DATA_DIR", str(tmp_path / folder))
        seen.append(_outputs(_run(probe, tmp_path / "probe.out.ipynb"))[0].split())
    assert [s[:2] for s in seen] == [["True", str(tmp_path / "first")], ["True", str(tmp_path / "second")]] + \
        [["True", str(tmp_path / "second")]]
    assert seen[0][2] != seen[1][2] == seen[2][2]  # another folder, another server; the same folder, the same one
    # Edited code: the next kernel comes from a new server, which imports the package afresh.
    monkeypatch.setattr(warm, "_server_key", lambda env, real=warm._server_key: (real(env), "edited"))
    assert _outputs(_run(probe, tmp_path / "probe.out.ipynb"))[0].split()[2] != seen[2][2]


def test_a_warm_kernel_reads_tables_edited_after_its_server_read_them(tmp_path, monkeypatch):
    import shutil

    from analysis.paths import DATA_DIR
    from tests.test_dependencies import _edit

    data = shutil.copytree(DATA_DIR, tmp_path / "data")
    monkeypatch.setenv("ANALYSIS_DATA_DIR", str(data))
    probe = _notebook(tmp_path / "probe.ipynb", "import os\nfrom analysis.tables import _load_cached, load_tables\n"
                      "facts = load_tables().facts.set_index('fact_id')\n"
                      "print(repr(facts.at['laishui_posts_total', 'note']), _load_cached.cache_info().hits, os.getppid(), sep='|')")
    before = _outputs(_run(probe, tmp_path / "probe.out.ipynb"))[0].split("|")
    from analysis.tables import load_tables

    note = load_tables(data).facts.set_index("fact_id").at["laishui_posts_total", "note"]
    assert before[:2] == [repr(note), "1"]  # the tables the server read
    _edit(data / "facts.csv", "laishui_posts_total", "note", "edited after the server read the tables")
    after = _outputs(_run(probe, tmp_path / "probe.out.ipynb"))[0].split("|")
    assert after == [repr("edited after the server read the tables"), "0", before[2]]  # the same server; read again


def test_a_warm_kernel_keeps_the_parameters_cell_and_the_error_cell(tmp_path):
    broken = _notebook(tmp_path / "broken.ipynb", "print(county)", "1 / 0", "print('not reached')", parameters=True)
    with pytest.raises(PapermillExecutionError, match="ZeroDivisionError"):
        _run(broken, tmp_path / "broken.out.ipynb", parameters={"county": "laishui"})
    nb = nbformat.read(tmp_path / "broken.out.ipynb", as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert "injected-parameters" in code[1].metadata.tags
    assert _outputs(nb)[2] == "laishui"
    assert [o.output_type for o in code[3].outputs] == ["error"] and code[4].outputs == []


def test_warm_kernels_talk_over_unix_sockets_of_their_own_and_leave_none_behind(tmp_path):
    """Over TCP each worker chose "free" ports on its own, and two kernels could be given the same one."""
    import glob
    import os
    import tempfile

    managers = [WarmKernelManager(), WarmKernelManager()]
    assert [m.transport for m in managers] == ["ipc", "ipc"] and managers[0].ip != managers[1].ip
    assert all(len(f"{m.ip}-99999") < 100 for m in managers)  # a Unix socket's path holds at most 107 bytes
    probe = _notebook(tmp_path / "probe.ipynb", "from ipykernel.kernelapp import IPKernelApp\n"
                      "app = IPKernelApp.instance()\nprint(app.transport, app.ip.startswith(%r), app.ip)" % tempfile.gettempdir())
    transport, in_tmp, ip = _outputs(_run(probe, tmp_path / "probe.out.ipynb"))[0].split()
    assert (transport, in_tmp, os.path.basename(ip)[:len("warm-kernel-")]) == ("ipc", "True", "warm-kernel-")
    # none of its own left: its sockets are <ip>-<port> (the temporary folder's other warm-kernel-* files may be
    # another test run's, live, on a shared machine)
    assert glob.glob(glob.escape(ip) + "-*") == []


def test_a_killed_batchs_socket_files_are_removed_and_live_ones_kept(tmp_path):
    import socket

    from analysis.warm_kernels import SOCKET_PREFIX, remove_stale_sockets

    stale, live, other = (tmp_path / f"{SOCKET_PREFIX}{name}" for name in ("0123456789abcdef-1", "fedcba9876543210-1", "notes"))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(stale))  # bound and closed, the file left behind: what a SIGKILLed kernel leaves
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(str(live))
    listening.listen()
    other.write_text("not a socket")
    try:
        assert remove_stale_sockets(str(tmp_path)) == 1
        assert not stale.exists() and live.exists() and other.exists()
    finally:
        listening.close()


_ORPHANS = """
import os, sys, time
from analysis.warm_kernels import end_with_parent

parent = os.getpid()
for ends in (True, False):
    pid = os.fork()
    if pid == 0:
        if ends:
            end_with_parent(parent)
        time.sleep(60)
        os._exit(0)
    print(pid, flush=True)
time.sleep(60)
"""


def test_a_process_that_asked_ends_when_its_parent_is_killed(tmp_path):
    """What keeps a batch's workers and a fork server's kernels from outliving them, even after kill -9 (which no
    handler sees): a child that asked goes with its parent, one that did not lives on."""
    import os
    import signal
    import subprocess
    import sys
    import time

    import psutil

    parent = subprocess.Popen([sys.executable, "-c", _ORPHANS], stdout=subprocess.PIPE, text=True)
    asked, did_not = (psutil.Process(int(parent.stdout.readline())) for _ in range(2))
    try:
        assert asked.status() != psutil.STATUS_ZOMBIE and asked.ppid() == parent.pid
        parent.kill()
        parent.wait()
        deadline = time.time() + 5
        while time.time() < deadline and asked.is_running() and asked.status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.05)
        assert not asked.is_running() or asked.status() == psutil.STATUS_ZOMBIE
        assert did_not.is_running() and did_not.status() != psutil.STATUS_ZOMBIE  # nothing else would have ended it
    finally:
        for child in (asked, did_not):
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass
        parent.stdout.close()


def test_a_process_whose_parent_ended_before_it_asked_ends_at_once():
    import subprocess
    import sys

    code = "from analysis.warm_kernels import end_with_parent; end_with_parent(1); print('still running')"  # not its parent
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 1 and ran.stdout == ""
