"""The site's page markup: Chinese runs marked lang="zh" and id cells made links, built as nodes.

Both functions once parsed a fragment of markup per text node or cell; they now build the nodes.
Each test compares with that markup, parsed, on pages written here (not the project's notebooks).
"""

from bs4 import BeautifulSoup

from analysis.site.links import Linker
from analysis.site.text import mark_chinese, zh_spans

PAGE = """<html><head><title>页面 title</title><style>.x::after { content: "中文" }</style></head><body>
<h2>乡镇 reform: 401项 &amp; 44.6%</h2>
<p>Only English &lt;here&gt;.</p>
<p>可用财力1.3亿元（2019年）, tax 15.8亿 &amp; "quotes" &lt;b&gt;不是标签&lt;/b&gt;</p>
<p><span lang="zh">已标记的中文</span> then 未标记</p>
<div><em>强调</em>tail 尾巴<br/>第二行 line</div>
<script>var s = "脚本里的中文";</script>
<pre>  缩进  的   空格  </pre>
<table><tbody><tr><td>F-001 F-002</td><td>财政 F-001</td></tr>
<tr><td>C-9</td><td>s001</td></tr><tr><td>  </td><td>unknown</td></tr></tbody></table>
</body></html>"""


def _marked_by_parsing(html: str) -> str:
    """What mark_chinese did before: each text node replaced by its zh_spans markup, parsed."""
    from bs4 import NavigableString

    from analysis.site.text import CJK_RUN

    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.body.find_all(string=CJK_RUN)):
        if not isinstance(node, NavigableString) or node.parent.name in ("script", "style", "title") or node.parent.get("lang") == "zh":
            continue
        node.replace_with(BeautifulSoup(zh_spans(str(node)), "html.parser"))
    return str(soup)


def test_chinese_runs_are_marked_as_their_markup_would_mark_them():
    # Except in one way: parsed alone, a fragment's spaces beside a Chinese run shrank to one (in <pre> too).
    page = PAGE.replace("<pre>  缩进  的   空格  </pre>", "<pre>缩进  的   空格</pre>")
    soup = BeautifulSoup(page, "html.parser")
    mark_chinese(soup)
    assert str(soup) == _marked_by_parsing(page)


def test_the_text_is_kept_to_the_character():
    soup = BeautifulSoup(PAGE, "html.parser")
    text = soup.get_text()
    mark_chinese(soup)
    assert soup.get_text() == text


def test_what_is_marked_and_what_is_left():
    soup = BeautifulSoup(PAGE, "html.parser")
    mark_chinese(soup)
    marked = [span.get_text() for span in soup.find_all("span", lang="zh")]
    assert "可用财力1.3亿元（2019年" in marked  # digits between Chinese stay inside the run
    assert "不是标签" in marked and soup.find("b") is None  # escaped markup stays text
    assert marked.count("已标记的中文") == 1  # not wrapped twice
    assert soup.title.string == "页面 title" and "脚本里的中文" in soup.script.string  # not in title, script, style
    assert soup.pre.get_text() == "  缩进  的   空格  "  # whitespace kept
    assert soup.find("span", lang="zh", string="尾巴").find_previous_sibling(string=True) == "tail "


def test_id_cells_become_the_links_markup_writes():
    linker = Linker({"F-001": "s001", "F-002": "s002"}, {}, {"C-9": "x"}, frozenset({"s001", "s002"}))
    soup = BeautifulSoup(PAGE, "html.parser")
    made = linker.link_cells(soup, depth=1)
    cells = soup.find_all("td")
    assert made == 4  # F-001, F-002, C-9, s001; a cell with any other word is left alone
    assert cells[0].decode_contents() == linker.markup("F-001 F-002", depth=1)
    assert cells[0].decode_contents() == ('<a href="../sources/s001.html#F-001"><code>F-001</code></a> '
                                          '<a href="../sources/s002.html#F-002"><code>F-002</code></a>')
    assert cells[1].decode_contents() == "财政 F-001"
    assert cells[2].decode_contents() == '<a href="../x/ledger.html#finding-C-9"><code>C-9</code></a>'
    assert cells[3].decode_contents() == '<a href="../sources/s001.html"><code>s001</code></a>'
    assert cells[4].decode_contents() == " " and cells[5].decode_contents() == "unknown"
    assert cells[0].parent["id"] == "fact-F-001" and not cells[2].parent.get("id")


