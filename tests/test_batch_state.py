"""The batch's state: a journal line per finished run, folded into the state file when a batch ends.

Written for province and national scale (tens of thousands of runs): recording a run must not
rewrite the whole state, and a kill at any moment must lose no finished run nor invent an "ok".
"""

import json

from analysis.batch import JOURNAL_FILE, STATE_FILE, _fold_journal, _load_state, _record

OK = {"status": "ok", "digest": "d1", "error": ""}
FAILED = {"status": "failed", "digest": "d2", "error": "ZeroDivisionError: division by zero"}


def _entries(n: int) -> dict:
    return {f"county{i:05d}/0{i % 5 + 1}-notebook": {"status": "ok", "digest": f"{i:064x}", "error": ""} for i in range(n)}


def test_a_recorded_run_is_one_appended_line_whatever_the_size_of_the_state(tmp_path):
    state = _entries(20_000)
    _fold_journal(tmp_path, state)
    before = (tmp_path / STATE_FILE).read_bytes()
    with open(tmp_path / JOURNAL_FILE, "a", encoding="utf-8") as journal:
        _record(journal, state, "laishui/02-staffing", OK)
        _record(journal, state, "dongying/03-delegation", FAILED)
    lines = (tmp_path / JOURNAL_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [{"key": "laishui/02-staffing", "entry": OK},
                                                    {"key": "dongying/03-delegation", "entry": FAILED}]
    assert (tmp_path / STATE_FILE).read_bytes() == before  # the 20,000 entries are not written again
    assert state["laishui/02-staffing"] == OK


def test_a_killed_batchs_runs_are_read_back_from_the_journal(tmp_path):
    _fold_journal(tmp_path, {"laishui/02-staffing": FAILED, "yixian/05-context": OK})
    with open(tmp_path / JOURNAL_FILE, "a", encoding="utf-8") as journal:  # no fold: the batch was killed
        _record(journal, {}, "laishui/02-staffing", OK)  # a later line wins over the state file
        _record(journal, {}, "xuanzhou/04-facilities", OK)
    assert _load_state(tmp_path) == {"laishui/02-staffing": OK, "yixian/05-context": OK, "xuanzhou/04-facilities": OK}


def test_a_line_cut_short_by_a_kill_is_only_a_rerun(tmp_path):
    whole = json.dumps({"key": "laishui/02-staffing", "entry": OK})
    cut = json.dumps({"key": "xuanzhou/04-facilities", "entry": OK})[:-7]
    (tmp_path / JOURNAL_FILE).write_text(f"{whole}\n{cut}", encoding="utf-8")
    assert _load_state(tmp_path) == {"laishui/02-staffing": OK}
    # lines that are JSON but not a record, and bytes that are not UTF-8, are skipped the same way
    (tmp_path / JOURNAL_FILE).write_bytes(b'[1, 2]\n{"key": "a"}\n\xff\xfe\n' + whole.encode() + b"\n")
    assert _load_state(tmp_path) == {"laishui/02-staffing": OK}


def test_folding_writes_the_whole_state_and_drops_the_journal(tmp_path):
    state = {"yixian/05-context": OK}
    with open(tmp_path / JOURNAL_FILE, "a", encoding="utf-8") as journal:
        _record(journal, state, "laishui/02-staffing", FAILED)
    _fold_journal(tmp_path, state)
    assert not (tmp_path / JOURNAL_FILE).exists()
    assert json.loads((tmp_path / STATE_FILE).read_text(encoding="utf-8")) == state
    assert _load_state(tmp_path) == {"yixian/05-context": OK, "laishui/02-staffing": FAILED}


def test_no_state_and_a_damaged_state_file_are_empty_states(tmp_path):
    assert _load_state(tmp_path) == {}
    (tmp_path / STATE_FILE).write_text('{"laishui/02-staffing": {"status": "o', encoding="utf-8")
    assert _load_state(tmp_path) == {}
