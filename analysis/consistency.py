"""What the ledger's rows mean, checked across tables: no reading or input computed from the claim itself,
and units that go together.

A reading computed from the claim's own number (its claim fact, or another row stating the same number)
always holds, so it would turn any discrepancy into a tension; a sum of 项 and 元 is no number at all.
Each problem is one line naming the file, row and column, the finding, and the facts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from analysis.rows import Columns, Row, RowsById
from analysis.rules import ITEMS, RULE_NAMES, UNVERIFIABLE, UnitError, check_claim_unit, result_unit

# A fact restates another when it says the same number of the same thing: these cells and the number.
SAME_QUANTITY = ("county", "measure", "entity", "period")
NUMBER = ("value", "low", "high")
RESTATEMENT = "value"  # the rule that compares two statements of one number: its input restates its claim


def _number(cell: str):
    try:
        return float(cell) if cell else None
    except ValueError:  # not a number: the facts schema says so
        return cell


def _quantity(fact: Mapping) -> tuple:
    return (*(fact[c] for c in SAME_QUANTITY), *(_number(fact[c]) for c in NUMBER))


def _restates(fact: Mapping, claim: Mapping) -> bool:
    return fact["fact_id"] != claim["fact_id"] and _quantity(fact) == _quantity(claim)


def _one_statement(fact: Mapping, claim: Mapping) -> bool:
    return (fact["source"], fact["locator"]) == (claim["source"], claim["locator"])


def meaning_problems(frames: dict[str, pd.DataFrame], label: Callable[[str], str]) -> list[str]:
    """Problems of meaning in findings, checks and readings; ``frames`` indexed by row number, ``label(name)``
    the file's name as errors show it ("data/findings.csv")."""
    facts = RowsById(frames["facts"], "fact_id")
    lists = set(frames["lists"]["list_id"])
    problems = []
    for table in ("findings", "checks"):
        for row, finding in _rows(frames[table]):
            where = f"{label(table)}, row {row}"
            claim_fact, name = finding["claim_fact"], finding["finding_id"]
            problems += _circular(where, finding, claim_fact, "the claim fact", facts)
            problems += _units(where, name, finding, claim_fact, "its claim fact", facts, lists)
    findings = frames["findings"]
    by_id = dict(zip(findings["finding_id"], zip(findings.index, findings["claim_fact"])))
    for row, reading in _rows(frames["readings"]):
        if reading["finding_id"] not in by_id:  # an unknown finding: the readings schema says so
            continue
        finding_row, claim_fact = by_id[reading["finding_id"]]
        whose = f"the claim fact of finding {reading['finding_id']} ({label('findings')} row {finding_row})"
        where = f"{label('readings')}, row {row}"
        problems += _circular(where, reading, claim_fact, whose, facts, reading=True)
        problems += _units(where, reading["reading_id"], reading, claim_fact, whose, facts, lists)
    return problems


def _rows(frame: pd.DataFrame):
    """(row number, cells) of each row, without a pandas row for each (see analysis/rows.py)."""
    columns = Columns(frame)
    return ((row, Row(columns, i)) for i, row in enumerate(frame.index))


def _circular(where: str, row: Mapping, claim_fact: str, whose: str, facts: Mapping[str, Mapping],
              reading: bool = False) -> list[str]:
    """An input that is the claim fact (a reading's: a finding's is the schema's check) or restates it."""
    if not claim_fact or claim_fact not in facts:
        return []
    claim, out = facts[claim_fact], []
    for input_id in row["inputs"].split():
        if input_id not in facts:
            continue
        fact = facts[input_id]
        if reading and input_id == claim_fact:
            out.append(f"{where}, column 'inputs': {input_id} is {whose}; a reading computed from the claim itself "
                       "always holds: give the facts the claim is computed from")
        elif _restates(fact, claim):
            if row["rule"] == RESTATEMENT and not reading:
                if _one_statement(fact, claim):
                    out.append(f"{where}, column 'inputs': {input_id} and {whose} {claim_fact} are one statement "
                               f"(source {fact['source']}, locator {fact['locator']!r}): a restatement compares two "
                               "places the report states the number; drop the duplicate fact")
                continue  # two statements of one number: what rule value compares
            out.append(f"{where}, column 'inputs': {input_id} restates {whose} {claim_fact} (the same county, "
                       "measure, entity, period and number), so it would hold whatever the report says: give the facts "
                       "the claim is computed from")
    return out


def _units(where: str, name: str, row: Mapping, claim_fact: str, whose: str, facts: Mapping[str, Mapping],
           lists: set[str]) -> list[str]:
    """The inputs' units go together under the rule, and give the claim fact's unit."""
    rule, inputs = row["rule"], row["inputs"].split()
    if rule not in RULE_NAMES or rule == UNVERIFIABLE or not all(i in facts or i in lists for i in inputs):
        return []  # unknown ids and rules: the schemas say so
    units = [ITEMS if i in lists else facts[i]["unit"] for i in inputs]
    shown = ", ".join(f"{i} ({'a list' if u is ITEMS else u})" for i, u in zip(inputs, units))
    try:
        result_unit(rule, units)
    except UnitError as err:
        return [f"{where}, column 'inputs': {name}: {err}: {shown}; give inputs in one unit (ratio and product may mix)"]
    if not claim_fact or claim_fact not in facts:
        return []
    try:
        check_claim_unit(rule, units, facts[claim_fact]["unit"])
    except UnitError as err:
        return [f"{where}, column 'inputs': {name}: {err} ({whose} {claim_fact}); inputs {shown}: "
                "recompute the claim from facts in its unit"]
    return []
