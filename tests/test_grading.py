"""Grades: reproduced, tension (a stated reasonable reading holds), discrepancy (none does), each on a report example."""

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


def test_a_reading_without_a_number_never_reconciles():
    g = grade("4个", point(5), point(5), [ReadingResult("no number", "4个", None, "")])
    assert g.status == DISCREPANCY
