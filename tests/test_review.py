"""The review of a new report: the audit's verdict on each proposed finding, the review page, and the matching
of `make bench-onboard` (on small texts and labels written for these tests, in both scripts)."""

from __future__ import annotations

import importlib.util
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis.tables import load_tables

FIXTURES = Path(__file__).parent / "fixtures"
FICTIONAL = FIXTURES / "fictional_report.txt"
PLACE = ("某某镇(虚构)", "A fictional town", "town")


def _bench():
    """benchmarks/onboard_bench.py, a script outside the package, imported from its file."""
    if "onboard_bench" not in sys.modules:
        spec = importlib.util.spec_from_file_location("onboard_bench", Path(__file__).parent.parent / "benchmarks" / "onboard_bench.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["onboard_bench"] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules["onboard_bench"]


@pytest.fixture(scope="module")
def tables():
    return load_tables()


# --- verdicts ------------------------------------------------------------------------------------------------

@pytest.fixture
def reviewed(tmp_path, data_copy, monkeypatch):
    from analysis.extraction.onboarding import add_source

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / FICTIONAL.name).write_bytes(FICTIONAL.read_bytes())
    done = add_source(reports / FICTIONAL.name, "fictional_town", data_copy, tmp_path / "review", place=PLACE,
                      reports_dir=reports)
    return {"done": done, "data": data_copy, "reports": reports}


def test_the_review_file_carries_the_audits_verdict_of_each_proposed_finding(reviewed):
    _, findings_file, page = reviewed["done"]["review"]
    review = pd.read_csv(findings_file, dtype=str, keep_default_na=False)
    assert {"status", "reading", "recomputed", "note", "finding_note"} <= set(review.columns)
    row = review[review["claimed"] == "45名"].iloc[0]  # 核定编制45名(行政编制20名、事业编制25名): 20 + 25 = 45
    assert (row["rule"], row["status"], row["recomputed"], row["reading"]) == ("sum", "reproduced", "45", "")
    assert row["note"].startswith("recomputed 45 is within [44.5, 45.5)") and row["note"].endswith(row["finding_note"])
    share = review[review["claimed"] == "75%"].iloc[0]  # 下放权限120项,其中已承接90项,占75%: 90 / 120 = 75%
    assert (share["rule"], share["status"], share["recomputed"]) == ("share", "reproduced", "75")
    assert page.name == f"{reviewed['done']['source']}.html" and (page.parent / "review.css").is_file()


def test_an_accepted_finding_keeps_its_own_note_not_the_verdict(reviewed):
    from analysis.audit import audit_findings
    from analysis.extraction.onboarding import accept
    from analysis.tables import reload_tables

    facts_file, findings_file, _ = reviewed["done"]["review"]
    for path, chosen in ((facts_file, lambda r: r["as_written"].isin(["45名", "20名", "25名"])),
                         (findings_file, lambda r: r["claimed"] == "45名")):
        review = pd.read_csv(path, dtype=str, keep_default_na=False)
        review.loc[chosen(review), "accept"] = "yes"
        review.to_csv(path, index=False)
        accept(path, reviewed["data"], reviewed["reports"])
    tables = reload_tables(reviewed["data"])
    finding = tables.findings[tables.findings["county"] == "fictional_town"].iloc[0]
    assert finding["note"] == "proposed: N (a、b) / 共N, 其中a、b"
    row = audit_findings(tables, "fictional_town").iloc[0]
    assert row["note"] == "recomputed 45 is within [44.5, 45.5); proposed: N (a、b) / 共N, 其中a、b"  # the verdict once


def _fact(fact_id, as_written, value, unit, start=0, end=0):
    return {"fact_id": fact_id, "county": "c", "entity": "(to review)", "domain": "context", "measure": "", "period": "",
            "as_written": as_written, "value": value, "low": "", "high": "", "qualifier": "", "unit": unit, "source": "s",
            "locator": as_written, "note": "", "start": start, "end": end}


