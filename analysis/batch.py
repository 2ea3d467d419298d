"""Run every notebook for every county with papermill, in parallel, and build the HTML site.

A run is skipped when its inputs (notebook, data tables, analysis code, parameters) are
unchanged since its last success; a failed run does not stop the others.

Safety: one batch at a time writes to an output folder (a second one waits for the lock); each
finished run is appended to the state's journal at once, keeping other runs' entries; on Ctrl-C
or SIGTERM the workers and their kernels stop, temporary notebooks are removed, and the index is
rebuilt from what is on disk before :class:`BatchInterrupted` is raised. On SIGKILL, which no handler
sees, the workers, fork servers and kernels end with the batch all the same, and the index keeps saying
that its statuses may be out of date (BATCH_NOTICE) until a batch ends. A notebook or page whose write
fails leaves the old file as it was.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from analysis.outputs import named, write_bytes_atomic, write_text_atomic
from analysis.paths import DATA_DIR, FIGURES_DIR, NOTEBOOKS_DIR, PROJECT_ROOT, REPORTS_OUT_DIR, SITE_DIR
from analysis.paths import reports_dir as report_texts_dir

PER_COUNTY = {"01-finance": "finance", "02-staffing": "staffing", "03-delegation": "delegation", "04-facilities": "facilities",
              "05-context": "context"}
NOTEBOOK_OF_DOMAIN = {domain: notebook for notebook, domain in PER_COUNTY.items()}
OVERVIEW = "00-overview"
# Notebooks run once for the whole site (no county), and what the index says each offers.
SITE_WIDE = {OVERVIEW: "every county at once", "06-explore": "a guided tour: query the tables and the ledger with pandas"}
STATE_FILE = ".batch-state.json"
# One JSON line per finished run, folded into STATE_FILE when a batch ends (or the next one starts, after
# a kill). Rewriting the whole state after each run cost O(runs) each: hours of JSON at national scale.
JOURNAL_FILE = ".batch-state.journal"
LOCK_FILE = ".batch.lock"
# On the index from a batch's start until the batch rebuilds it: a batch killed meanwhile (kill -9, a power cut)
# leaves pages and runs that the statuses shown do not describe. Put in and taken out as these very bytes, so
# an index that needs no rebuild is again byte for byte the one built.
BATCH_NOTICE = ('<p class="site-failed" id="batch-notice" role="note"><strong>A batch is running or was interrupted: '
                "statuses may be out of date.</strong> They are checked again when a batch ends (<code>make reports</code>)."
                "</p>\n").encode()


class BatchInterrupted(Exception):
    """Ctrl-C or SIGTERM stopped a batch; earlier outputs are intact and the index says what is on disk."""

    def __init__(self, finished: int, not_run: int):
        self.finished, self.not_run = finished, not_run
        super().__init__(f"batch interrupted: {finished} run(s) finished and kept, {not_run} not run; "
                         "temporary notebooks removed; run the same command again to finish")


@dataclass(frozen=True)
class Job:
    notebook: str
    county: str | None  # None for a site-wide notebook (the overview, the tour)

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.notebook}"

    @property
    def folder(self) -> str:
        return self.county or "overview"

    @property
    def page(self) -> str:
        """The run's page, relative to the site folder."""
        return f"{self.folder}/{self.notebook}.html"

    @property
    def executed(self) -> str:
        """The run's executed notebook, relative to the reports folder."""
        return f"{self.folder}/{self.notebook}.ipynb"

    @property
    def parameters(self) -> dict:
        return {"county": self.county} if self.county else {}


@dataclass
class Result:
    key: str
    status: str  # ok, failed, up to date
    error: str = ""
    seconds: float = 0.0
    links: list = field(default_factory=list)  # the pages its page links to (:func:`_link_keys`), "" for no neighbour


