"""The notebooks: parameters, clean metadata, papermill runs, the nbval drift guard, and CJK glyphs."""

import ast
import json
import shutil
import subprocess
import sys
import warnings

import nbformat
import pytest

from analysis.paths import DATA_DIR, NOTEBOOKS_DIR
from analysis.tables import load_tables
from analysis.views import DOMAINS_SHOWN, CountyView, has_domain_data
from tests.test_tables import rewrite

PER_COUNTY = {"01-finance": "finance", "02-staffing": "staffing", "03-delegation": "delegation", "04-facilities": "facilities",
              "05-context": "context"}
ALL = ["00-overview", *PER_COUNTY]


def read(name):
    return nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)


def parameters_cell(nb):
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    return tagged[0]


@pytest.mark.parametrize("name", PER_COUNTY)
def test_parameters_cell_holds_literals_only_and_defaults_to_a_county_with_data(name):
    tree = ast.parse(parameters_cell(read(name)).source)
    assigned = {}
    for node in tree.body:
        assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Constant), ast.dump(node)
        assert ast.unparse(node.annotation) == "str"  # typed, so papermill --help-notebook shows it
        assigned[node.target.id] = node.value.value
    assert has_domain_data(load_tables(), assigned["county"], PER_COUNTY[name])


def committed_text(name):
    """The notebook as git stores it. JupyterLab writes the kernel's language details (its Python version) into a
    notebook it opens, and its autosave saves them; the clean filter (make install) hands git the notebook without
    them. So the file may differ from its clean form only where git, through the filter, sees no change."""
    from analysis.execute import clean_text

    path = NOTEBOOKS_DIR / f"{name}.ipynb"
    text = path.read_text(encoding="utf-8")
    cleaned = clean_text(text)
    if cleaned != text:
        unchanged = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", str(path)], cwd=NOTEBOOKS_DIR, capture_output=True)
        assert unchanged.returncode == 0, (f"{path.name} is not in its committed form, and git sees the change: run make install "
                                           "(the clean filter) or python -m analysis run-notebooks")
    return cleaned


@pytest.mark.parametrize("name", [*ALL, "06-explore"])
def test_notebooks_carry_no_machine_details(name):
    text = committed_text(name)
    for leak in ("/root", "/work", "/tmp", "/home", "ExecuteTime", '"execution"', "0x7f", "<style"):  # <style: the site's CSP refuses it
        assert leak not in text, leak
    nb = json.loads(text)
    assert nb["metadata"] == {"kernelspec": {"display_name": "Township reform audit (.venv)", "language": "python",
                                             "name": "township-reform-audit"},
                              "language_info": {"name": "python"}}
    assert all(set(c["metadata"]) <= {"tags"} for c in nb["cells"]), "cell metadata beyond tags (papermill, timings)"
    assert all(c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"), "committed unexecuted"


def test_notebooks_define_no_functions():
    for name in ALL:
        for cell in read(name).cells:
            if cell.cell_type == "code":
                assert not any(isinstance(n, (ast.FunctionDef, ast.ClassDef)) for n in ast.walk(ast.parse(cell.source)))


def papermill(name, county, out, **env):
    import papermill as pm

    return pm.execute_notebook(str(NOTEBOOKS_DIR / f"{name}.ipynb"), str(out), parameters={"county": county},
                               kernel_name="python3", progress_bar=False, cwd=str(NOTEBOOKS_DIR))


def outputs_text(nb):
    chunks = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            chunks.append(out.get("text", ""))
            chunks += [str(v) for k, v in out.get("data", {}).items() if k.startswith("text/")]
            chunks += out.get("traceback", [])
    return "\n".join(chunks)


def test_papermill_runs_another_county(tmp_path):
    nb = papermill("01-finance", "anon_city_88", tmp_path / "out.ipynb")
    text = outputs_text(nb)
    assert "马桥镇" in text and "15.8亿" in text and "18.31" in text  # 1.3亿 / 7.1亿 = 18.31%


def test_a_county_without_data_ends_with_one_sentence(tmp_path):
    nb = papermill("03-delegation", "anhui", tmp_path / "out.ipynb")
    text = outputs_text(nb)
    assert "The reports give no delegation figures for Anhui (anhui); there is nothing to show." in text
    assert "fact_id" not in text and "Figure size" not in text


def test_an_unknown_county_is_a_short_clear_error(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        papermill("03-delegation", "atlantis", tmp_path / "out.ipynb")
    assert err.value.ename == "UnknownCountyError"
    assert "Valid ids:" in err.value.evalue and "dongying" in err.value.evalue
    assert "KeyError" not in "".join(err.value.traceback) and len(err.value.traceback) == 1


def nbval(notebook, data_dir):
    env_cmd = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-q", str(notebook)]
    import os

    return subprocess.run(env_cmd, cwd=notebook.parent, capture_output=True, text=True,
                          env={**os.environ, "ANALYSIS_DATA_DIR": str(data_dir)}, timeout=300)


def test_nbval_catches_a_changed_raw_value_and_passes_once_restored(tmp_path):
    notebook = tmp_path / "03-delegation.ipynb"
    shutil.copy(NOTEBOOKS_DIR / notebook.name, notebook)
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)

    def change(rows):  # 东营: 179 powers in normal use becomes 178, consistently
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("as_written")] == "179項")
        row[h.index("value")], row[h.index("as_written")] = "178", "178項"
        row[h.index("locator")] = row[h.index("locator")].replace("179", "178")
    rewrite(data / "facts.csv", change)
    load_tables(data)  # the change is valid data: only nbval can notice it
    changed = nbval(notebook, data)
    assert changed.returncode != 0, changed.stdout[-2000:]
    assert "178" in changed.stdout

    shutil.copy(DATA_DIR / "facts.csv", data / "facts.csv")
    restored = nbval(notebook, data)
    assert restored.returncode == 0, restored.stdout[-2000:]


