"""Onboard a report: its sources.csv and counties.csv rows, and candidate rows in a review file a person accepts.

Nothing enters the fact or finding tables without a person's "yes" on the row; every write is
validated first on a scratch copy of the tables and then made all at once, or not at all.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims
from analysis.extraction.measures import MeasureSuggester
from analysis.extraction.text import read_report
from analysis.outputs import write_text_atomic
from analysis.schemas import COLUMNS
from analysis.tables import DataError, load_tables, reload_tables

REVIEW_COLUMNS = ["accept", *COLUMNS["facts"], "line", "confidence"]
FINDING_REVIEW_COLUMNS = ["accept", *COLUMNS["findings"], "line", "proposed_inputs", "items"]


def _csv_text(header: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: ("" if v is None or (isinstance(v, float) and pd.isna(v)) else v) for k, v in r.items()} for r in rows)
    return buffer.getvalue()


def _append_rows(path: Path, header: list[str], rows: list[dict]) -> str:
    """The file's text with ``rows`` appended (kept in the file's own column order)."""
    text = path.read_text(encoding="utf-8") if path.is_file() else _csv_text(header, [])
    if not text.endswith(("\n", "\r\n")):
        text += "\r\n"
    return text + _csv_text(header, rows).split("\r\n", 1)[1]


def _number(x) -> str:
    if x is None or pd.isna(x):
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def commit_tables(data_dir: Path, changes: dict[str, str]) -> None:
    """Replace some tables with new text, but only if every table still validates: all or nothing."""
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "data"
        shutil.copytree(data_dir, trial)
        for name, text in changes.items():
            (trial / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
        load_tables(trial)  # raises DataError naming file, row and column; nothing in data_dir was touched
    for name, text in changes.items():
        write_text_atomic(Path(data_dir) / f"{name}.csv", text)


def add_source(path: Path, county: str, data_dir: Path, review_dir: Path, lines: tuple[int, int] | None = None,
               source: str | None = None, title_zh: str = "", title_en: str = "", issuer: str = "",
               place: tuple[str, str, str] | None = None) -> dict:
    """Register a report and write its candidate rows for review; returns what was written.

    ``place`` is (name_zh, name_en, level) when ``county`` is new.
    """
    text, encoding = read_report(path)
    all_lines = text.split("\n")
    start, end = lines or (1, len(all_lines))
    tables = load_tables(data_dir)
    source = source or "s" + re.sub(r"[^a-z0-9]+", "_", Path(path).stem.lower()).strip("_")[:20]
    if source in set(tables.sources["source"]):
        raise ValueError(f"source {source!r} is already in data/sources.csv; give another --source")
    title = next((line.strip() for line in all_lines[start - 1:end] if line.strip()), "")[:80]
    changes = {"sources": _append_rows(data_dir / "sources.csv", COLUMNS["sources"], [{
        "source": source, "file": Path(path).name, "part": "", "line_start": start, "line_end": end,
        "title_zh": title_zh or title, "title_en": title_en or "(title to translate)", "issuer": issuer or "not given",
        "place": place[0] if place else "", "date": "", "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest(),
        "notes": f"added with add-source ({encoding.upper()})"}])}
    if county not in set(tables.counties["county"]):
        if not place:
            raise ValueError(f"county {county!r} is new: give --name-zh, --name-en and --level")
        changes["counties"] = _append_rows(data_dir / "counties.csv", COLUMNS["counties"], [{
            "county": county, "name_zh": place[0], "name_en": place[1], "level": place[2], "parent": "", "province": "",
            "gb_code": "", "anonymised": "false", "sources": source}])
    commit_tables(data_dir, changes)

    tables = reload_tables(data_dir)
    candidates = find_numbers(text, (start, end))
    suggester = MeasureSuggester(tables.measures, tables.facts)
    domains = dict(zip(tables.measures["measure"], tables.measures["domain"]))
    facts, seen = [], {}
    for c in candidates.itertuples():
        measure, confidence = suggester.suggest_at(text, c.start, c.end, c.unit)
        stem = f"{county}_{measure or 'number'}"
        seen[stem] = seen.get(stem, 0) + 1
        facts.append({"accept": "", "fact_id": f"{stem}_{seen[stem]}", "county": county, "entity": "(to review)",
                      "domain": domains.get(measure, "context"), "measure": measure, "period": "", "as_written": c.as_written,
                      "value": _number(c.value), "low": _number(c.low), "high": _number(c.high), "qualifier": c.qualifier,
                      "unit": suggester.unit_of[measure] if measure else c.unit,
                      "source": source, "locator": c.locator, "note": "" if c.locator_unique else "locator not unique: lengthen it",
                      "line": c.line, "confidence": confidence})
    by_span = {(c.start, c.end): f["fact_id"] for c, f in zip(candidates.itertuples(), facts)}
    findings = []
    for n, p in enumerate(find_claims(text, candidates).itertuples(), start=1):
        line_start = text.rfind("\n", 0, p.claim_start) + 1
        claim_fact = by_span.get((p.claim_start, p.claim_end), "")
        findings.append({"accept": "", "finding_id": f"{county}_{p.rule}_{n}", "county": county,
                         "domain": next((f["domain"] for f in facts if f["fact_id"] == claim_fact), "context"),
                         "claim": text[max(line_start, p.claim_start - 24):p.claim_end], "claimed": p.claimed,
                         "claim_fact": claim_fact, "rule": p.rule,
                         "inputs": " ".join(by_span.get(tuple(span), "?") for span in p.input_spans),
                         "note": f"proposed: {p.pattern}" + (f"; list to add to lists.csv: {p.items}" if p.items else ""),
                         "line": p.line, "proposed_inputs": p.inputs, "items": p.items})
    review_dir.mkdir(parents=True, exist_ok=True)
    facts_file, findings_file = review_dir / f"{source}.facts.csv", review_dir / f"{source}.findings.csv"
    write_text_atomic(facts_file, _csv_text(REVIEW_COLUMNS, facts))
    write_text_atomic(findings_file, _csv_text(FINDING_REVIEW_COLUMNS, findings))
    return {"source": source, "encoding": encoding, "facts": len(facts), "findings": len(findings),
            "review": [facts_file, findings_file], "new_county": "counties" in changes}


def accept(review_file: Path, data_dir: Path) -> int:
    """Move the rows a person marked accept=yes from a review file into data/; returns how many."""
    review = pd.read_csv(review_file, dtype=str, keep_default_na=False)
    if "accept" not in review:
        raise ValueError(f"{review_file}: not a review file (no 'accept' column)")
    unknown = sorted(set(review["accept"].str.strip().str.lower()) - {"", "yes", "no"})
    if unknown:
        raise ValueError(f"{review_file}, column 'accept': {', '.join(map(repr, unknown))}; write yes, no, or leave it empty")
    chosen = review[review["accept"].str.strip().str.lower() == "yes"]
    table = "facts" if "fact_id" in review else "findings"
    if chosen.empty:
        return 0
    rows = chosen[COLUMNS[table]].to_dict("records")
    commit_tables(Path(data_dir), {table: _append_rows(Path(data_dir) / f"{table}.csv", COLUMNS[table], rows)})
    reload_tables(data_dir)
    return len(rows)


__all__ = ["DataError", "accept", "add_source", "commit_tables"]
