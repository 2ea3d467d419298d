"""The parts of .ci/onboard-practice that decide without running anything: which text a commit onboards, how the
person's review reads the labels, and the CSV it reads from a command's output (the whole run is CI's own)."""

from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader

import pytest

from analysis.paths import PROJECT_ROOT

_loader = SourceFileLoader("onboard_practice", str(PROJECT_ROOT / ".ci" / "onboard-practice"))
ci = module_from_spec(spec_from_loader("onboard_practice", _loader))
_loader.exec_module(ci)

P7, P3 = "p7_zhangye_xiangzhen_jigou_gaige", "p3_pingtung_107_zongjuesuan"


def test_the_rotation_holds_texts_the_script_knows_and_a_commit_picks_by_its_hash():
    assert ci.ROTATION == (P7, P3) and set(ci.ROTATION) <= set(ci.PLACES)
    # two texts: an even hash (last hex digit e = 14) takes the first, an odd one (f = 15) the second
    assert ci.picked_by("5588fcc8d3cc17dfad37d691b24e6a85c733328e") == P7
    assert ci.picked_by("5588fcc8d3cc17dfad37d691b24e6a85c733328f") == P3


@pytest.mark.parametrize("form, unit, rule", [
    ("ratio", "%", "share"),        # 三次产业结构为9.2:51:39.8, each term a share of the whole in %
    ("ratio", "个", "ratio"),       # 每名执法人员对应3个事项: a plain a / b
    ("share", "%", "share"), ("count", "个", "count_items"), ("restatement", "元", "value"),
    ("other", "元", None),          # no rule of the ledger: the person writes no finding of it
])
def test_a_labelled_claims_form_is_the_ledgers_rule(tmp_path, form, unit, rule):
    run = ci.Run(P7, tmp_path)
    run.labelled = {("3", "9.2", "1"): {"unit": unit}}
    assert run.rule_of({"form": form, "line": "3", "claimed": "9.2"}) == rule


def test_the_csv_of_a_commands_output_starts_at_its_header():
    printed = "audit: 2 findings\nfinding_id,status\nzhangye_c1,reproduced\n\"a, b\",tension\n"
    assert ci.read_csv_text(printed) == [{"finding_id": "zhangye_c1", "status": "reproduced"},
                                         {"finding_id": "a, b", "status": "tension"}]
    assert ci.read_csv_text("no table here") == []
    # a table as git show prints it: a byte-order mark, a quoted field over two lines, CRLF
    table = "\ufeffcounty,sources\r\nnational,\"s1\r\ns2\"\r\npingtung,s3\r\n"
    assert ci.read_csv_text(table, start="") == [{"county": "national", "sources": "s1\r\ns2"},
                                                 {"county": "pingtung", "sources": "s3"}]


def test_the_readings_accept_writes_count_as_accepted_rows():
    # one per total of an accepted share whose fact was accepted: b (c was not accepted); none of a row not accepted,
    # of a finding no share, or of a review file written before the column existed
    rows = [{"accept": "yes", "rule": "share", "inputs": "p w", "other_wholes": "b c"},
            {"accept": "", "rule": "share", "inputs": "p w", "other_wholes": "b"},
            {"accept": "yes", "rule": "sum", "inputs": "p w", "other_wholes": "b"},
            {"accept": "yes", "rule": "share", "inputs": "p w"}]
    assert ci.readings_written(rows, {"p", "w", "b"}) == 1