def test_no_figure_misses_a_glyph():
    """Draw every figure for every county and domain; a missing CJK glyph would warn."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis import figures, overview

    drawn = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for county in load_tables().counties["county"]:
            for domain in DOMAINS_SHOWN:
                for _, fig, _ in CountyView(county, domain, save_figures=False).figures():
                    fig.canvas.draw()
                    plt.close(fig)
                    drawn += 1
        for fig in (figures.heatmap(overview.themes_matrix(), "问题 themes", "次数"),
                    figures.status_counts(overview.ledger(), by="county")[0]):
            fig.canvas.draw()
            plt.close(fig)
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message) or "missing from" in str(w.message)]
    assert drawn >= 10 and glyphs == []


def test_every_figure_of_the_committed_notebooks_is_in_the_repository():
    """figures/ is git-ignored but for these files: one a notebook newly draws must be added (git add -f)."""
    import re

    from analysis.paths import PROJECT_ROOT

    wanted = set()
    for name, domain in PER_COUNTY.items():
        county = ast.literal_eval(parameters_cell(read(name)).source.split("=", 1)[1].strip())
        wanted |= {fig_name for fig_name, fig, _ in CountyView(county, domain, save_figures=False).figures()}
    for cell in read("00-overview").cells:
        wanted |= set(re.findall(r'save_as="([^"]+)"', cell.source))
    assert len(wanted) >= 10
    missing = [f"figures/{n}.{ext}" for n in sorted(wanted) for ext in ("png", "svg") if not (PROJECT_ROOT / "figures" / f"{n}.{ext}").is_file()]
    assert missing == []


def test_an_unknown_parameter_is_refused_in_one_line_before_anything_runs(tmp_path):
    """papermill only logs "Passed unknown parameter" and runs the default county; the notebook refuses it."""
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        pm_run("03-delegation", tmp_path / "out.ipynb", {"countyy": "laishui"})
    assert err.value.ename == "ParameterError" and len(err.value.traceback) == 1
    assert err.value.evalue.startswith("unknown parameter 'countyy': this notebook takes only 'county'")
    assert err.value.exec_count == 3  # the cell after the parameters and the injected ones: nothing of the county ran


def test_a_county_that_is_not_text_is_refused_with_the_way_to_pass_text(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        pm_run("01-finance", tmp_path / "out.ipynb", {"county": 123})  # what papermill's -p county 123 passes
    assert err.value.ename == "ParameterError" and len(err.value.traceback) == 1
    assert err.value.evalue == ("county must be text, a county id such as 'dongying', not a number (123); papermill reads "
                                "-p county 123 as a number: pass it as text with -r county 123")


def test_the_overview_takes_no_parameters(tmp_path):
    from papermill.exceptions import PapermillExecutionError

    with pytest.raises(PapermillExecutionError) as err:
        pm_run("00-overview", tmp_path / "out.ipynb", {"county": "dongying"})
    assert err.value.evalue == "unknown parameter 'county': this notebook takes no parameters"


def pm_run(name, out, parameters):
    import papermill as pm

    return pm.execute_notebook(str(NOTEBOOKS_DIR / f"{name}.ipynb"), str(out), parameters=parameters,
                               kernel_name="python3", progress_bar=False, cwd=str(NOTEBOOKS_DIR))


def test_papermill_help_shows_the_parameters_type_and_how_to_list_ids():
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(NOTEBOOKS_DIR / "03-delegation.ipynb")],
                            capture_output=True, text=True, check=True)
    assert 'county: str (default "dongying")' in result.stdout
    assert "python -m analysis counties" in result.stdout


@pytest.mark.parametrize("counties, message", [
    ("dongying", "counties must be a list of text ids, such as ['dongying']; got 'dongying'"),  # read letter by letter, else
    ([123], "counties must be a list of text ids, such as ['dongying']; got [123]"),
    (["atlantis"], "unknown county 'atlantis'. Valid ids: anhui, anon_city_162, "),
])
def test_the_batch_refuses_counties_before_it_runs_anything(tmp_path, counties, message):
    from analysis.batch import run_batch

    with pytest.raises(ValueError) as err:
        run_batch(counties, reports_dir=tmp_path / "reports", site_dir=tmp_path / "site", figures_dir=tmp_path / "figures")
    assert str(err.value).startswith(message) and "\n" not in str(err.value)
    assert list(tmp_path.iterdir()) == []  # no lock, no state, no page


@pytest.mark.parametrize("output, expected", [("runs/out.ipynb", "runs/out.ipynb"), ("-", None), ("s3://bucket/out.ipynb", None)])
def test_the_output_of_the_papermill_command_that_started_a_kernel(tmp_path, output, expected):
    """Read from the parent process's command line with papermill's own parser (options before or after the paths)."""
    from analysis.views import _papermill_output

    argv = [sys.executable, "-c", "import time; time.sleep(60)", "papermill", "--log-level", "WARNING",
            "notebooks/01-finance.ipynb", output, "-p", "county", "laishui", "-r", "note", "x y"]
    parent = subprocess.Popen(argv, cwd=tmp_path)
    try:
        found = _papermill_output(parent.pid)
    finally:
        parent.kill()
        parent.wait()
    assert found == (tmp_path / expected if expected else None)


def test_a_process_that_is_not_papermill_has_no_output_notebook():
    from analysis.views import _papermill_output

    assert _papermill_output() is None  # pytest's parent: a shell or make, not papermill
