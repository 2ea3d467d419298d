"""What a per-county notebook shows, for any tables (the five reports' readings and headers: test_views_transcription.py)."""

from analysis.views import CountyView


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