def test_an_href_with_markup_characters_is_escaped_once():
    linker = Linker({"a&b": "s<1>"}, {}, {}, frozenset({"s<1>"}))
    soup = BeautifulSoup("<table><tr><td>a&amp;b</td></tr></table>", "html.parser")
    soup.body = soup  # link_cells looks at every td, wherever it is
    linker.link_cells(soup, depth=0)
    assert soup.td.decode_contents() == linker.markup("a&b", depth=0)
    assert soup.td.a["href"] == "sources/s<1>.html#a&b"


# tags() and texts() replace find_all in the page's post-processing: the same nodes, in the same order.
WALKED = """<html><head><style>s</style><title>t</title></head><body>
<div class="jp-Notebook"><div class="jp-Cell-inputWrapper x">in<img src="a.png"></div>
<div class="jp-OutputArea-child"><div class="jp-OutputArea-output"><img alt="b" src="b.png"></div></div>
<div class="jp-OutputArea-child extra"><div class="table-scroll" aria-label="facts"><table><tr><td>F-1</td></tr></table></div></div>
<div class="table-scroll" aria-label="">empty label</div><div class="table-scroll">no label</div>
<h2>二 <a class="anchor-link" href="#x">¶</a></h2><h3 class="jp-OutputArea-child">三</h3><h4>四</h4></div>
<!-- 注释里的中文 --><p>English only</p><p>中文 and <b>粗体</b></p></body></html>"""


def test_walks_find_what_find_all_finds():
    from analysis.site.text import CJK_RUN
    from analysis.site.tree import tags, texts

    soup = BeautifulSoup(WALKED, "html.parser")
    cases = [(("img",), (), dict(name="img")), ((), ("jp-Notebook",), dict(class_="jp-Notebook")),
             (("div",), ("jp-Cell-inputWrapper", "jp-OutputArea-output"), dict(name="div", class_=["jp-Cell-inputWrapper", "jp-OutputArea-output"])),
             (("h2", "h3"), (), dict(name=["h2", "h3"])), (("a",), ("anchor-link",), dict(name="a", class_="anchor-link")),
             ((), ("jp-OutputArea-child",), dict(class_="jp-OutputArea-child")), (("td",), (), dict(name="td")),
             (("div",), ("table-scroll",), dict(name="div", class_="table-scroll")), (("style",), (), dict(name="style"))]
    for names, classes, query in cases:
        walked = tags(soup, names, classes)
        assert walked and [id(t) for t in walked] == [id(t) for t in soup.find_all(**query)], query
    labelled = [t for t in tags(soup, "div", "table-scroll") if t.get("aria-label") is not None]
    assert labelled == soup.find_all("div", class_="table-scroll", attrs={"aria-label": True}) and len(labelled) == 2
    found = texts(soup.body, CJK_RUN)
    assert [id(t) for t in found] == [id(t) for t in soup.body.find_all(string=CJK_RUN)]
    assert [str(t) for t in found] == ["二 ", "三", "四", " 注释里的中文 ", "中文 and ", "粗体"]


# A page of a county whose sources are traditional: its own runs, the project's (simplified) words, shared ones.
MIXED = """<html><head><title>t</title></head><body>
<p>下放權限401項</p><p>乡镇</p><p>中心</p><p>東營 and 乡镇</p><p><span lang="zh-Hant">已標記</span></p>
<p>歲入 351億; 乡镇 12个</p></body></html>"""


def _langs(script):
    from analysis.site.text import mark_chinese

    soup = BeautifulSoup(MIXED, "html.parser")
    mark_chinese(soup, script)
    return [(span.get_text(), span["lang"]) for span in soup.find_all("span")]


