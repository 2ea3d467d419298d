"""Restatements found from the facts: every quantity stated more than once, checked later mention against first."""

import pytest

from analysis.restatements import PREFIX, ambiguous_keys, audit_restatements, duplicated_by_hand, restatement_rows
from analysis.tables import load_tables
from tests.test_tables import rewrite

FACT = ["county", "entity", "domain", "measure", "period", "as_written", "value", "low", "high", "qualifier", "unit",
        "source", "locator", "note"]


def _add_facts(data_dir, *facts):
    """Append facts (fact_id plus the FACT cells) to a copy of data/facts.csv."""
    def edit(rows):
        header = rows[0]
        for fact_id, cells in facts:
            row = dict(zip(FACT, cells), fact_id=fact_id)
            rows.append([row.get(column, "") for column in header])
    rewrite(data_dir / "facts.csv", edit)


def _dongying(as_written, value, low="", high="", qualifier="", locator="下放的401項管理權限", period="", entity="全市 city-wide 下放管理權限"):
    return ["dongying", entity, "delegation", "powers_delegated", period, as_written, value, low, high, qualifier, "项",
            "s001", locator, ""]


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def test_the_five_reports_restatements_all_agree(tables):
    found = audit_restatements(tables).set_index("finding_id")
    assert set(found["status"]) == {"reproduced"} and set(found["kind"]) == {"restatement"}
    # 003 line 379 先后投资6800多万元 against line 375 投资就达6800多万元: both (6800万, 6900万), one number can be both
    assert found.at[PREFIX + "anon_city_162_investment_total", "inputs"] == "anon_city_162_investment_total_intro"
    # 001: 401項 (line 46) against 400多項 (the first mention): 401 lies in (400, 500)
    assert found.at[PREFIX + "dongying_powers_delegated", "status"] == "reproduced"
    # part 5's 80%以上 and 70% against their twins in part 4 (period from the twin): agree
    assert found.at[PREFIX + "anon_district_pp_p05_offices_cut_rate_2002", "recomputed"] == "80–inf"


def test_a_key_that_one_sentence_states_twice_names_two_quantities_and_is_left_out(tables):
    # 003 part 5 "乡镇党政机构由年的12个减为3个": 12 and 3 under one key (part 5 removed the years)
    groups = ambiguous_keys(tables)
    assert any("anon_district_pp_p05_party_gov_bodies_after_2005" in facts for facts in groups["facts"])
    ids = {row["finding_id"] for row in restatement_rows(tables)}
    assert PREFIX + "anon_district_pp_p05_party_gov_bodies_after_2005" not in ids


def test_hand_value_findings_that_compare_a_found_pair_are_listed_and_kept(tables):
    dup = duplicated_by_hand(tables).set_index("finding_id")
    assert dup.at["anon_city_162_investment_repeat", "restatement_id"] == PREFIX + "anon_city_162_investment_total"
    assert dup.at["dongying_powers_approx_vs_exact", "restatement_id"] == PREFIX + "dongying_powers_delegated"  # either way round
    assert "anon_city_162_investment_repeat" in set(tables.findings["finding_id"])


@pytest.mark.parametrize("later, status", [
    (_dongying("401項", "401", locator="共下放401項權限"), "reproduced"),                      # the same number again
    (_dongying("401项", "401", locator="共下放401项权限"), "reproduced"),                      # simplified script: one number
    (_dongying("510項", "510", locator="共下放510項權限"), "discrepancy"),                     # outside (400, 500)
    (_dongying("410項", "410", locator="共下放410項權限"), "reproduced"),                      # 400多 allows 410
    (_dongying("400余项", "400", "400", "500", "余", locator="下放400余项权限"), "reproduced"),  # (400, 500) twice
    (_dongying("300多項", "300", "300", "400", "多", locator="下放300多項權限"), "discrepancy"),  # (300, 400) and (400, 500)
])
def test_a_quantity_stated_again_is_checked_against_its_first_mention(data_copy, later, status):
    # 001's first mention of its delegated powers is 本市共下放400多項管理權限: (400, 500)
    _add_facts(data_copy, ("dongying_test_restated", later))
    found = audit_restatements(load_tables(data_copy)).set_index("finding_id")
    assert found.at[PREFIX + "dongying_test_restated", "status"] == status
    assert found.at[PREFIX + "dongying_test_restated", "inputs"] == "dongying_powers_delegated_approx"


def test_another_period_or_entity_is_another_quantity(data_copy):
    _add_facts(data_copy, ("dongying_test_2013", _dongying("410項", "410", locator="共下放410項權限", period="2013")),
               ("dongying_test_town", _dongying("410項", "410", locator="共下放410項權限", entity="某鎮")))
    ids = {row["finding_id"] for row in restatement_rows(load_tables(data_copy))}
    assert not ids & {PREFIX + "dongying_test_2013", PREFIX + "dongying_test_town"}
