"""Onboard a report: its sources.csv and counties.csv rows, and candidate rows in a review file a person accepts.

The review is the facts and findings files, the places file and a page (review/<source>.html) showing the text with
each proposed number, its place and each claim marked; each proposed finding carries the audit's verdict on the
proposed facts. Each number is filed under the place its clause or sentence names (全国, 本县, 新竹縣:
:mod:`analysis.extraction.places`), else under the county given; the places file (<source>.places.csv) lists every
place a number is filed under that is not the county given: a new counties.csv row, or a known one whose ``sources``
gain the source. Accept writes a place with the first accepted row filed under it, never before.

Nothing enters the fact or finding tables without a person's "yes" on the row; every write is
validated first on a scratch copy of the tables and then made all at once, or not at all, under the
data folder's lock (:mod:`analysis.writing`). The report must lie in the reports folder: the site
publishes what the tables point at.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims
from analysis.extraction.measures import SAME_UNIT, MeasureSuggester
from analysis.extraction.other_wholes import other_wholes
from analysis.extraction.places import PLACE_COLUMNS, Given, read_places
from analysis.extraction.review import UNBOUND, VERDICT_COLUMNS, grade_proposals
from analysis.extraction.review_page import write_review_page
from analysis.extraction.text import read_report
from analysis.outputs import write_text_atomic
from analysis.paths import path_inside
from analysis.schemas import COLUMNS, PLACEHOLDERS
from analysis.tables import DataError, load_tables, reload_tables
from analysis.writing import append_rows, commit_tables, csv_rows, data_lock, set_cells

# place_from: the words the number's place was read from, with what to check ("" when the text names none: the
# county given)
REVIEW_COLUMNS = ["accept", *COLUMNS["facts"], "line", "confidence", "place_from"]
# A place a proposed number is filed under, other than the county given: its counties.csv row (edit it before
# accepting: name_en, level, parent ...), what accept does with it, and how many numbers, on which lines, from which
# words. A row is written (or its sources gain the source) only when an accepted row is filed under it.
PLACE_REVIEW_COLUMNS = [*PLACE_COLUMNS, "action", "numbers", "lines", "read_from", "note"]
ADD_ROW, ADD_SOURCE, NOTHING = "add row", "add source", "none"
# A proposed finding's row: the ledger's columns, the audit's verdict on the proposed facts (status, reading,
# recomputed, note: not copied into the tables, the audit gives them again), and finding_note, which becomes the
# finding's note in data/findings.csv. other_wholes: a share's totals its paragraph states (fact ids), which the
# verdict read it against; accept writes a data/readings.csv row for each (delete one a person does not hold).
FINDING_REVIEW_COLUMNS = ["accept", *(c for c in COLUMNS["findings"] if c != "note"), *VERDICT_COLUMNS, "finding_note",
                          "line", "proposed_inputs", "other_wholes", "items", "count_by"]


@dataclass
class Proposals:
    """What add-source proposes for a report's lines: candidate fact rows, candidate finding rows with the audit's
    verdict, and every number read (find_numbers with keep_skipped: the not-data ones with their reason)."""

    facts: list[dict]
    findings: list[dict]
    numbers: pd.DataFrame
    places: list[dict] = field(default_factory=list)  # rows of the places review file


def _period(year) -> str:
    """The year a number belongs to, as the extractor read it from its context (107年度: 2018), or ""."""
    if year is None or (isinstance(year, float) and pd.isna(year)):
        return ""
    if isinstance(year, float) and year.is_integer():
        return str(int(year))
    return str(year)  # "2018", or a span such as "2014-2018"


def _number(x) -> str:
    if x is None or pd.isna(x):
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def add_source(path: Path, county: str, data_dir: Path, review_dir: Path, lines: tuple[int, int] | None = None,
               source: str | None = None, title_zh: str = "", title_en: str = "", issuer: str = "",
               place: tuple[str, str, str] | None = None, reports_dir: Path | None = None, force: bool = False,
               date: str = "") -> dict:
    """Register a report and write its candidate rows for review; returns what was written.

    ``place`` is (name_zh, name_en, level) when ``county`` is new. ``path`` must lie in ``reports_dir`` (default:
    REPORTS_DIR or ../shared/reports). Everything is read and proposed before anything is written; the tables
    are then written all together, and the review files after them. A run stopped in between is simply run
    again: a source registered by an earlier run of the same text gets its review files. Review files that
    exist are kept unless ``force``.
    """
    from analysis.paths import reports_dir as default_reports_dir

    folder = reports_dir or default_reports_dir()
    if folder is None:
        raise ValueError("no reports folder (../shared/reports, REPORTS_DIR or --reports-dir): put the text there first")
    path = path_inside(folder, path)
    text, encoding = read_report(path)
    all_lines = text.splitlines()  # a final newline ends the last line; it does not start another
    start, end = lines or (1, len(all_lines))
    if end > len(all_lines):
        raise ValueError(f"--lines {start}-{end}: {path.name} has {len(all_lines)} lines")
    relative = path.relative_to(Path(folder).resolve()).as_posix()
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    source = source or "s" + re.sub(r"[^a-z0-9]+", "_", path.stem.lower()).strip("_")[:20]
    facts_file, findings_file = Path(review_dir) / f"{source}.facts.csv", Path(review_dir) / f"{source}.findings.csv"
    places_file = places_file_of(review_dir, source)
    with data_lock(data_dir):
        tables = load_tables(data_dir)
        known = tables.sources[tables.sources["source"] == source]
        again = not known.empty and (known.iloc[0]["file"], known.iloc[0]["sha256"], int(known.iloc[0]["line_start"]),
                                     int(known.iloc[0]["line_end"])) == (relative, sha256, start, end)
        if not known.empty and not again:
            raise ValueError(f"source {source!r} is already in data/sources.csv (another file or lines); give another --source")
        existing = [str(f) for f in (facts_file, findings_file) if f.exists()]
        if existing and not force:
            raise ValueError(f"{' and '.join(existing)} exist (a review under way?); they are kept: "
                             "accept what was reviewed, or rerun with --force to propose the rows again")
        changes = {}
        if not again:
            title = next((line.strip() for line in all_lines[start - 1:end] if line.strip()), "")[:80]
            changes["sources"] = append_rows(Path(data_dir) / "sources.csv", COLUMNS["sources"], [{
                "source": source, "file": relative, "part": "", "line_start": start, "line_end": end,
                "title_zh": title_zh or title, "title_en": title_en or PLACEHOLDERS["title_en"],
                "issuer": issuer or PLACEHOLDERS["issuer"], "place": place[0] if place else "",
                "date": date or PLACEHOLDERS["date"], "sha256": sha256,
                "notes": f"added with add-source ({encoding.upper()})"}])
        spoken = dict(zip(tables.counties["county"], tables.counties["sources"]))
        if county in spoken and source not in spoken[county].split():  # the county now speaks of this source too
            changes["counties"] = set_cells(Path(data_dir) / "counties.csv", "county", county,
                                            {"sources": f"{spoken[county]} {source}".strip()})
        if county not in spoken:
            if not place:
                raise ValueError(f"county {county!r} is new: give --name-zh, --name-en and --level")
            changes["counties"] = append_rows(Path(data_dir) / "counties.csv", COLUMNS["counties"], [{
                "county": county, "name_zh": place[0], "name_en": place[1], "level": place[2], "parent": "", "province": "",
                "gb_code": "", "anonymised": "false", "sources": source}])
        proposed = propose(text, (start, end), county, source, tables, findings_file.name,  # before any write: Ctrl-C here
                           place=place)                                                   # leaves all as it was
        if changes:
            commit_tables(data_dir, changes)
    review_dir = Path(review_dir)
    review_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomic(facts_file, csv_rows(REVIEW_COLUMNS, proposed.facts))
    write_text_atomic(findings_file, csv_rows(FINDING_REVIEW_COLUMNS, proposed.findings))
    write_text_atomic(places_file, csv_rows(PLACE_REVIEW_COLUMNS, proposed.places))
    page = write_review_page(review_dir / f"{source}.html", text, proposed, source=source, county=county, lines=(start, end),
                             review_files=(facts_file.name, findings_file.name, places_file.name))
    reload_tables(data_dir)
    return {"source": source, "encoding": encoding, "facts": len(proposed.facts), "findings": len(proposed.findings),
            "review": [facts_file, findings_file, page], "places": places_file,
            "new_places": sum(p["action"] == ADD_ROW for p in proposed.places),
            "new_county": county not in spoken, "again": again}


def places_file_of(review_dir: Path, source: str) -> Path:
    """The places review file of a source, beside its facts and findings review files."""
    return Path(review_dir) / f"{source}.places.csv"


def propose(text: str, lines: tuple[int, int] | None, county: str, source: str, tables, label: str = "findings",
            place: tuple[str, str, str] | None = None) -> Proposals:
    """The candidate fact and finding rows of a report's lines, for a person to review, each finding graded by the
    audit on the proposed facts (:mod:`analysis.extraction.review`); nothing is written.

    ``tables`` gives the vocabularies, the known places and the known facts the measure suggestions learn from;
    ``label`` names the findings review file in the reasons of a refused proposal; ``place`` is (name_zh, name_en,
    level) of a ``county`` not in the tables yet. Each fact is filed under the place its words name
    (:func:`analysis.extraction.places.read_places`), else under ``county``; a finding under its claimed fact's place.
    Rows carry the offsets of their numbers in ``text`` (``start``/``end``, ``claim_start``/``claim_end``,
    ``input_spans``) for the review page; the review files keep only their columns.
    """
    numbers = find_numbers(text, lines, keep_skipped=True)
    candidates = numbers[numbers["skipped"] == ""].drop(columns="skipped").reset_index(drop=True)
    suggester = MeasureSuggester(tables.measures, tables.facts)
    domains = dict(zip(tables.measures["measure"], tables.measures["domain"]))
    facts, seen = [], {}
    taken = {*tables.facts["fact_id"], *tables.lists["list_id"], *tables.findings["finding_id"], *tables.checks["finding_id"]}

    def new_id(stem: str) -> str:  # a county already in data/ has ids of this stem: number past them
        seen[stem] = seen.get(stem, 0) + 1
        while f"{stem}_{seen[stem]}" in taken:
            seen[stem] += 1
        return f"{stem}_{seen[stem]}"

    read = read_places(text, list(zip(candidates["start"], candidates["end"])), _given(county, tables, place), tables.counties)
    for c, where in zip(candidates.itertuples(), read.readings):
        measure, confidence = suggester.suggest_at(text, c.start, c.end, c.unit)
        facts.append({"accept": "", "fact_id": new_id(f"{where.county}_{measure or 'number'}"), "county": where.county,
                      "entity": (getattr(c, "entity", "") or "(to review)"),
                      "domain": domains.get(measure, "context"), "measure": measure,
                      "period": _period(getattr(c, "period", "")), "as_written": c.as_written,
                      "value": _number(c.value), "low": _number(c.low), "high": _number(c.high), "qualifier": c.qualifier,
                      "unit": suggester.unit_of[measure] if measure else SAME_UNIT.get(c.unit, c.unit),  # 36位: 名
                      "source": source, "locator": c.locator, "note": "" if c.locator_unique else "locator not unique: lengthen it",
                      "line": c.line, "confidence": confidence, "start": c.start, "end": c.end,
                      "place_from": "; ".join(filter(None, [where.read_from, where.flag]))})
    by_span = {(f["start"], f["end"]): f["fact_id"] for f in facts}
    county_of = {f["fact_id"]: f["county"] for f in facts}
    fact_at = {(f["start"], f["end"]): f for f in facts}
    findings = []
    for p in find_claims(text, candidates).itertuples():
        line_start = text.rfind("\n", 0, p.claim_start) + 1
        # the claim's words may be no number (居第3名): the fact it judges is then the amount at fact_span
        claim_fact = by_span.get(tuple(p.fact_span) if p.fact_span else (p.claim_start, p.claim_end), "")
        spans = [tuple(span) for span in p.input_spans]
        if p.form == "structure":  # 三次产业结构为9.2:51:39.8: each term a share in % (a claim, or a change's input)
            for span in [(p.claim_start, p.claim_end), *spans]:
                if span in fact_at and not fact_at[span]["unit"]:
                    fact_at[span]["unit"] = "%"
        where = county_of.get(claim_fact, county)
        bound = [by_span.get(span, UNBOUND) for span in spans]
        # a share's other wholes: totals its paragraph states, for the audit's other_whole reading when it fails
        wholes = other_wholes(text, facts, *bound, p.claim_start) if p.rule == "share" and len(bound) == 2 else []
        findings.append({"accept": "", "finding_id": new_id(f"{where}_{p.rule}"), "county": where,
                         "domain": next((f["domain"] for f in facts if f["fact_id"] == claim_fact), "context"),
                         "claim": text[max(line_start, p.claim_start - 24):p.claim_end], "claimed": p.claimed,
                         "claim_fact": claim_fact, "rule": p.rule, "source": source,
                         "inputs": " ".join(bound), "other_wholes": " ".join(wholes),
                         "finding_note": f"proposed: {p.pattern}" + (f"; list to add to lists.csv: {p.items}" if p.items else ""),
                         "line": p.line, "proposed_inputs": p.inputs, "items": p.items,
                         "count_by": getattr(p, "count_by", "") or "",
                         "unbound": [text[s:e] for s, e in spans if (s, e) not in by_span],
                         "claim_start": p.claim_start, "claim_end": p.claim_end, "input_spans": spans,
                         "fact_span": tuple(p.fact_span) if p.fact_span else None})
    return Proposals(facts, grade_proposals(facts, findings, tables, label), numbers, _place_rows(read.places, facts, source))


def _given(county: str, tables, place: tuple[str, str, str] | None) -> Given:
    """The county given, as counties.csv has it, else as add-source's --name-zh, --name-en and --level say."""
    known = tables.counties[tables.counties["county"] == county]
    if not known.empty:
        row = known.iloc[0]
        return Given(county, row["name_zh"], row["level"], row["parent"], row["province"], row["name_en"])
    name_zh, name_en, level = place or ("", "", "")
    return Given(county, name_zh or "", level or "", name_en=name_en or "")


