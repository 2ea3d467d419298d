"""The fault corpus: small mutations of a copy of data/ or of a command line, each with the exit code and
the message it must give. Row numbers are lines of the CSV file (row 1 is the header).

A case's ``argv`` may name {data} (the mutated copy of data/), {out} (a folder holding earlier good
outputs that must survive), {file} (a regular file) and {tmp} (a scratch folder).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

Mutation = Callable[[Path, Path], None]  # (data folder, scratch folder)


@dataclass(frozen=True)
class Fault:
    id: str
    mutate: Mutation | None
    argv: tuple[str, ...]
    code: int
    message: str  # a regular expression the one-line error (or the output) must contain
    env: dict = field(default_factory=dict)


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)


def cell(table: str, row: int, column: str, value: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        rows[row - 1][rows[0].index(column)] = value
        _write(data / f"{table}.csv", rows)
    return mutate


def cells(*edits: Mutation) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        for edit in edits:
            edit(data, tmp)
    return mutate


def copy_cell(table: str, row: int, to_row: int, column: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        rows[to_row - 1][rows[0].index(column)] = rows[row - 1][rows[0].index(column)]
        _write(data / f"{table}.csv", rows)
    return mutate


def drop_column(table: str, column: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        i = rows[0].index(column)
        _write(data / f"{table}.csv", [r[:i] + r[i + 1:] for r in rows])
    return mutate


def add_column(table: str, column: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        _write(data / f"{table}.csv", [rows[0] + [column]] + [r + [""] for r in rows[1:]])
    return mutate


def rename_column(table: str, column: str, new: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        rows[0][rows[0].index(column)] = new
        _write(data / f"{table}.csv", rows)
    return mutate


def short_row(table: str, row: int) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        rows = _rows(data / f"{table}.csv")
        rows[row - 1] = rows[row - 1][:-1]
        _write(data / f"{table}.csv", rows)
    return mutate


def keep_rows(table: str, n: int) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        _write(data / f"{table}.csv", _rows(data / f"{table}.csv")[:n])
    return mutate


def raw(table: str, transform: Callable[[bytes], bytes]) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        path = data / f"{table}.csv"
        path.write_bytes(transform(path.read_bytes()))
    return mutate


def delete(table: str) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        (data / f"{table}.csv").unlink()
    return mutate


def regbk(table: str) -> Mutation:
    return raw(table, lambda b: b.decode("utf-8").encode("gbk", errors="replace"))


def report_texts(encoding: str) -> Mutation:
    """A folder of report texts under the names sources.csv records, written in ``encoding``."""
    def mutate(data: Path, tmp: Path) -> None:
        folder = tmp / "texts"
        folder.mkdir()
        for row in _rows(data / "sources.csv")[1:]:
            (folder / row[1]).write_bytes("乡镇机构改革的汇报\n".encode(encoding) * 200)
    return mutate


def scratch_file(name: str, content: bytes) -> Mutation:
    def mutate(data: Path, tmp: Path) -> None:
        (tmp / name).write_bytes(content)
    return mutate


VALIDATE = ("--data-dir", "{data}", "validate")
AUDIT = ("--data-dir", "{data}", "audit", "--out", "{out}")
FACTS, FINDINGS = "data/facts.csv", "data/findings.csv"


def _mid_row(table: bytes) -> bytes:
    """The table cut off 20 bytes into the row after its middle (half its bytes may end at a row's end, as they did
    once a user's report had added rows: then no row is cut)."""
    return table[: table.index(b"\n", len(table) // 2) + 1 + 20]
BAD = 1

CASES = [
    # encodings and file shape
    Fault("facts-in-gbk", regbk("facts"), VALIDATE, BAD, rf"{FACTS}, row \d+: not UTF-8 .*save the file as UTF-8"),
    Fault("findings-in-gbk", regbk("findings"), VALIDATE, BAD, rf"{FINDINGS}, row \d+: not UTF-8"),
    Fault("counties-in-gbk", regbk("counties"), VALIDATE, BAD, r"data/counties.csv, row \d+: not UTF-8"),
    Fault("facts-with-a-bom-is-fine", raw("facts", lambda b: b"\xef\xbb\xbf" + b), VALIDATE, 0, r"validate: OK"),
    Fault("facts-with-lf-line-ends-is-fine", raw("facts", lambda b: b.replace(b"\r\n", b"\n")), VALIDATE, 0, r"validate: OK"),
    Fault("facts-empty-file", raw("facts", lambda b: b""), VALIDATE, BAD, rf"{FACTS}: empty file, expected a header row"),
    Fault("facts-missing", delete("facts"), VALIDATE, BAD, rf"{FACTS}: file not found"),
    Fault("measures-missing", delete("measures"), AUDIT, BAD, r"data/measures.csv: file not found"),
    Fault("facts-binary", raw("facts", lambda b: b"\x00\x01\xff" * 100), VALIDATE, BAD, rf"{FACTS}, row 1: not UTF-8"),
    Fault("facts-truncated-mid-row", raw("facts", _mid_row), VALIDATE, BAD, rf"{FACTS}, row \d+"),
    # headers
    Fault("facts-column-missing", drop_column("facts", "locator"), VALIDATE, BAD, rf"{FACTS}, row 1, column 'locator': missing column"),
    Fault("facts-column-unknown", add_column("facts", "comment"), VALIDATE, BAD, rf"{FACTS}, row 1, column 'comment': unknown column"),
    Fault("facts-column-misspelt", rename_column("facts", "as_written", "as written"), VALIDATE, BAD,
          rf"{FACTS}, row 1, column 'as_written': missing column"),
    Fault("findings-column-missing", drop_column("findings", "rule"), AUDIT, BAD, rf"{FINDINGS}, row 1, column 'rule': missing column"),
    Fault("facts-row-short-a-cell", short_row("facts", 5), VALIDATE, BAD, rf"{FACTS}, row 5: 14 cells, header has 15"),
    Fault("facts-header-only", keep_rows("facts", 1), VALIDATE, BAD, rf"{FINDINGS}, row \d+, column 'claim_fact'"),
    Fault("findings-header-only", keep_rows("findings", 1), AUDIT, BAD, rf"{FINDINGS}: no findings; the ledger needs at least one row"),
    # ids
    Fault("fact-id-duplicated", copy_cell("facts", 2, 3, "fact_id"), VALIDATE, BAD, rf"{FACTS}, row 3, column 'fact_id'"),
    Fault("fact-id-empty", cell("facts", 4, "fact_id", ""), VALIDATE, BAD, rf"{FACTS}, row 4, column 'fact_id'"),
    Fault("fact-id-with-a-space", cell("facts", 4, "fact_id", "bad id"), VALIDATE, BAD, rf"{FACTS}, row 4, column 'fact_id'"),
    Fault("finding-id-duplicated", copy_cell("findings", 2, 3, "finding_id"), AUDIT, BAD, rf"{FINDINGS}, row 3, column 'finding_id'"),
    Fault("county-id-duplicated", copy_cell("counties", 2, 3, "county"), VALIDATE, BAD, r"data/counties.csv, row 3, column 'county'"),
    Fault("source-id-duplicated", copy_cell("sources", 2, 3, "source"), VALIDATE, BAD, r"data/sources.csv, row 3, column 'source'"),
    Fault("measure-id-duplicated", copy_cell("measures", 2, 3, "measure"), VALIDATE, BAD, r"data/measures.csv, row 3, column 'measure'"),
    Fault("list-id-is-a-fact-id", cell("lists", 2, "list_id", "dongying_powers_delegated"), VALIDATE, BAD,
          r"data/lists.csv, row 2, column 'list_id': 'dongying_powers_delegated' is also a fact_id"),
    # references
    Fault("fact-county-unknown", cell("facts", 4, "county", "atlantis"), AUDIT, BAD, rf"{FACTS}, row 4, column 'county': 'atlantis'"),
    Fault("fact-measure-unknown", cell("facts", 4, "measure", "happiness"), VALIDATE, BAD, rf"{FACTS}, row 4, column 'measure'"),
    Fault("fact-source-unknown", cell("facts", 4, "source", "s999"), VALIDATE, BAD, rf"{FACTS}, row 4, column 'source'"),
    Fault("fact-domain-unknown", cell("facts", 4, "domain", "weather"), VALIDATE, BAD, rf"{FACTS}, row 4, column 'domain'"),
    Fault("finding-county-unknown", cell("findings", 4, "county", "atlantis"), AUDIT, BAD, rf"{FINDINGS}, row 4, column 'county'"),
    Fault("finding-input-unknown", cell("findings", 40, "inputs", "dongying_powers_in_use no_such_fact"), AUDIT, BAD,
          rf"{FINDINGS}, row 40, column 'inputs'"),
    Fault("finding-claim-fact-unknown", cell("findings", 40, "claim_fact", "no_such_fact"), AUDIT, BAD,
          rf"{FINDINGS}, row 40, column 'claim_fact'"),
    Fault("county-source-unknown", cell("counties", 2, "sources", "s000p2 s999"), VALIDATE, BAD, r"data/counties.csv, row 2, column 'sources'"),
    Fault("county-level-unknown", cell("counties", 2, "level", "empire"), VALIDATE, BAD, r"data/counties.csv, row 2, column 'level'"),
    Fault("list-source-unknown", cell("lists", 2, "source", "s999"), VALIDATE, BAD, r"data/lists.csv, row 2, column 'source'"),
    Fault("list-count-by-unknown", cell("lists", 2, "count_by", "guess"), VALIDATE, BAD, r"data/lists.csv, row 2, column 'count_by'"),
    Fault("reading-finding-unknown", cell("readings", 2, "finding_id", "no_such_finding"), VALIDATE, BAD,
          r"data/readings.csv, row 2, column 'finding_id'"),
    Fault("reading-rule-unknown", cell("readings", 2, "rule", "vibes"), VALIDATE, BAD, r"data/readings.csv, row 2, column 'rule'"),
    Fault("theme-unknown", cell("themes", 2, "theme", "no_such_theme"), VALIDATE, BAD, r"data/themes.csv, row 2, column 'theme'"),
    Fault("measure-domain-unknown", cell("measures", 2, "domain", "weather"), VALIDATE, BAD, r"data/measures.csv, row 2, column 'domain'"),
    # numbers
    Fault("value-in-chinese", cell("facts", 56, "value", "四十四点六"), VALIDATE, BAD, rf"{FACTS}, row 56, column 'value'"),
    Fault("value-full-width", cell("facts", 56, "value", "４４.６"), VALIDATE, BAD, rf"{FACTS}, row 56, column 'value'"),
    Fault("value-with-separator", cell("facts", 54, "value", "4,01"), VALIDATE, BAD, rf"{FACTS}, row 54, column 'value'"),
    Fault("value-nan", cell("facts", 56, "value", "nan"), VALIDATE, BAD, rf"{FACTS}, row 56, column 'value'"),
    Fault("value-inf", cell("facts", 56, "value", "inf"), VALIDATE, BAD, rf"{FACTS}, row 56, column 'value'"),
    Fault("as-written-traditional-misread", cells(cell("facts", 56, "as_written", "百分之四十四點六"), cell("facts", 56, "value", "44")),
          VALIDATE, BAD, rf"{FACTS}, row 56: columns as_written/value/low/high/qualifier: do not match"),
    Fault("as-written-traditional-read-right", cell("facts", 56, "as_written", "百分之四十四點六"), VALIDATE, 0, r"validate: OK"),
    Fault("as-written-separator-misread", cells(cell("facts", 54, "as_written", "1,035項"), cell("facts", 54, "value", "1")),
          VALIDATE, BAD, rf"{FACTS}, row 54: columns as_written/value/low/high/qualifier: do not match"),
    Fault("as-written-under-half-misread", cells(cell("facts", 56, "as_written", "不到一半"), cell("facts", 56, "value", "1")),
          VALIDATE, BAD, rf"{FACTS}, row 56"),
    Fault("as-written-not-a-number", cell("facts", 56, "as_written", "若干"), VALIDATE, BAD, rf"{FACTS}, row 56"),
    Fault("percentage-above-100", cells(cell("facts", 56, "as_written", "446%"), cell("facts", 56, "value", "446")),
          VALIDATE, BAD, rf"{FACTS}, row 56: columns value/low/high: a percentage outside \[0, 100\]"),
    Fault("value-outside-its-range", cells(cell("facts", 56, "low", "50"), cell("facts", 56, "high", "60")), VALIDATE, BAD,
          rf"{FACTS}, row 56: columns value/low/high: value outside \[low, high\]"),
    Fault("range-missing-an-end", cell("facts", 56, "low", "40"), VALIDATE, BAD, rf"{FACTS}, row 56"),
    Fault("unit-not-the-measures", cell("facts", 56, "unit", "元"), VALIDATE, BAD, rf"{FACTS}, row 56: columns measure/unit: unit differs"),
    Fault("qualifier-unknown", cell("facts", 56, "qualifier", "roughly"), VALIDATE, BAD, rf"{FACTS}, row 56, column 'qualifier'"),
    Fault("locator-empty", cell("facts", 56, "locator", ""), VALIDATE, BAD, rf"{FACTS}, row 56, column 'locator'"),
    # rules and inputs
    Fault("claimed-traditional-read-exactly", cell("findings", 40, "claimed", "百分之四十四點六"), AUDIT, 0, r"dongying_in_use_share"),
    Fault("claimed-unreadable", cell("findings", 40, "claimed", "若干"), AUDIT, BAD, rf"{FINDINGS}, row 40: columns claimed/rule"),
    Fault("claimed-garbled", cell("findings", 40, "claimed", "44.6%%x"), AUDIT, BAD, rf"{FINDINGS}, row 40"),
    Fault("rule-unknown", cell("findings", 40, "rule", "vibes"), AUDIT, BAD, rf"{FINDINGS}, row 40, column 'rule'"),
    Fault("rule-with-wrong-inputs", cell("findings", 40, "inputs", "dongying_powers_in_use"), AUDIT, BAD,
          rf"{FINDINGS}, row 40: columns rule/inputs: wrong number of inputs"),
    Fault("input-is-the-claim-fact", cell("findings", 40, "inputs", "dongying_powers_in_use_share dongying_powers_delegated"), AUDIT,
          BAD, rf"{FINDINGS}, row 40: columns claim_fact/inputs: the claim fact is also an input"),
    Fault("no-claim-fact-nor-reason", cell("findings", 40, "claim_fact", ""), AUDIT, BAD,
          rf"{FINDINGS}, row 40: columns claim_fact/rule/note: no claim fact"),
    Fault("unverifiable-without-a-reason", cells(cell("findings", 9, "claim_fact", ""), cell("findings", 9, "note", "")), AUDIT, BAD,
          rf"{FINDINGS}, row 9: columns claim_fact/rule/note"),
    Fault("zero-denominator-is-unverifiable", cells(cell("facts", 54, "as_written", "0項"), cell("facts", 54, "value", "0")),
          ("--data-dir", "{data}", "audit", "--csv"), 0, r"dongying_in_use_share,.*unverifiable"),
    # sources and report texts
    Fault("source-lines-reversed", cells(cell("sources", 2, "line_start", "69"), cell("sources", 2, "line_end", "10")), VALIDATE, BAD,
          r"data/sources.csv, row 2"),
    Fault("source-sha256-malformed", cell("sources", 2, "sha256", "abc"), VALIDATE, BAD, r"data/sources.csv, row 2, column 'sha256'"),
    Fault("source-line-not-a-number", cell("sources", 2, "line_start", "ten"), VALIDATE, BAD, r"data/sources.csv, row 2, column 'line_start'"),
    Fault("report-texts-in-gbk", report_texts("gbk"), ("--data-dir", "{data}", "verify-sources", "--reports-dir", "{tmp}/texts"), BAD,
          r"not UTF-8 but GB18030 \(GBK\); convert it: iconv -f GB18030 -t UTF-8"),
    Fault("report-texts-changed", report_texts("utf-8"), ("--data-dir", "{data}", "verify-sources", "--reports-dir", "{tmp}/texts"),
          BAD, r"differs from the recorded sha256"),
    Fault("reports-dir-misspelt", None, ("--data-dir", "{data}", "verify-sources", "--reports-dir", "{tmp}/typo"), BAD,
          r"--reports-dir .*typo: no such folder; nothing was checked"),
    Fault("reports-dir-env-misspelt", None, ("--data-dir", "{data}", "verify-sources"), BAD,
          r"REPORTS_DIR .*typo: no such folder; nothing was checked", env={"REPORTS_DIR": "{tmp}/typo"}),
    # command lines, folders, permissions
    Fault("jobs-zero", None, ("--data-dir", "{data}", "batch", "--jobs", "0"), 2, r"argument --jobs: 0 runs at a time: give 1 or more"),
    Fault("jobs-negative", None, ("--data-dir", "{data}", "batch", "--jobs", "-3"), 2, r"argument --jobs: -3 runs at a time"),
    Fault("jobs-not-a-number", None, ("--data-dir", "{data}", "batch", "--jobs", "two"), 2, r"argument --jobs: 'two' is not a whole number"),
    Fault("batch-county-unknown", None, ("--data-dir", "{data}", "batch", "--county", "atlantis", "--out", "{out}"), BAD,
          r"unknown county 'atlantis'. Valid ids: .*dongying"),
    Fault("batch-notebook-unknown", None, ("--data-dir", "{data}", "batch", "--notebook", "09-weather", "--out", "{out}"), BAD,
          r"unknown notebook\(s\) 09-weather; choose from 00-overview"),
    Fault("batch-out-through-a-file", None, ("--data-dir", "{data}", "batch", "--out", "{file}/sub"), BAD,
          r"--out .*: .* is a file, not a folder; choose another --out"),
    Fault("batch-notebooks-dir-missing", None, ("--data-dir", "{data}", "batch", "--notebooks-dir", "{tmp}/nowhere", "--out", "{out}"),
          BAD, r"--notebooks-dir .*nowhere: no such folder"),
    Fault("audit-out-is-a-file", None, ("--data-dir", "{data}", "audit", "--out", "{file}"), BAD, r"is a file, not a folder"),
    Fault("audit-county-unknown", None, ("--data-dir", "{data}", "audit", "--county", "atlantis"), BAD, r"unknown county 'atlantis'"),
    Fault("data-dir-missing", None, ("--data-dir", "{tmp}/nodata", "validate"), BAD, r"--data-dir .*nodata: no such folder"),
    Fault("command-unknown", None, ("frobnicate",), 2, r"invalid choice: 'frobnicate'"),
    Fault("run-notebooks-unknown", None, ("run-notebooks", "07-nothing.ipynb"), BAD,
          r"no notebook 07-nothing.ipynb in notebooks/; choose from 00-overview.ipynb"),
    Fault("extract-missing-file", None, ("extract", "{tmp}/nothing.txt"), BAD, r"nothing.txt: no such file"),
    Fault("extract-binary-file", scratch_file("binary.txt", b"\x00\x01\x02" * 50), ("extract", "{tmp}/binary.txt"), BAD,
          r"binary.txt: a binary file \(NUL bytes\)"),
    Fault("extract-unknown-encoding", scratch_file("latin.txt", b"\xff\xfe\xfd caf\xe9 " * 20), ("extract", "{tmp}/latin.txt"), BAD,
          r"latin.txt: neither UTF-8 nor GB18030"),
    Fault("extract-gbk-is-read", scratch_file("gbk.txt", "全镇共有12个村。\n".encode("gbk")), ("extract", "{tmp}/gbk.txt", "--csv"),
          0, r"12个"),
    Fault("extract-lines-reversed", scratch_file("t.txt", "共有12个村。\n".encode()), ("extract", "{tmp}/t.txt", "--lines", "9-3"), BAD,
          r"--lines '9-3': give two line numbers"),
    Fault("accept-missing-review-file", None, ("--data-dir", "{data}", "accept", "{tmp}/review.csv"), BAD, r"review.csv"),
    Fault("add-source-missing-file", None, ("--data-dir", "{data}", "add-source", "{tmp}/none.txt", "--county", "dongying",
                                            "--review", "{tmp}/review", "--reports-dir", "{tmp}"), BAD, r"none.txt: no such file"),
    # size
    Fault("facts-too-many-rows", raw("facts", lambda b: b + (b.split(b"\n", 2)[1] + b"\n") * 500_001), VALIDATE, BAD,
          rf"{FACTS}: about .* rows; a table may have at most 500,000"),
]
