"""Every table and the audit in the formats researchers' tools read: csv, xlsx, parquet, dta.

``python -m analysis export --format xlsx --out DIR``. Numeric columns are numbers (empty: missing),
the rest text. Each export carries its codebook (table, column, type, meaning from
data/DICTIONARY.md): a sheet of the workbook, a codebook.csv beside CSV and parquet files, the
variable labels of each Stata file. Every file is written whole or not at all.

Text is data, never a formula: a workbook's text cells are text even when they begin with "=" (a
spreadsheet would run ``=HYPERLINK(...)`` from a formula cell). CSV files hold the values as they
are; ``spreadsheet_safe`` (``--spreadsheet-safe``) prefixes ' to text beginning = + - @ tab or CR, as
OWASP's CSV-injection advice has it, for a file meant to be opened in a spreadsheet program.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.dictionary import column_descriptions
from analysis.outputs import write_atomic
from analysis.schemas import NUMERIC_COLUMNS
from analysis.tables import TABLES

FORMATS = ("csv", "xlsx", "parquet", "dta")
WORKBOOK = "township-reform-audit.xlsx"
STATA_LABEL = 80  # characters of a Stata variable label
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet program may read as the start of a formula


def frames(tables) -> dict[str, pd.DataFrame]:
    """Every raw table, then the audit of the findings and of the checks."""
    from analysis.audit import audit_findings

    out = {name: getattr(tables, name).reset_index(drop=True) for name in TABLES}
    out["audit"] = audit_findings(tables)
    out["audit_checks"] = audit_findings(tables, table="checks")
    return out


def codebook(exported: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per exported column: its table, name, type and meaning."""
    meaning = column_descriptions()
    meaning["audit_checks"] = meaning.get("audit", {})
    rows = []
    for table, frame in exported.items():
        described = meaning.get(table, {})
        for column in frame.columns:
            said = described.get(column, "")
            if table.startswith("audit") and said in ("", "as in findings.csv"):  # the audit repeats the ledger's columns
                said = meaning.get("findings", {}).get(column, said)
            rows.append({"table": table, "column": column,
                         "type": "number" if column in NUMERIC_COLUMNS.get(table, []) else "text", "meaning": said})
    return pd.DataFrame(rows, columns=["table", "column", "type", "meaning"])


def _stata(frame: pd.DataFrame, labels: dict[str, str], path: Path) -> None:
    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    long_text = [c for c in text if frame[c].map(lambda v: len(str(v).encode())).max() > 2000]  # Stata's str holds 2045 bytes
    frame.to_stata(path, write_index=False, version=118, convert_strl=long_text,
                   variable_labels={c: labels.get(c, "")[:STATA_LABEL] for c in frame.columns})


def defuse_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ' before each text cell a spreadsheet program would read as a formula; numbers as they are."""
    def defuse(value):
        return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value

    return frame.assign(**{c: frame[c].map(defuse) for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])})


def _text_cells_as_text(sheet) -> None:
    """openpyxl stores a string that begins with "=" as a formula and one such as "#N/A" as an error value:
    every string of ours is text."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"


def export(tables, fmt: str, out: Path, spreadsheet_safe: bool = False) -> list[Path]:
    """Write every table and the audit as ``fmt`` into ``out``; returns the files written.

    ``spreadsheet_safe`` (CSV only) defuses text cells that begin like a formula, see the module's docstring.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if spreadsheet_safe and fmt != "csv":
        raise ValueError(f"spreadsheet_safe is for csv files; {fmt} stores text as text")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exported = frames(tables)
    book = codebook(exported)
    written = []
    if fmt == "xlsx":
        def workbook(path):
            with pd.ExcelWriter(path, engine="openpyxl") as excel:
                for name, frame in {**exported, "codebook": book}.items():
                    frame.to_excel(excel, sheet_name=name, index=False)
                    _text_cells_as_text(excel.sheets[name])
        return [write_atomic(out / WORKBOOK, workbook)]
    if spreadsheet_safe:
        exported = {name: defuse_formulas(frame) for name, frame in exported.items()}
        book = defuse_formulas(book)
    for name, frame in exported.items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            written.append(write_atomic(path, lambda p, f=frame: f.to_csv(p, index=False, encoding="utf-8")))
        elif fmt == "parquet":
            written.append(write_atomic(path, lambda p, f=frame: f.to_parquet(p, index=False)))
        else:
            labels = dict(zip(book[book["table"] == name]["column"], book[book["table"] == name]["meaning"]))
            written.append(write_atomic(path, lambda p, f=frame, lab=labels: _stata(f, lab, p)))
    if fmt != "dta":  # Stata files carry their labels; the others get the codebook beside them
        written.append(write_atomic(out / "codebook.csv", lambda p: book.to_csv(p, index=False, encoding="utf-8")))
    return written