def _place_rows(places: dict[str, dict], facts: list[dict], source: str) -> list[dict]:
    """The places review file's rows: each place a proposed number is filed under, other than the county given."""
    rows = []
    for county, place in places.items():
        if not place["known"]:
            action = ADD_ROW
        else:
            action = NOTHING if source in place["sources"].split() else ADD_SOURCE
        lines = sorted({int(f["line"]) for f in facts if f["county"] == county})
        rows.append({**{c: place[c] for c in PLACE_COLUMNS}, "action": action, "numbers": place["numbers"],
                     "lines": " ".join(map(str, lines)), "read_from": " ".join(place["read_from"]),
                     "note": "; ".join(place["flags"])})
    return rows


def accept(review_file: Path, data_dir: Path, reports_dir: Path | None = None, say=None) -> int:
    """Move the rows a person marked accept=yes from a review file into data/; returns how many.

    Each accepted row is checked first: its county must be one that its source speaks of (counties.csv's
    ``sources``), and a fact's locator must stand verbatim in its source's lines (read from ``reports_dir``,
    default REPORTS_DIR or ../shared/reports). Errors name the review file's row. A finding's note in data/ is
    its ``finding_note``; the review's ``status``, ``reading``, ``recomputed`` and ``note`` are the audit's verdict.
    An accepted share's ``other_wholes`` become data/readings.csv rows (:func:`_other_whole_readings`), so the audit
    grades it after accept as the review did; ``say`` (e.g. print) is told what was written and what was not.
    """
    say = say or (lambda _: None)
    review_file = Path(review_file)
    if not review_file.is_file():
        raise ValueError(f"{review_file}: no such file")
    review = pd.read_csv(review_file, dtype=str, keep_default_na=False)
    review.index = range(2, len(review) + 2)  # row numbers of the file (row 1 is the header)
    if "accept" not in review:
        raise ValueError(f"{review_file}: not a review file (no 'accept' column)")
    unknown = sorted(set(review["accept"].str.strip().str.lower()) - {"", "yes", "no"})
    if unknown:
        raise ValueError(f"{review_file}, column 'accept': {', '.join(map(repr, unknown))}; write yes, no, or leave it empty")
    table = "facts" if "fact_id" in review else "findings"
    if table == "findings" and "finding_note" in review:  # its note is the audit's verdict, which the audit gives again
        review["note"] = review["finding_note"]
    chosen = review[review["accept"].str.strip().str.lower() == "yes"]
    missing = [c for c in COLUMNS[table] if c not in review]
    if missing:
        raise ValueError(f"{review_file}, row 1: missing column(s) {', '.join(missing)}")
    if chosen.empty:
        return 0
    with data_lock(data_dir):  # read, check and write as one step: two accepts at once must not lose a row
        tables = load_tables(data_dir)
        if table == "facts":
            chosen = _in_measure_units(chosen, tables, review_file, say)
        sources = _sources_of(chosen, tables)
        offered, problems = _offered_places(Path(review_file).parent, set(sources.values()))
        problems += _accept_problems(review_file, chosen, table, tables, reports_dir, sources, offered)
        if problems:
            raise DataError(problems)
        target = Path(data_dir) / f"{table}.csv"
        counties_file = Path(data_dir) / "counties.csv"
        readings_file = Path(data_dir) / "readings.csv"
        before = {target: _rows_in(target), counties_file: _rows_in(counties_file), readings_file: _rows_in(readings_file)}
        rows = chosen[COLUMNS[table]].to_dict("records")
        changes = {table: append_rows(target, COLUMNS[table], rows)}
        readings, read_from, told = _other_whole_readings(review_file, chosen, tables) if table == "findings" else ([], [], [])
        if readings:
            changes["readings"] = append_rows(readings_file, COLUMNS["readings"], readings)
        counties, new_places = _place_changes(counties_file, chosen, sources, offered, tables)
        if counties is not None:
            changes["counties"] = counties
        origins = {target: [(review_file, n) for n in chosen.index], counties_file: new_places, readings_file: read_from}
        try:
            commit_tables(Path(data_dir), changes)
        except DataError as err:  # name the review files' rows, not rows of data/ that do not exist yet
            raise DataError([_review_row(problem, before, origins) for problem in err.problems]) from None
    reload_tables(data_dir)
    if readings:
        say(f"accept: {len(readings)} reading(s) added to {Path(data_dir).name}/readings.csv: "
            + ", ".join(r["reading_id"] for r in readings))
    for line in told:
        say(line)
    return len(rows)


