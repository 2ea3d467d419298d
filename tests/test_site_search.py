"""The site's search (analysis/site/search.py, static/search-page.js): what the index holds, folding, and queries
answered in headless Chromium from file:// under the pages' Content-Security-Policy."""

import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from analysis.audit import audit_findings
from analysis.paths import DATA_DIR
from analysis.site.search import (CORE_JS, KINDS, SHARDS_DIR, build_docs, fold, notebook_pages, page_sections, t2s_map,
                                  write_search_index)
from analysis.site.search_terms import TERMS, terms_markdown, theme_terms
from analysis.site.sources import build_source_pages
from analysis.synthetic import generate
from analysis.tables import load_tables

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                   reason="no browser: Debian's chromium and chromium-driver are not installed; browser test SKIPPED")


def _js_value(path: Path, prefix: str, suffix: str):
    text = path.read_text(encoding="utf-8")
    assert text.startswith(prefix) and text.endswith(suffix), path
    return json.loads(text[len(prefix):-len(suffix)])


def read_core(site: Path) -> dict:
    text = (site / CORE_JS).read_text(encoding="utf-8")
    start = text.index("window.TOWNSHIP_SEARCH = ")  # after the line that says what it was made from, if any
    return json.loads(text[start + len("window.TOWNSHIP_SEARCH = "):-len(";\n")])


def read_rows(site: Path) -> dict[str, list[dict]]:
    """Every shard's documents, as dicts of the core's columns."""
    columns = read_core(site)["columns"]
    prefix = "(window.TOWNSHIP_SEARCH_SHARDS = window.TOWNSHIP_SEARCH_SHARDS || []).push("
    return {p.stem: [dict(zip(columns, row)) for row in _js_value(p, prefix, ");\n")]
            for p in sorted((site / SHARDS_DIR).glob("*.js"))}


def _site_with_sources(tmp_path, tables, reports):
    site = tmp_path / "site"
    build_source_pages(site / "sources", tables, reports, lambda county, domain: None)
    return site


# --- folding ---------------------------------------------------------------------------------------

def test_folding_brings_both_scripts_and_taiwan_forms_to_simplified():
    # sentences written for this test: mainland traditional, Taiwan forms (爲, 臺, 裏), and simplified left alone
    assert fold("編制") == "编制" and fold("東營") == "东营"
    assert fold("本縣核定鄉鎮行政編制31名") == "本县核定乡镇行政编制31名"
    assert fold("爲民服務中心設在鎮政府大樓裏") == "为民服务中心设在镇政府大楼里"
    assert fold("臺灣的鄉鎮市區公所") == "台湾的乡镇市区公所"
    assert fold("本县核定乡镇行政编制31名") == "本县核定乡镇行政编制31名"
    assert fold("Culture station 文化站, 44.6%") == "Culture station 文化站, 44.6%"


def test_the_query_map_holds_only_characters_the_index_holds():
    chars = fold("东营市编制")
    found = t2s_map(chars)
    assert found["東"] == "东" and found["營"] == "营" and found["編"] == "编"
    assert set(found.values()) <= set(chars)  # nothing for characters no document holds
    assert "鄉" not in found  # 乡 is not among them
    assert all(len(k) == 1 and fold(k) == v for k, v in found.items())


# --- the terms table -------------------------------------------------------------------------------

def test_terms_are_simplified_and_never_a_single_character():
    for term in TERMS:
        assert term.english and all(e == e.lower().strip() for e in term.english), term
        for zh in term.chinese:
            assert len(zh) >= 2 and fold(zh) == zh, term


def test_terms_come_from_the_glossary(source_reports):
    glossary = source_reports.parent / "GLOSSARY.md"
    if not glossary.is_file():
        pytest.skip("no GLOSSARY.md beside the reports folder")
    text = glossary.read_text(encoding="utf-8")
    for term in TERMS:
        if term.section != "domain":  # the domain words take the glossary's section terms, or the tables' domains
            assert all(zh in text for zh in term.chinese), term


