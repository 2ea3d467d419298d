"""The audit's rules and standard readings on reports users bring: budgets, final accounts, bulletins, in sentences
written for these tests (the five reports' ledger, finding by finding: test_ledger_transcription.py)."""

import pytest

from analysis.audit import audit_findings
from analysis.tables import load_tables


def recomputed(audit, finding_id):
    text = audit.at[finding_id, "recomputed"]
    lo, _, hi = text.partition("–")
    return (float(lo), float(hi)) if hi else float(lo)


# --- Reports users bring: budgets, final accounts, bulletins (sentences written for these tests) ---------------
# Each fact: id, county, entity, measure, period, as_written, value, low, high, unit, source, locator.
# 简体 rows are put under xuanzhou (s003p08a), 繁體 rows under dongying (s001): validation does not tie a fact's
# source to its county, and the locators are never checked against those reports here.
S, T = ("xuanzhou", "s003p08a"), ("dongying", "s001")
USER_FACTS = [
    # 甲镇 revenue 1,000万 -> 1,050万; expenditure 1,000万 -> 950万
    ("u_rev_2022", S, "甲镇", "public_budget_revenue", "2022", "1000万元", "10000000", "元", "2022年收入1000万元"),
    ("u_rev_2023", S, "甲镇", "public_budget_revenue", "2023", "1050万元", "10500000", "元", "2023年收入1050万元"),
    ("u_rev_up_5", S, "甲镇", "revenue_change_rate", "2023", "增长5%", "5", "%", "比上年增长5%"),
    ("u_rev_up_476", S, "甲镇", "revenue_change_rate", "2023", "增长4.76%", "4.76", "%", "比上年增长4.76%"),
    ("u_rev_up_6", S, "甲镇", "revenue_change_rate", "2023", "增长6%", "6", "%", "比上年增长6%"),
    ("u_exp_2022", S, "甲镇", "public_budget_expenditure", "2022", "1000万元", "10000000", "元", "2022年支出1000万元"),
    ("u_exp_2023", S, "甲镇", "public_budget_expenditure", "2023", "950万元", "9500000", "元", "2023年支出950万元"),
    ("u_exp_down_5", S, "甲镇", "expenditure_change_rate", "2023", "下降5%", "5", "%", "比上年下降5%"),
    ("u_exp_down_526", S, "甲镇", "expenditure_change_rate", "2023", "下降5.26%", "5.26", "%", "比上年下降5.26%"),
    ("u_exp_minus_5", S, "甲镇", "expenditure_change_rate", "2023", "增长-5%", "-5", "%", "比上年增长-5%"),
    # 81 towns, 10 stations built: 12.345679%
    ("u_towns", S, "乙市", "towns", "", "81个", "81", "个", "全市81个乡镇"),
    ("u_built", S, "乙市", "culture_stations_built", "", "10个", "10", "个", "已建成10个"),
    ("u_built_1234", S, "乙市", "culture_stations_built_share", "", "12.34%", "12.34", "%", "占12.34%"),
    ("u_built_1235", S, "乙市", "culture_stations_built_share", "", "12.35%", "12.35", "%", "占12.35%"),
    ("u_built_1233", S, "乙市", "culture_stations_built_share", "", "12.33%", "12.33", "%", "占12.33%"),
    # a sector's share 26.3% -> 30.0%; a rate 20.0% -> 20.74%
    ("u_share_2022", S, "第三产业", "output_share", "2022", "26.3%", "26.3", "%", "比重为26.3%"),
    ("u_share_2023", S, "第三产业", "output_share", "2023", "30.0%", "30", "%", "比重为30.0%"),
    ("u_pts_37", S, "第三产业", "share_change_points", "2023", "上升3.7个百分点", "3.7", "个百分点", "比重上升3.7个百分点"),
    ("u_pct_37", S, "第三产业", "output_change_rate", "2023", "上升3.7%", "3.7", "%", "比重上升3.7%"),
    ("u_pct_141", S, "第三产业", "output_change_rate", "2023", "上升14.1%", "14.1", "%", "比重上升14.1%"),
    ("u_pts_42", S, "第三产业", "share_change_points", "2023", "上升4.2个百分点", "4.2", "个百分点", "比重上升4.2个百分点"),
    ("u_rate_2022", S, "城镇化率", "output_share", "2022", "20.0%", "20", "%", "城镇化率20.0%"),
    ("u_rate_2023", S, "城镇化率", "output_share", "2023", "20.74%", "20.74", "%", "城镇化率20.74%"),
    ("u_rate_pts_37", S, "城镇化率", "share_change_points", "2023", "提高3.7个百分点", "3.7", "个百分点", "提高3.7个百分点"),
    # 60 villages and communities, 48 of them villages; 12 stations, 10 of them in villages
    ("u_units", S, "丙镇", "township_units", "", "60个", "60", "个", "全镇60个村(社区)"),
    ("u_villages", S, "丙镇", "communities", "", "48个", "48", "个", "其中48个行政村"),
    ("u_stations", S, "丙镇", "culture_stations_built", "", "12个", "12", "个", "建成服务站12个"),
    ("u_village_stations", S, "丙镇", "culture_stations_operating", "", "10个", "10", "个", "村级服务站10个"),
    ("u_stations_share", S, "丙镇", "culture_stations_built_share", "", "25%", "25", "%", "占25%"),
    # 繁體, Taiwan usage: 歲入 1,000萬 -> 1,050萬; 歲出 1,000萬 -> 950萬; 決算 38,941萬 of 預算 36,234萬
    ("u_tw_rev_107", T, "某鄉公所", "public_budget_revenue", "107", "1,000萬元", "10000000", "元", "107年度歲入1,000萬元"),
    ("u_tw_rev_108", T, "某鄉公所", "public_budget_revenue", "108", "1,050萬元", "10500000", "元", "108年度歲入1,050萬元"),
    ("u_tw_rev_up", T, "某鄉公所", "revenue_change_rate", "108", "較上年度增加4.76%", "4.76", "%", "較上年度增加4.76%"),
    ("u_tw_exp_107", T, "某鄉公所", "public_budget_expenditure", "107", "1,000萬元", "10000000", "元", "107年度歲出1,000萬元"),
    ("u_tw_exp_108", T, "某鄉公所", "public_budget_expenditure", "108", "950萬元", "9500000", "元", "108年度歲出950萬元"),
    ("u_tw_exp_down_5", T, "某鄉公所", "expenditure_change_rate", "108", "減少5%", "5", "%", "較上年度減少5%"),
    ("u_tw_exp_down_526", T, "某鄉公所", "expenditure_change_rate", "108", "減少5.26%", "5.26", "%", "較上年度減少5.26%"),
    ("u_tw_actual", T, "某鄉公所", "public_budget_revenue", "108", "38,941萬元", "389410000", "元", "決算額38,941萬元"),
    ("u_tw_budget", T, "某鄉公所", "budget_amount", "108", "36,234萬元", "362340000", "元", "預算總額36,234萬元"),
    ("u_tw_completion", T, "某鄉公所", "budget_completion_rate", "108", "107.47%", "107.47", "%", "佔預算總額107.47%"),
    ("u_tw_share_107", T, "某鄉公所", "output_share", "107", "30.0%", "30", "%", "比重30.0%"),
    ("u_tw_share_108", T, "某鄉公所", "output_share", "108", "26.3%", "26.3", "%", "比重26.3%"),
    ("u_tw_pts_down", T, "某鄉公所", "share_change_points", "108", "下降3.7個百分點", "3.7", "个百分点", "下降3.7個百分點"),
    ("u_tw_pct_down", T, "某鄉公所", "output_change_rate", "108", "下降3.7%", "3.7", "%", "比重下降3.7%"),
    ("u_tw_towns", T, "某縣", "towns", "", "81個", "81", "个", "全縣81個鄉鎮"),
    ("u_tw_built", T, "某縣", "culture_stations_built", "", "10個", "10", "个", "已建成10個"),
    ("u_tw_built_1234", T, "某縣", "culture_stations_built_share", "", "12.34%", "12.34", "%", "佔12.34%"),
]
# finding id: (claim fact, rule, inputs)
USER_FINDINGS = {
    "u_up_5": ("u_rev_up_5", "growth", "u_rev_2022 u_rev_2023"),
    "u_up_476": ("u_rev_up_476", "growth", "u_rev_2022 u_rev_2023"),
    "u_up_6": ("u_rev_up_6", "growth", "u_rev_2022 u_rev_2023"),
    "u_down_5": ("u_exp_down_5", "reduction", "u_exp_2022 u_exp_2023"),
    "u_down_526": ("u_exp_down_526", "reduction", "u_exp_2022 u_exp_2023"),
    "u_minus_5": ("u_exp_minus_5", "growth", "u_exp_2022 u_exp_2023"),
    "u_down_as_growth": ("u_exp_down_5", "growth", "u_exp_2022 u_exp_2023"),
    "u_share_1234": ("u_built_1234", "share", "u_built u_towns"),
    "u_share_1235": ("u_built_1235", "share", "u_built u_towns"),
    "u_share_1233": ("u_built_1233", "share", "u_built u_towns"),
    "u_points_37": ("u_pts_37", "points", "u_share_2022 u_share_2023"),
    "u_percent_37": ("u_pct_37", "growth", "u_share_2022 u_share_2023"),
    "u_percent_141": ("u_pct_141", "growth", "u_share_2022 u_share_2023"),
    "u_points_42": ("u_pts_42", "points", "u_share_2022 u_share_2023"),
    "u_rate_points": ("u_rate_pts_37", "points", "u_rate_2022 u_rate_2023"),
    "u_other_whole": ("u_stations_share", "share", "u_stations u_units"),
    "u_tw_up": ("u_tw_rev_up", "growth", "u_tw_rev_107 u_tw_rev_108"),
    "u_tw_down_5": ("u_tw_exp_down_5", "reduction", "u_tw_exp_107 u_tw_exp_108"),
    "u_tw_down_526": ("u_tw_exp_down_526", "reduction", "u_tw_exp_107 u_tw_exp_108"),
    "u_tw_completion": ("u_tw_completion", "share", "u_tw_actual u_tw_budget"),
    "u_tw_points_down": ("u_tw_pts_down", "points_fall", "u_tw_share_107 u_tw_share_108"),
    "u_tw_percent_down": ("u_tw_pct_down", "reduction", "u_tw_share_107 u_tw_share_108"),
    "u_tw_share_1234": ("u_tw_built_1234", "share", "u_tw_built u_tw_towns"),
}
USER_READINGS = [  # a row of another part over another whole: the whole other_whole may take
    ("u_village_share", "u_other_whole", "the village stations' share of the villages", "share", "u_village_stations u_villages"),
]


