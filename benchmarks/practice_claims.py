"""Claims proposed on a practice text, compared with its hand labels (benchmarks/practice/<stem>.claims.csv).

``compare_claims(text, labels, proposals, candidates)`` gives one row per labelled claim: whether
``find_claims`` proposed it (a proposal whose claimed number overlaps the labelled one on its line) with a rule
that fits the labelled form and the labelled inputs (the same numbers, found by line, as_written and #nth; a
list by its text and item count), and the proposals that match no label (false proposals). A claim whose
number, or one of whose inputs, ``find_numbers`` did not read is said so ("number not read"): the claim
finder cannot propose it. ``practice_claims(stem)`` runs the chain on one text; ``summary(rows)`` counts by
form. ``python benchmarks/practice_claims.py`` prints the figures for every labelled text.

The labels were written before any code ran on the texts; the texts are for measuring, not for tuning.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LABELS = Path(__file__).resolve().parent / "practice"
PRACTICE = Path(__file__).resolve().parent.parent.parent / "shared" / "practice"
UNVERIFIABLE = "unverifiable"
# The rules a proposal may use for each labelled form (the labels' forms are the readers' words).
RULES_OF_FORM = {
    "share": {"share"}, "change": {"growth", "reduction", "growth_from_change", "reduction_from_change"},
    "points": {"points", "points_fall"}, "difference": {"difference"}, "total": {"sum", "product"}, "average": {"ratio"},
    "multiple": {"ratio", "product"}, "count": {"count_items"}, "restatement": {"value"}, "ratio": {"share", "ratio"},
    "other": {"value", "difference", "sum", "ratio", "share"},
}
OUTCOMES = ("right", "wrong inputs", "wrong rule", "not proposed", "number not read")


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _whole_occurrences(line: str, written: str) -> list[int]:
    """Where ``written`` stands in ``line`` as a whole number (not inside a longer one)."""
    found = []
    for m in re.finditer(re.escape(written), line):
        before, after = line[m.start() - 1:m.start()], line[m.end():m.end() + 1]
        if written[:1].isdigit() and (before.isdigit() or before in ".,，"):
            continue
        if written[-1:].isdigit() and after.isdigit():
            continue
        found.append(m.start())
    return found


def locate(text: str, ref: str) -> tuple[int, int] | None:
    """The span of a label's ``line:as_written[#nth]`` in ``text`` (None when it is not there)."""
    found = re.fullmatch(r"\s*(\d+):(.+?)(?:#(\d+))?\s*", ref)
    if not found:
        return None
    line_no, written, nth = int(found.group(1)), found.group(2), int(found.group(3) or 1)
    spans = _line_spans(text)
    if not 1 <= line_no <= len(spans):
        return None
    lo, hi = spans[line_no - 1]
    at = _whole_occurrences(text[lo:hi], written)
    if len(at) < nth:
        return None
    return lo + at[nth - 1], lo + at[nth - 1] + len(written)


def claimed_span(text: str, label) -> tuple[int, int] | None:
    """Where a label's claimed number stands: inside its claim's words on its line (else the first on the line)."""
    spans = _line_spans(text)
    if not 1 <= int(label["line"]) <= len(spans):
        return None
    lo, hi = spans[int(label["line"]) - 1]
    line = text[lo:hi]
    claim, claimed = str(label["claim"]), str(label["claimed"])
    at = line.find(claim)
    if at >= 0 and claimed in claim:
        start = lo + at + claim.find(claimed)
        return start, start + len(claimed)
    hits = _whole_occurrences(line, claimed)
    return (lo + hits[0], lo + hits[0] + len(claimed)) if hits else None


def _overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _list_count(items: str, count_by: str) -> int | None:
    from analysis.rules import count_items

    try:
        return count_items(items, count_by or "split 、")
    except ValueError:
        return None


def _inputs_right(text: str, label, proposal) -> bool:
    refs = [r for r in str(label["inputs"]).split("|") if r.strip()]
    if label["form"] == "count":
        pieces = [locate_list(text, r) for r in refs]
        at = text.find(proposal["items"], max(0, proposal["claim_start"] - 300)) if proposal["items"] else -1
        span = (at, at + len(proposal["items"])) if at >= 0 else None
        try:
            expected = int(float(label["recomputed"]))
        except ValueError:
            return False
        return any(_overlaps(span, p) for p in pieces) and _list_count(proposal["items"], proposal["count_by"]) == expected
    wanted = [locate(text, r) for r in refs]
    got = [tuple(s) for s in proposal["input_spans"]]
    if len(wanted) != len(got) or None in wanted:
        return False
    return all(any(_overlaps(w, g) for g in got) for w in wanted) and all(any(_overlaps(w, g) for w in wanted) for g in got)


def locate_list(text: str, ref: str) -> tuple[int, int] | None:
    found = re.fullmatch(r"\s*(\d+):(.+?)\s*", ref)
    if not found:
        return None
    spans = _line_spans(text)
    line_no = int(found.group(1))
    if not 1 <= line_no <= len(spans):
        return None
    lo, hi = spans[line_no - 1]
    at = text.find(found.group(2), lo, hi)
    return (at, at + len(found.group(2))) if at >= 0 else None


