"""Indicators computed from the five reports' facts, checked against their numbers by hand (a test of the data)."""

import pytest

from analysis.indicators import compute_indicators
from analysis.tables import load_tables


@pytest.fixture(scope="module")
def indicators():
    return compute_indicators(load_tables()).set_index(["county", "indicator"])


@pytest.mark.parametrize(
    "county, indicator, value",
    [
        ("dongying", "powers_in_use_share", 179 / 401 * 100),          # 001
        ("anon_city_162", "stations_operating_share", 31 / 90 * 100),  # 003 part 8
        ("anon_city_162", "stations_built_share", 90 / 144 * 100),
        ("anon_city_88", "usable_funds_share_of_tax", 1.3 / 15.8 * 100),  # 000: 马桥镇 keeps 1.3亿 of 15.8亿
        ("anon_city_88", "budget_revenue_share_of_tax", 7.1 / 15.8 * 100),
        ("laishui", "enforcement_powers_per_officer", 112 / 11),       # 003 part 10
        ("anon_county_sd_powers", "powers_per_department", 93 / 27),    # 002
        ("jiangjin", "organ_staff_share", 80 / 325 * 100),             # 004 蔡家镇
    ],
)
def test_indicator_values(indicators, county, indicator, value):
    assert indicators.loc[(county, indicator), "value"] == pytest.approx(value)


def test_a_census_has_no_interval_and_rounded_money_its_precision(indicators):
    # 001: 179 of all 401 delegated powers: complete counts, no sampling error to show
    row = indicators.loc[("dongying", "powers_in_use_share")]
    assert row["low"] == row["high"] == pytest.approx(179 / 401 * 100)
    assert row["interval"].startswith("none: complete counts")
    # 000: 马桥镇 keeps 1.3亿 of 15.8亿: each rounded to 0.1亿, so 1.25/15.85 to 1.35/15.75
    row = indicators.loc[("anon_city_88", "usable_funds_share_of_tax")]
    assert (row["low"], row["high"]) == pytest.approx((1.25 / 15.85 * 100, 1.35 / 15.75 * 100))
    assert row["interval"] == "precision of the written numbers"


def test_a_number_stated_twice_counts_once(indicators):
    # 003 part 8 states "90个" built twice; one indicator row, not two
    assert len(indicators.loc[[("anon_city_162", "stations_built_share")]]) == 1