def test_theme_codes_become_terms():
    tables = load_tables()
    terms = theme_terms(tables.theme_codes)
    assert len(terms) == len(tables.theme_codes)  # every code has a Chinese name of two characters or more
    first = tables.theme_codes.iloc[0]
    assert terms[0].english == (first["theme"].replace("_", " "),) and terms[0].chinese[0] == first["term_zh"].split("/")[0]


def test_the_dictionary_shows_the_terms_table():
    assert terms_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


# --- what the index holds ----------------------------------------------------------------------------

def test_page_sections_keep_prose_and_leave_code_tables_and_navigation():
    html = ('<a class="skip-link" href="#main">Skip to the content</a><header class="site-header"><nav class="site-nav">index 索引</nav>'
            '<nav class="site-toc"><details><summary>On this page</summary></details></nav></header><h1 id="Top">Staffing 編制<a class="anchor-link" href="#Top">¶</a></h1>'
            "<p>Authorised posts (編制).</p><details><summary>Show code</summary><pre>x = 1</pre></details>"
            '<h3 id="s1-x">Figures</h3><img src="data:image/png;base64,AAAA" alt="Figure: posts"><table><tr><td>34名</td></tr></table>'
            '<ul><li>one</li><li>two</li></ul><footer class="site-footer"><p>Township reform audit, version 1</p></footer>')
    assert page_sections(html) == [("Top", "Staffing 編制", "Authorised posts (編制)."), ("s1-x", "Figures", "one two")]


def test_the_index_holds_every_finding_check_number_and_report_line(tmp_path, source_reports):
    tables = load_tables()
    site = _site_with_sources(tmp_path, tables, source_reports)
    summary = write_search_index(site, tables, source_reports)
    rows = read_rows(site)
    docs = [d for shard in rows.values() for d in shard]

    def of(kind):
        return [d for d in docs if d["k"] == kind]

    findings, checks = audit_findings(tables), audit_findings(tables, table="checks")
    assert sorted(d["t"] for d in of("finding")) == sorted(findings["finding_id"])
    assert sorted(d["t"] for d in of("check")) == sorted(checks["finding_id"])
    assert sorted(d["t"] for d in of("number")) == sorted(tables.facts["fact_id"])
    grades = dict(zip(findings["finding_id"], findings["status"]))
    assert all(d["g"] == grades[d["t"]] for d in of("finding"))
    # each finding links to its row on its county's ledger page, each number to its marked passage
    assert all(d["h"] == f"{d['c']}/ledger.html#finding-{d['t']}" for d in of("finding"))
    facts = tables.facts.set_index("fact_id")
    assert all(d["h"] == f"sources/{facts.at[d['t'], 'source']}.html#{d['t']}" for d in of("number"))
    # every non-empty line of every report part, once, its pieces adding up to the line, each linked to its line
    pieces: dict = {}
    for d in of("report"):
        page, line = re.fullmatch(r"sources/(\w+)\.html#L(\d+)", d["h"]).groups()
        pieces.setdefault((page, int(line)), []).append(d["o"] or d["x"])
    expected = {}
    for src in tables.sources.itertuples():
        lines = (source_reports / src.file).read_text(encoding="utf-8").splitlines()
        for n in range(int(src.line_start), int(src.line_end) + 1):
            if n <= len(lines) and lines[n - 1].strip():
                expected[(src.source, n)] = lines[n - 1].strip()
    assert set(pieces) == set(expected)
    assert all("".join(p).replace(" ", "") == expected[key].replace(" ", "") for key, p in pieces.items())
    # folded to simplified, the original kept beside where it differs: 001 東營 is traditional
    s001 = rows["source-s001"]
    assert any("编制" in d["x"] and "編制" in d["o"] for d in s001)
    assert all(d["x"] == fold(d["o"] or d["x"]) for d in docs)
    # each claim in English too, where the ledger has it: 001 東營's "能正常運行的有179項,占下放權限總數的44.6%"
    in_use = next(d for d in of("finding") if d["t"] == "dongying_in_use_share")
    assert "179 operate normally, 44.6% of all powers delegated" in in_use["x"] and "能正常运行" in in_use["x"]
    english = dict(zip(findings["finding_id"], findings["claim_en"]))
    assert all(fold(english[d["t"]]) in d["x"] for d in of("finding"))  # folded as the rest: "500萬 (5 million) yuan"
    # each problem named links to its passage, marked on its source's page (theme-<n>, n its row of themes.csv)
    themes = tables.themes.reset_index(drop=True)
    assert sorted(d["h"] for d in of("problem")) == sorted(f"sources/{t.source}.html#theme-{n}" for n, t in enumerate(themes.itertuples(), 1))
    # each term of the glossary, in the shard every page loads, links to its entry
    assert sorted(d["h"] for d in rows["site"] if d["k"] == "term") == sorted(f"glossary.html#term-{zh}" for zh in tables.glossary["zh"])
    assert next(d for d in of("term") if d["h"] == "glossary.html#term-可用财力")["x"] == "可用财力 · usable (disposable) funds · what the town may spend of the revenue collected in it"
    assert summary["docs"] == {"finding": len(findings), "check": len(checks), "number": len(tables.facts),
                               "problem": len(tables.themes), "report": len(of("report")), "term": len(tables.glossary)}
    # the core: every county, its names folded, its shards
    core = read_core(site)
    assert [c[0] for c in core["counties"]] == list(tables.counties["county"])
    dongying = next(c for c in core["counties"] if c[0] == "dongying")
    assert dongying[1] == "东营市" and dongying[3] == "Dongying" and dongying[5] == ["county-dongying", "source-s001"]
    assert core["loadAll"] is True and set(core["shards"]) == set(rows)
    pairs = dict(zip(core["t2s"][::2], core["t2s"][1::2]))
    assert pairs["東"] == "东" and pairs["營"] == "营" and pairs["編"] == "编"