def _finding(finding_id, rule, claimed, claim_fact, inputs, items="", unbound=()):
    return {"finding_id": finding_id, "county": "c", "domain": "context", "claim": claimed, "claimed": claimed,
            "claim_fact": claim_fact, "rule": rule, "inputs": inputs, "finding_note": "proposed", "items": items,
            "unbound": list(unbound), "line": 1}


@pytest.mark.parametrize("findings, status, recomputed, note", [
    # 甲10个、乙5个, 共16个: 10 + 5 = 15, not 16
    ([_finding("f1", "sum", "16个", "total", "a b")], "discrepancy", "15", "recomputed 15, but claim 16个 needs [15.5, 16.5)"),
    # traditional script: 甲、乙、丙三個 counts three items
    ([_finding("f1", "count_items", "三個", "three", "", items="甲、乙、丙")], "reproduced", "3", "recomputed 3 is within [2.5, 3.5)"),
    ([_finding("f1", "count_items", "三個", "three", "", items="甲、乙")], "discrepancy", "2", "recomputed 2, but claim 三個 needs [2.5, 3.5)"),
    # an input the finder could not bind to a proposed number
    ([_finding("f1", "sum", "16个", "total", "a ?", unbound=["六个"])], "unverifiable", "",
     "not graded: 1 of its inputs (六个) stand for no proposed number"),
    # 10个 + 5元: the tables refuse a sum across units, so the audit never grades it
    ([_finding("f1", "sum", "16个", "total", "a money")], "unverifiable", "",
     "not graded: the tables would refuse it as proposed: column 'inputs': f1: rule sum needs its inputs in one unit"),
])
def test_each_proposal_is_graded_on_the_proposed_facts(tables, findings, status, recomputed, note):
    from analysis.extraction.review import grade_proposals

    facts = [_fact("a", "10个", "10", "个"), _fact("b", "5个", "5", "个"), _fact("total", "16个", "16", "个"),
             _fact("three", "三個", "3", "个"), _fact("money", "5元", "5", "元")]
    row = grade_proposals(facts, findings, tables, label="s.findings.csv")[0]
    assert (row["status"], row["recomputed"]) == (status, recomputed)
    assert row["note"].startswith(note) and row["note"].endswith("proposed")


def test_one_proposal_the_audit_cannot_take_does_not_stop_the_others(tables):
    from analysis.extraction.review import grade_proposals

    facts = [_fact("a", "10个", "10", "个"), _fact("b", "5个", "5", "个"), _fact("total", "15个", "15", "个")]
    rows = grade_proposals(facts, [_finding("f1", "no_such_rule", "15个", "total", "a b"),
                                   _finding("f2", "sum", "15个", "total", "a b")], tables)
    assert rows[0]["status"] == "unverifiable" and rows[0]["note"].startswith("not graded: the audit stopped on it (KeyError")
    assert (rows[1]["status"], rows[1]["recomputed"]) == ("reproduced", "15")


# --- the page ------------------------------------------------------------------------------------------------

def _elements(html: str) -> list[tuple[str, dict, str]]:
    """(tag, attributes, text inside) of every element, by a plain parse."""
    out, stack = [], []

    class Walk(HTMLParser):
        def handle_starttag(self, tag, attrs):
            out.append([tag, dict(attrs), ""])
            if tag not in ("meta", "link", "br"):
                stack.append(len(out) - 1)

        def handle_endtag(self, tag):
            if stack:
                stack.pop()

        def handle_data(self, data):
            for i in stack:
                out[i][2] += data

    Walk(convert_charrefs=True).feed(html)
    return [tuple(e) for e in out]