def _in_measure_units(chosen: pd.DataFrame, tables, review_file: Path, say) -> pd.DataFrame:
    """Facts whose unit names the same thing as their measure's unit (名 and 人 both count persons:
    measures.SAME_UNIT) take the measure's own unit, which data/measures.csv fixes for the ledger's sums; add-source
    suggests the folded unit (名), and a person accepting a suggestion unchanged is not refused for it. Other units
    are left for the tables' check to refuse."""
    units = dict(zip(tables.measures["measure"], tables.measures["unit"]))
    chosen = chosen.copy()
    for n, row in chosen.iterrows():
        own = units.get(row["measure"])
        if own and row["unit"] != own and SAME_UNIT.get(row["unit"], row["unit"]) == SAME_UNIT.get(own, own):
            say(f"accept: {review_file}, row {n}: unit {row['unit']} written as {own}, the unit of {row['measure']} "
                "in measures.csv (both count the same thing)")
            chosen.loc[n, "unit"] = own
    return chosen


def _other_whole_readings(review_file: Path, chosen: pd.DataFrame, tables) -> tuple[list[dict], list[tuple[Path, int]], list[str]]:
    """data/readings.csv rows for the accepted shares' ``other_wholes`` (the review file's column): one share reading of
    the part over each total, which the audit reads first (the ledger's findings carry no such column); the review row
    each came from; and a line for each total not written, its fact not in data/facts.csv (not accepted)."""
    if "other_wholes" not in chosen:
        return [], [], []
    facts = dict(zip(tables.facts["fact_id"], tables.facts["value"]))
    rows, origins, told = [], [], []
    for n, row in chosen.iterrows():
        wholes = row["other_wholes"].split()
        inputs = row["inputs"].split()
        if not wholes:
            continue
        if row["rule"] != "share" or len(inputs) != 2:
            told.append(f"accept: {review_file}, row {n}, column 'other_wholes': no reading written, the finding is no "
                        "share of two inputs (rule, inputs)")
            continue
        for whole in wholes:
            if whole not in facts:
                told.append(f"accept: {review_file}, row {n}, column 'other_wholes': no reading of {whole}: that fact is "
                            "not in data/facts.csv (accept it first, then write the reading into data/readings.csv)")
                continue
            rows.append({"reading_id": f"{row['finding_id']}_of_{whole}", "finding_id": row["finding_id"],
                         "label": f"a share of the total {whole}{_value_shown(facts[whole])}, which the paragraph states",
                         "rule": "share", "inputs": f"{inputs[0]} {whole}", "claimed": "", "take": "all",
                         "why": "proposed by add-source (other_wholes): the paragraph states this total besides the "
                                "literal whole, and the claim may be a share of it"})
            origins.append((review_file, n))
    return rows, origins, told