def test_pages_sections_are_indexed_once_each(built_site):
    site = built_site["out"] / "site"
    tables = load_tables()
    docs = [d for shard in build_docs(site, tables, None).values() for d in shard if d.kind == "page"]
    headings = []  # found here with bs4, not with the module's parser
    for page in notebook_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for h in soup.find_all(["h1", "h2", "h3"], id=True):
            if not h.find_parent(["nav", "footer", "table", "details"]):
                headings.append((page.relative_to(site).as_posix(), h["id"]))
    assert len(headings) > 40
    counted = 0
    for d in docs:
        same = re.search(r" \(the same on (\d+) pages\)$", d.title)
        counted += int(same.group(1)) if same else 1
        assert tuple(d.href.split("#", 1)) in headings, d.href
        assert (d.county == "") == bool(same) or d.href.startswith("overview/")
    assert counted == len(headings)  # each section once: the county's own, or the one kept for all pages alike


def test_a_large_site_is_sharded_by_county_and_its_core_stays_small(tmp_path):
    generate(60, tmp_path / "syn", seed=5)
    tables = load_tables(tmp_path / "syn" / "data")
    reports = tmp_path / "syn" / "reports"
    site = _site_with_sources(tmp_path, tables, reports)
    summary = write_search_index(site, tables, reports, load_all_bytes=100_000)
    core, rows = read_core(site), read_rows(site)
    assert summary["load_all"] is False and core["loadAll"] is False  # 60 counties' shards pass 100 kB
    # and the glossary's terms, whole-site (synthetic data copy the glossary)
    assert set(rows) == {f"county-{c}" for c in tables.counties["county"]} | {f"source-{s}" for s in tables.sources["source"]} | {"site"}
    for county in core["counties"]:
        assert county[5] == [f"county-{county[0]}", f"source-{county[0]}_s"]
    sizes = {p.stem: p.stat().st_size for p in (site / SHARDS_DIR).glob("*.js")}
    site_wide = sizes.pop("site")  # the glossary: the same at any number of counties
    per_county = sum(sizes.values()) / 60
    assert max(sizes.values()) < 3 * per_county and summary["largest_shard"] == max(site_wide, *sizes.values())
    # the core holds names and the list of shards, never their documents: what it adds per county is small
    generate(120, tmp_path / "syn2", seed=5)
    tables2 = load_tables(tmp_path / "syn2" / "data")
    site2 = _site_with_sources(tmp_path / "b", tables2, tmp_path / "syn2" / "reports")
    summary2 = write_search_index(site2, tables2, tmp_path / "syn2" / "reports", load_all_bytes=100_000)
    assert (summary2["core_bytes"] - summary["core_bytes"]) / 60 < 250
    assert (site2 / SHARDS_DIR / "site.js").stat().st_size == site_wide
    # a county gone from the tables takes its shard with it
    generate(50, tmp_path / "syn", seed=5)
    write_search_index(site, load_tables(tmp_path / "syn" / "data"), reports, load_all_bytes=100_000)
    assert not (site / SHARDS_DIR / "county-syn_0055.js").exists() and (site / SHARDS_DIR / "county-syn_0050.js").exists()


