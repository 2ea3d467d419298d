"""Cross-county tables of the overview notebook: what they hold for any tables (the five reports' values:
test_overview_transcription.py)."""

from analysis import overview


def test_every_finding_stands_on_a_page_and_a_place_with_findings_is_never_no_data():
    from analysis.batch import PER_COUNTY, plan
    from analysis.tables import load_tables

    tables = load_tables()
    jobs, _ = plan(tables)
    pages = {(job.county, PER_COUNTY[job.notebook]) for job in jobs if job.county}
    assert {(f.county, f.domain) for f in tables.findings.itertuples()} <= pages


def test_grades_and_kinds_are_counted_separately():
    summary = overview.status_summary()
    assert list(summary.columns) == ["reproduced", "tension", "discrepancy", "unverifiable", "all"]
    kinds = overview.kind_summary()
    # a reproduced list count or restatement is not arithmetic: each kind has its own row
    assert {"arithmetic", "list count", "restatement"} <= set(kinds.index)
    assert kinds.at["all", "all"] == summary.at["all", "all"]
