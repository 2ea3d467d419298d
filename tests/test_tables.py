"""Loading and validation: the real tables pass; each kind of bad input names file, row and column."""

import csv
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.tables import DataError, load_tables


def rewrite(path, edit):
    """Apply ``edit(rows)`` to a CSV file's rows (header first) and write it back as UTF-8."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def set_cell(path, row_number, column, value):
    def edit(rows):
        rows[row_number - 1][rows[0].index(column)] = value
    rewrite(path, edit)


def problems(data_dir):
    with pytest.raises(DataError) as err:
        load_tables(data_dir)
    return err.value.problems


def test_real_tables_validate():
    tables = load_tables()
    assert len(tables.facts) >= 150
    assert set(tables.facts["county"]) <= set(tables.counties["county"])


def test_gbk_encoded_file_is_named_with_its_row(data_copy):
    path = data_copy / "counties.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gbk"))
    [message] = problems(data_copy)
    assert message.startswith("data/counties.csv, row 2: not UTF-8")


def test_missing_column_is_named(data_copy):
    def drop_unit(rows):
        column = rows[0].index("unit")
        for row in rows:
            row.pop(column)
    rewrite(data_copy / "facts.csv", drop_unit)
    assert "data/facts.csv, row 1, column 'unit': missing column" in problems(data_copy)


@pytest.mark.parametrize("bad", ["1,234", "１２", "12 ", "1e3"])
def test_non_ascii_or_separated_numbers_are_errors(data_copy, bad):
    set_cell(data_copy / "facts.csv", 5, "value", bad)
    found = problems(data_copy)
    assert any(p.startswith(f"data/facts.csv, row 5, column 'value': {bad!r}: not a plain number") for p in found), found


def test_unknown_county_is_named(data_copy):
    set_cell(data_copy / "facts.csv", 7, "county", "atlantis")
    found = problems(data_copy)
    assert "data/facts.csv, row 7, column 'county': 'atlantis': not a known county (data/counties.csv)" in found


def test_duplicate_id_is_named(data_copy):
    path = data_copy / "facts.csv"
    with open(path, encoding="utf-8") as f:
        first_id = list(csv.DictReader(f))[0]["fact_id"]
    set_cell(path, 3, "fact_id", first_id)
    found = problems(data_copy)
    assert any(p.startswith("data/facts.csv, row 3, column 'fact_id'") and "unique" in p for p in found), found


def test_unknown_fact_in_a_finding_is_named(data_copy):
    set_cell(data_copy / "findings.csv", 2, "inputs", "no_such_fact")
    assert any(p.startswith("data/findings.csv, row 2, column 'inputs'") for p in problems(data_copy))


def test_value_outside_its_bounds_is_an_error(data_copy):
    def edit(rows):
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("qualifier")] == "多")
        row[h.index("value")] = str(float(row[h.index("high")]) + 1)
    rewrite(data_copy / "facts.csv", edit)
    assert any("value outside [low, high]" in p for p in problems(data_copy))


def test_as_written_must_agree_with_the_value(data_copy):
    def edit(rows):
        h = rows[0]
        row = next(r for r in rows[1:] if r[h.index("as_written")] == "401項")
        row[h.index("value")] = "410"
    rewrite(data_copy / "facts.csv", edit)
    assert any("do not match what as_written says" in p for p in problems(data_copy))


def test_bad_input_writes_nothing(data_copy, tmp_path, capsys):
    set_cell(data_copy / "facts.csv", 4, "county", "atlantis")
    out = tmp_path / "out"
    assert main(["--data-dir", str(data_copy), "audit", "--out", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "nothing was written" in err and "data/facts.csv, row 4, column 'county'" in err


def test_validated_tables_are_cached_by_content(data_copy, monkeypatch, tmp_path):
    import analysis.tables as tables_module

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    tables_module._load_cached.cache_clear()
    first = load_tables(data_copy)
    assert len(list((tmp_path / "cache").glob("tables-*.arrow"))) == 1
    tables_module._load_cached.cache_clear()
    monkeypatch.setattr(tables_module, "_load_tables", lambda d: (_ for _ in ()).throw(AssertionError("re-validated")))
    again = load_tables(data_copy)  # served from the cache: no validation
    assert again.facts.equals(first.facts)
    tables_module._load_cached.cache_clear()
    set_cell(data_copy / "facts.csv", 7, "county", "atlantis")  # new content, new key: validated again
    with pytest.raises(AssertionError, match="re-validated"):
        load_tables(data_copy)
    tables_module._load_cached.cache_clear()


def test_fact_and_list_ids_share_one_namespace(data_copy):
    # an input names a fact or a list: an id in both would resolve one way silently
    with open(data_copy / "facts.csv", encoding="utf-8") as f:
        first_fact = list(csv.DictReader(f))[0]["fact_id"]
    set_cell(data_copy / "lists.csv", 2, "list_id", first_fact)
    found = problems(data_copy)
    assert any(p.startswith("data/lists.csv, row 2, column 'list_id'") and "also a fact_id (data/facts.csv row 2)" in p
               for p in found), found


def test_a_check_may_not_share_a_findings_id(data_copy):
    with open(data_copy / "findings.csv", encoding="utf-8") as f:
        first = list(csv.DictReader(f))[0]["finding_id"]
    set_cell(data_copy / "checks.csv", 2, "finding_id", first)
    assert any(p.startswith("data/checks.csv, row 2, column 'finding_id'") for p in problems(data_copy))


def test_a_reading_of_an_unknown_finding_is_named(data_copy):
    set_cell(data_copy / "readings.csv", 2, "finding_id", "no_such_finding")
    assert any(p.startswith("data/readings.csv, row 2, column 'finding_id'") for p in problems(data_copy))


def test_a_finding_whose_input_is_its_own_claim_is_refused(data_copy):
    # 001: "占...44.6%" recomputed from the 44.6% itself would reproduce anything
    with open(data_copy / "findings.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    row = next(i for i, r in enumerate(rows, start=2) if r["finding_id"] == "dongying_in_use_share")
    set_cell(data_copy / "findings.csv", row, "inputs", "dongying_powers_in_use_share dongying_powers_delegated")
    assert any(p.startswith(f"data/findings.csv, row {row}") and "circular" in p for p in problems(data_copy))


def test_an_empty_ledger_is_an_error(data_copy):
    rewrite(data_copy / "findings.csv", lambda rows: rows.__delitem__(slice(1, None)))
    assert any("no findings" in p for p in problems(data_copy))


def test_pandera_is_imported_only_to_validate_tables_that_changed(tmp_path):
    """Its import costs 0.13 s in every process; tables read back from the validated cache need none."""
    import json
    import os
    import subprocess
    import sys

    code = "import json, sys\nfrom analysis.tables import load_tables\nload_tables()\nprint(json.dumps('pandera' in sys.modules))"
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path)}
    imported = [json.loads(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                          check=True).stdout) for _ in range(2)]
    assert imported == [True, False]  # an empty cache: validated; then read from the cache


def test_a_fact_is_read_by_its_id_and_cannot_be_changed():
    """Report 001: 本市下放的401項管理權限中 (the rows as transcribed in data/facts.csv)."""
    tables = load_tables()
    fact = tables.fact("dongying_powers_delegated")
    assert (fact["as_written"], fact["value"], fact["unit"], fact["source"]) == ("401項", 401.0, "项", "s001")
    assert fact["locator"] == "本市下放的401項管理權限中"
    assert list(fact) == list(tables.facts.columns)
    assert tables.fact("dongying_powers_delegated_approx")["as_written"] == "400多項"
    with pytest.raises(TypeError):
        fact["value"] = 402  # a lookup hands out the table's cells, not a copy to edit
    with pytest.raises(KeyError):
        tables.fact("no_such_fact")
    with pytest.raises(KeyError):
        fact["no_such_column"]


def test_a_findings_other_readings_come_in_the_tables_order():
    """Report 003: 90 stations built, read as a share of the 148 towns or of all 162 township-level units."""
    tables = load_tables()
    readings = tables.readings_of("anon_city_162_built_share")
    assert [r["reading_id"] for r in readings] == ["anon_city_162_built_share_of_towns", "anon_city_162_built_share_of_units"]
    assert readings[0]["inputs"] == "anon_city_162_stations_built anon_city_162_towns"
    assert tables.readings_of("dongying_powers_delegated") == []


def test_a_list_is_read_by_its_id_and_is_not_a_fact():
    """Report 000: 有侧重地设置了3-6个事业机构,一般为农业综合服务中心、…、文化体育服务中心 (six named)."""
    tables = load_tables()
    lists = tables.lists_by_id
    listed = lists["anon_city_88_institutions"]
    assert listed["items"].split("、") == ["农业综合服务中心", "民生保障服务中心", "综合执法办公室", "财经管理中心",
                                          "卫生计生服务站", "文化体育服务中心"]
    assert (listed["count_by"], listed["source"]) == ("split 、", "s000p1")
    assert "anon_city_88_public_institutions" not in lists  # the 3-6个 is a fact; an input resolves to one or the other
    assert len(lists) == len(tables.lists)
    with pytest.raises(TypeError):
        listed["items"] = ""


def test_a_reading_computed_from_the_claim_fact_is_refused(data_copy):
    """Issue 28: xx市's "65%以上 built" (90 of 144, 62.5%) is a discrepancy; a reading of the 65%以上 itself would
    have made it a tension."""
    set_cell(data_copy / "readings.csv", 2, "rule", "value")
    set_cell(data_copy / "readings.csv", 2, "inputs", "anon_city_162_stations_built_share")
    assert problems(data_copy) == [
        "data/readings.csv, row 2, column 'inputs': anon_city_162_stations_built_share is the claim fact of finding "
        "anon_city_162_built_share (data/findings.csv row 106); a reading computed from the claim itself always holds: "
        "give the facts the claim is computed from"]


def test_a_sum_of_powers_and_money_is_refused(data_copy):
    """Issue 28: 001's 179项 + 155项 + 67项 = 401项, with the 155 made 元, was graded reproduced."""
    set_cell(data_copy / "facts.csv", 57, "measure", "matching_funds_per_town_per_year")
    set_cell(data_copy / "facts.csv", 57, "unit", "元")
    found = problems(data_copy)
    assert ("data/findings.csv, row 43, column 'inputs': dongying_powers_parts_sum: rule sum needs its inputs in one "
            "unit, not 项, 元, 项: dongying_powers_in_use (项), dongying_powers_unused (元), dongying_powers_not_taken_up "
            "(项); give inputs in one unit (ratio and product may mix)") in found
    # the share of the same 155 in the 401 (row 41) is refused too, and nothing else is
    assert [p.split(",")[1] for p in found] == [" row 41", " row 43"]


