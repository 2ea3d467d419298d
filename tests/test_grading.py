"""Grades: reproduced, tension (a stated reasonable reading holds), discrepancy (none does), each on a report example."""

import pytest

from analysis.claims import DISCREPANCY, REPRODUCED, TENSION
from analysis.grading import ROUNDING_READING, ReadingResult, grade
from analysis.intervals import Interval


def point(x):
    return Interval.point(x)


def test_reproduced_when_the_literal_reading_holds():
    # 001: 179 of 401 powers in normal use, "44.6%"
    g = grade("44.6%", point(179 / 401 * 100), point(179 / 401 * 100))
    assert g.status == REPRODUCED and g.reading == ""


def test_tension_names_the_reading_that_reconciles_the_numbers():
    # 003 part 4: 8-10 offices cut to 1-2 is 75-90%, not "80%以上" throughout; at the midpoints 9 -> 1.5 it is 83.3%
    literal = Interval(75.0, 90.0)
    typical = ReadingResult("the ranges as typical values", "80%以上", point((1 - 1.5 / 9) * 100), "different towns")
    g = grade("80%以上", literal, literal, [typical])
    assert g.status == TENSION and g.reading == "the ranges as typical values"
    assert "83.3333" in g.note and "different towns" in g.note


def test_discrepancy_when_no_reading_reconciles_and_the_note_lists_them():
    # 003 part 8: "65%以上" built: 90 of 144 tasks (62.5%), of 148 towns (60.8%), of 162 units (55.6%)
    readings = [ReadingResult("a share of the 148 towns", "65%以上", point(90 / 148 * 100), ""),
                ReadingResult("a share of all 162 units", "65%以上", point(90 / 162 * 100), "")]
    g = grade("65%以上", point(90 / 144 * 100), point(90 / 144 * 100), readings)
    assert g.status == DISCREPANCY
    assert "148 towns: 60.8108" in g.note and "162 units: 55.5556" in g.note


def test_a_reading_with_its_own_claim():
    # 003 part 10: the eight bodies hold 53 of "59名"; without the leaders' posts they hold part of it
    leaders = ReadingResult("without the leadership posts", "59名以内", point(53), "三定")
    assert grade("59名", point(53), point(53), [leaders]).status == TENSION


def test_the_inputs_rounding_can_make_a_tension_but_never_a_reproduction():
    # a share that fails for the numbers as written but holds within their rounding
    g = grade("45.8%", point(988 / 2160 * 100), Interval(987.5 / 2160.5 * 100, 988.5 / 2159.5 * 100))
    assert g.status == TENSION and g.reading == ROUNDING_READING
    g = grade("47%", point(988 / 2160 * 100), Interval(987.5 / 2160.5 * 100, 988.5 / 2159.5 * 100))
    assert g.status == DISCREPANCY
    assert grade("45.74%", point(988 / 2160 * 100), Interval(45.707, 45.775)).status == REPRODUCED


def test_inputs_whose_words_give_a_range_make_a_tension_where_part_of_it_holds():
    # 维护费3,600万余元 over 294处, 平均每处约12.2万元: 余 allows 3,600万 to 3,700万, so 12.245 to 12.585 (万); the
    # claim fits only the low end (the written 3,600万): a tension by the inputs' range, not a discrepancy
    spread = Interval(3600e4 / 294, 3700e4 / 294)
    g = grade("约12.2万元", spread, spread)
    assert g.status == TENSION and g.reading == ROUNDING_READING
    assert grade("约13.5万元", spread, spread).status == DISCREPANCY  # no value of the range fits
    assert grade("约12.4万元", Interval(3650e4 / 294, 3660e4 / 294), Interval(3650e4 / 294, 3660e4 / 294)).status == REPRODUCED


def test_a_reading_without_a_number_never_reconciles():
    g = grade("4个", point(5), point(5), [ReadingResult("no number", "4个", None, "")])
    assert g.status == DISCREPANCY


# --- The order of the reasonable readings (the charity principle) ---------------------------------------------

def test_a_row_of_readings_csv_comes_before_the_inputs_rounding_and_the_standard_readings():
    # 1,000万 -> 1,050万 written "4.76%": a person's row, the rounding and later_base could all be asked
    row = ReadingResult("a row written for this finding", "4.76%", point(4.76), "specific")
    later = ReadingResult("the change over the later amount", "4.76%", point(50 / 1050 * 100), "method", "later_base")
    g = grade("4.76%", point(5.0), Interval(4.7, 4.8), [row], [later])
    assert (g.status, g.reading) == (TENSION, "a row written for this finding")
    g = grade("4.76%", point(5.0), Interval(4.7, 4.8), [], [later])
    assert (g.status, g.reading) == (TENSION, ROUNDING_READING) and ROUNDING_READING == "input_rounding"
    g = grade("4.76%", point(5.0), Interval(4.9, 5.1), [], [later])
    assert (g.status, g.reading) == (TENSION, "later_base")
    assert "read as later_base (the change over the later amount), 4.76% holds (recomputed 4.7619): method" in g.note


