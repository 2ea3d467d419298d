"""The audit's verdict on each proposed finding of a new report, graded in memory on the proposed facts.

A person reviewing add-source's proposals should see what the audit would make of each one before
accepting it: reproduced, tension, discrepancy, or unverifiable and why. The proposed rows are put into
a :class:`~analysis.tables.Tables` beside the data folder's vocabularies (sources, counties, measures,
theme codes) and graded by :func:`analysis.audit.audit_findings`, the same code that grades the ledger;
nothing is written. A proposal the tables would refuse (inputs whose units do not go together, an input
restating the claim) or one whose inputs are not bound to a proposed number ("?") is unverifiable, with
the reason.
"""

from __future__ import annotations

import re

import pandas as pd

from analysis.audit import audit_rows
from analysis.claims import UNVERIFIABLE
from analysis.consistency import meaning_problems
from analysis.rules import COUNT_ITEMS, DEFAULT_COUNT_BY
from analysis.schemas import COLUMNS, NUMERIC_COLUMNS
from analysis.tables import Tables

UNBOUND = "?"  # an input the finder named but no proposed number stands for
VERDICT_COLUMNS = ["status", "reading", "recomputed", "note"]
VOCABULARIES = ("sources", "counties", "measures", "theme_codes", "glossary")


def _frame(name: str, rows: list[dict], numeric: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame([{c: "" if r.get(c) is None else str(r.get(c)) for c in COLUMNS[name]} for r in rows],
                         columns=COLUMNS[name], dtype=object)
    if numeric:
        for column in NUMERIC_COLUMNS.get(name, []):
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
    return frame


def _items_list_id(finding_id: str) -> str:
    return f"{finding_id}_items"


def proposed_tables(tables: Tables, facts: list[dict], findings: list[dict]) -> tuple[Tables, dict[str, pd.DataFrame]]:
    """The data folder's vocabularies with the proposed facts and findings, in memory; also the text frames
    validation's meaning checks read.

    A proposed count of a list ("甲、乙、丙3个") has its items but no list row yet: it is counted from a list
    made of those items, counted as the claim form says (its ``count_by``: "4个乡镇(甲、乙、丙、丁)" splits at 、,
    a list joined by 和 or 、 at both), or as lists.csv counts by default (split at 、).
    """
    lists, bound = [], []
    for f in findings:
        inputs = f["inputs"]
        if f["rule"] == COUNT_ITEMS and not inputs.split() and f.get("items"):
            lists.append({"list_id": _items_list_id(f["finding_id"]), "county": f["county"], "source": f.get("source", ""),
                          "what": f["claim"], "items": f["items"], "count_by": f.get("count_by") or DEFAULT_COUNT_BY,
                          "note": "proposed"})
            inputs = _items_list_id(f["finding_id"])
        # the audit adds the finding's own note to its verdict: the proposal's note, not a verdict of an earlier run
        bound.append({**f, "inputs": inputs, "note": f.get("finding_note", f.get("note", ""))})
    text = {"facts": _frame("facts", facts, numeric=False), "lists": _frame("lists", lists),
            "findings": _frame("findings", bound), "checks": _frame("checks", []), "readings": _frame("readings", [])}
    frames = {name: getattr(tables, name) for name in VOCABULARIES}
    frames |= {"facts": _frame("facts", facts), "lists": text["lists"], "findings": text["findings"],
               "checks": text["checks"], "readings": text["readings"], "themes": _frame("themes", [])}
    return Tables(**frames, data_dir=tables.data_dir), text


def grade_proposals(facts: list[dict], findings: list[dict], tables: Tables, label: str = "findings") -> list[dict]:
    """Each of ``findings`` with the audit's ``status``, ``reading``, ``recomputed`` and ``note`` on ``facts`` alone.

    ``tables`` gives the vocabularies; ``label`` names the review file in a refusal's reason. A finding's own
    note is its ``finding_note`` (else ``note``); the verdict's note ends with it, as the audit prints a note.
    """
    if not findings:
        return []
    memory, text = proposed_tables(tables, facts, findings)
    graded = []
    for i, finding in enumerate(findings):
        graded.append({**finding, **_verdict(memory, text, i, finding, label)})
    return graded


def _verdict(memory: Tables, text: dict[str, pd.DataFrame], i: int, finding: dict, label: str) -> dict:
    own = memory.findings.at[i, "note"]
    unbound = [n for n, token in enumerate(memory.findings.at[i, "inputs"].split()) if token == UNBOUND]
    if unbound:
        named = finding.get("unbound") or []
        what = f" ({', '.join(named)})" if named else ""
        why = (f"not graded: {len(unbound)} of its inputs{what} stand for no proposed number; "
               "write the fact ids in column 'inputs' (after accepting those facts)")
        return _unverifiable(why, own)
    one = {**text, "findings": text["findings"].iloc[[i]].set_axis([i + 2])}  # row numbers of the review file
    problems = meaning_problems(one, lambda name: label)
    if problems:  # what validation would say on accept: the audit never grades such a row
        said = "; ".join(re.sub(rf"^{re.escape(label)}, row \d+, ", "", p) for p in problems)
        return _unverifiable(f"not graded: the tables would refuse it as proposed: {said}", own)
    try:
        # the proposal's other wholes (totals its paragraph states) go with it: the ledger has no such column
        record = {**memory.findings.iloc[i].to_dict(), "other_wholes": finding.get("other_wholes", "")}
        row = audit_rows(memory, [record]).iloc[0]
    except Exception as err:  # one proposal the audit cannot take must not stop the review of the others
        return _unverifiable(f"not graded: the audit stopped on it ({type(err).__name__}: {err})", own)
    return {"status": row["status"], "reading": row["reading"], "recomputed": row["recomputed"], "note": row["note"]}


def _unverifiable(why: str, own: str) -> dict:
    return {"status": UNVERIFIABLE, "reading": "", "recomputed": "", "note": "; ".join(filter(None, [why, own]))}