def _hand_proposals(text: str):
    """Proposals written by hand for the page tests (independent of the extractor): 45名 claimed as the sum of
    20名 and 25名 (reproduced), 2019年 not data (a year)."""
    from analysis.extraction.onboarding import Proposals

    def at(written):
        start = text.index(written)
        return start, start + len(written)

    spans = {w: at(w) for w in ("45名", "20名", "25名", "2019年")}
    numbers = pd.DataFrame([{"as_written": w, "line": text[:s].count("\n") + 1, "start": s, "end": e,
                             "skipped": "year" if w == "2019年" else ""} for w, (s, e) in spans.items()])
    facts = [{**_fact(f"f{w}", w, w[:-1], "名", *spans[w]), "measure": "posts"} for w in ("45名", "20名", "25名")]
    finding = {**_finding("c_sum_1", "sum", "45名", "f45名", "f20名 f25名"), "claim_start": spans["45名"][0],
               "claim_end": spans["45名"][1], "input_spans": [spans["20名"], spans["25名"]], "line": 2,
               "status": "reproduced", "reading": "", "recomputed": "45", "note": "recomputed 45 is within [44.5, 45.5)"}
    return Proposals(facts, [finding], numbers)


MARKUP = '<script>alert("x")</script><b onclick="x()">粗</b>&amp;<!-- -->'


@pytest.mark.parametrize("text, language", [
    (f"某镇2019年汇报{MARKUP}\n核定编制45名(行政编制20名、事业编制25名)。\n", "zh-Hans"),
    (f"某鎮2019年報告{MARKUP}\n核定編制45名(行政編制20名、事業編制25名)。\n", "zh-Hant"),
])
def test_the_page_keeps_markup_as_text_and_marks_numbers_and_claims_with_their_grade(tmp_path, text, language):
    from analysis.extraction.review_page import write_review_page
    from analysis.site.assets import CSP_META

    page = write_review_page(tmp_path / "s.html", text, _hand_proposals(text), "s", "c")
    html = page.read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in html and CSP_META in html and (tmp_path / "review.css").is_file()
    elements = _elements(html)
    tags = [tag for tag, _, _ in elements]
    assert "script" not in tags and "b" not in tags and "style" not in tags  # the text's markup is not markup
    assert not [a for _, attrs, _ in elements for a in attrs if a.startswith("on")]
    line = next(inner for tag, attrs, inner in elements if attrs.get("id") == "L1")
    assert MARKUP in line  # shown as written, character for character
    marks = [(attrs, inner) for tag, attrs, inner in elements if tag == "mark"]
    claimed = next(attrs for attrs, inner in marks if inner == "45名")
    assert claimed["class"] == "num claim" and claimed["id"] == "f45名"
    grade = elements[[e[1].get("id") for e in elements].index("f45名") + 1]
    assert (grade[0], grade[1]["class"], grade[1]["href"], grade[2]) == ("a", "grade reproduced", "#c_sum_1", "reproduced")
    assert {inner for attrs, inner in marks if attrs["class"] == "num"} >= {"20名", "25名"}
    not_data = next((attrs, inner) for tag, attrs, inner in elements if attrs.get("class") == "not-data" and "title" in attrs)
    assert not_data == ({"class": "not-data", "title": "not data: year"}, "2019年year")
    item = next(inner for tag, attrs, inner in elements if tag == "li" and attrs.get("id") == "c_sum_1")
    assert item.startswith("reproduced c_sum_1 sum: 45名 from 20名, 25名. recomputed 45 is within [44.5, 45.5)")


def test_a_page_of_a_proposed_text_escapes_whatever_the_extractor_makes_of_it(tmp_path, tables):
    from analysis.extraction.onboarding import propose
    from analysis.extraction.review_page import write_review_page

    text = FICTIONAL.read_text(encoding="utf-8") + '<img src=x onerror="alert(1)">核定<a href="javascript:x">30名</a>\n'
    html = write_review_page(tmp_path / "s.html", text, propose(text, None, "c", "s", tables), "s", "c").read_text(encoding="utf-8")
    elements = _elements(html)
    assert not [tag for tag, _, _ in elements if tag in ("img", "script")]
    assert not [attrs for tag, attrs, _ in elements if tag == "a" and not attrs.get("href", "").startswith("#")]


@pytest.mark.parametrize("text, language", [
    ("本鎮歲入預算3,000萬元,較上年度增加300萬元,增幅11.11%。", "zh-Hant"),
    ("本镇一般公共预算收入3000万元,比上年增长11.11%。", "zh-Hans"),
    ("预算收入3000万元,其中“國稅”500万元,地方税收入2500万元。", "zh-Hans"),  # a simplified text quoting a traditional word
    ("3000 + 500 = 3500", "zh-Hans"),
])
def test_the_pages_language_follows_the_texts_script(text, language):
    from analysis.extraction.review_page import text_language

    assert text_language(text) == language


