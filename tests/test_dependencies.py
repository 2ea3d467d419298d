"""Per-run digests: a run is re-made when, and only when, something it reads changes."""

import csv
import dataclasses

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.batch import PER_COUNTY, SITE_WIDE, job_digests, plan, run_batch
from analysis.dependencies import county_rows
from analysis.paths import NOTEBOOKS_DIR
from analysis.tables import Tables, load_tables
from analysis.views import CountyView


EVERY_COUNTY = {f"overview/{name}" for name in SITE_WIDE}  # the overview and the tour read every table


def _view_outputs(view: CountyView) -> list:
    shown = [view.facts_table(), view.findings_table(), view.readings_table(), view.indicators_table()]
    words = [view.header().data, getattr(view.interpretation(), "data", None)]
    drawn = []
    for name, fig, table in view.figures():
        drawn.append((name, table))
        plt.close(fig)
    return [*shown, *words, *drawn]


def _same(a, b) -> bool:
    if isinstance(a, pd.DataFrame) or isinstance(b, pd.DataFrame):
        return isinstance(a, pd.DataFrame) and isinstance(b, pd.DataFrame) and a.reset_index(drop=True).equals(b.reset_index(drop=True))
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return repr(a) == repr(b)  # _why_empty notices and Markdown text


def test_every_countys_views_computed_from_its_own_rows_equal_the_views_from_all_tables():
    """The slice the digest covers holds everything a county's notebooks read: nothing outside it can change them."""
    tables = load_tables()
    checked = 0
    for county in tables.counties["county"]:
        alone = Tables(**county_rows(tables, county), data_dir=tables.data_dir)
        for domain in PER_COUNTY.values():
            full = CountyView(county, domain, save_figures=False)
            if not full.has_data:
                continue
            sliced = CountyView(county, domain, save_figures=False)
            sliced.tables = alone  # before any cached view is computed
            for got, expected in zip(_view_outputs(sliced), _view_outputs(full), strict=True):
                assert _same(got, expected), (county, domain)
            checked += 1
    # every county page the batch makes, whatever reports the tables hold (the five reports' 41: test_five_reports_transcription)
    assert checked == sum(1 for job in plan(tables)[0] if job.county) > 0


def _edit(path, row_id, column, value):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    id_column = next(iter(rows[0]))
    for row in rows:
        if row[id_column] == row_id:
            row[column] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _changed(before: dict, after: dict) -> set:
    return {key for key in before if before[key] != after[key]}


@pytest.fixture
def digests_before(data_copy):
    tables = load_tables(data_copy)
    return tables, job_digests(tables, plan(tables)[0])


def test_an_edit_to_one_countys_fact_changes_that_countys_runs_and_the_overview(data_copy, digests_before):
    tables, before = digests_before
    _edit(data_copy / "facts.csv", "laishui_posts_total", "note", "edited")
    after = job_digests(load_tables(data_copy), plan(tables)[0])
    assert _changed(before, after) == {*EVERY_COUNTY, "laishui/02-staffing", "laishui/03-delegation"}


def test_an_edit_to_a_vocabulary_changes_every_run(data_copy, digests_before):
    tables, before = digests_before
    _edit(data_copy / "measures.csv", "posts_total", "description", "edited")
    after = job_digests(load_tables(data_copy), plan(tables)[0])
    assert _changed(before, after) == set(before) and len(before) > len(SITE_WIDE)  # county runs among them


def test_an_edit_to_a_notebook_changes_its_runs_only(tmp_path, digests_before):
    import shutil

    tables, _ = digests_before
    notebooks = shutil.copytree(NOTEBOOKS_DIR, tmp_path / "notebooks")
    before = job_digests(tables, plan(tables)[0], notebooks)
    (notebooks / "04-facilities.ipynb").write_bytes((notebooks / "04-facilities.ipynb").read_bytes() + b"\n")
    after = job_digests(tables, plan(tables)[0], notebooks)
    assert _changed(before, after) == {key for key in before if key.endswith("/04-facilities")} != set()


def test_a_code_change_changes_every_run(monkeypatch, digests_before):
    import analysis.batch

    tables, before = digests_before
    monkeypatch.setattr(analysis.batch, "code_digest", lambda: "another version of the package")
    assert _changed(before, job_digests(tables, plan(tables)[0])) == set(before)


