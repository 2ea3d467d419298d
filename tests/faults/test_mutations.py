"""Random mutations of the tables (a cell deleted, swapped, garbled, a file re-encoded) end in OK or in a clear
error, never a traceback, and quickly; the validation cache stays bounded."""

from __future__ import annotations

import csv
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.paths import DATA_DIR
from analysis.tables import CACHE_ENTRIES, TABLES, load_tables, reload_tables
from tests.faults.test_faults import run_cli

GARBAGE = st.text(alphabet=st.sampled_from(list("0123456789.,%％-—~约余多近以上不到一半万亿元个项名人abc xyz\"'\n;，。、")),
                  max_size=12)
ENCODINGS = ("gbk", "utf-16", "big5", "latin-1")


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@st.composite
def mutations(draw):
    table = draw(st.sampled_from(TABLES))
    rows = _rows(DATA_DIR / f"{table}.csv")
    row = draw(st.integers(1, len(rows) - 1))
    column = draw(st.integers(0, len(rows[0]) - 1))
    kind = draw(st.sampled_from(["delete", "swap", "garble", "re-encode", "drop-row", "duplicate-row"]))
    if kind == "delete":
        rows[row][column] = ""
    elif kind == "swap":
        other = draw(st.integers(0, len(rows[0]) - 1))
        rows[row][column], rows[row][other] = rows[row][other], rows[row][column]
    elif kind == "garble":
        rows[row][column] = draw(GARBAGE)
    elif kind == "drop-row":
        del rows[row]
    elif kind == "duplicate-row":
        rows.insert(row, list(rows[row]))
    encoding = draw(st.sampled_from(ENCODINGS)) if kind == "re-encode" else "utf-8"
    return table, rows, encoding, kind


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=mutations())
def test_a_mutated_table_gives_ok_or_a_clear_error_never_a_traceback(mutation, capsys, monkeypatch, tmp_path_factory):
    table, rows, encoding, kind = mutation
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "mutation-cache"))
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        shutil.copytree(DATA_DIR, data)
        with open(data / f"{table}.csv", "w", encoding=encoding, errors="replace", newline="") as f:
            csv.writer(f).writerows(rows)
        started = time.perf_counter()
        code, stdout, stderr = run_cli(["--data-dir", str(data), "audit"], capsys)
        seconds = time.perf_counter() - started
    assert "Traceback" not in stdout + stderr and "internal error" not in stderr, (kind, table, stderr)
    assert code in (0, 1), (kind, table, stderr)
    if code:
        assert stderr.startswith("error: ") and "data/" in stderr, (kind, table, stderr)  # names the file
    assert seconds < 20


def test_the_validation_cache_keeps_only_its_newest_entries(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / ".tables-killed.arrow.1.tmp").write_bytes(b"half")  # a write that was killed
    for i in range(CACHE_ENTRIES + 3):  # each edit of the tables is a new version
        rows = _rows(data / "counties.csv")
        rows[1][rows[0].index("name_en")] = f"edit {i}"
        with open(data / "counties.csv", "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        reload_tables(data)
        time.sleep(0.01)
    kept = list((tmp_path / "cache").glob("tables-*.arrow"))
    assert len(kept) == CACHE_ENTRIES
    assert not list((tmp_path / "cache").glob(".tables-*.tmp"))
    assert load_tables(data).counties.iloc[0]["name_en"] == f"edit {CACHE_ENTRIES + 2}"  # the newest is served
