"""Defer a dependency's import-time work that no run of ours uses.

jsonschema, which nbformat (and so papermill, nbclient and nbconvert) imports, imports
rfc3987_syntax when it is installed (Jupyter's event schemas want it), and that package builds an
Earley parser for RFC 3987 at import: about 1.4 s of CPU in every process that reads a notebook,
a third of a batch worker's start. Notebook schemas check no IRI, so a stand-in package defers
the build to the first IRI check, which then behaves exactly as before.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

RFC3987 = "rfc3987_syntax"


def defer_rfc3987_syntax() -> None:
    """Put a stand-in for rfc3987_syntax in sys.modules unless it is imported already or absent."""
    if RFC3987 in sys.modules:
        return
    spec = importlib.util.find_spec(RFC3987)
    if spec is None or not spec.submodule_search_locations:
        return
    stand_in = types.ModuleType(RFC3987, "Stand-in: the grammar is built on first use (analysis.lazy_imports).")
    stand_in.__path__ = list(spec.submodule_search_locations)  # its submodules import from the real files

    def is_valid_syntax(term: str, value: str) -> bool:
        real = importlib.import_module(f"{RFC3987}.syntax_helpers")  # builds the grammar, once
        stand_in.is_valid_syntax = real.is_valid_syntax
        return real.is_valid_syntax(term, value)

    stand_in.is_valid_syntax = is_valid_syntax  # the one name jsonschema imports from it
    sys.modules[RFC3987] = stand_in
