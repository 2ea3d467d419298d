"""analysis.api, the researchers' API: facts without approximate twins, the ledger with numbers, filters, figures
that keep to their domain, caches that follow the tables, displays that change nothing global, and the CJK font
that `import analysis` registers."""

import math
import re
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from analysis import api
from analysis.paths import DATA_DIR
from tests.test_tables import rewrite


def test_the_readme_lists_every_name_of_the_api():
    from analysis.paths import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**The API for your own queries**"):]
    section = section[:section.index("```", section.index("```") + 3)]
    assert [name for name in api.__all__ if not re.search(rf"\b{name}\b", section)] == []


def test_facts_drop_the_approximate_twin_and_keep_it_apart():
    """东营 states its delegated powers as 401項 and as 400多項: picking by measure must give one number."""
    rows = api.facts("dongying", measure="powers_delegated")
    assert list(rows["fact_id"]) == ["dongying_powers_delegated"] and list(rows["value"]) == [401.0]
    both = api.facts("dongying", measure="powers_delegated", approximate=True)
    assert sorted(both["as_written"]) == ["400多項", "401項"]
    twins = api.approximate_twins("dongying")
    assert list(twins["fact_id"]) == ["dongying_powers_delegated_approx"]
    assert list(twins["fact_id_exact"]) == ["dongying_powers_delegated"] and list(twins["as_written_exact"]) == ["401項"]
    # a range with no exact twin (5-6个) stays: it is the only number stated
    assert "anon_city_88_party_government_offices" in set(api.facts("anon_city_88")["fact_id"])


def test_value_gives_the_exact_number_or_names_the_candidates():
    share = api.value("dongying", "powers_in_use") / api.value("dongying", "powers_delegated") * 100
    assert round(share, 2) == 44.64  # 179 / 401, not 179 / 400 = 44.75
    with pytest.raises(LookupError, match="no exact powers_delegated"):
        api.value("anhui", "powers_delegated")


def test_the_ledger_has_numbers_beside_its_text():
    rows = api.ledger("anon_district_pp", "staffing", "tension").set_index("finding_id")
    row = rows.loc["anon_district_pp_admin_offices_cut_2002"]  # "精简80%以上" over 8-10 offices cut to 1-2
    assert (row["claimed"], row["recomputed"]) == ("80%以上", "75–90")
    assert (row["claimed_low"], row["claimed_high"]) == (80.0, math.inf)
    assert (row["recomputed_low"], row["recomputed_high"]) == (75.0, 90.0)  # (8-2)/8 = 75%, (10-1)/10 = 90%
    share = api.ledger("dongying").set_index("finding_id").loc["dongying_in_use_share"]
    assert share["claimed_low"] == pytest.approx(44.55) and share["claimed_high"] == pytest.approx(44.65)
    assert share["recomputed_low"] == share["recomputed_high"] == pytest.approx(44.6384)  # 179 / 401
    columns = list(rows.reset_index().columns)
    assert columns.index("claimed_low") == columns.index("claimed") + 1 and columns.index("recomputed_high") == columns.index("recomputed") + 2
    assert rows["recomputed_low"].dtype == float


def test_with_numbers_reads_the_text_forms():
    frame = pd.DataFrame({"claimed": ["不到20%", "约50%", "明显提高", "三分之一"], "recomputed": ["18.3099", "", "", "-4.3–-2"]})
    out = api.with_numbers(frame)
    assert (out.at[0, "claimed_low"], out.at[0, "claimed_high"]) == (-math.inf, 20.0)
    assert (out.at[1, "claimed_low"], out.at[1, "claimed_high"]) == (45.0, 55.0)  # 约: within 5 points (DICTIONARY.md)
    assert math.isnan(out.at[2, "claimed_low"]) and math.isnan(out.at[1, "recomputed_low"])
    assert (out.at[3, "recomputed_low"], out.at[3, "recomputed_high"]) == (-4.3, -2.0)  # a minus inside an en-dash range


def test_filters_take_one_id_or_several_and_refuse_unknown_ones_in_one_line():
    both = api.ledger(["dongying", "laishui"], grade=["reproduced", "tension"], rule="share")
    assert set(both["county"]) <= {"dongying", "laishui"} and set(both["status"]) <= {"reproduced", "tension"}
    assert set(both["rule"]) == {"share"} and len(both) > 0
    for kwargs, message in ((dict(county="atlantis"), "unknown county 'atlantis'. Valid ids: anhui"),
                            (dict(grade="ok"), "unknown grade 'ok'; choose from: discrepancy, reproduced, tension, unverifiable"),
                            (dict(domain="tax"), "unknown domain 'tax'; choose from: context, delegation, facilities, finance, staffing")):
        with pytest.raises(ValueError) as err:
            api.ledger(**kwargs)
        assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_the_cuts_figure_keeps_to_staffing_whatever_it_is_given():
    """figures.cuts_before_after draws every reduction it is handed; 90 stations built, 31 running is no staffing cut."""
    import matplotlib.pyplot as plt

    from analysis import figures

    everything = api.ledger()
    _, unfiltered = figures.cuts_before_after(everything, api.tables())
    assert "anon_city_162_majority_not_operating" in set(unfiltered["finding_id"])  # the trap
    fig, table = api.cuts_figure(everything)
    assert "anon_city_162_majority_not_operating" not in set(table["finding_id"])
    assert set(table["finding_id"]) == set(everything[(everything["domain"] == "staffing") & (everything["rule"] == "reduction")]["finding_id"])
    plt.close(fig)
    fig, table = api.stations_figure("anon_city_162")
    assert fig is not None
    plt.close(fig)