def test_a_fact_of_another_county_that_a_finding_names_is_part_of_the_run():
    tables = load_tables()
    finding = tables.findings[tables.findings["county"] == "laishui"].iloc[0]
    borrowed = tables.facts[tables.facts["county"] == "dongying"].iloc[0]
    findings = tables.findings.copy()
    findings.loc[finding.name, "inputs"] = f"{finding['inputs']} {borrowed['fact_id']}"
    rows = county_rows(dataclasses.replace(tables, findings=findings), "laishui")
    assert borrowed["fact_id"] in set(rows["facts"]["fact_id"])
    assert borrowed["source"] in set(rows["sources"]["source"])  # and the source it cites
    assert borrowed["fact_id"] not in set(county_rows(tables, "laishui")["facts"]["fact_id"])


def test_a_new_county_changes_only_its_neighbours_pages_and_the_overview(digests_before):
    tables, before = digests_before
    jobs = plan(tables)[0]
    # Without one county, its neighbours' previous/next links change; no other county's run does.
    gone = "laishui"
    without = [job for job in jobs if job.county != gone]
    counties = tables.counties[tables.counties["county"] != gone]
    after = job_digests(dataclasses.replace(tables, counties=counties), without)
    changed = _changed({k: before[k] for k in after}, after)
    notebooks_of_gone = {job.notebook for job in jobs if job.county == gone}
    for key in changed - EVERY_COUNTY:
        assert key.split("/")[1] in notebooks_of_gone, key
    assert EVERY_COUNTY <= changed and len(changed) <= len(EVERY_COUNTY) + 2 * len(notebooks_of_gone)


def test_a_batch_after_a_one_row_edit_reruns_that_countys_notebooks_and_the_overview(data_copy, tmp_path):
    out = {"reports_dir": tmp_path / "reports", "site_dir": tmp_path / "site", "figures_dir": tmp_path / "figures"}
    first = run_batch(["laishui", "anhui"], jobs=2, data_dir=data_copy, **out)
    assert {job["status"] for job in first["jobs"]} == {"ok"}
    _edit(data_copy / "facts.csv", "laishui_posts_total", "note", "edited")
    second = run_batch(["laishui", "anhui"], jobs=2, data_dir=data_copy, **out)
    assert {job["key"]: job["status"] for job in second["jobs"]} == {
        "overview/00-overview": "ok", "overview/06-explore": "ok", "laishui/02-staffing": "ok", "laishui/03-delegation": "ok",
        "anhui/05-context": "up to date"}


@pytest.mark.parametrize("change", ["a number's writing", "a column's name", "two rows' order", "a row added", "a space"])
def test_what_a_rows_digest_tells_apart(change):
    """Row hashes stand for the rows (county slices are digested from them): each of these changes a digest."""
    from analysis.dependencies import _RowDigests

    tables = load_tables()
    facts = tables.facts
    if change == "a number's writing":
        edited = facts.assign(as_written=facts["as_written"].where(facts.index != 0, "1.0"))
        facts = facts.assign(as_written=facts["as_written"].where(facts.index != 0, "1"))
    elif change == "a column's name":
        edited = facts.rename(columns={"note": "notes"})
    elif change == "two rows' order":
        edited = facts.iloc[[1, 0, *range(2, len(facts))]]
    elif change == "a row added":
        edited = pd.concat([facts, facts.iloc[[0]]])
    else:
        edited = facts.assign(note=facts["note"].fillna("").where(facts.index != 0, facts["note"].fillna("").iloc[0] + " "))
        facts = facts.assign(note=facts["note"].fillna(""))
    everything = dict.fromkeys(["facts", "measures"])
    before = _RowDigests(dataclasses.replace(tables, facts=facts)).digest(everything)
    after = _RowDigests(dataclasses.replace(tables, facts=edited)).digest(everything)
    assert before != after
    assert before == _RowDigests(dataclasses.replace(tables, facts=facts.copy())).digest(everything)  # and only them


def test_the_shared_parts_of_pages_are_made_once_per_tables_and_sources():
    from analysis.batch import _shared_parts

    tables = load_tables()
    with_sources = _shared_parts(tables, with_sources=True)
    assert _shared_parts(tables, with_sources=True) is with_sources
    without = _shared_parts(tables, with_sources=False)
    assert without["linker"].sources == frozenset() and with_sources["linker"].sources
    again = dataclasses.replace(tables)  # other tables (another load): made again
    assert _shared_parts(again, with_sources=True) is not with_sources
