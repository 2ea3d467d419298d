"""Figures of the five reports: the numbers each draws, checked against what the reports say (a test of the data)."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from analysis.views import CountyView  # noqa: E402
from tests.test_figures import drawn  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """The figures a test draws are closed after it (pyplot keeps every figure it makes)."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def test_cuts_before_after_draws_the_numbers_each_cut_is_computed_from():
    # 003 part 4 (++区): 事业机构 17 -> 4 (2002); 行政机构 8-10 -> 1-2 (2002); 党政机构 12 -> 3,
    # 事业站所 17 -> 7, 行政机构 10 -> 3 (2005 round)
    fig, table = drawn("anon_district_pp", "staffing", "cuts")
    assert fig is not None
    got = {r.finding_id: (r.before_low, r.before_high, r.after_low, r.after_high, r.claimed) for r in table.itertuples()}
    assert got == {
        "anon_district_pp_institutions_cut_2002": (17, 17, 4, 4, "76%"),
        "anon_district_pp_admin_offices_cut_2002": (8, 10, 1, 2, "80%以上"),
        "anon_district_pp_party_gov_cut_2005": (12, 12, 3, 3, "75%"),
        "anon_district_pp_stations_cut_2005": (17, 17, 7, 7, "59%"),
        "anon_district_pp_admin_offices_cut_2005": (10, 10, 3, 3, "70%"),
    }
    # the year ++年 hides shows as "…", never as an invented year
    assert table.set_index("finding_id").at["anon_district_pp_party_gov_cut_2005", "period"] == "…→2006"


def test_culture_station_pipeline_splits_the_tasks_and_shows_the_idle_built_stations():
    # 003 part 8 (xx市): 144 tasks = 90 built + 47 under construction + 7 choosing a site; 31 of the 90 run
    fig, table = drawn("anon_city_162", "facilities", "culture_stations")
    assert fig is not None
    stations = dict(zip(table["stage"], table["stations"]))
    assert stations == {"built, in operation 建成并运行": 31, "built, not in operation 建成未运行": 90 - 31,
                        "under construction 在建": 47, "choosing a site 选址": 7, "construction tasks 建设任务 (total)": 144}
    assert table["share_of_tasks"].iloc[0] == pytest.approx(31 / 144 * 100, abs=0.005)  # shown to 2 places


def test_no_pipeline_without_tasks_and_built_counts():
    # 宣州区 describes one station and 2011's programme counts projects, not stations built: no stages to split
    for county in ("xuanzhou", "anon_city_2011"):
        names = [n for n, _, _ in CountyView(county, "facilities", save_figures=False).figures()]
        assert not any(n.endswith("culture_stations") for n in names)


def test_xuanzhou_amounts_are_told_apart_by_their_measure():
    # 003 part 8a: 总投资60万元 and 争取上级资金40万元 for the same station; both once labelled by the station alone
    fig, table = drawn("xuanzhou", "finance", "amounts")
    assert dict(zip(table["as_written"], table["wan_yuan"])) == {"60万元": 60, "40万元": 40}
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(set(labels)) == len(table) and fig.axes[0].get_xscale() == "log"
