"""The findings ledger of the five reports, checked number by number against what they say.

A test of the data (the transcription), not of the code: expected values are computed here by hand from the
report texts (cited per case), not copied from the audit's output. A report added later leaves them as they are.
"""

import pytest

from analysis.audit import audit_findings
from analysis.tables import load_tables
from tests.test_audit import recomputed
from tests.test_five_reports_transcription import of_the_five_reports


@pytest.fixture(scope="module")
def audit():
    return audit_findings(load_tables()).set_index("finding_id")


@pytest.mark.parametrize(
    "finding_id, expected, status",
    [
        # 001 東營: 401 powers = 179 in use (44.6%) + 155 unused (38.7%) + 67 not taken up (16.7%); "400多項"
        ("dongying_in_use_share", 179 / 401 * 100, "reproduced"),
        ("dongying_unused_share", 155 / 401 * 100, "reproduced"),
        ("dongying_not_taken_up_share", 67 / 401 * 100, "reproduced"),
        ("dongying_powers_parts_sum", 179 + 155 + 67, "reproduced"),
        ("dongying_powers_approx_vs_exact", 401, "reproduced"),
        ("dongying_posts_added_sum", 11 + 23, "reproduced"),            # 34 = 11 + 23
        # 000 part 1: 88 = 34 + 52 + 2; 马桥镇 1.3亿 of 7.1亿 is "不到20%"
        ("anon_city_88_town_classes_sum", 34 + 52 + 2, "reproduced"),
        ("anon_city_88_maqiao_usable_funds_share", 1.3 / 7.1 * 100, "reproduced"),
        # 000 part 3: 2004 pilot to 2012 completion, "经过八年"
        ("national_reform_years_elapsed", 2012 - 2004, "reproduced"),
        # 003 part 3: 988万 of 2160万 = 45.74%, 未过半
        ("anon_city_2011_completion_rate", 988 / 2160 * 100, "reproduced"),
        ("anon_city_2011_progress_below_half", 988 / 2160 * 100, "reproduced"),
        # 003 part 4: ++区 cuts
        ("anon_district_pp_institutions_cut_2002", (17 - 4) / 17 * 100, "reproduced"),
        ("anon_district_pp_party_gov_cut_2005", (12 - 3) / 12 * 100, "reproduced"),
        ("anon_district_pp_stations_cut_2005", (17 - 7) / 17 * 100, "reproduced"),
        ("anon_district_pp_admin_offices_cut_2005", (10 - 3) / 10 * 100, "reproduced"),
        ("anon_district_pp_pre2002_count", 21, "reproduced"),
        # "上划整合后,由17个": 21 listed before 2002 less 林业站、司法所、卫生院、中小学校 moved up = 17 (a list feeds the rule)
        ("anon_district_pp_pre2002_21_vs_17", 21 - 4, "reproduced"),
        ("anon_district_pp_units_2002_vs_4", 3 + 2, "discrepancy"),     # "三个中心两个所" vs "减为4个": no reading gives 4
        # "一校一站四中心" is 6; the four units with 海事所 or 计划财政管理所 have 7: a tension
        ("anon_district_pp_units_2005_sum_vs_7", 1 + 1 + 4, "tension"),
        ("anon_district_pp_p05_vs_p04_congress", 16, "discrepancy"),    # 十六届 (p04) vs 十七届 (p05)
        # 2005 "由++年的17个": read as just before 2005 it would be 2002's 4; 17 is the pre-2002 count
        ("anon_district_pp_baselines_2005", 4, "tension"),
        # 003 part 7 黟县: 169 = 117 + 39 + 13; the small class's 乡 are the "4个乡" (渔亭镇 is a 镇)
        ("yixian_institutional_posts_sum", 117 + 39 + 13, "reproduced"),
        ("yixian_small_class_vs_small_allocation", 4, "reproduced"),
        # 003 part 8 宣州区: Mon-Fri 8:00-12:00 and 13:00-17:00 = 40 hours a week; 四室 lists three, the 培训教室 is the fourth
        ("xuanzhou_weekly_hours", (4 + 4) * 5, "reproduced"),
        ("xuanzhou_four_rooms_one_hall", 3, "tension"),
        # 003 part 8 xx市: 162 = 148 + 14; 144 = 90 + 47 + 7; 31 of 90 is "三分之一"; "65%以上" built
        ("anon_city_162_units_sum", 148 + 14, "reproduced"),
        ("anon_city_162_tasks_status_sum", 90 + 47 + 7, "reproduced"),
        ("anon_city_162_operating_share", 31 / 90 * 100, "reproduced"),
        ("anon_city_162_built_share", 90 / 144 * 100, "discrepancy"),   # 148 or 162 towns give less
        # 003 part 10 义安镇: 59 = 31 + 28, but the eight bodies' posts add to 53 (6 leadership posts unlisted?)
        ("laishui_posts_admin_plus_inst", 31 + 28, "reproduced"),
        ("laishui_posts_bodies_sum", 10 + 5 + 5 + 5 + 11 + 3 + 8 + 6, "tension"),
        # 004 江津: "六个基本原则", four listed; the 4 groups surveyed the 4 pilot towns named (德感、白沙、慈云、蔡家)
        ("jiangjin_basic_principles_count", 4, "discrepancy"),
        ("jiangjin_groups_vs_pilot_towns", 4, "reproduced"),
    ],
)
def test_finding(audit, finding_id, expected, status):
    assert audit.at[finding_id, "status"] == status
    assert recomputed(audit, finding_id) == pytest.approx(expected, abs=1e-3)


