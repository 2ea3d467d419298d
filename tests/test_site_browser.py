"""The site in headless Chromium: no console errors, CJK fonts, the code toggle, links, http and file://."""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from analysis.site.ledgers import ledger_counties
from analysis.tables import load_tables

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
CJK_FAMILY = re.compile(r"CJK|Han Sans|Hei|WenQuanYi", re.I)

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="no browser: Debian's chromium and chromium-driver are not installed (.ci/run installs them); browser test SKIPPED",
)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1300,1600"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def fonts_of(driver, css):
    """The platform fonts Chromium really used to draw the element (DevTools protocol)."""
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": css})["nodeId"]
    driver.execute_cdp_cmd("CSS.enable", {})
    return [f["familyName"] for f in driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]


def test_index_renders_without_errors_in_a_cjk_font(browser, built_site, tmp_path):
    index = built_site["out"] / "site" / "index.html"
    browser.get(index.as_uri())
    assert browser.title.startswith("Township reform audit")
    assert console_errors(browser) == []
    assert any(CJK_FAMILY.search(f) for f in fonts_of(browser, 'h1 span[lang="zh"]')), fonts_of(browser, 'h1 span[lang="zh"]')
    browser.save_screenshot(str(tmp_path / "index.png"))
    assert (tmp_path / "index.png").stat().st_size > 10_000


def test_every_link_on_the_index_resolves(browser, built_site):
    index = built_site["out"] / "site" / "index.html"
    browser.get(index.as_uri())
    hrefs = [a.get_attribute("href") for a in browser.find_elements("css selector", "a")]
    for href in hrefs:
        assert Path(unquote(urlparse(href).path)).is_file(), href
    pages = {h for h in hrefs if not urlparse(h).fragment and "/sources/" not in h and not h.endswith(("/ledger.html", "/search.html"))}
    built = {job["key"] for job in built_site["summary"]["jobs"] if job["status"] == "ok"}
    assert {str(Path(unquote(urlparse(h).path)).relative_to(index.parent)).removesuffix(".html") for h in pages} == built != set()
    ledgers = {Path(urlparse(h).path).parent.name for h in hrefs if h.endswith("/ledger.html")}
    # a ledger page for every county with a number, claim or problem, whatever reports the tables hold
    assert ledgers == ledger_counties(load_tables()) != set()
    # the jump lists to every discrepancy and tension: each lands on its ledger row (003 part 4's "80%以上" among them)
    fragments = [urlparse(h).fragment for h in hrefs if urlparse(h).fragment and "/sources/" not in h]
    assert "finding-anon_district_pp_admin_offices_cut_2002" in fragments
    for fragment in fragments:
        assert browser.find_elements("id", fragment), fragment


def test_county_page_code_toggle_and_fonts(browser, built_site, tmp_path):
    page = built_site["out"] / "site" / "dongying" / "03-delegation.html"
    browser.get(page.as_uri())
    assert console_errors(browser) == []
    toggles = browser.find_elements("css selector", "details.code-toggle")
    toggle = next(t for t in toggles if "CountyView" in t.get_attribute("textContent"))
    code = toggle.find_element("css selector", ".jp-InputArea")
    assert not code.is_displayed()  # code hidden by default
    toggle.find_element("css selector", "summary").click()
    assert toggle.get_attribute("open") is not None and code.is_displayed()
    assert "CountyView" in code.text
    assert any(CJK_FAMILY.search(f) for f in fonts_of(browser, 'h2 span[lang="zh"]'))
    images = browser.find_elements("css selector", "img")
    assert images and all(img.get_attribute("alt").startswith("Figure:") for img in images)
    browser.save_screenshot(str(tmp_path / "county.png"))


def test_the_site_works_over_http(browser, built_site):
    # -u: http.server prints its port with print(); into a pipe that line stays buffered (and the
    # readline below waits forever) unless the environment happens to set PYTHONUNBUFFERED
    server = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
                               str(built_site["out"] / "site")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        browser.get(f"http://127.0.0.1:{port}/index.html")
        assert browser.title.startswith("Township reform audit")
        browser.find_element("link text", "03-delegation").click()
        assert "Dongying" in browser.page_source or "东营" in browser.page_source
        assert console_errors(browser) == []
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_axe(driver):
    """axe-core (vendored from npm, tests/vendor) on the loaded page: its violations, each with the rule and a node."""
    axe = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
    driver.execute_script(axe)
    driver.set_script_timeout(300)  # the index's ~600 rows take axe tens of seconds, minutes on a loaded 2-core machine
    result = driver.execute_async_script("var done = arguments[arguments.length - 1]; "
                                         "axe.run(document, {resultTypes: ['violations']}).then(done);")
    driver.get_log("browser")  # axe's own requests for the stylesheets, refused under file://: not the page's errors
    return [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in result["violations"]]


