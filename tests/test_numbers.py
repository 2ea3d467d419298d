"""The number parser, on every form the reports use (expected values read off the report texts)."""

import pytest

from analysis.numbers import normalise, parse_quantity


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("15.8亿", 1.58e9, ""),        # 000 马桥镇 tax revenue
        ("7.1亿元", 7.1e8, "元"),
        ("1.3亿", 1.3e8, ""),
        ("500萬", 5e6, ""),            # 001, traditional 萬
        ("1.3億", 1.3e8, ""),          # traditional 億
        ("2160万元", 2.16e7, "元"),     # 003 part 3
        ("401項", 401, "项"),           # 001, traditional 項
        ("44.6%", 44.6, "%"),
        ("45.74%", 45.74, "%"),
        ("１２", 12, ""),               # full-width digits
        ("３００㎡", 300, "㎡"),
        ("59名", 59, "名"),
        ("三个中心", 3, "个"),
        ("两辆", 2, "辆"),
        ("百亿元", 1e10, "元"),
    ],
)
def test_plain_numbers_in_base_units(text, value, unit):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value)
    assert (q.low, q.high, q.qualifier, q.unit) == (None, None, "", unit)


def test_resolution_is_one_unit_of_the_last_written_digit():
    assert parse_quantity("44.6%").resolution == pytest.approx(0.1)
    assert parse_quantity("76%").resolution == 1
    assert parse_quantity("15.8亿").resolution == pytest.approx(1e7)
    assert parse_quantity("三分之一").resolution is None


@pytest.mark.parametrize(
    "text, value, low, high, qualifier",
    [
        ("400多项", 400, 400, 500, "多"),          # 001 "共下放400多項" (traditional 項)
        ("1000余车次", 1000, 1000, 2000, "余"),     # one unit of the last non-zero digit, as 百余 (100-200)
        ("20余次", 20, 20, 30, "余"),
        ("6800多万元", 6.8e7, 6.8e7, 6.9e7, "多"),  # 003 part 8
        ("百余人", 100, 100, 200, "余"),
        ("1600余米", 1600, 1600, 1700, "余"),
        ("3000余株", 3000, 3000, 4000, "余"),
        ("四倍多", 4, 4, 5, "多"),                 # 多 after 倍: more than four times, under five (四多倍)
        ("3倍有余", 3, 3, 4, "多"),
        ("2倍余", 2, 2, 3, "多"),
        ("十倍多", 10, 10, 11, "多"),              # 多 after 倍 adds under one time whatever the digits
        ("20倍多", 20, 20, 21, "多"),
        ("十多倍", 10, 10, 20, "多"),              # 多 before 倍 follows the last digit's place: eleven to nineteen
    ],
)
def test_more_than_forms_give_an_open_interval(text, value, low, high, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high) == pytest.approx((value, low, high))
    assert q.qualifier == qualifier
    assert not q.low_inclusive and not q.high_inclusive


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("8-10个", 8, 10, "个"),        # 003 part 4: 乡镇行政机构由8-10个减为1-2个
        ("1-2个", 1, 2, "个"),
        ("3%—5%", 3, 5, "%"),           # 004 standby share, em dash
        ("2—3名", 2, 3, "名"),          # 004 deputy directors
        ("5-6个", 5, 6, "个"),          # 000 party and government offices
        ("二、三十万", 2e5, 3e5, ""),    # 000 part 3 town population
        ("一至两次", 1, 2, "次"),        # 003 part 6
        ("20-30万元", 2e5, 3e5, "元"),   # the multiplier of the upper end applies to both
        ("七八十個", 70, 80, "个"),       # two adjacent digits sharing a place, no mark between
        ("三四百人", 300, 400, "人"),
        ("四五十万元", 4e5, 5e5, "元"),
        ("十七八岁", 17, 18, "岁"),       # ten and two adjacent digits (read 18 before)
        ("十二三人", 12, 13, "人"),
        ("三百四五十人", 340, 350, "人"),  # a place, then two adjacent digits of the place below (read 350 before)
        ("两千三四百元", 2300, 2400, "元"),
        ("一万二三千元", 12000, 13000, "元"),
    ],
)
def test_ranges_have_no_point_value(text, low, high, unit):
    q = parse_quantity(text)
    assert q.value is None and q.is_range
    assert (q.low, q.high) == pytest.approx((low, high))
    assert q.unit == unit


