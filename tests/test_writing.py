"""Writers of the tables never lose work: one lock, rows appended as the file writes them, all or nothing,
an interrupted add-source simply run again, review files kept."""

from __future__ import annotations

import errno
import multiprocessing
import os
from pathlib import Path

import pytest

from analysis.writing import append_rows, commit_tables, set_cells

FICTIONAL = Path(__file__).parent / "fixtures" / "fictional_report.txt"
PLACE = ("某某镇(虚构)", "A fictional town", "town")


def test_append_keeps_every_old_byte_and_the_files_line_endings(tmp_path):
    for ending in ("\r\n", "\n"):
        path = tmp_path / "t.csv"
        old = f'a,b{ending}1,"x, y"{ending}'.encode()
        path.write_bytes(old)
        text = append_rows(path, ["a", "b"], [{"a": "2", "b": "z"}, {"a": "3", "b": "q,r"}])
        assert text.encode() == old + f'2,z{ending}3,"q,r"{ending}'.encode()


def test_append_follows_the_files_own_column_order(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("b,a\n1,2\n", encoding="utf-8")
    assert append_rows(path, ["a", "b"], [{"a": "A", "b": "B"}]) == "b,a\n1,2\nB,A\n"


def test_set_cells_changes_one_row_only(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b'county,sources\r\nx,"s1"\r\ny,s2\r\nz,"a\r\nb"\r\n')
    assert set_cells(path, "county", "y", {"sources": "s2 s3"}).encode() == b'county,sources\r\nx,"s1"\r\ny,s2 s3\r\nz,"a\r\nb"\r\n'


def test_a_failed_write_leaves_every_table_as_it_was(data_copy, monkeypatch):
    before = {name: (data_copy / f"{name}.csv").read_bytes() for name in ("sources", "counties")}
    changes = {name: (data_copy / f"{name}.csv").read_text(encoding="utf-8") for name in before}
    real = os.fsync
    calls = []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 2:  # the second table: the first was staged already
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        commit_tables(data_copy, changes)
    assert {name: (data_copy / f"{name}.csv").read_bytes() for name in before} == before
    assert not list(data_copy.glob(".*.tmp"))  # no staged file left behind


def _accept_one(args):
    from analysis.extraction.onboarding import accept

    review, data, reports = args
    return accept(Path(review), Path(data), Path(reports))


@pytest.fixture
def onboarded(tmp_path, data_copy, monkeypatch):
    from analysis.extraction.onboarding import add_source

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / FICTIONAL.name).write_bytes(FICTIONAL.read_bytes())
    done = add_source(reports / FICTIONAL.name, "fictional_town", data_copy, tmp_path / "review", place=PLACE,
                      title_en="A fictional report", reports_dir=reports)
    return {"data": data_copy, "reports": reports, "done": done, "review": tmp_path / "review"}


def test_two_accepts_at_once_keep_both_rows(onboarded, tmp_path):
    import pandas as pd

    facts_file = onboarded["done"]["review"][0]
    review = pd.read_csv(facts_file, dtype=str, keep_default_na=False)
    halves = []
    for n, wanted in enumerate((["45名"], ["20名", "25名"])):
        part = review.copy()
        part.loc[part["as_written"].isin(wanted), "accept"] = "yes"
        path = tmp_path / f"half{n}.csv"
        part.to_csv(path, index=False)
        halves.append((str(path), str(onboarded["data"]), str(onboarded["reports"])))
    with multiprocessing.get_context("fork").Pool(2) as pool:  # both read facts.csv, add, and write it back at once
        assert pool.map(_accept_one, halves) == [1, 2]
    facts = pd.read_csv(onboarded["data"] / "facts.csv", dtype=str)
    assert sorted(facts.loc[facts["county"] == "fictional_town", "as_written"]) == ["20名", "25名", "45名"]