def _digest_files(paths) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.name).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def code_digest() -> str:
    """The analysis code with the site template, and whether source pages can be linked: every run reads them."""
    code = [p for p in (PROJECT_ROOT / "analysis").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return _digest_files(code) + ("+texts" if report_texts_dir() else "")


def shared_digest(data_dir: Path) -> str:
    """What the index depends on: every table and the code."""
    return hashlib.sha256((_digest_files(Path(data_dir).glob("*.csv")) + code_digest()).encode()).hexdigest()


def job_digests(tables, jobs: list[Job], notebooks_dir: Path = NOTEBOOKS_DIR) -> dict[str, str]:
    """Each run's digest over what it reads (:mod:`analysis.dependencies`): an edit to one county's rows
    changes that county's runs and the overview only."""
    from analysis.dependencies import run_digests

    links = {key: [[j.key for j in county], *(n.key if (n := _nearest(same, i, step)) else None for step in (-1, 1))]
             for key, (county, same, i) in _site_links(tables).items()}
    notebooks = {name: (notebooks_dir / f"{name}.ipynb").read_bytes() for name in {job.notebook for job in jobs}}
    return run_digests(tables, jobs, code_digest(), notebooks, links)


def _links(pages: list[Job]) -> dict[str, tuple[list[Job], list[Job], int]]:
    """For each county run among ``pages``: its county's runs, the runs of its notebook (in county
    order) and its place among them; its page links to those (one pass: a province has thousands)."""
    by_county: dict[str, list[Job]] = {}
    by_notebook: dict[str, list[Job]] = {}
    for job in pages:
        if job.county:
            by_county.setdefault(job.county, []).append(job)
            by_notebook.setdefault(job.notebook, []).append(job)
    return {job.key: (by_county[job.county], same, i) for same in by_notebook.values() for i, job in enumerate(same)}


def _nearest(same: list[Job], i: int, step: int, made=lambda job: True) -> Job | None:
    """The next run from place ``i`` in direction ``step`` whose page is made."""
    i += step
    while 0 <= i < len(same):
        if made(same[i]):
            return same[i]
        i += step
    return None


def plan(tables, counties=None, notebooks=None) -> tuple[list[Job], list[tuple[str, str]]]:
    """The runs to make, and the (county, notebook) pairs skipped for having no data."""
    from analysis.views import domains_with_data

    with_data = domains_with_data(tables)  # one pass: each run plans the whole site for its links
    wanted = notebooks or [*SITE_WIDE, *PER_COUNTY]
    unknown = [n for n in wanted if n not in SITE_WIDE and n not in PER_COUNTY]
    if unknown:
        raise ValueError(f"unknown notebook(s) {', '.join(unknown)}; choose from {', '.join([*SITE_WIDE, *PER_COUNTY])}")
    places = counties or list(tables.counties["county"])
    jobs = [Job(name, None) for name in SITE_WIDE if name in wanted]
    no_data = []
    for county in places:
        for notebook in (n for n in PER_COUNTY if n in wanted):
            if (county, PER_COUNTY[notebook]) in with_data:
                jobs.append(Job(notebook, county))
            else:
                no_data.append((county, notebook))
    return jobs, no_data


# nbclient's words for a kernel that died or did not answer before its first cell (wait_for_ready)
KERNEL_NOT_STARTED = re.compile(r"Kernel (?:died before replying to kernel_info|didn't respond in)")


def run_job(job: Job, data_dir: Path, reports_dir: Path, site_dir: Path, notebooks_dir: Path = NOTEBOOKS_DIR,
            figures_dir: Path = FIGURES_DIR, planned: frozenset = frozenset(), warm: bool = True) -> Result:
    """Execute one notebook into reports/<folder>/, render its page into site/<folder>/.

    Runs in a worker process (local or Dask); everything it needs comes in its arguments. A warm
    run's kernel is forked from a pre-imported parent (:mod:`analysis.warm_kernels`), a cold one
    starts as plain papermill starts it; both give the same notebook.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from analysis.execute import KERNEL_ARGUMENTS

    # The kernel papermill starts inherits these: it reads these tables, writes figures there.
    os.environ["ANALYSIS_DATA_DIR"] = str(Path(data_dir).resolve())
    os.environ["ANALYSIS_FIGURES_DIR"] = str(Path(figures_dir).resolve())
    started = time.perf_counter()
    out = reports_dir / job.executed
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{os.getpid()}.tmp.ipynb")
    error = ""
    manager = {}
    if warm:
        from analysis.warm_kernels import WarmKernelManager

        manager = {"kernel_manager_class": WarmKernelManager}
    # papermill writes the notebook once, as its last step: returning, or raising PapermillExecutionError
    # (the notebook then keeps its error cell), it has written it whole. Anything else it raises may have
    # cut that write short (a full disk left 36,864 bytes of a 254,646-byte notebook), and such a file
    # must never replace the last good one.
    written = False
    try:
        for attempt in range(2):
            try:
                papermill.execute_notebook(str(notebooks_dir / f"{job.notebook}.ipynb"), str(tmp),
                                           parameters=job.parameters, kernel_name="python3", progress_bar=False,
                                           cwd=str(notebooks_dir),
                                           request_save_on_cell_execute=False,  # written once at the end (or on error)
                                           extra_arguments=KERNEL_ARGUMENTS, **manager)
                break
            except RuntimeError as err:
                # a kernel that never started (jupyter_client picks free ports, closes them, and the kernel binds
                # them: another process may take one between, "Address already in use") ran no cell: start it
                # once more; a second failure is the run's
                if attempt or not KERNEL_NOT_STARTED.match(str(err)):
                    raise
        written = True
    except PapermillExecutionError as err:
        written = True
        error = f"{err.ename}: {err.evalue}".strip().splitlines()[-1]
    except Exception as err:  # the kernel died, the notebook is unreadable ...: still one failed run
        error = f"{type(err).__name__}: {err}".strip().splitlines()[-1]
        if isinstance(err, OSError) and (tmp.exists() or err.filename == str(tmp)):  # its write failed
            error = _not_written(out, err)
    if written:
        try:
            _sync(tmp)
            os.replace(tmp, out)
        except OSError as err:
            written, error = False, _not_written(out, err)
    tmp.unlink(missing_ok=True)
    links = []
    if written:
        try:
            links = _render_page(job, out, error, data_dir, site_dir, planned)
        except Exception as err:  # a page that cannot be rendered fails its run, not the batch
            error = error or f"page not rendered: {type(err).__name__}: {err}".strip().splitlines()[0]
    return Result(job.key, "failed" if error else "ok", error, time.perf_counter() - started, links)


def _sync(path: Path) -> None:
    """Have ``path``'s bytes on the disk before it replaces a good notebook: a disk that fails late (EIO)
    says so here, not after the rename. About 1-5 ms, once per run; the pages, which can be made again
    from the notebooks, are not synced (1-5 ms more for each of thousands of pages)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _not_written(out: Path, err: OSError) -> str:
    """One line for an executed notebook that could not be written: which, why, and what is left."""
    kept = "the previous one is kept" if out.is_file() else "there was none before"
    return f"{out}: not written ({err.strerror or err}); {kept}; run the batch again once it can be written"


def _render_page(job: Job, executed: Path, error: str, data_dir: Path, site_dir: Path, planned: frozenset = frozenset()) -> list[str]:
    """Render ``job``'s page from its executed notebook, as a run and a relink both do; returns its :func:`_link_keys`."""
    from analysis.site import render_notebook_page

    info, links = _page_info(job, error, data_dir, site_dir, planned)
    render_notebook_page(executed, site_dir / job.page, info)
    return links


def _page_info(job: Job, error: str, data_dir: Path, site_dir: Path, planned: frozenset = frozenset()):
    """The page's footer and neighbours, and :func:`_link_keys` of those; a neighbour is linked only if this
    batch makes it or it is on disk."""
    from analysis.site import PageInfo
    from analysis.tables import load_tables

    tables = load_tables(data_dir)
    shared = _shared_parts(tables, with_sources=report_texts_dir() is not None)
    src = shared["sources"]
    ids = shared["county_sources"][job.county].split() if job.county else list(src.index)
    cited = [(s, f"{src.at[s, 'title_zh']} {src.at[s, 'title_en']}", f"{src.at[s, 'file']}, lines {int(src.at[s, 'line_start'])}-{int(src.at[s, 'line_end'])}") for s in ids]
    made = lambda j: j == job or j.key in planned or (Path(site_dir) / j.page).is_file()  # noqa: E731
    county_jobs, neighbours = _linked_pages(job, tables, made)
    county_pages = [(f"{j.notebook} ({PER_COUNTY[j.notebook]})", j.page) for j in county_jobs]
    info = PageInfo(f"{job.notebook}.ipynb", job.parameters, cited, error, county_pages,
                    tuple((n.county, n.page) if n else None for n in neighbours), shared["linker"], _county_script(shared, tables, job.county))
    return info, _link_keys(county_jobs, neighbours)


def _county_script(shared: dict, tables, county: str) -> str:
    """The script of a county's sources (simplified for the overview), kept with :func:`_shared_parts`."""
    from analysis.scripts import HANS, county_script

    if not county:
        return HANS
    scripts = shared["scripts"]
    if county not in scripts:
        scripts[county] = county_script(tables, county)
    return scripts[county]


def _linked_pages(job: Job, tables, made) -> tuple[list[Job], tuple]:
    """The runs whose pages ``job``'s page links to: its county's made pages, and the nearest made page of
    its notebook before and after it (None where there is none)."""
    county_jobs, same, i = _site_links(tables).get(job.key, ([], [], 0))
    return [j for j in county_jobs if made(j)], tuple(_nearest(same, i, step, made) for step in (-1, 1))


def _link_keys(county_jobs: list[Job], neighbours: tuple) -> list[str]:
    return [j.key for j in county_jobs] + [n.key if n else "" for n in neighbours]


def _stale_links(everything: list[Job], state: dict, digests: dict, reports_dir: Path, site_dir: Path, tables) -> list[Job]:
    """Current pages whose links no longer match the pages on disk: a page made by a filtered batch
    (``--county``) skipped the neighbours not made yet, and a later batch that makes them would leave it
    so, for its run is up to date. Pages recorded before links were kept, or whose executed notebook is
    gone, are not checked."""
    exists = functools.cache(lambda job: (site_dir / job.page).is_file())
    stale = []
    for job in everything:
        entry = state.get(job.key, {})
        if "links" not in entry or entry.get("digest") != digests[job.key] or not exists(job):
            continue
        if not (reports_dir / job.executed).is_file():
            continue
        if entry["links"] != _link_keys(*_linked_pages(job, tables, exists)):
            stale.append(job)
    return stale


def _relink(stale: list[Job], state: dict, journal, data_dir: Path, reports_dir: Path, site_dir: Path) -> list[str]:
    """Render the pages of ``stale`` again from their executed notebooks (no run), with the links of today's
    site; returns their keys."""
    from tqdm import tqdm

    done = []
    for job in tqdm(stale, desc="pages relinked", unit="page", disable=None):
        entry = state[job.key]
        try:
            links = _render_page(job, reports_dir / job.executed, entry.get("error", ""), data_dir, site_dir)
        except Exception as err:  # the page stays as it was, with its old links: never a reason to fail the batch
            print(f"batch: {job.page} not relinked: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        _record(journal, state, job.key, {**entry, "links": links})
        done.append(job.key)
    return done


_SITE_LINKS: list = [None, {}]  # the tables they were planned from, and the links
_SHARED_PARTS: list = [None, None, {}]  # the tables and whether source pages existed when they were made, and the parts


def _site_links(tables) -> dict:
    """:func:`_links` of the whole plan, kept while the tables are the same object (a worker makes many pages)."""
    if _SITE_LINKS[0] is not tables:
        _SITE_LINKS[:] = [tables, _links(plan(tables)[0])]
    return _SITE_LINKS[1]


def _shared_parts(tables, with_sources: bool) -> dict:
    """What every page shares: the id linker, the sources and each county's sources; kept like the links,
    for each costs time in proportion to the whole site (at 2,800 counties the linker alone took 0.13 s a page)."""
    from analysis.site.links import Linker

    if _SHARED_PARTS[0] is not tables or _SHARED_PARTS[1] != with_sources:
        _SHARED_PARTS[:] = [tables, with_sources, {
            "linker": Linker.from_tables(tables, with_sources=with_sources),
            "sources": tables.sources.set_index("source"),
            "county_sources": dict(zip(tables.counties["county"], tables.counties["sources"])),
            "scripts": {}}]  # county -> script, filled as pages ask
    return _SHARED_PARTS[2]


def _load_state(reports_dir: Path) -> dict:
    """The state file, with the runs its journal recorded since (a killed batch never folded them in)."""
    state = {}
    path = reports_dir / STATE_FILE
    if path.is_file():
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):  # a damaged state only costs reruns, never a wrong "ok"
            state = {}
    journal = reports_dir / JOURNAL_FILE
    if journal.is_file():
        for line in journal.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
                state[record["key"]] = record["entry"]
            except (ValueError, KeyError, TypeError):  # a line cut short by a kill: that run is only rerun
                continue
    return state


def _record(journal, state: dict, key: str, entry: dict) -> None:
    """Add one run's entry to the state and append it to the journal (an open file), so that an interruption
    loses no finished run. ``state`` is the state file and its journal as read under the batch lock, which
    no other batch can change meanwhile."""
    state[key] = entry
    try:
        journal.write(json.dumps({"key": key, "entry": entry}, sort_keys=True) + "\n")
        journal.flush()
    except OSError as err:  # a full disk names no file
        raise named(err, Path(journal.name)) from err


def _fold_journal(reports_dir: Path, state: dict) -> None:
    """Write the whole state (atomically), then drop the journal it now holds; a kill in between only
    leaves lines that say again what the state says."""
    write_text_atomic(reports_dir / STATE_FILE, json.dumps(state, indent=1, sort_keys=True))
    (reports_dir / JOURNAL_FILE).unlink(missing_ok=True)


def _remove_temporary(reports_dir: Path) -> None:
    """Temporary notebooks of runs that did not finish: never a result."""
    for leftover in Path(reports_dir).glob("*/.*.tmp.ipynb"):
        leftover.unlink(missing_ok=True)


def _start_worker(batch: int) -> None:
    """Workers end with their batch, even one killed by SIGKILL: no 900 MB of workers, fork servers and
    kernels left running for nothing (a worker's fork server ends with its worker, and its kernels with it:
    :mod:`analysis.warm_kernels`). And they leave Ctrl-C to the batch, which stops them: no traceback
    from each of them."""
    from analysis.warm_kernels import end_with_parent

    end_with_parent(batch)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_processes(pool) -> None:
    """End the pool's workers and the kernels they started.

    psutil kills the kernels (a worker's descendants, with the fork servers of warm kernels); the workers are killed and joined
    through multiprocessing, which must reap them itself: had psutil reaped a worker, the pool's
    shutdown would see it alive forever and the interpreter would hang at exit.
    """
    import psutil

    workers = list(getattr(pool, "_processes", {}).values())
    kernels = []
    for worker in workers:
        try:
            kernels += psutil.Process(worker.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            pass
    for worker in workers:  # first, so that no worker lives to report its kernel's death or start another
        worker.kill()
    for kernel in kernels:
        try:
            kernel.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(kernels, timeout=5)
    for worker in workers:
        worker.join(5)


def _execute(pending: list[Job], arguments: tuple, jobs: int | None, scheduler: str | None):
    """Yield each run's Result as it finishes, on local processes or on a Dask cluster."""
    if scheduler:
        from distributed import Client
        from distributed import as_completed as dask_completed

        with Client(scheduler) as client:
            futures = [client.submit(run_job, job, *arguments, pure=False) for job in pending]
            try:
                for future in dask_completed(futures):
                    yield future.result()
            except BaseException:
                client.cancel(futures)
                raise
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
    # end_with_parent needs the batch to be the workers' parent, and the thread that makes them to live as long
    # as the batch (it runs it). On Linux they are forked, as by default up to Python 3.13 (3.14 forks them
    # from a server process); elsewhere the default (spawn) makes them from the batch too.
    fork = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(workers, mp_context=fork, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        for future in as_completed([pool.submit(run_job, job, *arguments) for job in pending]):
            yield future.result()
    except BaseException:  # interrupted: waiting for the running notebooks would take minutes
        _stop_processes(pool)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class _TermAsInterrupt:
    """SIGTERM stops a batch as Ctrl-C does (in the main thread only, where signals can be set)."""

    def __enter__(self):
        import threading

        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _interrupt)
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _lock(reports_dir: Path):
    """The output folder's lock; a second batch says whom it waits for, then waits."""
    from filelock import FileLock, Timeout

    Path(reports_dir).mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(Path(reports_dir) / LOCK_FILE))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"batch: another batch is writing to {reports_dir}; waiting for it to finish (Ctrl-C to give up)",
              file=sys.stderr, flush=True)
        lock.acquire()
    return lock


