"""The coverage account: what each number in a report part is to the ledger.

Every number the extractor finds in a part's lines (analysis/extraction/candidates.py, ``find_numbers``) is one of:
**claim** (the claimed number of a finding or check), **input** (an input of one), **restatement** (a mention the
restatements found from the facts compare, analysis/restatements.py), **context** (a row of data/context.csv gives
the reason no check uses it) or **not yet looked at**. A number is matched to a fact when it lies inside the fact's
number as written, at one of the places its locator stands in the part; to a row of data/context.csv the same way.
A contradiction's passages hold claims too (its words, not a number, are what it grades).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.extraction.candidates import find_numbers
from analysis.extraction.text import read_report
from analysis.paths import file_inside, reports_dir
from analysis.restatements import restatement_rows
from analysis.rules import CONTRADICTION
from analysis.schemas import LOCATOR_MAX, passages
from analysis.tables import Tables

# Why a number no check uses is context; one table, kept identical to data/DICTIONARY.md's by a test.
REASONS = {
    "date": "a date or year (when something happened, not a quantity the report checks)",
    "rule": "a target or rule: a standard, quota, deadline or subsidy rate the report sets, not a result",
    "single": "a single mention with nothing to check it against (no other number of the report bears on it)",
    "not data": "not data: a term, slogan or idiom, a congress ordinal, a document number, a label whose members are never named",
}
CONTEXT_COLUMNS = ["source", "locator", "as_written", "reason", "note"]
CLAIM, INPUT, RESTATEMENT, CONTEXT, NOT_LOOKED = "claim", "input", "restatement", "context", "not yet looked at"
CHECKED = (CLAIM, INPUT, RESTATEMENT)
CONTEXT_FILE = "context.csv"


class ContextError(ValueError):
    """A row of data/context.csv that cannot be read: one line naming the file, row and column."""


def read_context(data_dir: Path) -> pd.DataFrame:
    """data/context.csv, checked: its columns, a known reason, a locator of at most LOCATOR_MAX characters holding
    the number as written. Missing file: no context rows."""
    path = Path(data_dir) / CONTEXT_FILE
    if not path.is_file():
        return pd.DataFrame(columns=CONTEXT_COLUMNS)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0]) if rows else CONTEXT_COLUMNS
    label = f"{Path(data_dir).name}/{CONTEXT_FILE}"
    if missing := [c for c in CONTEXT_COLUMNS if c not in header]:
        raise ContextError(f"{label}, row 1, column '{missing[0]}': missing column")
    for i, row in enumerate(rows, start=2):
        if row["reason"] not in REASONS:
            raise ContextError(f"{label}, row {i}, column 'reason': {row['reason']!r} is not one of {', '.join(REASONS)}")
        if not 0 < len(row["locator"]) <= LOCATOR_MAX:
            raise ContextError(f"{label}, row {i}, column 'locator': must hold 1 to {LOCATOR_MAX} characters")
        if row["as_written"] not in row["locator"]:
            raise ContextError(f"{label}, row {i}, column 'as_written': {row['as_written']!r} is not in the locator")
    return pd.DataFrame(rows, columns=CONTEXT_COLUMNS)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    role: str
    what: str  # the fact id or the context row's reason


def _spans(text: str, locator: str, as_written: str, role: str, what: str) -> list[Span]:
    """Where ``as_written`` stands inside each place ``locator`` stands in ``text``."""
    out, at = [], text.find(locator)
    inner = _own_place(locator, as_written)
    while at >= 0 and inner >= 0:
        out.append(Span(at + inner, at + inner + len(as_written), role, what))
        at = text.find(locator, at + 1)
    return out


def _own_place(locator: str, as_written: str) -> int:
    """Where ``as_written`` stands in ``locator`` as a number of its own: "7个" in "由17个整合为7个" is the second."""
    at = locator.find(as_written)
    while at > 0 and (locator[at - 1].isdigit() or locator[at - 1] == "."):
        at = locator.find(as_written, at + 1)
    return at if at >= 0 else locator.find(as_written)


def _roles(tables: Tables) -> dict[str, str]:
    """Each fact's role in the checks: claim before input before restatement (what it is first)."""
    roles: dict[str, str] = {}
    found = restatement_rows(tables)
    for role, pairs in ((CLAIM, [(f["claim_fact"], "") for f in _ledger(tables)]),
                        (INPUT, [(i, "") for f in _ledger(tables) for i in f["inputs"].split()]),
                        (RESTATEMENT, [(r["claim_fact"], "") for r in found] + [(r["inputs"], "") for r in found])):
        for fact_id, _ in pairs:
            if fact_id and fact_id not in tables.lists_by_id:
                roles.setdefault(fact_id, role)
    return roles


def _ledger(tables: Tables) -> list[dict]:
    return tables.findings.to_dict("records") + tables.checks.to_dict("records")


def account(tables: Tables, folder: Path | None = None, county: str | None = None) -> pd.DataFrame:
    """One row per number found in each source's lines: source, line, as_written, role, what (fact id or reason).
    Empty when the report texts are not at hand."""
    folder = folder or reports_dir()
    if folder is None:
        return pd.DataFrame(columns=["source", "line", "as_written", "role", "what"])
    context = read_context(tables.data_dir)
    roles = _roles(tables)
    sources = tables.sources
    if county is not None:
        wanted = set(tables.facts.loc[tables.facts["county"] == county, "source"])
        sources = sources[sources["source"].isin(wanted)]
    rows, texts = [], {}
    for src in sources.to_dict("records"):
        if src["file"] not in texts:
            texts[src["file"]] = read_report(file_inside(Path(folder), src["file"]))[0]
        rows += _source_rows(src, texts[src["file"]], tables, roles, context)
    return pd.DataFrame(rows, columns=["source", "line", "as_written", "role", "what"])


