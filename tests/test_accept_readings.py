"""Accept writes a share's other wholes (the totals its paragraph states, the review file's column other_wholes) into
data/readings.csv, so the audit grades the accepted finding as the review did: on sentences written for these tests,
in both scripts, taken through add-source -> review -> accept in a scratch copy of the tables."""

from __future__ import annotations

import pandas as pd
import pytest

# 48/50 = 96% fails the literal whole (在编人员50人); 48/64 = 75% holds with the paragraph's total (共招聘64人)
SIMPLIFIED = "全镇在编人员50人,今年共招聘工作人员64人,其中高校毕业生48人,高校毕业生占在编人员的75%。\n"
# Taiwan usage: 30/40 = 75% fails the literal whole (預算員額40人); 30/50 = 60% holds with 合計進用50人
TRADITIONAL = "本所預算員額共40人,今年度合計進用新進人員50人,其中約僱人員30人,約僱人員佔預算員額之60%。\n"
CASES = {"simplified": (SIMPLIFIED, "75%", "64人"), "traditional": (TRADITIONAL, "60%", "50人")}


def _reviewed(tmp_path, data_copy, monkeypatch, text):
    from analysis.extraction.onboarding import add_source

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "own_text.txt").write_text(text, encoding="utf-8")
    done = add_source(reports / "own_text.txt", "fictional_town", data_copy, tmp_path / "review",
                      place=("某某镇(虚构)", "A fictional town", "town"), reports_dir=reports)
    return done, reports


def _mark(path, chosen) -> pd.DataFrame:
    review = pd.read_csv(path, dtype=str, keep_default_na=False)
    review.loc[chosen(review), "accept"] = "yes"
    if "fact_id" in review:  # a person's choice of measure: the vocabulary's generic ones (unit and domain follow it)
        percent = review["as_written"].str.endswith("%")
        review["measure"] = percent.map({True: "share_percent", False: "count_people_generic"})
        review["unit"], review["domain"] = percent.map({True: "%", False: "人"}), "context"
    review.to_csv(path, index=False)
    return review


@pytest.mark.parametrize("script", CASES)
def test_an_accepted_share_is_graded_as_its_review_said(script, tmp_path, data_copy, monkeypatch):
    from analysis.audit import audit_findings
    from analysis.extraction.onboarding import accept
    from analysis.tables import reload_tables

    text, claimed, total = CASES[script]
    done, reports = _reviewed(tmp_path, data_copy, monkeypatch, text)
    facts_file, findings_file, _ = done["review"]
    facts = _mark(facts_file, lambda r: r["accept"] == "")  # every number
    assert accept(facts_file, data_copy, reports) == 4
    review = _mark(findings_file, lambda r: r["claimed"] == claimed)
    share = review[review["claimed"] == claimed].iloc[0]
    whole_id = facts.loc[facts["as_written"] == total, "fact_id"].iloc[0]
    part_id = share["inputs"].split()[0]
    # the review shows the total it read the share against, and grades it tension by it
    assert (share["rule"], share["other_wholes"], share["status"], share["reading"]) == ("share", whole_id, "tension", "other_whole")
    readings_before = (data_copy / "readings.csv").read_text(encoding="utf-8")
    said = []
    assert accept(findings_file, data_copy, reports, say=said.append) == 1
    tables = reload_tables(data_copy)
    written = tables.readings[tables.readings["finding_id"] == share["finding_id"]]
    assert written[["reading_id", "rule", "inputs", "claimed", "take"]].values.tolist() == [
        [f"{share['finding_id']}_of_{whole_id}", "share", f"{part_id} {whole_id}", "", "all"]]
    assert "add-source" in written.iloc[0]["why"] and whole_id in written.iloc[0]["label"]
    assert said == [f"accept: 1 reading(s) added to data/readings.csv: {share['finding_id']}_of_{whole_id}"]
    graded = audit_findings(tables, "fictional_town").set_index("finding_id")
    assert graded.at[share["finding_id"], "status"] == share["status"] == "tension"
    # without the row, the accepted finding has no other whole: the literal reading alone, a discrepancy
    (data_copy / "readings.csv").write_text(readings_before, encoding="utf-8")
    graded = audit_findings(reload_tables(data_copy), "fictional_town").set_index("finding_id")
    assert graded.at[share["finding_id"], "status"] == "discrepancy"