def _value_shown(value) -> str:
    """ " (132)": a fact's value beside its id in a label (the label stays in English: no unit), or "" (a range)."""
    return "" if pd.isna(value) else f" ({float(value):g})"


def _rows_in(path: Path) -> int:
    import csv

    with open(path, encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.reader(f))


def _review_row(problem: str, before: dict[Path, int], origins: dict[Path, list[tuple[Path, int]]]) -> str:
    """``data/facts.csv, row N`` (or counties.csv) of an appended row, said as the review file's row it came from; a
    reading written from a share's other wholes by its column there."""
    for target, rows in origins.items():
        found = re.match(rf"(?:data/)?{re.escape(target.name)}, row (\d+)", problem)
        if found and int(found.group(1)) > before[target]:
            file, row = rows[int(found.group(1)) - before[target] - 1]
            rest = problem[found.end():]
            if target.name == "readings.csv":
                rest = re.sub(r"^, columns? '?[\w/]+'?", ", column 'other_wholes' (the data/readings.csv row written from it)", rest)
            return f"{file}, row {row}" + rest
    return problem


def _sources_of(chosen: pd.DataFrame, tables) -> dict[int, str]:
    """The source of each chosen row: a fact's own, a finding's claimed fact's ("" when neither says)."""
    fact_sources = dict(zip(tables.facts["fact_id"], tables.facts["source"]))
    return {n: (row.get("source", "") or fact_sources.get(row.get("claim_fact", ""), "")) for n, row in chosen.iterrows()}


