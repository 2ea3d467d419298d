"""Warm kernels: each notebook gets a fresh kernel process forked from a parent that has already
imported the libraries and the package, so a run pays for its own cells, not for starting Python
and importing pandas, matplotlib, seaborn, statsmodels and the package again (about 3 s
of CPU a run).

Isolation is the fork's: every kernel is a new process, a copy of the same pristine parent, which
has imported modules and run nothing else; no kernel ever sees another's state. The package reads
two folders from the environment as it is imported (analysis.paths), and its code may change
between batches: a server serves only launches with the environment and the code it imported
with, and is replaced otherwise.

Design: one fork server per worker process (a local batch worker or a Dask worker), started on
first use with ``python -m analysis.warm_kernels``; it reads launch requests (JSON lines) on its
stdin and answers with the kernel's pid. :class:`WarmKernelManager` is jupyter_client's
AsyncKernelManager with a provisioner that asks the server instead of calling Popen, so nbclient
and papermill work unchanged (parameters cell, error cells, outputs). The server exits when its
worker goes (end of its stdin) and takes its kernels with it; a kernel ends with the server, even
one killed by SIGKILL (:func:`end_with_parent`).
"""

from __future__ import annotations

import gc
import importlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner
from traitlets import default

# What a notebook's kernel imports before its first cell can use it (measured: ~2 s of CPU).
# Not matplotlib_inline's backend: importing it inside a kernel is what hooks it into the shell.
# The list is what the package imports, directly or when it draws and saves a figure.
PRELOAD = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "matplotlib.backends.backend_agg",
           "matplotlib.backends.backend_svg", "fontTools.ttLib", "mplfonts", "seaborn", "statsmodels.stats.proportion",
           "cn2an", "nbformat", "IPython", "ipykernel.kernelapp",
           # and what a kernel imports as it starts (its debugger, history, completer)
           "ipykernel.ipkernel", "ipykernel.debugger", "IPython.core.completerlib", "IPython.extensions.storemagic",
           "sqlite3", "pdb", "psutil", "tornado.queues", "tornado.platform.asyncio", "IPython.core.debugger",
           "IPython.core.oinspect", "IPython.core.logger", "IPython.utils.wildcard", "runpy", "faulthandler",
           # last, the package, but not analysis.views or analysis.overview: importing those in a
           # kernel is what installs the reviewer tables' HTML formatter into its shell
           "analysis.tables", "analysis.audit", "analysis.indicators", "analysis.figures", "analysis.display",
           "analysis.forked_kernel")
PACKAGE_ENVIRONMENT = ("ANALYSIS_DATA_DIR", "ANALYSIS_FIGURES_DIR")  # what analysis.paths reads at import
QUIET_DEBUGGER = "PYDEVD_DISABLE_FILE_VALIDATION"
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"  # what ipykernel itself sets before a cell runs
SOCKET_PREFIX = "warm-kernel-"  # the kernels' Unix sockets, in the temporary folder


