"""What a per-county notebook shows: the generated reading cites the numbers as the report wrote them."""

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


def test_has_domain_data_agrees_with_the_pairs_the_plan_uses():
    """The per-view check (vectorised, asked by every section) and the batch plan's one-pass set agree."""
    from analysis.tables import load_tables
    from analysis.views import DOMAINS_SHOWN, domains_with_data, has_domain_data

    tables = load_tables()
    pairs = domains_with_data(tables)
    asked = {(c, d) for c in tables.counties["county"] for d in DOMAINS_SHOWN if has_domain_data(tables, c, d)}
    assert asked == {(c, d) for c, d in pairs if d in DOMAINS_SHOWN} and len(asked) > 20
    assert not has_domain_data(tables, "no_such_county", "finance")


def test_the_header_names_what_this_countys_sources_give_here():
    # 001 (東營): 8 delegation facts, the first of each measure in facts.csv order; 7 findings (5 numbers and the two
    # contradictions of lines 26/54 and 32/58, cited by their first passage), their claimed values
    text = CountyView("dongying", "delegation", save_figures=False).header().data
    assert text.endswith("What they give on delegation:\n"
                         "- `s001`: 8 numbers (among them powers delegated 400多項; powers in use 179項; powers in use share 44.6%; "
                         "powers unused 155項) and 7 claims (44.6%, 38.7%, 16.7%, 401項, ...).")
    assert "delegation 放權" in text  # the domain's term in the sources' script


def test_no_notebook_opens_with_text_about_a_county():
    """The opening cells are the same on every county's page: they may name no place, report or source."""
    import re

    import nbformat

    from analysis.paths import NOTEBOOKS_DIR
    from analysis.tables import load_tables

    tables = load_tables()
    names = {re.split(r"[\s(]", name)[0] for name in tables.counties["name_zh"]} | set(tables.counties["name_en"])
    names |= {"马桥镇", "義安鎮", "义安镇", "東營", "东营", "江津", "黟县", "宣州"}  # places inside the reports, not counties
    for notebook in ("01-finance", "02-staffing", "03-delegation", "04-facilities", "05-context"):
        opening = nbformat.read(NOTEBOOKS_DIR / f"{notebook}.ipynb", as_version=4).cells[0].source
        assert not [n for n in names if n and n in opening], notebook
        assert not re.search(r"[Rr]eport 00\d|\bs00\d|-p county [a-z]", opening), notebook


def test_a_traditional_countys_labels_are_in_its_script():
    view = CountyView("dongying", "delegation", save_figures=False)
    assert view.script == "Hant"
    facts = view.facts_table()
    measures = set(facts["measure"])
    assert "powers_delegated 下放管理權限" in measures and "powers_in_use 正常運行" in measures  # 下放管理权限, 正常运行
    assert set(facts["unit"]) == {"項", "%"}  # 项
    assert set(view.indicators["label"]) == {"powers in normal use 正常運行", "powers unused 暫未使用", "powers not taken up 未承接到位"}
    assert CountyView("laishui", "delegation", save_figures=False).measure_terms["powers_delegated"] == "下放管理权限"