def test_an_accept_is_a_diff_of_its_rows_only(onboarded):
    import pandas as pd

    from analysis.extraction.onboarding import accept

    facts = onboarded["data"] / "facts.csv"
    before = facts.read_bytes()
    review = pd.read_csv(onboarded["done"]["review"][0], dtype=str, keep_default_na=False)
    review.loc[review["as_written"].isin(["20名", "25名"]), "accept"] = "yes"
    review.to_csv(onboarded["done"]["review"][0], index=False)
    assert accept(onboarded["done"]["review"][0], onboarded["data"], onboarded["reports"]) == 2
    after = facts.read_bytes()
    assert after.startswith(before) and after[len(before):].count(b"\n") == 2


def test_the_line_count_of_a_file_ending_in_a_newline(onboarded):
    import pandas as pd

    row = pd.read_csv(onboarded["data"] / "sources.csv", dtype=str).iloc[-1]
    lines = FICTIONAL.read_text(encoding="utf-8").splitlines()
    assert FICTIONAL.read_bytes().endswith(b"\n") and row["line_end"] == str(len(lines))


def test_review_files_are_kept_unless_forced(onboarded):
    from analysis.extraction.onboarding import add_source

    facts_file = onboarded["done"]["review"][0]
    facts_file.write_text(facts_file.read_text(encoding="utf-8") + "half-reviewed\n", encoding="utf-8")
    kept = facts_file.read_bytes()
    with pytest.raises(ValueError, match="exist .*they are kept.*--force"):
        add_source(onboarded["reports"] / FICTIONAL.name, "fictional_town", onboarded["data"], onboarded["review"],
                   reports_dir=onboarded["reports"])
    assert facts_file.read_bytes() == kept
    done = add_source(onboarded["reports"] / FICTIONAL.name, "fictional_town", onboarded["data"], onboarded["review"],
                      reports_dir=onboarded["reports"], force=True)
    assert done["again"] and b"half-reviewed" not in facts_file.read_bytes()


def test_an_interrupted_add_source_writes_nothing_and_runs_again(tmp_path, data_copy, monkeypatch):
    from analysis.extraction import onboarding

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / FICTIONAL.name).write_bytes(FICTIONAL.read_bytes())
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}

    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(onboarding, "propose", ctrl_c)  # Ctrl-C while the text is being read for numbers
        with pytest.raises(KeyboardInterrupt):
            onboarding.add_source(reports / FICTIONAL.name, "fictional_town", data_copy, tmp_path / "review", place=PLACE,
                                  reports_dir=reports)
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before and not (tmp_path / "review").exists()
    done = onboarding.add_source(reports / FICTIONAL.name, "fictional_town", data_copy, tmp_path / "review", place=PLACE,
                                 reports_dir=reports)
    assert not done["again"] and done["new_county"] and all(p.is_file() for p in done["review"])


def test_a_run_stopped_after_the_tables_finishes_its_review_files(onboarded):
    from analysis.extraction.onboarding import add_source

    for path in onboarded["done"]["review"]:
        path.unlink()  # as if stopped between the tables and the review files
    done = add_source(onboarded["reports"] / FICTIONAL.name, "fictional_town", onboarded["data"], onboarded["review"],
                      reports_dir=onboarded["reports"])
    assert done["again"] and done["facts"] == onboarded["done"]["facts"] and all(p.is_file() for p in done["review"])


def test_a_new_source_of_a_known_county_is_among_its_sources(tmp_path, data_copy, monkeypatch):
    import pandas as pd

    from analysis.extraction.onboarding import add_source

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / FICTIONAL.name).write_bytes(FICTIONAL.read_bytes())
    before = (data_copy / "counties.csv").read_text(encoding="utf-8").splitlines()
    done = add_source(reports / FICTIONAL.name, "laishui", data_copy, tmp_path / "review", reports_dir=reports)
    after = (data_copy / "counties.csv").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(after) == len(before) and len(changed) == 1 and changed[0][1].endswith(f"s003p10 {done['source']}")
    counties = pd.read_csv(data_copy / "counties.csv", dtype=str)
    assert counties.set_index("county").at["laishui", "sources"] == f"s003p10 {done['source']}"


