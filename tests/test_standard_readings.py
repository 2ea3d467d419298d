"""The table of standard readings: its copy in DICTIONARY.md, its examples' answers, and what each reading computes."""

import pytest

from analysis.claims import REPRODUCED, judge
from analysis.grading import ROUNDING_READING
from analysis.intervals import Interval
from analysis.paths import DATA_DIR
from analysis.rules import ARITHMETIC_RULES
from analysis.standard_readings import (READINGS, applies_to, standard_readings_markdown, standard_results,
                                        truncate)


def point(x):
    return Interval.point(x)


def test_the_dictionary_shows_the_table_as_the_code_has_it():
    assert standard_readings_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


def test_the_order_is_the_charity_principles():
    # no slip (rounding), a convention (truncation), an ambiguity (another whole), a wrong word, a wrong method
    assert [r.name for r in READINGS] == [ROUNDING_READING, "truncated", "other_whole", "percent_for_points",
                                          "points_for_percent", "times_for_multiple", "later_base", "rounded_coarser"]
    # every reading recomputes an arithmetic rule, but the one of a restatement (value), alone on its rule
    assert all(set(r.rules) <= set(ARITHMETIC_RULES) for r in READINGS[:-1]) and READINGS[-1].rules == ("value",)
    assert applies_to("growth") == ["input_rounding", "truncated", "percent_for_points", "later_base"]
    assert applies_to("points_fall") == ["input_rounding", "truncated", "points_for_percent"]
    assert applies_to("share") == ["input_rounding", "truncated", "other_whole"]
    assert applies_to("growth_times") == ["input_rounding", "times_for_multiple"]
    assert applies_to("count_items") == []
    assert applies_to("value") == ["rounded_coarser"]


