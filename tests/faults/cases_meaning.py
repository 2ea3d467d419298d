"""Faults of meaning (issue 28): a reading or an input computed from the claim itself, rules over units that do
not go together, count_by patterns that backtrack without end. Row numbers are those of data/*.csv."""

from __future__ import annotations

import re
from pathlib import Path

from tests.faults.cases import AUDIT, BAD, VALIDATE, Fault, Mutation, _rows, _write, cell, cells

FINDINGS, READINGS, LISTS = "data/findings.csv", "data/readings.csv", "data/lists.csv"
AUDIT_CSV = ("--data-dir", "{data}", "audit", "--csv")


def append_copy(table: str, row: int, **changes: str) -> Mutation:
    """A new last row: a copy of ``row`` with some cells changed."""
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        copy = list(rows[row - 1])
        for column, value in changes.items():
            copy[rows[0].index(column)] = value
        _write(data / f"{table}.csv", [*rows, copy])
    return mutate


# xx市's "65%以上 built" (findings row 106, claim fact in facts row 241) is a discrepancy: 90 of 144 is 62.5%.
BUILT_SHARE = "anon_city_162_stations_built_share"
# The same 65%以上 transcribed again as another row: the same county, measure, entity, period and number.
RESTATED = append_copy("facts", 241, fact_id=f"{BUILT_SHARE}_again")
# "(([^X]+)+)+X" against a list with no X: re tries every way to split the text among three nested +.
CATASTROPHIC = "split (([^X]+)+)+X"

