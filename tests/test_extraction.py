"""Extraction on a text written for the tests (fictional), in the forms official texts use beyond the five reports."""

import io
from pathlib import Path

import pandas as pd

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
    assert skipped["〔2020〕5号"] == "document number"  # the year and the number of a document: one skipped part
    assert skipped["一"] == "ordinal"  # 一是财力不足
    assert skipped["1、"] == "list marker" and skipped["2、"] == "list marker" and skipped["一、"] == "list marker"
    assert skipped["第三条"] == "article number"
    assert skipped["进一步"] == "set phrase" and skipped["统一"] == "set phrase"
    kept = candidates[candidates["skipped"] == ""]
    assert not kept["as_written"].str.contains("2020|2019|第三").any()


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
    # findings: the sum 45名, the part 其中已承接90项 within 下放权限120项 (parts_within), the share 75% and,
    # unverifiable with its reason, 不到税收收入的三成 (its whole is not stated); 培训合格率为百分之八十一点七 is a
    # named rate whose part is not stated: a value, not a share to check
    assert onboarded["done"]["facts"] == 16 and onboarded["done"]["findings"] == 4


def test_accepted_rows_enter_the_tables_validated_and_are_audited(onboarded):
    from analysis.audit import audit_findings
    from analysis.extraction.onboarding import accept
    from analysis.provenance import verify_sources
    from analysis.tables import reload_tables

    facts_file, findings_file, _ = onboarded["done"]["review"]
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

    facts_file, _, _ = onboarded["done"]["review"]
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

    from tests.test_five_reports_transcription import of_the_five_reports

    tables = load_tables()
    return MeasureSuggester(tables.measures, of_the_five_reports(tables).facts)  # examples a user's report cannot move


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


# Long texts: extraction must stay linear in the text's length (a count over the whole text per locator step made
# 1 MB take two minutes). The text is the fictional report again and again between lines of number-free prose,
# about one number per 100 characters as in the five reports (82 to 138); every line starts with its own number
# spelt in letters (no digit, so no new number), so lines differ as a real text's do.
PROSE = ("镇党委和政府把综合改革作为全年工作的重点，成立了由主要负责同志牵头的领导小组，定期研究解决改革中遇到的困难和问题。"
         "各站所按照职能整合的要求，理顺了与县直部门的关系，明确了工作职责和办事流程，做到事有人管、责有人负。在推进过程中，"
         "我们注重听取基层干部和群众的意见，对反映集中的问题及时调整完善，确保改革平稳有序推进。通过改革，便民服务中心的窗口服务"
         "更加规范，群众办事更加方便，干部作风明显转变，基层治理能力得到提升。下步工作中，我们将继续巩固改革成果，健全考核评价"
         "机制，加强对站所人员的培训和管理，推动各项制度落到实处，让群众真正感受到改革带来的变化。")


def _long_text(chars: int) -> str:
    block = read_report(FICTIONAL)[0].rstrip("\n").split("\n") + [PROSE] * 5
    lines, total = [], 0
    while total < chars:
        tag = "".join(chr(ord("a") + int(d)) for d in str(len(lines)))
        lines.append(f"{tag} {block[len(lines) % len(block)]}")
        total += len(lines[-1]) + 1
    return "\n".join(lines)[:chars]


def _extract_seconds(text: str, suggester) -> float:
    """CPU seconds (the machine is shared: wall time would measure the others too) of what `extract` does."""
    import time

    started = time.process_time()
    frame = find_numbers(text)
    for row in frame.itertuples():
        suggester.suggest_at(text, row.start, row.end, row.unit)
    return time.process_time() - started


def test_the_long_test_text_states_numbers_as_densely_as_the_reports():
    assert len(find_numbers(PROSE, keep_skipped=True)) == 0
    text = _long_text(33_000)  # 20 blocks of 6 report lines (16 numbers) and 5 of prose
    assert len(find_numbers(text)) == 20 * 16 and 90 < len(text) / (20 * 16) < 120


