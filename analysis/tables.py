"""Load the raw tables under data/ and validate them; every error names file, row and column."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from analysis.consistency import meaning_problems
from analysis.extraction.text import utf16_order
from analysis.paths import DATA_DIR
from analysis.rows import Columns, Row, RowsById
from analysis.schemas import COLUMNS, NUMERIC_COLUMNS, schemas

TABLES = tuple(COLUMNS)  # load order: vocabularies before the tables that use them
ID_COLUMN = {"sources": "source", "counties": "county", "measures": "measure", "theme_codes": "theme", "glossary": "zh",
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
    glossary: pd.DataFrame  # Chinese terms in English, for the site's readers (analysis.site.glossary)
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
    text = _decode(raw, label)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise DataError([f"{label}: empty file, expected a header row"])
    header, problems = rows[0], []
    # a repeated column would be read as one of the two (or pass validation twice): which one is a guess
    counts = {c: header.count(c) for c in dict.fromkeys(header)}
    problems += [f"{label}, row 1: column '{c}' appears {'twice' if n == 2 else f'{n} times'}; keep one of them"
                 for c, n in counts.items() if n > 1]
    missing = [c for c in COLUMNS[name] if c not in header]
    extra = [c for c in counts if c not in COLUMNS[name]]
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


def _decode(raw: bytes, label: str) -> str:
    """A table's text; one line naming the encoding it is in when that is not UTF-8."""
    order = utf16_order(raw)
    if order:  # Excel's "Unicode text" and some editors; without a BOM it would even pass as UTF-8 with NULs
        raise DataError([f"{label}: the file is UTF-16 ({order}), not UTF-8; save it as UTF-8 "
                         "(Excel: Save As \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)"])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        row = raw[: err.start].count(b"\n") + 1
        where = f"{label}, row {row}: not UTF-8 (byte 0x{raw[err.start]:02x})"
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:  # Latin-1, Big5 with stray bytes, a damaged file ...: not to be called GBK
        raise DataError([f"{where}, nor GB18030; save the file as UTF-8"]) from None
    raise DataError([f"{where}; it reads as GB18030 (GBK): save the file as UTF-8"])


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
        "measure_range": dict(zip(frames["measures"]["measure"], frames["measures"]["range"])),
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
    """Digest of the tables, the validating code, and the pandas and pyarrow versions that read an entry back."""
    import pyarrow

    h = hashlib.sha256(f"{pd.__version__} {pyarrow.__version__}".encode())
    here = Path(__file__).parent
    for path in [*(data_dir / f"{name}.csv" for name in TABLES),
                 *(here / f for f in ("tables.py", "schemas.py", "numbers.py", "windows.py", "rules.py", "consistency.py"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


# A cache entry: this line, the sha256 of the key and the body, then each table in TABLES' order as its
# length (8 bytes, little-endian) and an Arrow IPC stream. Data only: where the folder is shared (a Dask
# cluster's cache), a planted entry cannot run code as the pickle the cache was did when read. The digest
# makes a damaged or edited entry a miss; whoever can write the folder could still forge a whole entry's values.
CACHE_FORMAT = b"township-reform-audit validated tables, Arrow IPC streams, v1\n"
DIGEST_SIZE = 32
TEXT = pd.StringDtype("pyarrow", na_value=float("nan"))  # pandas' "str", the text columns' dtype


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path, stamp: tuple) -> Tables:
    from analysis.outputs import write_bytes_atomic

    key = _content_key(data_dir)
    cached = _cache_dir() / f"tables-{key}.arrow"
    try:
        tables = _read_entry(cached.read_bytes(), key, data_dir)
    except Exception:  # absent, unreadable, truncated, tampered with or of another format: only a cache miss
        tables = None
    if tables is not None:
        return tables
    tables = _load_tables(data_dir)
    try:
        write_bytes_atomic(cached, _entry(tables, key))
        _prune_cache(cached.parent)
    except OSError:  # a read-only home still works, just without the cache
        pass
    return tables


def _entry(tables: Tables, key: str) -> bytes:
    import pyarrow

    body = []
    for name in TABLES:
        table = pyarrow.Table.from_pandas(getattr(tables, name), preserve_index=False)  # a RangeIndex, as read back
        sink = pyarrow.BufferOutputStream()
        with pyarrow.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        stream = sink.getvalue()
        body += [struct.pack("<Q", stream.size), stream.to_pybytes()]
    body = b"".join(body)
    return CACHE_FORMAT + hashlib.sha256(key.encode() + body).digest() + body


def _read_entry(blob: bytes, key: str, data_dir: Path) -> Tables | None:
    """The tables an entry holds, or None when its digest or a table's columns are not what they must be."""
    import pyarrow

    start = len(CACHE_FORMAT) + DIGEST_SIZE
    if not blob.startswith(CACHE_FORMAT):
        return None
    body = memoryview(blob)[start:]
    digest = hashlib.sha256(key.encode())
    digest.update(body)
    if digest.digest() != blob[len(CACHE_FORMAT):start]:
        return None
    buffer, at, frames = pyarrow.py_buffer(body), 0, {}
    for name in TABLES:
        (size,) = struct.unpack_from("<Q", body, at)
        table = pyarrow.ipc.open_stream(buffer.slice(at + 8, size)).read_all()
        at += 8 + size
        numeric = NUMERIC_COLUMNS.get(name, [])
        if (sorted(table.schema.names) != sorted(COLUMNS[name])  # the columns a validated table has, of plain types
                or any(f.type != (pyarrow.float64() if f.name in numeric else pyarrow.large_string()) for f in table.schema)):
            return None
        # built column by column: Table.to_pandas's generic path (its pandas metadata) cost 0.5 ms a table
        frames[name] = pd.DataFrame({f.name: column.to_numpy().copy() if f.name in numeric else TEXT.__from_arrow__(column)
                                     for f, column in zip(table.schema, table.columns)})
    return Tables(**frames, data_dir=data_dir) if at == len(body) else None


def _prune_cache(folder: Path) -> None:
    """Keep the CACHE_ENTRIES newest validated versions; each edit of the tables makes a new one."""
    entries = sorted(folder.glob("tables-*.arrow"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [*entries[CACHE_ENTRIES:], *folder.glob("tables-*.pickle")]:  # and the pickles of the old format
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
    problems += meaning_problems(frames, lambda name: _display(data_dir / f"{name}.csv", data_dir))
    if frames["findings"].empty:  # an audit of nothing would print an empty table and pass
        problems.append(f"{_display(data_dir / 'findings.csv', data_dir)}: no findings; the ledger needs at least one row")
    if problems:
        raise DataError(problems)
    for name, columns in NUMERIC_COLUMNS.items():
        for column in columns:
            frames[name][column] = pd.to_numeric(frames[name][column].replace("", None)).astype(float)
    return Tables(**{name: frame.reset_index(drop=True) for name, frame in frames.items()}, data_dir=data_dir)


def placeholder_warnings(tables: Tables) -> list[str]:
    """One line for each source or place cell that still holds add-source's placeholder (schemas.PLACEHOLDERS,
    schemas.PLACE_PLACEHOLDERS)."""
    from analysis.schemas import PLACE_PLACEHOLDERS, PLACEHOLDERS

    lines = []
    for table, placeholders in (("sources", PLACEHOLDERS), ("counties", PLACE_PLACEHOLDERS)):
        label = _display(tables.data_dir / f"{table}.csv", tables.data_dir)
        whose = "source's" if table == "sources" else "place's"
        lines += [f"{label}, row {row}, column '{column}': {placeholder!r} is a placeholder; write the {whose} "
                  f"{column.replace('_en', ' in English').replace('_', ' ')}"
                  for column, placeholder in placeholders.items()
                  for row, cell in enumerate(getattr(tables, table)[column], start=2) if cell.strip() == placeholder]
    return lines


def english_warnings(tables: Tables) -> list[str]:
    """One line for each finding or check with no English claim yet (``claim_en``: asked for, never machine-made)."""
    out = []
    for name in ("findings", "checks"):
        label = _display(tables.data_dir / f"{name}.csv", tables.data_dir)
        out += [f"{label}, row {row}, column 'claim_en': empty; write the claim in English for readers of the site"
                for row, cell in enumerate(getattr(tables, name)["claim_en"], start=2) if not cell.strip()]
    return out
