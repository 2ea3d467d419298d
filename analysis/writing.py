"""Writers of the tables: one lock for every command that writes a data folder, rows appended as the file
writes them, and several tables replaced all together or not at all.

Two ``accept`` runs at once on one folder each read facts.csv, appended their row and wrote it back:
one row was lost in 4 of 15 trials. Every writer of a data folder (``accept``, ``add-source``,
``datapackage``) now reads and writes under one lock.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from analysis.outputs import FILE_MODE
from analysis.tables import load_tables

PACKAGE = "datapackage.json"
LOCK_WAIT = 600  # seconds a writer waits for another before it gives up and says so


def _lock_path(data_dir: Path) -> Path:
    """The lock of one data folder, outside it (a file inside would show in git status and in data/ listings)."""
    base = os.environ.get("ANALYSIS_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "township-reform-audit"
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    folder = Path(base) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"data-{digest}.lock"


@contextmanager
def data_lock(data_dir: Path):
    """Hold the data folder's write lock; a second writer waits for it (and says so), then reads the tables anew."""
    import sys

    from filelock import FileLock, Timeout

    lock = FileLock(str(_lock_path(data_dir)))
    try:
        lock.acquire(timeout=0.1)
    except Timeout:
        print(f"waiting for another command that writes {data_dir} to finish ...", file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=LOCK_WAIT)
        except Timeout:
            raise OSError(f"{data_dir}: another command has been writing these tables for {LOCK_WAIT} s; "
                          "wait for it to end, then run this again") from None
    try:
        yield
    finally:
        lock.release()


def line_ending(text: str) -> str:
    """The line ending a file already uses ("\\r\\n" or "\\n"); "\\n" for a new or one-line file."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def csv_rows(header: list[str], rows: list[dict], ending: str = "\n", with_header: bool = True) -> str:
    """``rows`` as CSV text in ``header``'s order, minimal quoting (as the tables are written), empty for missing."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator=ending, extrasaction="ignore")
    if with_header:
        writer.writeheader()
    writer.writerows({k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in r.items()} for r in rows)
    return buffer.getvalue()


def append_rows(path: Path, header: list[str], rows: list[dict], text: str | None = None) -> str:
    """The file's text with ``rows`` added at its end, in its own column order and line endings.

    The old bytes stay as they are, so ``git diff`` shows only the added rows. ``text``: the file's text as an
    earlier change of the same write left it (set_cells), instead of the file's.
    """
    if text is None:
        if not path.is_file():
            return csv_rows(header, rows)
        text = path.read_bytes().decode("utf-8")  # bytes, not read_text: its newline translation would turn every CRLF into LF
    bom = text.startswith("\ufeff")
    text = text[1:] if bom else text
    ending = line_ending(text)
    own_header = next(csv.reader(io.StringIO(text)), header)
    if text and not text.endswith("\n"):
        text += ending
    return ("\ufeff" if bom else "") + text + csv_rows(own_header, rows, ending, with_header=False)


def commit_tables(data_dir: Path, changes: dict[str, str]) -> None:
    """Replace some tables with new text, only if every table still validates: all or nothing.

    The new texts are validated on a scratch copy, then each is written to a temporary file beside its
    table (a full disk fails here, before any table changed), and only then are they renamed into place.
    data/datapackage.json, where there is one, is written anew with them (it lists the sources).
    """
    data_dir = Path(data_dir)
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "data"
        shutil.copytree(data_dir, trial)
        for name, text in changes.items():
            (trial / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
        trial_tables = load_tables(trial)  # raises DataError naming file, row and column; nothing in data_dir was touched
        texts = {f"{name}.csv": text for name, text in changes.items()}
        if (data_dir / PACKAGE).is_file():  # the package describes the tables (sources, vocabularies): kept in step
            from analysis.datapackage import text as package_text

            texts[PACKAGE] = package_text(trial_tables)
    staged = []
    try:
        for name, text in texts.items():
            fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=f".{name}.", suffix=".tmp")
            staged.append((Path(tmp), data_dir / name))
            with os.fdopen(fd, "wb") as f:
                f.write(text.encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, FILE_MODE)
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)


def _records(text: str) -> list[str]:
    """The file's records as their raw text, line endings kept (a quoted cell may hold a line break)."""
    records, current = [], ""
    for line in text.splitlines(keepends=True):
        current += line
        if current.count('"') % 2 == 0:
            records.append(current)
            current = ""
    return records + ([current] if current else [])


def set_cells(path: Path, key_column: str, key: str, values: dict[str, str], text: str | None = None) -> str:
    """The file's text with some cells of the row whose ``key_column`` is ``key`` changed; every other byte kept.
    ``text``: the file's text as an earlier change of the same write left it, instead of the file's."""
    if text is None:
        text = path.read_bytes().decode("utf-8")  # line endings as they are
    records = _records(text)
    header = next(csv.reader([records[0].lstrip("\ufeff")]))
    for i, record in enumerate(records[1:], start=1):
        cells = next(csv.reader([record]))
        if cells[header.index(key_column)] == key:
            row = dict(zip(header, cells)) | values
            ending = record[len(record.rstrip("\r\n")):] or line_ending(text)
            records[i] = csv_rows(header, [row], ending, with_header=False)
            return "".join(records)
    raise KeyError(f"{path.name}: no row with {key_column} {key!r}")