def test_extraction_time_grows_linearly_with_the_text(suggester):
    _extract_seconds(_long_text(20_000), suggester)  # the one-off costs: imports, the t2s table
    small, large = (min(_extract_seconds(_long_text(n), suggester) for _ in range(2)) for n in (100_000, 400_000))
    assert large / small < 6  # 4 times the text: 4.2 here; 10 when each locator counted over the whole text


def test_a_million_characters_extract_in_under_ten_seconds(suggester):
    assert _extract_seconds(_long_text(1_000_000), suggester) < 10  # 2.5 s here (a locator counting over the text: 83 s)


def test_locators_from_the_index_equal_those_counted_over_the_text():
    from analysis.extraction.candidates import locator_for

    text = _long_text(40_000)
    rows = find_numbers(text, keep_skipped=True)
    counted = [locator_for(text, row.start, row.end) for row in rows.itertuples()]  # text.count at each step
    assert list(zip(rows["locator"], rows["locator_unique"])) == counted
    # the first block's numbers are found unique before their lines' tags repeat; later blocks repeat the words
    assert rows["locator_unique"].sum() > 16 and not rows["locator_unique"].all()


@pytest.mark.parametrize("text, lo, hi, unique", [
    ("111", 0, 2, True),      # "11" twice, overlapping: str.count counts it once
    ("1111", 0, 2, False),    # "11" twice without overlap
    ("a11b11", 1, 3, False),
    ("a11b11", 0, 3, True),
    ("a", 0, 1, True),
])
def test_repeat_index_counts_as_str_count(text, lo, hi, unique):
    from analysis.extraction.candidates import RepeatIndex

    assert (text.count(text[lo:hi]) == 1) is unique  # the cases say what str.count says
    assert RepeatIndex(text).unique(lo, hi) is unique


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1\n", max_size=80), st.data())
def test_repeat_index_agrees_with_str_count_on_any_text(text, data):
    from analysis.extraction.candidates import RepeatIndex

    index = RepeatIndex(text, depth=8)  # phrases longer than the depth are counted over the text
    for lo in range(len(text)):
        hi = data.draw(st.integers(lo + 1, min(len(text), lo + 12)))
        assert index.unique(lo, hi) == (text.count(text[lo:hi]) == 1), (text, lo, hi)


def test_the_indexed_suggester_scores_as_its_definition(suggester):
    """MeasureSuggester.score reads only the parts and examples a context shares something with; the definition
    scores every part of every measure (phrase_score) and every example. Same answer for every number."""
    from analysis.extraction.candidates import to_simplified
    from analysis.extraction.measures import AFTER, BEFORE, EXAMPLE_WEIGHT, SAME_UNIT, Context, bigrams, phrase_score

    def defined(context, unit):
        context = Context(*(to_simplified(s) for s in (context.before, context.written, context.after)))
        words = bigrams(context.before + " " + context.label + context.after)
        unit = SAME_UNIT.get(unit, unit)
        unit = unit if unit in suggester.units or not unit else "个"
        best, score = "", 0.0
        for measure, parts in suggester.parts.items():
            if unit and suggester.unit_of.get(measure) not in (unit, None):
                continue
            own = max((phrase_score(part, context, suggester.written_unit[measure]) for part in parts), default=0.0)
            seen = max((len(words & ex) / len(ex) for ex in suggester.example_words.get(measure, []) if ex), default=0.0)
            if max(own, EXAMPLE_WEIGHT * seen) > score:
                best, score = measure, max(own, EXAMPLE_WEIGHT * seen)
        return best, round(min(score, 1.0), 2)

    text = read_report(FICTIONAL)[0] + "\n该鎮設有四室一廳，編制經費共50萬元。\n" + _long_text(3_000)
    rows = find_numbers(text, keep_skipped=True)
    got = [suggester.score(suggester.context_at(text, r.start, r.end), r.unit) for r in rows.itertuples()]
    assert got == [defined(Context(text[max(0, r.start - BEFORE):r.start], text[r.start:r.end], text[r.end:r.end + AFTER]),
                           r.unit) for r in rows.itertuples()]
    assert sum(measure != "" for measure, _ in got) > len(got) / 2  # most numbers get a measure: the test compares some


