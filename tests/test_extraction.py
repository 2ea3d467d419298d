"""Extraction on a text written for the tests (fictional), in the forms official texts use beyond the five reports."""

from pathlib import Path

import pytest

from analysis.cli import main
from analysis.extraction.candidates import find_numbers
from analysis.extraction.text import TextError, read_report

FICTIONAL = Path(__file__).parent / "fixtures" / "fictional_report.txt"


@pytest.fixture(scope="module")
def candidates():
    return find_numbers(read_report(FICTIONAL)[0], keep_skipped=True)


def test_every_stated_number_is_a_candidate_with_its_value(candidates):
    kept = candidates[candidates["skipped"] == ""]
    got = [(r.as_written, r.value, r.low, r.high) for r in kept.itertuples()]
    nan = pytest.approx(float("nan"), nan_ok=True)
    assert got == [
        ("12个", 12, nan, nan), ("3个", 3, nan, nan), ("二、三十万", nan, 2e5, 3e5),
        ("45名", 45, nan, nan), ("20名", 20, nan, nan), ("25名", 25, nan, nan), ("1,035名", 1035, nan, nan),
        ("120项", 120, nan, nan), ("90项", 90, nan, nan), ("75%", 75, nan, nan), ("近百人", 100, nan, 100),
        ("百分之八十一点七", pytest.approx(81.7), nan, nan),
        ("0.8亿元", 8e7, nan, nan), ("不到税收收入的三成", 30, nan, 30), ("一半以上", 50, 50, nan), ("不足5万元", 5e4, nan, 5e4),
    ]


def test_years_dates_ordinals_markers_and_document_numbers_are_skipped_with_a_reason(candidates):
    skipped = dict(zip(candidates["as_written"], candidates["skipped"]))
    assert skipped["2019年"] == "year" and skipped["3月"] == "date"
    assert skipped["2020"] == "year"          # inside 〔2020〕5号
    assert skipped["5"] == "document number"  # 〔2020〕5号
    assert skipped["一"] in ("ordinal", "word, not a number")
    assert skipped["1"] == "list marker" and skipped["2"] == "list marker"
    assert "三条" not in skipped or skipped["三条"] == "ordinal"  # 第三条: an article number


def test_locators_are_verbatim_short_unique_and_hold_the_number(candidates):
    text = read_report(FICTIONAL)[0]
    for row in candidates[candidates["skipped"] == ""].itertuples():
        assert row.as_written in row.locator and len(row.locator) <= 30
        assert text.count(row.locator) == 1 and row.locator_unique


