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