def check_arguments(tables, counties, notebooks) -> None:
    """One line for a county or notebook that is not a known id given as text ("dongying", not 123, nor a bare string
    where a list is wanted, which would be read letter by letter)."""
    for name, given in (("counties", counties), ("notebooks", notebooks)):
        if given is None:
            continue
        if isinstance(given, str) or not all(isinstance(item, str) for item in given):
            raise ValueError(f"{name} must be a list of text ids, such as ['dongying']; got {given!r}")
    valid = set(tables.counties["county"])
    unknown = [county for county in counties or [] if county not in valid]
    if unknown:
        raise ValueError(f"unknown county {unknown[0]!r}. Valid ids: {', '.join(sorted(valid))}")


def run_batch(counties=None, notebooks=None, jobs: int | None = None, force: bool = False,
              data_dir: Path = DATA_DIR, reports_dir: Path = REPORTS_OUT_DIR, site_dir: Path = SITE_DIR,
              notebooks_dir: Path = NOTEBOOKS_DIR, figures_dir: Path = FIGURES_DIR, scheduler: str | None = None,
              warm: bool = True) -> dict:
    """Run the notebooks, then build the site; returns the summary (see :func:`format_summary`).

    ``warm=False`` starts every kernel cold, as plain papermill does (for comparison and benchmarks).

    ``scheduler`` is the address of a Dask distributed scheduler ("tcp://host:8786"): the runs
    then go to its workers, which must see the same files (a shared file system).
    """
    from analysis.tables import load_tables

    tables = load_tables(data_dir)
    check_arguments(tables, counties, notebooks)  # before anything runs: papermill would run a number or a typo on
    todo, no_data = plan(tables, counties, notebooks)
    lock = _lock(reports_dir)
    try:
        with _TermAsInterrupt():
            return _run_locked(tables, todo, no_data, jobs, force, Path(data_dir), Path(reports_dir), Path(site_dir),
                               Path(notebooks_dir), Path(figures_dir), scheduler, warm)
    finally:
        lock.release()


