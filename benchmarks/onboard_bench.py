"""`make bench-onboard`: the whole of add-source's proposals on texts it was not written for, against hand labels.

For each practice text (../shared/practice/, or the texts named on the command line; read at run time, never
copied here) the proposals add-source would make (analysis.extraction.onboarding.propose: numbers, claims, the
audit's grade of each claim on the proposed numbers) and its review page are made in memory, timed, and compared
with the text's hand labels in benchmarks/practice/ (README.md there):

- numbers found: the labelled `data` numbers it proposes (same line, the label's place in it, and the same
  as_written or value, low and high);
- non-numbers proposed: what it proposes that is labelled `not_data` or labelled nowhere, as a share of its
  proposals (a proposal at a `data` label's place with another value is a misread, counted apart);
- claims proposed: the labelled claims whose expected grade is not unverifiable that it proposes at the
  claimed number's place (same line, overlapping the claimed as_written) with a rule of the label's form; a total
  whose label lists its inputs must also take as many inputs (a total's rules are many, and 39+33+30 within 468
  grades a 4×39 + 4×33 + 6×30 the same: only the count of inputs tells a wrong binding apart);
- grades right: of those, the share whose grade equals the label's expected;
- machine time per text: proposing and grading the claims and writing the page, wall-clock (CPU time beside it;
  the tables are loaded once).

A text without labels gets what can be said without them. Figures, not a test: tests/test_review.py checks the
matching on a small text and labels written for it.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from analysis.numbers import same_number  # noqa: E402

LABELS_DIR = Path(__file__).resolve().parent / "practice"
TARGETS = {"numbers": 0.95, "non_numbers": 0.02, "claims": 0.90, "grades": 0.90, "seconds": 60.0}
# The rules that check a labelled claim form (benchmarks/practice/README.md: forms). A change against a base is a
# growth rate, a decline or a reduction; an average, a multiple and a ratio are quotients; "other" names no rule,
# so any rule at its place counts.
# A labelled form and the rules that check it (a change: by its base, or by its amount with no base stated;
# a ratio a:b:c: each term a share of the whole; a total of units that each hold the same number, 4个乡镇均设置5个办,
# 共20个, is a sum of equal parts: the rule product, as p7's labels give it, inputs 4个 and 五办; a difference stated
# as an amount may be a remainder, whole − part: 294处中经常使用191处, 闲置103处).
FORM_RULES = {"share": {"share", "share_of_sum"}, "change": {"growth", "reduction", "growth_from_change", "reduction_from_change"},
              "points": {"points", "points_fall"}, "difference": {"difference", "remainder"},
              "total": {"sum", "parts_within", "complement", "remainder", "product", "sum_of_products"},
              "average": {"ratio", "mean"}, "multiple": {"ratio", "product", "growth_times"}, "ratio": {"ratio", "share"},
              "count": {"count_items"}, "restatement": {"value"}, "other": None}
UNVERIFIABLE = "unverifiable"
DIGIT = re.compile(r"[0-9０-９]")


def practice_dir() -> Path | None:
    """``PRACTICE_DIR``, else ../shared/practice beside the project; None when it does not exist."""
    folder = Path(os.environ.get("PRACTICE_DIR") or Path(__file__).resolve().parent.parent.parent / "shared" / "practice")
    return folder if folder.is_dir() else None


def label_span(line: str, written: str, nth: int = 1) -> tuple[int, int] | None:
    """Where the ``nth`` whole occurrence of ``written`` stands in ``line`` (a number inside a longer one, as 5.2% in
    15.2%, does not count); None when there are fewer.

    >>> label_span("增长15.2%,其中5.2%", "5.2%"), label_span("2023年10月", "2023年"), label_span("12个", "2个")
    ((10, 14), (0, 5), None)
    """
    def digit(at: int) -> bool:
        return 0 <= at < len(line) and DIGIT.match(line[at]) is not None

    found = []
    for m in re.finditer(re.escape(written), line) if written else ():
        s, e = m.span()
        # a digit, or a separator between digits, next to the number's own digit: it is part of a longer number
        glued_before = DIGIT.match(written[0]) and (digit(s - 1) or line[s - 1:s] in (".", "．", ",", "，") and digit(s - 2))
        glued_after = DIGIT.match(written[-1]) and (digit(e) or line[e:e + 1] in (".", "．") and digit(e + 1))
        if not glued_before and not glued_after:
            found.append((s, e))
    return found[nth - 1] if len(found) >= nth else None


def _float(cell) -> float | None:
    if cell is None or cell == "" or (isinstance(cell, float) and math.isnan(cell)):
        return None
    return float(cell)


def _same_number(proposal: dict, label: dict) -> bool:
    """The label's number: as_written alike (spaces aside), or the same value, low and high ("8万人" is not
    "8万人口以上": the same value, but no lower bound)."""
    if re.sub(r"\s", "", str(proposal["as_written"])) == re.sub(r"\s", "", label["as_written"]):
        return True
    return all(same_number(_float(proposal[c]), _float(label[c])) for c in ("value", "low", "high"))


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


@dataclass
class NumberScore:
    data: int = 0  # labelled data numbers
    found: int = 0
    proposals: int = 0
    not_data: int = 0  # proposals at a not_data label's place
    unlabelled: int = 0  # proposals at no label's place
    misread: int = 0  # proposals at a data label's place with another number
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # non-numbers proposed, with their reason


def score_numbers(lines: list[str], proposals: list[dict], labels: pd.DataFrame) -> NumberScore:
    """Match proposed numbers (dicts with line, start and end within that line, as_written, value, low, high) with the
    labels of benchmarks/practice/<stem>.numbers.csv, one to one."""
    score = NumberScore(proposals=len(proposals))
    used: set[int] = set()
    placed = []  # (line, span, label)
    for label in labels.to_dict("records"):
        number = int(label["line"])
        line = lines[number - 1] if number <= len(lines) else ""
        span = label_span(line, label["as_written"], int(label["nth"] or 1))
        placed.append((number, span, label))
        if label["kind"] != "data":
            continue
        score.data += 1
        match = next((i for i, p in enumerate(proposals) if i not in used and p["line"] == number
                      and (span is None or _overlaps((p["start"], p["end"]), span)) and _same_number(p, label)), None)
        if match is None:
            score.missed.append(f"line {number}: {label['as_written']}")
        else:
            used.add(match)
            score.found += 1
    for i, p in enumerate(proposals):
        if i in used:
            continue
        at = [label for number, span, label in placed if number == p["line"] and _overlaps((p["start"], p["end"]), span)]
        if any(label["kind"] == "data" for label in at):
            score.misread += 1
        elif at:
            score.not_data += 1
            score.wrong.append(f"line {p['line']}: {p['as_written']} ({at[0]['reason'] or 'not data'})")
        else:
            score.unlabelled += 1
            score.wrong.append(f"line {p['line']}: {p['as_written']} (labelled nowhere)")
    return score


@dataclass
class ClaimScore:
    checkable: int = 0  # labelled claims expected other than unverifiable
    proposed: int = 0  # of those, proposed at their place with a rule of their form
    wrong_rule: int = 0  # proposed at their place with another rule
    right: int = 0  # proposed, and graded as the label expects
    unverifiable_proposed: int = 0  # labelled unverifiable, proposed at their place
    unlabelled: int = 0  # proposals at no labelled claim's place
    by_form: Counter = field(default_factory=Counter)  # (form, "labelled" | "proposed" | "right") -> n
    missed: list[str] = field(default_factory=list)
    misgraded: list[str] = field(default_factory=list)


def claimed_span(line: str, claim: str, claimed: str) -> tuple[int, int] | None:
    """Where a labelled claim's claimed number stands in its line: first within the claim's words, else its only
    whole occurrence in the line; None when neither places it.

    >>> claimed_span("甲10个,乙5个,共15个", "共15个", "15个"), claimed_span("增长5%,下降5%", "x", "5%")
    ((10, 13), None)
    """
    at = line.find(claim) if claim else -1
    if at >= 0:
        inner = label_span(claim, claimed)
        if inner:
            return at + inner[0], at + inner[1]
    if label_span(line, claimed, 2) is None:
        return label_span(line, claimed)
    return None


def _inputs_fit(proposal: dict, label: dict) -> bool:
    """A total's proposal takes as many inputs as its label lists (any count when the label lists none).

    >>> _inputs_fit({"input_spans": [(0, 1)] * 3}, {"form": "total", "inputs": "7:4个 | 11:39名 | 7:4个#2 | 11:33名"})
    False
    >>> _inputs_fit({"input_spans": [(0, 1)] * 2}, {"form": "total", "inputs": "1:4个 | 1:5个"})
    True
    """
    listed = label.get("inputs")
    if label["form"] != "total" or not isinstance(listed, str) or not listed.strip():
        return True
    return len(proposal.get("input_spans") or ()) == len([x for x in listed.split("|") if x.strip()])


def score_claims(lines: list[str], proposals: list[dict], labels: pd.DataFrame) -> ClaimScore:
    """Match proposed claims (dicts with line, claim_start and claim_end within that line, claimed, rule, status)
    with the labels of benchmarks/practice/<stem>.claims.csv, one to one."""
    score = ClaimScore()
    used: set[int] = set()
    for label in labels.to_dict("records"):
        number = int(label["line"])
        line = lines[number - 1] if number <= len(lines) else ""
        span = claimed_span(line, label["claim"], label["claimed"])
        plain = re.sub(r"\s", "", label["claimed"])
        # a claim whose words are no number (最高, 居第3名) is at its words or at the amount it judges (fact_span)
        here = [i for i, p in enumerate(proposals) if i not in used and p["line"] == number
                and (any(_overlaps(s, span) for s in _places(p)) if span else re.sub(r"\s", "", p["claimed"]) == plain)]
        rules = FORM_RULES.get(label["form"])
        fits = [i for i in here if (rules is None or proposals[i]["rule"] in rules) and _inputs_fit(proposals[i], label)]
        checkable = label["expected"] != UNVERIFIABLE
        if not checkable:
            if here:
                used.add(here[0])
                score.unverifiable_proposed += 1
            continue
        score.checkable += 1
        score.by_form[label["form"], "labelled"] += 1
        what = f"line {number} {label['form']}: {label['claimed']}"
        if not fits:
            if here:
                used.add(here[0])
                score.wrong_rule += 1
                rule = proposals[here[0]]["rule"]
                if rules is None or rule in rules:  # its rule fits, its count of inputs does not
                    listed = len([x for x in label["inputs"].split("|") if x.strip()])
                    what += f" (proposed as {rule} with {len(proposals[here[0]].get('input_spans') or ())} inputs, labelled {listed})"
                else:
                    what += f" (proposed as {rule})"
            score.missed.append(what)
            continue
        used.add(fits[0])
        score.proposed += 1
        score.by_form[label["form"], "proposed"] += 1
        status = proposals[fits[0]]["status"]
        if status == label["expected"]:
            score.right += 1
            score.by_form[label["form"], "right"] += 1
        else:
            score.misgraded.append(f"{what}: {status}, labelled {label['expected']}")
    score.unlabelled = len(proposals) - len(used)
    return score


def _places(p: dict) -> list[tuple[int, int]]:
    """A proposal's claim span, and its fact's (within the line) when the claim's words are no number."""
    places = [(p["claim_start"], p["claim_end"])]
    if p.get("fact_span") and p.get("line_base") is not None:
        places.append((p["fact_span"][0] - p["line_base"], p["fact_span"][1] - p["line_base"]))
    return places


