"""The claim finder reads any text a user brings without failing: every test sentence of the claim forms cut short
(a text may end anywhere: in a 其中, a 分别, an open bracket) and cut at both ends."""

import csv
from pathlib import Path

import pytest

from analysis.extraction.candidates import find_numbers
from analysis.extraction.claims import find_claims

FIXTURES = Path(__file__).parent / "fixtures"


def _sentences() -> list[str]:
    out = []
    for path in sorted(FIXTURES.glob("claim_forms_*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            out += [row.get("sentence") or row.get("text") or "" for row in csv.DictReader(f)]
    return [s for s in out if s]


def test_the_sentences_are_there():
    assert len(_sentences()) >= 100  # the fixtures' column names: a rename must not make the next test vacuous


def test_every_sentence_cut_short_or_at_both_ends_is_read_without_an_error():
    # 本鄉歲出1億元,其中人事費 (a text ending in the clause after 其中) once raised IndexError in the 其中 reader
    texts = {"本鄉歲出1億元,其中人事費", "全县共有乡镇12个,其中"}
    for s in _sentences():
        texts |= {s[:cut] for cut in range(1, len(s), 4)} | {s[cut:] for cut in range(2, len(s), 9)}
    failed = []
    for text in sorted(texts):
        try:
            find_claims(text, find_numbers(text))
        except Exception as error:  # noqa: BLE001 -- the test lists every text that fails, with its error
            failed.append(f"{text!r}: {error!r}")
    assert not failed, "\n".join(failed[:20])
