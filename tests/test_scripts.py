"""A source's script, told from its text: sentences written here in both scripts, mainland and Taiwan usage,
mixed ones, the practice texts, and the project's sources (report 001 traditional, the others simplified)."""

import os
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.paths import DATA_DIR, PROJECT_ROOT
from analysis.scripts import HANS, HANT, SCRIPTS, county_script, evidence, in_script, script_of, scripts_markdown, source_scripts

# (sentence, (traditional, simplified) characters counted by hand, script)
SENTENCES = [
    # mainland usage, traditional script: 縣 審 權 計 項 項
    ("縣政府下放審批權限共計120項，其中已承接的有98項。", (6, 0), HANT),
    # Taiwan usage: 東 縣 歲 決 億 灣 縣; 台 is written so in both scripts and says nothing
    ("屏東縣去年歲入決算405億元，台灣各縣市排名第三。", (7, 0), HANT),
    # mainland, simplified: 县 乡 镇 机 构 编 减 (后, 制, 核 are shared)
    ("全县乡镇机构改革后，行政编制核减了20%。", (0, 7), HANS),
    # a Taiwan budget told in simplified: 湾 县 总 预 为 亿
    ("台湾南投县115年度总预算为351亿元。", (0, 6), HANS),
    # a simplified text quoting a traditional title: outside the quotation 该 绍 东 营
    ("该文《試點強鎮擴權》介绍了东营的做法。", (0, 4), HANS),
    # a traditional text quoting a simplified title: outside it 報 導
    ("報導引用《关于深入推进乡镇》一文。", (2, 0), HANT),
    # a quotation alone is all the evidence there is: 試 點 強 鎮 擴 權
    ("「試點強鎮擴權」", (6, 0), HANT),
    # characters both scripts write alike
    ("中心主任2011年", (0, 0), ""),
    # evenly mixed (東 營 against 经 验): too mixed to say
    ("東營市的经验", (2, 2), ""),
]


@pytest.mark.parametrize("sentence, counted, script", SENTENCES, ids=[s for s, _, _ in SENTENCES])
def test_sentences_written_here(sentence, counted, script):
    assert evidence(sentence) == counted
    assert script_of(sentence) == script


def test_a_few_characters_of_the_other_script_leave_a_text_as_it_is():
    # 6 traditional against 1 simplified (a name kept in its mainland form): more than twice, so traditional
    assert script_of(["縣政府下放審批權限共計120項", "张某"]) == HANT
    # 2 against 1 is not more than twice: undecided
    assert script_of("東營张") == ""


PRACTICE = Path(os.environ.get("PRACTICE_DIR") or PROJECT_ROOT.parent / "shared" / "practice")  # as make bench-onboard


@pytest.mark.skipif(not PRACTICE.is_dir(), reason="the practice texts are not beside the project (nor in $PRACTICE_DIR)")
def test_the_practice_texts():
    # its README: p3 (屏東) and p4 (南投) are Taiwan texts in traditional characters, the six others mainland, simplified
    got = {p.name[:2]: script_of(p.read_text(encoding="utf-8")) for p in sorted(PRACTICE.glob("p*.txt"))}
    assert got == {"p1": HANS, "p2": HANS, "p3": HANT, "p4": HANT, "p5": HANS, "p6": HANS, "p7": HANS, "p8": HANS}


def test_the_projects_sources_from_their_tables_alone():
    from analysis.tables import load_tables

    from tests.test_five_reports_transcription import of_the_five_reports

    tables = load_tables()
    scripts = source_scripts(tables)
    assert set(scripts) == set(tables.sources["source"])
    # the five reports (a report added later has a script of its own)
    five = of_the_five_reports(tables)
    assert {s for s in five.sources["source"] if scripts[s] == HANT} == {"s001"}  # 試點強鎮擴權改革推進新型城鎮化建設
    assert county_script(tables, "dongying") == HANT
    assert {county_script(tables, c) for c in five.counties["county"] if c != "dongying"} == {HANS}