def _offered_places(review_dir: Path, sources: set[str]) -> tuple[dict[str, dict[str, tuple[Path, int, dict]]], list[str]]:
    """The rows of each source's places review file: {source: {county: (file, row number, row)}}, and what is wrong
    with a file (a missing column, an id twice)."""
    offered, problems = {}, []
    for source in sorted(filter(None, sources)):
        path = places_file_of(review_dir, source)
        if not path.is_file():
            continue
        places = pd.read_csv(path, dtype=str, keep_default_na=False)
        places.index = range(2, len(places) + 2)
        missing = [c for c in PLACE_COLUMNS if c not in places]
        if missing:
            problems.append(f"{path}, row 1: missing column(s) {', '.join(missing)}")
            continue
        rows: dict[str, tuple[Path, int, dict]] = {}
        for n, row in places.iterrows():
            county = row["county"].strip()
            if county in rows:
                problems.append(f"{path}, row {n}, column 'county': {county!r} is also row {rows[county][1]}")
            rows[county] = (path, n, {c: row[c].strip() for c in PLACE_COLUMNS})
        offered[source] = rows
    return offered, problems


def _place_changes(counties_file: Path, chosen: pd.DataFrame, sources: dict[int, str], offered, tables
                   ) -> tuple[str | None, list[tuple[Path, int]]]:
    """counties.csv's new text for the chosen rows (None when it stays): each place an accepted row is filed under
    gets the row's source in its ``sources``, a new one its row from the places review file; and the review rows of
    the new places, in the order they are appended."""
    spoken = {county: cell.split() for county, cell in zip(tables.counties["county"], tables.counties["sources"])}
    text, new = None, {}
    for n, row in chosen.iterrows():
        county, source = row["county"], sources[n]
        if county in spoken:
            if source and source not in spoken[county]:
                spoken[county].append(source)
                text = set_cells(counties_file, "county", county, {"sources": " ".join(spoken[county])}, text)
            continue
        path, row_number, place = offered[source][county]
        entry = new.setdefault(county, (place, [], (path, row_number)))
        if source not in entry[1]:
            entry[1].append(source)
    if new:
        rows = [{**place, "sources": " ".join(cited)} for place, cited, _ in new.values()]
        text = append_rows(counties_file, COLUMNS["counties"], rows, text)
    return text, [origin for _, _, origin in new.values()]