def test_a_standard_reading_never_reproduces_and_one_that_fails_is_listed():
    truncated = ReadingResult("12.3457 cut off at 0.01", "12.34%", point(12.34), "convention", "truncated")
    assert grade("12.35%", point(10 / 81 * 100), point(10 / 81 * 100), [], [truncated]).status == REPRODUCED
    g = grade("12.34%", point(10 / 81 * 100), point(10 / 81 * 100), [], [truncated])
    assert (g.status, g.reading) == (TENSION, "truncated")
    wrong = ReadingResult("12.3457 cut off at 0.01", "12.33%", point(12.34), "convention", "truncated")
    g = grade("12.33%", point(10 / 81 * 100), point(10 / 81 * 100), [], [wrong])
    assert g.status == DISCREPANCY
    assert g.note.endswith("read as truncated (12.3457 cut off at 0.01): 12.34, 12.33% still fails")


# --- The hand labels of the practice texts, recomputed by the rules (numbers written here, not read from them) --

def _as_written(text, unit, at_precision=False):
    from analysis.claims import input_interval
    from analysis.numbers import parse_quantity

    return input_interval(parse_quantity(text), unit, at_precision)


def _graded(rule, claimed, inputs):
    """Grade ``claimed`` against ``rule`` over inputs given as (as written, unit), or as an interval the test states."""
    from analysis.rules import RULES

    def over(at_precision):
        return [x if isinstance(x, Interval) else _as_written(*x, at_precision) for x in inputs]
    return grade(claimed, RULES[rule](*over(False)), RULES[rule](*over(True)))


@pytest.mark.parametrize("label, rule, claimed, inputs, status, reading", [
    # p1 c03: 38941万元 in 2023, 同比增收7796万元: the base 38941 - 7796 = 31145万元, growth 25.0313%
    ("p1 c03", "growth", "25.03%", [("31145万元", "元"), ("38941万元", "元")], REPRODUCED, ""),
    # p1 c07: 1063万元, 同比减收531万元: the base 1063 + 531 = 1594万元, a fall of 33.3124%
    ("p1 c07", "reduction", "33.31%", [("1594万元", "元"), ("1063万元", "元")], REPRODUCED, ""),
    # p2 c03: 乡镇本级财政收入4505万元 against a budget of 3522万元: 127.9103%, a ratio past 100
    ("p2 c03", "share", "127.91%", [("4505万元", "元"), ("3522万元", "元")], REPRODUCED, ""),
    # p3 c11: 3億元 -> 1億1,526萬餘元 (the 餘 window (115,260,000, 115,270,000)), 減少61.58%: 61.5767-61.58
    ("p3 c11", "reduction", "61.58%", [("3億元", "元"), Interval(115_260_000, 115_270_000)], REPRODUCED, ""),
    # p4 c04: 115年度 351億7,884萬2千元, up 6億700萬9千元: base 34,571,833,000元, growth 1.7558% "1.76％"
    ("p4 c04", "growth", "1.76％", [("34571833000元", "元"), ("三百五十一億七千八百八十四萬二千元", "元")], REPRODUCED, ""),
    # p5 c04, c05: 22.81亿 and 21.22亿 of 86.8亿: 26.2788% "26.3%"; 24.4470% misses "24.5%" but 21.225 / 86.75
    # = 24.4669% at the inputs' precision reaches it
    ("p5 c04", "share", "26.3%", [("22.81亿元", "元"), ("86.8亿元", "元")], REPRODUCED, ""),
    ("p5 c05", "share", "24.5%", [("21.22亿元", "元"), ("86.8亿元", "元")], TENSION, "input_rounding"),
    # p5 c10: the three sectors' changes sum to 0: 3.72 - 0.46 = 3.26 points against "3.25个百分点"; each change
    # rounded to 0.01 allows 3.25-3.27
    ("p5 c10", "difference", "3.25个百分点", [("3.72个百分点", "个百分点"), ("0.46个百分点", "个百分点")], TENSION, "input_rounding"),
])
def test_the_practice_labels_by_the_rules(label, rule, claimed, inputs, status, reading):
    g = _graded(rule, claimed, inputs)
    assert (g.status, g.reading) == (status, reading), label
