"""Figures: each returns the numbers it draws; what holds for every figure of any tables (the five reports'
figures, number by number: test_figures_transcription.py)."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from analysis.views import CountyView  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    """The figures a test draws are closed after it (pyplot keeps every figure it makes)."""
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def drawn(county, domain, name):
    # figure names are "<county>/<domain>_<name>"
    figures = {n.removeprefix(f"{county}/{domain}_"): (fig, table) for n, fig, table in CountyView(county, domain, save_figures=False).figures()}
    return figures[name]


def test_tables_shown_to_readers_have_blank_cells_not_nan():
    view = CountyView("dongying", "delegation", save_figures=False)
    facts = view.facts_table().set_index("fact_id")
    assert facts.at["dongying_powers_delegated", "low"] == ""                      # 401項: exact, no bounds
    assert (facts.at["dongying_powers_delegated_approx", "low"], facts.at["dongying_powers_delegated_approx", "high"]) == (400, 500)  # 400多項
    assert "NaN" not in view.facts_table().to_string() and "NaN" not in view.indicators_table().to_string()


def test_without_an_operating_count_built_stations_are_not_called_idle():
    import pandas as pd

    from analysis.figures import culture_station_pipeline

    facts = pd.DataFrame({"measure": ["culture_station_tasks", "culture_stations_built"], "value": [10.0, 6.0]})
    fig, table = culture_station_pipeline(facts)
    assert dict(zip(table["stage"], table["stations"])) == {"built 建成": 6, "construction tasks 建设任务 (total)": 10}


def _every_figure():
    from analysis.views import DOMAINS_SHOWN
    from analysis.tables import load_tables

    for county in load_tables().counties["county"]:
        for domain in DOMAINS_SHOWN:
            view = CountyView(county, domain, save_figures=False)
            for name, fig, table in view.figures():
                yield name, fig


def test_every_figures_labels_are_distinct_and_uncut():
    import matplotlib.pyplot as plt

    seen = 0
    for name, fig in _every_figure():
        for ax in fig.axes:
            labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
            assert len(labels) == len(set(labels)), (name, labels)
            # the report's words are never cut; the English after a claim's "(claimed)" may be (see the next test)
            assert not any(label.split(")\n", 1)[0].endswith("…") for label in labels), (name, labels)
            seen += 1
        plt.close(fig)
    assert seen >= 10


def test_no_bars_on_a_log_axis():
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    for name, fig in _every_figure():
        for ax in fig.axes:
            if ax.get_xscale() == "log" or ax.get_yscale() == "log":
                bars = [p for p in ax.patches if isinstance(p, Rectangle)]
                assert not bars, name
        plt.close(fig)


def test_a_share_of_complete_counts_draws_even_when_its_bounds_differ_in_the_last_bit():
    """118 of 199 powers: value and bounds are computed apart and may differ by 1e-14 (a synthetic county failed so)."""
    import pandas as pd

    from analysis.figures import shares_with_intervals

    value = 118 / 199 * 100
    row = {"indicator": "x", "label": "powers in normal use", "entity": "", "numerator": 118.0, "denominator": 199.0,
           "value": value, "low": value * (1 + 1e-15), "high": value * (1 - 1e-15), "interval": "none", "unit": "%", "inputs": ""}
    assert row["low"] > row["value"] > row["high"]
    fig, table = shares_with_intervals(pd.DataFrame([row]))
    assert fig is not None and len(table) == 1


def test_the_bundled_cjk_font_draws_even_where_the_system_has_one_of_the_same_name():
    """fonts-noto-cjk names a face of its .ttc "Noto Sans CJK SC" too; it won the tie, and the same figure came
    out in other bytes on machines that had it. A decoy of that name, first in matplotlib's list, must not win."""
    import subprocess
    import sys

    code = """
import dataclasses
import os
from matplotlib import font_manager as fm, rcParams
from analysis.style import CJK_FONT_NAME, apply_style, cjk_font_path
dejavu = fm.findfont("DejaVu Sans")
decoy = next(f for f in fm.fontManager.ttflist if f.fname == dejavu)
fm.fontManager.ttflist.insert(0, dataclasses.replace(decoy, name=CJK_FONT_NAME))
apply_style()
# the same file (an environment reached through a link names it by two paths)
print(os.path.realpath(fm.findfont(fm.FontProperties(family=rcParams["font.sans-serif"]))) == os.path.realpath(cjk_font_path()))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True", done.stderr


# A Taiwan budget and a mainland bulletin, as a user onboards them: a completion rate above 100, a fall, an
# unverifiable share, and one measure stated for two years (the same amount in both).
FIXTURE_AUDIT = [
    {"finding_id": "f_above", "claim": "歲入決算達預算數137.13%", "claimed": "137.13%", "recomputed": "137.1341", "status": "reproduced"},
    {"finding_id": "f_fall", "claim": "稅收較上年下降-4.3%", "claimed": "-4.3%", "recomputed": "-4.2857", "status": "reproduced"},
    {"finding_id": "f_open", "claim": "建成率65%以上", "claimed": "65%以上", "recomputed": "62.5", "status": "discrepancy"},
    {"finding_id": "f_none", "claim": "约占一半", "claimed": "50%", "recomputed": "", "status": "unverifiable"},
    {"finding_id": "f_count", "claim": "共21个", "claimed": "21个", "recomputed": "21", "status": "reproduced"},  # not a percentage
]
FIXTURE_FACTS = [
    {"entity": "全县", "measure": "tax_revenue", "period": "2023", "as_written": "5.6亿元", "value": 5.6e8, "unit": "元"},
    {"entity": "全县", "measure": "tax_revenue", "period": "2024", "as_written": "5.6亿元", "value": 5.6e8, "unit": "元"},
    {"entity": "全县", "measure": "usable_funds", "period": "2024", "as_written": "1.3亿元", "value": 1.3e8, "unit": "元"},
    {"entity": "某镇", "measure": "usable_funds", "period": "2024", "as_written": "++万元", "value": float("nan"), "unit": "元"},
    {"entity": "全县", "measure": "township_units", "period": "2024", "as_written": "12个", "value": 12.0, "unit": "个"},
]


def _inside(ax, xs):
    left, right = ax.get_xlim()
    return all(left <= x <= right for x in xs)


def test_claims_above_100_and_below_0_are_drawn_where_they_are():
    import pandas as pd

    from analysis.figures import alt_text, claims_vs_recomputed

    fig, table = claims_vs_recomputed(pd.DataFrame(FIXTURE_AUDIT))
    rows = table.set_index("finding_id")
    assert list(rows.index) == ["f_above", "f_fall", "f_open"]  # 21个 is no percentage; f_none has nothing to draw
    # the windows of the written numbers: 137.13% is [137.125, 137.135), -4.3% is [-4.35, -4.25), 65%以上 [65, inf)
    assert (rows.at["f_above", "claim_low"], rows.at["f_above", "claim_high"]) == pytest.approx((137.125, 137.135))
    assert (rows.at["f_fall", "claim_low"], rows.at["f_fall", "claim_high"]) == pytest.approx((-4.35, -4.25))
    assert rows.at["f_open", "claim_high"] == float("inf")
    ax = fig.axes[0]
    assert ax.get_xscale() == "linear" and _inside(ax, [-4.35, -4.2857, 0, 100, 137.1341, 137.135])
    dots = [x for c in ax.collections for x, _ in c.get_offsets()]
    assert pytest.approx(137.1341) in dots and pytest.approx(-4.2857) in dots and _inside(ax, dots)
    assert alt_text(fig).endswith("Not drawn: 1 percentage claim with nothing to recompute (unverifiable).")


def test_a_claims_label_is_the_whole_claim_then_its_english_shortened():
    import pandas as pd

    from analysis.figures import claims_vs_recomputed

    rows = [{"finding_id": "f_en", "claim": "镇上可用财力仅为1.3亿,不到财政预算收入的20%", "claimed": "不到20%", "recomputed": "18.3099",
             "status": "reproduced", "claim_en": "the town's usable funds are only 1.3亿 (130 million yuan), less than 20% of budget revenue"},
            {"finding_id": "f_short", "claim": "占到建成数的三分之一", "claimed": "三分之一", "recomputed": "34.4444",
             "status": "reproduced", "claim_en": "one third of those built"},
            {"finding_id": "f_none", "claim": "完成投资率为45.74%", "claimed": "45.74%", "recomputed": "45.7407", "status": "reproduced"}]
    fig, table = claims_vs_recomputed(pd.DataFrame(rows))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    # the claim whole (25 characters: one line of 26); the English on at most two lines of 40, cut at a word with "…"
    assert labels == ["镇上可用财力仅为1.3亿,不到财政预算收入的20% (不到20%)\nthe town's usable funds are only 1.3亿\n"
                      "(130 million yuan), less than 20% of…",
                      "占到建成数的三分之一 (三分之一)\none third of those built",
                      "完成投资率为45.74% (45.74%)"]  # no claim_en (an audit made before the column): the Chinese alone
    assert list(table["claim_en"]) == [rows[0]["claim_en"], "one third of those built", ""]


def test_two_years_of_one_measure_are_two_dots_labelled_by_year():
    import pandas as pd

    from analysis.figures import alt_text, money_by_measure

    fig, table = money_by_measure(pd.DataFrame(FIXTURE_FACTS), {"tax_revenue": "税收收入", "usable_funds": "可用财力"})
    # the same 5.6亿 in 2023 and 2024 was one dot and one label; usable funds has one period: no year
    assert list(table["label"]) == ["tax revenue 税收收入 (全县, 2023)", "tax revenue 税收收入 (全县, 2024)", "usable funds 可用财力 (全县)"]
    assert list(table["wan_yuan"]) == [56000, 56000, 13000]
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(set(labels)) == 3 and _inside(fig.axes[0], table["wan_yuan"])
    assert alt_text(fig).endswith("Not drawn: 1 amount with no value (anonymised or not stated).")  # 某镇's ++万元


def test_an_amount_of_zero_or_below_gets_a_linear_axis():
    import pandas as pd

    from analysis.figures import money_by_measure

    facts = pd.DataFrame([{"entity": "縣", "measure": "balance", "period": "115", "as_written": "-8億", "value": -8e8, "unit": "元"},
                          {"entity": "縣", "measure": "revenue", "period": "115", "as_written": "351億", "value": 3.51e10, "unit": "元"}])
    fig, table = money_by_measure(facts, {})
    assert len(table) == 2 and fig.axes[0].get_xscale() == "linear" and _inside(fig.axes[0], [-80000, 0, 3510000])


def test_shares_above_100_and_below_0_are_drawn_whole():
    import pandas as pd

    from analysis.figures import shares_with_intervals

    rows = [{"indicator": i, "label": i, "entity": "", "numerator": n, "denominator": 100.0, "value": n, "low": lo, "high": hi,
             "interval": "precision", "unit": "%", "inputs": ""} for i, n, lo, hi in (("above", 137.13, 137.0, 137.3), ("fall", -4.3, -4.4, -4.2))]
    fig, table = shares_with_intervals(pd.DataFrame(rows))
    assert len(table) == 2 and _inside(fig.axes[0], [137.3, -4.4, 0, 100])
    fig, _ = shares_with_intervals(pd.DataFrame(rows[:1]).assign(value=44.6, low=44.6, high=44.6))
    assert fig.axes[0].get_xlim()[0] == 0  # nothing below 0: the bars start at the axis, as before


def test_a_traditional_countys_figures_are_in_a_traditional_face_and_labels():
    from matplotlib import font_manager
    from matplotlib.text import Text

    from analysis.scripts import HANT
    from analysis.style import script_face

    face = script_face(HANT)
    if face is None:
        pytest.skip("no traditional face installed (Debian: fonts-noto-cjk); the fallback is tested below")
    wanted = next(f for f in font_manager.fontManager.ttflist if f.name == face)
    fig, table = drawn("dongying", "delegation", "claims")  # 東營: report 001, traditional
    texts = [t for t in fig.findobj(Text) if t.get_text()] + fig.axes[0].get_yticklabels()
    assert len(texts) > 5
    for text in texts:
        found = font_manager.findfont(text.get_fontproperties())
        assert (str(found), getattr(found, "face_index", 0)) == (wanted.fname, wanted.index), text.get_text()
    shown = " ".join(t.get_text() for t in texts)
    assert "報告所述比例與重算" in shown and "已復現" in shown and "已复现" not in shown
    simplified, _ = drawn("anon_district_pp", "staffing", "claims")
    assert "已复现" in " ".join(t.get_text() for t in simplified.findobj(Text))


def test_without_a_traditional_face_the_bundled_one_draws_with_one_note(monkeypatch):
    import dataclasses
    import os
    import warnings

    from matplotlib import font_manager

    from analysis import scripts, style
    from analysis.figures import alt_text

    monkeypatch.setitem(scripts.SCRIPTS, scripts.HANT, dataclasses.replace(scripts.SCRIPTS[scripts.HANT], figure_faces=("No Such Face TC",)))
    style.script_face.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig, _ = drawn("dongying", "delegation", "claims")
            fig.canvas.draw()
    finally:
        style.script_face.cache_clear()
    assert [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing" in str(w.message)] == []  # never boxes
    assert alt_text(fig).count(style.FALLBACK_NOTE.replace("\n", " ")) == 1
    label = fig.axes[0].get_yticklabels()[0]
    drawn_with = os.path.realpath(font_manager.findfont(label.get_fontproperties()))  # the file, by whatever path
    assert "項" in label.get_text() and drawn_with == os.path.realpath(style.cjk_font_path())
