"""Load the raw tables under data/ and validate them; every error names file, row and column."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from analysis.paths import DATA_DIR
from analysis.rows import Columns, Row, RowsById
from analysis.schemas import COLUMNS, NUMERIC_COLUMNS, schemas

TABLES = tuple(COLUMNS)  # load order: vocabularies before the tables that use them
ID_COLUMN = {"sources": "source", "counties": "county", "measures": "measure", "theme_codes": "theme",
             "facts": "fact_id", "lists": "list_id", "findings": "finding_id",
             "checks": "finding_id", "readings": "reading_id"}


class DataError(Exception):
    """Raised when a table under data/ is unreadable or invalid; lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Tables:
    """Every validated table; numeric columns as floats (NaN where empty), the rest as str."""

    sources: pd.DataFrame
    counties: pd.DataFrame
    measures: pd.DataFrame
    theme_codes: pd.DataFrame
    facts: pd.DataFrame
    lists: pd.DataFrame
    findings: pd.DataFrame
    checks: pd.DataFrame  # consistency checks the ledger adds; not claims of the reports
    readings: pd.DataFrame  # other reasonable readings of a finding, each recomputed
    themes: pd.DataFrame
    data_dir: Path

    def fact(self, fact_id: str) -> Mapping:
        """One fact's cells by column, read-only. Not a DataFrame row: ``.loc`` took 0.3 ms a lookup, and
        auditing 200 synthetic counties for the site's index makes 11,000 of them."""
        return self._facts_by_id[fact_id]

    @cached_property
    def _facts_by_id(self) -> RowsById:
        return RowsById(self.facts, "fact_id")

    def readings_of(self, finding_id: str) -> list[Mapping]:
        """The other readings of one finding (data/readings.csv), in the table's order, read-only."""
        return self._readings_by_finding.get(finding_id, [])

    @cached_property
    def _readings_by_finding(self) -> dict[str, list[Mapping]]:
        columns = Columns(self.readings)
        by_finding: dict[str, list[Mapping]] = {}
        for i, finding_id in enumerate(columns["finding_id"]):
            by_finding.setdefault(finding_id, []).append(Row(columns, i))
        return by_finding

    @cached_property
    def lists_by_id(self) -> Mapping[str, Mapping]:
        """Each list's cells by column, read-only, by list id (rows, as facts are: not ``.loc``)."""
        return RowsById(self.lists, "list_id")


def _display(path: Path, data_dir: Path) -> str:
    try:
        return str(Path(data_dir.name) / path.relative_to(data_dir))
    except ValueError:
        return path.name


MAX_ROWS = 500_000  # a table's rows; all ~2,800 county-level divisions at ~100 facts each fit, with room
CACHE_ENTRIES = 8  # validated versions of the tables kept in the cache; the oldest go first


