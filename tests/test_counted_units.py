"""The table of units that count the same things: shown in data/DICTIONARY.md, read by the rules' unit checks."""

import pytest

from analysis.counted_units import COUNTED_ALIKE, counted_units_markdown
from analysis.paths import DATA_DIR
from analysis.rules import UnitError, check_claim_unit, result_unit


def test_dictionary_shows_the_table_the_code_uses():
    assert counted_units_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


def test_each_row_holds_both_scripts_of_its_words():
    units = {u for row in COUNTED_ALIKE for u in row.units}
    assert {"處", "处", "個", "个"} <= units


@pytest.mark.parametrize("rule, units, claim", [
    ("sum", ["个", "个", "个"], "處"),   # facts of measures kept in 个, a total written 處 (合計294處)
    ("sum", ["處", "處"], "个"),
    ("difference", ["座", "所"], "个"),
    ("value", ["名"], "人"),             # posts restated as persons
])
def test_units_that_count_alike_pass(rule, units, claim):
    check_claim_unit(rule, units, claim)


@pytest.mark.parametrize("rule, units, claim", [
    ("sum", ["名", "名"], "人"),         # posts added up are not persons: vacancies
    ("value", ["份"], "人"),             # questionnaires are not the persons asked
    ("sum", ["户", "户"], "人"),         # households are not persons
    ("sum", ["个", "个"], "元"),
    ("value", ["人次"], "人"),
])
def test_units_that_count_other_things_are_refused(rule, units, claim):
    with pytest.raises(UnitError):
        check_claim_unit(rule, units, claim)


def test_inputs_mixing_alike_units_give_the_first():
    assert result_unit("sum", ["處", "个", "座"]) == "處"