CASES = [
    # a reading or an input computed from the claim itself always holds: it would hide a discrepancy
    Fault("meaning-reading-uses-the-claim-fact", cells(cell("readings", 2, "rule", "value"), cell("readings", 2, "inputs", BUILT_SHARE)),
          AUDIT, BAD, rf"{READINGS}, row 2, column 'inputs': {BUILT_SHARE} is the claim fact of finding "
                      rf"anon_city_162_built_share \({FINDINGS} row 106\)"),
    Fault("meaning-reading-sums-the-claim-fact", cell("readings", 4, "inputs", "laishui_posts_total"), VALIDATE, BAD,
          rf"{READINGS}, row 4, column 'inputs': laishui_posts_total is the claim fact of finding laishui_posts_bodies_sum "
          rf"\({FINDINGS} row 114\)"),
    Fault("meaning-reading-uses-a-restating-fact",
          cells(RESTATED, cell("readings", 2, "rule", "value"), cell("readings", 2, "inputs", f"{BUILT_SHARE}_again")),
          AUDIT, BAD, rf"{READINGS}, row 2, column 'inputs': {BUILT_SHARE}_again restates the claim fact of finding "
                      rf"anon_city_162_built_share \({FINDINGS} row 106\) {BUILT_SHARE} \(the same county, measure"),
    # 000: 88个镇和街道 (facts row 3) and the 88个乡镇 surveyed (facts row 2) are one number stated twice
    Fault("meaning-finding-input-restates-the-claim-fact", cell("findings", 2, "inputs", "anon_city_88_towns_surveyed"),
          VALIDATE, BAD, rf"{FINDINGS}, row 2, column 'inputs': anon_city_88_towns_surveyed restates the claim fact "
                         r"anon_city_88_township_units"),
    Fault("meaning-restatement-of-one-statement", cell("facts", 3, "locator", "组织对全市88个乡镇开展了专题调研活动"), VALIDATE, BAD,
          rf"{FINDINGS}, row 3, column 'inputs': anon_city_88_township_units and the claim fact anon_city_88_towns_surveyed "
          r"are one statement \(source s000p1"),
    # units: 001's 179项 + 155项 + 67项 = 401项, with the 155 made a sum of money
    Fault("meaning-sum-of-xiang-and-yuan", cells(cell("facts", 57, "measure", "matching_funds_per_town_per_year"),
                                                  cell("facts", 57, "unit", "元")), AUDIT, BAD,
          rf"{FINDINGS}, row 43, column 'inputs': dongying_powers_parts_sum: rule sum needs its inputs in one unit, not "
          r"项, 元, 项: dongying_powers_in_use \(项\), dongying_powers_unused \(元\), dongying_powers_not_taken_up \(项\)"),
    Fault("meaning-difference-of-percent-and-persons", cells(cell("findings", 60, "rule", "difference"),
          cell("findings", 60, "inputs", "anon_town_sc_refuse_collection_rate anon_town_sc_new_staff_militia")), VALIDATE, BAD,
          rf"{FINDINGS}, row 60, column 'inputs': anon_town_sc_new_staff_sum: rule difference needs its inputs in one "
          r"unit, not %, 人"),
    Fault("meaning-share-of-yuan-over-xiang", cell("findings", 40, "inputs", "dongying_matching_funds dongying_powers_delegated"),
          AUDIT, BAD, rf"{FINDINGS}, row 40, column 'inputs': dongying_in_use_share: rule share needs its inputs in one "
                      r"unit, not 元, 项: dongying_matching_funds \(元\), dongying_powers_delegated \(项\)"),
    Fault("meaning-value-in-another-unit", cell("findings", 44, "inputs", "dongying_posts_added"), VALIDATE, BAD,
          rf"{FINDINGS}, row 44, column 'inputs': dongying_powers_approx_vs_exact: rule value gives 名, but the claim is "
          r"in 项 \(its claim fact dongying_powers_delegated_approx\)"),
    # 名 (posts) and 人 (persons) may restate each other (findings row 121), never be added
    Fault("meaning-sum-of-posts-and-persons", cell("findings", 113, "inputs", "laishui_posts_administrative laishui_enforcement_team_size"),
          VALIDATE, BAD, rf"{FINDINGS}, row 113, column 'inputs': laishui_posts_admin_plus_inst: rule sum needs its inputs "
                         r"in one unit, not 名, 人"),
    Fault("meaning-sum-not-in-the-claims-unit", cell("findings", 45, "claim_fact", "dongying_powers_delegated"), VALIDATE, BAD,
          rf"{FINDINGS}, row 45, column 'inputs': dongying_posts_added_sum: rule sum gives 名, but the claim is in 项"),
    Fault("meaning-list-count-against-money", cell("findings", 5, "claim_fact", "anon_city_88_maqiao_usable_funds"), VALIDATE, BAD,
          rf"{FINDINGS}, row 5, column 'inputs': anon_city_88_pg_offices_count: rule count_items gives a count of items, "
          r"but the claim is in 元"),
    Fault("meaning-reading-in-mixed-units", cell("readings", 4, "inputs", "laishui_posts_party_gov_office laishui_enforcement_powers"),
          VALIDATE, BAD, rf"{READINGS}, row 4, column 'inputs': laishui_leadership_posts: rule sum needs its inputs in one "
                         r"unit, not 名, 项"),
    # count_by: refused before anything runs it
    Fault("meaning-count-by-catastrophic", cell("lists", 2, "count_by", CATASTROPHIC), AUDIT, BAD,
          rf"{LISTS}, row 2, column 'count_by': {re.escape(repr(CATASTROPHIC))}: a quantifier inside a repeated group"),
    Fault("meaning-count-by-backreference", cell("lists", 2, "count_by", r"split (、)\1"), VALIDATE, BAD,
          rf"{LISTS}, row 2, column 'count_by': .*: a backreference"),
    # "、、" is one 、、 or two 、: each run of them splits a dozen ways before the match fails
    Fault("meaning-count-by-repeated-alternation", cell("lists", 2, "count_by", "split (、|、、)+X"), VALIDATE, BAD,
          rf"{LISTS}, row 2, column 'count_by': .*: an alternation \(\|\) inside a repeated group"),
    # one way to match: a separator of single characters, repeated (re reads (、|，) as the class [、，])
    Fault("meaning-count-by-harmless", cell("lists", 2, "count_by", "split (、|，)+"), AUDIT_CSV, 0,
          r"anon_city_88_pg_offices_count,anon_city_88,staffing,list count,.*,5-6个,6,,reproduced,"),
]
