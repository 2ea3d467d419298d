"""A notebook page: nbconvert's HTML with folded code, a contents list, neighbours, links to sources, one stylesheet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path

from analysis.display import INLINE_STYLES
from analysis.outputs import write_bytes_atomic, write_text_atomic
from analysis.scripts import HANS, in_script, status_label
from analysis.site.assets import CSP_META, NOTEBOOK_CSS, SITE_CSS, write_notebook_css, write_static
from analysis.site.chrome import MAIN_ID, SKIP_LINK, site_footer, site_nav
from analysis.site.links import LEDGER_PAGE, Linker
from analysis.site.text import STATUS_LABEL, mark_chinese, mark_numbers, zh_spans
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


def footer_html(info: PageInfo, depth: int, run: str = "") -> str:
    """The page's own notes (its run, how to run it, its sources), then the site's footer (chrome.site_footer)."""
    params = ", ".join(f"{k} = {v!r}" for k, v in info.parameters.items()) or "defaults"
    up = "../" * depth
    cited = "".join(
        f'<li>{info.linker.markup(s, depth)} {zh_spans(t, info.script)} ({escape(w)})</li>' for s, t, w in info.sources)
    notes = (f'<section class="page-notes" aria-label="this page\'s notebook and sources"><p>Notebook <code>{escape(info.notebook)}</code>, '
             f'run with {escape(params)}: <a href="{escape(info.notebook)}" download>download the executed notebook (.ipynb)</a>.</p>'
             f"{run}<p>Sources:</p><ul>{cited}</ul></section>")
    return site_footer(up, notes)


def _nav_html(info: PageInfo, up: str, here: str) -> str:
    """The site's navigation: the index, and this county's pages (each notebook by name, and its ledger page)."""
    pages = [(Path(h).stem, h) for _, h in info.county_pages]
    county = info.parameters.get("county")
    if county and pages:  # and its ledger page, which every county with a notebook page has
        pages.append(("ledger", f"{county}/{LEDGER_PAGE}"))
    return site_nav(up, pages, here, county or "")


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


def _run_instructions(soup, info: PageInfo) -> str:
    """Take the notebook's own "run it with papermill" lines out of the page, and say it for this page in the footer.

    A reviewer reads the page's county, not how to choose another: the paragraph that leads to a ``papermill``
    command and the command (written for any county) leave the top of the page; the footer gives the command
    with this page's parameters.
    """
    for pre in tags(soup.body, "pre"):
        if not pre.get_text().lstrip().startswith("papermill "):
            continue
        block = pre.parent if "highlight" in pre.parent.get_attribute_list("class") else pre
        lead = block.find_previous_sibling()
        if lead is not None and lead.name == "p" and "papermill" in lead.get_text():
            lead.decompose()
        block.decompose()
    stem = info.notebook.removesuffix(".ipynb")
    options = "".join(f" -p {k} {v}" for k, v in info.parameters.items())
    command = f"papermill notebooks/{stem}.ipynb out.ipynb{options}"
    ids = " (the county ids: <code>python -m analysis counties</code>)" if "county" in info.parameters else ""
    return f"<p>Run it yourself: <code>{escape(command)}</code>{ids}.</p>"


def _id_cells(soup) -> int:
    """Mark the cells that hold nothing but linked ids (Linker.link_cells) ``ids``: site.css gives each link a
    target a finger can take (24 px, WCAG 2.5.8), which a link inside a sentence needs not. Returns how many."""
    from bs4 import NavigableString

    marked = 0
    for cell in tags(soup.body, "td"):
        parts = [c for c in cell.children if not (isinstance(c, NavigableString) and not c.strip())]
        if parts and all(getattr(c, "name", None) == "a" for c in parts):
            cell["class"] = [*cell.get_attribute_list("class", []), "ids"]
            marked += 1
    return marked


def _findings(soup, linker: Linker, script: str) -> int:
    """Each finding's row on its page gets the anchor finding-<id> (the ledger links there), each grade a badge.

    A row whose first cell is one finding's id is that finding's row (its first on the page is the anchor);
    a cell under a "status" or "grade" header that holds a grade becomes the badge the ledger shows.
    Returns the number of rows anchored.
    """
    anchored = 0
    seen = {tr.get("id") for tr in tags(soup.body, "tr") if tr.get("id")}
    for table in tags(soup.body, "table"):
        heads = [th.get_text(" ", strip=True) for th in tags(table.thead, "th")] if table.thead else []
        grade = next((k for k, h in enumerate(heads) if h in ("status", "grade")), None)
        for row in tags(table.tbody, "tr") if table.tbody else []:
            cells = [c for c in row.children if getattr(c, "name", None) in ("td", "th")]
            if not cells:
                continue
            first = cells[0].get_text().split()
            anchor = f"finding-{first[0]}" if len(first) == 1 and first[0] in linker.findings else None
            if anchor and anchor not in seen and not row.get("id"):
                row["id"] = anchor
                seen.add(anchor)
                anchored += 1
            if grade is not None and grade < len(cells) and cells[grade].get_text(strip=True) in STATUS_LABEL:
                status = cells[grade].get_text(strip=True)
                cells[grade].clear()
                badge = soup.new_tag("span", attrs={"class": f"badge {status}"})
                badge.string = status_label(status, script)
                cells[grade].append(badge)
    return anchored


def _contents(soup, script: str = HANS) -> str:
    """A contents list of the page's headings, each given a stable id."""
    items = []
    for n, heading in enumerate(tags(soup.body, ("h2", "h3"))):
        for anchor in tags(heading, "a", "anchor-link"):
            anchor.decompose()  # nbconvert's ¶ links: the contents list replaces them
        text = heading.get_text(" ", strip=True)
        heading["id"] = f"s{n}-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]
        items.append(f'<li class="toc-{heading.name}"><a href="#{heading["id"]}">{zh_spans(text, script)}</a></li>')
    if not items:
        return ""
    return (f'<nav class="site-toc" aria-label="contents"><details><summary>On this page: {len(items)} sections</summary>'
            f'<ol>{"".join(items)}</ol></details></nav>')


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