def test_a_claim_over_a_range_holds_for_typical_values_only_a_tension(audit):
    # 003 part 4: 8-10 offices cut to 1-2 is a cut of 75% to 90%, not "80%以上" throughout;
    # read with the ranges' midpoints (9 to 1.5) it is 83.3%: the reading that decides is named
    row = audit.loc["anon_district_pp_admin_offices_cut_2002"]
    assert row["status"] == "tension" and row["reading"].startswith("the ranges as typical values")
    assert recomputed(audit, "anon_district_pp_admin_offices_cut_2002") == pytest.approx((75.0, 90.0))
    assert "75–90" in row["note"] and "83.3333" in row["note"]


@pytest.mark.parametrize(
    "finding_id",
    [
        "dongying_pilot_towns_named",             # 001: 6 towns, 5 named only as examples (比如): nothing to count
        "xuanzhou_daily_opening_vs_weekdays",     # 003 part 8: 每天 is a recommendation, not a stated schedule
        "anon_county_p6_sanshi_erting",           # 003 part 6: 三室二厅's members are never named; 一般应具备 is another list
        "anon_city_162_operating_includes_idle",  # 003 part 8: the 31 "正常运行" include idle shells, no count per kind
        "shandong_reform_plan_deadline_garbled",  # 002: "2023月底前", no such month (conversion garble)
    ],
)
def test_claims_without_numbers_to_check_are_unverifiable_with_a_reason(audit, finding_id):
    assert audit.at[finding_id, "status"] == "unverifiable"
    assert audit.at[finding_id, "recomputed"] == ""
    assert len(audit.at[finding_id, "note"]) > 40


def test_a_word_claim_is_cited_to_its_own_phrase(audit):
    # 003 part 8: "建起的乡镇综合文化站大部分…不能投入运行": (90 - 31) / 90 = 65.6% of built stations idle, "most"
    row = audit.loc["anon_city_162_majority_not_operating"]
    assert row["status"] == "reproduced" and recomputed(audit, "anon_city_162_majority_not_operating") == pytest.approx(59 / 90 * 100)
    assert row["source"] == "s003p08b" and row["locator"] == "建起的乡镇综合文化站大部分由于缺乏运行经费"


def test_anonymised_numbers_are_unverifiable(audit):
    # 003 part 4: "乡镇行政编制由++名减为++名,精简10%"
    assert audit.at["anon_district_pp_posts_admin_cut_2002", "status"] == "unverifiable"


def test_every_finding_has_a_status_and_every_discrepancy_a_note(audit):
    assert set(audit["status"]) == {"reproduced", "tension", "discrepancy", "unverifiable"}
    assert (audit.loc[audit["status"] != "reproduced", "note"].str.len() > 0).all()


def test_citations_point_to_the_claimed_number(audit):
    row = audit.loc["dongying_in_use_share"]
    assert row["source"] == "s001" and "44.6%" in row["locator"]


@pytest.mark.parametrize(
    "finding_id",
    [
        "anon_city_162_built_share_vs_towns", "anon_city_162_built_share_vs_units",  # now readings of anon_city_162_built_share
        "laishui_admin_offices_sum",            # the same 6-post gap as laishui_posts_bodies_sum
        "laishui_institutional_bodies_sum",     # fitted: five subsets of the eight posts figures sum to 28
        "anon_district_pp_admin_offices_baseline_2005",  # one contradiction with the stations' baseline
        "anon_city_162_tasks_plus_unplanned",   # 144 + 4 = 148: an identity the report never states
        "dongying_shares_sum_100",              # the report states no 100%
        "jiangjin_town_types_count",            # counts an open list of town types against a count of towns
    ],
)
def test_no_contradiction_is_counted_twice_and_no_claim_is_constructed(audit, finding_id):
    assert finding_id not in audit.index