def _accept_problems(review_file: Path, chosen: pd.DataFrame, table: str, tables, reports_dir: Path | None,
                     sources: dict[int, str], offered: dict) -> list[str]:
    """What is wrong with the chosen rows before they are validated with the tables: county and locator.

    A row's county must be a place its source speaks of: one whose ``sources`` in counties.csv name it, or one the
    source's places review file lists (a new row, or a known place that then gains the source)."""
    from analysis.paths import OutsideFolderError, file_inside
    from analysis.paths import reports_dir as default_reports_dir

    spoken = {county: set(cell.split()) for county, cell in zip(tables.counties["county"], tables.counties["sources"])}
    problems = []
    for row_number, row in chosen.iterrows():
        source, county = sources[row_number], row["county"]
        listed = offered.get(source, {})
        places = places_file_of(Path(review_file).parent, source).name if source else "the places review file"
        if county in spoken and source and source not in spoken[county] and county not in listed:
            problems.append(f"{review_file}, row {row_number}, column 'county': {county!r} is not a place that source "
                            f"{source!r} speaks of (data/counties.csv, column 'sources') nor one {places} lists; choose "
                            "the place the number is about")
        elif county not in spoken and county not in listed:
            problems.append(f"{review_file}, row {row_number}, column 'county': {county!r} is neither in data/counties.csv "
                            f"nor a place {places} proposes; choose the place the number is about")
    if table != "facts":
        return problems
    folder = reports_dir or default_reports_dir()
    if folder is None:
        return problems + [f"{review_file}: no reports folder (../shared/reports, REPORTS_DIR or --reports-dir) to check the "
                           "locators in; nothing was accepted"]
    sources = tables.sources.set_index("source")
    texts: dict[str, str] = {}
    for row_number, row in chosen.iterrows():
        if row["source"] not in sources.index:
            continue  # validation names it
        if row["source"] not in texts:
            src = sources.loc[row["source"]]
            try:
                text, _ = read_report(file_inside(folder, src["file"]))
            except (OutsideFolderError, OSError, ValueError) as err:
                problems.append(f"{review_file}, row {row_number}, column 'source': {row['source']}: {err}")
                texts[row["source"]] = None
                continue
            texts[row["source"]] = "\n".join(text.splitlines()[int(src["line_start"]) - 1:int(src["line_end"])])
        part = texts[row["source"]]
        if part is not None and row["locator"] not in part:
            problems.append(f"{review_file}, row {row_number}, column 'locator': {row['locator']!r} is not in {row['source']}'s "
                            "lines; copy it verbatim from the text")
    return problems


__all__ = ["DataError", "Proposals", "accept", "add_source", "commit_tables", "propose"]