def _source_rows(src: dict, text: str, tables: Tables, roles: dict[str, str], context: pd.DataFrame) -> list[dict]:
    lines = (int(src["line_start"]), int(src["line_end"]))
    found = find_numbers(text, lines)
    part_start = sum(len(line) + 1 for line in text.split("\n")[: lines[0] - 1])
    part = text[part_start: part_start + sum(len(line) + 1 for line in text.split("\n")[lines[0] - 1: lines[1]])]
    spans: list[Span] = []
    for fact in tables.facts[tables.facts["source"] == src["source"]].to_dict("records"):
        if fact["fact_id"] in roles:
            spans += _spans(part, fact["locator"], fact["as_written"], roles[fact["fact_id"]], fact["fact_id"])
    for finding in _ledger(tables):
        if finding["rule"] == CONTRADICTION:
            spans += [Span(s.start, s.end, CLAIM, finding["finding_id"]) for source, loc in passages(finding["claim"])
                      if source == src["source"] for s in _spans(part, loc, loc, CLAIM, "")]
    for row in context[context["source"] == src["source"]].to_dict("records"):
        spans += _spans(part, row["locator"], row["as_written"], CONTEXT, row["reason"])
    order = {CLAIM: 0, INPUT: 1, RESTATEMENT: 2, CONTEXT: 3}
    spans.sort(key=lambda s: order[s.role])
    out = []
    for number in found.to_dict("records"):
        start, end = number["start"] - part_start, number["end"] - part_start
        hit = next((s for s in spans if s.start < end and start < s.end), None)
        out.append({"source": src["source"], "line": number["line"], "as_written": number["as_written"],
                    "role": hit.role if hit else NOT_LOOKED, "what": hit.what if hit else ""})
    return out


def summary(frame: pd.DataFrame, tables: Tables) -> pd.DataFrame:
    """Per source: numbers, checked (claim, input, restatement), context, not yet looked at."""
    out = []
    for src in tables.sources.to_dict("records"):
        rows = frame[frame["source"] == src["source"]]
        if rows.empty:
            continue
        out.append({"source": src["source"], "report": src["file"][:3], "part": src["part"], "numbers": len(rows),
                    "checked": int(rows["role"].isin(CHECKED).sum()), "context": int((rows["role"] == CONTEXT).sum()),
                    "not_looked_at": int((rows["role"] == NOT_LOOKED).sum())})
    return pd.DataFrame(out, columns=["source", "report", "part", "numbers", "checked", "context", "not_looked_at"])


def coverage_lines(tables: Tables, county: str | None = None, folder: Path | None = None) -> list[str]:
    """"report 003 part 8 (s003p08a): 54 numbers: 31 checked, 20 context, 3 not yet looked at", one per source."""
    frame = account(tables, folder, county)
    lines = []
    for row in summary(frame, tables).itertuples():
        part = f" part {row.part}" if row.part else ""
        lines.append(f"report {row.report}{part} ({row.source}): {row.numbers} numbers: {row.checked} checked, "
                     f"{row.context} context, {row.not_looked_at} not yet looked at")
    return lines


def source_coverage(tables: Tables, source: str, folder: Path | None = None) -> pd.DataFrame:
    """The coverage rows of one source (for the site's source page): line, as_written, role, what."""
    frame = account(tables, folder)
    return frame[frame["source"] == source].drop(columns="source").reset_index(drop=True)


def unused_context(tables: Tables, folder: Path | None = None) -> list[str]:
    """Rows of data/context.csv that give the reason for no number: their locator is not in the source, or every
    number they cover is already a claim, an input or a restatement (a stale row). One line each, naming the row."""
    folder = folder or reports_dir()
    if folder is None:
        return []
    frame = account(tables, folder)
    context = read_context(tables.data_dir)
    label = f"{tables.data_dir.name}/{CONTEXT_FILE}"
    used = set(zip(frame.loc[frame["role"] == CONTEXT, "source"], frame.loc[frame["role"] == CONTEXT, "as_written"]))
    problems = []
    texts = {}
    for i, row in enumerate(context.to_dict("records"), start=2):
        src = tables.sources[tables.sources["source"] == row["source"]]
        if src.empty:
            problems.append(f"{label}, row {i}, column 'source': {row['source']!r} is not in data/sources.csv")
            continue
        src = src.iloc[0]
        if src["file"] not in texts:
            texts[src["file"]] = read_report(file_inside(Path(folder), src["file"]))[0].split("\n")
        part = "\n".join(texts[src["file"]][int(src["line_start"]) - 1: int(src["line_end"])])
        if row["locator"] not in part:
            problems.append(f"{label}, row {i}, column 'locator': {row['locator']!r} not found in {row['source']}")
        elif (row["source"], row["as_written"]) not in used:
            problems.append(f"{label}, row {i}: {row['as_written']!r} is checked already (or not a number the "
                            "extractor finds): drop the row")
    return problems
