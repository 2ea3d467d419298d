"""The command line: listings as CSV with the documented columns, audit statuses, clear errors."""

import csv
import io

import pytest

from analysis.cli import main


def run_csv(capsys, *args):
    assert main(list(args)) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_sources_csv_columns(capsys):
    rows = run_csv(capsys, "sources", "--csv")
    assert {"source", "file", "part", "title_zh"} <= set(rows[0])
    s001 = next(r for r in rows if r["source"] == "s001")
    assert s001["file"] == "001_756579b2382613b7.txt"


def test_counties_csv_columns(capsys):
    rows = run_csv(capsys, "counties", "--csv")
    assert {"county", "name_zh", "name_en", "level"} <= set(rows[0])
    assert {r["county"]: r["name_zh"] for r in rows}["yixian"] == "黟县"


def test_facts_csv_columns_and_county_filter(capsys):
    rows = run_csv(capsys, "facts", "--csv", "--county", "dongying")
    assert {"county", "entity", "domain", "measure", "value", "low", "high", "unit", "qualifier", "source", "locator"} <= set(rows[0])
    assert {r["county"] for r in rows} == {"dongying"}
    total = next(r for r in rows if r["as_written"] == "401項")
    assert float(total["value"]) == 401 and total["measure"] == "powers_delegated"


def test_audit_csv_has_a_status_for_every_finding(capsys):
    rows = run_csv(capsys, "audit", "--csv")
    assert {"finding_id", "county", "domain", "claim", "claimed", "recomputed", "status", "note"} <= set(rows[0])
    assert {r["status"] for r in rows} == {"reproduced", "tension", "discrepancy", "unverifiable"}
    assert all(r["note"] for r in rows if r["status"] in ("tension", "discrepancy"))
    assert all(r["reading"] for r in rows if r["status"] == "tension")  # a tension names its reading


def test_audit_writes_its_csv(tmp_path, capsys):
    assert main(["audit", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "audit.csv").read_text(encoding="utf-8").startswith("finding_id,")


def test_validate_says_ok(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("validate: OK")


def test_unknown_county_lists_the_valid_ids(capsys):
    with pytest.raises(SystemExit) as err:
        main(["facts", "--county", "atlantis"])
    assert "unknown county 'atlantis'" in str(err.value) and "dongying" in str(err.value)


@pytest.mark.parametrize("jobs", ["0", "-3", "two"])
def test_batch_refuses_a_number_of_jobs_that_runs_nothing(jobs, capsys):
    with pytest.raises(SystemExit) as err:
        main(["batch", "--jobs", jobs])
    assert err.value.code == 2 and "--jobs" in capsys.readouterr().err