def read_table(path: Path, name: str, label: str) -> pd.DataFrame:
    """Read one CSV strictly as UTF-8 text, every cell a string ("" when empty).

    A table of more than MAX_ROWS rows is refused before it is parsed: validating it would take
    minutes and gigabytes (a million rows took 1 min 42 s and 2.4 GB).
    """
    if not path.is_file():
        raise DataError([f"{label}: file not found"])
    raw = path.read_bytes()
    lines = raw.count(b"\n")
    if lines > MAX_ROWS + 1:
        raise DataError([f"{label}: about {lines - 1:,} rows; a table may have at most {MAX_ROWS:,}. "
                         "Split the collection into several data folders (one per province) and run each with --data-dir"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        raise DataError([f"{label}, row {row}: not UTF-8 (byte 0x{raw[err.start]:02x}); save the file as UTF-8, not GBK"]) from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise DataError([f"{label}: empty file, expected a header row"])
    header, problems = rows[0], []
    missing = [c for c in COLUMNS[name] if c not in header]
    extra = [c for c in header if c not in COLUMNS[name]]
    problems += [f"{label}, row 1, column '{c}': missing column" for c in missing]
    problems += [f"{label}, row 1, column '{c}': unknown column" for c in extra]
    problems += [
        f"{label}, row {i}: {len(r)} cells, header has {len(header)}" for i, r in enumerate(rows[1:], start=2) if len(r) != len(header)
    ]
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(rows[1:], columns=header, dtype=object).astype(str)  # str even when empty
    frame.index = range(2, len(rows) + 1)  # the index is the row number in the file
    return frame


def _messages(err: pa.errors.SchemaErrors, label: str, frame: pd.DataFrame) -> list[str]:
    out = []
    for _, case in err.failure_cases.iterrows():
        row = int(case["index"]) if pd.notna(case["index"]) else 1
        if case["schema_context"] == "Column":
            out.append(f"{label}, row {row}, column '{case['column']}': {case['failure_case']!r}: {case['check']}")
        elif row > 1:  # a check across columns: show the row's cells it names
            columns = [c for c in case["check"].split(":")[0].removeprefix("columns ").split("/") if c in frame]
            cells = ", ".join(f"{c}={frame.at[row, c]!r}" for c in columns)
            out.append(f"{label}, row {row}: {case['check']} ({cells})")
        else:
            out.append(f"{label}, row 1: {case['check']}: {case['failure_case']}")
    return sorted(dict.fromkeys(out), key=_row_order)  # frame-level checks repeat once per column


def _row_order(message: str) -> tuple[str, int]:
    label, _, rest = message.partition(", row ")
    digits = rest.split(":")[0].split(",")[0]
    return label, int(digits) if digits.isdigit() else 0


def _vocab(frames: dict[str, pd.DataFrame]) -> dict:
    return {
        "source": set(frames["sources"]["source"]),
        "county": set(frames["counties"]["county"]),
        "measure": set(frames["measures"]["measure"]),
        "theme": set(frames["theme_codes"]["theme"]),
        "fact_id": set(frames["facts"]["fact_id"]),
        "list_id": set(frames["lists"]["list_id"]),
        "finding_id": set(frames["findings"]["finding_id"]),
        "measure_unit": dict(zip(frames["measures"]["measure"], frames["measures"]["unit"])),
    }


def load_tables(data_dir: Path | str = DATA_DIR) -> Tables:
    """Read and validate every table in ``data_dir``.

    Validation runs once per version of the tables and of the code that validates them: the
    validated tables are kept in a cache keyed by both, so that the batch's many notebook
    kernels do not each re-validate every county (which made a run's cost grow with the data).

    Raises
    ------
    DataError
        Listing every problem as "data/<file>.csv, row N, column 'c': ...".
    """
    data_dir = Path(data_dir).resolve()
    return _load_cached(data_dir, _stat_key(data_dir))  # an edited table is never served stale


def _stat_key(data_dir: Path) -> tuple:
    """The tables' sizes and modification times: a cheap key for the in-memory cache (the disk cache hashes the content)."""
    def stat(path: Path):
        try:
            found = path.stat()
            return found.st_size, found.st_mtime_ns
        except OSError:
            return None
    return tuple(stat(data_dir / f"{name}.csv") for name in TABLES)


def reload_tables(data_dir: Path | str = DATA_DIR) -> Tables:
    """``load_tables`` with the in-memory cache emptied: for a process that has just rewritten a table, whose
    size and modification time (the cache's key) could match the old ones on a file system with coarse times."""
    _load_cached.cache_clear()
    return load_tables(data_dir)


def _cache_dir() -> Path:
    base = os.environ.get("ANALYSIS_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "township-reform-audit"
    return Path(base)


def _content_key(data_dir: Path) -> str:
    """Digest of the tables, the validating code, and the pandas version the pickle needs."""
    h = hashlib.sha256(pd.__version__.encode())
    here = Path(__file__).parent
    for path in [*(data_dir / f"{name}.csv" for name in TABLES),
                 *(here / f for f in ("tables.py", "schemas.py", "numbers.py", "windows.py", "rules.py"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path, stamp: tuple) -> Tables:
    from analysis.outputs import write_bytes_atomic

    key = _content_key(data_dir)
    cached = _cache_dir() / f"tables-{key}.pickle"
    if cached.is_file():
        try:
            tables = pickle.loads(cached.read_bytes())
            return Tables(**{**tables.__dict__, "data_dir": data_dir})
        except Exception:  # an unreadable cache entry is only a cache miss
            pass
    tables = _load_tables(data_dir)
    try:
        write_bytes_atomic(cached, pickle.dumps(tables))
        _prune_cache(cached.parent)
    except OSError:  # a read-only home still works, just without the cache
        pass
    return tables


def _prune_cache(folder: Path) -> None:
    """Keep the CACHE_ENTRIES newest validated versions; each edit of the tables makes a new one."""
    entries = sorted(folder.glob("tables-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[CACHE_ENTRIES:]:
        old.unlink(missing_ok=True)
    for leftover in folder.glob(".tables-*.tmp"):  # from a write that was killed
        if entries and leftover.stat().st_mtime < entries[0].stat().st_mtime:
            leftover.unlink(missing_ok=True)


def _shared_namespace(frames: dict[str, pd.DataFrame], data_dir: Path) -> list[str]:
    """Fact and list ids share one namespace (an input names either), as do findings and checks."""
    problems = []
    for name, other in (("lists", "facts"), ("checks", "findings")):
        key, other_key = ID_COLUMN[name], ID_COLUMN[other]
        rows = dict(zip(frames[other][other_key], frames[other].index))
        label = _display(data_dir / f"{name}.csv", data_dir)
        for row, value in frames[name][key].items():
            if value in rows:
                problems.append(f"{label}, row {row}, column '{key}': {value!r} is also a {other_key} "
                                f"(data/{other}.csv row {rows[value]}); ids must be unique across both tables")
    return problems


def _load_tables(data_dir: Path) -> Tables:
    frames, problems = {}, []
    for name in TABLES:
        path = data_dir / f"{name}.csv"
        try:
            frames[name] = read_table(path, name, _display(path, data_dir))
        except DataError as err:
            problems += err.problems
    if problems:
        raise DataError(problems)
    import pandera.pandas as pa  # here: only a change to the tables needs it (see schemas)

    for name, schema in schemas(_vocab(frames)).items():
        try:
            schema.validate(frames[name], lazy=True)
        except pa.errors.SchemaErrors as err:
            problems += _messages(err, _display(data_dir / f"{name}.csv", data_dir), frames[name])
    problems += _shared_namespace(frames, data_dir)
    if frames["findings"].empty:  # an audit of nothing would print an empty table and pass
        problems.append(f"{_display(data_dir / 'findings.csv', data_dir)}: no findings; the ledger needs at least one row")
    if problems:
        raise DataError(problems)
    for name, columns in NUMERIC_COLUMNS.items():
        for column in columns:
            frames[name][column] = pd.to_numeric(frames[name][column].replace("", None)).astype(float)
    return Tables(**{name: frame.reset_index(drop=True) for name, frame in frames.items()}, data_dir=data_dir)