# --- the bench's matching --------------------------------------------------------------------------------------

def _proposed_numbers(lines, wanted):
    """Proposals as the bench sees them: (line, as_written, value, low, high, nth occurrence of as_written)."""
    out = []
    for line, written, value, nth in wanted:
        starts = [m.start() for m in re.finditer(re.escape(written), lines[line - 1])]
        start = starts[nth - 1]
        out.append({"line": line, "start": start, "end": start + len(written), "as_written": written,
                    "value": value, "low": None, "high": None})
    return out


def _proposed_claims(lines, wanted):
    out = []
    for line, claimed, rule, status, *inputs in wanted:  # inputs: how many the proposal takes (0 unless given)
        start = lines[line - 1].index(claimed)
        out.append({"line": line, "claim_start": start, "claim_end": start + len(claimed), "claimed": claimed,
                    "rule": rule, "status": status, "input_spans": [(0, 1)] * (inputs[0] if inputs else 0)})
    return out


def test_bench_numbers_are_matched_by_place_and_number_simplified():
    bench = _bench()
    lines = (FIXTURES / "bench_simplified.txt").read_text(encoding="utf-8").split("\n")
    numbers, _ = bench.read_labels("bench_simplified", FIXTURES)
    proposals = _proposed_numbers(lines, [
        (2, "120万元", 1200000.0, 1), (2, "20%", 20.0, 1), (2, "90万元", 900000.0, 1),
        (2, "30", 30.0, 1),  # at 30万元's place with another number: a misread
        (3, "3个", 3.0, 1), (1, "2023年", 2023.0, 1), (3, "一批", 1.0, 1),  # labelled year and ordinal (第一批)
        (1, "虚构", None, 1),  # labelled nowhere
    ])
    score = bench.score_numbers(lines, proposals, numbers)
    assert (score.data, score.found, score.proposals) == (5, 4, 8)
    assert (score.not_data, score.unlabelled, score.misread) == (2, 1, 1)
    assert score.missed == ["line 2: 30万元"]
    assert score.wrong == ["line 1: 2023年 (year)", "line 3: 一批 (ordinal)", "line 1: 虚构 (labelled nowhere)"]


def test_bench_numbers_count_each_label_once_traditional():
    bench = _bench()
    lines = (FIXTURES / "bench_traditional.txt").read_text(encoding="utf-8").split("\n")
    numbers, _ = bench.read_labels("bench_traditional", FIXTURES)
    proposals = _proposed_numbers(lines, [
        (2, "3,000萬元", 30000000.0, 1), (2, "300萬元", 3000000.0, 1), (2, "11.11%", 11.11, 1),
        (2, "1,200", 1200.0, 1), (2, "40%", 40.0, 1),
        (3, "40%", 40.0, 2),  # 乙村's 40%: the second label of the line, not the first
        (1, "一一二年", 112.0, 1),
    ])
    score = bench.score_numbers(lines, proposals, numbers)
    assert (score.data, score.found, score.proposals, score.not_data, score.unlabelled, score.misread) == (7, 5, 7, 1, 0, 1)
    assert score.missed == ["line 2: 1,200萬元", "line 3: 40%"]