def test_constructed_consistency_checks_are_kept_apart_and_never_counted_as_claims():
    checks = audit_findings(load_tables(), table="checks").set_index("finding_id")
    assert checks.at["anon_city_162_tasks_plus_unplanned", "recomputed"] == "148"   # 144 tasks + 4 not in the plan
    assert checks.at["dongying_shares_sum_100", "status"] == "reproduced"           # 44.6 + 38.7 + 16.7
    assert "Not a claim" in checks.at["dongying_shares_sum_100", "note"]


def test_the_time_past_half_is_read_from_january(audit):
    # 003 part 3: "现在时间已过半" at 7月底 with an 11月底 deadline, the year's projects read from 1 January:
    # 7 of 11 months = 63.6% (mended after the second blind reading; a start after 1 April would not hold)
    assert audit.at["anon_city_2011_time_past_half", "status"] == "reproduced"
    assert recomputed(audit, "anon_city_2011_time_past_half") == pytest.approx(7 / 11 * 100)
    assert "1 January" in audit.at["anon_city_2011_time_past_half", "note"]


def test_a_verdict_resting_on_the_inputs_rounding_says_so(audit):
    # 003 part 3: 988万 of 2160万 is 45.7407%, within "45.74%"; at 万元 precision the inputs allow 45.707-45.774
    row = audit.loc["anon_city_2011_completion_rate"]
    assert row["status"] == "reproduced" and "rests on the inputs as written" in row["note"]
    lo, _, hi = row["at_precision"].partition("–")
    assert (float(lo), float(hi)) == pytest.approx((987.5 / 2160.5 * 100, 988.5 / 2159.5 * 100), abs=1e-3)
    # 000: 1.3亿 of 7.1亿 stays under 20% even at the inputs' precision (1.35 / 7.05 = 19.15%)
    assert "rests on" not in audit.at["anon_city_88_maqiao_usable_funds_share", "note"]


def test_the_misread_yixian_count_is_reproduced_with_the_policy_note(audit):
    # 003 part 7: 渔亭镇、宏潭、洪星、柯村、美溪乡 are the small class; the "4个乡" are its four 乡
    row = audit.loc["yixian_small_class_vs_small_allocation"]
    assert row["status"] == "reproduced" and "渔亭镇" in row["note"]


def test_each_finding_says_what_kind_of_check_it_is(audit):
    kinds = audit["kind"].value_counts()
    assert set(kinds.index) == {"arithmetic", "list count", "restatement", "not checked"}
    assert audit.at["dongying_in_use_share", "kind"] == "arithmetic"
    assert audit.at["laishui_bodies_listed", "kind"] == "list count"
    assert audit.at["anon_city_162_built_repeat", "kind"] == "restatement"


def test_every_reading_is_recomputed_and_the_65_percent_denominators_fail():
    from analysis.audit import audit_readings

    readings = audit_readings(load_tables()).set_index("reading_id")
    # 003 part 8: 90 of the 148 towns is 60.8%, of the 162 units 55.6%: neither reaches 65%
    assert float(readings.at["anon_city_162_built_share_of_towns", "recomputed"]) == pytest.approx(90 / 148 * 100, abs=1e-3)
    assert float(readings.at["anon_city_162_built_share_of_units", "recomputed"]) == pytest.approx(90 / 162 * 100, abs=1e-3)
    assert set(readings.loc[["anon_city_162_built_share_of_towns", "anon_city_162_built_share_of_units"], "holds"]) == {"no"}
    # 003 part 10: the eight bodies' 53 posts are within 59 if the 6 leadership posts stand apart
    assert readings.at["laishui_leadership_posts", "holds"] == "yes"


# --- The agreed discrepancies stay discrepancies: no standard reading may reconcile them ----------------------

AGREED_DISCREPANCIES = {
    "anon_city_162_built_share",             # 003 part 8: "65%以上" built; 90 of 144 tasks, 148 towns or 162 units
    "anon_district_pp_units_2002_vs_4",      # 003 part 4: "由17个减为4个", but five units are named
    "anon_district_pp_p05_vs_p04_congress",  # 003 parts 4 and 5: 十六届 against 十七届
    "jiangjin_basic_principles_count",       # 004: "六个基本原则", four listed
}


def test_the_four_agreed_discrepancies_stay_discrepancies_and_are_the_only_ones(audit):
    five = audit.index.isin(of_the_five_reports(load_tables()).findings["finding_id"])  # a report added later may have its own
    assert set(audit.index[five & (audit["status"] == "discrepancy")]) == AGREED_DISCREPANCIES
    # "65%以上" is a floor, not digits to cut off, and the audit invents no whole: no standard reading is tried
    assert "truncated" not in audit.at["anon_city_162_built_share", "note"]
    assert "other_whole" not in audit.at["anon_city_162_built_share", "note"]