def _run_locked(tables, todo, no_data, jobs, force, data_dir: Path, reports_dir: Path, site_dir: Path,
                notebooks_dir: Path, figures_dir: Path, scheduler, warm: bool) -> dict:
    from tqdm import tqdm

    _remove_temporary(reports_dir)  # from a run that was killed
    shared = shared_digest(data_dir)
    state = _load_state(reports_dir)
    if (reports_dir / JOURNAL_FILE).exists():  # a killed batch's runs: folded in, so this batch's journal starts whole
        _fold_journal(reports_dir, state)
    everything, nothing = plan(tables)
    current = job_digests(tables, everything, notebooks_dir)  # the index shows every page, whatever this run makes
    digests = {job.key: current[job.key] for job in todo}
    if not _mark_index(site_dir):  # a first batch: an index from its start, saying what is on disk and that it runs
        _build_index(tables, everything, state, nothing, site_dir, reports_dir, shared, current)
        _mark_index(site_dir)
    results: dict[str, Result] = {}
    relinked: list[str] = []
    pending = []
    for job in todo:
        previous = state.get(job.key, {})
        fresh = previous.get("status") == "ok" and previous.get("digest") == digests[job.key]
        if fresh and not force and (site_dir / job.page).is_file():
            results[job.key] = Result(job.key, "up to date")
        else:
            pending.append(job)

    interrupted = False
    try:
        if pending:
            arguments = (data_dir, reports_dir, site_dir, notebooks_dir, figures_dir, frozenset(job.key for job in pending), warm)
            with (tqdm(total=len(pending), desc="notebooks", unit="run", disable=None) as bar,
                  open(reports_dir / JOURNAL_FILE, "a", encoding="utf-8") as journal):
                for result in _execute(pending, arguments, jobs, scheduler):
                    results[result.key] = result
                    _record(journal, state, result.key, {"status": result.status, "digest": digests[result.key],
                                                         "error": result.error, "links": result.links})
                    bar.set_postfix_str(f"{result.key}: {result.status}")
                    bar.update()
        stale = _stale_links(everything, state, current, reports_dir, site_dir, tables)
        if stale:
            with open(reports_dir / JOURNAL_FILE, "a", encoding="utf-8") as journal:
                relinked = _relink(stale, state, journal, data_dir, reports_dir, site_dir)
    except KeyboardInterrupt:
        interrupted = True
        _remove_temporary(reports_dir)
    finally:
        if pending or relinked:
            _fold_journal(reports_dir, state)
        # The index describes the whole site, whatever subset this run executed: every page on disk. Rebuilt
        # (or found current), it no longer says a batch is running.
        _build_index(tables, everything, state, nothing, site_dir, reports_dir, shared, current)
        from analysis.site.search import write_search_index  # site/search.html over every page on disk
        write_search_index(site_dir, tables, report_texts_dir(), inputs=shared)
    if interrupted:
        finished = sum(r.status != "up to date" for r in results.values())
        raise BatchInterrupted(finished, len(pending) - finished)
    return {"jobs": [asdict(r) for r in results.values()], "no_data": no_data, "relinked": relinked}


