"""Every case of the fault corpus (cases.py): its exit code, its one-line message, no traceback, and nothing
half-written: the data folder and earlier good outputs are as they were."""

from __future__ import annotations

import hashlib
import re
import shutil
import sys
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.paths import DATA_DIR
from tests.faults.cases import CASES as BASE_CASES


def _all_cases() -> list:
    """cases.py and every tests/faults/cases_*.py module (security, writes, meaning ...): one corpus."""
    import importlib
    import pkgutil

    import tests.faults as package

    cases = list(BASE_CASES)
    for module in sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("cases_")):
        cases += importlib.import_module(f"tests.faults.{module}").CASES
    return cases


CASES = _all_cases()

EARLIER = "earlier good output\n"


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    """main() as `python -m analysis` runs it: a SystemExit's message goes to stderr with code 1."""
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_corpus_has_at_least_sixty_cases():
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_fault(case, tmp_path, capsys, monkeypatch):
    data, out, scratch = tmp_path / "data", tmp_path / "out", tmp_path / "scratch"
    shutil.copytree(DATA_DIR, data)
    scratch.mkdir()
    out.mkdir()
    (out / "audit.csv").write_text(EARLIER, encoding="utf-8")
    (scratch / "a-file").write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANALYSIS_DEBUG", raising=False)
    fill = {"data": str(data), "out": str(out), "file": str(scratch / "a-file"), "tmp": str(scratch)}
    for name, value in case.env.items():
        monkeypatch.setenv(name, value.format(**fill))
    if case.mutate:
        case.mutate(data, scratch)
    data_before, out_before = _snapshot(data), _snapshot(out)

    code, stdout, stderr = run_cli([a.format(**fill) for a in case.argv], capsys)

    assert "Traceback" not in stderr + stdout
    assert code == case.code, stderr or stdout
    assert re.search(case.message, stderr + stdout), (stderr + stdout)[:2000]
    assert _snapshot(data) == data_before  # no command here may write into the tables
    if code:
        assert _snapshot(out) == out_before  # a refused command leaves earlier outputs as they were
        assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.tmp.ipynb"))
