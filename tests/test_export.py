"""Exports: every table and the audit, read back in each format with the same rows and values."""

import numpy as np
import pandas as pd
import pytest

from analysis.cli import main
from analysis.dictionary import column_descriptions
from analysis.export import FORMATS, WORKBOOK, codebook, export, frames
from analysis.schemas import COLUMNS
from analysis.tables import load_tables


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
    assert len(expected) == 12  # the ten tables, the audit of the findings and of the checks
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
