"""Provenance: every locator is in its source part; a tampered locator fails; no reports folder means skipped."""

import pytest

from analysis.cli import main
from analysis.provenance import FAILED, PASSED, SKIPPED, verify_sources
from analysis.tables import load_tables
from tests.test_tables import rewrite


def test_every_locator_is_found_verbatim(source_reports):
    report = verify_sources(load_tables(), source_reports)
    assert report.status == PASSED, report.summary()
    tables = load_tables()
    contradictions = (tables.findings["rule"] == "contradiction").sum()  # each quotes two passages
    assert report.checked == len(tables.facts) + len(tables.themes) + len(tables.lists) + 2 * contradictions


def test_a_contradictions_passage_not_in_its_source_fails(data_copy, source_reports):
    def tamper(rows):
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("rule")] == "contradiction")
        row[h.index("claim")] = row[h.index("claim")].replace("」", "不存在」", 1)
    rewrite(data_copy / "findings.csv", tamper)
    report = verify_sources(load_tables(data_copy), source_reports)
    assert report.status == FAILED and len(report.problems) == 1 and "column 'claim'" in report.problems[0]


def test_a_tampered_locator_fails(data_copy, source_reports, capsys):
    def tamper(rows):
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("as_written")] == "179項")
        row[h.index("locator")] = row[h.index("locator")].replace("179", "197")
    rewrite(data_copy / "facts.csv", tamper)
    report = verify_sources(load_tables(data_copy), source_reports)
    assert report.status == FAILED
    assert len(report.problems) == 1 and "column 'locator'" in report.problems[0]
    assert main(["--data-dir", str(data_copy), "verify-sources", "--reports-dir", str(source_reports)]) == 1


def test_locator_must_contain_the_number_as_written(data_copy, source_reports):
    def tamper(rows):
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("as_written")] == "179項")
        row[h.index("as_written")] = "179项"  # simplified: not what the traditional text says
    rewrite(data_copy / "facts.csv", tamper)
    report = verify_sources(load_tables(data_copy), source_reports)
    assert report.status == FAILED and "does not contain the number as written" in report.problems[0]


def test_a_changed_source_file_fails(tmp_path, source_reports):
    for path in source_reports.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = sorted(tmp_path.glob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + b"\n")
    report = verify_sources(load_tables(), tmp_path)
    assert report.status == FAILED and any("sha256" in p for p in report.problems)


def test_without_reports_the_check_is_skipped_not_passed(tmp_path, capsys, monkeypatch):
    report = verify_sources(load_tables(), None)
    assert report.status == SKIPPED and report.checked == 0
    monkeypatch.setattr("analysis.cli.reports_dir", lambda: None)  # no ../shared/reports either
    monkeypatch.delenv("REPORTS_DIR", raising=False)
    assert main(["verify-sources"]) == 0
    assert "SKIPPED" in capsys.readouterr().out
    with pytest.raises(SystemExit, match="SKIP_PROVENANCE=1"):  # make reports asks for the check unless opted out
        main(["verify-sources", "--require"])


def test_a_named_folder_that_does_not_exist_is_an_error(tmp_path, monkeypatch):
    with pytest.raises(SystemExit, match="--reports-dir .*missing: no such folder"):
        main(["verify-sources", "--reports-dir", str(tmp_path / "missing")])
    monkeypatch.setenv("REPORTS_DIR", str(tmp_path / "typo"))
    with pytest.raises(SystemExit, match="REPORTS_DIR .*typo: no such folder"):
        main(["verify-sources"])