def test_each_run_is_marked_with_its_own_script_and_the_rest_with_the_pages():
    # 權 項 東 營: traditional; 乡 镇: simplified; 中心 says nothing, nor does one run of 歲 億 against 乡 镇 个
    # (2 against 3): the page's script decides
    assert _langs("Hant") == [("下放權限401項", "zh-Hant"), ("乡镇", "zh"), ("中心", "zh-Hant"), ("東營", "zh-Hant"),
                              ("乡镇", "zh"), ("已標記", "zh-Hant"), ("歲入 351億; 乡镇 12个", "zh-Hant")]
    assert _langs("Hans") == [("下放權限401項", "zh-Hant"), ("乡镇", "zh"), ("中心", "zh"), ("東營", "zh-Hant"),
                              ("乡镇", "zh"), ("已標記", "zh-Hant"), ("歲入 351億; 乡镇 12个", "zh")]


def test_grade_labels_in_the_pages_script():
    from analysis.scripts import status_label
    from analysis.site.text import STATUS_LABEL

    assert [status_label(s, "Hant") for s in STATUS_LABEL] == ["reproduced 已復現", "tension 可合理解釋", "discrepancy 不一致",
                                                             "unverifiable 無法核實"]
    assert STATUS_LABEL["unverifiable"] == "unverifiable 无法核实"


def _page(tmp_path, script):
    import nbformat

    from analysis.site.pages import PageInfo, render_notebook_page

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Finance 财政\n\nWhat a town collects."),
        nbformat.v4.new_code_cell("view.header()", execution_count=1, outputs=[nbformat.v4.new_output(
            "display_data", {"text/markdown": "- `s1`: 2 numbers (歲入 351億 and 乡镇 12个)", "text/plain": "x"})]),
    ])
    nb.metadata.language_info = {"name": "python", "pygments_lexer": "ipython3"}
    source = tmp_path / "in.ipynb"
    nbformat.write(nb, source)
    out = tmp_path / "site" / "nantou" / "01-finance.html"
    info = PageInfo("01-finance.ipynb", {"county": "nantou"}, [("s1", "南投縣115年度總預算", "s1.txt, lines 1-9")], script=script)
    render_notebook_page(source, out, info)
    return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")


def test_a_traditional_countys_page(tmp_path):
    page = _page(tmp_path, "Hant")
    assert page.html["lang"] == "en"  # the page's prose is English; its Chinese runs say their script
    assert "script-Hant" in page.body["class"]
    spans = {span.get_text(): span["lang"] for span in page.find_all("span", lang=True)}
    assert spans["財政"] == "zh-Hant"  # the notebook's own heading, written 财政, in the page's script
    assert spans["歲入 351億"] == "zh-Hant" and spans["南投縣115年度總預算"] == "zh-Hant"
    assert spans["乡镇 12个"] == "zh"  # a report's simplified words stay so, and say so
    assert page.find("summary").get_text() == "Show code 顯示代碼"
    assert not page.find_all(string=lambda s: "财政" in s)


def test_a_simplified_countys_page_is_as_before(tmp_path):
    page = _page(tmp_path, "Hans")
    assert "script-Hans" in page.body["class"]
    spans = {span.get_text(): span["lang"] for span in page.find_all("span", lang=True)}
    assert spans["财政"] == "zh" and spans["乡镇 12个"] == "zh" and spans["南投縣115年度總預算"] == "zh-Hant"
    assert page.find("summary").get_text() == "Show code 显示代码"


