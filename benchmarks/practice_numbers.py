"""The numbers the extractor proposes for a practice text, compared with its hand labels.

The practice texts (``../shared/practice/``, or ``$PRACTICE_DIR``) are read at run time; their labels
(``benchmarks/practice/<stem>.numbers.csv``, README.md there) name every number written in them, ``data`` or
``not_data`` with a reason. :func:`compare_numbers` matches each proposal (a row of ``find_numbers``) to a label:
on the same line, where the label stands (its ``nth`` whole occurrence of ``as_written`` on that line), with the
same value (value, low, high) or the same ``as_written`` (spaces aside). A label whose text cannot be found on its
line is matched on line and value alone. Then

- numbers found: labelled ``data`` that some proposal matches, of all labelled ``data``;
- non-numbers proposed: proposals matching a ``not_data`` label or no label at all, of all proposals;
- misread: proposals standing on a ``data`` label with another value (neither found nor a non-number).

Period and entity are compared where both the label and the proposal give one: the period exactly, the entity
when one holds the other (the labels add the change word: 增值税增长).

``python benchmarks/practice_numbers.py`` prints the figures per text and overall with the targets (numbers found
>= 95%, non-numbers proposed <= 2%); ``make bench-onboard`` builds on :func:`practice_results`.
"""

from __future__ import annotations

import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.numbers import same_number  # noqa: E402

LABELS_DIR = ROOT / "benchmarks" / "practice"
FOUND_TARGET, NON_NUMBER_TARGET = 0.95, 0.02


def practice_dir() -> Path | None:
    """``$PRACTICE_DIR``, else ``../shared/practice`` beside the project; None when neither is a folder."""
    env = os.environ.get("PRACTICE_DIR")
    folder = Path(env) if env else ROOT.parent / "shared" / "practice"
    return folder if folder.is_dir() else None


def read_labels(path: Path) -> pd.DataFrame:
    """A labels file, every cell text ("" when empty), ``line`` and ``nth`` as integers."""
    labels = pd.read_csv(path, dtype=str, keep_default_na=False)
    labels["line"] = labels["line"].astype(int)
    labels["nth"] = labels["nth"].replace("", "1").astype(int)
    return labels


def _number(cell) -> float | None:
    if cell is None or cell == "" or (isinstance(cell, float) and math.isnan(cell)):
        return None
    return float(cell)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", str(text))


def label_span(line: str, as_written: str, nth: int) -> tuple[int, int] | None:
    """Where the ``nth`` whole occurrence of ``as_written`` stands in ``line``: not inside a longer number (the 24万元
    of 6524万元, the 8% of 0.8%). None when it is not there as written."""
    found = 0
    for m in re.finditer(re.escape(as_written), line):
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        if as_written[:1].isdigit() and re.match(r"[\d.,·]", before):
            continue
        if as_written[-1:].isdigit() and re.match(r"[\d.]", after):
            continue
        found += 1
        if found == nth:
            return m.start(), m.end()
    return None


def _same_value(proposal, label) -> bool:
    mine = [_number(proposal[c]) for c in ("value", "low", "high")]
    theirs = [_number(label[c]) for c in ("value", "low", "high")]
    if theirs[0] is not None:
        return same_number(mine[0], theirs[0])
    return theirs[1:] != [None, None] and all(same_number(a, b) for a, b in zip(mine[1:], theirs[1:]))


def _same_entity(mine: str, theirs: str) -> bool:
    mine, theirs = _squeeze(mine), re.sub(r"\s*[(（].*", "", _squeeze(theirs))
    return bool(mine and theirs) and (mine in theirs or theirs in mine)


@dataclass
class Comparison:
    """One text's proposals against its labels."""

    stem: str
    labels: pd.DataFrame  # with ``matched``: the proposal's index, or -1
    proposals: pd.DataFrame  # with ``label``: the label's index or -1, ``verdict``: found, not_data, unlabelled, misread
    data: int = 0
    found: int = 0
    non_numbers: int = 0
    misread: int = 0
    periods: tuple[int, int] = (0, 0)  # (agreeing, compared)
    entities: tuple[int, int] = (0, 0)
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def found_share(self) -> float:
        return self.found / self.data if self.data else 1.0

    @property
    def non_number_share(self) -> float:
        return self.non_numbers / len(self.proposals) if len(self.proposals) else 0.0

    @property
    def passes(self) -> bool:
        return self.found_share >= FOUND_TARGET and self.non_number_share <= NON_NUMBER_TARGET