def test_a_catastrophic_count_by_is_refused_before_it_runs(data_copy):
    """Issue 28: split (([^X]+)+)+X hung audit; re would try every way to share 56 characters among three +."""
    import time

    set_cell(data_copy / "lists.csv", 2, "count_by", "split (([^X]+)+)+X")
    started = time.perf_counter()
    found = problems(data_copy)
    assert time.perf_counter() - started < 30  # validation of the whole copy; the pattern itself is never run
    assert found == ["data/lists.csv, row 2, column 'count_by': 'split (([^X]+)+)+X': a quantifier inside a repeated "
                     "group can backtrack without end; quantify the separator alone, e.g. 'split [、和]+'"]


def test_a_repeated_column_is_named_not_read_as_one_of_the_two(data_copy):
    def repeat_unit(rows):  # the second 'unit' holds other values: which one would be read is a guess
        rows[0].append("unit")
        for row in rows[1:]:
            row.append("km")
    rewrite(data_copy / "facts.csv", repeat_unit)
    assert problems(data_copy) == ["data/facts.csv, row 1: column 'unit' appears twice; keep one of them"]


@pytest.mark.parametrize("encoding, order", [("utf-16", "little-endian"), ("utf-16-le", "little-endian"),
                                             ("utf-16-be", "big-endian"), ("bom-be", "big-endian")])
