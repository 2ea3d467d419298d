"""Totals and their parts, 其中 lists of some parts, 共 after a list, and the shares of a full split, on sentences
written for these tests (simplified and traditional, mainland and Taiwan usage). Every expected reading was worked
out by hand before the finder ran on it."""

import pytest

from analysis.audit import _parts_within
from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims
from analysis.intervals import Interval
from analysis.rules import ARITY, RULE_NAMES, complement

MINE = ("total", "parts", "split")


def found(text):
    """(form, rule, claimed, inputs as written) of the proposals of the forms tested here."""
    frame = find_claims(text, find_numbers(text))
    frame = frame[frame["form"].isin(MINE)]
    return [(r["form"], r["rule"], r["claimed"], r["inputs"]) for r in frame.to_dict("records")]


@pytest.mark.parametrize("text, expected", [
    # 其中 after a comma, a lone part: within its total (past the clause that only gives a rate)
    ("全县第二产业增加值21.22亿元,下降10.2%,其中工业增加值19.13亿元,增长8.1%。",
     [("parts", "parts_within", "21.22亿元", "19.13亿元")]),
    ("全县共有行政村120个,其中贫困村35个。", [("parts", "parts_within", "120个", "35个")]),
    ("全縣計有鄉鎮市33個，其中縣轄市1個、鎮3個、鄉29個。", [("parts", "parts_within", "33個", "1個 3個 29個")]),
    ("全镇共有幹部職工86人，其中公務員52人、事業人員34人。", [("parts", "parts_within", "86人", "52人 34人")]),
    # Taiwan budget wording, amounts in 億/萬 with thousands separators
    ("本鄉一一二年度歲出預算總額為新臺幣3億5,000萬元，其中一般政務支出1億2,000萬元，社會福利支出8,000萬元。",
     [("parts", "parts_within", "3億5,000萬元", "1億2,000萬元 8,000萬元")]),
    # 包括 and 含 may list some parts; plain brackets list them all
    ("本年度歲入決算數共計12億3,456萬元,包括稅課收入8億元、補助收入4億3,456萬元。",
     [("parts", "parts_within", "12億3,456萬元", "8億元 4億3,456萬元")]),
    ("核定编制45名(含行政编制20名、事业编制25名)。", [("parts", "parts_within", "45名", "20名 25名")]),
    ("核定编制45名(行政编制20名、事业编制25名)。", [("total", "sum", "45名", "20名 25名")]),
    # several totals before one 其中: each its own lone part, by the name it repeats
    ("六县区乡镇共有党政内设机构251个,事业机构231个,其中甲镇、乙镇共设置党政内设机构10个,事业机构8个;",
     [("parts", "parts_within", "251个", "10个"), ("parts", "parts_within", "231个", "8个")]),
    # 其中 opening a sentence: one part per ;-item
    ("一般公共预算支出9000万元。其中:教育支出2000万元;卫生健康支出1500万元;农林水支出3000万元。",
     [("parts", "parts_within", "9000万元", "2000万元 1500万元 3000万元")]),
    # a list then its total: 合计, 两项合计, and 共 naming nothing the list does not
    ("全镇税收收入3200万元、非税收入800万元,两项合计4000万元。", [("total", "sum", "4000万元", "3200万元 800万元")]),
    ("全縣歲入預算數為45億元，歲出預算數為47億元，合計92億元。", [("total", "sum", "92億元", "45億元 47億元")]),
    ("甲乡、乙乡、丙乡分别有村15个、12个、9个,共36个村。", [("total", "sum", "36个", "15个 12个 9个")]),
    ("全镇下辖12个行政村、3个社区,共15个村(社区)。", [("total", "sum", "15个", "12个 3个")]),
    ("全縣有鄉12個、鎮3個,共有15個鄉鎮。", [("total", "sum", "15個", "12個 3個")]),
    ("甲镇、乙镇、丙镇财政收入分别为1200万元、800万元和500万元,三镇合计2500万元。",
     [("total", "sum", "2500万元", "1200万元 800万元 500万元")]),
    # the shares of a split named in full: the last is what the others leave of 100
    ("全县第一产业、第二产业、第三产业增加值占地区生产总值的比重分别为26.3%、24.5%、49.3%。",
     [("split", "complement", "49.3%", "26.3% 24.5%")]),
    ("第一、二、三产业占比分别为10%、40%、51%。", [("split", "complement", "51%", "10% 40%")]),
    ("全县规模以上工业中,轻、重工业占比分别为30.6%和69.4%。", [("split", "complement", "69.4%", "30.6%")]),
    ("全縣城鎮和鄉村人口佔總人口的比重分別為42.5%和57.5%。", [("split", "complement", "57.5%", "42.5%")]),
])
def test_totals_parts_and_splits(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    # 共有 a count of another noun than the list's: no sum (12 + 3 is no 240)
    "全县有乡镇12个、街道3个,共有行政村240个。",
    "全县有乡镇12个、街道3个,共有干部职工860人。",
    # two of three sectors, or two parts of a whole the text does not say are all: no full split
    "第一产业、第二产业增加值占比分别为10%、40%。",
    "就歲入來源以稅課收入139億元、補助收入241億元占最大宗,比例分別為34.41%及59.61%。",
    # rates of change, not shares
    "第一产业、第二产业、第三产业增加值分别增长3%、5%、6%。",
])
def test_no_total_or_split_where_the_text_states_none(text):
    assert found(text) == []


