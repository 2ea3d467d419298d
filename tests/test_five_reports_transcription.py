"""The five reports' transcription as a whole: how many rows, grades, pages and ledgers they make.

Tests of the data, not of the code. Each count is of what the tables transcribe from the five reports in
../shared/reports, taken over their rows only, so a report a user adds with add-source and accept leaves them
as they are; a change to the transcription (a row added or mended) changes them, and says so here. Tests of
mechanisms take their counts from the tables instead.
"""

import dataclasses

import pytest

from analysis.audit import audit_findings
from analysis.tables import load_tables

# ../shared/reports/README.md: the five files, cited by name in data/sources.csv
REPORT_FILES = {"000_4cf26bfa58507785.txt", "001_756579b2382613b7.txt", "002_997dcd70aad0422a.txt",
                "003_c8acfc90bc8cbbb8.txt", "004_811a2064c797f415.txt"}


def of_the_five_reports(tables):
    """The rows that transcribe the five reports; what other reports added is left out.

    A finding or check is theirs when its claim fact is (one without a claim fact, when its county is theirs).
    """
    sources = tables.sources[tables.sources["file"].isin(REPORT_FILES)]
    ids = set(sources["source"])
    facts = tables.facts[tables.facts["source"].isin(ids)]
    counties = tables.counties[[bool(ids & set(spoken.split())) for spoken in tables.counties["sources"]]]

    def claimed(frame):
        unclaimed = frame["claim_fact"].fillna("") == ""
        return frame[frame["claim_fact"].isin(facts["fact_id"]) | (unclaimed & frame["county"].isin(counties["county"]))]

    findings = claimed(tables.findings)
    return dataclasses.replace(tables, sources=sources, counties=counties, facts=facts, findings=findings,
                               checks=claimed(tables.checks), lists=tables.lists[tables.lists["source"].isin(ids)],
                               readings=tables.readings[tables.readings["finding_id"].isin(findings["finding_id"])],
                               themes=tables.themes[tables.themes["source"].isin(ids)])


@pytest.fixture(scope="module")
def five():
    return of_the_five_reports(load_tables())


def test_the_five_reports_rows(five):
    # 21 sources: 000 in 3 parts, 001, 002 in 5 parts, 003 in 11 (part 8 holds two reports), 004
    assert len(five.sources) == 21 and set(five.sources["file"]) == REPORT_FILES
    assert len(five.counties) == 19  # the jurisdictions they speak of
    # the first reading's 327 facts, 121 findings, 5 checks and 91 lists; the second blind reading (branch ledger)
    # added 003 part 5's 42 numbers and their twins, restatements and counts: 46 facts, 66 findings, 9 lists
    assert (len(five.facts), len(five.findings), len(five.checks), len(five.themes)) == (373, 187, 3, 165)
    assert (len(five.lists), len(five.readings)) == (100, 8)


def test_the_five_reports_ledger(five):
    # 187 findings: 146 reproduced (28 arithmetic, 54 list counts, 64 restatements), 5 tensions, the 4 agreed
    # discrepancies, 32 unverifiable (the first reading had 121: 77 (24, 44, 9), 7, 4, 33)
    audit = audit_findings(five)
    assert audit["status"].value_counts().to_dict() == {"reproduced": 146, "tension": 5, "discrepancy": 4, "unverifiable": 32}
    reproduced = audit.loc[audit["status"] == "reproduced", "kind"].value_counts().to_dict()
    assert reproduced == {"arithmetic": 28, "list count": 54, "restatement": 64}
    assert len(audit_findings(five, table="checks")) == 3


def test_the_five_reports_pages_and_ledgers(five):
    from analysis.batch import plan
    from analysis.site.ledgers import ledger_counties

    jobs, _ = plan(five)
    # 41 county pages, the overview and the tour (make reports: 43 runs)
    assert (len(jobs), sum(1 for job in jobs if job.county)) == (43, 41)
    pages = {county: sorted(job.notebook for job in jobs if job.county == county)
             for county in ("dongying", "laishui", "anhui", "xuanzhou", "yixian")}
    assert pages == {
        "dongying": ["01-finance", "02-staffing", "03-delegation", "05-context"],  # 001; 6个试点强镇 is a context claim
        "laishui": ["02-staffing", "03-delegation"],                              # 003 part 10
        "anhui": ["05-context"],                                                  # 003 part 2's archive rules
        "xuanzhou": ["01-finance", "04-facilities", "05-context"],               # 003 part 8a
        "yixian": ["02-staffing", "05-context"],                                  # 003 part 7: no finance number or claim
    }
    assert ledger_counties(five) == set(five.counties["county"])  # a ledger page for each of the 19


def test_the_five_reports_cells_that_a_spreadsheet_reads_as_formulas(five):
    from analysis.export import frames

    def beginning_plus(frame):
        return sum(int(frame[c].map(lambda x: isinstance(x, str) and x.startswith("++")).sum()) for c in frame.columns)

    # 003 parts 4 and 5 hide the district as ++区: 28 cells of the tables (sources 4, counties 1, facts 19, lists 2,
    # findings 1, checks 1), 3 of the audit of the findings, 2 of the checks'; export --spreadsheet-safe defuses them
    counted = {name: beginning_plus(frame) for name, frame in frames(five).items()}
    assert {name: n for name, n in counted.items() if n} == {"sources": 4, "counties": 1, "facts": 19, "lists": 2, "findings": 1,
                                                             "checks": 1, "audit": 3, "audit_checks": 2}