@pytest.mark.parametrize("text, value", [("一百二十人", 120), ("三十五个", 35), ("十二个", 12), ("二十", 20),
                                         ("三百四十五人", 345), ("两千三百元", 2300)])
def test_plain_numerals_are_no_adjacent_range(text, value):
    """The adjacent-digit range is read only at a numeral's start and with the second digit larger."""
    q = parse_quantity(text)
    assert q.value == value and q.low is None and not q.is_range


@pytest.mark.parametrize(
    "text, value, low, high, low_inc, high_inc",
    [
        ("不到20%", 20, None, 20, True, False),      # 000 马桥镇
        ("不足20%", 20, None, 20, True, False),
        ("80%以上", 80, 80, None, True, True),        # 003 part 4
        ("15年以上", 15, 15, None, True, True),
        ("不低于300m2", 300, 300, None, True, True),  # 003 part 3
        ("不少于300平方米", 300, 300, None, True, True),
        ("不低于40%", 40, 40, None, True, True),      # 004 agricultural staffing floor
        ("超过百亿元", 1e10, 1e10, None, False, True),
        ("过半", 50, 50, None, False, True),
        ("未过半", 50, None, 50, True, True),         # 003 part 3
        ("近百人", 100, None, 100, True, False),
        ("1个月内", 1, None, 1, True, True),          # 002 part 4: file approvals within a month
        ("1周内", 1, None, 1, True, True),            # 004: local matters settled within a week
        ("3日以内", 3, None, 3, True, True),
    ],
)
def test_one_sided_qualifiers(text, value, low, high, low_inc, high_inc):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value)
    assert q.low == (None if low is None else pytest.approx(low))
    assert q.high == (None if high is None else pytest.approx(high))
    assert (q.low_inclusive, q.high_inclusive) == (low_inc, high_inc)


def test_about_has_no_bounds_but_keeps_its_qualifier():
    q = parse_quantity("2.5万个左右")   # 003 part 8: national target of 2.5万个左右 culture stations
    assert (q.value, q.low, q.high, q.qualifier, q.unit) == (25000, None, None, "左右", "个")
    assert parse_quantity("约2.5万个").qualifier == "约"


def test_fractions_are_percentages_without_resolution():
    q = parse_quantity("三分之一")      # 003 part 8: 31 of 90 stations operating
    assert q.value == pytest.approx(100 / 3)
    assert q.unit == "%" and q.resolution is None
    assert parse_quantity("四分之三").value == pytest.approx(75)


def test_normalise_folds_fullwidth_and_traditional():
    assert normalise("１２％") == "12%"
    assert normalise("1.3億 元") == "1.3亿元"


@pytest.mark.parametrize("text", ["", "万", "无", "abc"])
def test_no_number_is_an_error(text):
    with pytest.raises(ValueError, match="no number"):
        parse_quantity(text)


def test_two_qualifiers_are_refused():
    with pytest.raises(ValueError, match="more than one qualifier"):
        parse_quantity("约400多项")


def test_within_keeps_the_unit_apart_from_the_qualifier():
    q = parse_quantity("1个月内")       # 002 part 4: "许可后1个月内将审批、许可事项报相关部门备案"
    assert (q.qualifier, q.unit) == ("内", "月")
    assert (parse_quantity("1周内").qualifier, parse_quantity("1周内").unit) == ("内", "周")
    assert (parse_quantity("3日以内").qualifier, parse_quantity("3日以内").unit) == ("以内", "日")


@pytest.mark.parametrize(
    "text, value, low, high, qualifier, kind",
    [
        ("一半", 50, None, None, "", "fraction"),          # issue 17: not 1
        ("半数", 50, None, None, "", "fraction"),          # not 0.5
        ("不到一半", 50, None, 50, "不到", "less_than"),
        ("一半以上", 50, 50, None, "以上", "at_least"),
        ("三成", 30, None, None, "", "tenths"),            # not 3
        ("三成以上", 30, 30, None, "以上", "at_least"),
        ("上千册", 1000, 1000, 10000, "上", "order_of"),    # both bounds
        ("不满18周岁", 18, None, 18, "不满", "less_than"),
        ("七成五", 75, None, None, "", "tenths"),          # 7.5 tenths, not 70 and a stray 五
        ("七成五以上", 75, 75, None, "以上", "at_least"),
        ("逾半", 50, 50, None, "过半", "more_than"),        # 逾半 says what 过半 says
        ("2/3", pytest.approx(200 / 3), None, None, "", "fraction"),  # a fraction in digits
        ("1/4以上", 25, 25, None, "以上", "at_least"),
    ],
)
def test_half_tenths_and_orders_of_magnitude(text, value, low, high, qualifier, kind):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.qualifier, q.kind) == (value, low, high, qualifier, kind)