# --- in the browser ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1300,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, page: Path):
    browser.get(page.as_uri())
    for _ in range(400):
        if browser.execute_script("return document.body.getAttribute('data-search-ready')"):
            return
        time.sleep(0.05)
    raise AssertionError(browser.find_element("id", "search-status").text)


def _ask(browser, query: str) -> dict[str, list[str]]:
    """The results of ``query``, by kind in the order shown: {kind: [href, ...]} (every result, shown or not)."""
    box = browser.find_element("id", "search-q")
    # chromedriver cannot type CJK: set the value and send the event typing would
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", box, query)
    for _ in range(400):
        if browser.execute_script("return document.body.getAttribute('data-search-query')") == query:
            break
        time.sleep(0.05)
    else:
        raise AssertionError(f"no answer to {query!r}")
    groups = browser.execute_script(
        "return Array.from(document.querySelectorAll('section.search-group')).map(function (s) {"
        " return [s.dataset.kind, Number(s.dataset.count), Array.from(s.querySelectorAll('li'), function (li) { return li.dataset.href; })]; });")
    for kind, count, hrefs in groups:
        assert count == len(hrefs), (query, kind)  # every result listed (under 500 a kind)
    return {kind: hrefs for kind, _, hrefs in groups}


@pytest.fixture(scope="module")
def search_site(built_site, source_reports):
    return built_site["out"] / "site"


@pytest.fixture(scope="module")
def universe(search_site, source_reports):
    """Every document the batch indexed, with the words a result may be explained by (its text, title, names, grade)."""
    tables = load_tables()
    names = {c.county: f"{c.county} {c.name_zh} {c.name_en}" for c in tables.counties.itertuples()}
    labels = dict(zip(("reproduced", "tension", "discrepancy", "unverifiable"), ("已复现", "可合理解释", "不一致", "无法核实")))
    docs = []
    for shard in read_rows(search_site).values():
        for d in shard:
            said = " ".join([d["x"], fold(d["t"]), d["d"], d["g"], labels.get(d["g"], ""),
                             *(names.get(c, "") for c in d["c"].split())])
            docs.append(d | {"said": fold(said).lower()})
    return docs


def _hrefs(universe, kind, keep) -> set[str]:
    return {d["h"] for d in universe if d["k"] == kind and keep(d)}


