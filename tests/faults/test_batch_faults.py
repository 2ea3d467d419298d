"""Faults the batch must survive: an interruption (Ctrl-C, SIGTERM), two batches at once, --debug; and the
index must say exactly what is on disk afterwards."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from bs4 import BeautifulSoup

from analysis.paths import PROJECT_ROOT
from analysis.site.links import LEDGER_PAGE

COUNTIES = ["dongying", "laishui", "anhui"]  # with the overview and the tour, enough runs that an interruption finds some not yet run


def runs() -> int:
    """How many runs a batch of COUNTIES makes (the five reports' tables: 9)."""
    from analysis.batch import plan
    from analysis.tables import load_tables

    return len(plan(load_tables(), COUNTIES)[0])


def start_batch(out: Path, counties, *extra, session=True, temp: Path | None = None) -> subprocess.Popen:
    argv = [sys.executable, "-m", "analysis", "batch", "--jobs", "2", "--out", str(out), *extra]
    for county in counties:
        argv += ["--county", county]
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(out / "cache"), "PYTHONFAULTHANDLER": "1"}
    if temp:  # the kernels' socket files go there: a folder no other batch on the machine looks into
        env["TMPDIR"] = str(temp)
    env.pop("ANALYSIS_DEBUG", None)
    return subprocess.Popen(argv, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=session, preexec_fn=_ctrl_c_as_in_a_terminal)


def _ctrl_c_as_in_a_terminal() -> None:
    """A test run in the background (`make test &`, some CI runners) inherits SIGINT ignored, and so would
    the batch; a terminal's foreground command has it at its default, which this test is about."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def wait_for_a_finished_run(out: Path, process: subprocess.Popen, timeout=240) -> None:
    from analysis.batch import _load_state

    deadline = time.time() + timeout
    while time.time() < deadline and process.poll() is None:
        if _load_state(out / "reports"):  # the state file with its journal, as the next batch would read them
            return
        time.sleep(0.2)
    raise AssertionError("no run finished in time" if process.poll() is None else f"batch ended early: {process.communicate()}")


def finish(process: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """The process's output once it ends; if it hangs, where it hangs (faulthandler prints every thread on SIGABRT)."""
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGABRT)
        stdout, stderr = process.communicate(timeout=30)
        raise AssertionError(f"still running after {timeout} s:\n{stderr[-6000:]}") from None


def assert_index_says_what_is_on_disk(out: Path) -> dict:
    """Every page on disk is linked with the status the state records; every page linked is on disk."""
    site = out / "site"
    state = json.loads((out / "reports" / ".batch-state.json").read_text())
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = {}
    for link in soup.select("td a[href$='.html'], p a[href$='.html']"):
        badge = link.find_previous_sibling("span")
        if badge is not None and "badge" in badge.get("class", []):
            shown[link["href"]] = badge.text
    on_disk = {str(p.relative_to(site)) for p in site.glob("*/*.html") if p.parent.name != "sources" and p.name != LEDGER_PAGE}
    assert set(shown) == on_disk
    # and every county's ledger page, which the index rewrites with itself (no badge: it is not a run's)
    ledgers = {str(p.relative_to(site)) for p in site.glob(f"*/{LEDGER_PAGE}")}
    assert ledgers and ledgers == {a["href"] for a in soup.select(f"td a[href$='/{LEDGER_PAGE}']")}
    for page, badge in shown.items():
        key = page.removesuffix(".html")
        assert state[key]["status"] == badge, (page, badge, state[key])
        failed_page = "This run failed." in (site / page).read_text(encoding="utf-8")
        assert failed_page == (badge == "failed")
    assert not list((out / "reports").rglob(".*.tmp.ipynb"))
    return shown


def assert_no_process_left(process: subprocess.Popen) -> None:
    """The batch's workers and kernels ended with it (they share its session)."""
    deadline = time.time() + 20
    while time.time() < deadline:
        alive = [p for p in psutil.process_iter(["pid"]) if _session(p) == process.pid]
        if not alive:
            return
        time.sleep(0.5)
    raise AssertionError(f"left running: {[p.info for p in alive]}")


def _session(p) -> int | None:
    try:
        return os.getsid(p.pid)
    except (ProcessLookupError, PermissionError):
        return None