# -- lifetimes ------------------------------------------------------------------------------------

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def end_with_parent(parent: int) -> None:
    """Have this process, just made by ``parent``, end when ``parent`` ends, even by SIGKILL (which runs no
    handler, so nothing of the parent's can stop its children).

    On Linux the kernel sends SIGKILL as the parent goes (prctl PR_SET_PDEATHSIG; it watches the thread
    that made this process, so only a process made by a thread that lives as long as the parent may ask
    for it); elsewhere a thread checks the parent every half second. A parent that ended before the
    request took hold is seen at once: this process has another parent by then.
    """
    if not _death_signal():
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, name="end-with-parent", daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def _death_signal() -> bool:
    """Ask Linux for SIGKILL when this process's parent ends; False where it cannot be had."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


# -- the server (its own process) ---------------------------------------------------------------

def serve() -> None:
    """Pre-import, then fork one kernel per request until stdin closes."""
    # As ipykernel does at start: matplotlib reads its backend once, at import.
    if not os.environ.get("MPLBACKEND"):
        os.environ["MPLBACKEND"] = INLINE_BACKEND
    replies = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # an import's stray print must not corrupt the replies
    _import_as_in_a_kernel(PRELOAD)
    _warm_up()
    from analysis.forked_kernel import snapshot_modules

    snapshot_modules()  # the list each kernel would otherwise make by touching every module (see forked_kernel)
    # What the imports made is never freed; the cyclic collector of each kernel need not walk it
    # again, and by not touching it leaves its pages shared with the server (about 0.06 s a kernel).
    gc.freeze()
    children: set[int] = set()
    server = os.getpid()

    def reap(signum, frame):
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            children.discard(pid)

    signal.signal(signal.SIGCHLD, reap)
    try:
        if threading.active_count() > 1:  # forking a threaded process copies locks held by other threads
            replies.write(json.dumps({"error": f"{threading.active_count()} threads after the imports"}) + "\n")
            return
        replies.write(json.dumps({"ready": os.getpid()}) + "\n")
        for line in sys.stdin:
            request = json.loads(line)
            try:
                pid = os.fork()
            except OSError as err:
                replies.write(json.dumps({"error": f"fork failed: {err}"}) + "\n")
                continue
            if pid == 0:
                _become_kernel(request, replies.fileno(), server)
            children.add(pid)
            replies.write(json.dumps({"pid": pid}) + "\n")
    except (BrokenPipeError, KeyboardInterrupt):
        pass  # the worker is gone (killed by an interrupted batch): nothing to tell it
    finally:
        for pid in list(children):  # the kernels must not outlive their worker
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        os._exit(0)  # no flush of a reply pipe whose reader may be gone


class _KernelShell:
    kernel = "forked later"


def _import_as_in_a_kernel(modules) -> None:
    """Import as a kernel's first cell would: where a library asks at import whether it runs in a
    kernel (pandas sizes its tables to a terminal, or to 20 columns in a kernel), it is told yes."""
    import builtins

    builtins.get_ipython = _KernelShell  # what IPython puts there while a cell runs; called, it has a .kernel
    # and a kernel's stdout names its encoding "UTF-8" (ipykernel's OutStream), which pandas takes at import
    # as its display.encoding; the server's own stdout would say "utf-8"
    stdout = sys.stdout
    sys.stdout = io.TextIOWrapper(stdout.buffer, encoding="UTF-8", line_buffering=True)
    # pydevd (the kernel's debugger) would warn on the terminal that Python's frozen modules may hide
    # breakpoints; a kernel imports it where the warning is lost. Batch kernels are never debugged.
    previous = os.environ.get(QUIET_DEBUGGER)
    os.environ[QUIET_DEBUGGER] = "1"
    try:
        for module in modules:
            importlib.import_module(module)
    finally:
        del builtins.get_ipython
        sys.stdout.flush()
        sys.stdout.detach()  # not close: the buffer is the real stdout's
        sys.stdout = stdout
        if previous is None:
            del os.environ[QUIET_DEBUGGER]
        else:
            os.environ[QUIET_DEBUGGER] = previous


def _warm_up() -> None:
    """Read the batch's tables and audit one county with them, as each county's notebook does first.

    What stays behind is memory, never output: load_tables' (keyed by the files' sizes and times: an
    edit since is read again), the audit's parsed numbers, and pandas' and pyarrow's internal caches,
    which each kernel would otherwise fill again (about 0.02 s a run here; the tables alone take 0.05 s
    at 2,800 counties). And matplotlib's mathtext grammar, which it builds once per process on the first
    label it parses (a log axis's "10^2"), keeps on its class and resets at every parse: about 0.045 s
    of each kernel that draws a log axis. Nothing here draws, displays or warns: analysis.views, the
    figure style and matplotlib's settings are untouched, and warnings are silenced and their
    registries reset after.
    """
    import warnings

    try:
        from matplotlib.mathtext import MathTextParser

        from analysis.audit import audit_findings
        from analysis.indicators import compute_indicators
        from analysis.tables import load_tables

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            MathTextParser("path").parse(r"$\mathdefault{10^{2}}$")
            tables = load_tables()
            if len(tables.findings):
                county = tables.findings["county"].iloc[0]
                audit_findings(tables, county)
                compute_indicators(tables, county)
    except Exception:  # invalid tables: each notebook meets the error itself, in its own output
        pass


def _become_kernel(request: dict, replies_fd: int, server: int) -> None:
    """In the forked child: take the launch's environment, folder and arguments, run ipykernel, exit."""
    code = 1
    try:
        # The server has one thread, which lives as long as it does: a kernel may ask to die with it.
        end_with_parent(server)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()  # as jupyter_client's launcher does: interrupts go to the kernel's own group
        os.close(replies_fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.environ.clear()
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        sys.path[0] = os.getcwd()  # `python -m ipykernel_launcher` puts the working folder first
        from ipykernel import kernelapp

        from analysis.forked_kernel import ForkedKernel

        # The kernel watches its real parent, the server (the environment's pid is the worker's).
        kernelapp.launch_new_instance([*request["arguments"], f"--IPKernelApp.parent_handle={os.getppid()}"],
                                      kernel_class=ForkedKernel)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


# -- the client side (in the process that runs nbclient) -----------------------------------------

class _Server:
    """This process's fork server, started on first use; one launch at a time (Dask may use threads)."""

    _lock = threading.Lock()
    _process: subprocess.Popen | None = None
    _key: tuple = ()
    _finalizer = None

    @classmethod
    def launch(cls, arguments: list[str], env: dict, cwd: str) -> int:
        key = _server_key(env)
        with cls._lock:
            try:
                if cls._process is None or cls._process.poll() is not None or cls._key != key:
                    cls.stop()  # another data folder, or edited code: its imports are not this launch's
                    cls._start(env)
                    cls._key = key
                cls._process.stdin.write(json.dumps({"arguments": arguments, "env": env, "cwd": cwd}) + "\n")
                cls._process.stdin.flush()
                reply = json.loads(cls._process.stdout.readline() or '{"error": "the fork server died"}')
            except OSError as err:
                reply = {"error": f"the fork server is gone ({err})"}
        if "error" in reply:
            raise RuntimeError(f"warm kernel not started: {reply['error']}")
        return reply["pid"]

    @classmethod
    def _start(cls, env: dict) -> None:
        from multiprocessing.util import Finalize

        remove_stale_sockets()  # a killed batch's kernels left theirs
        cls._process = subprocess.Popen([sys.executable, "-m", "analysis.warm_kernels"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True, cwd=str(Path(__file__).parent.parent), env=env)
        ready = json.loads(cls._process.stdout.readline() or '{"error": "the fork server did not start"}')
        if "ready" not in ready:
            cls.stop()
            raise RuntimeError(f"warm kernels unavailable: {ready['error']}")
        # Run at exit by a multiprocessing worker too (which skips atexit): the server is waited for,
        # so it leaves no zombie and its kernels' CPU time is counted in this process's children.
        if cls._finalizer is None:
            cls._finalizer = Finalize(cls, cls.stop, exitpriority=10)

    @classmethod
    def stop(cls) -> None:
        process, cls._process = cls._process, None
        if process is not None:
            process.stdin.close()  # the server's end of input: it stops its kernels and exits
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def remove_stale_sockets(folder: str | None = None) -> int:
    """Remove the warm kernels' socket files that nothing listens on any more, and say how many.

    jupyter_client removes a kernel's sockets when it shuts the kernel down; a batch killed with
    SIGKILL leaves them. A socket that still accepts a connection belongs to a live kernel (of
    another batch, perhaps) and is kept; so is anything that is not a socket.
    """
    import socket
    import stat

    removed = 0
    for path in Path(folder or tempfile.gettempdir()).glob(f"{SOCKET_PREFIX}*"):
        try:
            if not stat.S_ISSOCK(path.lstat().st_mode):
                continue
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(path))
        except ConnectionRefusedError:  # nobody listens: a dead kernel's
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        except OSError:  # gone meanwhile, another user's, a path too long: not ours to judge
            pass
    return removed


def _server_key(env: dict) -> tuple:
    """What a server's imports depend on: the folders analysis.paths read, and the package's files."""
    code = Path(__file__).parent
    files = tuple((str(p), s.st_mtime_ns, s.st_size) for p in sorted(code.rglob("*.py")) for s in [p.stat()])
    return tuple(env.get(name) for name in PACKAGE_ENVIRONMENT), files


class _ForkedKernel:
    """What LocalProvisioner expects of a Popen, for a kernel that is the fork server's child."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        import psutil

        try:
            alive = psutil.Process(self.pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            alive = False
        if not alive and self.returncode is None:
            self.returncode = 0  # the server reaps it; its exit code is not ours to read
        return None if alive else self.returncode

    def wait(self, timeout=None) -> int:
        while self.poll() is None:
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)
        self.returncode = -signal.SIGKILL

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


def _is_python_kernel(cmd: list[str]) -> bool:
    return len(cmd) >= 3 and cmd[1:3] == ["-m", "ipykernel_launcher"] and Path(cmd[0]).resolve() == Path(sys.executable).resolve()


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"warning: {message}", file=sys.stderr, flush=True)


class WarmProvisioner(LocalProvisioner):
    """LocalProvisioner whose Python kernels come from the fork server; any other kernel starts cold."""

    async def launch_kernel(self, cmd: list[str], **kwargs):
        if not _is_python_kernel(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        env = {**(kwargs.get("env") or os.environ)}
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            self.process = _ForkedKernel(_Server.launch(cmd[3:], env, cwd))
        except RuntimeError as err:  # warm kernels are a saving, never a reason for a run to fail
            _warn_once(f"{err}; starting kernels cold")
            return await super().launch_kernel(cmd, **kwargs)
        self.pid = self.pgid = self.process.pid  # the child called setsid: its group is its pid
        self.cwd = cwd
        return self.connection_info


class WarmKernelManager(AsyncKernelManager):
    """nbclient's default kernel manager, launching through :class:`WarmProvisioner`, over Unix sockets.

    Over TCP, jupyter_client picks "free" ports in each worker on its own (its port cache is per
    process), so two workers' kernels can be handed the same port, and one dies with "Address
    already in use". A kernel's IPC sockets are files named after its manager, never shared.
    """

    @default("transport")
    def _transport_default(self) -> str:
        return "ipc"

    @default("ip")
    def _ip_default(self) -> str:
        if self.transport != "ipc":
            return super()._ip_default()
        # the sockets are <ip>-1 ... <ip>-5; short enough for a socket's path limit (107 bytes)
        return os.path.join(tempfile.gettempdir(), f"{SOCKET_PREFIX}{uuid.uuid4().hex[:16]}")

    async def _async_pre_start_kernel(self, **kw):
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = WarmProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
        return await super()._async_pre_start_kernel(**kw)


if __name__ == "__main__":
    serve()