def _append(path, rows: list[dict]):
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    with open(path, "a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, header, lineterminator="\n").writerows(rows)


def _user_facts(data_dir, facts=USER_FACTS):
    domains = {}
    import csv

    with open(data_dir / "measures.csv", encoding="utf-8", newline="") as f:
        domains = {row["measure"]: row["domain"] for row in csv.DictReader(f)}
    _append(data_dir / "facts.csv", [
        {"fact_id": i, "county": where[0], "entity": entity, "domain": domains[measure], "measure": measure, "period": period,
         "as_written": written, "value": value, "low": "", "high": "", "qualifier": "", "unit": unit, "source": where[1],
         "locator": locator, "note": ""}
        for i, where, entity, measure, period, written, value, unit, locator in facts])


@pytest.fixture(scope="module")
def user_audit(tmp_path_factory):
    import shutil

    from analysis.paths import DATA_DIR

    data_dir = tmp_path_factory.mktemp("user") / "data"
    shutil.copytree(DATA_DIR, data_dir)
    _user_facts(data_dir)
    facts = {f[0]: f for f in USER_FACTS}
    _append(data_dir / "findings.csv", [
        {"finding_id": i, "county": facts[claim][1][0], "domain": "finance", "claim": facts[claim][8], "claimed": facts[claim][5],
         "claim_fact": claim, "rule": rule, "inputs": inputs, "note": ""} for i, (claim, rule, inputs) in USER_FINDINGS.items()])
    _append(data_dir / "readings.csv", [
        {"reading_id": i, "finding_id": finding, "label": label, "rule": rule, "inputs": inputs, "claimed": "", "take": "all",
         "why": "a test row"} for i, finding, label, rule, inputs in USER_READINGS])
    return audit_findings(load_tables(data_dir)).set_index("finding_id")


@pytest.mark.parametrize("finding_id, expected, status, reading", [
    # 1,000 -> 1,050: 5% (the base); 50 / 1,050 = 4.7619% (the later year); "6%" neither
    ("u_up_5", 5.0, "reproduced", ""),
    ("u_up_476", 5.0, "tension", "later_base"),
    ("u_up_6", 5.0, "discrepancy", ""),
    ("u_tw_up", 5.0, "tension", "later_base"),
    # 1,000 -> 950, a fall stated by its size: 5%; 50 / 950 = 5.2632%; written as a negative growth, -5%
    ("u_down_5", 5.0, "reproduced", ""),
    ("u_down_526", 5.0, "tension", "later_base"),
    ("u_tw_down_5", 5.0, "reproduced", ""),
    ("u_tw_down_526", 5.0, "tension", "later_base"),
    ("u_minus_5", -5.0, "reproduced", ""),
    ("u_down_as_growth", -5.0, "discrepancy", ""),  # "下降5%" checked as growth says it rose: no reading mends that
    # 10 of 81 = 12.345679%: rounded 12.35, cut off 12.34, and 12.33 is neither
    ("u_share_1235", 10 / 81 * 100, "reproduced", ""),
    ("u_share_1234", 10 / 81 * 100, "tension", "truncated"),
    ("u_share_1233", 10 / 81 * 100, "discrepancy", ""),
    ("u_tw_share_1234", 10 / 81 * 100, "tension", "truncated"),
    # a share 26.3% -> 30.0%: 3.7 points; its growth 30 / 26.3 - 1 = 14.0684%
    ("u_points_37", 3.7, "reproduced", ""),
    ("u_percent_141", (30 / 26.3 - 1) * 100, "reproduced", ""),
    ("u_percent_37", (30 / 26.3 - 1) * 100, "tension", "percent_for_points"),
    ("u_points_42", 3.7, "discrepancy", ""),
    # a rate 20.0% -> 20.74%: 0.74 points, but a growth of 3.7%
    ("u_rate_points", 0.74, "tension", "points_for_percent"),
    # 30.0% -> 26.3%: down 3.7 points; a fall of 1 - 26.3 / 30 = 12.3333%
    ("u_tw_points_down", 3.7, "reproduced", ""),
    ("u_tw_percent_down", (1 - 26.3 / 30) * 100, "tension", "percent_for_points"),
    # 決算 38,941萬 of 預算 36,234萬 = 107.4709%: a ratio to a budget passes 100
    ("u_tw_completion", 38941 / 36234 * 100, "reproduced", ""),
    # 12 stations of 60 units is 20%; the row's 10 of 48 villages is 20.83%; 12 of those 48 villages is 25%
    ("u_other_whole", 20.0, "tension", "other_whole"),
])
def test_growth_points_and_standard_readings_on_users_reports(user_audit, finding_id, expected, status, reading):
    row = user_audit.loc[finding_id]
    assert (row["status"], row["reading"]) == (status, reading)
    assert recomputed(user_audit, finding_id) == pytest.approx(expected, abs=1e-3)


def test_a_standard_reading_explains_itself_and_a_discrepancy_lists_what_each_gave(user_audit):
    note = user_audit.at["u_up_476", "note"]
    assert "read as later_base (the change over the later amount, not the base), 增长4.76% holds (recomputed 4.7619)" in note
    assert "the change divided by the wrong year" in note
    assert user_audit.at["u_up_476", "kind"] == "arithmetic"
    note = user_audit.at["u_share_1234", "note"]
    assert "read as truncated (12.3457 cut off at 0.01, not rounded), 12.34% holds (recomputed 12.34)" in note
    # "上升4.2个百分点": 3.7 has no digit to cut off (not listed); as a rate of change it is 14.0684%
    note = user_audit.at["u_points_42", "note"]
    assert note == ("recomputed 3.7, but claim 上升4.2个百分点 needs [4.15, 4.25); read as points_for_percent (the rate of "
                    "change in %, not percentage points): 14.0684, 上升4.2个百分点 still fails")
    # "6%" over the later year is 4.7619; money is no share, so percent_for_points is not tried
    note = user_audit.at["u_up_6", "note"]
    assert note == ("recomputed 5, but claim 增长6% needs [5.5, 6.5); read as later_base (the change over the later amount, "
                    "not the base): 4.7619, 增长6% still fails")
    # the row written for the finding is tried, and fails, before the other whole it names
    note = user_audit.at["u_other_whole", "note"]
    assert "read as other_whole (a share of 丙镇 48个 (u_villages)), 25% holds (recomputed 25)" in note


def test_a_change_checked_in_the_wrong_direction_says_which_rule_fits(user_audit):
    # 1,000 -> 950 "下降5%" checked as growth gives -5: a discrepancy of the finding, with the rule that fits
    note = user_audit.at["u_down_as_growth", "note"]
    assert note.endswith("the inputs give a negative growth (-5): if the report states the change by its size with a word "
                         "of the other direction, the finding's rule is reduction (data/DICTIONARY.md, findings.csv: changes "
                         "against a base)")
    assert "negative" not in user_audit.at["u_up_6", "note"]  # a rise that misses its number needs no such hint


def test_percent_ranges_come_from_the_measure(tmp_path):
    """107.47% is a ratio to a budget (range any) but cannot be a share of a whole (range 0-100)."""
    import shutil

    from analysis.paths import DATA_DIR
    from analysis.tables import DataError

    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    rows = len((data_dir / "facts.csv").read_text(encoding="utf-8").splitlines())
    _user_facts(data_dir, [("u_ok", T, "某鄉公所", "budget_completion_rate", "108", "107.47%", "107.47", "%", "佔預算總額107.47%"),
                           ("u_minus", T, "某鄉公所", "revenue_change_rate", "108", "-4.3%", "-4.3", "%", "成長-4.3%"),
                           ("u_bad", T, "某鄉公所", "powers_in_use_share", "108", "107.47%", "107.47", "%", "佔107.47%"),
                           ("u_bad_minus", S, "甲镇", "output_share", "2023", "-4.3%", "-4.3", "%", "比重-4.3%")])
    with pytest.raises(DataError) as err:
        load_tables(data_dir)
    share = ("columns value/low/high: a percentage outside [0, 100], and its measure is a share (range 0-100 in "
             "data/measures.csv; a growth rate or a ratio to a budget takes a measure of range any)")
    assert err.value.problems == [
        f"data/facts.csv, row {rows + 3}: {share} (value='107.47', low='', high='')",
        f"data/facts.csv, row {rows + 4}: {share} (value='-4.3', low='', high='')",
    ]


def test_a_measure_in_percent_says_its_range_and_no_other_does(tmp_path):
    import shutil

    from analysis.paths import DATA_DIR
    from analysis.tables import DataError

    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    _append(data_dir / "measures.csv", [
        {"measure": "u_rate", "domain": "finance", "unit": "%", "range": "", "term_zh": "比率", "description": "a rate"},
        {"measure": "u_count", "domain": "context", "unit": "个", "range": "0-100", "term_zh": "个数", "description": "a count"},
        {"measure": "u_odd", "domain": "context", "unit": "%", "range": "0-200", "term_zh": "比", "description": "a ratio"}])
    rows = len((DATA_DIR / "measures.csv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError) as err:
        load_tables(data_dir)
    unit_range = ("columns unit/range: a measure in % needs range 0-100 (a share of a whole) or any (a growth rate, a "
                  "ratio to a budget, an index); any other unit none")
    assert err.value.problems == [
        f"data/measures.csv, row {rows + 1}: {unit_range} (unit='%', range='')",
        f"data/measures.csv, row {rows + 2}: {unit_range} (unit='个', range='0-100')",
        f"data/measures.csv, row {rows + 3}: {unit_range} (unit='%', range='0-200')",
        f"data/measures.csv, row {rows + 3}, column 'range': '0-200': not a known range (0-100, any; empty for a unit other than %)",
    ]


def test_changes_in_points_need_percentages_in_and_give_points_out(tmp_path):
    import shutil

    from analysis.paths import DATA_DIR
    from analysis.tables import DataError

    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    _user_facts(data_dir)
    rows = len((DATA_DIR / "findings.csv").read_text(encoding="utf-8").splitlines())
    _append(data_dir / "findings.csv", [
        {"finding_id": i, "county": "xuanzhou", "domain": "finance", "claim": "x", "claimed": claimed, "claim_fact": claim,
         "rule": "points", "inputs": inputs, "note": ""}
        for i, claimed, claim, inputs in [("u_points_of_money", "上升3.7个百分点", "u_pts_37", "u_rev_2022 u_rev_2023"),
                                          ("u_points_for_a_rate", "上升3.7%", "u_pct_37", "u_share_2022 u_share_2023")]])
    with pytest.raises(DataError) as err:
        load_tables(data_dir)
    money, rate = err.value.problems
    assert money.startswith(f"data/findings.csv, row {rows + 1}, column 'inputs': u_points_of_money: rule points needs "
                            "its inputs in %, not 元, 元: u_rev_2022 (元), u_rev_2023 (元)")
    # "上升3.7%" says %: its rule is growth, and percent_for_points reads it as points (above)
    assert rate.startswith(f"data/findings.csv, row {rows + 2}, column 'inputs': u_points_for_a_rate: rule points gives "
                           "个百分点, but the claim is in % (its claim fact u_pct_37)")


# --- A restatement of a qualified number: the two windows must share a value (多 read alike on both sides) ----------
@pytest.mark.parametrize("claimed, earlier, status", [
    ("6800多万元", "6800多万元", "reproduced"),   # both (6800万, 6900万): one number can be both
    ("6800多萬元", "6800多万元", "reproduced"),   # traditional and simplified: one statement
    ("400多项", "400余项", "reproduced"),         # 多 and 余 give one window, (400, 500)
    ("500多项", "400多项", "discrepancy"),        # (500, 600) and (400, 500) share no value: 500 is in neither
    ("80%以上", "80%以上", "reproduced"),         # [80, inf) twice: formerly unverifiable (a one-sided input)
    ("不到20%", "20%以上", "discrepancy"),        # (-inf, 20) and [20, inf) meet at no value
    ("约50%", "近50%", "reproduced"),             # (45, 55) and (45, 50) share (45, 50)
])
def test_a_restated_qualified_number_agrees_when_the_windows_share_a_value(claimed, earlier, status):
    from analysis.audit import restated_verdict
    assert restated_verdict(claimed, earlier)[0] == status


def test_a_restated_plain_number_is_judged_as_any_input():
    from analysis.audit import restated_verdict
    assert restated_verdict("401項", "401项") is None and restated_verdict("8-10个", "8-10个") is None


# --- subset: a part within its whole ("其中", "含", "共计"): the part's window must fit under the whole's ----------
# Written from the report text before the audit ran on these rows.
SUBSET_EXPECTED = {
    "anon_city_88_class1_subdistricts_within": "reproduced",  # 000 line 18: 一类镇34个(其中街道11个): 11 <= 34
    "anon_city_88_class2_subdistricts_within": "reproduced",  # 000 line 18: 二类镇52个(其中街道17): 17 <= 52
    "anon_town_sc_officers_within_campaign": "reproduced",    # 003 line 13: 18名执法队员 ... 共计百余人 (100, 200): 18 <= 100
    "xuanzhou_subsidy_within_investment": "reproduced",       # 003 line 347: 上级资金40万元 of 投入共计60万元: [39.5万, 40.5万) <= [59.5万, 60.5万)
    "xuanzhou_equipment_within_subsidy": "reproduced",        # 003 line 347: 40万元(含设备费10万元): [9.5万, 10.5万) <= [39.5万, 40.5万)
    "jiangjin_organ_staff_within_cadres": "reproduced",       # 004: 镇村社干部325人,其中在职机关干部80人: 80 <= 325
}


@pytest.mark.parametrize("finding_id, status", SUBSET_EXPECTED.items())
def test_each_part_within_its_whole_has_the_grade_the_report_gives(audit, finding_id, status):
    assert audit.at[finding_id, "status"] == status and audit.at[finding_id, "kind"] == "part within whole"


@pytest.mark.parametrize("part, whole, holds", [
    ((11, 11), (34, 34), "all"),              # 其中街道11个 of 34个
    ((18, 18), (100, 200), "all"),            # 18 of 百余人: (100, 200) is more than 18 whatever it is
    ((120, 120), (100, 200), "part"),         # 120 of 百余人: true only if the 百余 is 120 or more
    ((250, 250), (100, 200), "none"),         # 250 of 百余人: no 百余 holds 250
    ((395000, 405000), (595000, 605000), "all"),  # 40万 of 60万 at their written precision
    ((34, 34), (34, 34), "all"),              # a whole of one part: the part may be all of it
])
def test_part_within_says_whether_every_some_or_no_value_of_the_part_fits(part, whole, holds):
    from analysis.intervals import Interval
    from analysis.rules import part_within
    assert part_within(Interval(*part), Interval(*whole)) == holds


# --- contradictions without numbers: a person's grade, two quoted passages, a reason --------------------------------
CONTRADICTIONS = {  # each passage read in the report; the grade and the reconciling reading are in the row's note
    "dongying_responsibility_with_power_vs_practice": "tension",  # 001 line 26 vs line 54
    "dongying_takeup_ensured_vs_no_one_able": "tension",          # 001 line 32 vs line 58
    "laishui_certified_vs_most_uncertified": "tension",           # 003 line 503 vs line 515
    "laishui_coordination_achieved_vs_lagging": "tension",        # 003 line 507 vs line 519
    "jiangjin_cadres_to_villages_vs_not_stationed": "tension",    # 004 选派...到村挂职 vs 机关干部不驻村
    "jiangjin_no_cadre_cut_vs_village_cuts": "tension",           # 004 干部不减 vs 村居干部裁幅减员
    "yixian_yuting_small_class_vs_medium_allocation": "tension",  # 003 line 301 vs line 303
    "jiangjin_four_offices_vs_no_uniform_model": "tension",       # 004 原则上四个 vs 不统一模式
}


@pytest.mark.parametrize("finding_id, status", CONTRADICTIONS.items())
def test_each_contradiction_shows_its_persons_grade_and_its_first_passage(audit, finding_id, status):
    row = audit.loc[finding_id]
    assert (row["status"], row["kind"], row["recomputed"]) == (status, "contradiction", "")
    assert row["locator"] and row["locator"] in row["claim"] and row["source"]


@pytest.mark.parametrize("claimed, claim, note, ok", [
    ("tension", "s001「放權」 vs s001「不放權」", "why", True),
    ("discrepancy", "s004「干部不减」 vs s004「干部減少」", "why", True),     # either script
    ("reproduced", "s001「放權」 vs s001「不放權」", "why", False),           # a person grades tension or discrepancy only
    ("tension", "s001「放權」 vs line 54", "why", False),                     # both passages quoted
    ("tension", "s001「放權」 vs s001「不放權」", " ", False),                 # the reason is required
])
def test_a_contradiction_row_needs_a_grade_word_two_passages_and_a_reason(claimed, claim, note, ok):
    from analysis.schemas import _graded_by_person
    assert _graded_by_person({"rule": "contradiction", "claimed": claimed, "claim": claim, "note": note}) is ok


def test_the_two_contradictions_that_are_not_are_left_out(audit):
    # 003 line 499 配齐了工作人员 vs line 515 配备合理性不充分: heads filled vs their fit, both can hold;
    # 003 line 141 党政机构 12 -> 3 vs 行政机构 10 -> 3: 行政 bodies are among the 党政 ones (10 <= 12), one end state
    assert not any(audit.index.str.contains("staffed_vs_unreasonable|party_gov_12_vs_admin_10"))