def test_the_window_of_tenths_is_as_fine_as_the_digits_written():
    from analysis.windows import window_for

    # 三成 is 30% to the tenth, 七成五 75% to the percent; 2/3 is nearer 2/3 than 7/10 or 5/8 (denominators <= 10)
    assert window_for("tenths", 30, parse_quantity("三成").resolution).describe() == "[25, 35)"
    assert window_for("tenths", 75, parse_quantity("七成五").resolution).describe() == "[74.5, 75.5)"
    assert parse_quantity("3/2").kind == "rounded"  # more than the whole: no fraction of it (3, then 2)


@pytest.mark.parametrize(
    "text, value, resolution",
    [
        ("百分之八十一點七", 81.7, 0.1),    # issue 9: not 81
        ("百分之四十四点六", 44.6, 0.1),
        ("百分之五", 5, 1),
        ("1,035名", 1035, 1),             # not 1 with unit ",035名"
        ("674,149,546元", 674149546, 1),
        ("４.５万余", 45000, 1000),        # full width; the step is one unit of the last digit
    ],
)
def test_percent_words_and_thousands_separators(text, value, resolution):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value) and q.resolution == pytest.approx(resolution)


def test_more_than_after_a_decimal_steps_by_its_last_digit():
    # issue 17: 4.5万余 spanned 45,000-55,000 and 0.5万多 5,000-105,000
    assert (parse_quantity("4.5万余").low, parse_quantity("4.5万余").high) == (45000, 46000)
    assert (parse_quantity("0.5万多").low, parse_quantity("0.5万多").high) == (5000, 6000)


@pytest.mark.parametrize(
    "text, value, resolution",
    [
        ("千分之五", 0.5, 0.1),             # issue 9: per mille, as a percentage
        ("千分之三点五", 0.35, 0.01),
        ("一亿二千万", 1.2e8, 1e4),          # 万 inside a Chinese numeral
        ("一万二千八百六十万元", 1.286e8, 1e4),  # 万 twice: 12860 × 万, not 1万 + 2860万
        ("三萬五千億元", 3.5e12, 1e8),         # a larger unit after a group scales all before it: 35000亿
        ("四千五百万元", 4.5e7, 1e4),
        ("一万二千人", 12000, 1),
        ("一点五倍", 1.5, 0.1),              # Chinese decimals
        ("二千零五十元", 2050, 1),
        ("三百餘人", 300, 1),
        ("负5%", -5, 1),                    # a sign is read, never dropped
    ],
)
def test_chinese_numerals_of_any_size(text, value, resolution):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value) and q.resolution == pytest.approx(resolution)


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.integers(0, 10**8))
def test_chinese_numerals_round_trip(n):
    import cn2an

    assert parse_quantity(cn2an.an2cn(n) + "人").value == n


@given(st.integers(0, 10**9), st.sampled_from(["{:,}名", "{}名", "{:_}名"]))
def test_thousands_separators_round_trip(n, form):
    text = form.format(n).replace("_", " ")  # "1,035", "33 939"
    assert parse_quantity(text).value == n


@given(st.integers(0, 999), st.integers(0, 9))
def test_percent_words_round_trip(whole, tenth):
    import cn2an

    q = parse_quantity(f"百分之{cn2an.an2cn(whole)}点{cn2an.an2cn(tenth)}")
    assert q.value == pytest.approx(whole + tenth / 10) and q.unit == "%" and q.resolution == pytest.approx(0.1)


@given(st.integers(1, 9999), st.integers(0, 2), st.sampled_from(["万", "亿", "萬", "億"]))
def test_multipliers_with_decimals_round_trip(digits, decimals, mult):
    written = f"{digits / 10**decimals:.{decimals}f}"
    factor = 1e4 if mult in "万萬" else 1e8
    q = parse_quantity(f"{written}{mult}元")
    assert q.value == pytest.approx(float(written) * factor) and q.resolution == pytest.approx(10**-decimals * factor)


