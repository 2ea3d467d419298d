"""Check that every locator and enumeration stands verbatim in its source report, within its part."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from analysis.extraction.text import utf16_order
from analysis.paths import OutsideFolderError, file_inside
from analysis.tables import Tables

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"


@dataclass
class ProvenanceReport:
    status: str
    checked: int = 0
    problems: list[str] = field(default_factory=list)
    reason: str = ""

    def summary(self) -> str:
        if self.status == SKIPPED:
            return f"verify-sources: SKIPPED ({self.reason}); nothing was checked"
        head = f"verify-sources: {self.status.upper()}: {self.checked} locators and lists checked, {len(self.problems)} problems"
        return "\n".join([head, *self.problems])


def _part_text(lines: list[str], start: float, end: float) -> str:
    return "\n".join(lines[int(start) - 1 : int(end)])


def _reads_as_gb18030(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


from analysis.rules import CONTRADICTION  # noqa: E402 (kept beside its one use)
from analysis.schemas import passages  # noqa: E402


def verify_sources(tables: Tables, reports_dir: Path | None) -> ProvenanceReport:
    """Find every fact and theme locator, and every list, in its source's lines.

    A fact's locator must also contain the number as written (``as_written``), and
    each source file must still have the checksum recorded in data/sources.csv.
    With no ``reports_dir`` the check is skipped, never passed.
    """
    if reports_dir is None or not Path(reports_dir).is_dir():
        return ProvenanceReport(SKIPPED, reason="no folder of source reports; set REPORTS_DIR")
    reports_dir = Path(reports_dir)
    parts, problems = {}, []
    for src in tables.sources.itertuples():
        try:
            path = file_inside(reports_dir, src.file)  # never read, or vouch for, a file outside the folder
        except OutsideFolderError as err:
            problems.append(f"data/sources.csv: {src.source}: {err}; nothing of it was read")
            continue
        if not path.is_file():
            problems.append(f"data/sources.csv: {src.source}: file {src.file} not found in the reports folder")
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != src.sha256:
            problems.append(f"data/sources.csv: {src.source}: {src.file} differs from the recorded sha256")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:  # the recorded checksum and locators are of the UTF-8 text
            line = raw[: err.start].count(b"\n") + 1
            order = utf16_order(raw)
            encoding = f"UTF-16 ({order})" if order else "GB18030 (GBK)" if _reads_as_gb18030(raw) else "an unknown encoding"
            source = "UTF-16" if order else "GB18030"
            problems.append(f"data/sources.csv: {src.source}: {src.file}, line {line}: not UTF-8 but {encoding}; convert it"
                            + (f": iconv -f {source} -t UTF-8" if order or encoding.startswith("GB") else " to UTF-8"))
            continue
        lines = text.splitlines()
        if int(src.line_end) > len(lines):  # said as such, not as every locator of the part "not found"
            problems.append(f"data/sources.csv: {src.source}: lines {int(src.line_start)}-{int(src.line_end)}, but {src.file} "
                            f"has {len(lines)} lines; correct line_start/line_end")
            continue
        parts[src.source] = _part_text(lines, src.line_start, src.line_end)

    checked = 0
    for label, frame, text_column in (("facts", tables.facts, "locator"), ("themes", tables.themes, "locator"), ("lists", tables.lists, "items")):
        for row_number, row in zip(range(2, len(frame) + 2), frame.itertuples()):
            if row.source not in parts:
                continue
            checked += 1
            needle = getattr(row, text_column)
            where = f"data/{label}.csv, row {row_number}, column '{text_column}'"
            if needle not in parts[row.source]:
                problems.append(f"{where}: {needle!r} not found in {row.source}")
            elif label == "facts" and row.as_written not in needle:
                problems.append(f"{where}: {needle!r} does not contain the number as written {row.as_written!r}")
    # a contradiction quotes its two passages in its claim (source「locator」): each must be found in its source
    for row_number, row in zip(range(2, len(tables.findings) + 2), tables.findings.itertuples()):
        for source, needle in (passages(row.claim) if row.rule == CONTRADICTION else []):
            checked += 1
            if source in parts and needle not in parts[source]:
                problems.append(f"data/findings.csv, row {row_number}, column 'claim': {needle!r} not found in {source}")
    return ProvenanceReport(FAILED if problems else PASSED, checked, problems)