def test_find_numbers_reports_its_progress_line_by_line():
    text = "编制45名\n\n下放120项"
    read = []
    find_numbers(text, (3, 3), progress=read.append)
    assert read == [6, 1, 7] and sum(read) == len(text) + 1  # every line, those outside the range too


class _Terminal:
    """A stderr that says it is a terminal, as the user's is (tqdm draws only on one)."""

    def __init__(self):
        import io

        self.buffer = io.StringIO()

    def write(self, s):
        return self.buffer.write(s)

    def flush(self):
        pass

    def isatty(self):
        return True


@pytest.mark.parametrize("chars, on_terminal, bar", [(120_000, True, True), (120_000, False, False), (20_000, True, False)])
def test_cli_extract_shows_progress_only_for_a_long_text_on_a_terminal(tmp_path, monkeypatch, capsys, chars, on_terminal, bar):
    import sys

    path = tmp_path / "long.txt"
    path.write_text(_long_text(chars), encoding="utf-8")
    terminal = _Terminal()
    if on_terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", str(path), "--csv"]) == 0
    err = terminal.buffer.getvalue() if on_terminal else capsys.readouterr().err
    assert ("numbers: 100%" in err and "measures: 100%" in err) is bar
    assert "candidate numbers" in err and ("numbers:" in err) is bar


# Period, entity and header units, on sentences written for these tests (mainland and Taiwan usage).
def _column(text, column):
    return [tuple(r) for r in find_numbers(text)[["as_written", column]].itertuples(index=False)]


@pytest.mark.parametrize(
    "text, periods",
    [
        ("九十三年度鄉公所歲入決算數1億2,000萬元,較九十二年度增加500萬元。", [("1億2,000萬元", "2004"), ("500萬元", "2004")]),
        ("107年度歲出決算數390億元。", [("390億元", "2018")]),
        ("一一五年度歲入預算較一一四年度增加六億七百萬九千元(增幅1.76%)。", [("六億七百萬九千元", "2026"), ("1.76%", "2026")]),
        # 比上年 compares with the year before: the number is 2022's; 去年 is 2021 until the sentence ends
        ("2022年全县生产总值86.8亿元,比上年增长5.2%。去年全县财政收入8亿元,增长3%。今年财政收入9亿元。",
         [("86.8亿元", "2022"), ("5.2%", "2022"), ("8亿元", "2021"), ("3%", "2021"), ("9亿元", "2022")]),
        ("2022年规模以上工业增加值增长7.2%,增速比2021年减低2.2个百分点。", [("7.2%", "2022"), ("2.2个百分点", "2022")]),
        ("2019—2021年累计投入2亿元。2022年投入1亿元。", [("2亿元", "2019-2021"), ("1亿元", "2022")]),
        ("全镇有村12个。2023年新增企业15家。", [("12个", "2023"), ("15家", "2023")]),  # before the first year: that year
        ("2023年收入合计6449万元,其中上年结转结余60万元。", [("6449万元", "2023"), ("60万元", "2023")]),
        ("全镇有村12个,社区3个。", [("12个", ""), ("3个", "")]),  # no year named
    ],
)
def test_each_number_carries_the_year_it_belongs_to(text, periods):
    assert _column(text, "period") == periods


@pytest.mark.parametrize(
    "text, entities",
    [
        ("本縣歲入決算數405億9,629萬餘元,歲出決算數390億7,285萬餘元。",
         [("405億9,629萬餘元", "本縣歲入決算數"), ("390億7,285萬餘元", "歲出決算數")]),
        ("2022年第一产业增加值22.81亿元,增长2.9%。", [("22.81亿元", "第一产业增加值"), ("2.9%", "第一产业增加值增长")]),
        ("增值税6055万元,同比增收164万元,增长2.78%。",
         [("6055万元", "增值税"), ("164万元", "增值税同比增收"), ("2.78%", "增值税增长")]),
        ("稅課收入139億元,占歲入34.41%。", [("139億元", "稅課收入"), ("34.41%", "稅課收入占歲入")]),
        ("全市辖60个乡镇、5个街道办事处。", [("60个", "全市辖乡镇"), ("5个", "街道办事处")]),
    ],
)
def test_each_number_carries_the_noun_the_text_names_it_with(text, entities):
    assert _column(text, "entity") == entities


