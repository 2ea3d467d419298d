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
    # 003 part 8: "四室一厅" names three rooms and a hall
    assert count_items("文化信息资源共享室、图书阅览室、办公室和多功能活动厅") == 4