def test_a_browser_draws_each_script_in_its_own_face(tmp_path):
    """site.css: a traditional run and a traditional county's page in a TC face, simplified runs in an SC face
    (the CJK faces Chromium drew each run in; Latin digits may come from another)."""
    import shutil

    import pytest

    chromium, driver_path = shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        pytest.skip("no browser: Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from analysis.scripts import SCRIPTS
    from tests.test_site_browser import fonts_of

    for script in ("Hant", "Hans"):
        (tmp_path / script.lower()).mkdir()
        _page(tmp_path / script.lower(), script)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        faces = {}
        for script in ("hant", "hans"):
            browser.get((tmp_path / script / "site" / "nantou" / "01-finance.html").as_uri())
            faces[script] = {css: [f for f in fonts_of(browser, css) if "CJK" in f] for css in ('h1 span[lang="zh-Hant"]', 'h1 span[lang="zh"]',
                                                                      'li span[lang="zh-Hant"]', 'li span[lang="zh"]')
                             if browser.find_elements("css selector", css)}
            # what the stylesheet asks for (JupyterLab's styles alone ask for system-ui, leaving the face to the platform)
            faces[script]["h1 asks"] = browser.execute_script("return getComputedStyle(document.querySelector('h1 span')).fontFamily")
    finally:
        browser.quit()
    if not any("TC" in f for fs in faces["hant"].values() for f in fs):
        pytest.skip(f"no traditional face installed (Debian: fonts-noto-cjk): {faces}")
    # 財政 (the notebook's heading) in TC on the traditional page, 财政 in SC on the other; 歲入 351億 in TC and the
    # report's simplified 乡镇 12个 in SC on both
    tc, sc = (", ".join(f'"{f}"' if " " in f else f for f in SCRIPTS[s].css_faces) for s in ("Hant", "Hans"))
    assert faces["hant"] == {'h1 span[lang="zh-Hant"]': ["Noto Sans CJK TC"], 'li span[lang="zh-Hant"]': ["Noto Sans CJK TC"],
                             'li span[lang="zh"]': ["Noto Sans CJK SC"], "h1 asks": f'{tc}, "Noto Sans", sans-serif'}
    assert faces["hans"] == {'h1 span[lang="zh"]': ["Noto Sans CJK SC"], 'li span[lang="zh-Hant"]': ["Noto Sans CJK TC"],
                             'li span[lang="zh"]': ["Noto Sans CJK SC"], "h1 asks": f'{sc}, "Noto Sans", sans-serif'}


# --- Nothing hidden, one look: what every page has, numbers kept whole, years, grades and anchors, used-by labels.

def _claims_page(tmp_path, script="Hans", markdown="# Finance 财政\n\nWhat a town collects.\n\n## The claims"):
    """A page of a notebook whose output is a claims table as analysis.display writes it (two findings, one
    shown twice), run for the county nantou."""
    import nbformat
    import pandas as pd

    from analysis.display import frame_html
    from analysis.site.pages import PageInfo, render_notebook_page

    claims = pd.DataFrame({"finding_id": ["nt_share", "nt_sum"], "claim": ["占總數的44.6%", "合計1,580,000,000元"],
                           "claimed": ["44.6%", "15.8億"], "status": ["discrepancy", "reproduced"]})
    again = pd.DataFrame({"finding_id": ["nt_share"], "year": [2023.0], "status": ["ok"]})
    html = frame_html(claims) + frame_html(again)
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(markdown),
        nbformat.v4.new_code_cell("view.claims()", execution_count=1, outputs=[nbformat.v4.new_output(
            "display_data", {"text/html": html, "text/plain": "x"})]),
    ])
    nb.metadata.language_info = {"name": "python", "pygments_lexer": "ipython3"}
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "in.ipynb"
    nbformat.write(nb, source)
    out = tmp_path / "site" / "nantou" / "01-finance.html"
    linker = Linker({}, {}, {"nt_share": "nantou", "nt_sum": "nantou"}, frozenset())
    info = PageInfo("01-finance.ipynb", {"county": "nantou"}, [], county_pages=[("01-finance (finance)", "nantou/01-finance.html")],
                    linker=linker, script=script)
    render_notebook_page(source, out, info)
    return out


def test_a_finding_has_its_anchor_and_its_grade_on_its_notebook_page(tmp_path):
    page = BeautifulSoup(_claims_page(tmp_path, "Hant").read_text(encoding="utf-8"), "html.parser")
    row = page.find(id="finding-nt_share")  # the ledger's link from this finding's row lands here
    assert row.name == "tr" and row.find("a", href="../nantou/ledger.html#finding-nt_share")
    assert [tr.get("id") for tr in page.find_all("tr") if tr.find("td")] == ["finding-nt_share", "finding-nt_sum", None]  # one anchor each
    badges = [(span["class"], span.get_text()) for span in page.select("td span.badge")]
    assert badges == [(["badge", "discrepancy"], "discrepancy 不一致"), (["badge", "reproduced"], "reproduced 已復現")]
    assert page.find_all("tr")[-1].find_all("td")[-1].get_text() == "ok"  # a status that is not a grade stays text
    assert page.select("td.ids a[href='../nantou/ledger.html#finding-nt_sum']")  # a cell of linked ids: 24 px targets


