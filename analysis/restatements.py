"""Restatements found from the facts: every quantity a report states more than once becomes a check.

Facts of one county, measure, entity and period state one quantity (the key data/DICTIONARY.md gives for a
restatement). Each later mention is checked against the first as a ``value`` finding would be, by the audit's own
rules (a qualified number by the overlap of the two windows: two "6800多万元" agree). No hand row is needed; a hand
``value`` finding over the same pair of statements is a claim of the report and stays in findings.csv, and
:func:`duplicated_by_hand` lists it.

These rows are audited as a table of their own, not among the checks: data/checks.csv holds identities a person
added and reviewed, one by one; these are derived from the facts at every run, and counting them with either would
change the ledger's counts whenever a fact is transcribed.
"""

from __future__ import annotations

import pandas as pd

from analysis.audit import audit_rows
from analysis.consistency import SAME_QUANTITY
from analysis.tables import Tables

PREFIX = "restated_"  # the id of a restatement: this and the later mention's fact id
NOTE = "found from the facts: the same county, measure, entity and period stated again (the later mention against the first)"


def _order(tables: Tables) -> pd.DataFrame:
    """Facts in reading order: by their source's row in data/sources.csv, then their own row in data/facts.csv."""
    rank = {source: i for i, source in enumerate(tables.sources["source"])}
    facts = tables.facts.assign(_source=tables.facts["source"].map(rank), _row=range(len(tables.facts)))
    return facts.sort_values(["_source", "_row"], kind="stable")


def restatement_rows(tables: Tables, county: str | None = None) -> list[dict]:
    """One finding-like row per later mention of a quantity stated more than once (its first mention the input).

    A second fact with the first's source and locator is one statement transcribed twice, not a restatement. A key
    two facts of one locator share names two quantities of one sentence ("由12个减为3个" with no year to tell the ends
    apart): its group is left out, and :func:`ambiguous_keys` lists it for a person to give the facts a period.
    """
    facts = _order(tables)
    if county is not None:
        facts = facts[facts["county"] == county]
    rows = []
    for _, group in facts.groupby(list(SAME_QUANTITY), sort=False):
        if len(group) < 2 or _one_sentence_twice(group):
            continue
        first, *later = group.to_dict("records")
        for fact in later:
            if (fact["source"], fact["locator"]) == (first["source"], first["locator"]):
                continue
            rows.append({"finding_id": PREFIX + fact["fact_id"], "county": fact["county"], "domain": fact["domain"],
                         "claim": f"{fact['locator']} = {first['locator']}", "claimed": fact["as_written"],
                         "claim_fact": fact["fact_id"], "rule": "value", "inputs": first["fact_id"], "note": NOTE})
    return rows


def _one_sentence_twice(group: pd.DataFrame) -> bool:
    """Two facts of the group stated in one locator with different numbers: the key names two quantities."""
    numbers = group.groupby(["source", "locator"])["as_written"].nunique()
    return bool((numbers > 1).any())


def ambiguous_keys(tables: Tables) -> pd.DataFrame:
    """Keys (county, measure, entity, period) under which one locator states two different numbers."""
    out = []
    for key, group in tables.facts.groupby(list(SAME_QUANTITY), sort=False):
        if len(group) > 1 and _one_sentence_twice(group):
            out.append({**dict(zip(SAME_QUANTITY, key)), "facts": " ".join(group["fact_id"])})
    return pd.DataFrame(out, columns=[*SAME_QUANTITY, "facts"])


def audit_restatements(tables: Tables, county: str | None = None) -> pd.DataFrame:
    """The restatements found from the facts, audited as findings are (the columns of the audit)."""
    return audit_rows(tables, restatement_rows(tables, county))


def duplicated_by_hand(tables: Tables, county: str | None = None) -> pd.DataFrame:
    """Hand ``value`` findings (and checks) over a pair of statements a found restatement also compares, either way
    round: (finding_id, restatement_id). They stay: they are the reports' claims, written with their words."""
    found = {frozenset((r["claim_fact"], r["inputs"])): r["finding_id"] for r in restatement_rows(tables, county)}
    out = []
    for table in ("findings", "checks"):
        frame = getattr(tables, table)
        for finding in frame[frame["rule"] == "value"].to_dict("records"):
            pair = frozenset((finding["claim_fact"], finding["inputs"]))
            if pair in found:
                out.append({"finding_id": finding["finding_id"], "table": table, "restatement_id": found[pair]})
    return pd.DataFrame(out, columns=["finding_id", "table", "restatement_id"])
