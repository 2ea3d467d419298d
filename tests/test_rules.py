"""Recompute rules and interval arithmetic, on numbers from the reports."""

import csv
import re
import time

import pytest

from analysis.intervals import Interval
from analysis.paths import DATA_DIR
from analysis.rules import (ITEMS, CountTimeout, UnitError, check_claim_unit, count_by_problem, count_items, difference,
                            growth, points, points_fall, product, ratio, reduction, result_unit, share, total, value)


def test_share_of_delegated_powers_in_use():
    assert share(Interval.point(179), Interval.point(401)).lo == pytest.approx(44.638, abs=1e-3)


def test_sum_of_posts():
    assert total(Interval.point(31), Interval.point(28)) == Interval.point(59)
    assert total(*(Interval.point(x) for x in (10, 5, 5, 5, 11, 3, 8, 6))) == Interval.point(53)


def test_reduction_over_ranges_spans_the_extremes():
    cut = reduction(Interval(8, 10), Interval(1, 2))
    assert (cut.lo, cut.hi) == pytest.approx((75.0, 90.0))
    assert reduction(Interval.point(17), Interval.point(4)).lo == pytest.approx(76.47, abs=0.01)


def test_ratio_difference_product_value():
    assert ratio(Interval.point(112), Interval.point(11)).lo == pytest.approx(10.18, abs=0.01)
    assert difference(Interval.point(401), Interval.point(179)) == Interval.point(222)
    assert product(Interval.point(8), Interval.point(5)) == Interval.point(40)
    assert value(Interval.point(401)) == Interval.point(401)


def test_growth_against_the_base_and_falls_by_their_size():
    # 1,000 -> 1,050 is 增长5%; 1,000 -> 950 is 下降5% (reduction) or 增长-5% (growth)
    assert growth(Interval.point(1000), Interval.point(1050)).lo == pytest.approx(5.0)
    assert reduction(Interval.point(1000), Interval.point(950)).lo == pytest.approx(5.0)
    assert growth(Interval.point(1000), Interval.point(950)).lo == pytest.approx(-5.0)
    # over ranges: 1,000 -> 1,040-1,060 grows 4-6%; from 800-1,000 to 1,000 it grows 0-25%
    assert (growth(Interval.point(1000), Interval(1040, 1060)).lo, growth(Interval.point(1000), Interval(1040, 1060)).hi) \
        == pytest.approx((4.0, 6.0))
    assert (growth(Interval(800, 1000), Interval.point(1000)).lo, growth(Interval(800, 1000), Interval.point(1000)).hi) \
        == pytest.approx((0.0, 25.0))


def test_changes_in_percentage_points():
    # a share 26.3% -> 30.0% rose 3.7 points; 30.0% -> 26.3% fell 3.7 points (points_fall gives the size)
    assert points(Interval.point(26.3), Interval.point(30.0)).lo == pytest.approx(3.7)
    assert points_fall(Interval.point(30.0), Interval.point(26.3)).lo == pytest.approx(3.7)
    assert points(Interval.point(30.0), Interval.point(26.3)).lo == pytest.approx(-3.7)
    # at the inputs' precision: [29.95, 30.05) - [26.25, 26.35) spans 3.6-3.8
    change = points(Interval(26.25, 26.35), Interval(29.95, 30.05))
    assert (change.lo, change.hi) == pytest.approx((3.6, 3.8))


def test_units_of_changes():
    assert result_unit("growth", ["元", "元"]) == "%"
    assert result_unit("growth", ["%", "%"]) == "%"  # a growth rate of a share: what "上升3.7%" literally says
    assert result_unit("points", ["%", "%"]) == "个百分点"
    assert result_unit("points_fall", ["%", "%"]) == "个百分点"
    check_claim_unit("points", ["%", "%"], "個百分點")  # traditional characters, one unit
    check_claim_unit("points_fall", ["%", "%"], "百分点")
    check_claim_unit("growth", ["萬元", "萬元"], "%")
    with pytest.raises(UnitError, match=r"^rule points gives 个百分点, but the claim is in %$"):
        check_claim_unit("points", ["%", "%"], "%")
    with pytest.raises(UnitError, match=r"^rule growth gives %, but the claim is in 个百分点$"):
        check_claim_unit("growth", ["%", "%"], "个百分点")
    with pytest.raises(UnitError, match=r"^rule points needs its inputs in %, not 元, 元$"):
        result_unit("points", ["元", "元"])
    with pytest.raises(UnitError, match=r"^rule points_fall needs its inputs in %, not %, items$"):
        result_unit("points_fall", ["%", ITEMS])
    with pytest.raises(UnitError, match=r"^rule growth needs its inputs in one unit, not 元, %$"):
        result_unit("growth", ["元", "%"])


def test_interval_division_by_zero_is_refused():
    with pytest.raises(ZeroDivisionError):
        Interval.point(1) / Interval(0, 2)


