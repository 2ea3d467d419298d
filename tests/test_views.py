"""What a per-county notebook shows: the generated reading cites the numbers as the report wrote them."""

from analysis.views import CountyView


def test_reading_quotes_the_inputs_as_written():
    # 000 part 1, 马桥镇: 可用财力仅为1.3亿 against 公共财政预算收入7.1亿元 = 18.3%
    text = CountyView("anon_city_88", "finance", save_figures=False).interpretation().data
    assert "18.3%, from 1.3亿 / 7.1亿元." in text
    assert "Of 1 claim: 1 reproduced" in text


def test_reading_lists_each_discrepancy_with_its_numbers():
    # 003 part 4: 8-10 offices cut to 1-2 is a 75-90% cut, not "80%以上" throughout
    text = CountyView("anon_district_pp", "staffing", save_figures=False).interpretation().data
    assert "**80%以上**" in text and "75–90" in text