def test_bench_claims_need_their_place_and_a_rule_of_their_form():
    bench = _bench()
    lines = (FIXTURES / "bench_simplified.txt").read_text(encoding="utf-8").split("\n")
    _, claims = bench.read_labels("bench_simplified", FIXTURES)
    proposals = _proposed_claims(lines, [
        (2, "120万元", "sum", "reproduced", 2),
        (2, "20%", "growth", "unverifiable"),  # labelled unverifiable: not among the checkable claims
        (3, "3个", "sum", "discrepancy"),  # a count proposed as a sum: the wrong rule
        (3, "一批", "value", "reproduced"),  # where no claim is labelled
    ])
    score = bench.score_claims(lines, proposals, claims)
    assert (score.checkable, score.proposed, score.right, score.wrong_rule) == (2, 1, 1, 1)
    assert (score.unverifiable_proposed, score.unlabelled) == (1, 1)
    assert score.missed == ["line 3 count: 3个 (proposed as sum)"]
    # a total the label gives two inputs, proposed with one (90万元 within 120万元): a wrong binding, not proposed
    score = bench.score_claims(lines, _proposed_claims(lines, [(2, "120万元", "parts_within", "reproduced", 1)]), claims)
    assert (score.proposed, score.wrong_rule) == (0, 1)
    assert score.missed[0] == "line 2 total: 120万元 (proposed as parts_within with 1 inputs, labelled 2)"

    lines = (FIXTURES / "bench_traditional.txt").read_text(encoding="utf-8").split("\n")
    _, claims = bench.read_labels("bench_traditional", FIXTURES)
    proposals = _proposed_claims(lines, [(2, "11.11%", "growth", "reproduced"), (2, "40%", "share", "tension")])
    score = bench.score_claims(lines, proposals, claims)
    assert (score.checkable, score.proposed, score.right) == (2, 2, 1)
    assert score.misgraded == ["line 2 share: 40%: tension, labelled reproduced"]


def test_bench_matches_a_claim_whose_words_are_no_number_at_the_amount_it_judges():
    # a count proposed at the word 办公室 (no number) judging 3个: found only through its fact span
    bench = _bench()
    lines = (FIXTURES / "bench_simplified.txt").read_text(encoding="utf-8").split("\n")
    _, claims = bench.read_labels("bench_simplified", FIXTURES)
    claims = claims[claims["claim_id"] == "c03"]
    word, number = lines[2].index("办公室"), lines[2].index("3个")
    base = 100  # the line's offset in its text: fact spans are the text's, claim spans the line's
    proposal = {"line": 3, "claim_start": word, "claim_end": word + 3, "claimed": "3", "rule": "count_items",
                "status": "reproduced", "input_spans": [(0, 1)], "line_base": base}
    assert bench.score_claims(lines, [proposal], claims).proposed == 0  # at the word alone: not at the label
    proposal["fact_span"] = (base + number, base + number + 2)
    score = bench.score_claims(lines, [proposal], claims)
    assert (score.proposed, score.right, score.unlabelled) == (1, 1, 0)


def test_bench_onboard_prints_each_text_the_overall_figures_and_a_verdict_per_target(capsys):
    bench = _bench()
    texts = [FIXTURES / "bench_simplified.txt", FIXTURES / "bench_traditional.txt", FICTIONAL]
    assert bench.main([*map(str, texts), "--labels", str(FIXTURES)]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: line for line in out if line and line.split()[0] in {"bench_simplified", "bench_traditional", "overall"}}
    assert set(rows) == {"bench_simplified", "bench_traditional", "overall"}
    # four shares and the time, each with its verdict, or "-" where there is nothing to divide by
    assert all(len(re.findall(r"\b(?:PASS|MISS)\b", row)) + len(re.findall(r"(?<= )-(?= )", row)) == 5 for row in rows.values())
    assert re.search(r"< 60 s$", next(line for line in out if line.startswith("target")))
    assert re.search(r" \d+/5 .* \d+/2 ", rows["bench_simplified"]) and re.search(r"\d+/12 ", rows["overall"])  # 5 + 7 numbers
    # a claim's place flagged with any rule counts there, so never fewer than the claims proposed (2 + 2 checkable)
    placed = next(line for line in out if line.startswith("claims found at their place"))
    found = int(re.search(r": (\d+)/4\b", placed)[1])
    assert found >= int(re.search(r"(\d+)/4 ", rows["overall"])[1])
    fictional = next(line for line in out if line.startswith("fictional_report"))
    assert re.match(r"fictional_report +- +- +- +- +\d+\.\d\d s PASS", fictional)
    assert any(line.startswith("fictional_report: ") and "no labels" in line for line in out)
