"""The HTML site for reviewers: one page per executed notebook (nbconvert) and an index."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pandas as pd

from analysis.outputs import write_text_atomic

TEMPLATE_DIR = Path(__file__).parent / "site_template"
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+(?:[\s\d.,:;%()（）、，。：；“”—\-+]*[\u3400-\u9fff]+)*")
FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Sans", sans-serif'
STATUS_LABEL = {"reproduced": "reproduced 已复现", "tension": "tension 可合理解释", "discrepancy": "discrepancy 不一致",
                "unverifiable": "unverifiable 无法核实"}

PAGE_CSS = f"""
body {{ font-family: {FONT_STACK}; }}
details.code-toggle > summary {{ cursor: pointer; color: #555; font-size: 0.85em; margin: 0.3em 0 0.3em 1em; }}
.site-nav, .site-footer {{ max-width: 1100px; margin: 1em auto; padding: 0.8em 1em; font-size: 0.9em; }}
.site-footer {{ border-top: 1px solid #ccc; color: #333; }}
.jp-OutputArea-output.jp-RenderedHTMLCommon td, .jp-OutputArea-output.jp-RenderedHTMLCommon th {{ text-align: left; }}  /* beats JupyterLab's right-aligned cells: tables here are mostly Chinese text */
.site-failed {{ max-width: 1100px; margin: 1em auto; padding: 1em; background: #fde8e4; border-left: 4px solid #e76f51; }}
"""


def zh_spans(text: str) -> str:
    """Escape ``text`` and mark its Chinese runs with lang="zh" (for screen readers and fonts)."""
    out, last = [], 0
    for m in CJK_RUN.finditer(text):
        out.append(escape(text[last:m.start()]))
        out.append(f'<span lang="zh">{escape(m.group())}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _mark_chinese(soup) -> None:
    """Wrap the Chinese runs of every visible text node in <span lang="zh">."""
    from bs4 import BeautifulSoup, NavigableString

    for node in list(soup.body.find_all(string=CJK_RUN)):
        if not isinstance(node, NavigableString) or node.parent.name in ("script", "style", "title") or node.parent.get("lang") == "zh":
            continue
        node.replace_with(BeautifulSoup(zh_spans(str(node)), "html.parser"))


@dataclass(frozen=True)
class PageInfo:
    """What the footer of a notebook page says: its notebook, parameters and sources."""

    notebook: str
    parameters: dict
    sources: list[tuple[str, str, str]]  # (source id, title, where)
    failed: str = ""  # the error's last line, for a failed run


def footer_html(info: PageInfo, depth: int) -> str:
    params = ", ".join(f"{k} = {v!r}" for k, v in info.parameters.items()) or "defaults"
    cited = "".join(f"<li><code>{escape(s)}</code> {zh_spans(t)} ({escape(w)})</li>" for s, t, w in info.sources)
    up = "../" * depth
    return (f'<footer class="site-footer"><p>Notebook <code>{escape(info.notebook)}</code>, run with {escape(params)}.</p>'
            f"<p>Sources:</p><ul>{cited}</ul><p><a href=\"{up}index.html\">Back to the index</a></p></footer>")


def render_notebook_page(notebook: Path, out: Path, info: PageInfo, depth: int = 1) -> None:
    """Write ``notebook`` as an HTML page with folded code, alt texts, lang marks and a footer."""
    import nbformat
    from bs4 import BeautifulSoup
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="site", extra_template_basedirs=[str(TEMPLATE_DIR)],
                            exclude_input_prompt=True, exclude_output_prompt=True)
    nb = nbformat.read(notebook, as_version=4)
    for number, cell in enumerate(nb.cells):  # nbformat invents random cell ids; pages must not differ by run
        cell["id"] = f"cell-{number}"
    body, _ = exporter.from_notebook_node(nb, resources={"language_code": "en"})
    soup = BeautifulSoup(body, "html.parser")
    soup.head.append(BeautifulSoup(f"<style>{PAGE_CSS}</style>", "html.parser"))
    soup.title.string = f"{info.notebook} {info.parameters.get('county', '')}".strip()
    nav = f'<nav class="site-nav"><a href="{"../" * depth}index.html">Township reform audit: index</a></nav>'
    soup.body.insert(0, BeautifulSoup(nav, "html.parser"))
    if info.failed:
        banner = f'<div class="site-failed" role="alert"><strong>This run failed.</strong> {escape(info.failed)}</div>'
        soup.body.insert(1, BeautifulSoup(banner, "html.parser"))
    _mark_chinese(soup)
    soup.body.append(BeautifulSoup(footer_html(info, depth), "html.parser"))
    write_text_atomic(out, str(soup))


INDEX_CSS = f"""
body {{ font-family: {FONT_STACK}; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }}
table {{ border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.35em 0.6em; vertical-align: top; text-align: left; }}
th {{ background: #f3f3f3; }}
.badge {{ display: inline-block; padding: 0.1em 0.5em; border-radius: 0.8em; color: #fff; font-size: 0.85em; white-space: nowrap; }}
.badge.reproduced {{ background: #2a7d72; }} .badge.tension {{ background: #7a5a00; }} .badge.discrepancy {{ background: #b5442a; }} .badge.unverifiable {{ background: #5b667a; }}
.badge.ok {{ background: #2a7d72; }} .badge.failed {{ background: #b5442a; }} .badge.stale {{ background: #5b667a; }} .nodata {{ color: #666; }}
code {{ font-size: 0.9em; }}
.wide {{ overflow-x: auto; }}
tr:target {{ background: #fff3c4; }}
"""


def _status_link(entry: dict) -> str:
    if entry["status"] == "not run":  # planned, but no page on disk: no link that points nowhere
        return f'<span class="nodata">{escape(entry["label"])}: not run yet (<code>make reports</code>)</span>'
    link = f'<a href="{escape(entry["href"])}">{escape(entry["label"])}</a>'
    if entry["status"] == "out of date":
        return f'<span class="badge stale">out of date</span> {link}<br><small>{escape(entry["error"])}</small>'
    if entry["status"] == "failed":
        return f'<span class="badge failed">failed</span> {link}<br><small>{escape(entry["error"])}</small>'
    return f'<span class="badge ok">ok</span> {link}'


def _cell(entry: dict | None) -> str:
    if entry is None:
        return '<td class="nodata">no data in the reports</td>'
    return f"<td>{_status_link(entry)}</td>"


def grade_counts_sentence(ledger: pd.DataFrame) -> str:
    """"121 findings: 77 reproduced (24 arithmetic, 44 list counts, 9 restatements), 7 tensions, ...": grades and what was checked."""
    from analysis.audit import ARITHMETIC, LIST_COUNT, RESTATEMENT

    counts = ledger["status"].value_counts()
    kinds = ledger[ledger["status"] == "reproduced"]["kind"].value_counts()
    checked = (f"{kinds.get(ARITHMETIC, 0)} arithmetic, {kinds.get(LIST_COUNT, 0)} list counts, "
               f"{kinds.get(RESTATEMENT, 0)} restatements")
    return (f"{len(ledger)} findings: {counts.get('reproduced', 0)} reproduced ({checked}), "
            f"{counts.get('tension', 0)} tensions, {counts.get('discrepancy', 0)} discrepancies, "
            f"{counts.get('unverifiable', 0)} unverifiable.")


def _jump_list(ledger: pd.DataFrame, status: str, text: str) -> str:
    ids = ledger[ledger["status"] == status]["finding_id"]
    if not len(ids):
        return ""
    return f"<p>{text}: " + ", ".join(f'<a href="#finding-{escape(i)}"><code>{escape(i)}</code></a>' for i in ids) + ".</p>"


def build_index(out: Path, tables, ledger: pd.DataFrame, pages: dict, overview: dict | None, domains: dict[str, str]) -> None:
    """Write site/index.html: what the project is, coverage, the ledger with badges and citations.

    ``pages`` maps (county, notebook) to {"href", "label", "status", "error"}; a
    missing key means the reports give no numbers for that county and domain.
    """
    sources = tables.sources.set_index("source")
    head = "".join(f"<th>{escape(nb)}</th>" for nb in domains)
    rows = []
    for place in tables.counties.itertuples():
        cells = "".join(_cell(pages.get((place.county, nb))) for nb in domains)
        rows.append(f"<tr><th scope=\"row\">{zh_spans(place.name_zh)} {escape(place.name_en)}<br><code>{escape(place.county)}</code></th>{cells}</tr>")
    ledger_rows = []
    for f in ledger.itertuples():
        where = ""
        if f.source:
            src = sources.loc[f.source]
            part = f", part {escape(str(src['part']))}" if src["part"] else ""
            where = f"{escape(src['file'])}{part}: “{zh_spans(f.locator)}”"
        ledger_rows.append(
            f'<tr id="finding-{escape(f.finding_id)}"><td><code>{escape(f.finding_id)}</code></td>'
            f"<td>{escape(f.county)}</td><td>{zh_spans(f.claim)}</td>"
            f"<td>{zh_spans(f.claimed)}</td><td>{escape(f.recomputed)}</td>"
            f'<td><span class="badge {escape(f.status)}">{zh_spans(STATUS_LABEL[f.status])}</span>'
            f'{f"<br><small>read as {zh_spans(f.reading)}</small>" if f.reading else ""}</td>'
            f"<td>{escape(f.kind)}</td><td>{zh_spans(f.note)}</td><td>{where}</td></tr>")
    jump = "".join(_jump_list(ledger, status, text) for status, text in (
        ("discrepancy", "Discrepancies (no reasonable reading of the reports' own numbers gives the claim)"),
        ("tension", "Tensions (the literal reading fails; the reading named in the note reconciles the numbers)")))
    overview_link = f"<p>{_status_link(overview)}: every county at once.</p>" if overview else ""
    if tables.sources["title_en"].str.contains("SYNTHETIC").any():
        overview_link = ('<p class="synthetic" role="note"><strong>SYNTHETIC DATA: invented counties and numbers for '
                         "testing, not real reports.</strong></p>" + overview_link)
    failed = [e for e in [*pages.values(), overview] if e and e["status"] == "failed"]
    failed_html = ("<h2>Failed runs</h2><ul>" + "".join(f'<li><a href="{escape(e["href"])}">{escape(e["label"])}</a>: {escape(e["error"])}</li>' for e in failed) + "</ul>") if failed else ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Township reform audit 乡镇改革报告核查</title><style>{INDEX_CSS}</style></head>
<body>
<header><h1>Township reform audit <span lang="zh">乡镇改革报告核查</span></h1>
<p>Five Chinese government reports on township (<span lang="zh">乡镇</span>) reform, transcribed number by number with a verbatim locator in each source.
Every claim they make is recomputed from those numbers and graded reproduced, tension (only a stated reasonable reading reconciles it), discrepancy or unverifiable.</p></header>
<main>
{overview_link}
{failed_html}
<h2>Coverage: county by domain</h2>
<p>Each cell links to the notebook page for that county and domain, or says why there is none.</p>
<table><thead><tr><th scope="col">county</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>
<h2>The findings ledger</h2>
<p>{grade_counts_sentence(ledger)}</p>
{jump}
<div class="wide"><table><thead><tr><th scope="col">finding</th><th scope="col">county</th><th scope="col">claim (as the report wrote it)</th><th scope="col">claimed</th>
<th scope="col">recomputed</th><th scope="col">status</th><th scope="col">checks</th><th scope="col">note</th><th scope="col">citation</th></tr></thead>
<tbody>{''.join(ledger_rows)}</tbody></table></div>
</main>
<footer><p>Sources: {''.join(f'<code>{escape(s.source)}</code> {zh_spans(s.title_zh)} ({escape(s.file)}); ' for s in tables.sources.itertuples())}</p></footer>
</body></html>
"""
    write_text_atomic(out, page)
