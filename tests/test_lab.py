"""Researchers in JupyterLab: the notebooks' own kernel, git's clean filter, `make lab`'s layout, and JupyterLab itself
driven headless (open 01-finance, run it all, save, close: git status stays clean and the figures' Chinese is drawn)."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from analysis import lab
from analysis.execute import FILTER, KERNEL, KERNEL_NAME, clean_text, install_filter, kernel_language_info, notebook_text, smudge_text
from analysis.paths import NOTEBOOKS_DIR, PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def scratch_repo(tmp_path: Path) -> Path:
    """A git repository holding this checkout's tracked files as they are now (edits included), committed; its
    notebooks as git stores them (through the clean filter), whether or not `make install` set the filter up here
    (then the checkout's notebooks carry the kernel's details, which the scratch repository has no filter to drop)."""
    repo = tmp_path / "repo"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (PROJECT_ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            if name.startswith("notebooks/") and name.endswith(".ipynb"):
                (repo / name).write_text(clean_text((PROJECT_ROOT / name).read_text(encoding="utf-8")), encoding="utf-8")
            else:
                shutil.copy2(PROJECT_ROOT / name, repo / name)
    git = ["git", "-C", str(repo), "-c", "user.name=test", "-c", "user.email=test@example.invalid"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "scratch"], check=True)
    return repo


def git_status(repo: Path) -> str:
    return subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=all"],
                          capture_output=True, text=True, check=True).stdout


def as_jupyterlab_saves(path: Path) -> None:
    """What JupyterLab's autosave writes for a notebook it opened and did not edit: the kernel's language details added."""
    from ipykernel.ipkernel import IPythonKernel

    nb = nbformat.read(path, as_version=4)
    nb.metadata["language_info"] = dict(IPythonKernel.language_info)  # its Python version among them
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_committed_notebooks_are_what_the_filter_makes_of_them(path):
    """Else a fresh clone with the filter set up would show them modified."""
    text = path.read_text(encoding="utf-8")
    assert clean_text(text) == text or subprocess.run(["git", "diff", "--quiet", "HEAD", "--", str(path)], cwd=PROJECT_ROOT).returncode == 0


def test_the_filter_gives_checkouts_the_kernel_details_jupyterlab_writes_and_git_leaves_them_out(tmp_path):
    repo = scratch_repo(tmp_path)
    notebook = repo / "notebooks" / "02-staffing.ipynb"
    committed = notebook.read_text(encoding="utf-8")
    as_jupyterlab_saves(notebook)  # without the filter: the change the brief saw, after 135 s of autosave
    assert git_status(repo) == " M notebooks/02-staffing.ipynb\n"
    subprocess.run(["git", "-C", str(repo), "checkout", "--", "notebooks/02-staffing.ipynb"], check=True)

    assert install_filter(repo)
    assert git_status(repo) == ""
    checked_out = notebook.read_text(encoding="utf-8")
    assert checked_out != committed and clean_text(checked_out) == committed
    assert json.loads(checked_out)["metadata"]["language_info"]["version"] == sys.version.split()[0]
    as_jupyterlab_saves(notebook)  # opened, saved: the same bytes, so nothing for git and nothing unsaved in the Lab
    assert notebook.read_text(encoding="utf-8") == checked_out and git_status(repo) == ""
    shown = subprocess.run(["git", "-C", str(repo), "show", "HEAD:notebooks/02-staffing.ipynb"], capture_output=True, text=True).stdout
    assert shown == committed

    (repo / "notebooks" / ".ipynb_checkpoints").mkdir()
    (repo / "notebooks" / ".ipynb_checkpoints" / "02-staffing-checkpoint.ipynb").write_text("{}")
    (repo / "work").mkdir()
    (repo / "work" / "mine.ipynb").write_text("{}")
    assert git_status(repo) == ""  # checkpoints and researchers' own notebooks are ignored
    nb = nbformat.read(notebook, as_version=4)
    nb.cells[0].source += "\n\nA researcher's note."
    notebook.write_text(notebook_text(nb), encoding="utf-8")
    assert git_status(repo) == " M notebooks/02-staffing.ipynb\n"  # an edit is an edit
    assert clean_text('{"cells": [') == '{"cells": [' and smudge_text('{"cells": [') == '{"cells": ['  # half written: passed on


def test_the_filter_writes_what_the_kernel_reports():
    from ipykernel.ipkernel import IPythonKernel

    assert kernel_language_info() == IPythonKernel.language_info


def test_a_changed_notebook_is_left_as_it_is_when_the_filter_is_set_up(tmp_path):
    repo = scratch_repo(tmp_path)
    notebook = repo / "notebooks" / "05-context.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    nb.cells[0].source += "\n\nWork in progress."
    notebook.write_text(notebook_text(nb), encoding="utf-8")
    before = notebook.read_text(encoding="utf-8")
    assert install_filter(repo)
    assert notebook.read_text(encoding="utf-8") == before and git_status(repo) == " M notebooks/05-context.ipynb\n"


def test_outside_a_git_work_tree_the_filter_is_not_set_up(tmp_path):
    assert install_filter(tmp_path) is False


def test_gitattributes_and_gitignore_name_the_filter_the_checkpoints_and_work():
    attributes = (PROJECT_ROOT / ".gitattributes").read_text()
    assert f"/notebooks/*.ipynb filter={FILTER}" in attributes
    ignored = (PROJECT_ROOT / ".gitignore").read_text().splitlines()
    assert ".ipynb_checkpoints/" in ignored and "/work/" in ignored


def make_dry_run(target: str) -> str:
    return subprocess.run(["make", "-n", "-B", target], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True,
                          env={k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONDA_PREFIX", "MAKEFLAGS")}).stdout


def test_make_install_installs_the_notebooks_kernel_into_the_environment_and_the_filter():
    commands = make_dry_run("install")
    kernel = next(line for line in commands.splitlines() if "ipykernel install" in line)
    assert f"--sys-prefix --name {KERNEL_NAME} " in kernel and f'--display-name "{KERNEL["display_name"]}"' in kernel
    assert "-m analysis.execute install-filter" in commands
    assert "-m analysis.lab" in make_dry_run("lab")


@pytest.fixture(scope="module")
def kernel_prefix(tmp_path_factory):
    """The project's kernel installed as make install does, into a scratch prefix (--prefix for --sys-prefix)."""
    prefix = tmp_path_factory.mktemp("env")
    subprocess.run([sys.executable, "-m", "ipykernel", "install", "--prefix", str(prefix), "--name", KERNEL_NAME,
                    "--display-name", KERNEL["display_name"]], check=True, capture_output=True)
    spec = json.loads((prefix / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json").read_text())
    assert Path(spec["argv"][0]).resolve() == Path(sys.executable).resolve()  # this environment's Python, by its path
    return prefix


def jupyter_env(prefix: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "ANALYSIS_FIGURES_DIR"}
    return {**env, "JUPYTER_PATH": str(prefix / "share" / "jupyter"), "PYTHONPATH": str(PROJECT_ROOT), **extra}


def test_papermill_by_hand_finds_the_kernel_by_name_and_writes_figures_beside_its_output(kernel_prefix, tmp_path):
    out = tmp_path / "runs" / "maqiao-01.ipynb"
    out.parent.mkdir()
    repo_figures = PROJECT_ROOT / "figures" / "anon_city_88"
    before = sorted(repo_figures.rglob("*")) if repo_figures.exists() else None
    done = subprocess.run([sys.executable, "-m", "papermill", str(NOTEBOOKS_DIR / "01-finance.ipynb"), str(out),
                           "-p", "county", "anon_city_88"], capture_output=True, text=True, env=jupyter_env(kernel_prefix),
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"Executing notebook with kernel: {KERNEL_NAME}" in done.stderr
    drawn = sorted(p.name for p in (out.parent / "figures" / "anon_city_88").iterdir())
    assert drawn == [f"finance_{name}.{ext}" for name in ("amounts", "claims", "indicators") for ext in ("png", "svg")]
    assert (sorted(repo_figures.rglob("*")) if repo_figures.exists() else None) == before  # nothing written into the repository


def test_a_wrong_parameter_is_papermills_last_line_and_the_batchs_only_line(kernel_prefix, tmp_path):
    """papermill's command line does not catch a notebook's error: Python's traceback of papermill's own frames comes
    first, the notebook's one-line error last (README says so). The batch says that line alone, before running anything."""
    done = subprocess.run([sys.executable, "-m", "papermill", str(NOTEBOOKS_DIR / "01-finance.ipynb"), str(tmp_path / "out.ipynb"),
                           "-p", "countyy", "laishui"], capture_output=True, text=True, env=jupyter_env(kernel_prefix), cwd=tmp_path,
                          timeout=300)
    said = done.stderr.rstrip().splitlines()
    assert done.returncode == 1 and "Traceback (most recent call last):" in said
    assert said[-2:] == ['Exception encountered at "In [3]":', "ParameterError: unknown parameter 'countyy': this notebook takes "
                         "only 'county' (papermill ... -p county ID; the ids: python -m analysis counties)"]
    done = subprocess.run([sys.executable, "-m", "analysis", "batch", "--county", "nowhere", "--notebook", "01-finance",
                           "--out", str(tmp_path / "batch")], capture_output=True, text=True, env=jupyter_env(kernel_prefix), timeout=120)
    assert done.returncode == 1 and done.stdout == "" and len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("error: unknown county 'nowhere'. Valid ids: anhui, anon_city_162, ")
    assert not (tmp_path / "batch").exists()


def test_nbval_runs_a_notebook_with_the_kernel_it_names(kernel_prefix):
    """Without --nbval-current-env nbval starts the notebook's own kernelspec: found by name, and it reproduces."""
    done = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", "-o", "addopts=", "-q",
                           str(NOTEBOOKS_DIR / "05-context.ipynb")], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          env=jupyter_env(kernel_prefix), timeout=300)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-2000:]