def in_use_178(rows):
    """东营's 179 powers in normal use become 178, consistently (value, as written, locator)."""
    h = rows[0]
    row = next(r for r in rows[1:] if r[h.index("as_written")] == "179項")
    row[h.index("value")], row[h.index("as_written")] = "178", "178項"
    row[h.index("locator")] = row[h.index("locator")].replace("179", "178")


def test_the_ledger_is_audited_again_when_a_table_changes(tmp_path):
    """179 becomes 178 in facts.csv: 178 / 401 = 44.39%, outside 44.6%'s window; the cached ledger must not say reproduced."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = api.ledger("dongying", data_dir=data).set_index("finding_id").loc["dongying_in_use_share"]
    assert before["status"] == "reproduced"

    rewrite(data / "facts.csv", in_use_178)
    after = api.ledger("dongying", data_dir=data).set_index("finding_id").loc["dongying_in_use_share"]
    assert after["recomputed"] == "44.389" and after["status"] != "reproduced"
    assert api.value("dongying", "powers_in_use", data_dir=data) == 178.0


def test_the_overview_ledger_follows_the_tables(tmp_path, monkeypatch):
    from analysis import overview, paths

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    assert overview.ledger().set_index("finding_id").at["dongying_in_use_share", "status"] == "reproduced"
    rewrite(data / "facts.csv", in_use_178)
    assert overview.ledger().set_index("finding_id").at["dongying_in_use_share", "recomputed"] == "44.389"


def test_a_callers_edit_never_reaches_the_cache():
    first = api.ledger()
    first.loc[:, "status"] = "edited"
    assert "edited" not in set(api.ledger()["status"])


def test_project_tables_show_whole_and_change_no_option_of_the_session():
    """Importing the views and the overview and showing their tables leaves pandas' options and formatters alone."""
    code = textwrap.dedent("""
        import pandas as pd
        before = {k: pd.get_option(k) for k in ("display.max_rows", "display.max_colwidth", "display.width", "display.max_columns")}
        from IPython.core.interactiveshell import InteractiveShell
        shell = InteractiveShell.instance()
        from analysis import api, overview, views
        table = api.ledger()
        html, text = table._repr_html_(), repr(table)
        after = {k: pd.get_option(k) for k in before}
        own = pd.DataFrame({"a": range(100)})
        print(before == after, "pandas.core.frame.DataFrame" in shell.display_formatter.formatters["text/html"].type_printers
              or pd.DataFrame in shell.display_formatter.formatters["text/html"].type_printers,
              html.startswith('<div class="table-scroll"'), all(f in text and f in html for f in table["finding_id"]),
              len(repr(own).splitlines()) < 100, own._repr_html_().startswith("<div>"))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False", "True", "True", "True", "True"], done.stdout + done.stderr


def test_a_review_table_puts_the_evidence_first_and_styles_for_jupyterlab():
    table = api.facts("dongying", "delegation")
    assert list(table.columns[:3]) == ["fact_id", "source", "locator"]
    html = table.styled().to_html()
    assert "text-align: left" in html and "min-width: 14em" in html  # a Chinese clause on a line or two, not 4-6 characters
    assert "401" in html and ">0<" not in html.split("<tbody>")[0]  # no index column in the header
    # what is cut from a project table is one too; a researcher's own frame is not
    assert type(table[table["value"] > 100]).__name__ == "ReviewTable"
    assert type(pd.DataFrame(table)).__name__ == "DataFrame"


FONT_PROBE = """
import sys, warnings
if sys.argv[1] == "analysis-first":
    import analysis
    import matplotlib
else:
    import matplotlib
    import analysis
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager
from analysis.style import cjk_font_path
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    fig, ax = plt.subplots()
    ax.bar(["东营市", "涞水县"], [179, -4])  # a researcher's own chart, negative ticks among it
    ax.set_title("下放權限 401項 能正常运行")
    fig.canvas.draw()
print("WARNINGS", [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)])
print("FONT", font_manager.findfont(ax.title.get_fontproperties()) == str(cjk_font_path()),
      font_manager.findfont(ax.get_xticklabels()[0].get_fontproperties()) == str(cjk_font_path()))
"""


@pytest.mark.parametrize("order", ["analysis-first", "matplotlib-first"])
def test_import_analysis_is_enough_for_chinese_in_a_plain_chart(tmp_path, order):
    """A fresh matplotlib (its own config and font cache folder): no analysis.figures function runs."""
    import os

    env = {**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    done = subprocess.run([sys.executable, "-c", FONT_PROBE, order], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WARNINGS []" in done.stdout and "FONT True True" in done.stdout, done.stdout


def test_without_the_package_the_same_chart_misses_its_glyphs(tmp_path):
    """The probe can fail: matplotlib alone draws these labels in DejaVu Sans, with missing-glyph warnings."""
    import os

    code = FONT_PROBE.replace("import analysis\n", "").replace("from analysis.style import cjk_font_path", "cjk_font_path = lambda: ''")
    done = subprocess.run([sys.executable, "-c", code, "matplotlib-first"], capture_output=True, text=True,
                          env={**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")}, timeout=300)
    assert "missing from font" in done.stdout and "FONT False False" in done.stdout, done.stdout + done.stderr[-1000:]


def test_importing_analysis_does_not_import_matplotlib():
    """The command line never draws: matplotlib (0.3 s) loads only when something asks for it."""
    done = subprocess.run([sys.executable, "-c", "import sys, analysis, analysis.api; print('matplotlib' in sys.modules)"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