def test_proposed_ids_of_a_known_county_are_new(data_copy):
    """A county already in data/ may hold the very ids a proposal would make: they are numbered past."""
    import dataclasses

    import pandas as pd

    from analysis.extraction.onboarding import propose
    from analysis.tables import load_tables

    tables = load_tables(data_copy)
    text = "全市下放权限401项,其中已承接179项。"
    first = [f["fact_id"] for f in propose(text, None, "dongying", "s001", tables).facts]
    taken = tables.facts.iloc[[0, 1]].assign(fact_id=first)  # as if dongying's facts already had those ids
    crowded = dataclasses.replace(tables, facts=pd.concat([tables.facts, taken], ignore_index=True))
    again = [f["fact_id"] for f in propose(text, None, "dongying", "s001", crowded).facts]
    assert len(first) == len(again) == 2 and not set(again) & set(first)


def test_metadata_nobody_gave_stays_a_placeholder_that_validate_names(onboarded, capsys):
    import pandas as pd

    from analysis.cli import main

    row = pd.read_csv(onboarded["data"] / "sources.csv", dtype=str, keep_default_na=False).iloc[-1]
    assert (row["issuer"], row["date"]) == ("(issuer to fill)", "(date to fill)")  # not "not given", not ""
    assert main(["--data-dir", str(onboarded["data"]), "validate"]) == 0
    err = capsys.readouterr().err
    n = len(pd.read_csv(onboarded["data"] / "sources.csv")) + 1
    assert f"warning: data/sources.csv, row {n}, column 'issuer': '(issuer to fill)' is a placeholder" in err
    # the fixture gave an English title (a source added before it may still have a placeholder of its own)
    assert f"row {n}, column 'date'" in err and f"row {n}, column 'title_en'" not in err


def test_the_data_package_follows_every_write(onboarded):
    import pandas as pd

    from analysis.datapackage import text
    from analysis.extraction.onboarding import accept
    from analysis.tables import reload_tables

    package = onboarded["data"] / "datapackage.json"
    assert package.read_text(encoding="utf-8") == text(reload_tables(onboarded["data"]))  # after add-source
    review = pd.read_csv(onboarded["done"]["review"][0], dtype=str, keep_default_na=False)
    review.loc[review["as_written"] == "45名", "accept"] = "yes"
    review.to_csv(onboarded["done"]["review"][0], index=False)
    accept(onboarded["done"]["review"][0], onboarded["data"], onboarded["reports"])
    assert package.read_text(encoding="utf-8") == text(reload_tables(onboarded["data"]))


def test_extract_prints_plain_decimals(tmp_path, capsys):
    from analysis.cli import main

    report = tmp_path / "t.txt"
    report.write_text("全縣歲入決算1,234,567千元,較上年度增加3.5%。\n", encoding="utf-8")
    assert main(["extract", str(report), "--csv"]) == 0
    out = capsys.readouterr().out
    assert "1234567000" in out and "e+" not in out


def test_a_proposed_place_whose_english_name_nobody_gave_is_named_by_validate(data_copy, capsys):
    from analysis.cli import main
    from analysis.schemas import PLACE_PLACEHOLDERS

    path = data_copy / "counties.csv"
    raw = path.read_bytes()
    n = raw.count(b"\n") + 1  # the row the appended line becomes (header is row 1)
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    source = (data_copy / "sources.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[0]
    row = f"town_1,某某镇,{PLACE_PLACEHOLDERS['name_en']},town,,,,false,{source}".encode()
    path.write_bytes(raw + row + newline)
    assert main(["--data-dir", str(data_copy), "validate"]) == 0
    err = capsys.readouterr().err
    assert f"warning: data/counties.csv, row {n}, column 'name_en': '(name to translate)' is a placeholder; write the place's name in English" in err