def test_make_lab_opens_the_readme_the_dictionary_and_the_tour_at_the_root():
    space = lab.workspace()
    layout = space["data"]["layout-restorer:data"]
    assert layout["main"]["dock"]["widgets"] == ["markdownviewer-widget:README.md", "markdownviewer-widget:data/DICTIONARY.md",
                                                 "notebook:notebooks/06-explore.ipynb"]
    assert layout["main"]["current"] == "notebook:notebooks/06-explore.ipynb" and space["data"]["file-browser-filebrowser:cwd"] == {"path": ""}
    for path, _, _ in lab.OPENED:
        assert (PROJECT_ROOT / path).is_file(), path
    command = lab.command(PROJECT_ROOT)
    assert f"--ServerApp.root_dir={PROJECT_ROOT}" in command and f"--LabApp.default_url=/lab/workspaces/{lab.WORKSPACE}" in command


# -- JupyterLab in headless Chromium ---------------------------------------------------------------------------

LAB_DEADLINE = 420  # seconds for the whole browser test: start, open, run all, save, close


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"JupyterLab did not answer {url.split('?')[0]} in time")


OPEN_RUN_SAVE_CLOSE = """
const [path, budget] = [arguments[0], arguments[1]];
const done = arguments[arguments.length - 1];
const sleep = ms => new Promise(r => setTimeout(r, ms));
(async () => {
  const until = Date.now() + budget;
  while (!window.jupyterapp && Date.now() < until) await sleep(250);
  const app = window.jupyterapp;
  await app.restored;
  const opened = [];
  for (const w of app.shell.widgets('main')) opened.push(w.context ? w.context.path : w.id);
  const browser = document.querySelector('.jp-FileBrowser .jp-BreadCrumbs') ? document.querySelector('.jp-FileBrowser .jp-BreadCrumbs').textContent : null;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  while (!(panel.sessionContext.session && panel.sessionContext.session.kernel && panel.sessionContext.session.kernel.status === 'idle') && Date.now() < until) await sleep(250);
  const dirtyOnOpen = panel.context.model.dirty;
  const aligned = () => {  // the first project table's cells as drawn: header, text, number; the locator's width in em
    const table = panel.node.querySelector('.jp-OutputArea-output table.dataframe');
    if (!table) return null;
    const align = css => table.querySelector(css) ? getComputedStyle(table.querySelector(css)).textAlign : null;
    const locator = Array.from(table.querySelectorAll('th')).find(h => h.textContent === 'locator');
    const em = parseFloat(getComputedStyle(table).fontSize);
    return {th: align('th:not(.num)'), thNum: align('th.num'), text: align('tbody td:not(.num)'), num: align('tbody td.num'),
            locatorEm: locator ? locator.getBoundingClientRect().width / em : null};
  };
  await sleep(1000);
  const alignedOnOpen = aligned();
  const kernel = panel.sessionContext.kernelDisplayName;
  app.shell.activateById(panel.id);
  await app.commands.execute('notebook:run-all-cells');
  const code = () => panel.context.model.toJSON().cells.filter(c => c.cell_type === 'code');
  while (Date.now() < until && (code().some(c => !c.execution_count) || panel.sessionContext.session.kernel.status !== 'idle')) await sleep(500);
  const cells = code();
  const alignedAfterRun = aligned();
  await panel.context.save();
  const dirtyAfterSave = panel.context.model.dirty;
  panel.dispose();
  done({opened, browser, kernel, dirtyOnOpen, dirtyAfterSave, cells, alignedOnOpen, alignedAfterRun, timedOut: Date.now() >= until});
})().catch(e => done({error: String(e)}));
"""


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="no browser: Debian's chromium and chromium-driver are not "
                    "installed (.ci/run installs them); JupyterLab browser test SKIPPED")