def _mark_index(site_dir: Path) -> bool:
    """Put BATCH_NOTICE on the index (at the top of its main part, under the title); False
    if there is no index to put it on."""
    index = site_dir / "index.html"
    try:
        page = index.read_bytes()
    except FileNotFoundError:
        return False
    if BATCH_NOTICE in page:  # a batch was killed: the index is no truer now
        return True
    at = re.search(rb"<main\b[^>]*>\n?", page) or re.search(rb"<body\b[^>]*>\n?", page)
    if at is None:  # not an index this package wrote: it must not stay unmarked, and is built again
        index.unlink()
        return False
    write_bytes_atomic(index, page[:at.end()] + BATCH_NOTICE + page[at.end():])
    return True


def _unmark_index(index: Path) -> None:
    page = index.read_bytes()
    if BATCH_NOTICE in page:
        write_bytes_atomic(index, page.replace(BATCH_NOTICE, b"", 1))


def _page_status(entry: dict, page: Path, digest: str) -> dict:
    """What the index may truthfully say of one page: ok, failed, out of date, or not run yet."""
    if not entry or not page.is_file():
        return {"status": "not run", "error": ""}
    if entry.get("status") == "ok" and entry.get("digest") != digest:
        return {"status": "out of date", "error": "its inputs changed since this page was built; run make reports"}
    return {"status": entry.get("status", "not run"), "error": entry.get("error", "")}