HEADED_TABLE = """表1 歲入預算表
單位:新臺幣千元
稅課收入 1,234,567 1,100,000
合計占比 12.5%

本鄉人口12,000人。
(单位:万元)
一般公共预算收入 38941 35000
另有补助500万元。
"""


def test_a_header_line_gives_the_unit_of_the_bare_numbers_under_it():
    rows = find_numbers(HEADED_TABLE, keep_skipped=True)
    skipped = rows[rows["skipped"] != ""]
    assert list(zip(skipped["as_written"], skipped["skipped"])) == [
        ("表1", "ordinal"), ("單位:新臺幣千元", "unit header"), ("单位:万元", "unit header"), ("一般", "set phrase")]
    kept = rows[rows["skipped"] == ""]
    assert [(r.as_written, r.value, r.unit, r.header_unit) for r in kept.itertuples()] == [
        ("1,234,567", 1_234_567_000, "元", "單位:新臺幣千元 (line 2)"),  # thousands of 元
        ("1,100,000", 1_100_000_000, "元", "單位:新臺幣千元 (line 2)"),
        ("12.5%", 12.5, "%", ""),              # a number with its own unit keeps it
        ("12,000人", 12_000, "人", ""),        # the blank line ended the table
        ("38941", 389_410_000, "元", "单位:万元 (line 7)"),
        ("35000", 350_000_000, "元", "单位:万元 (line 7)"),
        ("500万元", 5_000_000, "元", ""),      # a sentence ends the table
    ]


# Measures that do not mislead: the vocabulary's measure where the words say it, else the generic one of the
# number's kind, never a measure of another kind or a term the text does not say.
@pytest.mark.parametrize("text, number, measure", [
    ("本縣歲出決算數390億元。", "390億元", "public_budget_expenditure"),  # 歲出 is its term; not 总投资 (investment)
    ("全县城乡居民储蓄存款余额215.6亿元。", "215.6亿元", "amount_yuan"),   # no term of the vocabulary said
    ("地方一般公共预算收入38941万元。", "38941万元", "amount_yuan"),  # 一般公共预算支出's words, but 收入 is not 支出
    ("稅課收入139億元,占歲入34.41%。", "34.41%", "share_percent"),   # a budget share is no delegation share
    ("增值税6055万元,同比增收164万元,增长2.78%。", "164万元", "amount_change_yuan"),
    ("增值税6055万元,同比增收164万元,增长2.78%。", "2.78%", "growth_percent"),
    ("第一产业比重下降3.72个百分点。", "3.72个百分点", "share_change_points"),
    ("全县有行政村12个。", "12个", "villages"),                      # the vocabulary's term (村) is said
    ("該鎮去年稅收收入達到3.2億元,增長8%。", "8%", "growth_percent"),  # a growth rate of tax revenue is not tax revenue
    ("全县非税收入1200万元。", "1200万元", "amount_yuan"),            # 非税收入 is no 税收收入 (tax_revenue)
])
def test_a_vocabulary_measure_only_where_the_words_say_it_else_the_generic_one(suggester, text, number, measure):
    assert _suggest(suggester, text, number) == measure


def test_a_number_with_no_generic_measure_of_its_unit_gets_a_new_measure_proposed(suggester):
    text = "全镇新增企业15家。"
    row = find_numbers(text).iloc[0]
    got = suggester.propose(suggester.context_at(text, row["start"], row["end"]), row["unit"], row["entity"])
    assert got == ("", 0.0, "count", "count in 家: 全镇新增企业")