def test_jupyterlab_run_all_and_close_leaves_git_status_clean_and_draws_chinese(tmp_path, kernel_prefix):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    deadline = time.monotonic() + LAB_DEADLINE
    repo = scratch_repo(tmp_path)
    assert install_filter(repo)
    port, token = free_port(), secrets.token_hex(16)
    env = jupyter_env(kernel_prefix, PYTHONPATH=str(repo), JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
                      JUPYTERLAB_SETTINGS_DIR=str(tmp_path / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
                      JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    extra = ["--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
             "--LabApp.expose_app_in_browser=True", *(["--allow-root"] if os.geteuid() == 0 else [])]
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "analysis.lab", *extra], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
    driver = None
    try:
        wait_for(f"http://127.0.0.1:{port}/api/status?token={token}", deadline)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1400,1000"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(120)
        driver.get(f"http://127.0.0.1:{port}/lab/workspaces/{lab.WORKSPACE}?token={token}")  # where make lab opens
        budget = max(30, deadline - time.monotonic() - 30)
        driver.set_script_timeout(budget + 10)
        result = driver.execute_async_script(OPEN_RUN_SAVE_CLOSE, "notebooks/01-finance.ipynb", int(budget * 1000))
        driver.save_screenshot(str(tmp_path / "lab.png"))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    assert "error" not in result and not result["timedOut"], (result, (tmp_path / "lab.log").read_text()[-3000:])
    assert result["opened"][:3] == ["README.md", "data/DICTIONARY.md", "notebooks/06-explore.ipynb"]
    assert result["kernel"] == KERNEL["display_name"]
    assert not result["dirtyOnOpen"]  # the checkout already carries what the kernel reports: nothing to save
    assert not result["dirtyAfterSave"]
    outputs = [o for c in result["cells"] for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"], [o for o in outputs if o["output_type"] == "error"]
    said = "".join(o.get("text", "") if isinstance(o.get("text", ""), str) else "".join(o["text"]) for o in outputs)
    assert "missing from font" not in said and "Glyph" not in said, said[-2000:]
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2  # the figures were drawn
    # text left, numbers right, in the committed (untrusted) outputs and in those of the run; JupyterLab's own CSS
    # right-aligns every cell. The facts table's locator (a Chinese clause) is at least 14em wide.
    for drawn in (result["alignedOnOpen"], result["alignedAfterRun"]):
        assert drawn["th"] == drawn["text"] == "left" and drawn["thNum"] == drawn["num"] == "right", drawn
        assert drawn["locatorEm"] >= 14, drawn
    assert (repo / "work").is_dir()  # make lab made the researchers' folder
    assert git_status(repo) == "", git_status(repo)  # the notebook saved, its checkpoint, the figures rewritten: nothing to commit
    assert (repo / "notebooks" / ".ipynb_checkpoints").is_dir()