@given(st.integers(0, 10**6))
def test_fullwidth_digits_round_trip(n):
    fullwidth = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_quantity(fullwidth + "个").value == n


@pytest.mark.parametrize("text", ["", "万", "无", "abc", "若干", "几个"])
def test_what_cannot_be_read_is_refused_with_the_text_named(text):
    with pytest.raises(ValueError, match="no number found") as err:
        parse_quantity(text)
    assert repr(text) in str(err.value)  # the message names the text


@pytest.mark.parametrize(
    "text, qualifier, low, high",
    [
        ("約50%", "约", None, None),           # read as about 50, never as exactly 50
        ("超過100項", "超过", 100, None),
        ("未過半", "未过半", None, 50),          # not 0.5
        ("不滿18人", "不满", None, 18),
        ("1個月內", "内", None, 1),
        ("不低於300㎡", "不低于", 300, None),
    ],
)
def test_traditional_qualifiers_are_read_like_simplified_ones(text, qualifier, low, high):
    # report 001 is in traditional characters; the extractor proposes these forms
    q = parse_quantity(text)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize("text, value, qualifier, unit", [
    # 上 qualifies only the numeral right after it (上千, 上百): in 上升, 上年 it is a word of its own
    ("上升3.7个百分点", 3.7, "", "个百分点"),
    ("比上年增长5%", 5.0, "", "%"),
    ("上千册", 1000.0, "上", "册"),
    # percentage points, in both scripts and without 个: a unit of their own, never 个 nor 2.5百
    ("下降3.72個百分點", 3.72, "", "个百分点"),
    ("增加2.5百分點", 2.5, "", "个百分点"),
])
def test_changes_with_their_words_of_direction(text, value, qualifier, unit):
    q = parse_quantity(text)
    assert (q.value, q.qualifier, q.unit) == (value, qualifier, unit)


# Forms real texts use beyond the five reports (issue 29); each value worked out by hand from the words.
@pytest.mark.parametrize(
    "text, value, resolution, unit",
    [
        ("3千2百萬元", 3.2e7, 1e4, "元"),                      # 3000万 + 200万, traditional 萬
        ("3千2百万元", 3.2e7, 1e4, "元"),
        ("八萬五千元", 85_000, 1, "元"),                          # 8万 + 5千
        ("三百五十一億七千八百八十四萬二千元", 35_178_842_000, 1, "元"),  # 351亿 + 7884万 + 2千
        ("十八亿九千零七十五万五千元", 1_890_755_000, 1, "元"),      # 18亿 + 9075万 + 5千
        ("六億七百萬九千元", 607_009_000, 1, "元"),                 # 6亿 + 700万 + 9千, no 零 written
        ("1兆2,000億元", 1.2e12, 1e8, "元"),                     # 兆 is 10^12 (Taiwan): 1兆 + 2000亿
        ("405億9,629萬元", 40_596_290_000, 1e4, "元"),           # 405亿 + 9629万
        ("66億8百萬", 6_608_000_000, 1e4, ""),                   # 66亿 + 800万 (not 66.8亿)
        ("25亿8千万元", 2_580_000_000, 1e4, "元"),
        ("4百億元", 4e10, 1e8, "元"),                             # a digit with 百亿
        ("12万3千人", 123_000, 1, "人"),
    ],
)
def test_mixed_numerals_with_scales_inside(text, value, resolution, unit):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value) and q.resolution == pytest.approx(resolution) and q.unit == unit


def test_more_than_on_a_mixed_numeral_steps_by_its_last_non_zero_digit():
    # 405亿9629万余: more than that, less than one more 万 of its last non-zero digit (9 in the 万 place)
    q = parse_quantity("405億9,629萬餘元")
    assert (q.low, q.high, q.qualifier) == (40_596_290_000, 40_596_300_000, "余")
    q = parse_quantity("241亿9,760万余元")  # last non-zero digit 6, in the 十万 place: one more 十万
    assert (q.low, q.high) == (24_197_600_000, 24_197_700_000)


@pytest.mark.parametrize(
    "text, value, resolution",
    [
        ("3‰", 0.3, 0.1),            # per mille, as a percentage: one more decimal
        ("2.5‰", 0.25, 0.01),
        ("千分之三", 0.3, 0.1),
        ("1·8%", 1.8, 0.1),           # a middle dot garbled from the decimal point
        ("1.76％", 1.76, 0.01),       # full-width percent sign
        ("12 345人", 12_345, 1),      # thousands grouped by a space
        ("1 234 567元", 1_234_567, 1),
    ],
)
def test_per_mille_garbled_decimals_and_space_grouped_thousands(text, value, resolution):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value) and q.resolution == pytest.approx(resolution)