def read_labels(stem: str, folder: Path = LABELS_DIR) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """A text's number and claim labels (None where there is no file)."""
    def read(kind: str):
        path = folder / f"{stem}.{kind}.csv"
        return pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else None
    return read("numbers"), read("claims")


def in_lines(text: str, rows: list[dict], start: str, end: str) -> list[dict]:
    """Rows with ``start``/``end`` offsets in ``text`` made relative to their line (as labels place numbers)."""
    offsets = [0, *(m.end() for m in re.finditer("\n", text))]
    out = []
    for row in rows:
        base = offsets[int(row["line"]) - 1]
        out.append({**row, start: int(row[start]) - base, end: int(row[end]) - base, "line_base": base})
    return out


@dataclass
class TextResult:
    name: str
    seconds: float  # wall-clock: what a person waits
    cpu: float
    numbers: int
    not_data: int
    claims: int
    grades: Counter
    rules: Counter
    number_score: NumberScore | None
    claim_score: ClaimScore | None


def measure_text(path: Path, tables, labels_dir: Path = LABELS_DIR, page_dir: Path | None = None) -> TextResult:
    """Propose, grade and page one text as add-source does (nothing written but the page, in ``page_dir``), and
    score it against its labels when it has them."""
    from analysis.extraction.onboarding import propose
    from analysis.extraction.review_page import write_review_page
    from analysis.extraction.text import read_report

    text, _ = read_report(path)
    started, cpu = time.perf_counter(), time.process_time()
    proposed = propose(text, None, "practice", "spractice", tables)
    write_review_page(Path(page_dir or tempfile.gettempdir()) / f"{path.stem}.html", text, proposed, "spractice", "practice")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    lines = text.split("\n")
    numbers_labels, claims_labels = read_labels(path.stem, labels_dir)
    number_score = claim_score = None
    if numbers_labels is not None:
        number_score = score_numbers(lines, in_lines(text, proposed.facts, "start", "end"), numbers_labels)
    if claims_labels is not None:
        claim_score = score_claims(lines, in_lines(text, proposed.findings, "claim_start", "claim_end"), claims_labels)
    return TextResult(path.stem, seconds, cpu, len(proposed.facts), int((proposed.numbers["skipped"] != "").sum()),
                      len(proposed.findings), Counter(f["status"] for f in proposed.findings),
                      Counter(f["rule"] for f in proposed.findings), number_score, claim_score)