def test_empty_interval_is_refused():
    with pytest.raises(ValueError):
        Interval(2, 1)


def test_count_items_of_enumerations():
    # 003 part 4: the 21 institutions before 2002
    listed = ("党校、农经站、农科站、水管站、水产站、文化站、广播站、畜牧兽医站、成人技术学校、计划生育服务站、"
              "计划生育办公室、教育办公室、企业办公室、村规办、农机站、土地管理所、林业站、财政所、司法所、卫生院、中小学")
    assert count_items(listed) == 21
    # 003 part 8: "四室一厅" names three rooms and a hall; 和 joins the last two
    assert count_items("文化信息资源共享室、图书阅览室、办公室和多功能活动厅") == 3
    assert count_items("文化信息资源共享室、图书阅览室、办公室和多功能活动厅", "split 、|和") == 4


def test_count_items_ignores_separators_inside_brackets():
    # 003 part 4, 2005: "一校一站四中心" is six bodies; the bracketed asides are not bodies
    listed = ("社会事务服务中心、农业(经济技术)服务中心(农村新型合作医疗管理办公室、劳动和社会保障所)、"
              "文化(广播)服务中心、村镇(社区)建设服务中心、畜牧兽医站、(党工委)党校")
    assert count_items(listed) == 6


def test_count_items_by_numbered_markers_and_distinct_matches():
    # 004: the four 基本原则, each with commas inside, separated by ;
    principles = "一是坚持以民为本、以人为本、为农民服务的原则;二是坚持干部不减、身份不变、竞争上岗的原则;三是坚持面向基层、面向“三农”的原则;四是坚持便民高效、廉洁公正、绩效挂钩的原则"
    assert count_items(principles, "split [;；]") == 4
    # 001: five distinct pilot towns named, against "6個試點強鎮"
    named = "為牛莊鎮增設民生保障服務中心,為大王鎮、稻莊鎮增設社區建設管理辦公室,為勝坨鎮、陳莊鎮增設規劃建設辦公室"
    assert count_items(named, "distinct [^為、,]{2}鎮") == 5


def test_count_by_must_name_a_mode():
    with pytest.raises(ValueError, match="count_by"):
        count_items("甲、乙", "、")


def test_units_of_each_rule():
    # 001: 179项 of 401项 is a share (%), 179 + 155 + 67项 a number of 项
    assert result_unit("share", ["项", "项"]) == "%"
    assert result_unit("sum", ["项", "项", "项"]) == "项"
    # 003 part 4: 17 institutions cut to 4 is a reduction (%); 21个 less a list of the 4 moved up is 个
    assert result_unit("reduction", ["个", "个"]) == "%"
    assert result_unit("difference", ["个", ITEMS]) == "个"
    # a list alone counts items, whatever the claim counts them in (个, 项, 条, 辆)
    assert result_unit("count_items", [ITEMS]) is ITEMS
    check_claim_unit("count_items", [ITEMS], "辆")
    # 003 part 10: 112 powers per 11 officers mixes units, and no unit is claimed for it
    assert result_unit("ratio", ["项", "人"]) is None
    assert result_unit("product", ["元", "个"]) is None
    # traditional characters are the same unit (001 writes 項 and 個)
    assert result_unit("sum", ["項", "项"]) == "项"


@pytest.mark.parametrize("rule, units, message", [
    ("sum", ["项", "元", "项"], "rule sum needs its inputs in one unit, not 项, 元, 项"),
    ("difference", ["%", "人"], "rule difference needs its inputs in one unit, not %, 人"),
    ("share", ["元", "项"], "rule share needs its inputs in one unit, not 元, 项"),
    ("reduction", ["名", "人"], "rule reduction needs its inputs in one unit, not 名, 人"),
    # a list counts things: it cannot stand for money, and it cannot join two other units
    ("sum", [ITEMS, "元"], "rule sum needs its inputs in one unit, not items, 元"),
    ("sum", [ITEMS, "项", "个"], "rule sum needs its inputs in one unit, not items, 项, 个"),
])
def test_inputs_in_units_that_do_not_go_together_are_refused(rule, units, message):
    with pytest.raises(UnitError) as err:
        result_unit(rule, units)
    assert str(err.value) == message


def test_the_result_must_be_in_the_claims_unit():
    check_claim_unit("share", ["项", "项"], "%")
    check_claim_unit("sum", ["名", "名"], "名")
    with pytest.raises(UnitError, match=r"^rule share gives %, but the claim is in 项$"):
        check_claim_unit("share", ["项", "项"], "项")
    with pytest.raises(UnitError, match=r"^rule sum gives 名, but the claim is in 项$"):
        check_claim_unit("sum", ["名", "名"], "项")
    with pytest.raises(UnitError, match=r"^rule count_items gives a count of items, but the claim is in 元$"):
        check_claim_unit("count_items", [ITEMS], "元")


