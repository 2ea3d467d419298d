"""The coverage account: every number the extractor finds in a report part is a claim, an input, a restatement or
context with a reason; the five reports have none not yet looked at."""

import re
from pathlib import Path

import pytest

from analysis.coverage import (CONTEXT, NOT_LOOKED, REASONS, ContextError, _own_place, _spans, account, coverage_lines,
                               read_context, source_coverage, unused_context)
from analysis.paths import PROJECT_ROOT
from analysis.tables import load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def test_the_reasons_table_is_the_dictionarys():
    text = (PROJECT_ROOT / "data" / "DICTIONARY.md").read_text(encoding="utf-8")
    section = text.split("## context.csv")[1].split("\n## ")[0]
    rows = dict(re.findall(r"^\| `([a-z ]+)` \| (.+?) \|$", section, re.M))
    assert rows == REASONS


@pytest.mark.parametrize("locator, as_written, at", [
    ("事业站所由年的17个整合为7个", "7个", 13),   # the 7个 of its own, not the tail of 17个
    ("由17個減為7個", "7個", 6),                  # traditional script alike
    ("共计42个", "42个", 2),
    ("精简7.5%和7.5%", "5%", 4),                  # never alone (always after a decimal point): the first place
])
def test_a_number_is_found_in_its_locator_as_a_number_of_its_own(locator, as_written, at):
    assert _own_place(locator, as_written) == at


def test_each_place_a_locator_stands_gives_a_span():
    spans = _spans("甲共8个村。乙共8个村。", "共8个村", "8个", CONTEXT, "single")
    assert [(s.start, s.end) for s in spans] == [(2, 4), (8, 10)]


@pytest.mark.parametrize("cells, problem", [
    ("s001,500萬資金,500萬,single,", None),
    ("s001,500萬資金,500萬,unique,", "row 2, column 'reason': 'unique' is not one of date, rule, single, not data"),
    ("s001,500萬資金,600萬,single,", "row 2, column 'as_written': '600萬' is not in the locator"),
    ("s001,,500萬,single,", "row 2, column 'locator': must hold 1 to 30 characters"),
])
def test_a_context_row_that_cannot_be_read_is_one_line_naming_file_row_and_column(tmp_path, cells, problem):
    (tmp_path / "context.csv").write_text("source,locator,as_written,reason,note\n" + cells + "\n", encoding="utf-8")
    if problem is None:
        assert read_context(tmp_path).iloc[0]["reason"] == "single"
    else:
        with pytest.raises(ContextError) as err:
            read_context(tmp_path)
        assert str(err.value) == f"{tmp_path.name}/context.csv, {problem}"


def test_the_five_reports_have_no_number_not_yet_looked_at(tables, source_reports):
    from tests.test_five_reports_transcription import of_the_five_reports

    frame = account(tables, source_reports)
    frame = frame[frame["source"].isin(of_the_five_reports(tables).sources["source"])]  # a report added later may have some
    assert (frame["role"] == NOT_LOOKED).sum() == 0 and len(frame) > 0


def test_every_context_row_gives_the_reason_for_some_number(tables, source_reports):
    assert unused_context(tables, source_reports) == []


def test_report_003_part_10_is_counted_by_hand(tables, source_reports):
    # 义安镇: 两办 (涞水县两办), 承接...19项 and 承接...112项 are context; the other 18 numbers are the ledger's (59名 and
    # its parts, 8个机构, 四办、一队、一站、两中心, 11名 ...). “三定” (a quoted name whose members are not listed) and
    # 一下 (提出一下意见) are not numbers the extractor finds (analysis/extraction/not_data.py)
    line = next(line for line in coverage_lines(tables, folder=source_reports) if "(s003p10)" in line)
    assert line == "report 003 part 10 (s003p10): 21 numbers: 18 checked, 3 context, 0 not yet looked at"
    rows = source_coverage(tables, "s003p10", source_reports)
    assert set(rows.loc[rows["role"] == CONTEXT, "as_written"]) == {"两办", "19项", "112项"}


def test_without_the_report_texts_there_is_no_account(tables, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.coverage.reports_dir", lambda: None)
    assert account(tables).empty and coverage_lines(tables) == []


def test_each_source_page_gives_its_coverage(tmp_path, source_reports):
    """The site's page of a report part says how many of its numbers were checked, set aside, or not looked at."""
    from analysis.coverage import account, summary
    from analysis.site.sources import build_source_pages
    from analysis.tables import load_tables

    tables = load_tables()
    written = build_source_pages(tmp_path, tables, source_reports, lambda county, domain: None)
    expected = summary(account(tables, source_reports), tables).set_index("source")
    assert written and set(expected.index) <= set(written)
    for source, row in expected.iterrows():
        page = (tmp_path / f"{source}.html").read_text(encoding="utf-8")
        assert (f"Coverage: {row.numbers} numbers in these lines: {row.checked} checked" in page
                and f"{row.not_looked_at} not yet looked at" in page), source


def test_the_sources_page_lists_each_parts_coverage(built_site):
    """The site's list of sources (sources.html) gives each part's account beside its title (the batch builds it with the texts)."""
    from analysis.paths import reports_dir
    from analysis.site.sources import coverage_counts, coverage_sentence
    from analysis.tables import load_tables

    if reports_dir() is None:
        import pytest

        pytest.skip("no report texts: the index gives no coverage")
    index = (built_site["out"] / "site" / "sources.html").read_text(encoding="utf-8")
    counted = coverage_counts(load_tables(), reports_dir())
    assert counted and all(coverage_sentence(row) in index for row in counted.values())


def test_a_report_file_that_is_not_there_is_one_line_naming_its_row(data_copy, source_reports):
    """audit prints the coverage account, which reads every source's text: a sources.csv file that is not in the
    reports folder was named only by its path (the mutation test's swap of file and part, 'reports/1')."""
    from analysis.extraction.text import TextError
    from tests.test_tables import set_cell

    set_cell(data_copy / "sources.csv", 3, "file", "missing.txt")  # row 3: s000p2
    with pytest.raises(TextError) as err:
        account(load_tables(data_copy), source_reports)
    assert str(err.value) == f"data/sources.csv, row 3, column 'file': {source_reports / 'missing.txt'}: no such file"