# Each example of the table, its numbers written out by hand: (rule, inputs, units, claim, other wholes, answer)
EXAMPLES = {
    "truncated": ("share", [point(123456), point(1000000)], ["人", "人"], "12.34%", [], 12.34),
    "other_whole": ("share", [point(12), point(60)], ["个", "个"], "25%", [("the 48 villages", point(48))], 12 / 48 * 100),
    "percent_for_points": ("growth", [point(26.3), point(30.0)], ["%", "%"], "上升3.7%", [], 3.7),
    "points_for_percent": ("points", [point(20.0), point(20.74)], ["%", "%"], "提高3.7个百分点", [], 3.7),
    "later_base": ("growth", [point(1000), point(1050)], ["元", "元"], "增长4.76%", [], 50 / 1050 * 100),
    # 由100增长到300, 增长3倍: literally 300/100 − 1 = 2倍 more; 300/100 = 3 times as much
    "times_for_multiple": ("growth_times", [point(100), point(300)], ["元", "元"], "3倍", [], 3.0),
    # 15億2,344萬餘元 is (15億2,344萬, 15億2,345萬); both ends round to 15億2,300萬 at 百萬
    "rounded_coarser": ("value", [Interval(1523440000, 1523450000)], ["元"], "15億2,300萬元", [], 1523000000),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_example_fails_literally_and_holds_under_its_reading_alone(name):
    from analysis.rules import RULES

    rule, inputs, units, claimed, wholes, answer = EXAMPLES[name]
    literal = RULES[rule](*inputs)
    assert judge(claimed, literal).status != REPRODUCED
    results = standard_results(rule, inputs, units, claimed, literal, wholes)
    holding = [r.name for r in results if r.holds]
    assert holding == [name]
    found = next(r for r in results if r.name == name)
    assert found.recomputed.lo == pytest.approx(answer) and found.recomputed.is_point
    assert found.why == next(r.why for r in READINGS if r.name == name)


def test_the_rounding_example_holds_over_part_of_the_inputs_precision():
    # 988万 of 2160万 is 45.7407%, not "45.72%"; at 万元 precision it spans 45.7070-45.7745
    assert judge("45.72%", point(988 / 2160 * 100)).holds == "none"
    assert judge("45.72%", Interval(987.5 / 2160.5 * 100, 988.5 / 2159.5 * 100)).holds == "part"


def test_truncation_cuts_toward_zero_at_the_claims_digit():
    assert truncate(12.3456, 0.01) == 12.34
    assert truncate(12.3499, 0.1) == 12.3
    assert truncate(-4.357, 0.01) == -4.35
    assert truncate(0.1 + 0.2, 0.1) == 0.3  # 0.30000000000000004: float noise is no digit
    assert truncate(12.35, 0.01) == 12.35   # 12.349999999999... as a float
    assert truncate(107.479, 1) == 107.0


@pytest.mark.parametrize("claimed", ["约12.34%", "12.34%以上", "不到12.34%", "12多%", "三分之一"])
def test_truncation_is_read_only_for_plain_digits(claimed):
    assert standard_results("share", [point(10), point(81)], ["个", "个"], claimed, point(10 / 81 * 100)) == []


def test_a_reading_that_only_repeats_the_literal_one_is_not_tried():
    # 5% has no digit below 1 to cut off: truncated would be the literal reading again
    results = standard_results("growth", [point(1000), point(1050)], ["元", "元"], "增长6%", point(5.0))
    assert [r.name for r in results] == ["later_base"]


def test_percentage_points_are_tried_only_for_changes_of_percentages():
    # 1,000万 -> 1,050万 "增长50%" would be the 50万 change, but a change of money is no percentage
    assert "percent_for_points" not in [r.name for r in standard_results(
        "growth", [point(1000), point(1050)], ["万元", "万元"], "增长50%", point(5.0))]
    # a fall of a share, written with %: the points are base - later, the fall's size
    results = standard_results("reduction", [point(30.0), point(26.3)], ["%", "%"], "下降3.7%", point((1 - 26.3 / 30) * 100))
    assert [(r.name, r.holds) for r in results] == [("truncated", False), ("percent_for_points", True), ("later_base", False)]
    assert results[1].recomputed.lo == pytest.approx(3.7)


def test_later_base_over_a_fall_and_a_denominator_of_zero():
    # 1,000 -> 950 下降5.26%: 50 / 950 = 5.2632
    fall = standard_results("reduction", [point(1000), point(950)], ["元", "元"], "下降5.26%", point(5.0))
    assert [(r.name, r.holds) for r in fall] == [("later_base", True)]
    assert fall[0].recomputed.lo == pytest.approx(50 / 950 * 100)
    # 326 -> 0, 下降100%: there is no later amount to divide by, so the reading is left out
    assert standard_results("reduction", [point(326), point(0)], ["元", "元"], "下降99%", point(100.0)) == []


def test_other_whole_takes_only_the_wholes_it_is_given():
    assert [r.name for r in standard_results("share", [point(12), point(60)], ["个", "个"], "25%", point(20.0))] == []
    two = standard_results("share", [point(12), point(60)], ["个", "个"], "25%", point(20.0),
                           [("the 50 households", point(50)), ("the 48 villages", point(48))])
    assert [(r.label, r.holds) for r in two] == [("a share of the 50 households", False), ("a share of the 48 villages", True)]


@pytest.mark.parametrize("earlier, claimed, holds", [
    (Interval.point(52360000), "5200万元", True),  # 5236万 to 百万: 5200万
    (Interval.point(52360000), "5300万元", False),  # rounds to 5200万, not 5300万
    (Interval(40596290000, 40596300000), "410亿元", True),  # 405億9,629萬餘 to 十亿: 410亿
    (Interval(40596290000, 40596300000), "420亿元", False),  # to 十亿 it is 410亿
    (Interval(40596290000, 40596300000), "400亿元", True),  # two zeros: to 百亿 it is 400亿
    (Interval.point(52360000), "5236万元", None),  # no zero to drop: the reading is not tried
    (Interval.point(52360000), "约5200万元", None),  # a qualified number: its window decides, not this reading
])
def test_a_restatement_rounded_to_a_coarser_unit(earlier, claimed, holds):
    from analysis.rules import RULES

    results = [r for r in standard_results("value", [earlier], ["元"], claimed, RULES["value"](earlier)) if r.name == "rounded_coarser"]
    assert [r.holds for r in results] == ([] if holds is None else [holds])