@pytest.mark.parametrize("text, value", [("-4.3%", -4.3), ("增长-4.3%", -4.3), ("−2.1%", -2.1), ("－2.1%", -2.1),
                                         ("负增长2%", -2), ("負增長0.5%", -0.5), ("负5%", -5)])
def test_negative_numbers_keep_their_sign(text, value):
    q = parse_quantity(text)
    assert q.value == pytest.approx(value) and q.unit == "%"


@pytest.mark.parametrize(
    "text, value, low, high, qualifier, kind",
    [
        ("五成", 50, None, None, "", "tenths"),
        ("7成", 70, None, None, "", "tenths"),
        ("7成以上", 70, 70, None, "以上", "at_least"),
        ("半数", 50, None, None, "", "fraction"),
        ("半數", 50, None, None, "", "fraction"),          # traditional 數
        ("半數以上", 50, 50, None, "以上", "at_least"),
        ("過半", 50, 50, None, "过半", "more_than"),
        ("过半数", 50, 50, None, "过半", "more_than"),
        ("未及半数", 50, None, 50, "未及", "less_than"),     # not reaching half
        ("未及半數", 50, None, 50, "未及", "less_than"),
        ("不及三成", 30, None, 30, "不及", "less_than"),
    ],
)
def test_tenths_and_halves_in_both_scripts(text, value, low, high, qualifier, kind):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.qualifier, q.kind) == (value, low, high, qualifier, kind)


@pytest.mark.parametrize(
    "text, value, low, high, qualifier",
    [
        ("突破4百億元", 4e10, 4e10, None, "突破"),   # more than 400亿, not 400亿 itself
        ("突破100万人", 1e6, 1e6, None, "突破"),
        ("逾百億元", 1e10, 1e10, None, "逾"),        # Taiwan: 逾 = more than
    ],
)
def test_breaking_through_and_exceeding_are_more_than(text, value, low, high, qualifier):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.qualifier) == (value, low, high, qualifier)
    assert not q.window().contains(value) and q.window().contains(value * 1.01)


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("8万人口以下至5万人口以上", 50_000, 80_000, "人"),   # written high to low: both ends included
        ("18岁以上60岁以下", 18, 60, "岁"),
        ("18歲以上60歲以下", 18, 60, "歲"),
    ],
)
def test_both_ends_bounded_by_words_are_a_range(text, low, high, unit):
    q = parse_quantity(text)
    assert (q.value, q.low, q.high, q.unit) == (None, low, high, unit) and q.window().contains(low)


@pytest.mark.parametrize("text, value", [("倍增", 2), ("翻一番", 2), ("翻番", 2), ("翻两番", 4), ("翻兩番", 4)])
def test_multiples_in_words(text, value):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, "倍")


def test_percentage_points_are_their_own_unit():
    assert parse_quantity("3.72个百分点").unit == "个百分点" and parse_quantity("3.72个百分点").value == pytest.approx(3.72)
    assert parse_quantity("0.46個百分點").unit == "个百分点"
    assert parse_quantity("2.2百分点").value == pytest.approx(2.2)  # not 220: 百 of 百分点 is no multiplier


def test_scaled_values_carry_no_float_noise():
    # 9.8 * 1e8 is 980000000.0000001 in floating point; a review file would show it
    assert parse_quantity("9.8亿元").value == 980_000_000 and parse_quantity("0.38万吨").value == 3_800
    assert parse_quantity("0.8-1.2万").low == 8_000 and parse_quantity("4.5万余").high == 46_000


@pytest.mark.parametrize("text, value, unit", [
    ("423千克/亩", 423, "千克/亩"),  # 千克 is a unit (kilogram), not 千 × 克
    ("2.5千米", 2.5, "千米"),
    ("1.2万千瓦时", 12000, "千瓦时"),  # 万 scales the number; 千瓦时 is the unit
    ("三千人", 3000, "人"),  # 千 before any other word still scales
    ("一亿二千万元", 120_000_000, "元"),
])
def test_kilo_units_are_units_not_thousands(text, value, unit):
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, unit)
