"""Restatements (a bound, a rounded restatement), averages and per-capita figures, multiples in times, and counts of
lists that end with 等, on sentences written for these tests (simplified and traditional, mainland and Taiwan
usage). Every expected reading was worked out by hand before the finder ran on it."""

import pytest

from analysis.audit import _restated_qualified
from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import _lead_trimmed, find_claims
from analysis.intervals import Interval
from analysis.rules import RULES, count_items, growth_times

MINE = ("restatement", "average", "multiple", "count")


def found(text):
    """(form, rule, claimed, inputs as written, items) of the proposals of the forms tested here."""
    frame = find_claims(text, find_numbers(text))
    frame = frame[frame["form"].isin(MINE)]
    return [(r["form"], r["rule"], r["claimed"], r["inputs"], r["items"]) for r in frame.to_dict("records")]


@pytest.mark.parametrize("text, expected", [
    # a bound restates the amount named as it is (首次, 大关 aside), whichever comes first; the bound is the claim
    ("本縣歲入決算數405億9,629萬餘元。本縣歲入決算首次突破400億元大關。",
     [("restatement", "value", "突破400億元", "405億9,629萬餘元", "")]),
    ("全县一般公共预算收入首次突破10亿元。2023年全县一般公共预算收入10.35亿元,增长8.2%。",
     [("restatement", "value", "突破10亿元", "10.35亿元", "")]),
    # the bound's clause names nothing: it restates the amount of the clause before (a wrong bound is found too)
    ("本鄉歲出決算數2億3,456萬元,首度超過2億元。", [("restatement", "value", "超過2億元", "2億3,456萬元", "")]),
    ("本鄉歲出決算數2億3,456萬元,首度超過3億元。", [("restatement", "value", "超過3億元", "2億3,456萬元", "")]),
    # another name (岁出 is not 岁入), or another quantity of the same words in another place: no restatement
    ("本县岁入决算数405亿元。本县岁出决算首次突破400亿元。", []),
    ("全县财政收入2.1亿元,其中税收收入超过1亿元。", []),
    # 人均 and 户均 in the sentence that states the total and the count
    ("全村共有农户500户,全年总收入2000万元,户均收入4万元。", [("average", "ratio", "4万元", "2000万元 500户", "")]),
    ("全县18个乡镇共核定编制720名,平均每个乡镇40名。", [("average", "ratio", "40名", "720名 18个", "")]),
    ("全鄉歲出預算1億2,000萬元,設籍人口2萬人,平均每人6,000元。",
     [("average", "ratio", "6,000元", "1億2,000萬元 2萬人", "")]),
    # 人均X: X named in full, the one population the text states elsewhere
    ("年末全县常住人口30.75万人。全年实现地区生产总值86.8亿元,人均地区生产总值28227元。",
     [("average", "ratio", "28227元", "86.8亿元 30.75万人", "")]),
    ("全县居民可支配收入总额60亿元,年末全县常住人口30万人。全县居民人均可支配收入2万元。",
     [("average", "ratio", "2万元", "60亿元 30万人", "")]),
    # no population, or two that differ, or only another average: unverifiable
    ("全年实现地区生产总值86.8亿元,人均地区生产总值28227元。", [("average", "unverifiable", "28227元", "", "")]),
    ("全年实现地区生产总值86.8亿元。人均地区生产总值28227元。年末常住人口30.75万人,户籍人口35.2万人。",
     [("average", "unverifiable", "28227元", "", "")]),
    ("全县农民人均可支配收入2万元,城镇居民人均可支配收入4.5万元。年末全县常住人口30万人。",
     [("average", "unverifiable", "2万元", "", ""), ("average", "unverifiable", "4.5万元", "", "")]),
    # multiples: 是…的N倍 (a ratio), 增长N倍 and 增加一倍 (N times more: growth_times over base, later)
    ("今年全镇税收收入1.6亿元,是2018年0.8亿元的2倍。", [("multiple", "ratio", "2倍", "1.6亿元 0.8亿元", "")]),
    ("本鄉今年歲入3億元,為去年1億5,000萬元的2倍。", [("multiple", "ratio", "2倍", "3億元 1億5,000萬元", "")]),
    ("全镇税收由0.5亿元增长到1.5亿元,增长2倍。", [("multiple", "growth_times", "2倍", "0.5亿元 1.5亿元", "")]),
    ("全鎮稅收從0.8億元增加到1.6億元,增加一倍。", [("multiple", "growth_times", "一倍", "0.8億元 1.6億元", "")]),
    ("全镇税收1.5亿元,比2018年的0.5亿元增长2倍。", [("multiple", "growth_times", "2倍", "0.5亿元 1.5亿元", "")]),
    ("全县财政收入1.2亿元,比上年增长1.5倍。", [("multiple", "unverifiable", "1.5倍", "", "")]),  # no base amount
    # 等 after a list: fewer items than the count is unverifiable; as many or more are counted; stray words before
    # the first item (全县设立) are no part of it
    ("全县设立甲中心、乙中心、丙中心等3个服务中心。", [("count", "count_items", "3个", "", "甲中心、乙中心、丙中心")]),
    ("全縣設置甲站、乙站、丙站等3個工作站。", [("count", "count_items", "3個", "", "甲站、乙站、丙站")]),
    ("全县设立甲中心、乙中心等5个服务中心。", [("count", "unverifiable", "5个", "", "")]),
    ("全县设立3个服务中心(甲中心、乙中心等)。", [("count", "unverifiable", "3个", "", "")]),
    ("全县设立甲中心、乙中心、丙中心、丁中心等3个服务中心。",
     [("count", "count_items", "3个", "", "甲中心、乙中心、丙中心、丁中心")]),
])
def test_restatements_averages_multiples_and_counts(text, expected):
    assert found(text) == expected


def test_a_list_longer_than_its_count_is_counted_as_written():
    # 甲、乙、丙、丁等3个: four named, three claimed, a discrepancy for the audit to give
    assert count_items("甲中心、乙中心、丙中心、丁中心", "split 、") == 4


def test_lead_words_are_trimmed_only_when_an_item_is_left():
    assert _lead_trimmed("本镇下辖甲村、乙村") == "甲村、乙村"
    assert _lead_trimmed("设立局、办") == "设立局、办"  # 局 alone would be no item


def test_growth_times_is_times_more_than_the_base():
    assert growth_times(Interval.point(0.5), Interval.point(1.5)) == Interval.point(2.0)  # 增长2倍
    assert RULES["ratio"](Interval.point(1.5), Interval.point(0.5)) == Interval.point(3.0)  # 是…的3倍


class _Facts:
    lists_by_id: dict = {}

    def __init__(self, written):
        self.written = written

    def fact(self, _):
        return {"as_written": self.written}


@pytest.mark.parametrize("earlier, claimed, status", [
    ("15億2,344萬餘元", "15億2,300萬元", "tension"),  # rounded to 百萬: the reading, never reproduced
    ("15億2,344萬餘元", "15億2,400萬元", "discrepancy"),  # 15億2,344萬 rounds to 15億2,300萬 at 百萬
    ("405億9,629萬餘元", "405億9,629萬餘元", "reproduced"),
])
def test_a_rounded_restatement_of_a_qualified_amount(earlier, claimed, status):
    verdict = _restated_qualified({"rule": "value", "inputs": "f", "claimed": claimed}, _Facts(earlier))
    assert verdict[0] == status