def compare_numbers(text: str, labels: pd.DataFrame, proposals: pd.DataFrame, stem: str = "") -> Comparison:
    """Match ``proposals`` (rows of find_numbers: line, start, end, as_written, value, low, high, and period/entity
    when it gives them) to ``labels`` (a labels file as :func:`read_labels` reads it)."""
    lines = text.split("\n")
    line_start = [0]
    for line in lines:
        line_start.append(line_start[-1] + len(line) + 1)
    labels = labels.copy()
    spans = []
    for label in labels.itertuples():
        span = label_span(lines[label.line - 1], label.as_written, label.nth) if label.line <= len(lines) else None
        spans.append(None if span is None else (line_start[label.line - 1] + span[0], line_start[label.line - 1] + span[1]))
    labels["span"] = spans
    labels["matched"] = -1
    proposals = proposals.reset_index(drop=True).copy()
    verdicts, matched_label = [], []
    by_line = {line: group for line, group in labels.groupby("line")}
    for i, p in proposals.iterrows():
        verdict, chosen = "unlabelled", -1
        group = by_line.get(int(p["line"]), labels.iloc[0:0])
        free = group[labels.loc[group.index, "matched"] < 0]
        overlapping = [j for j in free.index if labels.at[j, "span"] is not None
                       and labels.at[j, "span"][0] < p["end"] and p["start"] < labels.at[j, "span"][1]]
        unplaced = [j for j in free.index if labels.at[j, "span"] is None]
        for j in overlapping + unplaced:
            label = labels.loc[j]
            same_text = _squeeze(label["as_written"]) == _squeeze(p["as_written"])
            if label["kind"] == "data" and (_same_value(p, label) or same_text):
                verdict, chosen = "found", j
                break
            if label["kind"] != "data" and j in overlapping:
                verdict, chosen = "not_data", j
                break
        else:
            if any(labels.at[j, "kind"] == "data" for j in overlapping):
                verdict, chosen = "misread", next(j for j in overlapping if labels.at[j, "kind"] == "data")
        if chosen >= 0:
            labels.at[chosen, "matched"] = i
        verdicts.append(verdict)
        matched_label.append(chosen)
    proposals["verdict"], proposals["label"] = verdicts, matched_label
    data = labels[labels["kind"] == "data"]
    found = proposals[proposals["verdict"] == "found"]
    result = Comparison(stem, labels, proposals, data=len(data), found=len(found),
                        non_numbers=int(proposals["verdict"].isin(["not_data", "unlabelled"]).sum()),
                        misread=int((proposals["verdict"] == "misread").sum()))
    agree = compared = e_agree = e_compared = 0
    for p in found.itertuples():
        label = labels.loc[p.label]
        if label["period"] and "period" in proposals:
            compared += 1
            agree += str(getattr(p, "period", "")) == label["period"]
        if label["entity"] and "entity" in proposals:
            e_compared += 1
            e_agree += _same_entity(str(getattr(p, "entity", "")), label["entity"])
    result.periods, result.entities = (agree, compared), (e_agree, e_compared)
    missed = data[~data.index.isin(found["label"])]
    result.missed = [f"{stem}:{r.line} {r.as_written}" for r in missed.itertuples()]
    wrong = proposals[proposals["verdict"] != "found"]
    result.false = [f"{stem}:{r.line} {r.as_written} ({r.verdict}"
                    + (f": {labels.at[r.label, 'reason'] or 'data'})" if r.label >= 0 else ")") for r in wrong.itertuples()]
    return result


def practice_results(folder: Path | None = None, extract=None) -> list[Comparison]:
    """Every practice text that has labels, compared. ``extract(text)`` gives the proposals (default: find_numbers)."""
    from analysis.extraction.candidates import find_numbers
    from analysis.extraction.text import read_report

    folder = folder or practice_dir()
    if folder is None:
        return []
    extract = extract or find_numbers
    results = []
    for path in sorted(LABELS_DIR.glob("*.numbers.csv")):
        stem = path.name.removesuffix(".numbers.csv")
        if not (folder / f"{stem}.txt").is_file():
            continue
        text = read_report(folder / f"{stem}.txt")[0]
        results.append(compare_numbers(text, read_labels(path), extract(text), stem))
    return results


def _share(n: int, d: int) -> str:
    return f"{n / d:6.1%}" if d else "     -"


def main() -> int:
    results = practice_results()
    if not results:
        print("practice-numbers: no practice texts (../shared/practice or $PRACTICE_DIR); nothing measured")
        return 1
    print(f"{'text':38} {'data':>4} {'found':>7} {'proposed':>8} {'non-numbers':>11} {'misread':>7} {'period':>7} {'entity':>7}")
    total = Comparison("overall", pd.DataFrame(), pd.DataFrame())
    proposed = 0
    for r in results:
        print(f"{r.stem:38} {r.data:4d} {_share(r.found, r.data):>7} {len(r.proposals):8d} "
              f"{_share(r.non_numbers, len(r.proposals)):>11} {r.misread:7d} {_share(*r.periods):>7} {_share(*r.entities):>7}"
              f"  {'PASS' if r.passes else 'MISS'}")
        total.data += r.data
        total.found += r.found
        total.non_numbers += r.non_numbers
        total.misread += r.misread
        proposed += len(r.proposals)
        total.periods = (total.periods[0] + r.periods[0], total.periods[1] + r.periods[1])
        total.entities = (total.entities[0] + r.entities[0], total.entities[1] + r.entities[1])
        total.missed += r.missed
        total.false += r.false
    found, non = total.found / total.data, total.non_numbers / max(proposed, 1)
    print(f"{'overall':38} {total.data:4d} {found:7.1%} {proposed:8d} {non:11.1%} {total.misread:7d} "
          f"{_share(*total.periods):>7} {_share(*total.entities):>7}  "
          f"{'PASS' if found >= FOUND_TARGET and non <= NON_NUMBER_TARGET else 'MISS'}")
    print(f"targets: numbers found >= {FOUND_TARGET:.0%}, non-numbers proposed <= {NON_NUMBER_TARGET:.0%} (overall and per text)")
    print(f"missed ({len(total.missed)}): " + "; ".join(total.missed))
    print(f"proposed but not data or misread ({len(total.false)}): " + "; ".join(total.false))
    return 0


if __name__ == "__main__":
    sys.exit(main())