def _drop_table_styles(soup) -> None:
    """The alignment a table's cells carry for JupyterLab (analysis.display.INLINE_STYLES), which the page's policy
    refuses inline and site.css gives: removed, so that no cell's style is refused. Any other inline style stays,
    and the browser's refusal shows it."""
    for element in soup.body.find_all(["td", "th"], style=True):
        if element["style"] in INLINE_STYLES:
            del element["style"]


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
    soup.body["class"] = [*soup.body.get_attribute_list("class", []), "site-notebook", f"script-{info.script}"]  # site.css
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
    _drop_table_styles(soup)
    _csv_links(soup, f"{info.parameters.get('county', 'overview')}-{info.notebook.removesuffix('.ipynb')}")
    _findings(soup, info.linker, info.script)
    _id_cells(soup)
    run = _run_instructions(soup, info)
    contents = _contents(soup, info.script)
    top = SKIP_LINK + f'<header class="site-header">{_nav_html(info, up, here)}{contents}</header>'
    if info.failed:
        top += f'<div class="site-failed" role="alert"><strong>This run failed.</strong> {escape(info.failed)}</div>'
    soup.body.insert(0, BeautifulSoup(top, "html.parser"))
    main = soup.body.find("main")
    if main is not None:
        main["id"], main["tabindex"] = MAIN_ID, "-1"  # the skip link's target takes the focus
    pager = _pager_html(info, up, here)
    if pager:
        soup.body.append(BeautifulSoup(pager, "html.parser"))
    mark_chinese(soup, info.script)
    if main is not None:
        mark_numbers(soup, main)
    soup.body.append(BeautifulSoup(footer_html(info, depth, run), "html.parser"))
    _safe_urls(soup)
    write_text_atomic(out, str(soup))
    write_bytes_atomic(out.with_suffix(".ipynb"), notebook.read_bytes())  # the download link beside the page
