"""Security faults: a table, a report text or a command line that would read a file from elsewhere, write an
output over an input, take a name the site keeps for itself, or slip a row in unchecked.

Each is refused with one line naming the file, row and column (or the argument); the tables are left as
they were (test_faults.py checks it).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.faults.cases import BAD, VALIDATE, Fault, _rows, _write, cell, cells

NEW_TEXT = "某镇概况\n全镇共有12个村,常住人口3万人。\n"
NEW_SOURCE = "snew"


def texts_folder(link_to_outside: bool = False):
    """{tmp}/texts holding every file sources.csv names (a copy of the one text), or symlinks out of the folder."""
    def mutate(data: Path, tmp: Path) -> None:
        folder, outside = tmp / "texts", tmp / "outside.txt"
        folder.mkdir(exist_ok=True)
        outside.write_text("机密\n" * 500, encoding="utf-8")
        for row in _rows(data / "sources.csv")[1:]:
            target = folder / row[1]
            if target.exists() or target.is_symlink():  # several parts of one file
                continue
            if link_to_outside:
                target.symlink_to(outside)
            else:
                target.write_text("乡镇\n" * 500, encoding="utf-8")
    return mutate


def report_texts_in(encoding: str):
    """{tmp}/texts holding every file sources.csv names, in ``encoding``."""
    def mutate(data: Path, tmp: Path) -> None:
        folder = tmp / "texts"
        folder.mkdir(exist_ok=True)
        for row in _rows(data / "sources.csv")[1:]:
            (folder / row[1]).write_bytes("乡镇机构改革\n".encode(encoding) * 50)
    return mutate


def new_source(county: str = "laishui"):
    """A short new text in {tmp}/texts, registered in sources.csv and spoken of by ``county`` (counties.csv)."""
    def mutate(data: Path, tmp: Path) -> None:
        folder = tmp / "texts"
        folder.mkdir(exist_ok=True)
        (folder / "new.txt").write_text(NEW_TEXT, encoding="utf-8")
        rows = _rows(data / "sources.csv")
        sha = hashlib.sha256(NEW_TEXT.encode()).hexdigest()
        rows.append([NEW_SOURCE, "new.txt", "", "1", "2", "某镇概况", "A town", "not given", "", "", sha, ""])
        _write(data / "sources.csv", rows)
        counties = _rows(data / "counties.csv")
        for row in counties[1:]:
            if row[0] == county:
                row[-1] += f" {NEW_SOURCE}"
        _write(data / "counties.csv", counties)
    return mutate


def review_file(**changes):
    """{tmp}/review.csv: one accepted fact row of the new text ("12个"), with ``changes`` to its cells."""
    def mutate(data: Path, tmp: Path) -> None:
        header = ["accept", *_rows(data / "facts.csv")[0], "line", "confidence"]
        row = {"accept": "yes", "fact_id": "laishui_new_villages", "county": "laishui", "entity": "全镇", "domain": "context",
               "measure": "township_units", "period": "", "as_written": "12个", "value": "12", "low": "", "high": "",
               "qualifier": "", "unit": "个", "source": NEW_SOURCE, "locator": "全镇共有12个村", "note": "", "line": "2",
               "confidence": "1"}
        row.update(changes)
        _write(tmp / "review.csv", [header, [row[c] for c in header]])
    return mutate


def symlink_report():
    """{tmp}/texts/report.txt: a symlink to a file outside the folder."""
    def mutate(data: Path, tmp: Path) -> None:
        (tmp / "texts").mkdir(exist_ok=True)
        (tmp / "secret.txt").write_text("全镇共有12个村。\n", encoding="utf-8")
        os.symlink(tmp / "secret.txt", tmp / "texts" / "report.txt")
    return mutate


def plain_text(name: str):
    def mutate(data: Path, tmp: Path) -> None:
        (tmp / "texts").mkdir(exist_ok=True)
        (tmp / "texts" / name).write_text(NEW_TEXT, encoding="utf-8")
    return mutate


SOURCES, COUNTIES, FACTS = "data/sources.csv", "data/counties.csv", "data/facts.csv"
VERIFY = ("--data-dir", "{data}", "verify-sources", "--reports-dir", "{tmp}/texts")
ACCEPT = ("--data-dir", "{data}", "accept", "{tmp}/review.csv", "--reports-dir", "{tmp}/texts")
ADD = ("--data-dir", "{data}", "add-source", "--county", "laishui", "--review", "{tmp}/review", "--reports-dir", "{tmp}/texts")

CASES = [
    # a report's file: only a name inside the reports folder
    Fault("sec-file-absolute", cell("sources", 2, "file", "/etc/passwd"), VALIDATE, BAD,
          rf"{SOURCES}, row 2, column 'file': '/etc/passwd': not a file name inside the reports folder"),
    Fault("sec-file-climbs-out", cell("sources", 2, "file", "../../etc/passwd"), VALIDATE, BAD, rf"{SOURCES}, row 2, column 'file'"),
    Fault("sec-file-climbs-out-midway", cell("sources", 2, "file", "a/../../x.txt"), VALIDATE, BAD, rf"{SOURCES}, row 2, column 'file'"),
    Fault("sec-file-home", cell("sources", 2, "file", "~/notes.txt"), VALIDATE, BAD, rf"{SOURCES}, row 2, column 'file'"),
    Fault("sec-file-windows-drive", cell("sources", 2, "file", "C:\\Windows\\win.ini"), VALIDATE, BAD, rf"{SOURCES}, row 2, column 'file'"),
    Fault("sec-file-with-markup", cell("sources", 2, "file", "003.txt\n\n<script>alert(1)</script>\n\nx"), VALIDATE, BAD,
          rf"{SOURCES}, row 2, column 'file'"),
    Fault("sec-file-subfolder-is-fine", cell("sources", 2, "file", "texts/000.txt"), VALIDATE, 0, r"validate: OK"),
    Fault("sec-file-symlink-out-of-the-folder", texts_folder(link_to_outside=True), VERIFY, BAD,
          r"leaves the reports folder .* \(a symlink to .*outside.txt\); nothing of it was read"),
    Fault("sec-source-lines-past-the-end", cells(texts_folder(), cell("sources", 2, "line_end", "9999")), VERIFY, BAD,
          r"s000p1: lines 10-9999, but 000_4cf26bfa58507785.txt has 500 lines"),
    Fault("sec-report-text-in-utf16", report_texts_in("utf-16"), VERIFY, BAD,
          r"000_4cf26bfa58507785.txt, line 1: not UTF-8 but UTF-16 \(little-endian\); convert it: iconv -f UTF-16 -t UTF-8"),
    # ids: the whole string, a length limit, not the site's own names
    Fault("sec-county-id-with-a-final-newline", cell("counties", 19, "county", "laishui\n"), VALIDATE, BAD,
          rf"{COUNTIES}, row 19, column 'county': 'laishui\\n'"),
    Fault("sec-fact-id-with-a-final-newline", cell("facts", 4, "fact_id", "a_fact\n"), VALIDATE, BAD, rf"{FACTS}, row 4, column 'fact_id'"),
    Fault("sec-fact-id-too-long", cell("facts", 4, "fact_id", "f" * 81), VALIDATE, BAD, rf"{FACTS}, row 4, column 'fact_id'"),
    # row 18 (马桥镇 15.8亿) is a fact no finding, check or reading names (row 5 is now the part of a subset finding)
    Fault("sec-fact-id-at-the-limit-is-fine", cell("facts", 18, "fact_id", "f" * 80), VALIDATE, 0, r"validate: OK"),
    Fault("sec-county-id-sources", cell("counties", 19, "county", "sources"), VALIDATE, BAD,
          rf"{COUNTIES}, row 19, column 'county': 'sources': a name the site keeps for its own pages"),
    Fault("sec-county-id-static", cell("counties", 19, "county", "static"), VALIDATE, BAD, rf"{COUNTIES}, row 19, column 'county': 'static'"),
    Fault("sec-county-id-ledger", cell("counties", 19, "county", "ledger"), VALIDATE, BAD, rf"{COUNTIES}, row 19, column 'county': 'ledger'"),
    Fault("sec-county-id-overview", cell("counties", 19, "county", "overview"), VALIDATE, BAD, rf"{COUNTIES}, row 19, column 'county': 'overview'"),
    # an empty id is not "no filter"
    Fault("sec-empty-county-audit", None, ("--data-dir", "{data}", "audit", "--county", ""), 2, r"argument --county: an empty id"),
    Fault("sec-empty-county-batch", None, ("--data-dir", "{data}", "batch", "--county", "", "--out", "{out}"), 2, r"argument --county: an empty id"),
    Fault("sec-empty-notebook-batch", None, ("--data-dir", "{data}", "batch", "--notebook", " ", "--out", "{out}"), 2,
          r"argument --notebook: an empty id"),
    Fault("sec-empty-county-facts", None, ("--data-dir", "{data}", "facts", "--county", ""), 2, r"argument --county: an empty id"),
    Fault("sec-empty-county-add-source", None, ("add-source", "{tmp}/x.txt", "--county", ""), 2, r"argument --county: an empty id"),
    # no output over an input
    Fault("sec-export-into-the-tables", None, ("--data-dir", "{data}", "export", "--format", "csv", "--out", "{data}"), BAD,
          r"--out .*data: inside the tables' folder .* whose files are inputs"),
    Fault("sec-export-below-the-tables", None, ("--data-dir", "{data}", "export", "--format", "csv", "--out", "{data}/exports"), BAD,
          r"--out .*data/exports: inside the tables' folder"),
    Fault("sec-datapackage-over-a-table", None, ("--data-dir", "{data}", "datapackage", "--out", "{data}/facts.csv"), BAD,
          r"--out .*facts.csv: inside the tables' folder"),
    Fault("sec-audit-into-the-tables", None, ("--data-dir", "{data}", "audit", "--out", "{data}"), BAD, r"--out .*: inside the tables' folder"),
    Fault("sec-batch-into-the-tables", None, ("--data-dir", "{data}", "batch", "--out", "{data}/build"), BAD,
          r"--out .*: inside the tables' folder"),
    Fault("sec-export-into-the-reports-folder", texts_folder(), ("--data-dir", "{data}", "export", "--format", "csv", "--out", "{tmp}/texts"),
          BAD, r"--out .*texts: inside the reports folder", env={"REPORTS_DIR": "{tmp}/texts"}),
    Fault("sec-synth-over-a-data-folder", None, ("--data-dir", "{data}", "synth", "--counties", "2", "--out", "{data}/.."), BAD,
          r"--out .*: .*data exists; synth writes a new data folder"),
    Fault("sec-synth-into-the-tables", None, ("--data-dir", "{data}", "synth", "--counties", "2", "--out", "{data}/synthetic"), BAD,
          r"--out .*synthetic: inside the tables' folder"),
    Fault("sec-add-source-review-into-the-tables", plain_text("new.txt"), (*ADD[:6], "{data}", *ADD[7:], "{tmp}/texts/new.txt"), BAD,
          r"--review .*: inside the tables' folder"),
    # add-source reads only the reports folder
    Fault("sec-add-source-outside-the-reports-folder", plain_text("new.txt"), (*ADD, "{file}"), BAD,
          r"a-file is not in the reports folder .*texts: put the text there first"),
    Fault("sec-add-source-symlink-out", symlink_report(), (*ADD, "{tmp}/texts/report.txt"), BAD,
          r"report.txt is not in the reports folder .* \(a symlink to .*secret.txt\)"),
    Fault("sec-add-source-lines-past-the-end", plain_text("new.txt"), (*ADD, "{tmp}/texts/new.txt", "--lines", "1-9"), BAD,
          r"--lines 1-9: new.txt has 2 lines"),
    # accept checks each row against its text and its place, and names the review file's row
    Fault("sec-accept-locator-not-in-the-text", cells(new_source(), review_file(locator="全镇共有13个村")), ACCEPT, BAD,
          r"review.csv, row 2, column 'locator': '全镇共有13个村' is not in snew's lines"),
    Fault("sec-accept-county-not-the-sources", cells(new_source(county="dongying"), review_file()), ACCEPT, BAD,
          r"review.csv, row 2, column 'county': 'laishui' is not a place that source 'snew' speaks of"),
    Fault("sec-accept-names-the-review-row", cells(new_source(), review_file(value="13")), ACCEPT, BAD,
          r"review.csv, row 2: columns as_written/value/low/high/qualifier"),
]
