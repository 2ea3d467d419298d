"""Domain indicators computed from the facts: shares and ratios, each with the uncertainty that really exists.

The reports count whole populations (all 401 delegated powers, all 90 built stations): such a share
has no sampling error, and a confidence interval would suggest one. Its only uncertainty is the
precision of the written numbers (1.3亿 is 1.25亿 to 1.35亿), which the interval arithmetic gives.
A 95% Wilson interval is kept for an indicator a report draws from a sample (none does today).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.tables import Tables

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Indicator:
    """``numerator / denominator`` for facts of one county (and, when both sides have several, one entity)."""

    name: str
    domain: str
    label: str  # English, with the Chinese term beside it
    numerator: str  # measure
    denominator: str  # measure
    kind: str = "share"  # share or percent: a percentage; ratio: a plain quotient
    sample: bool = False  # the report draws it from a sample: then, and only then, a 95% Wilson interval


INDICATORS = (
    Indicator("usable_funds_share_of_budget", "finance", "usable funds / budget revenue 可用财力占预算收入", "usable_funds", "public_budget_revenue", "percent"),
    Indicator("usable_funds_share_of_tax", "finance", "usable funds / tax revenue 可用财力占税收", "usable_funds", "tax_revenue", "percent"),
    Indicator("budget_revenue_share_of_tax", "finance", "budget revenue / tax revenue (local retention) 预算收入占税收", "public_budget_revenue", "tax_revenue", "percent"),
    Indicator("investment_completion", "finance", "investment completed 完成投资率", "investment_completed", "investment_total", "percent"),
    Indicator("administrative_post_share", "staffing", "administrative posts / all posts 行政编制占比", "posts_administrative", "posts_total"),
    Indicator("institutional_post_share", "staffing", "institutional posts / all posts 事业编制占比", "posts_institutional", "posts_total"),
    Indicator("added_administrative_share", "staffing", "administrative share of added posts 核增行政编制占比", "posts_added_administrative", "posts_added"),
    Indicator("organ_staff_share", "staffing", "organ staff / all cadres 机关干部占比", "organ_staff", "cadres_total"),
    Indicator("powers_in_use_share", "delegation", "powers in normal use 正常运行", "powers_in_use", "powers_delegated"),
    Indicator("powers_unused_share", "delegation", "powers unused 暂未使用", "powers_unused", "powers_delegated"),
    Indicator("powers_not_taken_up_share", "delegation", "powers not taken up 未承接到位", "powers_not_taken_up", "powers_delegated"),
    Indicator("powers_per_department", "delegation", "powers per delegating department 每部门下放事项", "powers_delegated", "delegating_departments", "ratio"),
    Indicator("enforcement_powers_per_officer", "delegation", "enforcement powers per team member 每名执法队员承接处罚事项", "enforcement_powers", "enforcement_team_size", "ratio"),
    Indicator("stations_built_share", "facilities", "stations built / tasks 建成率", "culture_stations_built", "culture_station_tasks"),
    Indicator("stations_operating_share", "facilities", "stations operating / built 投入运行率", "culture_stations_operating", "culture_stations_built"),
)

INDICATOR_COLUMNS = ["county", "indicator", "domain", "label", "entity", "numerator", "denominator", "value",
                     "low", "high", "interval", "unit", "inputs"]
CENSUS = "none: complete counts, not a sample"
PRECISION = "precision of the written numbers"
WILSON = "95% Wilson interval (a sample)"


def wilson_interval(successes: int, trials: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """95% Wilson score interval for a share, in percent.

    Examples
    --------
    179 of 东营's 401 delegated powers were in normal use:

    >>> lo, hi = wilson_interval(179, 401)
    >>> round(lo, 1), round(hi, 1)
    (39.8, 49.5)
    """
    from statsmodels.stats.proportion import proportion_confint

    lo, hi = proportion_confint(successes, trials, alpha=1 - confidence, method="wilson")
    return lo * 100, hi * 100


def exact_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Facts with a single exact number: ranges and bounds ("400多项") feed no indicator or comparison."""
    return frame[frame["value"].notna() & frame["low"].isna() & frame["high"].isna()]


def _pairs(numerators: pd.DataFrame, denominators: pd.DataFrame):
    # A number the report states twice (90 stations built) counts once.
    numerators = numerators.drop_duplicates(["entity", "value"]) if numerators["value"].nunique() > 1 else numerators.head(1)
    denominators = denominators.drop_duplicates(["entity", "value"]) if denominators["value"].nunique() > 1 else denominators.head(1)
    if len(numerators) == 1 and len(denominators) == 1:
        yield numerators.iloc[0], denominators.iloc[0]
        return
    for _, num in numerators.iterrows():
        match = denominators[denominators["entity"] == num["entity"]]
        if len(match) == 1:
            yield num, match.iloc[0]


def compute_indicators(tables: Tables, county: str | None = None, domain: str | None = None) -> pd.DataFrame:
    """Every indicator the facts allow, per county, with the fact ids it used.

    ``low``/``high`` bound what the written numbers allow (equal to the value for exact counts);
    ``interval`` says which uncertainty that is: none for a census, the inputs' written precision,
    or a Wilson interval for a sample.
    """
    from analysis.audit import AT_PRECISION, fact_interval

    facts = exact_values(tables.facts)
    if county:
        facts = facts[facts["county"] == county]
    rows = []
    for ind in INDICATORS:
        if domain and ind.domain != domain:
            continue
        for place, group in facts.groupby("county", sort=True):
            nums, dens = group[group["measure"] == ind.numerator], group[group["measure"] == ind.denominator]
            for num, den in _pairs(nums, dens):
                if den["value"] == 0:
                    continue
                value = num["value"] / den["value"]
                scale = 1 if ind.kind == "ratio" else 100
                if ind.sample:
                    (lo, hi), interval = wilson_interval(int(num["value"]), int(den["value"])), WILSON
                else:
                    spans = [fact_interval(f, AT_PRECISION) for f in (num, den)]
                    quotient = (spans[0] / spans[1]).scale(scale)
                    lo, hi = quotient.lo, quotient.hi
                    interval = CENSUS if quotient.is_point else PRECISION
                rows.append({
                    "county": place, "indicator": ind.name, "domain": ind.domain, "label": ind.label,
                    "entity": num["entity"], "numerator": num["value"], "denominator": den["value"],
                    "value": value if ind.kind == "ratio" else value * 100,
                    "low": lo, "high": hi, "interval": interval, "unit": "" if ind.kind == "ratio" else "%",
                    "inputs": f"{num['fact_id']} {den['fact_id']}",
                })
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
