"""Each county's ledger page, and the index that leaves its long tables to them past INDEX_ROWS_MAX rows."""

from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup

import analysis.site.index as site_index
from analysis.audit import audit_findings
from analysis.site import build_index
from analysis.site.links import Linker
from analysis.synthetic import generate
from analysis.tables import load_tables

DOMAINS = {"01-finance": "finance", "02-staffing": "staffing", "03-delegation": "delegation", "04-facilities": "facilities"}


def _build(tables, site):
    build_index(site / "index.html", tables, audit_findings(tables), {}, [], DOMAINS, Linker.from_tables(tables, with_sources=True),
                audit_findings(tables, table="checks"))
    return BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_countys_ledger_page_holds_its_findings_checks_numbers_and_problems(tmp_path):
    tables = load_tables()
    _build(tables, tmp_path)
    page = _soup(tmp_path / "dongying" / "ledger.html")
    assert page.h1.get_text().startswith("东营市 Dongying")
    # 001 東營: "能正常運行的有179項,占下放權限總數的44.6%", its citation one click from the passage
    row = page.find(id="finding-dongying_in_use_share")
    assert "44.6%" in row.get_text()
    assert row.find("a", href="../sources/s001.html#dongying_powers_in_use_share")
    findings = {tr["id"].removeprefix("finding-") for tr in page.find(id="ledger").find_next("tbody").find_all("tr")}
    assert findings == set(tables.findings.loc[tables.findings["county"] == "dongying", "finding_id"])
    facts = page.find(id="facts").find_next("tbody").find_all("tr")
    assert len(facts) == (tables.facts["county"] == "dongying").sum()
    assert any("401項" in tr.get_text() for tr in facts)  # "本市下放的401項管理權限"
    assert page.find("a", href="../index.html")


def test_past_its_limit_the_long_tables_are_left_to_the_ledger_pages(tmp_path, monkeypatch):
    tables = load_tables()
    _build(tables, tmp_path / "whole")
    ledger, numbers, problems = (_soup(tmp_path / "whole" / page) for page in ("ledger.html", "numbers.html", "problems.html"))
    assert ledger.find(id="finding-dongying_in_use_share") and numbers.find(id="facts-list") and problems.find(id="problems-list")
    assert all(page.find("script", src="static/search.js") for page in (ledger, numbers, problems))
    monkeypatch.setattr(site_index, "INDEX_ROWS_MAX", 100)
    index = _build(tables, tmp_path / "split")
    moved = [_soup(tmp_path / "split" / page) for page in ("ledger.html", "numbers.html", "problems.html")]
    for page in [index, *moved]:
        assert not page.select("tr[id^='finding-']") and not page.find(id="facts-list") and not page.find("script")
    # each moved page lists every county's ledger page instead, in counties.csv's order: the places with a number,
    # a claim or a theme (19 for the five reports; a report added later adds its own)
    filed = set().union(*(frame["county"] for frame in (tables.facts, tables.findings, tables.checks, tables.themes)))
    ledgers = [f"{county}/ledger.html" for county in tables.counties["county"] if county in filed]
    assert all([a["href"] for a in page.select("p.county-links a")] == ledgers for page in moved)
    # 003 part 4's tension: its card links its row on anon_district_pp's ledger page, whatever the index
    card = index.find(id="card-anon_district_pp_admin_offices_cut_2002")
    assert card.find("a", href="anon_district_pp/ledger.html#finding-anon_district_pp_admin_offices_cut_2002")
    for page in [index, *moved]:
        for a in page.find_all("a", href=True):
            url = urlparse(a["href"])
            if url.path.endswith("ledger.html") and "/" in url.path:
                target = tmp_path / "split" / unquote(url.path)
                assert not url.fragment or _soup(target).find(id=url.fragment), a["href"]
    # the ledger pages are the same whichever the index is: a finding's link never depends on it
    for county in ("dongying", "anon_district_pp", "national"):
        assert (tmp_path / "split" / county / "ledger.html").read_bytes() == (tmp_path / "whole" / county / "ledger.html").read_bytes()


def test_at_province_scale_the_index_stays_small_and_the_ledger_pages_hold_every_row(tmp_path):
    counties = 120  # 3,500 facts: the whole index would take Chromium seconds to open (8 s at 200 counties)
    tables = load_tables(generate(counties, tmp_path / "synthetic"))
    assert not site_index.index_is_whole(tables)
    index = _build(tables, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").stat().st_size < 150_000
    pages = sorted((tmp_path / "site").glob("*/ledger.html"))
    linked = {a["href"] for a in index.find_all("a", href=True) if a["href"].endswith("/ledger.html")}
    assert linked == {str(p.relative_to(tmp_path / "site")) for p in pages} and len(pages) >= counties
    findings, facts = [], 0
    for page in pages:
        soup = _soup(page)
        findings += [tr["id"] for tr in soup.find(id="ledger").find_next("tbody").find_all("tr")]
        facts += len(soup.find(id="facts").find_next("tbody").find_all("tr"))
    assert sorted(findings) == sorted(f"finding-{i}" for i in tables.findings["finding_id"])  # each once, on its county's page
    assert facts == len(tables.facts)


def test_a_notebook_page_links_its_countys_ledger_page(tmp_path):
    from analysis.site.pages import PageInfo, _nav_html

    info = PageInfo("03-delegation.ipynb", {"county": "dongying"}, [], "", [("03-delegation (delegation)", "dongying/03-delegation.html")],
                    (None, None), Linker())
    nav = BeautifulSoup(_nav_html(info, "../", "dongying/03-delegation.html"), "html.parser")
    assert nav.find("a", href="../dongying/ledger.html")


def test_a_traditional_reports_grades_read_in_its_own_script_wherever_its_rows_are(tmp_path):
    # 001 東營 is written in traditional characters: its rows and cards say 已復現, 可合理解釋, 無法核實 (as its notebook
    # pages do); 涞水's, simplified, 已复现 and 可合理解释; the badge's class, the filters' value, stays the grade
    tables = load_tables()
    index = _build(tables, tmp_path)

    def badges(page, county):
        return {(span["class"][1], span.get_text(), span.span["lang"]) for tr in page.select(f"tr[data-county={county}]")
                for span in tr.select("span.badge")}

    dongying, laishui, whole = (_soup(tmp_path / p) for p in ("dongying/ledger.html", "laishui/ledger.html", "ledger.html"))
    traditional = {("reproduced", "reproduced 已復現", "zh-Hant"), ("tension", "tension 可合理解釋", "zh-Hant"),
                   ("unverifiable", "unverifiable 無法核實", "zh-Hant")}
    simplified = {("reproduced", "reproduced 已复现", "zh"), ("tension", "tension 可合理解释", "zh")}
    assert badges(dongying, "dongying") == badges(whole, "dongying") == traditional  # its findings and its check
    assert badges(laishui, "laishui") == badges(whole, "laishui") == simplified
    assert "script-Hant" in dongying.body["class"] and "script-Hans" in laishui.body["class"]
    card = index.find(id="card-dongying_takeup_ensured_vs_no_one_able")
    assert card.find("span", class_="badge").get_text() == "tension 可合理解釋"
    assert index.find(id="card-anon_district_pp_admin_offices_cut_2002").find("span", class_="badge").get_text() == "tension 可合理解释"
