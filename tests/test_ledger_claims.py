"""The ledger rows added or mended after the second blind reading, each with the grade the report's words give.

Every expectation below was written from the report text before the audit was run on the row; the comment
gives the arithmetic. Where the audit disagrees and the row is right, the expectation stays and the case is
marked xfail (strict) with the reason: the audit's reading is the one to change, not the report's.
"""

import pytest

from analysis.audit import audit_findings
from analysis.tables import load_tables

REPRODUCED, TENSION, DISCREPANCY, UNVERIFIABLE = "reproduced", "tension", "discrepancy", "unverifiable"

EXPECTED = {
    # 000 part 1 (xxx, 88 towns)
    "anon_city_88_lists_units_repeat": REPRODUCED,         # 全市88个镇(街道) (line 26) = 全市88个乡镇 (line 14): 88 = 88
    "anon_city_88_reform_year_consistency": REPRODUCED,    # 2010年机构改革 (line 34) = 2010年乡镇机构改革 (line 26)
    "anon_city_88_posts_year_vs_reform_year": REPRODUCED,  # 2010年核定乡镇编制, under 上次乡镇机构改革 (line 46) = 2010 (line 26)
    # 000 parts 1-3 across the three reports under one title
    "national_seven_functions": REPRODUCED,                # 七项职能 (part 2, line 104) = 7项职权 (part 1, line 38): 7 = 7
    "national_agri_tax_abolition_consistency": REPRODUCED,  # 2006年农业税全面取消 (part 3) = 于2006年...取消农业税 (part 2)
    # 002 (Shandong bulletin)
    "anon_county_sd_stations_merged_count": REPRODUCED,    # 3 named on line 11 + 5 on line 12 (after the prefix 12、) = 8个
    "anon_county_sd_pilot_san_zhan_count": REPRODUCED,     # "三站,即将原...合并成立" 财政经管站、方案生育效劳站、农业综合效劳站: 3
    "anon_county_sd_pilot_stations_after_repeat": REPRODUCED,    # 三个站 = 三站: 3 = 3
    "anon_county_sd_pilot_stations_after_2_repeat": REPRODUCED,  # 3个事业站所 = 三站: 3 = 3
    # 003 part 1 (a Sichuan town)
    "anon_town_sc_villages_repeat": REPRODUCED,            # 8个村 (line 13) = 农村8个村 (line 9)
    "anon_town_sc_communities_repeat": REPRODUCED,         # 5个社区 (line 13) = 5个社区 (line 9)
    "anon_town_sc_collection_rate_improved": UNVERIFIABLE,  # 明显提高: no rate for last year's first half
    # 003 part 3 (a city's 90 culture-station projects, 2011)
    "anon_city_2011_time_past_half": REPRODUCED,           # from 1 January: 7 months (to 7月底) of 11 (to 11月底) = 63.6% > 50%
    # 003 part 4 (++区)
    "anon_district_pp_subdistricts_repeat": REPRODUCED,    # 共有...2个街道办事处 = 新设立++、++2个街道办事处: 2 = 2
    "anon_district_pp_towns_abolished_repeat": REPRODUCED,  # 涉及撤销的4个乡镇 = 全区共撤销4个乡镇: 4 = 4
    "anon_district_pp_old_offices_vs_8_10": REPRODUCED,    # 7 原有的办公室 + 3 分设的小部门 (then 等) = 10, within 8-10个
    "anon_district_pp_centres_2002_count": REPRODUCED,     # 三个中心: 农业综合服务中心、国土规划建设综合管理中心、社会事业综合管理中心
    "anon_district_pp_suo_2002_count": REPRODUCED,         # 两个所: 人口与计划生育管理所、财政所
    "anon_district_pp_admin_offices_2002_repeat": REPRODUCED,  # 设置1-2个综合性办公室 (line 147) = 减为1-2个 (line 139)
    "anon_district_pp_centres_2005_count": REPRODUCED,     # 四中心: 社会事务、农业(经济技术)、文化(广播)、村镇(社区)建设 服务中心
    "anon_district_pp_maritime_townships_count": REPRODUCED,   # 在++、++两个乡: two (masked) names
    "anon_district_pp_finance_subdistricts_count": REPRODUCED,  # ++、++两个办事处: two (masked) names
    # 003 part 5, a copy of part 4 with the placeholders and years removed: each number against its twin in part 4
    "anon_district_pp_p05_towns_abolished_vs_p04": REPRODUCED,          # 4个 = 4个
    "anon_district_pp_p05_subdistricts_created_vs_p04": REPRODUCED,     # 2个 = 2个
    "anon_district_pp_p05_subdistricts_after_vs_p04": REPRODUCED,       # 2个 = 2个
    "anon_district_pp_p05_township_units_cut_rate_vs_p04": REPRODUCED,  # 10% = 10%
    "anon_district_pp_p05_towns_abolished_2_vs_p04": REPRODUCED,        # 4个 = 4个
    "anon_district_pp_p05_admin_reform_month_vs_p04": REPRODUCED,       # 12月底 = 12月底
    "anon_district_pp_p05_inst_reform_month_vs_p04": REPRODUCED,        # 8月底 = 8月底
    "anon_district_pp_p05_posts_admin_cut_rate_vs_p04": REPRODUCED,     # 10% = 10%
    "anon_district_pp_p05_staff_admin_cut_rate_vs_p04": REPRODUCED,     # 7% = 7%
    "anon_district_pp_p05_posts_inst_cut_rate_vs_p04": REPRODUCED,      # 20% = 20%
    "anon_district_pp_p05_staff_inst_cut_rate_vs_p04": REPRODUCED,      # 16% = 16%
    "anon_district_pp_p05_institutions_before_2002_vs_p04": REPRODUCED,  # 17个 = 17个
    "anon_district_pp_p05_institutions_after_2002_vs_p04": REPRODUCED,  # 4个 = 4个
    "anon_district_pp_p05_institutions_cut_rate_2002_vs_p04": REPRODUCED,  # 76% = 76%
    "anon_district_pp_p05_admin_offices_before_2002_vs_p04": REPRODUCED,  # 8-10个 = 8-10个
    "anon_district_pp_p05_admin_offices_after_2002_vs_p04": REPRODUCED,  # 1-2个 = 1-2个
    "anon_district_pp_p05_offices_cut_rate_2002_vs_p04": REPRODUCED,    # 80%以上 = 80%以上
    "anon_district_pp_p05_survey_month_vs_p04": REPRODUCED,             # 10月 = 10月
    "anon_district_pp_p05_sanding_vs_p04": REPRODUCED,                  # 三定 = 三定
    "anon_district_pp_p05_reform_completed_month_vs_p04": REPRODUCED,   # 3月 = 3月
    "anon_district_pp_p05_party_gov_bodies_before_2005_vs_p04": REPRODUCED,  # 12个 = 12个
    "anon_district_pp_p05_party_gov_bodies_after_2005_vs_p04": REPRODUCED,   # 3个 = 3个
    "anon_district_pp_p05_party_gov_cut_rate_2005_vs_p04": REPRODUCED,  # 75% = 75%
    "anon_district_pp_p05_stations_before_2005_vs_p04": REPRODUCED,     # 17个 = 17个
    "anon_district_pp_p05_stations_after_2005_vs_p04": REPRODUCED,      # 7个 = 7个
    "anon_district_pp_p05_stations_cut_rate_2005_vs_p04": REPRODUCED,   # 59% = 59%
    "anon_district_pp_p05_admin_offices_before_2005_vs_p04": REPRODUCED,  # 10个 = 10个
    "anon_district_pp_p05_admin_offices_after_2005_vs_p04": REPRODUCED,  # 3个 = 3个
    "anon_district_pp_p05_admin_offices_cut_rate_2005_vs_p04": REPRODUCED,  # 70% = 70%
    "anon_district_pp_p05_institutions_pre2002_vs_p04": REPRODUCED,     # 共21个 = 共21个
    "anon_district_pp_p05_centres_2002_vs_p04": REPRODUCED,             # 三个中心 = 三个中心
    "anon_district_pp_p05_suo_2002_vs_p04": REPRODUCED,                 # 两个所 = 两个所
    "anon_district_pp_p05_admin_offices_set_2002_vs_p04": REPRODUCED,   # 1-2个 = 1-2个
    "anon_district_pp_p05_school_2005_vs_p04": REPRODUCED,              # 一校 = 一校
    "anon_district_pp_p05_station_2005_vs_p04": REPRODUCED,             # 一站 = 一站
    "anon_district_pp_p05_centres_2005_vs_p04": REPRODUCED,             # 四中心 = 四中心
    "anon_district_pp_p05_townships_maritime_office_vs_p04": REPRODUCED,  # 两个乡 = 两个乡
    "anon_district_pp_p05_subdistricts_finance_office_vs_p04": REPRODUCED,  # 两个办事处 = 两个办事处
    "anon_district_pp_p05_admin_offices_set_2005_vs_p04": REPRODUCED,   # 3个 = 3个
    "anon_district_pp_p05_government_levels_vs_p04": REPRODUCED,        # 区乡两级 = 区乡两级
    "anon_district_pp_p05_cpc_plenum_vs_p04": REPRODUCED,               # 五中全会 = 五中全会 (the 届 differs: a finding of its own)
    "anon_district_pp_p05_sannong_vs_p04": REPRODUCED,                  # 三农 = 三农
    # 003 part 6: 三室二厅's members are never named; the 一般应具备 list is another list
    "anon_county_p6_sanshi_erting": UNVERIFIABLE,
    # 003 part 7 (黟县)
    "yixian_offices_medium_listed": REPRODUCED,            # 宏村镇、西递镇、渔亭镇各设3个: 党政、经济发展、社会事业办公室
    # 003 part 8
    "xuanzhou_daily_opening_vs_weekdays": UNVERIFIABLE,    # 每天: no number the ledger can read
    "anon_city_162_government_levels_repeat_value": REPRODUCED,  # 县、乡这两级 = 县、乡两级: 2 = 2
    "anon_city_162_investment_repeat": REPRODUCED,         # 先后投资6800多万元 (line 379) = 投资就达6800多万元 (line 375)
    "anon_city_162_majority_built": REPRODUCED,            # 大部分: 90 built of 144 tasks = 62.5% > 50%
    # 003 part 9: 一个机构,两块牌子
    "anon_town_p9_zongzhi_nameplates_count": REPRODUCED,   # 社会治安综合治理委员会办公室 (与) 司法所: 2
    "anon_town_p9_finance_nameplates_count": REPRODUCED,   # 农业税征收管理所 与 财政所: 2
    # 004 江津
    "jiangjin_groups_vs_pilot_towns": REPRODUCED,          # 4个调研组 for 德感、白沙、慈云、蔡家4个镇(街): 4 = 4
    "jiangjin_pilot_towns_consistency": REPRODUCED,        # 四个试点镇(街) = 4个镇(街)
    "jiangjin_pilot_towns_models_repeat": REPRODUCED,      # 4个试点镇(街)...不统一模式 = 4个镇(街)
    "jiangjin_san_luoshi_count": REPRODUCED,               # 三落实: 真情真访, 真问真纳, 真抓真干, one beside each 转变
    "jiangjin_evaluation_kinds_repeat": REPRODUCED,        # 两种评议 = 两测评: 2 = 2
}

