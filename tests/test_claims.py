"""Claim semantics: a claim is reproduced at the precision the report wrote it, over the whole input range."""

import pytest

from analysis.claims import DISCREPANCY, REPRODUCED, accepted_values, judge
from analysis.intervals import Interval
from analysis.numbers import parse_quantity


def point(x):
    return Interval.point(x)


@pytest.mark.parametrize(
    "claimed, recomputed, status",
    [
        # 001: 179 of 401 powers in normal use, "44.6%"
        ("44.6%", point(179 / 401 * 100), REPRODUCED),
        ("44.6%", point(44.8), DISCREPANCY),
        ("38.7%", point(155 / 401 * 100), REPRODUCED),
        ("16.7%", point(67 / 401 * 100), REPRODUCED),
        # 003 part 3: 988万 of 2160万, "45.74%"
        ("45.74%", point(988 / 2160 * 100), REPRODUCED),
        ("45.7%", point(45.80), DISCREPANCY),
        # 000: 马桥镇 usable funds 1.3亿 of budget revenue 7.1亿, "不到20%"
        ("不到20%", point(1.3 / 7.1 * 100), REPRODUCED),
        ("不到20%", point(20.0), DISCREPANCY),
        # 003 part 8: 31 of 90 stations operating, "三分之一" (nearer 1/3 than 3/10 or 3/8)
        ("三分之一", point(31 / 90 * 100), REPRODUCED),
        ("三分之一", point(36.0), DISCREPANCY),
        ("三分之一", point(50.0), DISCREPANCY),
        # 003 part 4: 17 -> 4 institutions, "精简76%"; 12 -> 3, "精简75%"; 17 -> 7, "精简59%"
        ("精简76%", point((17 - 4) / 17 * 100), REPRODUCED),
        ("精简75%", point((12 - 3) / 12 * 100), REPRODUCED),
        ("精简59%", point((17 - 7) / 17 * 100), REPRODUCED),
        ("精简70%", point(68.0), DISCREPANCY),
        # 001: 401 powers, also called "400多项"
        ("400多项", point(401), REPRODUCED),
        ("400多项", point(400), DISCREPANCY),
        ("400多项", point(500), DISCREPANCY),
        # "80%以上" is at least 80
        ("80%以上", point(80), REPRODUCED),
        ("80%以上", point(79.9), DISCREPANCY),
        # 过半 / 未过半: 003 part 3, 45.74% is "未过半"
        ("未过半", point(45.74), REPRODUCED),
        ("过半", point(45.74), DISCREPANCY),
        ("过半", point(50.0), DISCREPANCY),
        # exact totals: 003 part 10, 31 + 28 = "59名"; the per-body posts sum to 53
        ("59名", point(59), REPRODUCED),
        ("59名", point(53), DISCREPANCY),
        # 65%以上 built: 90 of 144 tasks is 62.5%
        ("65%以上", point(90 / 144 * 100), DISCREPANCY),
    ],
)
def test_point_claims(claimed, recomputed, status):
    assert judge(claimed, recomputed).status == status


def test_a_range_claim_holds_only_if_it_holds_over_the_whole_input_range():
    # 003 part 4: administrative offices cut from 8-10 to 1-2, "精简80%以上".
    # The cut runs from (8-2)/8 = 75% to (10-1)/10 = 90%: not above 80% throughout.
    cut = Interval(1 - 2 / 8, 1 - 1 / 10).scale(100)
    verdict = judge("80%以上", cut)
    assert verdict.status == DISCREPANCY and verdict.holds == "part"
    assert "75–90" in verdict.note and "part of the input range" in verdict.note
    assert judge("75%以上", cut).status == REPRODUCED


def test_discrepancy_note_shows_the_numbers():
    verdict = judge("59名", point(53))
    assert "53" in verdict.note and "59" in verdict.note


def test_accepted_values_follow_the_written_precision():
    acc = accepted_values(parse_quantity("44.6%"))
    assert (acc.lo, acc.hi) == pytest.approx((44.55, 44.65))
    assert acc.lo_inclusive and not acc.hi_inclusive  # half-open: 44.65 rounds to 44.7
    acc = accepted_values(parse_quantity("400多项"))
    assert (acc.lo, acc.hi, acc.lo_inclusive, acc.hi_inclusive) == (400, 500, False, False)
    acc = accepted_values(parse_quantity("3%—5%"))
    assert (acc.lo, acc.hi) == (3, 5)


def test_inputs_at_their_written_precision():
    from analysis.claims import input_interval

    # 000 马桥镇: "1.3亿" is any amount that rounds to it; 001 "179项" is an exact count
    assert input_interval(parse_quantity("1.3亿"), "元", at_precision=True) == Interval(1.25e8, 1.35e8)
    assert input_interval(parse_quantity("1.3亿"), "元") == Interval.point(1.3e8)
    assert input_interval(parse_quantity("179项"), "项", at_precision=True) == Interval.point(179)
    # ranges and 多/余 span their stated ends either way; a one-sided bound gives no interval
    assert input_interval(parse_quantity("8-10个"), "个") == Interval(8, 10)
    assert input_interval(parse_quantity("80%以上"), "%") is None
