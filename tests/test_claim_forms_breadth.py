"""Breadth of wording for averages, multiples, comparisons and ranks, and counts of lists: council Q&A, news
features comparing townships, final accounts and reform reports, simplified and traditional, on sentences written
for this test (tests/fixtures/claim_forms_breadth.csv; none from a practice or held-out text), each worked out by
hand (the why column)."""

import csv
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims

CASES = list(csv.DictReader((Path(__file__).parent / "fixtures" / "claim_forms_breadth.csv").open(encoding="utf-8")))


def _expected_inputs(cell: str) -> list[tuple[str, str]]:
    return [tuple(pair.split("=", 1)) for pair in cell.split(";")] if cell else []


def _at(frame, claimed: str):
    return [row for row in frame.to_dict("records") if row["claimed"] == claimed]


@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_the_finder_binds_each_claim_by_the_sentences_structure(case):
    text = case["text"]
    here = _at(find_claims(text, find_numbers(text)), case["claimed"])
    if case["rule"] == "none":  # an input, not a claim: nothing is proposed at it
        assert here == []
        return
    assert here, f"nothing proposed at {case['claimed']}"
    rules = [row["rule"] for row in here]
    assert case["rule"] in rules, rules
    row = here[rules.index(case["rule"])]
    got = [(role, text[s:e]) for role, (s, e) in zip(row["roles"].split(), row["input_spans"])]
    assert got == _expected_inputs(case["inputs"])
    # a claim is proposed with one rule of these forms: never also checked another way at the same place
    checked = {r for r in rules if r != "unverifiable"}
    assert len(checked) <= 1, rules


