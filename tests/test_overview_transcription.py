"""Cross-county tables of the overview notebook, checked against the five reports' numbers.

A test of the data (the transcription); the overview's mechanisms are tested in test_overview.py.
"""

import pytest

from analysis import overview
from analysis.tables import load_tables
from tests.test_five_reports_transcription import of_the_five_reports


def test_coverage_counts_the_numbers_each_report_states_with_bilingual_labels():
    matrix = overview.coverage()
    # 001 東營 states 8 delegation numbers: 400多項, 401項, 179項, 44.6%, 155項, 38.7%, 67項, 16.7%
    assert matrix.at["东营市 dongying", "delegation 放权"] == 8
    # 003 part 2 (Anhui's archive rules) states no finance, staffing, delegation or facilities number; four of
    # context: 一个立档单位, 一个全宗, 3月底 (archiving deadline), 一年 (kept before transfer)
    assert matrix.loc["安徽省 anhui"].tolist() == [0, 0, 0, 0, 4]


def test_a_place_with_claims_only_has_its_page():
    from analysis.batch import PER_COUNTY, plan

    jobs, _ = plan(load_tables())
    pages = {(job.county, PER_COUNTY[job.notebook]) for job in jobs if job.county}
    # 004 江津's "4个调研组, 分别由人事、编办、农办、民政、卫生部门的主要领导带队" is a context finding
    assert ("jiangjin", "context") in pages
    # 002's Shandong meeting: claims (四个县市作大会发言), its own page
    assert ("shandong", "context") in pages
    findings = overview.coverage("findings")
    assert findings.at["山东省 shandong", "context 背景"] >= 2


def test_delegation_comparison_sets_the_reports_side_by_side():
    table = overview.delegation_comparison()
    assert table.at["dongying", "powers_delegated"] == 401 and table.at["dongying", "powers_in_use"] == 179
    assert table.at["dongying", "powers_in_use_share"] == pytest.approx(179 / 401 * 100, abs=0.005)
    assert (table.at["laishui", "approval_powers"], table.at["laishui", "enforcement_powers"]) == (19, 112)  # 003 part 10
    assert (table.at["anon_county_sd_powers", "powers_delegated"], table.at["anon_county_sd_powers", "delegating_departments"]) == (93, 27)  # 002
    assert table.at["laishui", "powers_delegated"] == ""  # 义安镇's total is not stated: blank, not NaN


def test_themes_matrix_keeps_problems_named_for_two_places_with_the_chinese_term():
    matrix = overview.themes_matrix()
    assert "vertical_fragmentation 条块分割" in matrix.columns
    assert "东营市 dongying" in matrix.index and "涞水县 laishui" in matrix.index
    assert ((matrix > 0).sum() >= 2).all()


def test_cuts_comparison_holds_the_staffing_cuts_only():
    # 003 part 4: 精简76%, 80%以上 (2002); 75%, 59%, 70% (2005). Not 003 part 8's "大部分" idle stations.
    table = overview.cuts_comparison()
    theirs = table["finding_id"].isin(of_the_five_reports(load_tables()).findings["finding_id"])
    assert table.loc[theirs, "claimed"].tolist() == ["76%", "80%以上", "75%", "59%", "70%"]


def test_contested_lists_discrepancies_first_with_the_deciding_reading():
    table = overview.contested()
    statuses = table["status"].tolist()
    assert statuses == sorted(statuses, key=lambda s: s != "discrepancy")
    row = table.set_index("finding_id").loc["anon_district_pp_baselines_2005"]
    # 003 part 4: 2005's 17 stations are the pre-2002 count (after the 4 moved up), not 2002's result
    assert row["status"] == "tension" and row["reading"] == "a cumulative baseline: ++年 is before 2002"
    assert table["note"].str.len().min() > 40  # the whole note, never cut


def test_consistency_checks_are_shown_apart():
    checks = overview.consistency_checks().set_index("finding_id")
    assert checks.at["anon_city_162_tasks_plus_unplanned", "recomputed"] == "148"  # 144 tasks + 4 outside the plan