def _pages(site):
    """The index, a source page, and one page of each notebook."""
    chosen = {}
    for page in sorted(site.glob("*/*.html")):
        if page.parent.name != "sources":
            chosen.setdefault(page.name, page)
    return [site / "index.html", site / "sources" / "s001.html", *chosen.values()]


def test_axe_finds_no_violation(browser, built_site, source_reports):
    site = built_site["out"] / "site"
    pages = _pages(site)
    assert {p.name for p in pages} >= {"index.html", "s001.html", "00-overview.html", "01-finance.html", "02-staffing.html",
                                        "03-delegation.html", "04-facilities.html", "05-context.html", "ledger.html"}
    for page in pages:
        browser.get(page.as_uri())
        assert console_errors(browser) == [], page
        assert run_axe(browser) == [], page


@pytest.mark.parametrize("width", [1366, 390])
def test_pages_fit_the_screen_without_sideways_scrolling(browser, built_site, width, tmp_path):
    site = built_site["out"] / "site"
    browser.set_window_size(width, 1000)
    try:
        for page in (site / "index.html", site / "dongying" / "03-delegation.html", site / "laishui" / "02-staffing.html",
                     site / "dongying" / "ledger.html"):
            browser.get(page.as_uri())
            overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (page, width, overflow)
            browser.save_screenshot(str(tmp_path / f"{page.stem}-{width}.png"))
            assert (tmp_path / f"{page.stem}-{width}.png").stat().st_size > 5_000
        if width == 1366:  # the whole ledger, citation column included, is on screen
            browser.get((site / "index.html").as_uri())
            right = browser.execute_script("return document.querySelector('table.ledger').getBoundingClientRect().right")
            assert right <= width
    finally:
        browser.set_window_size(1300, 1600)


def test_printed_ledger_keeps_every_column_on_a4(browser, built_site):
    browser.get((built_site["out"] / "site" / "index.html").as_uri())
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.set_window_size(718, 1000)  # A4 less 12 mm margins at 96 dpi
    try:
        widths = browser.execute_script(
            "var t = document.querySelector('table.ledger'); return [t.scrollWidth, t.parentElement.clientWidth,"
            " Array.prototype.map.call(t.querySelectorAll('thead th'), function (th) { return th.getBoundingClientRect().width; })];")
        table_width, box, columns = widths
        assert table_width <= box + 1 and len(columns) == 9 and min(columns) > 20
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.set_window_size(1300, 1600)


def test_search_filters_the_ledger_and_the_facts_offline(browser, built_site):
    from selenium.webdriver.support.ui import Select

    browser.get((built_site["out"] / "site" / "index.html").as_uri())
    ledger = browser.find_element("id", "ledger-list")
    count = ledger.find_element("css selector", "output")
    total = int(count.text.split(" of ")[1].split()[0])
    assert count.text == f"{total} of {total} rows"
    # 001 東營's "44.6%": found by the Chinese claim's digits
    box = ledger.find_element("css selector", "input[type=search]")
    typed = "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));"  # chromedriver cannot type CJK
    browser.execute_script(typed, box, "能正常運行")
    assert count.text.startswith("1 of ")
    assert "dongying_in_use_share" in ledger.find_element("css selector", "tbody").text
    browser.execute_script(typed, box, "")
    Select(ledger.find_element("css selector", "select[name=status]")).select_by_value("discrepancy")
    from analysis.audit import audit_findings

    discrepancies = int((audit_findings(load_tables())["status"] == "discrepancy").sum())  # the five reports' 4 and any other's
    assert count.text == f"{discrepancies} of {total} rows" and discrepancies > 0
    facts = browser.find_element("id", "facts-list")
    Select(facts.find_element("css selector", "select[name=county]")).select_by_value("dongying")
    dongying = int((load_tables().facts["county"] == "dongying").sum())
    assert facts.find_element("css selector", "output").text.startswith(f"{dongying} of ")
    errors = console_errors(browser)
    assert errors == [], [e["message"][:300] for e in errors]