def test_a_total_not_accepted_writes_no_reading_and_says_so(tmp_path, data_copy, monkeypatch):
    from analysis.extraction.onboarding import accept
    from analysis.tables import reload_tables

    done, reports = _reviewed(tmp_path, data_copy, monkeypatch, SIMPLIFIED)
    facts_file, findings_file, _ = done["review"]
    facts = _mark(facts_file, lambda r: r["as_written"] != "64人")  # the paragraph's total left out
    accept(facts_file, data_copy, reports)
    review = _mark(findings_file, lambda r: r["claimed"] == "75%")
    whole_id = facts.loc[facts["as_written"] == "64人", "fact_id"].iloc[0]
    row = review.index[review["claimed"] == "75%"][0] + 2  # the file's row (row 1 is the header)
    said = []
    before = len(reload_tables(data_copy).readings)
    assert accept(findings_file, data_copy, reports, say=said.append) == 1
    assert len(reload_tables(data_copy).readings) == before
    assert said == [f"accept: {findings_file}, row {row}, column 'other_wholes': no reading of {whole_id}: that fact is "
                    "not in data/facts.csv (accept it first, then write the reading into data/readings.csv)"]


def test_a_reading_the_tables_refuse_names_the_review_row_and_writes_nothing(tmp_path, data_copy, monkeypatch):
    from analysis.extraction.onboarding import accept
    from analysis.tables import DataError

    done, reports = _reviewed(tmp_path, data_copy, monkeypatch, SIMPLIFIED)
    facts_file, findings_file, _ = done["review"]
    _mark(facts_file, lambda r: r["accept"] == "")
    accept(facts_file, data_copy, reports)
    review = _mark(findings_file, lambda r: r["claimed"] == "75%")
    n = review.index[review["claimed"] == "75%"][0]
    # a person wrote the claim's own number as a total: a reading may not use its finding's claim fact
    review.loc[n, "other_wholes"] = review.loc[n, "claim_fact"]
    review.to_csv(findings_file, index=False)
    before = {name: (data_copy / name).read_bytes() for name in ("findings.csv", "readings.csv")}
    with pytest.raises(DataError) as err:
        accept(findings_file, data_copy, reports)
    assert any(p.startswith(f"{findings_file}, row {n + 2}, column 'other_wholes' (the data/readings.csv row written "
                            "from it): ") and "claim fact" in p for p in err.value.problems), err.value.problems
    assert {name: (data_copy / name).read_bytes() for name in before} == before


@pytest.mark.parametrize("text", ["全镇在编人员50人,今年共招聘工作人员64人。\n", "本所預算員額共40人,今年度進用新進人員12人。\n"])
def test_facts_accepted_as_suggested_are_written_in_their_measures_unit(text, tmp_path, data_copy, monkeypatch):
    """add-source suggests the folded unit 名 for counts of persons written 人; a person who accepts the suggestions
    unchanged is not refused for a unit the tool itself wrote: accept writes the measure's own unit (data/measures.csv)
    and says so. A unit of another thing (元 for a count of persons) is still refused."""
    from analysis.extraction.onboarding import accept
    from analysis.tables import DataError

    done, reports = _reviewed(tmp_path, data_copy, monkeypatch, text)
    facts_file = done["review"][0]
    review = pd.read_csv(facts_file, dtype=str, keep_default_na=False)
    measures = pd.read_csv(data_copy / "measures.csv", dtype=str, keep_default_na=False).set_index("measure")["unit"]
    suggested = review[review["measure"] != ""]
    assert len(suggested) == 2 and set(suggested["measure"].map(measures)) == {"人"}
    review.loc[suggested.index, "accept"] = "yes"
    wrong = review.copy()
    wrong.loc[suggested.index[0], "unit"] = "元"
    wrong.to_csv(facts_file, index=False)
    before = (data_copy / "facts.csv").read_bytes()
    with pytest.raises(DataError):
        accept(facts_file, data_copy, reports)
    assert (data_copy / "facts.csv").read_bytes() == before
    review.to_csv(facts_file, index=False)
    told = []
    assert accept(facts_file, data_copy, reports, say=told.append) == 2
    facts = pd.read_csv(data_copy / "facts.csv", dtype=str, keep_default_na=False)
    written = facts[facts["fact_id"].isin(suggested["fact_id"])]
    assert list(written["unit"]) == ["人", "人"]
    assert sum("written as 人" in line for line in told) == int((suggested["unit"] != "人").sum())