@needs_browser
def test_queries_find_what_the_tables_say_in_either_script_and_in_english(browser, search_site, universe):
    _open(browser, search_site / "search.html")
    order = [k for k, _ in KINDS]

    def check(query, kind, expected, explained):
        found = set(results.get(kind, []))
        assert expected <= found, (query, kind, sorted(expected - found)[:5])
        # a long line is indexed in pieces, all linked to the line: one piece explains it
        unexplained = found - {d["h"] for d in universe if d["k"] == kind and explained(d)}
        assert not unexplained, (query, kind, sorted(unexplained)[:5])
        assert list(results) == [k for k in order if k in results]  # grouped by kind, in the page's order

    def domain_of(name):
        return lambda d: d["d"] == name

    # a domain word: every finding and county page section of that domain; besides, only what names it or its Chinese
    for word, zh in (("staffing", "编制"), ("delegation", "放权")):
        results = _ask(browser, word)
        check(word, "finding", _hrefs(universe, "finding", domain_of(word)), lambda d: word in d["said"] or any(z in d["said"] for z in (zh, "下放")))
        check(word, "page", _hrefs(universe, "page", lambda d: d["d"] == word and d["c"]), lambda d: word in d["said"] or zh in d["said"] or "下放" in d["said"])
    assert len(_hrefs(universe, "finding", domain_of("staffing"))) == int((load_tables().findings["domain"] == "staffing").sum())

    # a glossary term: culture station -> 文化站, in findings, numbers and report lines
    results = _ask(browser, "culture station")
    for kind in ("finding", "number", "report"):
        check("culture station", kind, _hrefs(universe, kind, lambda d: "文化站" in d["x"]),
              lambda d: "文化站" in d["said"] or ("culture" in d["said"] and "station" in d["said"]))
    assert _hrefs(universe, "report", lambda d: "文化站" in d["x"])

    # a county in either script: its findings and numbers, and whatever names it
    dongying = _ask(browser, "东营")
    results = dongying
    for kind in ("finding", "check", "number"):
        check("东营", kind, _hrefs(universe, kind, lambda d: d["c"] == "dongying" or "东营" in d["x"]), lambda d: "东营" in d["said"])
    assert _ask(browser, "東營") == dongying
    assert set(_ask(browser, "Dongying")["finding"]) == set(dongying["finding"])

    # 编制 and 編制 alike; 001 東營's traditional lines among them
    results = _ask(browser, "编制")
    assert _ask(browser, "編制") == results
    for kind in ("finding", "number", "report"):
        check("编制", kind, _hrefs(universe, kind, lambda d: "编制" in d["x"]), lambda d: "编制" in d["said"])
    assert any(h.startswith("sources/s001.html#L") for h in results["report"])

    # the anonymised district: its placeholder kept whole, not read as 区 alone
    results = _ask(browser, "++区")
    for kind in ("finding", "number", "report"):
        check("++区", kind, _hrefs(universe, kind, lambda d: d["c"] == "anon_district_pp" or "++区" in d["x"]),
              lambda d: "++区" in d["said"] or "anon_district_pp" in d["c"].split())
    assert not any("anon_district_pp" not in h and "s003p04" not in h and "s003p05" not in h for h in results.get("finding", []))

    # a grade, in English or Chinese
    discrepant = _hrefs(universe, "finding", lambda d: d["g"] == "discrepancy")
    assert len(discrepant) == int((audit_findings(load_tables())["status"] == "discrepancy").sum())
    results = _ask(browser, "discrepancy")
    check("discrepancy", "finding", discrepant, lambda d: "discrepan" in d["said"])
    assert any(h.startswith("overview/00-overview.html#") for h in results["page"])
    results = _ask(browser, "不一致")
    check("不一致", "finding", discrepant, lambda d: "不一致" in d["said"])
    check("不一致", "report", _hrefs(universe, "report", lambda d: "不一致" in d["x"]), lambda d: "不一致" in d["said"])

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], [e["message"][:300] for e in errors]


@needs_browser
def test_results_link_to_the_exact_place(browser, search_site):
    _open(browser, search_site / "search.html")
    results = _ask(browser, "44.6%")
    finding = "dongying/ledger.html#finding-dongying_in_use_share"
    assert finding in results["finding"] and "sources/s001.html#dongying_powers_in_use_share" in results["number"]
    browser.find_element("css selector", f'li[data-href="{finding}"] a').click()
    assert browser.current_url.endswith(finding) and browser.find_element("id", "finding-dongying_in_use_share")
    _open(browser, search_site / "search.html")
    assert finding in _ask(browser, "operate normally")["finding"]  # its claim's English
    term = "glossary.html#term-可用财力"
    assert term in _ask(browser, "usable funds")["term"]
    browser.find_element("css selector", f'li[data-href="{term}"] a').click()
    assert unquote(browser.current_url).endswith(term) and "usable" in browser.find_element("id", "term-可用财力").text
    _open(browser, search_site / "search.html")
    line = _ask(browser, "能正常運行")["report"][0]  # 001's own words, traditional
    browser.find_element("css selector", f'li[data-href="{line}"] a').click()
    target = browser.find_element("id", line.split("#")[1])
    assert "能正常運行" in target.text
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], [e["message"][:300] for e in errors]


