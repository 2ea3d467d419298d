"""Fractions claimed as shares (三分之一, 2/3, 七成五, 半數), shares whose whole is named 其中 or whose part 来自 names,
named rates that are values (城镇化率), one product per place, and restatements in more wordings (全年 X then X; 歲入決算數
then 歲入; 十二个 then 12个; 总收入 and 收入 stay two) in tests/fixtures/claim_forms_fractions.csv, simplified and
traditional. Each row's inputs and grade were worked out by hand (the row's why)."""

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims

CASES = list(csv.DictReader((Path(__file__).parent / "fixtures" / "claim_forms_fractions.csv").open(encoding="utf-8")))


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
