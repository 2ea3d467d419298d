"""The front page that leads with the verdict, English beside Chinese, and the glossary (analysis/site/index.py,
analysis/site/glossary.py, the claim_en column, data/glossary.csv)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from analysis.audit import audit_findings
from analysis.site.glossary import Glossary, simplified
from analysis.tables import DataError, english_warnings, load_tables

CARD_GRADES = ("discrepancy", "tension")


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# --- the English of every claim -------------------------------------------------------------------------------

def test_every_finding_and_check_of_the_five_reports_has_its_claim_in_english(tables):
    from tests.test_five_reports_transcription import of_the_five_reports

    five = of_the_five_reports(tables)  # a report added later may wait for its English (validate warns)
    assert len(five.findings) >= 187
    for name in ("findings", "checks"):
        frame = getattr(five, name)
        empty = frame.loc[frame["claim_en"].str.strip() == "", "finding_id"].tolist()
        assert empty == [], (name, empty)
        # a translation, not a copy: English words, and every number the claim writes in digits, as written
        for row in frame.itertuples():
            assert re.search(r"[A-Za-z]{3}", row.claim_en) and row.claim_en != row.claim, row.finding_id
            missing = [n for n in re.findall(r"\d+(?:\.\d+)?", row.claim) if n not in row.claim_en]
            assert missing == [], (row.finding_id, missing)
    assert english_warnings(five) == []


def test_the_english_of_a_claim_is_asked_for_and_checked(data_copy):
    from analysis.extraction.onboarding import FINDING_REVIEW_COLUMNS
    from tests.test_tables import set_cell

    assert "claim_en" in FINDING_REVIEW_COLUMNS  # add-source's review file asks for it (it follows COLUMNS["findings"])
    before = english_warnings(load_tables(data_copy))  # a report added later may wait for its English
    # row 4 of findings.csv: 马桥镇's "不到财政预算收入的20%"
    set_cell(data_copy / "findings.csv", 4, "claim_en", "")
    set_cell(data_copy / "checks.csv", 2, "claim_en", "")
    assert [w for w in english_warnings(load_tables(data_copy)) if w not in before] == [
        "data/findings.csv, row 4, column 'claim_en': empty; write the claim in English for readers of the site",
        "data/checks.csv, row 2, column 'claim_en': empty; write the claim in English for readers of the site"]
    set_cell(data_copy / "findings.csv", 4, "claim_en", "不到财政预算收入的20%")  # the Chinese pasted into the English column
    with pytest.raises(DataError) as err:
        load_tables(data_copy)
    assert err.value.problems == ["data/findings.csv, row 4, column 'claim_en': '不到财政预算收入的20%': no English words "
                                  "(write the English here; the Chinese has its own column)"]


def test_validate_warns_of_a_claim_without_english(data_copy):
    import subprocess
    import sys

    from tests.test_tables import set_cell

    def validate() -> list[str]:
        done = subprocess.run([sys.executable, "-m", "analysis", "--data-dir", str(data_copy), "validate"], capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith("validate: OK")
        return done.stderr.splitlines()

    before = validate()  # a report added later warns of its placeholders and its claims' English already
    set_cell(data_copy / "findings.csv", 4, "claim_en", "")
    assert [line for line in validate() if line not in before] == [
        "warning: data/findings.csv, row 4, column 'claim_en': empty; write the claim in English for readers of the site"]


# --- the glossary -----------------------------------------------------------------------------------------------

def test_the_glossary_holds_the_shared_glossarys_key_terms(tables):
    english = dict(zip(tables.glossary["zh"], tables.glossary["en"]))
    assert english["编制"] == "authorised posts (establishment)"
    assert english["可用财力"] == "usable (disposable) funds"
    assert english["承接"] == "take up (a delegated power)"
    assert (english["多"], english["余"], english["以上"], english["不到"]) == ("more than", "more than", "at least, or more", "less than")
    assert english["乡镇"] == "township-level unit" and english["街道"] == "sub-district"


def test_every_chinese_word_of_the_five_reports_notes_is_in_the_glossary(tables):
    from tests.test_five_reports_transcription import of_the_five_reports

    five = of_the_five_reports(tables)
    glossary = Glossary.from_tables(tables)
    texts = [("findings", five.findings, "note"), ("checks", five.checks, "note"), ("readings", five.readings, "label"),
             ("readings", five.readings, "why")]
    gaps = {f"{name}.{column}: {cell}": glossary.uncovered(cell) for name, frame, column in texts for cell in frame[column]}
    assert {text: chars for text, chars in gaps.items() if chars} == {}
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", text)) for text in gaps) >= 60  # not vacuous: 60-odd notes use Chinese


def test_a_term_is_found_in_either_script_the_longest_first():
    glossary = Glossary((("乡镇", "township-level unit", ""), ("乡镇综合文化站", "township comprehensive culture station", ""),
                         ("文化站", "culture station", ""), ("权限", "powers", ""), ("承接", "take up", "")))
    # simplified, mainland usage: one long term, not 乡镇 + 文化站
    assert glossary.find("全县乡镇综合文化站") == [(2, 9, "乡镇综合文化站")]
    # traditional, as 东营's report writes it: 權限 is 权限, 承接 is written alike, the places kept
    assert glossary.find("沒有承接到位的有67項,占下放權限總數") == [(2, 4, "承接"), (15, 17, "权限")]
    # Taiwan usage (鄉鎮市 for the township level): 鄉鎮 is found, the rest is not a term
    assert glossary.find("臺灣的鄉鎮市公所設文化站") == [(3, 5, "乡镇"), (9, 12, "文化站")]
    assert glossary.uncovered("臺灣的鄉鎮市公所") == ["臺", "灣", "的", "市", "公", "所"]
    assert simplified("鄉鎮綜合文化站") == "乡镇综合文化站"


def test_a_note_links_each_term_once_and_stays_text():
    glossary = Glossary((("乡镇", "township-level unit", ""), ("编制", 'posts "<b>"', "")))
    html = glossary.markup("148个乡镇<script>, 乡镇编制")
    assert html == ('148<span lang="zh">个</span><a class="term" href="glossary.html#term-乡镇" title="township-level unit"><span lang="zh">乡镇</span></a>'
                    '&lt;script&gt;, <span lang="zh">乡镇</span><a class="term" href="glossary.html#term-编制" '
                    'title="posts &quot;&lt;b&gt;&quot;"><span lang="zh">编制</span></a>')
    assert glossary.markup("乡镇", up="../").startswith('<a class="term" href="../glossary.html#term-乡镇"')


def test_a_term_in_traditional_characters_or_with_no_english_is_refused(data_copy):
    with open(data_copy / "glossary.csv", "a", encoding="utf-8", newline="") as f:
        f.write("權限,powers,\r\n承接權,承接,\r\n")
    with pytest.raises(DataError) as err:
        load_tables(data_copy)
    rows = len(load_tables().glossary) + 1
    assert err.value.problems == [
        f"data/glossary.csv, row {rows + 1}, column 'zh': '權限': a term in traditional characters; write it in simplified ones "
        "(traditional text is matched to it through OpenCC's t2s table)",
        f"data/glossary.csv, row {rows + 2}, column 'zh': '承接權': a term in traditional characters; write it in simplified ones "
        "(traditional text is matched to it through OpenCC's t2s table)",
        f"data/glossary.csv, row {rows + 2}, column 'en': '承接': no English words (write the English here; the Chinese has its own column)"]


# --- the site ---------------------------------------------------------------------------------------------------

def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    url = urlparse(href)
    return (page.parent / unquote(url.path)).resolve(), unquote(url.fragment)


def test_the_front_page_shows_every_discrepancy_and_tension_as_a_card(built_site, source_reports, tables):
    site = built_site["out"] / "site"
    index = site / "index.html"
    soup = _soup(index)
    audit = audit_findings(tables)
    contested = audit[audit["status"].isin(CARD_GRADES)]
    cards = soup.select("article.card")
    report = contested["source"].map(dict(zip(tables.sources["source"], tables.sources["file"])))
    assert [c["id"].removeprefix("card-") for c in cards] == [  # report by report (files in order), discrepancies first
        f for file in dict.fromkeys(tables.sources["file"])
        for grade in CARD_GRADES for f in contested.loc[(report == file) & (contested["status"] == grade), "finding_id"]]
    for card, f in zip(cards, contested.set_index("finding_id").loc[[c["id"].removeprefix("card-") for c in cards]].itertuples()):
        assert card.select_one(".claim-zh").get_text() == f.claim and card.select_one(".claim-en").get_text() == f.claim_en
        shown = [dd.get_text() for dd in card.select("dl.numbers dd")]
        if f.rule == "contradiction":  # no number: its two passages, and the grade a person gave
            assert shown == ["two passages that cannot both hold as written", f.claimed]
            assert len(card.select("a[href*='#passage-']")) == 2
        else:
            assert shown[0] == f.claimed and shown[1] in (f.recomputed, f.recomputed + "%")
        assert f.status in card.select_one(".badge")["class"]
        hrefs = [a["href"] for a in card.select("a[href]")]
        assert f"{f.county}/ledger.html#finding-{f.Index}" in hrefs
        assert any(h.startswith(f"sources/{f.source}.html#") for h in hrefs)  # the passage of its claim
        for href in hrefs:  # every link lands on a page that has its anchor
            path, fragment = _target(site, index, href)
            assert path.is_file(), href
            assert not fragment or _soup(path).find(id=fragment), href
    # what was checked and the grades, counted from the audit: the collection's sentence, and each report's adds up
    grades = Counter(audit["status"])
    sentence = soup.select_one(".verdict-all").get_text(" ")
    assert (f"{len(audit)} findings: {grades['reproduced']} reproduced" in sentence and f"{grades['tension']} tensions" in sentence
            and f"{grades['discrepancy']} discrepancies" in sentence and f"{grades['unverifiable']} unverifiable" in sentence)
    per_report = [int(re.search(r"(\d+) findings:", s.get_text()).group(1)) for s in soup.select("section.report > p")]
    assert len(per_report) == len(set(tables.sources["file"])) and sum(per_report) == len(audit)


def test_a_cards_numbers_and_readings_worked_by_hand(built_site, source_reports):
    soup = _soup(built_site["out"] / "site" / "index.html")
    # 003 part 8b: "65%以上" built; 90 of the 144 tasks is 62.5%, of the 148 towns 60.8108%, of the 162 units 55.5556%
    card = soup.find(id="card-anon_city_162_built_share")
    assert [dd.get_text() for dd in card.select("dl.numbers dd")] == ["65%以上", "62.5%"]
    reading = card.select_one(".reading").get_text()
    assert reading.startswith("No reasonable reading reconciles it.")
    assert "a share of the 148 towns (乡镇): 60.8108%, fails" in reading and "162 township-level units: 55.5556%, fails" in reading
    # 003 part 10: the eight bodies hold 10+9+5+4+11+5+3+6 = 53 of the 59 posts; read as the posts without the
    # leadership posts (领导职数) the claim is 59名以内, and 53 holds
    card = soup.find(id="card-laishui_posts_bodies_sum")
    assert card.select_one(".reading").get_text().startswith(
        "Reconciled when read as the bodies' posts without the leadership posts (领导职数) gives 53 against 59名以内: ")
    assert card.find("a", href="laishui/02-staffing.html")  # its notebook page, built by this batch
    assert card.find("a", href="glossary.html#term-领导职数")["title"] == "leadership posts"
    assert "领导职数 leadership posts" in card.select_one(".terms").get_text()


def test_the_glossary_page_lists_every_row_of_the_table(built_site, tables):
    soup = _soup(built_site["out"] / "site" / "glossary.html")
    rows = soup.select("table.glossary tbody tr")
    shown = [(tr["id"], tr.th.get_text(), *(td.get_text() for td in tr.find_all("td"))) for tr in rows]
    assert shown == [(f"term-{zh}", zh, en, explanation) for zh, en, explanation in tables.glossary.itertuples(index=False)]
    assert len(shown) == len(tables.glossary) >= 200


def test_every_page_carries_the_sites_navigation(built_site):
    site = built_site["out"] / "site"
    seven = ["index.html", "ledger.html", "numbers.html", "problems.html", "glossary.html", "sources.html", "search.html"]
    pages = [*(site / p for p in seven), site / "dongying" / "ledger.html", site / "dongying" / "03-delegation.html",
             site / "overview" / "00-overview.html"]
    for page in pages:
        nav = _soup(page).find("nav", class_="site-nav")
        up = "../" * (len(page.relative_to(site).parts) - 1)
        assert [a["href"] for a in nav.select("ul.site-pages a")] == [up + p for p in seven], page
        current = nav.select("ul.site-pages a[aria-current=page]")
        assert [a["href"] for a in current] == ([page.name] if page.parent == site else []), page


def test_english_titles_beside_chinese_ones(built_site, tables):
    site = built_site["out"] / "site"
    listed = _soup(site / "sources.html").select("table.sources tbody tr")
    assert len(listed) == len(tables.sources)
    for tr, source in zip(listed, tables.sources.itertuples()):
        assert source.title_en in tr.get_text() and source.title_zh in tr.get_text()
    # 003's ten parts read "乡镇综合管理工作篇(N)" in Chinese: on the front page each says what it is
    front = _soup(site / "index.html").get_text()
    assert "A city (xx市) with 162 towns: culture stations built but idle" in front
    footer = _soup(site / "laishui" / "02-staffing.html").find("footer").get_text()
    assert "乡镇综合管理工作篇(10)" in footer and "义安镇, 涞水县 (Hebei): 2020 township reform" in footer


# --- the front page in a browser ---------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [1366, 390])
def test_the_front_page_leads_with_the_verdict_on_a_screen_and_a_phone(built_site, width, tmp_path):
    from tests.test_site_browser import CHROMEDRIVER, CHROMIUM

    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("no browser: Debian's chromium and chromium-driver are not installed; browser test SKIPPED")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        browser.set_window_size(width, 900)
        browser.get((built_site["out"] / "site" / "index.html").as_uri())
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
        at = browser.execute_script("""return {screen: window.innerHeight, page: document.documentElement.scrollHeight,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            verdict: document.querySelector('.verdict-all').getBoundingClientRect().bottom,
            card: document.querySelector('article.card').getBoundingClientRect().top};""")
        assert at["overflow"] <= 1
        assert at["verdict"] <= at["screen"]  # the grade counts are on the first screen, phone included
        # the long tables are elsewhere: at 1366 px the first card is within two screens, and the page is a quarter
        # or less of the index that held every table (57 screens at 1366 px and 136 on a phone in the review)
        screens = at["page"] / at["screen"]
        assert (at["card"] <= 2 * at["screen"] and screens <= 57 / 4) if width == 1366 else screens <= 136 / 4, at
        browser.save_screenshot(str(tmp_path / f"front-{width}.png"))
        assert (tmp_path / f"front-{width}.png").stat().st_size > 10_000
    finally:
        browser.quit()