def test_a_utf16_table_is_said_to_be_utf16(data_copy, encoding, order):
    path = data_copy / "findings.csv"
    text = path.read_text(encoding="utf-8")  # "utf-16" writes a BOM (FF FE here); -le and -be none, NULs instead
    path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be") if encoding == "bom-be" else text.encode(encoding))
    assert problems(data_copy) == [f"data/findings.csv: the file is UTF-16 ({order}), not UTF-8; save it as UTF-8 "
                                   "(Excel: Save As \"CSV UTF-8\"; or iconv -f UTF-16 -t UTF-8)"]


def test_a_table_in_neither_utf8_nor_gb18030_is_not_called_gbk(data_copy):
    path = data_copy / "counties.csv"
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"Dongying,", "Dongying Café,".encode("latin-1"), 1))  # é, then a comma: not GB18030
    [message] = problems(data_copy)
    row = raw[: raw.index(b"Dongying,")].count(b"\n") + 1
    assert message == f"data/counties.csv, row {row}: not UTF-8 (byte 0xe9), nor GB18030; save the file as UTF-8"


def test_a_gbk_table_is_said_to_read_as_gb18030(data_copy):
    path = data_copy / "counties.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    [message] = problems(data_copy)
    assert message.startswith("data/counties.csv, row 2: not UTF-8 (byte 0x")
    assert message.endswith("; it reads as GB18030 (GBK): save the file as UTF-8")


