"""Security: markup in any text cell of any table stays text on every page of the site.

Every free-text column of every table (the columns validation lets hold any text) gets markup appended:
a script, an image with an event handler, a Markdown javascript: link, a remote Markdown image and a raw
remote image. The site is built from those tables (notebook pages, ledger pages, source pages, the
front page, the pages of the long tables and the glossary, the search page and its index), and no page may hold any of it live; in Chromium, with the pages' Content-Security-Policy in
force, nothing of it runs or loads.
"""

from __future__ import annotations

import csv
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from analysis.paths import DATA_DIR

PAYLOAD = (' <script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'onerror\'">'
           '[x](javascript:window.__pwned="link") ![](http://127.0.0.1:9/md.png) <img src="http://127.0.0.1:9/raw.png">'
           '<a href="javascript:window.__pwned=1">a</a>')
# Columns validation lets hold any text (ids, vocabularies, numbers and file names are checked elsewhere).
FREE_TEXT = {
    "sources": ["part", "title_zh", "title_en", "issuer", "place", "date", "notes"],
    "counties": ["name_zh", "name_en", "parent", "province"],
    "measures": ["term_zh", "description"],
    "theme_codes": ["term_zh", "description"],
    "glossary": ["en", "explanation"],
    "facts": ["entity", "period", "note"],
    "lists": ["what", "note"],
    "findings": ["claim", "note", "claim_en"],
    "checks": ["claim", "note", "claim_en"],
    "readings": ["label", "why"],
    "themes": ["note"],
}
COUNTIES = ["dongying", "laishui"]
NOTEBOOKS = ["00-overview", "02-staffing", "03-delegation", "05-context"]
# the tables' filters (list.js); the search page's library, index and script (analysis.site.search)
OWN_SCRIPTS = {"static/vendor/list.min.js", "static/search.js", "static/vendor/minisearch.js", "static/search-index.js",
               "static/search-page.js"}


def _poison(data: Path) -> None:
    for table, columns in FREE_TEXT.items():
        path = data / f"{table}.csv"
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        for column in columns:
            i = rows[0].index(column)
            for row in rows[1:]:
                row[i] += PAYLOAD
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows(rows)


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    from analysis.batch import run_batch
    from analysis.tables import load_tables

    out = tmp_path_factory.mktemp("poisoned")
    data = out / "data"
    shutil.copytree(DATA_DIR, data)
    _poison(data)
    load_tables(data)  # the poisoned tables are valid: markup is only text to the schemas
    summary = run_batch(COUNTIES, NOTEBOOKS, jobs=2, data_dir=data, reports_dir=out / "reports", site_dir=out / "site",
                        figures_dir=out / "figures")
    assert {job["status"] for job in summary["jobs"]} == {"ok"}, summary["jobs"]
    return out / "site"


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _scheme(url: str) -> str:
    found = re.match(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", url).lower())
    return found.group(1) if found else ""


def test_the_site_has_every_kind_of_page(poisoned_site):
    names = {p.relative_to(poisoned_site).as_posix() for p in _pages(poisoned_site)}
    assert "index.html" in names and "dongying/ledger.html" in names and "dongying/03-delegation.html" in names
    assert {"ledger.html", "numbers.html", "problems.html", "glossary.html", "sources.html", "search.html"} <= names
    assert "overview/00-overview.html" in names


def test_markup_from_cells_is_shown_as_text(poisoned_site):
    """Not vacuous: the payload reached the pages, as visible text."""
    shown = {p.name: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text() for p in _pages(poisoned_site)}
    assert 'window.__pwned="script"' in shown["index.html"]  # a card's claim, note and English
    assert 'window.__pwned="script"' in shown["glossary.html"]
    assert "javascript:window.__pwned" in shown["ledger.html"]
    assert "![](http://127.0.0.1:9/md.png)" in shown["03-delegation.html"]  # the Markdown of views.py: literal


def test_no_page_holds_live_markup_from_a_cell(poisoned_site):
    for page in _pages(poisoned_site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(poisoned_site)
        for script in soup.find_all("script"):
            src = script.get("src", "")
            assert src.lstrip("./") in OWN_SCRIPTS, f"{where}: {script}"
        for element in soup.find_all(True):
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert not handlers, f"{where}: {element.name} with {handlers}"
        for link in soup.find_all("a", href=True):
            assert _scheme(link["href"]) in ("", "http", "https", "mailto", "data"), f"{where}: {link}"
            if _scheme(link["href"]) == "data":
                assert link["href"].startswith("data:text/csv;"), f"{where}: {link}"
            assert "127.0.0.1:9" not in link["href"], f"{where}: {link}"
        for image in soup.find_all(src=True):
            if image.name == "script":
                continue
            src = image["src"]
            assert src.startswith("data:image/png;base64,") or not _scheme(src) and not src.startswith("//"), f"{where}: {image}"
            assert urlparse(src).netloc == "", f"{where}: {image}"
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None and "script-src 'self'" in policy["content"], f"{where}: no Content-Security-Policy"
        assert soup.head.find("meta") is soup.head.find("meta", charset=True)  # the policy right after the charset


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="no browser: Debian's chromium and chromium-driver (.ci/run installs them); SKIPPED")
def test_nothing_runs_or_loads_in_the_browser(poisoned_site):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        for page in ("index.html", "ledger.html", "glossary.html", "dongying/ledger.html", "dongying/03-delegation.html",
                     "overview/00-overview.html"):
            driver.get((poisoned_site / page).as_uri())
            assert driver.execute_script("return window.__pwned === undefined"), page
            remote = [e for e in driver.get_log("browser") if "127.0.0.1:9" in e["message"]]
            assert remote == [], (page, remote)
            images = driver.execute_script("return Array.from(document.images).map(i => i.src)")
            assert not [src for src in images if "127.0.0.1" in src], page
        driver.get((poisoned_site / "ledger.html").as_uri())  # the site's own script still runs under the policy
        assert driver.execute_script("return typeof List") == "function"
        # the search finds the markup the index holds and shows it as text, running none of it
        driver.get((poisoned_site / "search.html").as_uri())
        ready = "return document.body.getAttribute('data-search-ready')"
        for _ in range(400):
            if driver.execute_script(ready):
                break
            time.sleep(0.05)
        driver.execute_script("var q = document.getElementById('search-q'); q.value = 'pwned';"
                              " q.dispatchEvent(new Event('input'));")
        for _ in range(400):
            if driver.execute_script("return document.body.getAttribute('data-search-query')") == "pwned":
                break
            time.sleep(0.05)
        results = driver.find_element("id", "search-results").text
        assert 'window.__pwned="script"' in results and driver.execute_script("return window.__pwned === undefined")
        assert [e for e in driver.get_log("browser") if "127.0.0.1:9" in e["message"]] == []
        assert not driver.execute_script("return Array.from(document.images).filter(i => i.src.includes('127.0.0.1')).length")
    finally:
        driver.quit()
