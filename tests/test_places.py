"""Which place each number of a report is about: the table's own examples in both scripts, sentences written for these
tests (mainland and Taiwan usage), and the hand labels of two practice texts (written before the code)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.not_data import fold
from analysis.extraction.places import TABLE, Given, not_names_markdown, places_markdown, read_places
from analysis.paths import DATA_DIR
from analysis.schemas import COLUMNS

PROJECT = Path(__file__).resolve().parent.parent
PRACTICE = Path(os.environ.get("PRACTICE_DIR") or PROJECT.parent / "shared" / "practice")


def _counties(*rows):
    return pd.DataFrame([dict(zip(COLUMNS["counties"], r)) for r in rows], columns=COLUMNS["counties"])


# The frame of the table's examples: a town (清河镇) of 清河县, in 清河市 of 清河省; the country; Pingtung, Wuchuan.
FRAME = _counties(
    ("national", "全国", "China (national)", "nation", "", "", "", "false", "s1"),
    ("qh_province", "清河省", "Qinghe Province", "province", "national", "清河省", "", "false", "s1"),
    ("qh_city", "清河市", "Qinghe City", "prefecture_city", "qh_province", "清河省", "", "false", "s1"),
    ("qh_county", "清河县", "Qinghe County", "county", "qh_city", "清河省", "", "false", "s1"),
    ("qh_town", "清河镇", "Qinghe Town", "town", "qh_county", "清河省", "", "false", "s1"),
    ("pingtung", "屏東縣", "Pingtung County", "county", "", "", "", "false", "s1"),
    ("wuchuan", "务川仡佬族苗族自治县", "Wuchuan", "county", "遵义市", "贵州省", "", "false", "s1"),
    ("anon_town", "某镇 (党政职责)", "An anonymised town", "town", "", "", "", "true", "s1"),
)
ABOVE = {"province": "qh_province", "city": "qh_city", "county": "qh_county"}


def _given(county, counties=FRAME):
    row = counties.set_index("county").loc[county]
    return Given(county, row["name_zh"], row["level"], row["parent"], row["province"], row["name_en"])


def _read(text, given="qh_town", counties=FRAME):
    """{number as written: (county, read_from, flag)} and the places read (not the one given)."""
    numbers = find_numbers(text)
    g = given if isinstance(given, Given) else _given(given, counties)
    read = read_places(text, list(zip(numbers["start"], numbers["end"])), g, counties)
    return {w: (r.county, r.read_from, r.flag) for w, r in zip(numbers["as_written"], read.readings)}, read.places


@pytest.mark.parametrize("row, script", [(row, script) for row in TABLE for script in ("simplified", "traditional")],
                         ids=lambda x: x if isinstance(x, str) else x.level)
def test_every_rows_examples_read_their_number_under_the_place_they_say(row, script):
    sentence, number, place = getattr(row, script)
    readings, places = _read(sentence)
    county = readings[number][0]
    if place == "given":
        assert county == "qh_town"
    elif place == "national":
        assert county == "national"
    elif place.startswith("above: "):
        assert county == ABOVE[place.removeprefix("above: ")] and readings[number][2].endswith("check")
    elif place.startswith("new: "):
        assert places[county]["name_zh"] == place.removeprefix("new: ") and not places[county]["known"]
    else:
        assert place == "Taiwan" and county == "taiwan" and places["taiwan"]["name_zh"] == "臺灣地區"


@pytest.mark.parametrize("row", TABLE, ids=lambda r: r.level)
def test_the_traditional_examples_are_written_in_traditional_characters(row):
    assert fold(row.traditional[0]) != row.traditional[0]


def test_every_word_of_the_table_is_listed_in_simplified_characters_too():
    for row in TABLE:
        assert {fold(w) for w in row.whole} <= set(row.whole) and {fold(w) for w in row.endings} <= set(row.endings)


def test_dictionary_shows_the_table_the_code_uses():
    dictionary = (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")
    assert places_markdown() in dictionary and not_names_markdown() in dictionary


# --- sentences written for these tests ----------------------------------------------------------------------

def test_the_country_the_county_and_the_town_in_one_sentence_mainland():
    readings, places = _read("全国乡镇平均财政收入1200万元,本县乡镇平均800万元,本镇650万元。")
    assert [readings[n][0] for n in ("1200万元", "800万元", "650万元")] == ["national", "qh_county", "qh_town"]
    assert readings["800万元"][1] == "本县 (in its clause, line 1)"
    assert readings["800万元"][2] == "in the report of a town: the county above it (qh_county): check"
    assert readings["650万元"] == ("qh_town", "本镇 (in its clause, line 1)", "")
    assert set(places) == {"national", "qh_county"} and places["national"]["known"] and places["qh_county"]["numbers"] == 1


TAIWAN = _counties(
    ("yl_county", "宜蘭縣", "Yilan County", "county", "", "", "", "false", "s1"),
    ("dongshan", "冬山鄉", "Dongshan Township", "town", "yl_county", "", "", "false", "s1"),
)


def test_taiwan_as_a_whole_its_county_and_its_township_traditional():
    readings, places = _read("全臺鄉鎮平均歲入3.2億元,本縣鄉鎮平均2.8億元,本鄉2.1億元。", "dongshan", TAIWAN)
    assert [readings[n][0] for n in ("3.2億元", "2.8億元", "2.1億元")] == ["taiwan", "yl_county", "dongshan"]
    assert places["taiwan"] | {"numbers": 0, "read_from": [], "flags": []} == {
        "county": "taiwan", "name_zh": "臺灣地區", "name_en": "Taiwan (as a whole)", "level": "nation", "parent": "",
        "province": "", "gb_code": "", "anonymised": "false", "known": False, "sources": "", "numbers": 0,
        "read_from": [], "flags": []}


def test_in_a_taiwan_text_the_whole_country_is_taiwan_and_flagged():
    readings, places = _read("113年度全國鄉鎮市平均人口2.6萬人,本鄉1.8萬人。", "dongshan", TAIWAN)
    assert readings["2.6萬人"] == ("taiwan", "全國 (in its clause, line 1)", "in a Taiwan text: Taiwan as a whole (taiwan): check")
    assert readings["1.8萬人"][0] == "dongshan"
    # the same words in a mainland text (no ROC year, no 臺灣, no 新臺幣) are the country
    readings, _ = _read("2023年全國鄉鎮平均人口2.6萬人,本鎮1.8萬人。")
    assert readings["2.6萬人"][0] == "national"


def test_a_sentence_goes_on_speaking_of_its_place_until_another_is_named():
    readings, _ = _read("全国乡镇平均财政收入1200万元,增长5%;本镇财政收入650万元,增长3%。")
    assert [readings[n][0] for n in ("1200万元", "5%", "650万元", "3%")] == ["national", "national", "qh_town", "qh_town"]
    assert readings["5%"][1] == "全国 (earlier in its sentence, line 1)"


def test_numbers_with_no_place_named_in_their_sentence_are_the_place_givens():
    readings, places = _read("按照河东省乡镇机构改革方案,每个乡镇定编35人。全镇常住人口3.2万人。", "qh_county")
    # 河东省 names a document here, not the place of 35人 (it does not open a clause)
    assert readings["35人"] == ("qh_county", "", "") and places == {}
    assert readings["3.2万人"] == ("qh_county", "全镇 (in its clause, line 1)",
                                  "in the report of a county: which town? filed under the place given: check")


def test_members_of_a_list_and_places_in_brackets_are_not_the_place_of_a_count():
    text = ("选择3个县区(甲州区、乙台县、丙南县)和1个街道(丁州区西街街道)开展调研。"
            "东坡镇、西河乡2个乡镇划为二类,每个乡镇定编30人。")
    readings, places = _read(text, "qh_city")
    assert {readings[n][0] for n in ("3个", "1个", "2个", "30人")} == {"qh_city"} and places == {}


def test_a_named_place_the_data_do_not_know_is_proposed_with_the_place_it_follows():
    readings, places = _read("甲州区沙井镇财政收入1.2亿元,乙州区1.5亿元。", "qh_city")
    town, district = readings["1.2亿元"][0], readings["1.5亿元"][0]
    assert (town, district) == ("town_1", "district_1")
    assert (places[town]["name_zh"], places[town]["level"], places[town]["parent"]) == ("沙井镇", "town", "甲州区")
    assert (places[district]["name_zh"], places[district]["level"], places[district]["parent"]) == ("乙州区", "district", "qh_city")
    assert readings["1.2亿元"][2] == "a place the data do not know: a new row town_1 (level town, in 甲州区): check its name and level"


def test_a_short_form_is_the_place_it_shortens_flagged():
    readings, _ = _read("屏縣107年度歲入決算數405億元,居縣市第3名。", "pingtung")
    assert readings["405億元"] == ("pingtung", "屏縣 (in its clause, line 1)", "read as 屏東縣 (pingtung): check")
    readings, _ = _read("2022年务川自治县生产总值86.8亿元。", "wuchuan")
    assert readings["86.8亿元"][0] == "wuchuan" and readings["86.8亿元"][1].startswith("务川自治县 ")


def test_generic_words_that_end_like_a_place_are_no_place():
    text = "全县城镇居民人均可支配收入3.2万元,城市社区12个,农村常住人口8万人,县乡两级事权下放40项,一类乡镇5个。"
    readings, places = _read(text, "qh_county")
    assert {readings[n][0] for n in ("3.2万元", "12个", "8万人", "40项", "5个")} == {"qh_county"} and places == {}


def test_words_for_a_whole_place_are_read_against_the_level_given():
    # a county-level city's report: 全县 is the same tier (flagged), 全市 itself
    city = _counties(("feicheng", "肥城市", "Feicheng", "county_level_city", "泰安市", "山东省", "", "false", "s1"))
    readings, places = _read("1988年,全县设乡镇17个。2002年,全市乡镇行政编制556人。", "feicheng", city)
    assert readings["17个"] == ("feicheng", "全县 (in its clause, line 1)",
                                "in the report of a county_level_city: read as the place given (the same tier): check")
    assert readings["556人"] == ("feicheng", "全市 (in its clause, line 1)", "") and places == {}


def test_the_place_above_one_the_data_do_not_have_is_a_new_row_named_by_its_parent_or_by_what_it_is():
    town = Given("fuling_town", "涪陵区某镇", "town", "涪陵区", "重庆市", "A town of Fuling District")
    readings, places = _read("全区乡镇平均财政收入1.1亿元,全县0.9亿元,我镇0.6亿元。", town, _counties())
    district, county = readings["1.1亿元"][0], readings["0.9亿元"][0]
    assert (district, places[district]["name_zh"], places[district]["level"]) == ("fuling_town_district", "涪陵区", "district")
    assert (county, places[county]["name_zh"], places[county]["level"]) == ("fuling_town_county", "涪陵区某镇所在县", "county")
    assert readings["0.9亿元"][2] == ("in the report of a town: the county above it, a new row fuling_town_county (the text "
                                     "does not name it: name it)")
    assert readings["0.6亿元"][0] == "fuling_town"


def test_a_village_is_filed_under_the_place_above_it_and_flagged():
    readings, places = _read("清河镇东坡村有农户320户,本村人均收入1.8万元。")
    assert readings["320户"][0] == readings["1.8万元"][0] == "qh_town" and places == {}
    assert readings["320户"][2].startswith("a village has no level in counties.csv: filed under qh_town")


def test_an_anonymised_name_is_never_matched_nor_proposed():
    readings, places = _read("某镇财政收入1.2亿元。", "qh_county")
    assert readings["1.2亿元"] == ("qh_county", "", "") and places == {}


# --- practice texts, labelled by hand before this code existed ----------------------------------------------

def _labelled(stem, given, counties):
    text = (PRACTICE / f"{stem}.txt").read_text(encoding="utf-8")
    numbers = find_numbers(text)
    read = read_places(text, list(zip(numbers["start"], numbers["end"])), given, counties)
    names = {county: row["name_zh"] for county, row in read.places.items()} | {given.county: given.name_zh}
    seen, got = {}, {}
    for written, line, reading in zip(numbers["as_written"], numbers["line"], read.readings):
        seen[(line, written)] = seen.get((line, written), 0) + 1
        got[(line, written, seen[(line, written)])] = names[reading.county]
    with open(PROJECT / "benchmarks" / "practice" / f"{stem}.places.csv", encoding="utf-8") as f:
        labels = list(csv.DictReader(f))
    return [(int(r["line"]), r["as_written"], r["place"], got.get((int(r["line"]), r["as_written"], int(r["nth"]))))
            for r in labels]


@pytest.mark.skipif(not PRACTICE.is_dir(), reason="the practice texts are not beside the project (nor in $PRACTICE_DIR)")
def test_the_places_of_p3_pingtung_as_labelled_by_hand():
    rows = _labelled("p3_pingtung_107_zongjuesuan", Given("pingtung", "屏東縣", "county", name_en="Pingtung County"), _counties())
    wrong = [(line, written, label, got) for line, written, label, got in rows if label != got]
    # 28 of 29 labelled numbers: 新竹縣 and 南投縣 proposed as new places, 屏縣 read as 屏東縣; the one miss is "4縣市",
    # a count among all of Taiwan's counties that the text files under no place: the reader keeps the sentence's 屏縣
    assert len(rows) == 29 and wrong == [(7, "4縣市", "臺灣地區", "屏東縣")]


@pytest.mark.skipif(not PRACTICE.is_dir(), reason="the practice texts are not beside the project (nor in $PRACTICE_DIR)")
def test_the_places_of_p8_feicheng_as_labelled_by_hand():
    # a gazetteer naming some thirty towns in lists: every number is the county-level city's (全县 before 1992, 全市 after)
    given = Given("feicheng", "肥城市", "county_level_city", name_en="Feicheng")
    rows = _labelled("p8_feicheng_jiceng_zhengquan", given, _counties())
    assert len(rows) == 21 and [r for r in rows if r[2] != r[3]] == []


# --- add-source and accept ------------------------------------------------------------------------------------

TEXT = ("关于某某镇2023年财政收支情况的报告(虚构,仅供测试)\n"
        "全国乡镇平均财政收入1200万元,本县乡镇平均800万元,本镇650万元。\n"
        "甲州区沙井镇财政收入1.2亿元。\n")


@pytest.fixture
def onboarded(tmp_path, data_copy, monkeypatch):
    from analysis.extraction.onboarding import add_source

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "places_report.txt").write_text(TEXT, encoding="utf-8")
    before = {name: (data_copy / name).read_bytes() for name in ("facts.csv", "counties.csv")}
    done = add_source(reports / "places_report.txt", "fictional_town", data_copy, tmp_path / "review",
                      place=("某某镇(虚构)", "A fictional town", "town"), reports_dir=reports, title_en="A test")
    return {"data": data_copy, "reports": reports, "done": done, "before": before}


def _review(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _accept_rows(onboarded, numbers, change=None):
    from analysis.extraction.onboarding import accept

    facts_file = onboarded["done"]["review"][0]
    review = _review(facts_file)
    review.loc[review["as_written"].isin(numbers), "accept"] = "yes"
    if change:
        change(review)
    review.to_csv(facts_file, index=False)
    return accept(facts_file, onboarded["data"], onboarded["reports"])


def test_add_source_files_each_number_under_its_place_and_lists_the_places_to_review(onboarded):
    source = onboarded["done"]["source"]
    facts = _review(onboarded["done"]["review"][0]).set_index("as_written")
    assert facts.loc[["1200万元", "800万元", "650万元", "1.2亿元"], "county"].tolist() == [
        "national", "fictional_town_county", "fictional_town", "town_1"]
    assert facts.at["650万元", "place_from"] == "本镇 (in its clause, line 2)"
    places = _review(onboarded["done"]["places"]).set_index("county")
    assert places["action"].to_dict() == {"national": "add source", "fictional_town_county": "add row", "town_1": "add row"}
    assert places.loc["fictional_town_county", ["name_zh", "level", "numbers", "lines"]].tolist() == [
        "某某镇所在县", "county", "1", "2"]
    assert places.loc["town_1", ["name_zh", "level", "parent"]].tolist() == ["沙井镇", "town", "甲州区"]
    assert onboarded["done"]["new_places"] == 2 and onboarded["done"]["places"].name == f"{source}.places.csv"
    # nothing of it is in the tables yet: add-source wrote only the town given
    counties = pd.read_csv(onboarded["data"] / "counties.csv", dtype=str, keep_default_na=False)
    assert not counties["county"].isin(["fictional_town_county", "town_1"]).any()
    assert source not in counties.set_index("county").at["national", "sources"].split()


def test_the_review_page_shows_each_numbers_place_beside_it(onboarded):
    page = onboarded["done"]["review"][2].read_text(encoding="utf-8")
    assert '<span class="place new" title="本县 (in its clause, line 2); in the report of a town: the county above it, a ' in page
    assert '→ <code lang="en">fictional_town_county</code> 某某镇所在县 (new)</span>' in page
    assert '→ <code lang="en">national</code> 全国</span>' in page and '<table class="places">' in page
    assert page.count('<span class="place') == 4 + 2  # beside 1200万元, 800万元, 650万元, 1.2亿元; two in the legend


def test_accept_writes_a_place_only_with_a_row_filed_under_it_and_only_adds_rows(onboarded):
    source = onboarded["done"]["source"]
    assert _accept_rows(onboarded, ["1200万元", "800万元", "650万元"]) == 3
    counties = pd.read_csv(onboarded["data"] / "counties.csv", dtype=str, keep_default_na=False).set_index("county")
    assert counties.at["national", "sources"].split()[-1] == source
    assert counties.loc["fictional_town_county", ["name_zh", "level", "sources"]].tolist() == ["某某镇所在县", "county", source]
    assert "town_1" not in counties.index  # 1.2亿元 was not accepted: 沙井镇 stays a proposal
    facts = pd.read_csv(onboarded["data"] / "facts.csv", dtype=str, keep_default_na=False)
    assert facts[facts["source"] == source]["county"].tolist() == ["national", "fictional_town_county", "fictional_town"]
    # old rows byte for byte: facts.csv only gained rows; counties.csv gained two rows and national's sources
    after = {name: (onboarded["data"] / name).read_bytes() for name in ("facts.csv", "counties.csv")}
    assert after["facts.csv"].startswith(onboarded["before"]["facts.csv"])
    old, new = onboarded["before"]["counties.csv"].splitlines(), after["counties.csv"].splitlines()
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(new) == len(old) + 2 and len(changed) == 1
    assert changed[0][0].startswith(b"national,") and changed[0][1] == changed[0][0] + f" {source}".encode()


def test_the_five_reports_audit_is_unchanged_by_accepting_rows_under_other_places(onboarded, capsys):
    from analysis.cli import main

    assert main(["--data-dir", str(onboarded["data"]), "audit", "--csv"]) == 0
    before = capsys.readouterr().out
    _accept_rows(onboarded, ["1200万元", "800万元", "650万元"])
    assert main(["--data-dir", str(onboarded["data"]), "audit", "--csv"]) == 0
    assert capsys.readouterr().out == before and before.count("\n") > 200


def test_a_place_neither_known_nor_proposed_is_refused_naming_the_review_row(onboarded):
    from analysis.tables import DataError

    def elsewhere(review):
        review.loc[review["as_written"] == "650万元", "county"] = "nowhere"

    with pytest.raises(DataError) as refused:
        _accept_rows(onboarded, ["650万元"], elsewhere)
    facts_file, places_file = onboarded["done"]["review"][0], onboarded["done"]["places"].name
    assert refused.value.problems == [f"{facts_file}, row 4, column 'county': 'nowhere' is neither in data/counties.csv nor "
                                      f"a place {places_file} proposes; choose the place the number is about"]
    assert (onboarded["data"] / "facts.csv").read_bytes() == onboarded["before"]["facts.csv"]


def test_a_bad_place_row_is_refused_naming_the_places_files_row(onboarded):
    from analysis.tables import DataError

    places_file = onboarded["done"]["places"]
    places = _review(places_file)
    places.loc[places["county"] == "town_1", "level"] = "hamlet"
    places.to_csv(places_file, index=False)
    tables = {name: (onboarded["data"] / name).read_bytes() for name in ("facts.csv", "counties.csv")}
    with pytest.raises(DataError) as refused:
        _accept_rows(onboarded, ["1.2亿元"])
    assert [p for p in refused.value.problems if p.startswith(f"{places_file}, row 4, column 'level': ")]
    assert {name: (onboarded["data"] / name).read_bytes() for name in tables} == tables  # nothing written
