"""What a per-county notebook shows for the five reports: the generated reading and header cite their numbers as
written (a test of the data)."""

from analysis.views import CountyView


def test_reading_quotes_the_inputs_as_written():
    # 000 part 1, 马桥镇: 可用财力仅为1.3亿 against 公共财政预算收入7.1亿元 = 18.3%
    text = CountyView("anon_city_88", "finance", save_figures=False).interpretation().data
    # 1.3亿 and 7.1亿 are rounded to 0.1亿: 1.25/7.15 = 17.5% to 1.35/7.05 = 19.1%
    assert "18.3% (precision of the written numbers: 17.5-19.1), from 1.3亿 / 7.1亿元." in text
    assert "Of 1 claim: 1 reproduced" in text


def test_reading_lists_each_discrepancy_with_its_numbers():
    # 003 part 4: 8-10 offices cut to 1-2 is a 75-90% cut, not "80%以上" throughout
    text = CountyView("anon_district_pp", "staffing", save_figures=False).interpretation().data
    assert "**80%以上**" in text and "75–90" in text


def test_reading_names_the_reading_behind_a_tension():
    text = CountyView("anon_district_pp", "staffing", save_figures=False).interpretation().data
    assert "- tension: **80%以上**" in text and "read as the ranges as typical values" in text
    assert "- discrepancy: **4个**" in text  # 003 part 4: "三个中心两个所" named against "减为4个"


def test_a_page_shows_the_literal_reading_beside_the_others():
    # 003 part 8 xx市: "65%以上" built; 90 of 144 tasks literally, 148 towns and 162 units as readings
    table = CountyView("anon_city_162", "facilities", save_figures=False).readings_table().set_index("label")
    assert set(table["literal"]) == {"65%以上 vs 62.5"}
    assert table.at["a share of the 148 towns (乡镇)", "holds"] == "no"
    assert table.at["a share of all 162 township-level units", "recomputed"] == "55.5556"


def test_the_header_names_what_this_countys_sources_give_here():
    # 001 (東營): 8 delegation facts, the first of each measure in facts.csv order; 5 findings, their claimed values
    text = CountyView("dongying", "delegation", save_figures=False).header().data
    assert text.endswith("What they give on delegation:\n"
                         "- `s001`: 8 numbers (among them powers delegated 400多項; powers in use 179項; powers in use share 44.6%; "
                         "powers unused 155項) and 5 claims (44.6%, 38.7%, 16.7%, 401項, ...).")
    assert "delegation 放權" in text  # the domain's term in the sources' script
