"""A notebook page: nbconvert's HTML with folded code, a contents list, neighbours, links to sources, one stylesheet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from analysis.outputs import write_bytes_atomic, write_text_atomic
from analysis.scripts import HANS, in_script
from analysis.site.assets import CSP_META, NOTEBOOK_CSS, SITE_CSS, write_notebook_css, write_static
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.text import mark_chinese, zh_spans
from analysis.site.tree import tags

TEMPLATE_DIR = Path(__file__).parent.parent / "site_template"


@dataclass(frozen=True)
class PageInfo:
    """What a notebook page says around the notebook: its run, its sources, its neighbours."""

    notebook: str
    parameters: dict
    sources: list[tuple[str, str, str]]  # (source id, title, where)
    failed: str = ""  # the error's last line, for a failed run
    county_pages: list[tuple[str, str]] = field(default_factory=list)  # (label, href from the site root): this county's pages
    domain_neighbours: tuple = (None, None)  # (label, href) of the previous and next county's page of this notebook
    linker: Linker = field(default_factory=Linker)
    script: str = HANS  # of the county's sources (analysis.scripts.county_script): its Chinese runs' lang and faces


def footer_html(info: PageInfo, depth: int) -> str:
    params = ", ".join(f"{k} = {v!r}" for k, v in info.parameters.items()) or "defaults"
    up = "../" * depth
    cited = "".join(
        f'<li>{info.linker.markup(s, depth)} {zh_spans(t, info.script)} ({escape(w)})</li>' for s, t, w in info.sources)
    return (f'<footer class="site-footer"><p>Notebook <code>{escape(info.notebook)}</code>, run with {escape(params)}: '
            f'<a href="{escape(info.notebook)}" download>download the executed notebook (.ipynb)</a>.</p>'
            f"<p>Sources:</p><ul>{cited}</ul><p><a href=\"{up}index.html\">Back to the index</a></p></footer>")


def _nav_html(info: PageInfo, up: str, here: str) -> str:
    current = ' aria-current="page"'
    pages = "".join(f'<li><a href="{up}{escape(h)}"{current if h == here else ""}>{escape(label)}</a></li>'
                    for label, h in info.county_pages)
    county = info.parameters.get("county")
    if county and pages:  # and its ledger page, which every county with a notebook page has
        pages += f'<li><a href="{up}{escape(county)}/{LEDGER_PAGE}">ledger (findings, checks, numbers)</a></li>'
    others = f'<p>Pages for <code>{escape(county)}</code>:</p><ul>{pages}</ul>' if county and pages else ""
    return (f'<nav class="site-nav" aria-label="site"><a href="{up}index.html">Township reform audit: index</a> · '
            f'<a href="{up}search.html">Search</a>{others}</nav>')


def _pager_html(info: PageInfo, up: str, here: str) -> str:
    previous, following = info.domain_neighbours
    items = []
    hrefs = [h for _, h in info.county_pages]
    if here in hrefs:  # previous and next within this county
        i = hrefs.index(here)
        if i > 0:
            items.append(f'<li>Previous page of this county: <a href="{up}{escape(hrefs[i - 1])}">{escape(info.county_pages[i - 1][0])}</a></li>')
        if i + 1 < len(hrefs):
            items.append(f'<li>Next page of this county: <a href="{up}{escape(hrefs[i + 1])}">{escape(info.county_pages[i + 1][0])}</a></li>')
    if previous:
        items.append(f'<li>Previous county: <a rel="prev" href="{up}{escape(previous[1])}">{escape(previous[0])}</a></li>')
    if following:
        items.append(f'<li>Next county: <a rel="next" href="{up}{escape(following[1])}">{escape(following[0])}</a></li>')
    return f'<nav class="site-pager" aria-label="previous and next"><ul>{"".join(items)}</ul></nav>' if items else ""


def _contents(soup, script: str = HANS) -> str:
    """A contents list of the page's headings, each given a stable id."""
    items = []
    for n, heading in enumerate(tags(soup.body, ("h2", "h3"))):
        for anchor in tags(heading, "a", "anchor-link"):
            anchor.decompose()  # nbconvert's ¶ links: the contents list replaces them
        text = heading.get_text(" ", strip=True)
        heading["id"] = f"s{n}-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
        items.append(f'<li class="toc-{heading.name}"><a href="#{heading["id"]}">{zh_spans(text, script)}</a></li>')
    return f'<nav class="site-toc" aria-label="contents"><strong>On this page</strong><ol>{"".join(items)}</ol></nav>' if items else ""


def _csv_links(soup, stem: str) -> int:
    """After the numbers of each figure, a link that downloads them as CSV (a data: URI: works from file://)."""
    import csv
    import io
    from urllib.parse import quote

    from bs4 import BeautifulSoup

    made = 0
    for image in (i for c in tags(soup, classes="jp-OutputArea-child") for i in tags(c, "img")):
        child = image.find_parent(class_="jp-OutputArea-child")
        following = child.find_next_sibling(class_="jp-OutputArea-child")
        table = following.find("table") if following else None
        if table is None:
            continue
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([th.get_text(" ", strip=True) for head in table.find_all("thead") for th in head.find_all("th")])
        writer.writerows([td.get_text(" ", strip=True) for td in tr.find_all("td")]
                         for body in table.find_all("tbody") for tr in body.find_all("tr"))
        made += 1
        href = "data:text/csv;charset=utf-8," + quote("\ufeff" + buffer.getvalue())  # BOM: Excel reads the Chinese as UTF-8
        link = f'<p class="csv-link"><a download="{escape(stem)}-figure-{made}.csv" href="{href}">Download the numbers of this figure (CSV)</a></p>'
        table.find_parent(class_="table-scroll").insert_after(BeautifulSoup(link, "html.parser"))
    return made


