"""The site in headless Chromium: no console errors, CJK fonts, the code toggle, links, http and file://."""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

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
    pages = [h for h in hrefs if not urlparse(h).fragment]
    assert len(pages) == 6  # the overview; 东营 finance, staffing, delegation; 涞水 staffing, delegation
    for href in pages:
        target = Path(unquote(urlparse(href).path))
        assert target.is_file(), href
    # the jump list to every discrepancy: each lands on its ledger row (003 part 4's "80%以上" among them)
    fragments = [urlparse(h).fragment for h in hrefs if urlparse(h).fragment]
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
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
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