def _cache_entries(folder, suffix="arrow"):
    return sorted(folder.glob(f"tables-*.{suffix}"))


@pytest.fixture
def cache(monkeypatch, tmp_path):
    """An empty cache folder of validated tables, in-memory cache emptied before and after."""
    import analysis.tables as tables_module

    folder = tmp_path / "cache"
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(folder))
    tables_module._load_cached.cache_clear()
    yield folder
    tables_module._load_cached.cache_clear()


def _validated_again(monkeypatch) -> list:
    """Record each validation of the tables (a cache miss) from now on."""
    import analysis.tables as tables_module

    calls, validate = [], tables_module._load_tables
    monkeypatch.setattr(tables_module, "_load_tables", lambda d: calls.append(d) or validate(d))
    return calls


def _assert_same_tables(got, want):
    from analysis.tables import TABLES

    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), check_exact=True,
                                      check_index_type=True, check_column_type=True, obj=name)
        assert getattr(got, name).columns.dtype == getattr(want, name).columns.dtype, name


@pytest.mark.parametrize("tables_from", ["data", "synth"])
def test_tables_from_the_cache_equal_freshly_validated_ones(tables_from, data_copy, cache, monkeypatch, tmp_path, capsys):
    import analysis.tables as tables_module

    if tables_from == "synth":
        assert main(["synth", "--counties", "20", "--out", str(tmp_path / "synth")]) == 0
        data_copy = tmp_path / "synth" / "data"
    fresh = tables_module._load_tables(data_copy.resolve())
    load_tables(data_copy)  # validates and fills the cache
    assert len(_cache_entries(cache)) == 1
    tables_module._load_cached.cache_clear()
    calls = _validated_again(monkeypatch)
    hit = load_tables(data_copy)
    assert calls == []  # read from the cache
    _assert_same_tables(hit, fresh)
    assert hit.data_dir == data_copy.resolve()
    hit.facts.loc[0, "value"] = -1.0  # as writable as freshly validated tables