def _unique_region_labels(soup) -> None:
    """Two tables with the same columns (facts and findings per domain) must not be two regions of one name."""
    seen: dict[str, int] = {}
    for region in tags(soup, "div", "table-scroll"):
        label = region.get("aria-label")
        if label is None:
            continue
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            region["aria-label"] = f"{label} ({seen[label]})"


def _share_styles(soup, site_dir: Path, up: str) -> None:
    """Move nbconvert's inline styles into one file for all pages, and link it with the site's stylesheet."""
    from bs4 import BeautifulSoup

    styles = tags(soup.head, "style")
    write_notebook_css(site_dir, "\n".join(s.get_text() for s in styles))
    for style in styles:
        style.decompose()
    soup.head.append(BeautifulSoup(f'<link rel="stylesheet" href="{up}{NOTEBOOK_CSS}"><link rel="stylesheet" href="{up}{SITE_CSS}">',
                                   "html.parser"))
    write_static(site_dir)


SAFE_SCHEMES = ("http", "https", "mailto")
OWN_DATA_URIS = ("data:image/png;base64,", "data:text/csv;")  # figures embedded, figure numbers to download


def _scheme(url: str) -> str:
    """The scheme of ``url`` as a browser reads it (it drops tabs and newlines, and ignores case), or ""."""
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    found = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return found.group(1).lower() if found else ""


def _safe_urls(soup) -> None:
    """Links only to http(s), mailto or the site's own pages; images only embedded figures or the site's own files.

    The notebooks' outputs are escaped where they are made (analysis.display, analysis.views); this is
    the second line, for any output that reaches a page some other way. A link with another scheme
    (javascript:, data:, file:) keeps its text and loses its target; such an image loses its source.
    """
    for link in soup.find_all(href=True):
        href = link["href"]
        if link.name != "link" and _scheme(href) not in ("", *SAFE_SCHEMES) and not href.startswith(OWN_DATA_URIS):
            del link["href"]
    for element in soup.find_all(src=True):
        src = element["src"]
        if _scheme(src) != "" and not src.startswith(OWN_DATA_URIS[0]) or src.startswith("//"):
            del element["src"]


@lru_cache(maxsize=1)
def _exporter():
    """One exporter per process: it compiles its templates once (a fifth of a page's rendering time)."""
    from analysis.site.exporter import PageExporter

    return PageExporter(template_name="site", extra_template_basedirs=[str(TEMPLATE_DIR)],
                        exclude_input_prompt=True, exclude_output_prompt=True)


def render_notebook_page(notebook: Path, out: Path, info: PageInfo, depth: int = 1) -> None:
    """Write ``notebook`` as an HTML page under the site root ``out.parents[depth]``, its .ipynb beside it."""
    import nbformat
    from bs4 import BeautifulSoup

    nb = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(nb.cells):  # nbformat invents random cell ids; pages must not differ by run
        cell["id"] = f"cell-{number}"
        if cell.cell_type == "markdown":  # the notebook's own prose (no report's words): in the page's script
            cell.source = in_script(cell.source, info.script)
    soup = _exporter().soup(nb, resources={"language_code": "en"})
    soup.body["class"] = [*soup.body.get_attribute_list("class", []), f"script-{info.script}"]  # site.css: its faces
    for summary in tags(soup.body, "summary"):  # the template's "Show code 显示代码"
        if summary.string:
            summary.string = in_script(str(summary.string), info.script)
    up = "../" * depth
    site_dir = out.parents[depth]
    _share_styles(soup, site_dir, up)
    soup.head.meta.insert_after(BeautifulSoup(CSP_META, "html.parser"))  # after <meta charset>, before anything it governs
    soup.title.string = f"{info.notebook.removesuffix('.ipynb')} {info.parameters.get('county', '')}".strip()
    here = str(out.relative_to(site_dir))
    info.linker.link_cells(soup, depth)
    _unique_region_labels(soup)
    _csv_links(soup, f"{info.parameters.get('county', 'overview')}-{info.notebook.removesuffix('.ipynb')}")
    contents = _contents(soup, info.script)
    top = _nav_html(info, up, here) + _pager_html(info, up, here) + contents
    if info.failed:
        top += f'<div class="site-failed" role="alert"><strong>This run failed.</strong> {escape(info.failed)}</div>'
    soup.body.insert(0, BeautifulSoup(top, "html.parser"))
    mark_chinese(soup, info.script)
    soup.body.append(BeautifulSoup(footer_html(info, depth), "html.parser"))
    _safe_urls(soup)
    write_text_atomic(out, str(soup))
    write_bytes_atomic(out.with_suffix(".ipynb"), notebook.read_bytes())  # the download link beside the page