def test_generic_measures_are_rows_of_the_vocabulary_in_their_units():
    from analysis.extraction.measures import GENERIC_MEASURES
    from analysis.tables import load_tables

    units = dict(zip(load_tables().measures["measure"], load_tables().measures["unit"]))
    assert {measure: units.get(measure) for measure in GENERIC_MEASURES.values()} == {
        measure: unit for (_, unit), measure in GENERIC_MEASURES.items()}


PRACTICE_TEXT = "2023年全县财政收入12亿元,增长5%。\n党的二十大以来,新增企业15家。\n"
PRACTICE_LABELS = """line,as_written,nth,kind,reason,value,low,high,unit,period,entity,note
1,2023年,1,not_data,year,,,,,,,
1,12亿元,1,data,,1200000000,,,元,2023,全县财政收入,
1,5%,1,data,,5,,,%,2023,全县财政收入增长,
2,二十大,1,not_data,session_number,,,,,,,
2,15家,1,data,,15,,,家,2023,新增企业,
"""


def test_the_practice_comparison_counts_numbers_found_and_non_numbers_proposed(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from practice_numbers import compare_numbers, read_labels

    (tmp_path / "labels.csv").write_text(PRACTICE_LABELS, encoding="utf-8")
    labels = read_labels(tmp_path / "labels.csv")
    proposals = find_numbers(PRACTICE_TEXT)
    result = compare_numbers(PRACTICE_TEXT, labels, proposals)
    assert (result.data, result.found, result.non_numbers, result.periods) == (3, 3, 0, (3, 3))
    # a proposal of a year labelled not data, and one labelled nowhere, are non-numbers; a label not proposed is missed
    extra = pd.concat([proposals.iloc[[0, 1]], pd.DataFrame([
        {"as_written": "2023年", "value": 2023, "low": None, "high": None, "line": 1, "start": 0, "end": 5},
        {"as_written": "二十", "value": 20, "low": None, "high": None, "line": 2, "start": 24, "end": 26},
        {"as_written": "以来", "value": 0, "low": None, "high": None, "line": 2, "start": 28, "end": 30}])])
    result = compare_numbers(PRACTICE_TEXT, labels, extra)
    assert (result.found, result.non_numbers, len(result.proposals), result.missed) == (2, 3, 5, [":2 15家"])


def test_cli_extract_all_lists_what_is_not_data_with_its_reason_and_each_numbers_period_and_entity(tmp_path, capsys):
    import csv

    path = tmp_path / "bulletin.txt"
    path.write_text("2022年全县生产总值86.8亿元,比上年增长5.2%。党的二十大以来,新增企业15家。\n", encoding="utf-8")
    assert main(["extract", str(path), "--all", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["as_written"], r["skipped"], r["period"]) for r in rows] == [
        ("2022年", "year", ""), ("86.8亿元", "", "2022"), ("5.2%", "", "2022"), ("二十大", "session number", ""),
        ("15家", "", "2022")]
    assert [(r["entity"], r["measure"], r["new_measure"]) for r in rows if not r["skipped"]] == [
        ("全县生产总值", "amount_yuan", ""), ("全县生产总值比上年增长", "growth_percent", ""),
        ("新增企业", "", "count in 家: 新增企业")]


# Under a header line, a report's list items are sentences (一、歲入:預算數186,420。): the header holds while each line
# under it has a bare number, and ends at the first sentence whose numbers all carry their own unit (or that has none).
HEADED_ITEMS = """單位:新臺幣千元
一、歲入:預算數186,420,決算數191,356,執行率102.64%。
二、歲出:決算數184,213。
換算為萬元,歲入1億9,135萬餘元。
另有7,500。
金额单位:万元
1.一般公共预算收入38941,增长5.2%。
全镇共有行政村12个。
结余300。
"""


def test_a_header_holds_over_the_sentences_under_it_that_use_it():
    kept = find_numbers(HEADED_ITEMS)
    assert [(r.as_written, r.value, r.unit) for r in kept.itertuples()] == [
        ("186,420", 186_420_000, "元"), ("191,356", 191_356_000, "元"),  # thousands of 元
        ("102.64%", 102.64, "%"),
        ("184,213", 184_213_000, "元"),  # the second item, a sentence too, still under the header
        ("1億9,135萬餘元", 191_350_000, "元"),  # its own unit; no bare number: the header ends after this line
        ("7,500", 7_500, ""),  # after the header's end, a bare number stays bare
        ("38941", 389_410_000, "元"), ("5.2%", 5.2, "%"),  # 1. is a list marker; 金额单位:万元
        ("12个", 12, "个"),  # ends the second header
        ("300", 300, ""),
    ]


def test_a_compound_unit_is_read_with_the_number():
    # the measure per unit after the slash belongs to the number; 千克 and 千瓦时 are units, not thousands
    text = "粮食单产423千克/亩,人口密度350人/平方公里,全年发电1.2万千瓦时,每3千人配1名。"
    found = find_numbers(text)
    assert list(zip(found["as_written"], found["unit"])) == [
        ("423千克/亩", "千克/亩"), ("350人/平方公里", "人/平方公里"), ("1.2万千瓦时", "千瓦时"), ("3千人", "人"), ("1名", "名")]


@pytest.mark.parametrize("text, written, unit", [
    ("石湖縣人口僅約17.6萬,不到蒼崖的一半。", "約17.6萬", "人"),
    ("全县总人口约42万。", "约42万", "人"),
    ("常住人口达到3.5万,较上年减少。", "3.5万", "人"),
    ("人口密度为每平方公里350。", "350", ""),   # 密度: no count of persons
    ("全镇户籍人口1.2万户。", "1.2万户", "户"),  # its own measure word stays
])
def test_a_population_written_without_its_measure_word_counts_persons(text, written, unit):
    rows = find_numbers(text)
    row = rows[rows["as_written"] == written].iloc[0]
    assert row["unit"] == unit


@pytest.mark.parametrize("text, written", [
    ("自有財源比率為17.0%,不及蒼崖的一半。", "不及蒼崖的一半"),
    ("乙乡人口不满甲乡的三成。", "不满甲乡的三成"),
])
def test_buji_and_buman_qualify_a_number_a_few_words_on(text, written):
    row = find_numbers(text).set_index("as_written").loc[written]
    assert pd.isna(row["low"]) and row["high"] in (50.0, 30.0) and row["high"] == row["value"]


@pytest.mark.parametrize("text, written, high", [
    ("主張將人口未滿一萬的鄉鎮併入鄰近鄉鎮。", "未滿一萬", 10000.0),
    ("人口未满5000人的村有12个。", "未满5000人", 5000.0),
])
def test_weiman_is_a_bound_below_its_number(text, written, high):
    row = find_numbers(text).set_index("as_written").loc[written]
    assert row["high"] == high and pd.isna(row["low"])


@pytest.mark.parametrize("text, written", [
    ("鄉鎮市中,自有財源不足以支應人事費者達9個。", "9個"),
    ("经费不足以弥补缺口的乡镇有7个。", "7个"),
])
def test_buzuyi_not_enough_to_qualifies_no_number(text, written):
    rows = find_numbers(text)
    row = rows.set_index("as_written").loc[written]  # read alone, not "不足以…9個" (less than 9)
    assert row["value"] == float(written[:-1]) and pd.isna(row["high"])


def test_under_a_header_unit_a_word_after_a_space_is_the_next_column_not_a_unit():
    text = "部分公所歲出決算數及人事費（單位：千元）\n大坪鄉　歲出412,860　人事費263,000\n潭尾鎮 歲出688,150 人事費371,600\n"
    rows = find_numbers(text).set_index("as_written")
    assert rows.loc["412,860", "value"] == 412_860_000 and rows.loc["412,860", "unit"] == "元"
    assert rows.loc["688,150", "value"] == 688_150_000 and rows.loc["688,150", "unit"] == "元"
    # with no header in force a spaced unit stays the number's own
    plain = find_numbers("全县共有干部 300 人，其中女性 120 人。").set_index("as_written")
    assert plain.loc["300 人", "unit"] == "人"