def _tables(title: str, locators: list[str]):
    """The four tables the script is read from, for one county and one source."""
    return SimpleNamespace(
        counties=pd.DataFrame({"county": ["nantou"], "sources": ["s1"]}),
        sources=pd.DataFrame({"source": ["s1"], "title_zh": [title]}),
        facts=pd.DataFrame({"county": ["nantou"] * len(locators), "source": ["s1"] * len(locators), "locator": locators}),
        themes=pd.DataFrame({"county": [], "source": [], "locator": []}))


def test_a_county_of_a_new_traditional_budget():
    tables = _tables("南投縣115年度總預算", ["歲入三百五十一億元", "較上年度增加"])
    assert source_scripts(tables) == {"s1": HANT}
    assert county_script(tables, "nantou") == HANT
    assert county_script(tables, "atlantis") == HANS  # no such county: the default


def test_a_source_with_nothing_to_tell_is_simplified():
    tables = _tables("2023年", ["100万元"])  # 万 is simplified: one character is evidence enough
    assert county_script(tables, "nantou") == HANS
    assert county_script(_tables("中心", ["2011年"]), "nantou") == HANS  # undecided: the default


def test_every_countys_script_at_once_is_each_countys_own():
    from analysis.scripts import county_scripts
    from analysis.tables import load_tables

    # sentences written for this test: a Taiwan budget (traditional), a mainland county (simplified), a county whose
    # only words say nothing, and one that cites two sources, a traditional title against its simplified locators
    tables = SimpleNamespace(
        counties=pd.DataFrame({"county": ["nantou", "xian", "blank", "both"], "sources": ["s1", "s2", "s3", "s1 s2"]}),
        sources=pd.DataFrame({"source": ["s1", "s2", "s3"], "title_zh": ["南投縣115年度總預算", "某县机构改革情况汇报", "2023年"]}),
        facts=pd.DataFrame({"county": ["nantou", "xian", "both", "both"], "source": ["s1", "s2", "s2", "s2"],
                            "locator": ["歲入三百五十一億元", "核定行政编制31名", "乡镇机构由17个减为4个", "财政供养人员减少了"]}),
        themes=pd.DataFrame({"county": ["nantou"], "source": ["s1"], "locator": ["鄉鎮市公所人力不足"]}))
    assert county_scripts(tables) == {"nantou": HANT, "xian": HANS, "blank": HANS, "both": HANS}
    assert county_scripts(tables) == {c: county_script(tables, c) for c in tables.counties["county"]}
    project = load_tables()
    assert county_scripts(project) == {c: county_script(project, c) for c in project.counties["county"]}


def test_grade_labels_in_each_script():
    assert SCRIPTS[HANT].status == {"reproduced": "已復現", "tension": "可合理解釋", "discrepancy": "不一致", "unverifiable": "無法核實"}
    # the table's traditional labels are what the conversion of the project's labels gives (核實, Taiwan's form)
    assert {k: in_script(v, HANT) for k, v in SCRIPTS[HANS].status.items()} == SCRIPTS[HANT].status
    assert in_script("服务设施", HANS) == "服务设施"


def test_dictionary_shows_the_table_the_code_uses():
    assert scripts_markdown() in (DATA_DIR / "DICTIONARY.md").read_text(encoding="utf-8")


def test_the_stylesheet_names_each_scripts_faces_in_order():
    css = (PROJECT_ROOT / "analysis" / "site" / "static" / "site.css").read_text(encoding="utf-8")
    for script in SCRIPTS.values():
        stack = ", ".join(f'"{face}"' for face in script.css_faces)
        assert stack in css, script.code
    traditional = next(line for line in css.splitlines() if line.startswith(":lang(zh-Hant)"))
    assert traditional.index('"Noto Sans CJK TC"') < traditional.index('"Noto Sans"')