def test_ctrl_c_stops_the_batch_cleanly_and_the_next_run_finishes(tmp_path):
    process = start_batch(tmp_path, COUNTIES)
    wait_for_a_finished_run(tmp_path, process)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole process group
    stdout, stderr = finish(process, 120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stdout + stderr
    summary = [line for line in stderr.splitlines() if line.startswith("batch interrupted:")]
    assert len(summary) == 1 and "temporary notebooks removed" in summary[0]
    assert_no_process_left(process)
    shown = assert_index_says_what_is_on_disk(tmp_path)
    assert len(shown) < runs()  # it really was interrupted
    assert "batch-notice" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")  # rebuilt: it is true

    again = start_batch(tmp_path, COUNTIES)
    stdout, stderr = finish(again, 600)
    assert again.returncode == 0, stderr
    shown = assert_index_says_what_is_on_disk(tmp_path)
    assert len(shown) == runs() and set(shown.values()) == {"ok"}


def test_sigterm_stops_the_batch_as_ctrl_c_does(tmp_path):
    process = start_batch(tmp_path, COUNTIES)
    wait_for_a_finished_run(tmp_path, process)
    process.send_signal(signal.SIGTERM)  # the batch alone, as a scheduler or `kill` sends it
    stdout, stderr = finish(process, 120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stdout + stderr and "batch interrupted:" in stderr
    assert_no_process_left(process)
    assert_index_says_what_is_on_disk(tmp_path)


def batch_processes(process: subprocess.Popen, timeout=60) -> dict[str, list[psutil.Process]]:
    """The batch's descendants by kind, once a warm kernel runs: its workers, their fork servers, and the
    kernels the servers forked (whose command line is the server's)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            parents = {child: child.ppid() for child in psutil.Process(process.pid).children(recursive=True)}
        except psutil.NoSuchProcess:  # a kernel ended as it was listed: list them again
            continue
        kinds = {"worker": [p for p, parent in parents.items() if parent == process.pid]}
        for kind, above in (("fork server", "worker"), ("kernel", "fork server")):
            kinds[kind] = [p for p, parent in parents.items() if parent in {q.pid for q in kinds[above]}]
        if all(kinds.values()):
            return kinds
        time.sleep(0.1)
    raise AssertionError(f"no warm kernel running after {timeout} s")


def test_a_batch_killed_with_sigkill_takes_its_processes_and_keeps_its_finished_runs(tmp_path):
    """No handler runs on SIGKILL: the workers, fork servers and kernels end all the same (nothing else would
    end them: 880 MB stayed), the journal alone says which runs finished, and the next batch skips them."""
    import shutil
    import tempfile

    # A batch started meanwhile elsewhere on the machine (another test run, CI job) removes dead kernels' sockets
    # from the shared temporary folder, and its own live ones would be counted here: these batches get their own.
    # Short, for the 108 bytes of a Unix socket's path.
    temp = Path(tempfile.mkdtemp(prefix="wk"))
    try:
        _killed_then_run_again(tmp_path, temp)
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def _killed_then_run_again(tmp_path: Path, temp: Path) -> None:
    from analysis.batch import JOURNAL_FILE, _load_state
    from analysis.warm_kernels import SOCKET_PREFIX

    process = start_batch(tmp_path, COUNTIES, temp=temp)
    wait_for_a_finished_run(tmp_path, process)
    kinds = batch_processes(process)
    assert len(kinds["worker"]) == 2  # --jobs 2
    process.send_signal(signal.SIGKILL)  # the batch alone: what follows from it is the test
    process.wait(timeout=30)
    deadline = time.time() + 5
    while time.time() < deadline and (alive := [(kind, p.pid) for kind, ps in kinds.items() for p in ps if _alive(p)]):
        time.sleep(0.1)
    assert not alive, f"still running 5 s after the batch was killed: {alive}"
    process.communicate(timeout=30)  # no process left to hold its pipes open
    index = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    notice = index.find(id="batch-notice")  # the statuses it shows predate the runs the batch finished
    assert notice is not None and notice.get_text().startswith("A batch is running or was interrupted: statuses may be out of date.")
    finished = {key for key, entry in _load_state(tmp_path / "reports").items() if entry["status"] == "ok"}
    assert finished and (tmp_path / "reports" / JOURNAL_FILE).is_file()
    # the running kernels' socket files (two workers: one kernel at least was running) stay, until the next batch
    left = set(temp.glob(f"{SOCKET_PREFIX}*"))
    assert left

    again = start_batch(tmp_path, COUNTIES, temp=temp)
    stdout, stderr = finish(again, 600)
    assert again.returncode == 0, stderr
    total = next(line for line in stdout.splitlines() if line.startswith("total:"))
    assert f"up to date {len(finished)}" in total and f"ok {runs() - len(finished)}" in total, total
    assert not (tmp_path / "reports" / JOURNAL_FILE).exists()  # folded into the state file
    assert not any(path.exists() for path in left)  # removed by the next batch's fork servers
    assert "batch-notice" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    shown = assert_index_says_what_is_on_disk(tmp_path)
    assert len(shown) == runs() and set(shown.values()) == {"ok"}


def _alive(p: psutil.Process) -> bool:
    """Running, as far as memory goes: a zombie holds none and waits only for whoever adopted it to reap it."""
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE  # is_running: not a new process with its pid
    except psutil.NoSuchProcess:
        return False


def test_two_batches_on_one_folder_take_turns_and_the_index_keeps_both(tmp_path):
    first = start_batch(tmp_path, ["laishui"])
    wait_for_a_finished_run(tmp_path, first)  # the first holds the lock
    second = start_batch(tmp_path, ["xuanzhou"], "--notebook", "04-facilities")
    out2, err2 = finish(second, 600)
    out1, err1 = finish(first, 600)
    assert first.returncode == 0 and second.returncode == 0, err1 + err2
    assert "another batch is writing to" in err2 and "waiting for it to finish" in err2
    state = json.loads((tmp_path / "reports" / ".batch-state.json").read_text())
    assert state["xuanzhou/04-facilities"]["status"] == "ok"
    assert {k for k in state if k.startswith("laishui/")} and all(state[k]["status"] == "ok" for k in state)
    shown = assert_index_says_what_is_on_disk(tmp_path)
    assert "xuanzhou/04-facilities.html" in shown and "laishui/02-staffing.html" in shown


def test_debug_shows_the_traceback_that_is_otherwise_one_line(tmp_path):
    argv = [sys.executable, "-m", "analysis", "--data-dir", str(tmp_path / "none"), "audit"]
    plain = subprocess.run(argv, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().splitlines() == [f"error: --data-dir {tmp_path / 'none'}: no such folder"]
    (tmp_path / "data").mkdir()
    argv = [sys.executable, "-m", "analysis", "--data-dir", str(tmp_path / "data"), "--debug", "audit"]
    debug = subprocess.run(argv, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "DataError" in debug.stderr
    env = {**os.environ, "ANALYSIS_DEBUG": "1"}
    by_env = subprocess.run(argv[:5] + ["audit"], cwd=PROJECT_ROOT, capture_output=True, text=True, env=env)
    assert "Traceback" in by_env.stderr
