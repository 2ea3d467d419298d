"""The findings ledger, checked number by number against what the reports say.

Expected values are computed here by hand from the report texts (cited per case),
not copied from the audit's output.
"""

import pytest

from analysis.audit import audit_findings
from analysis.tables import load_tables


@pytest.fixture(scope="module")
def audit():
    return audit_findings(load_tables()).set_index("finding_id")


def recomputed(audit, finding_id):
    text = audit.at[finding_id, "recomputed"]
    lo, _, hi = text.partition("–")
    return (float(lo), float(hi)) if hi else float(lo)


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
        ("anon_district_pp_units_2002_vs_4", 3 + 2, "discrepancy"),     # "三个中心两个所" vs "减为4个"
        ("anon_district_pp_units_2005_sum_vs_7", 1 + 1 + 4, "discrepancy"),  # "一校一站四中心" vs "整合为7个"
        ("anon_district_pp_p05_vs_p04_congress", 16, "discrepancy"),    # 十六届 (p04) vs 十七届 (p05)
        # 003 part 7 黟县: 169 = 117 + 39 + 13; five small towns, four given the small allocation
        ("yixian_institutional_posts_sum", 117 + 39 + 13, "reproduced"),
        ("yixian_small_class_vs_small_allocation", 5, "discrepancy"),
        # 003 part 8 宣州区: Mon-Fri 8:00-12:00 and 13:00-17:00 = 40 hours a week; 四室 but three rooms named
        ("xuanzhou_weekly_hours", (4 + 4) * 5, "reproduced"),
        ("xuanzhou_four_rooms_one_hall", 3, "discrepancy"),
        # 003 part 8 xx市: 162 = 148 + 14; 144 = 90 + 47 + 7; 31 of 90 is "三分之一"; "65%以上" built
        ("anon_city_162_units_sum", 148 + 14, "reproduced"),
        ("anon_city_162_tasks_status_sum", 90 + 47 + 7, "reproduced"),
        ("anon_city_162_operating_share", 31 / 90 * 100, "reproduced"),
        ("anon_city_162_built_share_vs_tasks", 90 / 144 * 100, "discrepancy"),
        # 003 part 10 义安镇: 59 = 31 + 28, but the eight bodies' posts add to 53
        ("laishui_posts_admin_plus_inst", 31 + 28, "reproduced"),
        ("laishui_posts_bodies_sum", 10 + 5 + 5 + 5 + 11 + 3 + 8 + 6, "discrepancy"),
        # 004 江津: "六个基本原则", four listed
        ("jiangjin_basic_principles_count", 4, "discrepancy"),
    ],
)
def test_finding(audit, finding_id, expected, status):
    assert audit.at[finding_id, "status"] == status
    assert recomputed(audit, finding_id) == pytest.approx(expected, abs=1e-3)


def test_a_claim_over_a_range_is_a_discrepancy_with_the_range_in_its_note(audit):
    # 003 part 4: 8-10 offices cut to 1-2 is a cut of 75% to 90%, not "80%以上" throughout
    assert audit.at["anon_district_pp_admin_offices_cut_2002", "status"] == "discrepancy"
    assert recomputed(audit, "anon_district_pp_admin_offices_cut_2002") == pytest.approx((75.0, 90.0))
    assert "75–90" in audit.at["anon_district_pp_admin_offices_cut_2002", "note"]


@pytest.mark.parametrize(
    "finding_id",
    [
        "dongying_pilot_towns_named",             # 001: 6 towns, 5 named only as examples (比如): nothing to count
        "xuanzhou_daily_opening_vs_weekdays",     # 003 part 8: 每天 is a recommendation, not a stated schedule
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
    assert set(audit["status"]) == {"reproduced", "discrepancy", "unverifiable"}
    assert (audit.loc[audit["status"] != "reproduced", "note"].str.len() > 0).all()


def test_citations_point_to_the_claimed_number(audit):
    row = audit.loc["dongying_in_use_share"]
    assert row["source"] == "s001" and "44.6%" in row["locator"]