def _build_index(tables, todo, state, no_data, site_dir: Path, reports_dir: Path, shared: str, digests: dict) -> None:
    """(Re)write site/index.html, unless nothing it shows has changed; either way without BATCH_NOTICE."""
    statuses = {job.key: _page_status(state.get(job.key, {}), site_dir / job.page, digests[job.key])
                for job in todo}
    texts = report_texts_dir()  # with the report texts the index links to source pages, without them it says so
    index_digest = hashlib.sha256((shared + json.dumps([statuses, no_data, texts is not None], sort_keys=True)).encode()).hexdigest()
    marker = reports_dir / ".index-digest"
    index = site_dir / "index.html"
    if index.is_file() and marker.is_file() and marker.read_text() == index_digest:
        _unmark_index(index)
        return
    from analysis.audit import audit_findings
    from analysis.site import build_index, build_source_pages
    from analysis.site.links import Linker

    @functools.cache  # asked for every fact (83,105 at 2,800 counties) of ~11,000 pages
    def page_of(county: str, domain: str) -> str | None:
        notebook = NOTEBOOK_OF_DOMAIN.get(domain)
        page = Job(notebook, county).page if notebook else None
        return page if page and (site_dir / page).is_file() else None

    from analysis.site.sources import coverage_counts

    counted = coverage_counts(tables, texts)  # once, for the source pages and the index
    written = build_source_pages(site_dir / "sources", tables, texts, page_of, counted)
    linker = Linker.from_tables(tables, with_sources=bool(written))
    pages, site_wide = {}, []
    for job in todo:
        entry = statuses[job.key]
        link = {"href": job.page, "label": job.notebook, "status": entry["status"], "error": entry.get("error", "")}
        if job.county:
            pages[(job.county, job.notebook)] = link
        else:
            site_wide.append(link | {"what": SITE_WIDE[job.notebook]})
    build_index(index, tables, audit_findings(tables), pages, site_wide, PER_COUNTY, linker, audit_findings(tables, table="checks"),
                counted)
    write_text_atomic(marker, index_digest)