def test_posts_restate_the_persons_who_fill_them_but_never_add_to_them():
    # 003 part 10: 综合行政执法队编制11人 (posts, 名) and 按编制要求…由11名人员组成 (persons, 人)
    check_claim_unit("value", ["名"], "人")
    with pytest.raises(UnitError):
        check_claim_unit("sum", ["名", "名"], "人")
    with pytest.raises(UnitError):
        result_unit("sum", ["名", "人"])


@pytest.mark.parametrize("count_by, problem", [
    ("split (([^X]+)+)+X", "a quantifier inside a repeated group"),
    ("split (a*)*", "a quantifier inside a repeated group"),
    ("split (?:、?和?)+", "a quantifier inside a repeated group"),  # the optional parts split a run many ways
    ("distinct (.*鎮){3}", "a quantifier inside a repeated group"),
    ("split (?=(a+)+)", "a quantifier inside a repeated group"),  # a lookahead is matched all the same
    ("split (、|、、)+", "an alternation (|) inside a repeated group"),
    ("split (和|与和)+", "an alternation (|) inside a repeated group"),
    (r"split (、)\1", "a backreference"),
    ("split (、)?(?(1)和|及)", "a backreference"),
    ("guess 、", "count_by must be 'split <regex>' or 'distinct <regex>'"),
    ("split ", "count_by must be 'split <regex>' or 'distinct <regex>'"),
])
def test_count_by_patterns_that_can_backtrack_are_refused(count_by, problem):
    assert count_by_problem(count_by) == problem


@pytest.mark.parametrize("count_by", [
    "split 、|和",  # a top-level alternation matches at one place one way
    "distinct [^為、,]{2}鎮",  # a fixed count matches one way
    "split (?:[^X]{2}鎮)+",  # ... even repeated
    "split (、|，)+",  # alternatives of one character are a character class
    "split [一二三四]是(?=[综突便动])",
    r"split (?<!\d)\d、",
    "distinct [^、]*厅",
])
def test_count_by_patterns_that_match_one_way_are_accepted(count_by):
    assert count_by_problem(count_by) == ""


def test_count_by_that_is_no_regex_says_why():
    assert count_by_problem("split (、").startswith("not a regular expression (missing ), unterminated subpattern")


def _lists():
    with open(DATA_DIR / "lists.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_count_by_of_the_tables_is_accepted_and_counts_as_re_does():
    """count_items runs on the regex package (for its time limit): the same counts as the re module gave."""
    def with_re(items, count_by):
        mode, _, pattern = count_by.partition(" ")
        if mode == "distinct":
            return len(set(re.findall(pattern, items)))
        pieces = re.sub(r"[(（][^()（）]*[)）]", "", re.sub(pattern, "\x00", items)).split("\x00")
        return len([piece for piece in pieces if piece.strip()])

    lists = _lists()
    assert lists  # the five reports' 100: test_five_reports_transcription
    for listed in lists:
        assert count_by_problem(listed["count_by"]) == "", listed["list_id"]
        assert count_items(listed["items"], listed["count_by"]) == with_re(listed["items"], listed["count_by"]), listed["list_id"]


def test_a_count_that_backtracks_stops_at_the_time_limit():
    """The second guard, for a pattern validation did not refuse (or tables validated by older code)."""
    started = time.perf_counter()
    with pytest.raises(CountTimeout) as err:
        count_items("和" * 40 + "。", "split (和|和和)+、", timeout=0.2)
    assert time.perf_counter() - started < 5  # re alone would run for hours
    assert str(err.value).startswith("count_by 'split (和|和和)+、' took longer than 0.2 s on 41 characters; it backtracks")


def test_a_change_stated_with_its_amount_and_no_base():
    """Budgets state a year's amount and its change: 6055万元, 同比增收164万元, 增长2.78% (base 5891: 164/5891 = 2.7839%);
    531万元, 同比减收24万元, 下降4.32% (base 555: 24/555 = 4.3243%)."""
    from analysis.intervals import Interval
    from analysis.rules import RULES, result_unit

    rise = RULES["growth_from_change"](Interval.point(6055), Interval.point(164))
    fall = RULES["reduction_from_change"](Interval.point(531), Interval.point(24))
    assert round(rise.lo, 4) == round(rise.hi, 4) == 2.7839
    assert round(fall.lo, 4) == round(fall.hi, 4) == 4.3243
    assert result_unit("growth_from_change", ["万元", "万元"]) == "%"


def test_the_later_base_reading_of_a_change_stated_with_its_amount():
    """1,050 after a rise of 50: literally 50/1000 = 5%; "4.76%" is 50/1050, the change over the later amount."""
    from analysis.intervals import Interval
    from analysis.standard_readings import standard_results

    found = standard_results("growth_from_change", [Interval.point(1050), Interval.point(50)], ["元", "元"], "4.76%",
                             Interval.point(5.0))
    assert [(r.name, r.holds) for r in found] == [("later_base", True)]
