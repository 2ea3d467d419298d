"""The standard readings offered to add-source's proposals, on the sentences of
tests/fixtures/claim_forms_proposal_readings.csv (written for them, worked out by hand): a share graded tension there
is so by other_whole, the paragraph's total (analysis/extraction/other_wholes.py) named in its note; a change of a
percentage (比上年的a%提高N%) by percent_for_points; one graded otherwise names no reading."""

import csv
import re
from functools import lru_cache
from pathlib import Path

import pytest

from analysis.extraction.other_wholes import marked_total

ROWS = list(csv.DictReader((Path(__file__).parent / "fixtures" / "claim_forms_proposal_readings.csv").open(encoding="utf-8")))


@lru_cache(maxsize=1)
def _tables():
    from analysis.tables import load_tables

    return load_tables()


READING = {"share": "other_whole", "growth": "percent_for_points", "reduction": "percent_for_points"}


@pytest.mark.parametrize("case", [r for r in ROWS if r["status"]], ids=[r["case"] for r in ROWS if r["status"]])
def test_a_tension_is_read_as_worked_out(case):
    # a share: of the paragraph's total (named in the note); a change of a percentage: % written for points
    from analysis.extraction.onboarding import propose

    found = [f for f in propose(case["text"], None, "x", "sx", _tables()).findings
             if f["claimed"] == case["claimed"] and f["rule"] == case["rule"]]
    assert len(found) == 1
    if case["status"] == "tension":
        assert found[0]["reading"] == READING[case["rule"]]
        if case["rule"] == "share":
            assert "a total its paragraph states" in found[0]["note"]
    else:  # a discrepancy's note may list what each reading gave; it names none that holds
        assert found[0]["reading"] == ""


def test_the_ledger_takes_no_whole_from_its_paragraph():
    # a ledger finding (no other_wholes key) gets only the wholes data/readings.csv names: nothing changes for it
    from analysis.audit import _other_wholes

    tables = _tables()
    shares = tables.findings[tables.findings["rule"] == "share"].to_dict("records")
    assert shares and all(not _other_wholes(f, tables) or tables.readings_of(f["finding_id"]) for f in shares)


@pytest.mark.parametrize("text,marked", [
    ("共分流132人", True), ("合計1,200名", True), ("總數500人", True), ("共建成村级服务站240个", True),
    ("一般公共预算支出1000万元", False),  # 公共 is a name
    ("分流132人", False), ("共,分流132人", False),  # no word; the word in another clause
    ("共有乡镇12个和行政村150个", False),  # a number between the word and the amount
    ("共办理退休资遣及其他各类人员75人", False),  # the word too far (13 characters) before the amount
])
def test_marked_total(text, marked):
    last = [m.start() for m in re.finditer(r"\d[\d,.]*", text)][-1]  # the amount: the last number
    assert marked_total(text, last) == marked
