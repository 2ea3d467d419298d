"""Rates, shares, percentage points, differences and execution rates in wordings tests/fixtures/
claim_forms_changes.csv does not have (tests/fixtures/claim_forms_rates.csv): the base after the rate (上年为A
closing the item), 成長/衰退/增产, 增幅为, 增加了, rates in 成 and fractions, negative growth, two amounts each with
its own year (2023年比2022年, ROC 112/113年度), two rates compared (高于全省N个百分点), 甲比乙多N, the whole in
brackets, 执行率 before its amounts, and amounts truncated with 餘 whose written digits agree. Each row's inputs
and grade were worked out by hand (the row's why)."""

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims

CASES = list(csv.DictReader((Path(__file__).parent / "fixtures" / "claim_forms_rates.csv").open(encoding="utf-8")))


def _expected_inputs(cell: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for pair in cell.split(";")] if cell else []


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_the_finder_binds_each_claim_by_the_sentences_structure(case):
    text = case["text"]
    here = [row for row in find_claims(text, find_numbers(text)).to_dict("records") if row["claimed"] == case["claimed"]]
    if case["rule"] == "none":  # an input, not a claim: nothing is proposed at it
        assert here == []
        return
    assert here, f"nothing proposed at {case['claimed']}"
    rules = [row["rule"] for row in here]
    assert case["rule"] in rules, rules
    row = here[rules.index(case["rule"])]
    got = [(role, text[s:e]) for role, (s, e) in zip(row["roles"].split(), row["input_spans"])]
    assert got == _expected_inputs(case["inputs"])
    assert len({r for r in rules if r != "unverifiable"}) <= 1, rules  # one checked rule at a place


@lru_cache(maxsize=1)
def _tables():
    from analysis.tables import load_tables

    return load_tables()


GRADED = [c for c in CASES if c["status"]]


@pytest.mark.parametrize("case", GRADED, ids=[c["case"] for c in GRADED])
def test_the_audit_grades_each_proposal_as_worked_out_by_hand(case):
    from analysis.extraction.onboarding import propose

    findings = propose(case["text"], None, "x", "sx", _tables()).findings
    here = [f for f in findings if f["claimed"] == case["claimed"] and f["rule"] == case["rule"]]
    assert here, [(f["claimed"], f["rule"]) for f in findings]
    assert here[0]["status"] == case["status"], here[0]["note"]
