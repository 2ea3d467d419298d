"""Comparisons and orderings (高于/低于/超过/不足 another number of the text, 最高/最多/居首 among a list it gives, ranks
分居1至N名 and 仅次于…居第N名), on sentences written for these tests (simplified and traditional, mainland and Taiwan
usage), and the audit's verdict on them (rules greater, less, order); and 增长N倍 written for N times as much (the
standard reading times_for_multiple). Every expected reading was worked out by hand
before the finder ran on it."""

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import _rank, find_claims
from analysis.intervals import Interval
from analysis.rules import compared, exceeds

MINE = ("comparison",)


def found(text):
    """(rule, claimed, inputs as written, the claim's words) of the comparison proposals."""
    frame = find_claims(text, find_numbers(text))
    frame = frame[frame["form"].isin(MINE)]
    return [(r["rule"], r["claimed"], r["inputs"], text[r["claim_start"]:r["claim_end"]]) for r in frame.to_dict("records")]


@pytest.mark.parametrize("text, expected", [
    # A 高于/低于 B: A the amount the clause (or the clause before) is about, B the amount right after the word
    ("全县税收收入5200万元,高于上年的4800万元。", [("greater", "5200万元", "4800万元", "5200万元")]),
    ("全縣稅課收入5,200萬元,高於上年度之4,800萬元。", [("greater", "5,200萬元", "4,800萬元", "5,200萬元")]),
    ("全县农村居民人均可支配收入1.8万元,低于全省平均水平2.1万元。", [("less", "1.8万元", "2.1万元", "1.8万元")]),
    ("本鄉歲出決算數1億2,000萬元,少於歲入決算數1億3,500萬元。", [("less", "1億2,000萬元", "1億3,500萬元", "1億2,000萬元")]),
    ("全县城镇化率为52.3%,高于全市平均水平的48.6%。", [("greater", "52.3%", "48.6%", "52.3%")]),
    ("全镇常住人口3.2万人,多于户籍人口2.9万人。", [("greater", "3.2万人", "2.9万人", "3.2万人")]),
    # a wrong comparison is proposed all the same: the audit finds it (see the verdicts below)
    ("全县税收收入4600万元,高于上年的4800万元。", [("greater", "4600万元", "4800万元", "4600万元")]),
    # 超过/不足 written into the number is a bound (超过2亿元), not a comparison; 超过上年400万元 states by how much
    ("全县税收收入首次超过2亿元。", []),
    ("全县税收收入5200万元,超过上年400万元。", []),
    # another unit, or no amount the clause is about: nothing
    ("全县税收收入5200万元,户数低于500户。", []),
    # 最高/最多/居首 among the amounts a list gives, the one named before the word
    ("甲镇税收5200万元、乙镇4800万元、丙镇3900万元,其中甲镇最高。", [("greater", "5200万元", "4800万元 3900万元", "最高")]),
    ("甲鄉補助款3,200萬元、乙鄉2,800萬元、丙鄉1,900萬元,以丙鄉最少。", [("less", "1,900萬元", "3,200萬元 2,800萬元", "最少")]),
    ("各乡镇中,甲镇2.1亿元、乙镇1.6亿元、丙镇1.2亿元,乙镇最多。", [("greater", "1.6亿元", "2.1亿元 1.2亿元", "最多")]),
    ("支出中,教育支出1.2亿元居首,社保支出0.9亿元、农林水支出0.7亿元次之。",
     [("greater", "1.2亿元", "0.9亿元 0.7亿元", "居首")]),
    # no list to be first of: a cap, a record, a single amount
    ("每户最多补助3000元。", []),
    ("全年最高气温38.5℃,最低气温零下12℃。", []),
    ("甲镇税收5200万元,为各镇最高。", []),
    # ranks: the amounts before 分居/分列, in order, each above the next; the last is the claim
    ("甲鄉1億元、乙鄉8,000萬元、丙鄉6,000萬元、丁鄉5,000萬元分居1至4名。",
     [("order", "5,000萬元", "1億元 8,000萬元 6,000萬元", "分居1至4名")]),
    ("教育支出3.2亿元、社保支出2.5亿元、农林水支出1.9亿元分列前三位。",
     [("order", "1.9亿元", "3.2亿元 2.5亿元", "分列前三位")]),
    ("教育支出3.2亿元、社保支出2.5亿元分居第一至第三位。", [("unverifiable", "分居第一至第三位", "", "分居第一至第三位")]),
    # 仅次于A、B, 居第3名: A and B rank above the subject; a rank that does not match them is unverifiable
    ("本縣賸餘15億2,300萬元,僅次於甲縣25億8千萬元、乙縣19億6,700萬元,居縣市第3名。",
     [("order", "15億2,300萬元", "25億8千萬元 19億6,700萬元", "居縣市第3名")]),
    ("本县财政收入8.6亿元,仅次于甲县9.2亿元,位居全市第二位。", [("order", "8.6亿元", "9.2亿元", "位居全市第二位")]),
    ("本县财政收入8.6亿元,仅次于甲县9.2亿元,位居全市第三位。", [("unverifiable", "位居全市第三位", "", "位居全市第三位")]),
])
def test_comparisons(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("written, number", [("4", 4), ("四", 4), ("十", 10), ("十二", 12), ("二十三", 23)])
def test_rank(written, number):
    assert _rank(written) == number


def test_exceeds_and_compared_by_hand():
    # 5.2 above 4.8 for every value; 4.75-4.85 above 4.7-4.8 for some; equal is not above
    assert exceeds(Interval.point(5.2), Interval.point(4.8)) == "all"
    assert exceeds(Interval(4.75, 4.85), Interval(4.7, 4.8)) == "part"
    assert exceeds(Interval.point(3), Interval.point(3)) == "none"
    a, b, c = Interval.point(10), Interval.point(8), Interval.point(6)
    assert compared("greater", a, [b, c]) == "all" and compared("greater", b, [a, c]) == "none"
    assert compared("less", c, [a, b]) == "all"
    assert compared("order", c, [a, b]) == "all" and compared("order", b, [a, c]) == "none"


@pytest.mark.parametrize("text, status", [
    ("全县税收收入5200万元,高于上年的4800万元。", "reproduced"),
    ("全县税收收入4600万元,高于上年的4800万元。", "discrepancy"),
    # the figures as written: 4.8万 and 4.8万 are equal, not above; 5.0亿 is above 4.98亿 (rounding aside)
    ("全县税收收入4.8万元,高于上年的4.8万元。", "discrepancy"),
    ("全县税收收入5.0亿元,高于上年的4.98亿元。", "reproduced"),
    # 4800多万 (4800万-4900万) above 4850万 for some values only
    ("全县税收收入4800多万元,高于上年的4850万元。", "tension"),
    ("甲鄉1億元、乙鄉8,000萬元、丙鄉6,000萬元、丁鄉5,000萬元分居1至4名。", "reproduced"),
    ("甲鄉1億元、乙鄉8,000萬元、丙鄉9,000萬元、丁鄉5,000萬元分居1至4名。", "discrepancy"),
    ("甲镇税收5200万元、乙镇4800万元、丙镇3900万元,其中乙镇最高。", "discrepancy"),
])
def test_the_audit_grades_a_comparison(text, status, tmp_path):
    from analysis.extraction.onboarding import propose
    from analysis.tables import load_tables

    proposals = propose(text, None, "t", "s001", load_tables())
    graded = [f for f in proposals.findings if f["rule"] in ("greater", "less", "order")]
    assert [f["status"] for f in graded] == [status]


@pytest.mark.parametrize("text, status, reading", [
    # 由0.5亿元增长到1.5亿元: 1.5/0.5 − 1 = 2倍 more, 1.5/0.5 = 3 times as much
    ("全县税收由0.5亿元增长到1.5亿元,增长2倍。", "reproduced", ""),
    ("全县税收由0.5亿元增长到1.5亿元,增长3倍。", "tension", "times_for_multiple"),
    # 2億/5,000萬 = 4 times as much, 3 times more: 5倍 is neither
    ("全縣稅收由5,000萬元增加到2億元,增加5倍。", "discrepancy", ""),
])
def test_grown_n_times_written_for_n_times_as_much_is_a_tension(text, status, reading):
    from analysis.extraction.onboarding import propose
    from analysis.tables import load_tables

    graded = [f for f in propose(text, None, "t", "s001", load_tables()).findings if f["rule"] == "growth_times"]
    assert [(f["status"], f["reading"]) for f in graded] == [(status, reading)]


@pytest.mark.parametrize("text, expected", [
    # 平均每个X: the count of X the text states in another sentence, the total in the average's sentence
    ("全县共有乡镇12个。全县乡镇机关共有工作人员480人,平均每个乡镇40人。", [("ratio", "40人", "480人 12个")]),
    ("全縣共有18個鄉鎮市。各鄉鎮市公所員額合計720人,平均每個鄉鎮市40人。", [("ratio", "40人", "720人 18個")]),
    # the total after 共, the count before
    ("全县12个乡镇平均每个乡镇核定编制40名,共480名。", [("ratio", "40名", "480名 12个")]),
    # 户均 over the households in 戶 (traditional unit)
    ("全縣戶數2萬戶,歲出1億元,戶均支出5,000元。", [("ratio", "5,000元", "1億元 2萬戶")]),
    # 年均N: the years' values are not stated
    ("近五年年均投入财政资金1200万元。", [("unverifiable", "1200万元", "")]),
    ("近五年平均每年投入財政資金1,200萬元。", [("unverifiable", "1,200萬元", "")]),
    # a value compared with (平均水平) and a cap (最多) are no average
    ("全县人均可支配收入1.8万元,低于全省平均水平2.1万元。", [("unverifiable", "1.8万元", "")]),
    ("每户最多补助3000元。", []),
    ("每戶補助最高不超過3,000元。", []),
])
def test_averages_in_more_wordings(text, expected):
    frame = find_claims(text, find_numbers(text))
    frame = frame[frame["form"] == "average"]
    assert [(r["rule"], r["claimed"], r["inputs"]) for r in frame.to_dict("records")] == expected
