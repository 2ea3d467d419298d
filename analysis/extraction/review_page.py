"""The review page of a new report: its text with each proposed number and claim marked, and the audit's verdict.

Written beside the review files (review/<source>.html) and read from disk (file://): no script, one stylesheet
beside it (review/review.css; the policy allows no inline style). The text comes from the open web, so every
character of it, and of every cell shown, is escaped; the page carries the site's Content-Security-Policy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from html import escape
from pathlib import Path

import pandas as pd

from analysis.outputs import write_text_atomic
from analysis.site.assets import CSP_META

STYLESHEET = "review.css"
# Of a text's Han characters, the share t2s changes: whole traditional texts run 0.35-0.38 (single lines 0.2-0.5),
# simplified ones 0 (a quoted traditional word or two stays far below)
TRADITIONAL_SHARE = 0.2
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
GRADES = ("reproduced", "tension", "discrepancy", "unverifiable")

CSS = """/* The review page of add-source (analysis/extraction/review_page.py). */
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 1.5em auto; max-width: 60em; padding: 0 1em; line-height: 1.7; color: #1a1a1a; }
html:lang(zh-Hant) body { font-family: "Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif; }
h1 { font-size: 1.3em; } .summary, .legend { font-size: 0.9em; }
.line { display: grid; grid-template-columns: 3.5em 1fr; gap: 0 0.8em; padding: 0.2em 0; border-bottom: 1px solid #eee; }
.line:target { background: #fff3c4; }
.lineno { color: #595959; text-align: right; font-variant-numeric: tabular-nums; }
.claims { grid-column: 2; margin: 0.2em 0 0.4em; padding: 0; list-style: none; font-size: 0.88em; }
.claims li { margin: 0.15em 0; padding: 0.1em 0.4em; border-left: 4px solid #999; }
.claims li:target { background: #fff3c4; }
mark.num { background: #ffe58a; padding: 0 0.1em; }
mark.num:target { outline: 3px solid #b8860b; }
mark.claim { background: #cfe3ff; border-bottom: 2px solid #1f4e99; }
.not-data { color: #595959; background: #f2f2f2; border-bottom: 1px dashed #8c8c8c; }
.not-data .why, .grade { font-size: 0.72em; padding: 0 0.3em; border-radius: 3px; margin-left: 0.15em;
                         font-family: sans-serif; white-space: nowrap; text-decoration: none; display: inline-block; }
.not-data .why { background: #ececec; color: #444; }
.grade { color: #fff; background: #595959; }
.grade.reproduced { background: #1b6e2f; } .grade.tension { background: #8a5a00; }
.grade.discrepancy { background: #a4161a; } .grade.unverifiable { background: #595959; }
.claims li.reproduced { border-color: #1b6e2f; } .claims li.tension { border-color: #8a5a00; }
.claims li.discrepancy { border-color: #a4161a; }
.note { color: #333; }
.place { font-size: 0.72em; padding: 0 0.3em; margin-left: 0.15em; border-radius: 3px; background: #e3ecf7; color: #1a1a1a;
         border: 1px solid #9db3d1; white-space: nowrap; text-decoration: none; display: inline-block; }
.place.new { background: #fde7cf; border-color: #c98a3c; }
.places { font-size: 0.88em; border-collapse: collapse; margin: 0.5em 0; }
.places th, .places td { border: 1px solid #ccc; padding: 0.15em 0.5em; text-align: left; vertical-align: top; }
code { font-size: 0.9em; }
@media print { .line { break-inside: avoid; } }
"""


def text_language(text: str) -> str:
    """"zh-Hant" when ``text`` is written in traditional characters (OpenCC's t2s changes a good share of its Han
    characters), else "zh-Hans".

    >>> text_language("本鎮下放的401項管理權限"), text_language("本镇下放的401项管理权限"), text_language("2023")
    ('zh-Hant', 'zh-Hans', 'zh-Hans')
    """
    from opencc import OpenCC

    counts = Counter(HAN.findall(text))
    if not counts:
        return "zh-Hans"
    t2s = OpenCC("t2s")
    changed = sum(n for char, n in counts.items() if t2s.convert(char) != char)
    return "zh-Hant" if changed >= TRADITIONAL_SHARE * sum(counts.values()) else "zh-Hans"


def _e(value) -> str:
    return escape("" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value), quote=True)


def _line_offsets(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def review_page(text: str, proposed, source: str, county: str, lines: tuple[int, int] | None = None,
                review_files: tuple[str, ...] = ("", "")) -> str:
    """The page's HTML: ``proposed`` is :class:`analysis.extraction.onboarding.Proposals` of ``text``.

    Each line of the part, numbered; each proposed number marked (its fact id, value, unit, measure and place in its
    title), the place beside it when the text names it (new places set apart), a claimed number marked with its grade
    beside it, and under the line each claim proposed there with its rule, inputs, grade, reading and note (which
    gives the recomputed value); numbers that are not data set apart in grey with their reason. Above the text, the
    places the numbers are filed under other than ``county``, with what accept does with each.
    """
    language = text_language(text)
    all_lines = text.split("\n")
    first, last = lines or (1, len(text.splitlines()))  # a final newline ends the last line; it does not start another
    starts = _line_offsets(text)
    facts_at = {(f["start"], f["end"]): f for f in proposed.facts}
    claims_at: dict[tuple[int, int], list[dict]] = defaultdict(list)
    claims_on: dict[int, list[dict]] = defaultdict(list)
    for f in proposed.findings:
        claims_at[(f["claim_start"], f["claim_end"])].append(f)
        claims_on[int(f["line"])].append(f)
    spans_on: dict[int, list[tuple[int, int, str, object]]] = defaultdict(list)  # line -> (start, end, kind, what)
    for n in proposed.numbers.itertuples():
        kind = "not-data" if n.skipped else "num"
        spans_on[int(n.line)].append((int(n.start), int(n.end), kind, n.skipped if n.skipped else facts_at.get((n.start, n.end))))
    numbered = {(s, e) for spans in spans_on.values() for s, e, _, _ in spans}
    for (s, e), claims in claims_at.items():  # a claim on no proposed number (a finder's own span): marked alone
        if (s, e) not in numbered:
            spans_on[claims[0]["line"]].append((s, e, "claim", None))
    places = {p["county"]: p for p in getattr(proposed, "places", [])}
    rows = []
    for number in range(first, min(last, len(all_lines)) + 1):
        offset = starts[number - 1]
        line = all_lines[number - 1]
        marked = _marked(line, offset, sorted(spans_on.get(number, []), key=lambda s: (s[0], -s[1])), claims_at, places)
        listed = "".join(_claim_item(f, facts_at, language) for f in claims_on.get(number, []))
        rows.append(f'<div class="line" id="L{number}"><span class="lineno">{number}</span><span class="text">{marked}</span>'
                    + (f'<ul class="claims" lang="en">{listed}</ul>' if listed else "") + "</div>")
    return _page(source, county, language, proposed, (first, last), review_files, "\n".join(rows))


def _marked(line: str, offset: int, spans, claims_at, places: dict[str, dict] | None = None) -> str:
    out, at = [], 0
    for start, end, kind, what in spans:
        s, e = start - offset, min(end - offset, len(line))  # a span runs to the end of its line at most
        if s < at or s >= e:
            continue  # overlapping an earlier mark: the first one wins
        out.append(_e(line[at:s]))
        written = _e(line[s:e])
        claims = claims_at.get((start, end), [])
        if kind == "not-data":
            out.append(f'<span class="not-data" title="not data: {_e(what)}">{written}'
                       f'<span class="why" lang="en">{_e(what)}</span></span>')
        else:
            fact = what or {}
            classes = "num claim" if claims else "num"
            title = (f"{fact.get('fact_id', '')}: {fact.get('value') or fact.get('low', '')} {fact.get('unit', '')}; "
                     f"measure {fact.get('measure') or '(none suggested)'}; place {fact.get('county', '')}") if fact else "claimed number"
            ident = f' id="{_e(fact["fact_id"])}"' if fact else ""
            out.append(f'<mark class="{classes}"{ident} title="{_e(title)}">{written}</mark>')
            if fact and fact.get("place_from"):
                out.append(_place_tag(fact, (places or {}).get(fact.get("county", ""))))
            out.extend(f'<a class="grade {_e(c["status"])}" href="#{_e(c["finding_id"])}" lang="en" '
                       f'title="{_e(c["rule"])}: {_e(c["status"])}">{_e(c["status"])}</a>' for c in claims)
        at = e
    out.append(_e(line[at:]))
    return "".join(out)


def _place_tag(fact: dict, place: dict | None) -> str:
    """The place a number is filed under, beside it: its id and name (a new place set apart), how it was read in its title."""
    new = place is not None and place.get("action") == "add row"
    name = f" {place['name_zh']}" if place and place.get("name_zh") else ""
    return (f'<span class="place{" new" if new else ""}" title="{_e(fact["place_from"])}">→ <code lang="en">'
            f'{_e(fact["county"])}</code>{_e(name)}{" (new)" if new else ""}</span>')


def _places_table(places: list[dict], county: str, language: str) -> str:
    if not places:
        return (f'<p class="summary">Every number is filed under the county given, <code>{_e(county)}</code>: the text names '
                "no other place for any of them.</p>")
    head = "".join(f"<th>{h}</th>" for h in ("place", "name", "level", "accept will", "numbers", "lines", "read from", "check"))
    body = "".join(
        f'<tr><td><code>{_e(p["county"])}</code></td><td lang="{language}">{_e(p["name_zh"])}</td><td>{_e(p["level"])}</td>'
        f'<td>{_e({"add row": "add this row to counties.csv", "add source": "add the source to its sources"}.get(p["action"], "nothing"))}</td>'
        f'<td>{_e(p["numbers"])}</td><td>{_e(p["lines"])}</td><td lang="{language}">{_e(p["read_from"])}</td><td>{_e(p["note"])}</td></tr>'
        for p in places)
    return (f'<p class="summary">Numbers filed under a place other than the county given (<code>{_e(county)}</code>); accept '
            f'writes a place only with an accepted row filed under it:</p><table class="places"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _claim_item(f: dict, facts_at: dict, language: str) -> str:
    inputs, unbound = [], iter(f.get("unbound", []))
    for span in f.get("input_spans", []):
        fact = facts_at.get(tuple(span))
        inputs.append(f'<a href="#{_e(fact["fact_id"])}" lang="{language}">{_e(fact["as_written"])}</a>' if fact
                      else f'<span lang="{language}">{_e(next(unbound, ""))}</span> (?)')
    if f.get("items"):
        inputs.append(f'the list <span lang="{language}">{_e(f["items"])}</span>')
    reading = f"; reading: {_e(f['reading'])}" if f.get("reading") else ""
    return (f'<li class="{_e(f["status"])}" id="{_e(f["finding_id"])}"><span class="grade {_e(f["status"])}">{_e(f["status"])}</span> '
            f'<code>{_e(f["finding_id"])}</code> {_e(f["rule"])}: <span lang="{language}">{_e(f["claimed"])}</span>'
            f' from {", ".join(inputs) or "no inputs"}{reading}. <span class="note">{_e(f["note"])}</span></li>')


def _page(source: str, county: str, language: str, proposed, lines: tuple[int, int], review_files, body: str) -> str:
    grades = Counter(f["status"] for f in proposed.findings)
    skipped = int((proposed.numbers["skipped"] != "").sum())
    order = [*GRADES, *sorted(set(grades) - set(GRADES))]
    counted = ", ".join(f'<span class="grade {_e(g)}">{grades[g]} {_e(g)}</span>' for g in order if grades[g]) or "none"
    files = " and ".join(f"<code>{_e(name)}</code>" for name in review_files[:2] if name)
    places_file = f" (the places file, <code>{_e(review_files[2])}</code>, holds their rows: edit a new one there before accepting)" \
        if len(review_files) > 2 and review_files[2] else ""
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8">{CSP_META}
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>Review of {_e(source)} ({_e(county)})</title><link rel="stylesheet" href="{STYLESHEET}"></head>
<body>
<header lang="en"><h1>Review of source <code>{_e(source)}</code>, county <code>{_e(county)}</code>, lines {lines[0]}-{lines[1]}</h1>
<p class="summary">{len(proposed.facts)} numbers proposed as facts; {skipped} numbers set apart as not data;
{len(proposed.findings)} claims proposed: {counted}.</p>
<p class="legend">A proposed number is <mark class="num">marked</mark> (hover for its fact id, value and suggested measure); a claimed
number is <mark class="num claim">marked</mark> with the audit's grade beside it, computed on the proposed numbers alone, and
its rule, inputs, reading and note are listed under its line. Numbers read as not data are
<span class="not-data">set apart in grey<span class="why">with the reason</span></span>. Nothing here is in the tables yet: mark the rows
you checked accept=yes in {files or "the review files"} and run <code>python -m analysis accept</code>.
A number whose clause or sentence names its place has that place <span class="place">→ beside it</span> (hover for the words
it was read from; <span class="place new">new</span> places are proposed as new rows); any other number is filed under the
county given, <code>{_e(county)}</code>. Change a number's place in the facts file's column <code>county</code>{places_file}.</p>
{_places_table(getattr(proposed, "places", []), county, language)}</header>
<main class="review-text">
{body}
</main>
</body></html>
"""


def write_review_page(path: Path, text: str, proposed, source: str, county: str, lines: tuple[int, int] | None = None,
                      review_files: tuple[str, ...] = ("", "")) -> Path:
    """Write the review page to ``path`` and its stylesheet beside it (unless it holds this one already); returns ``path``."""
    path = Path(path)
    css = path.parent / STYLESHEET
    if not css.is_file() or css.read_text(encoding="utf-8") != CSS:
        write_text_atomic(css, CSS)
    write_text_atomic(path, review_page(text, proposed, source, county, lines, review_files))
    return path