class _Planted:
    """A pickle whose loading would create ``marker``: what a planted cache entry could do to a pickle cache."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_planted_pickle_in_the_cache_is_never_run(data_copy, cache, monkeypatch, tmp_path):
    import pickle

    import analysis.tables as tables_module

    key = tables_module._content_key(data_copy.resolve())
    marker = tmp_path / "planted-code-ran"
    cache.mkdir()
    for name in (f"tables-{key}.arrow", f"tables-{key}.pickle"):  # the entry's name now and under the pickle cache
        (cache / name).write_bytes(pickle.dumps(_Planted(marker)))
    assert not marker.exists()
    calls = _validated_again(monkeypatch)
    tables = load_tables(data_copy)
    assert not marker.exists()
    assert len(calls) == 1  # the planted entry was a miss: validated
    _assert_same_tables(tables, tables_module._load_tables(data_copy.resolve()))
    assert _cache_entries(cache, "pickle") == []  # a pickle is never left to be read
    assert (cache / f"tables-{key}.arrow").read_bytes().startswith(tables_module.CACHE_FORMAT)


@pytest.mark.parametrize("damage", ["edited", "truncated", "empty", "other key"])
def test_a_damaged_or_tampered_entry_is_a_miss(damage, data_copy, cache, monkeypatch):
    import analysis.tables as tables_module

    load_tables(data_copy)
    [entry] = _cache_entries(cache)
    blob = entry.read_bytes()
    locator = "本市下放的401項管理權限中".encode()  # data/facts.csv row 54
    assert blob.count(locator) == 1
    damaged = {"edited": blob.replace(locator, "本市下放的410項管理權限中".encode()),  # same length, still valid Arrow
               "truncated": blob[: len(blob) // 2], "empty": b"", "other key": blob}[damage]
    if damage == "other key":  # a whole, good entry of other tables under this key's name
        facts = (data_copy / "facts.csv").read_bytes()
        (data_copy / "facts.csv").write_bytes(facts.replace(locator, "本市下放的410項管理權限中".encode()))
        tables_module._load_cached.cache_clear()
        load_tables(data_copy)
        [damaged] = [p.read_bytes() for p in _cache_entries(cache) if p != entry]
        (data_copy / "facts.csv").write_bytes(facts)
    entry.write_bytes(damaged)
    tables_module._load_cached.cache_clear()
    calls = _validated_again(monkeypatch)
    tables = load_tables(data_copy)
    assert len(calls) == 1
    assert tables.fact("dongying_powers_delegated")["locator"] == "本市下放的401項管理權限中"
    assert entry.read_bytes() == blob  # the entry is written again, whole


def test_old_pickle_entries_are_removed_when_the_cache_is_pruned(data_copy, cache):
    cache.mkdir()
    (cache / "tables-0123.pickle").write_bytes(b"from the pickle cache")
    load_tables(data_copy)
    assert _cache_entries(cache, "pickle") == [] and len(_cache_entries(cache)) == 1


def test_an_audit_stops_a_count_past_the_time_limit_and_names_the_list():
    """The second guard: a pattern that backtracks (here (和|和和)+ on a run of 和) in tables that were not validated
    by this code, e.g. an older cache entry."""
    from dataclasses import replace

    from analysis.audit import audit_findings

    tables = load_tables()
    lists = tables.lists.copy()
    assert lists.at[0, "list_id"] == "anon_city_88_pg_offices"  # data/lists.csv row 2, counted by findings row 5
    lists.at[0, "count_by"], lists.at[0, "items"] = "split (和|和和)+、", "和" * 40 + "。"
    with pytest.raises(ValueError) as err:
        audit_findings(replace(tables, lists=lists), county="anon_city_88")
    assert str(err.value) == ("data/lists.csv, row 2, column 'count_by': count_by 'split (和|和和)+、' took longer than "
                              "0.5 s on 41 characters; it backtracks: split on a plain separator instead (see "
                              "data/DICTIONARY.md, lists)")
