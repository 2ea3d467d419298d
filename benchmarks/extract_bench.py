"""`make bench-extract`: the extractor on the five reports, measured against the hand-made tables.

Figures, not a timed test: recall of facts.csv rows (a candidate with the same value/low/high whose
span overlaps the row's locator), the suggested measure's accuracy (trained, for each report, only on
the other reports' facts), unmatched candidates with examples, the time to extract all five, and the
time to extract 200,000 and 1,000,000 characters of the longest report repeated (linear, not quadratic).
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.extraction.candidates import find_numbers  # noqa: E402
from analysis.extraction.claims import find_claims  # noqa: E402
from analysis.extraction.measures import GENERIC_MEASURES, MeasureSuggester  # noqa: E402
from analysis.extraction.text import read_report  # noqa: E402
from analysis.numbers import same_number  # noqa: E402
from analysis.paths import reports_dir  # noqa: E402
from analysis.tables import load_tables  # noqa: E402

from analysis.extraction.not_data import REASONS  # noqa: E402

# What the table of analysis/extraction/not_data.py finds is by design not a candidate, even where facts.csv transcribes
# it (a year, a date, a session number, a quoted slogan whose members are not listed).
NOT_NUMBERS = REASONS
GENERIC = set(GENERIC_MEASURES.values())


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _same(candidate, row) -> bool:
    return all(same_number(_num(candidate[c]), _num(row[c])) for c in ("value", "low", "high"))


def _same_claim(a: str, b: str) -> bool:
    from analysis.numbers import parse_quantity

    try:
        qa, qb = parse_quantity(a), parse_quantity(b)
    except ValueError:
        return False
    return (same_number(qa.value, qb.value) and same_number(qa.low, qb.low) and same_number(qa.high, qb.high)
            and qa.unit == qb.unit)


def repeated(text: str, chars: int) -> str:
    """``text`` again and again up to ``chars`` characters, each line led by its number spelt in letters (no digit:
    no new number), so that lines differ and locators can still be unique."""
    source, lines, total = text.split("\n"), [], 0
    while total < chars:
        tag = "".join(chr(ord("a") + int(d)) for d in str(len(lines)))
        lines.append(f"{tag} {source[len(lines) % len(source)]}")
        total += len(lines[-1]) + 1
    return "\n".join(lines)[:chars]


def extract_seconds(text: str, suggester: MeasureSuggester) -> tuple[float, int]:
    """CPU seconds for what `python -m analysis extract` does (numbers, then a measure for each), and the count."""
    started = time.process_time()
    frame = find_numbers(text)
    for row in frame.itertuples():
        suggester.suggest_at(text, row.start, row.end, row.unit)
    return time.process_time() - started, len(frame)


def main() -> int:
    folder = reports_dir()
    if folder is None:
        print("bench-extract: no reports folder (../shared/reports or $REPORTS_DIR); nothing measured")
        return 1
    tables = load_tables()
    texts = {f: read_report(folder / f)[0] for f in sorted(set(tables.sources["file"]))}
    started = time.perf_counter()
    extracted = {s.source: find_numbers(texts[s.file], (int(s.line_start), int(s.line_end)), keep_skipped=True)
                 for s in tables.sources.itertuples()}
    seconds = time.perf_counter() - started

    found = found_kept = measure_right = measure_generic = numbers = 0
    unmatched, missed = [], []
    for s in tables.sources.itertuples():
        text, cands = texts[s.file], extracted[s.source]
        part_start = sum(len(line) + 1 for line in text.split("\n")[: int(s.line_start) - 1])
        others = tables.facts[tables.facts["source"].str[:4] != s.source[:4]]  # never the same report's own facts
        suggester = MeasureSuggester(tables.measures, others)
        used = set()
        for row in tables.facts[tables.facts["source"] == s.source].to_dict("records"):
            at = text.find(row["locator"], part_start)
            span = (at, at + len(row["locator"]))
            match = [i for i, c in cands.iterrows() if c["start"] < span[1] and span[0] < c["end"] and _same(c, row)]
            kept = [i for i in match if not cands.at[i, "skipped"]]
            if match and not kept and cands.at[match[0], "skipped"] in NOT_NUMBERS:
                continue  # a year or a date the tables transcribe: by design not a candidate
            numbers += 1
            if match:
                found += 1
            if kept:
                found_kept += 1
                used.update(kept)
                c = cands.loc[kept[0]]
                measure, _ = suggester.suggest_at(text, c["start"], c["end"], c["unit"])
                measure_right += measure == row["measure"]
                # a generic measure (or none) says only the kind of number: not right, but not misleading either
                measure_generic += measure != row["measure"] and (measure in GENERIC or not measure)
            else:
                missed.append(f"{s.source} {row['as_written']} ({row['locator']})")
        for i, c in cands.iterrows():
            if not c["skipped"] and i not in used:
                unmatched.append(f"{s.source} line {c['line']}: {c['as_written']} ({c['locator']})")

    # Candidate findings: a ledger finding of these rules is proposed when a proposal of the same rule claims
    # the number at its claim fact's place, or the same number (value and unit) elsewhere in the same part.
    proposed = strict = total = 0
    proposals = {}
    for s in tables.sources.itertuples():
        text, cands = texts[s.file], extracted[s.source]
        kept = cands[cands["skipped"] == ""]
        proposals[s.source] = (text, find_claims(text, kept), sum(len(line) + 1 for line in text.split("\n")[: int(s.line_start) - 1]))
    not_proposed = []
    for f in tables.findings[tables.findings["rule"].isin(["share", "reduction", "sum", "count_items"])].itertuples():
        if not f.claim_fact:
            continue
        fact = tables.fact(f.claim_fact)
        text, claims, part_start = proposals[fact["source"]]
        at = text.find(fact["locator"], part_start)
        total += 1
        src = tables.sources.set_index("source").loc[fact["source"]]
        part_end = sum(len(line) + 1 for line in text.split("\n")[: int(src["line_end"])])
        same_place = (claims["claim_start"] < at + len(fact["locator"])) & (claims["claim_end"] > at)
        # or the same claim at another mention in the same part ("“两负责”" is named, then explained)
        same_claim = (claims["claim_start"] >= part_start) & (claims["claim_end"] <= part_end) & claims["claimed"].map(
            lambda c: _same_claim(c, f.claimed))
        strict += bool(((claims["rule"] == f.rule) & same_place).any())
        if ((claims["rule"] == f.rule) & (same_place | same_claim)).any():
            proposed += 1
        else:
            not_proposed.append(f.finding_id)
    rows = len(tables.facts)
    print(f"facts.csv rows: {rows}; not data by the table of analysis/extraction/not_data.py (years, dates, sessions, "
          f"quoted slogans without their members ...: by design not candidates): {rows - numbers}")
    print(f"recall of the other {numbers} rows: {found_kept / numbers:.1%} ({found_kept}; target 95%)")
    print(f"suggested measure right: {measure_right / max(found_kept, 1):.1%} of the rows found (target 70%); generic or "
          f"none: {measure_generic / max(found_kept, 1):.1%}; another measure of the vocabulary: "
          f"{(found_kept - measure_right - measure_generic) / max(found_kept, 1):.1%}")
    print(f"candidates that match no row: {len(unmatched)}, e.g. " + "; ".join(unmatched[:8]))
    print(f"rows missed: {len(missed)}: " + "; ".join(missed[:20]))
    print(f"ledger findings (share, reduction, sum, count_items) proposed automatically: {proposed / total:.1%} "
          f"({proposed} of {total}; target 70%; {strict} at the claim fact's own mention); not proposed: "
          + ", ".join(not_proposed[:12]))
    print(f"all five reports extracted in {seconds:.2f} s (target < 2 s)")
    longest = max(texts.values(), key=len)
    suggester = MeasureSuggester(tables.measures, tables.facts)
    timed = {chars: extract_seconds(repeated(longest, chars), suggester) for chars in (200_000, 1_000_000)}
    (small, _), (large, numbers) = timed[200_000], timed[1_000_000]
    print(f"the longest report repeated to 1,000,000 characters ({numbers} numbers) extracted in {large:.1f} s of CPU "
          f"(target < 10 s), {large / small:.1f} times 200,000 characters' {small:.1f} s (linear: 5, quadratic: 25)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