def test_numbers_in_cells_are_kept_whole_and_years_are_not_grouped(tmp_path):
    page = BeautifulSoup(_claims_page(tmp_path).read_text(encoding="utf-8"), "html.parser")
    kept = [span.get_text() for span in page.select("td span.nb")]
    assert kept == ["44.6%", "44.6%", "1,580,000,000", "15.8"]  # row by row
    assert page.find("span", class_="nb", string="1,580,000,000").parent["lang"] == "zh-Hant"  # inside its run: 合計1,580,000,000元
    year = page.find_all("tr")[-1].find_all("td")[1]
    assert year["class"] == ["num"] and year.get_text() == "2023"  # a year column: never "2,023"
    assert not page.select("h1 span.nb, footer span.nb")  # only table cells


def test_the_alignment_cells_carry_for_jupyterlab_is_left_to_site_css_on_a_page(tmp_path):
    """The page's Content-Security-Policy refuses inline styles: the cells keep their classes, lose their style."""
    import pandas as pd

    from analysis.display import frame_html

    written = BeautifulSoup(frame_html(pd.DataFrame({"claim": ["合計1,580,000,000元"], "value": [1580000000.0]})), "html.parser")
    assert [(c.name, c.get("class"), c.get("style")) for c in written.find_all(["th", "td"])] == [
        ("th", None, "text-align:left;min-width:14em"), ("th", ["num"], None), ("td", None, "text-align:left"), ("td", ["num"], None)]
    page = BeautifulSoup(_claims_page(tmp_path).read_text(encoding="utf-8"), "html.parser")
    cells = page.select(".table-scroll th, .table-scroll td")
    assert len(cells) == 4 + 2 * 4 + 3 + 3 and not [c for c in cells if c.has_attr("style")]
    assert [c.get("class") for c in page.select(".table-scroll")[1].find_all(["th", "td"])] == [None, ["num"], None, ["ids"], ["num"], None]  # a linked id: "ids"


def test_mark_numbers_leaves_ids_and_words_alone():
    from analysis.site.text import mark_numbers

    soup = BeautifulSoup('<table><tr><td>recomputed 44.6384 is within [44.55, 44.65); s001 and 1 and x2y 179/401*100 = -4.3%</td>'
                         '<td class="num">10,000,000,000</td></tr></table><p>12,345 outside</p>', "html.parser")
    assert mark_numbers(soup, soup) == 7
    assert [s.get_text() for s in soup.select("span.nb")] == ["44.6384", "44.55", "44.65", "179", "401", "100", "-4.3%"]
    assert soup.find("td", class_="num").decode_contents() == "10,000,000,000" and soup.p.get_text() == "12,345 outside"