def _read(span, candidates: pd.DataFrame) -> bool:
    """Whether find_numbers read the number at ``span`` as one: a candidate starts there and no other starts inside
    it (405億 and 9,629萬餘元 are two: 405億9,629萬餘元 was not read)."""
    starts = [(int(s), w) for s, w in zip(candidates["start"], candidates["as_written"]) if span[0] <= int(s) < span[1]]
    starts = [(s, w) for s, w in starts if not str(w).startswith("百分")]  # 个百分点's 百分: the claim finder skips it
    return len(starts) == 1 and starts[0][0] == span[0]


def compare_claims(text: str, labels: pd.DataFrame, proposals: pd.DataFrame, candidates: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per label with its outcome, the proposals that match no label).

    Outcomes: right (a proposal at the claimed number with a rule of the labelled form and the labelled inputs;
    for a claim labelled unverifiable, a proposal with the rule unverifiable), wrong inputs, wrong rule, not
    proposed, number not read (find_numbers gave no candidate at the claimed number or at one of its inputs).
    """
    used, rows = set(), []
    for label in labels.to_dict("records"):
        span = claimed_span(text, label)
        checkable = label["expected"] != UNVERIFIABLE
        near = [p for p in proposals.to_dict("records") if _overlaps(span, (p["claim_start"], p["claim_end"]))]
        outcome, best = "not proposed", None
        for p in near:
            if not checkable:
                right_rule, right_inputs = p["rule"] == UNVERIFIABLE, True
            else:
                right_rule = p["rule"] in RULES_OF_FORM.get(label["form"], set())
                right_inputs = right_rule and _inputs_right(text, label, p)
            result = "right" if right_rule and right_inputs else "wrong inputs" if right_rule else "wrong rule"
            if best is None or OUTCOMES.index(result) < OUTCOMES.index(outcome):
                outcome, best = result, p
        for p in near:
            used.add((p["claim_start"], p["form"], p["rule"]))
        if outcome != "right":
            inputs = [locate(text, r) for r in str(label["inputs"]).split("|") if r.strip()] if label["form"] != "count" else []
            unread = [s for s in [span, *inputs] if s is not None and not _read(s, candidates)]
            if span is not None and unread and not (label["form"] in ("multiple", "other") and unread == [span]):
                outcome = "number not read"
        rows.append({"claim_id": label["claim_id"], "line": label["line"], "form": label["form"], "claimed": label["claimed"],
                     "checkable": checkable, "outcome": outcome,
                     "proposed": "" if best is None else f"{best['form']}/{best['rule']} {best['inputs'] or best['items']}".strip()})
    false = proposals[[(p["claim_start"], p["form"], p["rule"]) not in used for p in proposals.to_dict("records")]]
    return pd.DataFrame(rows), false


def practice_claims(stem: str, folder: Path = PRACTICE) -> tuple[pd.DataFrame, pd.DataFrame]:
    """find_numbers + find_claims on one practice text, compared with its labels (see compare_claims)."""
    from analysis.extraction.candidates import find_numbers
    from analysis.extraction.claims import find_claims
    from analysis.extraction.text import read_report

    text = read_report(Path(folder) / f"{stem}.txt")[0]
    labels = pd.read_csv(LABELS / f"{stem}.claims.csv", dtype=str, keep_default_na=False)
    candidates = find_numbers(text)
    return compare_claims(text, labels, find_claims(text, candidates), candidates)


def summary(rows: pd.DataFrame) -> pd.DataFrame:
    """Labelled claims by form and checkability, with how many had each outcome."""
    table = rows.pivot_table(index=["checkable", "form"], columns="outcome", values="claim_id", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[o for o in OUTCOMES if o in table.columns])
    table.insert(0, "labelled", table.sum(axis=1))
    return table


def main() -> int:
    stems = sorted(p.name.removesuffix(".claims.csv") for p in LABELS.glob("*.claims.csv"))
    if not PRACTICE.is_dir():
        print(f"practice texts not found ({PRACTICE}); nothing measured")
        return 1
    all_rows, all_false = [], []
    for stem in stems:
        rows, false = practice_claims(stem)
        all_rows.append(rows.assign(text=stem[:2]))
        all_false.append(false.assign(text=stem[:2]))
    rows, false = pd.concat(all_rows), pd.concat(all_false)
    pd.set_option("display.width", 200)
    print(summary(rows).to_string())
    for checkable, name in ((True, "checkable"), (False, "unverifiable")):
        part = rows[rows["checkable"] == checkable]
        right = (part["outcome"] == "right").sum()
        print(f"{name}: {right} of {len(part)} proposed right ({right / max(len(part), 1):.0%}); "
              f"{(part['outcome'] == 'number not read').sum()} whose numbers find_numbers did not read")
    print(f"false proposals: {len(false)} ({', '.join(f'{k} {v}' for k, v in false['form'].value_counts().items())})")
    if "-v" in sys.argv:
        print(rows[rows["outcome"] != "right"].to_string())
        print(false[["text", "line", "form", "rule", "claimed", "inputs", "items", "reason"]].to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