def test_gb18030_text_is_read_and_said(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("下放权限120项".encode("gb18030"))
    assert read_report(path) == ("下放权限120项", "gb18030")


def test_a_text_in_neither_encoding_is_refused(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\xff\xfe" * 10)
    with pytest.raises(TextError, match="binary"):
        read_report(path)
    path.write_bytes(b"\xff\xff\xff abc")
    with pytest.raises(TextError, match="neither UTF-8 nor GB18030"):
        read_report(path)


def test_cli_extract_lists_candidates_and_names_the_encoding(capsys):
    assert main(["extract", str(FICTIONAL), "--lines", "4-5", "--csv"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("line,as_written,value,low,high,qualifier,unit,locator,measure,confidence")
    assert "1,035名" in out and "120项" in out and "read as UTF-8" in err


def test_cli_extract_refuses_bad_lines_and_missing_files(tmp_path):
    with pytest.raises(SystemExit, match="--lines"):
        main(["extract", str(FICTIONAL), "--lines", "9-3"])
    with pytest.raises(SystemExit, match="no such file"):
        main(["extract", str(tmp_path / "missing.txt")])


def test_candidate_findings_name_their_rule_and_inputs():
    from analysis.extraction.claims import find_claims

    text = read_report(FICTIONAL)[0]
    claims = find_claims(text, find_numbers(text))
    got = {(r.rule, r.claimed, r.inputs) for r in claims.itertuples()}
    # "核定编制45名(行政编制20名、事业编制25名)": a total and its parts; "下放权限120项,其中已承接90项,占75%": a share
    assert ("sum", "45名", "20名 25名") in got
    assert ("share", "75%", "90项 120项") in got
    # 不到税收收入的三成: 税收收入 is named but not stated, so the claim is shown unverifiable with the reason
    unverifiable = claims[claims["claimed"] == "不到税收收入的三成"]
    assert unverifiable[["rule", "reason"]].values.tolist() == [["unverifiable", "the whole (税收收入) is not stated"]]
    assert not any(rule == "count_items" and "个" in items for rule, items in zip(claims["rule"], claims["items"]))


@pytest.mark.parametrize(
    "text, rule, claimed, inputs, items, listed",
    [  # sentences written for the test; tests/test_claim_forms.py has every form in both scripts
        ("乡镇站所由15个减为6个,精简60%。", "reduction", "60%", "15个 6个", "", 0),
        ("鄉鎮公所課室由8個減為5個,精簡37.5%。", "reduction", "37.5%", "8個 5個", "", 0),
        ("选择甲镇、乙镇、丙乡3个乡镇开展试点。", "count_items", "3个", "", "选择甲镇、乙镇、丙乡", 3),
        ("堅持「三不」(不推諉、不拖延、不刁難)。", "count_items", "三不", "", "不推諉、不拖延、不刁難", 3),
    ],
)
def test_claim_forms(text, rule, claimed, inputs, items, listed):
    from analysis.extraction.claims import find_claims
    from analysis.rules import count_items

    row = find_claims(text, find_numbers(text)).iloc[0]
    assert (row["rule"], row["claimed"], row["inputs"], row["items"]) == (rule, claimed, inputs, items)
    if items:
        assert count_items(items, row["count_by"]) == listed


@pytest.fixture
def onboarded(tmp_path, data_copy):
    from analysis.extraction.onboarding import add_source

    reports = tmp_path / "reports"
    reports.mkdir()
    report = reports / FICTIONAL.name
    report.write_bytes(FICTIONAL.read_bytes())
    done = add_source(report, "fictional_town", data_copy, tmp_path / "review",
                      place=("某某镇(虚构)", "A fictional town", "town"), title_en="A fictional report written for the tests",
                      reports_dir=reports)
    return {"data": data_copy, "reports": reports, "done": done}


def _mark(path, which):
    import pandas as pd

    review = pd.read_csv(path, dtype=str, keep_default_na=False)
    review.loc[which(review), "accept"] = "yes"
    review.to_csv(path, index=False)


def test_add_source_registers_the_report_and_leaves_candidates_for_review(onboarded):
    from analysis.tables import reload_tables

    tables = reload_tables(onboarded["data"])
    source = onboarded["done"]["source"]
    assert source in set(tables.sources["source"]) and "fictional_town" in set(tables.counties["county"])
    assert not (tables.facts["county"] == "fictional_town").any()  # nothing in the ledger that no person reviewed
    # findings: the sum 45名, the share 75% and, unverifiable with their reason, 培训合格率 and 不到税收收入的三成
    # (their wholes are not stated)
    assert onboarded["done"]["facts"] == 16 and onboarded["done"]["findings"] == 4


def test_accepted_rows_enter_the_tables_validated_and_are_audited(onboarded):
    from analysis.audit import audit_findings
    from analysis.extraction.onboarding import accept
    from analysis.provenance import verify_sources
    from analysis.tables import reload_tables

    facts_file, findings_file = onboarded["done"]["review"]
    _mark(facts_file, lambda r: r["as_written"].isin(["45名", "20名", "25名"]))
    _mark(findings_file, lambda r: r["rule"] == "sum")
    assert accept(facts_file, onboarded["data"], onboarded["reports"]) == 3
    assert accept(findings_file, onboarded["data"], onboarded["reports"]) == 1
    tables = reload_tables(onboarded["data"])
    # the folder holds only the new report: its rows' locators are all found (the five reports' are not here)
    problems = verify_sources(tables, onboarded["reports"]).problems
    assert [p for p in problems if "fictional" in p or onboarded["done"]["source"] in p] == []
    row = audit_findings(tables, "fictional_town").iloc[0]
    # "核定编制45名(行政编制20名、事业编制25名)": 20 + 25 = 45
    assert (row["rule"], row["recomputed"], row["status"]) == ("sum", "45", "reproduced")


def test_a_bad_row_is_refused_and_nothing_is_written(onboarded):
    from analysis.extraction.onboarding import accept
    from analysis.tables import DataError

    facts_file, _ = onboarded["done"]["review"]
    before = (onboarded["data"] / "facts.csv").read_bytes()
    _mark(facts_file, lambda r: r["as_written"] == "45名")
    import pandas as pd

    review = pd.read_csv(facts_file, dtype=str, keep_default_na=False)
    review.loc[review["as_written"] == "45名", "value"] = "54"  # a transcription slip
    review.to_csv(facts_file, index=False)
    with pytest.raises(DataError, match="as_written/value"):
        accept(facts_file, onboarded["data"], onboarded["reports"])
    assert (onboarded["data"] / "facts.csv").read_bytes() == before
    review.loc[review["as_written"] == "45名", "accept"] = "maybe"
    review.to_csv(facts_file, index=False)
    with pytest.raises(ValueError, match="'maybe'"):
        accept(facts_file, onboarded["data"], onboarded["reports"])


def test_a_source_is_added_once(onboarded):
    from analysis.extraction.onboarding import add_source

    with pytest.raises(ValueError, match="already in data/sources.csv"):  # the same id for other lines of the text
        add_source(onboarded["reports"] / FICTIONAL.name, "fictional_town", onboarded["data"], onboarded["reports"] / "r",
                   lines=(1, 2), reports_dir=onboarded["reports"])


# Measure suggestions on sentences written for these tests (not from the five reports), with the vocabulary's
# measures that their words name.
@pytest.fixture(scope="module")
def suggester():
    from analysis.extraction.measures import MeasureSuggester
    from analysis.tables import load_tables

    tables = load_tables()
    return MeasureSuggester(tables.measures, tables.facts)


def _suggest(suggester, text, number):
    row = find_numbers(text).set_index("as_written").loc[number]
    return suggester.suggest_at(text, row["start"], row["end"], row["unit"])[0]


@pytest.mark.parametrize("text, number, measure", [
    ("改革后,全县乡镇事业机构由17个减为4个。", "17个", "public_institutions"),  # the subject before the number
    ("镇财政所编制6人,林业站编制4人。", "6人", "posts_of_body"),  # people counted in 人 for a measure in 名
    ("新建的文化站设有四室一厅。", "四室", "culture_station_rooms"),  # the number's own label
    ("新建的文化站设有四室一厅。", "一厅", "culture_station_halls"),
    # the words after a comma are another clause: 实有人员 does not make the 10% a cut in actual staff
    ("乡镇行政编制由120名减为108名,精简10%,实有人员由130人减为117人。", "10%", "posts_cut_rate"),
    ("該鎮去年稅收收入達到3.2億元。", "3.2億元", "tax_revenue"),  # traditional script
])
def test_measure_suggestions_follow_the_words_that_name_the_number(suggester, text, number, measure):
    assert _suggest(suggester, text, number) == measure


def test_a_measure_is_suggested_only_in_the_numbers_unit(suggester):
    measures = suggester.measures.set_index("measure")
    # 编制 names counts of posts, but an amount of money can only be a measure in 元
    assert measures.at[_suggest(suggester, "编制经费共50万元。", "50万元"), "unit"] == "元"
    assert suggester.suggest("天气晴朗", "吨") == ("", 0.0)  # nothing in the vocabulary fits