def test_years_and_periods_are_written_without_separators():
    import pandas as pd

    from analysis.display import format_cell, frame_html
    from analysis.site.ledger_rows import fact_rows

    assert (format_cell(2023.0), format_cell(2023.0, group=False), format_cell(1580000000.0, group=False)) == ("2,023", "2023", "1580000000")
    table = BeautifulSoup(frame_html(pd.DataFrame({"period": [2019.0, 2020.0], "value": [2020.0, 12000.0], "unit": ["年", "元"]})), "html.parser")
    assert [[td.get_text() for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")] == [["2019", "2020", "年"], ["2020", "12,000", "元"]]
    facts = pd.DataFrame({"fact_id": ["a", "b"], "county": ["x", "x"], "domain": ["context", "finance"], "entity": ["镇", "镇"],
                          "measure": ["reform_year", "revenue"], "as_written": ["2002年", "15.8亿"], "value": [2002.0, 1580000000.0],
                          "unit": ["年", "元"], "source": ["s1", "s1"], "locator": ["2002年", "15.8亿"]})
    rows = [BeautifulSoup(r, "html.parser") for r in fact_rows(facts.itertuples(), Linker())]
    assert [r.find("td", class_="num").get_text() for r in rows] == ["2002", "1,580,000,000"]


def test_a_ledger_row_links_its_findings_row_on_its_notebook_page_and_fits_a_card():
    from types import SimpleNamespace

    from analysis.site.ledger_rows import LEDGER_COLUMNS, ledger_rows

    finding = SimpleNamespace(finding_id="dongying_in_use_share", county="dongying", domain="delegation", source="", locator="",
                              inputs="", reading="", claim="占下放權限總數的44.6%", claimed="44.6%", recomputed="44.6384",
                              status="unverifiable", kind="not checked", note="179/401*100 = 44.64 (dongying_powers_in_use)")
    row = BeautifulSoup(next(ledger_rows([finding], ({}, {}), Linker(), lambda c, d: f"{c}/03-delegation.html", depth=1)), "html.parser")
    assert row.find("a")["href"] == "../dongying/03-delegation.html#finding-dongying_in_use_share"
    assert [td["data-label"] for td in row.find_all("td")] == ["finding", "county", "claim", "claimed", "recomputed", "grade", "checks",
                                                               "note", "citation"]
    assert len(LEDGER_COLUMNS) == 9
    assert str(row.td.code) == "<code>dongying_<wbr/>in_<wbr/>use_<wbr/>share</code>"  # breaks at an underscore, never inside a word
    assert "(dongying_<wbr/>powers_<wbr/>in_<wbr/>use)" in row.find("td", attrs={"data-label": "note"}).decode_contents()  # an id in a note too
    assert row.find("span", class_="badge unverifiable").get_text() == "unverifiable 无法核实"
    assert [s.get_text() for s in row.select("span.nb")] == ["44.6%", "44.6%", "44.6384", "179", "401", "100", "44.64"]


def test_the_papermill_lines_leave_the_top_and_the_footer_names_this_pages_county(tmp_path):
    markdown = ("# Finance 财政\n\nWhat a town collects.\n\nSet `county` in the cell below, or run the notebook for another county "
                "with papermill:\n\n```bash\npapermill notebooks/01-finance.ipynb out.ipynb -p county anon_city_2011\n```\n\nAfter.")
    page = BeautifulSoup(_claims_page(tmp_path, markdown=markdown).read_text(encoding="utf-8"), "html.parser")
    text = page.main.get_text(" ")
    assert "papermill" not in text and "anon_city_2011" not in text and "What a town collects." in text and "After." in text
    assert page.footer.find("code", string="papermill notebooks/01-finance.ipynb out.ipynb -p county nantou")


def test_every_notebook_page_opens_with_a_skip_link_and_short_navigation_and_ends_with_the_footer(tmp_path):
    import analysis
    from analysis.site.chrome import build_stamp

    page = BeautifulSoup(_claims_page(tmp_path).read_text(encoding="utf-8"), "html.parser")
    first = page.body.find(["a", "button", "input", "select", "summary", "details"])
    assert first["class"] == ["skip-link"] and first["href"] == "#main" and page.find(id="main").name == "main"
    nav = page.find("nav", class_="site-nav")
    # the site's name, its pages, then this county's pages
    assert [a.get_text() for a in nav.find_all("a")] == ["Township reform audit", "Front page", "Ledger", "Numbers", "Problems",
                                                         "Glossary", "Sources", "Search", "01-finance", "ledger"]
    assert nav.find("a", attrs={"aria-current": "page"})["href"] == "../nantou/01-finance.html"
    toc = page.find("nav", class_="site-toc")
    assert toc.details is not None and toc.details.get("open") is None  # folded: one line above the content
    assert page.body.find_all(recursive=False)[-1].name == "footer"
    footer = page.footer.get_text(" ")
    stamp = build_stamp()
    assert f"version {analysis.__version__}" in footer and stamp.day in footer and stamp.how in footer
    assert "CC BY 4.0" in footer and "data/LICENSE.md" in footer and "CITATION.cff" in footer and "Cite as:" in footer


def test_the_date_of_the_data_comes_from_git_else_source_date_epoch_else_today(tmp_path):
    import datetime
    import os
    import shutil
    import subprocess

    import pytest

    from analysis.site.chrome import stamp_for

    folder = tmp_path / "data"
    folder.mkdir()
    # 2024-02-29 12:00 UTC is 1709208000; neither git nor a clock gives it by chance
    assert stamp_for(folder, {"SOURCE_DATE_EPOCH": "1709208000"}).day == "2024-02-29"
    assert stamp_for(folder, {}, today=datetime.date(2025, 3, 1)).day == "2025-03-01"
    assert stamp_for(folder, {"SOURCE_DATE_EPOCH": "soon"}, today=datetime.date(2025, 3, 1)).how.startswith("the day of the build")
    if not shutil.which("git"):
        pytest.skip("no git: the date from a commit is not checked")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2023-05-06T10:00:00+00:00",
           "GIT_COMMITTER_DATE": "2023-05-06T10:00:00+00:00"}
    (folder / "facts.csv").write_text("a\n1\n", encoding="utf-8")
    for command in (["init", "-q"], ["add", "facts.csv"], ["commit", "-q", "-m", "tables"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=env)
    stamp = stamp_for(folder, {"SOURCE_DATE_EPOCH": "1709208000"})  # the commit wins
    assert (stamp.day, stamp.how) == ("2023-05-06", "the newest commit to data/")


def test_two_builds_of_the_same_data_write_the_same_bytes(tmp_path):
    first = _claims_page(tmp_path / "a").read_bytes()
    assert _claims_page(tmp_path / "b").read_bytes() == first


def test_the_index_ledger_and_source_pages_share_the_skip_link_navigation_and_footer(tmp_path):
    from analysis.audit import audit_findings
    from analysis.paths import reports_dir
    from analysis.site import build_index, build_source_pages
    from analysis.tables import load_tables

    tables = load_tables()
    site = tmp_path / "site"
    build_index(site / "index.html", tables, audit_findings(tables), {}, [], {"01-finance": "finance"},
                Linker.from_tables(tables, with_sources=True), audit_findings(tables, table="checks"))
    pages = [site / "index.html", site / "dongying" / "ledger.html"]
    if reports_dir() is not None and build_source_pages(site / "sources", tables, reports_dir(), lambda c, d: None):
        pages.append(site / "sources" / "s001.html")
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert page.body.find("a")["class"] == ["skip-link"] and page.find(id="main").name == "main", path
        assert page.find("nav", class_="site-nav").find(class_="site-home").get_text() == "Township reform audit", path
        assert "CC BY 4.0" in page.footer.get_text() and len(page.find_all("header")) == 1, path


def test_each_used_by_link_under_a_line_names_what_it_leads_to(tmp_path):
    import pytest

    from analysis.paths import reports_dir
    from analysis.site import build_source_pages
    from analysis.tables import load_tables

    if reports_dir() is None:
        pytest.skip("no source reports folder (../shared/reports or $REPORTS_DIR): no source pages")
    tables = load_tables()
    notebook = {"finance": "01-finance", "staffing": "02-staffing", "delegation": "03-delegation", "facilities": "04-facilities",
                "context": "05-context"}
    build_source_pages(tmp_path, tables, reports_dir(), lambda county, domain: f"{county}/{notebook[domain]}.html")
    links = shared = 0
    for path in sorted(tmp_path.glob("*.html")):
        for line in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("div.used"):
            labels = [a.get_text() for a in line.find_all("a")]
            links += len(labels)
            shared += len(labels) - len(set(labels))
    assert links > 400 and shared == 0  # every link on a line reads differently (on main: 284 of 477 shared a label)
    # 001 東營 "能正常運行的有179項": its fact row and the claim 44.6% it feeds, each named
    line = BeautifulSoup((tmp_path / "s001.html").read_text(encoding="utf-8"), "html.parser").find(id="dongying_powers_in_use").find_parent(class_="line")
    named = {a.get_text(): a["href"] for a in line.select(".used a")}
    assert named["179項 (03-delegation)"] == "../dongying/03-delegation.html#fact-dongying_powers_in_use"
    assert named["claim “44.6%”"] == "../dongying/ledger.html#finding-dongying_in_use_share"


def test_no_working_note_reaches_a_page():
    """A note in the tables is for readers: no "NEW CODE:", "TODO" or "FIXME" left from transcribing."""
    import re

    from analysis.tables import load_tables

    tables = load_tables()
    marker = re.compile(r"\b(?:NEW CODE|TODO|FIXME|XXX|TBD)\b")
    found = [(name, column, text) for name in ("facts", "findings", "checks", "themes", "lists", "readings")
             for column in getattr(tables, name).columns if getattr(tables, name)[column].dtype == object
             for text in getattr(tables, name)[column] if isinstance(text, str) and marker.search(text)]
    assert found == []