def test_a_list_counted_before_each_is_not_the_verbs_object():
    # 分别有村15个: what is counted follows the verb; the three towns are no list of 15
    frame = find_claims("甲乡、乙乡、丙乡分别有村15个、12个、9个。", find_numbers("甲乡、乙乡、丙乡分别有村15个、12个、9个。"))
    assert not (frame["rule"] == "count_items").any()


def test_complement_is_what_the_others_leave_of_100():
    assert complement(Interval.point(26.3), Interval.point(24.5)) == Interval.point(100 - 26.3 - 24.5)
    got = complement(Interval(26.25, 26.35), Interval(24.45, 24.55))
    assert (round(got.lo, 6), round(got.hi, 6)) == (49.1, 49.3)
    assert {"complement", "parts_within"} <= set(RULE_NAMES) and ARITY["parts_within"] is None


class _Facts:
    """The two lookups _parts_within makes of a Tables, over a few facts."""

    lists_by_id: dict = {}

    def __init__(self, facts):
        self.facts = facts

    def fact(self, fact_id):
        return self.facts[fact_id]


def _fact(written, unit="亿元"):
    from analysis.numbers import parse_quantity
    q = parse_quantity(written)
    return {"as_written": written, "unit": unit, "value": q.value}


@pytest.mark.parametrize("total, parts, status", [
    ("86.8亿元", ["22.81亿元", "21.22亿元", "42.76亿元"], "reproduced"),  # 86.79 rounds to 86.8: the parts add up
    ("42.76亿元", ["1.34亿元", "3.12亿元", "2.51亿元", "5.79亿元", "3.14亿元"], "reproduced"),  # 15.90, some parts
    ("21.22亿元", ["19.13亿元"], "reproduced"),  # a lone part, under its total
    ("25.3亿元", ["12.1亿元", "14.0亿元"], "discrepancy"),  # 26.05-26.15 above every value of 25.25-25.35
    ("25.3亿元", ["12.7亿元", "12.7亿元"], "tension"),  # 25.4 fails; 25.3-25.5 against 25.25-25.35: some values fit
])
def test_parts_within_their_total(total, parts, status):
    facts = {"t": _fact(total), **{f"p{k}": _fact(p) for k, p in enumerate(parts)}}
    finding = {"claim_fact": "t", "claimed": total, "inputs": " ".join(f"p{k}" for k in range(len(parts)))}
    assert _parts_within(finding, _Facts(facts))[0] == status
