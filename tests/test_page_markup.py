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