def _share(n: int, d: int) -> float | None:
    return n / d if d else None


def _cell(n: int, d: int, target: float, at_most: bool = False) -> str:
    share = _share(n, d)
    if share is None:
        return "-"
    ok = share <= target if at_most else share >= target
    return f"{n}/{d} {share:6.1%} {'PASS' if ok else 'MISS'}"


def _figures(numbers: list[NumberScore], claims: list[ClaimScore]) -> dict:
    return {"numbers": (sum(s.found for s in numbers), sum(s.data for s in numbers)),
            "non_numbers": (sum(s.not_data + s.unlabelled for s in numbers), sum(s.proposals for s in numbers)),
            "claims": (sum(s.proposed for s in claims), sum(s.checkable for s in claims)),
            "grades": (sum(s.right for s in claims), sum(s.proposed for s in claims))}


def report(results: list[TextResult], startup: float, verbose: bool = False) -> list[str]:
    """The bench's printout: one row per text and the overall figures, each with its target and PASS/MISS."""
    out = []
    head = f"{'text':36} {'numbers found':>22} {'non-numbers proposed':>22} {'claims proposed':>22} {'grades right':>22} {'time':>11}"
    out += [head, "-" * len(head)]
    for r in results:
        f = _figures([r.number_score] if r.number_score else [], [r.claim_score] if r.claim_score else [])
        time_cell = f"{r.seconds:5.2f} s {'PASS' if r.seconds < TARGETS['seconds'] else 'MISS'}"
        out.append(f"{r.name[:36]:36} {_cell(*f['numbers'], TARGETS['numbers']):>22} "
                   f"{_cell(*f['non_numbers'], TARGETS['non_numbers'], at_most=True):>22} "
                   f"{_cell(*f['claims'], TARGETS['claims']):>22} {_cell(*f['grades'], TARGETS['grades']):>22} {time_cell:>11}")
    f = _figures([r.number_score for r in results if r.number_score], [r.claim_score for r in results if r.claim_score])
    slowest = max((r.seconds for r in results), default=0.0)
    out.append("-" * len(head))
    out.append(f"{'overall':36} {_cell(*f['numbers'], TARGETS['numbers']):>22} "
               f"{_cell(*f['non_numbers'], TARGETS['non_numbers'], at_most=True):>22} "
               f"{_cell(*f['claims'], TARGETS['claims']):>22} {_cell(*f['grades'], TARGETS['grades']):>22} "
               f"{slowest:5.2f} s {'PASS' if slowest < TARGETS['seconds'] else 'MISS'}")
    out.append(f"{'target':36} {'>= 95%':>22} {'<= 2%':>22} {'>= 90%':>22} {'>= 90%':>22} {'< 60 s':>11}")
    out.append(f"(time: the slowest text; loading the tables and the imports, once, took {startup:.2f} s more)")
    scores = [r.claim_score for r in results if r.claim_score]
    if scores:  # a place flagged (even unverifiable, inputs unbound) still points a reviewer at the claim
        placed, checkable = sum(s.proposed + s.wrong_rule for s in scores), sum(s.checkable for s in scores)
        out.append(f"claims found at their place with any rule (unbound ones included): {placed}/{checkable}"
                   + (f" ({placed / checkable:.1%})" if checkable else ""))
    for r in results:
        extra = [f"{r.seconds:.2f} s ({r.cpu:.2f} s CPU)", f"{r.numbers} numbers proposed, {r.not_data} set apart as not data",
                 f"{r.claims} claims proposed ({', '.join(f'{k} {v}' for k, v in sorted(r.rules.items())) or 'none'})",
                 "grades: " + (", ".join(f"{k} {v}" for k, v in sorted(r.grades.items())) or "none")]
        if r.number_score:
            extra.append(f"misread (a labelled number's place, another number) {r.number_score.misread}")
        if r.claim_score:
            s = r.claim_score
            extra.append(f"claims at their place with another rule {s.wrong_rule}; labelled unverifiable and proposed "
                         f"{s.unverifiable_proposed}; proposed where no claim is labelled {s.unlabelled}")
        if not r.number_score and not r.claim_score:
            extra.append("no labels: found, proposed and right not measured")
        out.append(f"{r.name}: " + "; ".join(extra))
        if verbose and r.number_score:
            out.append("  numbers missed: " + "; ".join(r.number_score.missed[:15]))
            out.append("  non-numbers proposed: " + "; ".join(r.number_score.wrong[:15]))
        if verbose and r.claim_score:
            out.append("  claims missed: " + "; ".join(r.claim_score.missed[:15]))
            out.append("  graded otherwise: " + "; ".join(r.claim_score.misgraded[:15]))
    forms = Counter()
    for r in results:
        if r.claim_score:
            forms.update(r.claim_score.by_form)
    if forms:
        names = sorted({form for form, _ in forms}, key=lambda form: (-forms[form, "labelled"], form))
        out.append("checkable claims by form, proposed / labelled (graded right): "
                   + ", ".join(f"{form} {forms[form, 'proposed']}/{forms[form, 'labelled']} ({forms[form, 'right']})" for form in names))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", nargs="*", type=Path, help="texts to measure (default: every .txt of ../shared/practice)")
    parser.add_argument("--labels", type=Path, default=LABELS_DIR, help="folder of <stem>.numbers.csv and <stem>.claims.csv")
    parser.add_argument("--pages", type=Path, help="write the review pages here (default: a temporary folder)")
    parser.add_argument("--verbose", action="store_true", help="list what was missed and what was proposed wrongly")
    args = parser.parse_args(argv)
    texts = args.texts
    if not texts:
        folder = practice_dir()
        if folder is None:
            print("bench-onboard: no practice texts (../shared/practice or $PRACTICE_DIR) and none named; nothing measured")
            return 1
        texts = sorted(folder.glob("*.txt"))
    started = time.perf_counter()
    from analysis.tables import load_tables

    tables = load_tables()
    with tempfile.TemporaryDirectory() as scratch:
        results, startup = [], 0.0
        for path in texts:
            results.append(measure_text(path, tables, args.labels, args.pages or Path(scratch)))
            if len(results) == 1:  # imports and the tables, once: a user's add-source pays them once too
                startup = time.perf_counter() - started - results[0].seconds
    print("\n".join(report(results, startup, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