# Where the audit's reading, not the row, is wrong (see the report of branch ledger).
# (80%以上 = 80%以上 was one until a restatement of a qualified number was judged by the overlap of the windows.)
AUDIT_CANNOT_READ: dict[str, str] = {}

# Rows replaced by a mended finding.
ABSENT = [
    "jiangjin_groups_vs_lead_departments",        # renamed: the four groups go with the four pilot towns
    "anon_city_88_statutory_powers_consistency",  # a check that national_seven_functions now is
]


@pytest.fixture(scope="module")
def audit():
    return audit_findings(load_tables()).set_index("finding_id")


def _cases():
    for finding_id, status in EXPECTED.items():
        marks = [pytest.mark.xfail(strict=True, reason=AUDIT_CANNOT_READ[finding_id])] if finding_id in AUDIT_CANNOT_READ else []
        yield pytest.param(finding_id, status, id=finding_id, marks=marks)


@pytest.mark.parametrize("finding_id, status", list(_cases()))
def test_each_added_or_mended_finding_has_the_grade_the_report_gives(audit, finding_id, status):
    assert audit.at[finding_id, "status"] == status


@pytest.mark.parametrize("finding_id", ABSENT)
def test_rows_replaced_by_a_mended_finding_are_gone(audit, finding_id):
    checks = audit_findings(load_tables(), table="checks")
    assert finding_id not in audit.index and finding_id not in set(checks["finding_id"])


def test_part_5_restates_every_number_of_part_4_it_copies():
    # 003 part 5: 43 numbers, each compared with its twin in part 4 (十七届 against 十六届 is the one that differs)
    tables = load_tables()
    findings = tables.findings.set_index("finding_id")
    p05 = tables.facts[tables.facts["source"] == "s003p05"]
    claimed = set(findings.loc[findings["rule"] == "value", "claim_fact"])
    assert set(p05["fact_id"]) <= claimed
    assert len(p05) == 43
