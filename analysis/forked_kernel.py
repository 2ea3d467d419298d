"""The kernel class of warm kernels: ipykernel's own, without listing every loaded module again.

``IPythonKernel.__init__`` lists the file of every module in ``sys.modules`` for its debugger's
"just my code" rules. In a kernel forked from the fork server, that walk touches each of the
server's ~2,000 module objects and file names, and each touch copies a page the kernel shared
with the server: about 1,700 page copies (7,130 -> 5,445 faults in an empty kernel) and 10-25 ms
of CPU a kernel on this 2-core VM, for a debugger that a batch never starts. Here the list is
made once, in the server (:func:`snapshot_modules`), from small copies packed together, and every
kernel it forks reads that. Nothing a notebook sees changes: the kernel, its shell and its outputs
are ipykernel's (a test compares warm and cold notebooks).
"""

from __future__ import annotations

import sys
import threading
from types import SimpleNamespace

import ipykernel.ipkernel
from ipykernel.ipkernel import IPythonKernel

_server_modules: dict[str, SimpleNamespace] = {}
_lock = threading.Lock()


class _ListedModules:
    """``sys`` as IPythonKernel.__init__ sees it while it lists the modules: the server's snapshot as
    ``modules``, everything else the real ``sys``."""

    modules = _server_modules

    def __getattr__(self, name):
        return getattr(sys, name)


def snapshot_modules() -> int:
    """In the fork server, after its imports: each module's file as a fresh string in a small object
    made now, side by side, so that reading them all copies few pages. Returns how many."""
    _server_modules.clear()
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path:
            _server_modules[name] = SimpleNamespace(__file__="".join([path[:1], path[1:]]))  # a copy, not the module's
    return len(_server_modules)


class ForkedKernel(IPythonKernel):
    """IPythonKernel whose module list is the fork server's snapshot (empty without one: nothing listed)."""

    def __init__(self, **kwargs):
        with _lock:  # ipykernel's module-level ``sys`` is swapped only while its __init__ lists the modules
            ipykernel.ipkernel.sys = _ListedModules()
            try:
                super().__init__(**kwargs)
            finally:
                ipykernel.ipkernel.sys = sys