@needs_browser
def test_the_tokeniser_keeps_chinese_bigrams_symbols_and_english_words(browser, search_site):
    _open(browser, search_site / "search.html")
    tokens = lambda text: browser.execute_script("return window.townshipSearch.tokenize(arguments[0]);", text)  # noqa: E731
    assert tokens("行政编制") == ["行", "政", "编", "制", "行政", "政编", "编制"]
    assert tokens("++区") == ["++", "+区", "区"]
    assert tokens("2011年 Culture Stations, 44.6%") == ["2011", "1年", "年", "culture", "station", "44.6", "%"]
    parse = lambda q: browser.execute_script("return window.townshipSearch.parse(arguments[0]);", q)  # noqa: E731
    assert parse("culture stations") == [{"words": ["culture", "station"], "zh": ["文化站"], "text": "culture stations"}]
    assert parse("東營 编制")[0] == {"tokens": ["东营"], "text": "东营"}


@needs_browser
def test_past_its_limit_the_page_loads_the_counties_a_query_names(browser, search_site, universe, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(search_site, site)
    from analysis.paths import reports_dir

    write_search_index(site, load_tables(), reports_dir(), load_all_bytes=1)
    _open(browser, site / "search.html")
    assert "too many to load at once" in browser.find_element("id", "search-status").text
    results = _ask(browser, "staffing")  # no county named: the whole-site pages, the glossary and the county names only
    assert set(results) <= {"county", "page", "term"}
    results = _ask(browser, "東營 staffing")  # 东营's shard and its report's, loaded for the query
    expected = _hrefs(universe, "finding", lambda d: d["c"] == "dongying" and ("staffing" in d["said"] or "编制" in d["said"]))
    assert expected and set(results["finding"]) == expected
    assert "these counties whole: 东营市 Dongying." in browser.find_element("id", "search-status").text
    loaded = browser.execute_script("return Array.from(document.scripts, function (s) { return s.getAttribute('src'); });")
    assert "static/search/county-dongying.js" in loaded and "static/search/county-laishui.js" not in loaded
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], [e["message"][:300] for e in errors]


def test_folding_skips_the_converter_only_where_it_would_change_nothing(source_reports):
    from opencc import OpenCC

    tw2s = OpenCC("tw2s")
    lines = [line for path in sorted(source_reports.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 800  # the five files, whole (spam and navigation lines too)
    assert [fold(line) for line in lines] == [tw2s.convert(line) for line in lines]
    assert fold("他沈默了") == tw2s.convert("他沈默了") == "他沉默了"  # a phrase of characters no table changes alone


@needs_browser
@pytest.mark.parametrize("width", [1366, 390])
def test_the_search_page_fits_the_screen_and_axe_finds_no_violation(browser, search_site, width):
    browser.set_window_size(width, 1000)
    try:
        _open(browser, search_site / "search.html")
        results = _ask(browser, "编制")
        assert results["report"]
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (width, overflow)
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], [e["message"][:300] for e in errors]
        if width == 1366:
            axe = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
            browser.execute_script(axe)
            browser.set_script_timeout(120)
            found = browser.execute_async_script("var done = arguments[arguments.length - 1]; axe.run(document).then(done);")
            browser.get_log("browser")  # axe's own requests for the stylesheets, refused under file://
            assert [(v["id"], v["nodes"][0]["target"]) for v in found["violations"]] == []
    finally:
        browser.set_window_size(1300, 1600)


def test_an_index_made_from_the_same_inputs_and_pages_is_left_as_it_is(tmp_path, source_reports):
    tables = load_tables()
    site = _site_with_sources(tmp_path, tables, source_reports)
    first = write_search_index(site, tables, source_reports, inputs="tables-and-code-1")
    assert first["docs"]["finding"] == len(tables.findings)
    core = (site / CORE_JS).read_bytes()
    assert write_search_index(site, tables, source_reports, inputs="tables-and-code-1") == {"unchanged": True}
    assert write_search_index(site, tables, source_reports, inputs="tables-and-code-2")["docs"]  # the tables or code changed
    page = site / "sources" / "s001.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a page made again
    assert "docs" in write_search_index(site, tables, source_reports, inputs="tables-and-code-2")
    assert (site / CORE_JS).read_bytes() != core and (site / CORE_JS).read_bytes().startswith(b"// made from ")
