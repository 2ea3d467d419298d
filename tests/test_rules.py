"""Recompute rules and interval arithmetic, on numbers from the reports."""

import pytest

from analysis.intervals import Interval
from analysis.rules import count_items, difference, product, ratio, reduction, share, total, value


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