def format_summary(summary: dict, tables) -> str:
    """A counties x notebooks grid of ok / failed / up to date / no data, and the totals."""
    status = {tuple(job["key"].split("/")): job["status"] for job in summary["jobs"]}
    no_data = {tuple(x) for x in summary["no_data"]}
    width = max(len(c) for c in tables.counties["county"]) + 2
    lines = ["county".ljust(width) + "".join(n.ljust(16) for n in PER_COUNTY)]
    for county in tables.counties["county"]:
        cells = []
        for notebook in PER_COUNTY:
            if (county, notebook) in status:
                cells.append(status[(county, notebook)])
            elif (county, notebook) in no_data:
                cells.append("no data")
            else:
                cells.append("-")
        if any(c != "-" for c in cells):
            lines.append(county.ljust(width) + "".join(c.ljust(16) for c in cells))
    for name in SITE_WIDE:
        if ("overview", name) in status:
            lines.append(f"{'overview' if name == OVERVIEW else name}: {status[('overview', name)]}")
    counts: dict[str, int] = {}
    for s in [*status.values(), *["no data"] * len(summary["no_data"])]:
        counts[s] = counts.get(s, 0) + 1
    lines.append("total: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if summary.get("relinked"):
        lines.append(f"pages relinked to neighbours made since (not run again): {len(summary['relinked'])}")
    for job in summary["jobs"]:
        if job["status"] == "failed":
            lines.append(f"FAILED {job['key']}: {job['error']}")
    return "\n".join(lines)
