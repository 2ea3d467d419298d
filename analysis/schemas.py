"""Pandera schemas for every table under data/, built with the vocabularies the other tables define."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from analysis.numbers import QUALIFIERS, parse_quantity, same_number
from analysis.rows import Columns, Row
from analysis.rules import ARITY, CONTRADICTION, COUNT_ITEMS, COUNT_TIMEOUT, PERSON_GRADES, READING_RULES, RULE_NAMES, UNVERIFIABLE, CountTimeout, count_by_problem, count_items

# Where a measure in % may lie: a share of a whole in [0, 100]; a ratio to a budget or plan, a rate of change or
# an index anywhere (完成预算的137.13%, 增长-4.3%). Measures in any other unit leave it empty.
SHARE_RANGE, ANY_RANGE = "0-100", "any"
RANGES = (SHARE_RANGE, ANY_RANGE)
TAKES = ("all", "midpoint")  # how a reading takes ranged inputs: every value they allow, or their midpoints
DOMAINS = ("finance", "staffing", "delegation", "facilities", "context")
LEVELS = ("nation", "province", "prefecture_city", "county_level_city", "county", "district", "town")
NUMERIC = r"^(-?[0-9]+(\.[0-9]+)?)?$"  # ASCII digits only: "1,234" and "１２" are errors
ID_MAX = 80
# \Z, not $: "$" also matches before a final newline, and an id "laishui\n" made folders of that name.
SLUG = rf"^[a-z][a-z0-9_]{{0,{ID_MAX - 1}}}\Z"
# Folders and pages of the site that a county id (site/<county>/) must not take.
RESERVED_COUNTIES = ("sources", "static", "overview", "explore", "index", "ledger", "site", "reports", "figures", "build")
# A report's file: a name inside the reports folder (no absolute path, no "..", no drive, backslash or ~).
REPORT_FILE = r"^(?!.*(?:^|/)\.\.(?:/|$))[^/\\:\x00-\x1f~][^\\:\x00-\x1f]*\Z"
LOCATOR_MAX = 30
# A glossary term: Chinese characters (and 、 inside a term such as 二、三十万), at most 20 of them.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
GLOSSARY_TERM = rf"^[{HAN}][{HAN}、]{{0,19}}\Z"
# What add-source writes for a source's metadata nobody gave: valid, so the tables load, but `validate` warns
# while one remains (metadata is asked for, never invented).
PLACEHOLDERS = {"title_en": "(title to translate)", "issuer": "(issuer to fill)", "date": "(date to fill)"}
# The same for a place add-source proposes from a name in the text (counties.csv).
PLACE_PLACEHOLDERS = {"name_en": "(name to translate)"}

COLUMNS = {
    "sources": ["source", "file", "part", "line_start", "line_end", "title_zh", "title_en", "issuer", "place", "date", "sha256", "notes"],
    "counties": ["county", "name_zh", "name_en", "level", "parent", "province", "gb_code", "anonymised", "sources"],
    "measures": ["measure", "domain", "unit", "range", "term_zh", "description"],
    "theme_codes": ["theme", "term_zh", "description"],
    "glossary": ["zh", "en", "explanation"],
    "facts": ["fact_id", "county", "entity", "domain", "measure", "period", "as_written", "value", "low", "high", "qualifier", "unit", "source", "locator", "note"],
    "lists": ["list_id", "county", "source", "what", "items", "count_by", "note"],
    "findings": ["finding_id", "county", "domain", "claim", "claimed", "claim_fact", "rule", "inputs", "note", "claim_en"],
    "readings": ["reading_id", "finding_id", "label", "rule", "inputs", "claimed", "take", "why"],
    "themes": ["county", "theme", "source", "locator", "note"],
}
COLUMNS["checks"] = COLUMNS["findings"]  # the ledger's own consistency checks: the same columns, a table apart
NUMERIC_COLUMNS = {"sources": ["line_start", "line_end"], "facts": ["value", "low", "high"]}


def _col(*checks: pa.Check, unique: bool = False) -> pa.Column:
    return pa.Column(str, checks=list(checks), unique=unique, nullable=False)


def _key(pattern: str = SLUG) -> pa.Column:
    return _col(pa.Check.str_matches(pattern, error=f"ids must match {pattern}"), unique=True)


def _required() -> pa.Check:
    return pa.Check.str_length(min_value=1, error="must not be empty")


def _one_of(values, what: str) -> pa.Check:
    values = sorted(set(values))
    return pa.Check.isin(values, error=f"not a known {what}")


def _english() -> pa.Check:
    """English text (or nothing): a cell of Chinese alone was pasted into the wrong column."""
    return pa.Check.str_matches(r"^(.*[A-Za-z].*)?\Z", error="no English words (write the English here; the Chinese has its own column)")


def _simplified(cell: str) -> bool:
    """A glossary term is written in simplified characters: traditional text is matched to it through OpenCC's t2s."""
    from analysis.scripts import evidence

    return evidence(cell)[0] == 0


def _numeric() -> pa.Column:
    return _col(pa.Check.str_matches(NUMERIC, error="not a plain number (ASCII digits, '.' decimal, no thousands separator)"))


def _line() -> pa.Column:
    """A part's first or last line: a number, never empty (an empty one made int(NaN) fail far from the table)."""
    return _col(_required(), pa.Check.str_matches(NUMERIC, error="not a plain number (ASCII digits, '.' decimal, no thousands separator)"))


def _each_in(values, what: str) -> pa.Check:
    known = set(values)
    return pa.Check(
        lambda s: s.map(lambda cell: all(token in known for token in cell.split())),
        element_wise=False,
        error=f"names an unknown {what}",
    )


def _num(cell: str) -> float | None:
    return float(cell) if cell else None


def _as_written_matches(row: Mapping) -> bool:
    """The transcribed value/low/high/qualifier agree with what the parser reads in as_written."""
    try:
        q = parse_quantity(row["as_written"])
    except ValueError:
        return False
    return (
        same_number(q.value, _num(row["value"]))
        and same_number(q.low, _num(row["low"]))
        and same_number(q.high, _num(row["high"]))
        and q.qualifier == row["qualifier"]
    )


def _within_bounds(row: Mapping) -> bool:
    value, low, high = _num(row["value"]), _num(row["low"]), _num(row["high"])
    if value is None:
        return low is not None and high is not None and low <= high
    return (low is None or low <= value) and (high is None or value <= high)


def _percent_in_range(measure_ranges: dict[str, str]):
    """A percentage of a measure whose range is 0-100 (a share of a whole) lies in [0, 100]; one of range any,
    anywhere. An unknown measure is the facts schema's error, not this one's."""
    def check(row: Mapping) -> bool:
        if row["unit"] != "%" or measure_ranges.get(row["measure"], SHARE_RANGE) != SHARE_RANGE:
            return True
        return all(x is None or 0 <= x <= 100 for x in map(_num, (row["value"], row["low"], row["high"])))
    return check


def _range_fits_unit(row: Mapping) -> bool:
    """A measure in % says its range; one in any other unit has none (its facts are not limited)."""
    return (row["range"] in RANGES) if row["unit"] == "%" else row["range"] == ""


def _rule_arity(row: Mapping) -> bool:
    n = len(row["inputs"].split())
    if row["rule"] == UNVERIFIABLE:
        return n == 0
    if row["rule"] == COUNT_ITEMS:
        return n == 1
    want = ARITY[row["rule"]]
    return n >= 1 if want is None else n == want


def _lines_in_order(row: Mapping) -> bool:
    try:
        return int(row["line_start"]) <= int(row["line_end"])
    except ValueError:  # not numbers: the columns' own checks say so
        return True


def _claim_fact_or_reason(row: Mapping) -> bool:
    """A checkable finding cites the fact it judges; only an unverifiable one or a contradiction (which cites its two
    passages in claim) may go without, saying why in its note."""
    if row["claim_fact"]:
        return True
    return row["rule"] in (UNVERIFIABLE, CONTRADICTION) and bool(row["note"].strip())


# A contradiction quotes its two passages as "<source>「<verbatim locator>」"; verify-sources finds each in its source.
PASSAGE = r"([a-z][a-z0-9_]*)「([^「」]{1,%d})」" % LOCATOR_MAX


def passages(claim: str) -> list[tuple[str, str]]:
    """The (source, locator) pairs a contradiction's claim quotes.

    >>> passages("s001「不增加编制」 vs s001「增加编制34名」")
    [('s001', '不增加编制'), ('s001', '增加编制34名')]
    """
    import re
    return re.findall(PASSAGE, claim)


def _graded_by_person(row: Mapping) -> bool:
    """A contradiction holds a person's grade in claimed, quotes two passages and says why in note; no inputs."""
    if row["rule"] != CONTRADICTION:
        return True
    return row["claimed"] in PERSON_GRADES and len(passages(row["claim"])) >= 2 and bool(row["note"].strip())


def _not_circular(row: Mapping) -> bool:
    """A finding whose input is its own claim fact would reproduce whatever the report says."""
    return not row["claim_fact"] or row["claim_fact"] not in row["inputs"].split()


def _claim_parses(row: Mapping) -> bool:
    if row["rule"] in (UNVERIFIABLE, CONTRADICTION):  # a contradiction's claimed is a person's grade (_graded_by_person)
        return True
    try:
        parse_quantity(row["claimed"])
    except ValueError:
        return False
    return True


def _unit_of_measure(measure_units: dict[str, str]):
    return lambda row: measure_units.get(row["measure"], row["unit"]) == row["unit"]


# Why count_by_problem refuses a pattern that is otherwise valid; each has its own error below.
BACKTRACKING = ("a quantifier inside a repeated group", "an alternation (|) inside a repeated group", "a backreference")


def _valid_count_by(cell: str) -> bool:
    problem = count_by_problem(cell)
    return not problem or problem in BACKTRACKING


def _count_by_without(hazard: str):
    return lambda s: s.map(lambda cell: count_by_problem(cell) != hazard)


def _counts_in_time(row: Mapping) -> bool:
    """The list is counted within the time limit (only a pattern that passed the checks above is run)."""
    if count_by_problem(row["count_by"]):
        return True
    try:
        count_items(row["items"], row["count_by"])
    except CountTimeout:
        return False
    return True


def _row_check(fn, error: str) -> pa.Check:
    """A check of each row, read as a mapping of its cells (:mod:`analysis.rows`): ``df.apply(fn, axis=1)``
    cost 1 ms a row, and making whole rows as dicts held every column of the table at once."""
    def check(df: pd.DataFrame) -> pd.Series:
        columns = Columns(df)
        return pd.Series([fn(Row(columns, i)) for i in range(len(df))], index=df.index, dtype=bool)
    return pa.Check(check, error=error)


def schemas(vocab: dict) -> dict[str, pa.DataFrameSchema]:
    """One schema per table; ``vocab`` holds the ids other tables define (counties, sources, ...)."""
    # pandera here, for the helpers above too, not at the top: importing it costs 0.13 s, and the
    # tables are validated only when they change (every other read comes from the validated cache)
    global pa
    import pandera.pandas as pa
    county = _col(_one_of(vocab["county"], "county (data/counties.csv)"))
    source = _col(_one_of(vocab["source"], "source (data/sources.csv)"))
    domain = _col(_one_of(DOMAINS, "domain"))
    text = _col(_required())
    free = _col()
    locator = _col(_required(), pa.Check.str_length(max_value=LOCATOR_MAX, error=f"locator longer than {LOCATOR_MAX} characters"))
    specs = {
        "sources": {
            "source": _key(),
            "file": _col(_required(), pa.Check.str_matches(REPORT_FILE, error="not a file name inside the reports folder (no absolute path, no '..')")),
            "part": free, "line_start": _line(), "line_end": _line(),
            "title_zh": text, "title_en": text, "issuer": free, "place": free, "date": free,
            "sha256": _col(pa.Check.str_matches(r"^[0-9a-f]{64}$", error="not a sha256 hex digest")), "notes": free,
        },
        "counties": {
            "county": _col(pa.Check.str_matches(SLUG, error=f"ids must match {SLUG}"),
                           pa.Check(lambda s: ~s.isin(RESERVED_COUNTIES), element_wise=False,
                                    error=f"a name the site keeps for its own pages ({', '.join(RESERVED_COUNTIES)})"), unique=True),
            "name_zh": text, "name_en": text, "level": _col(_one_of(LEVELS, "level")),
            "parent": free, "province": free,
            "gb_code": _col(pa.Check.str_matches(r"^([0-9]{6})?$", error="GB/T 2260 codes have six digits")),
            "anonymised": _col(_one_of(("true", "false"), "flag (true/false)")),
            "sources": _col(_required(), _each_in(vocab["source"], "source (data/sources.csv)")),
        },
        "measures": {"measure": _key(), "domain": domain, "unit": text,
                     "range": _col(_one_of(("", *RANGES), "range (0-100, any; empty for a unit other than %)")),
                     "term_zh": text, "description": text},
        "theme_codes": {"theme": _key(), "term_zh": text, "description": text},
        "glossary": {
            "zh": _col(pa.Check.str_matches(GLOSSARY_TERM, error="a term is Chinese characters alone (、 may join two parts), at most 20"),
                       pa.Check(lambda s: s.map(_simplified), element_wise=False, error="a term in traditional characters; write it "
                                "in simplified ones (traditional text is matched to it through OpenCC's t2s table)"), unique=True),
            "en": _col(_required(), _english()), "explanation": free},
        "facts": {
            "fact_id": _key(), "county": county, "entity": text, "domain": domain,
            "measure": _col(_one_of(vocab["measure"], "measure (data/measures.csv)")),
            "period": free, "as_written": text, "value": _numeric(), "low": _numeric(), "high": _numeric(),
            "qualifier": _col(_one_of(("", *QUALIFIERS), "qualifier")), "unit": text,
            "source": source, "locator": locator, "note": free,
        },
        "lists": {
            "list_id": _key(), "county": county, "source": source, "what": text, "items": text,
            "count_by": _col(
                pa.Check(lambda s: s.map(_valid_count_by), error="count_by must be 'split <regex>' or 'distinct <regex>'"),
                # patterns that can take exponential time on a long list (data/DICTIONARY.md, lists)
                pa.Check(_count_by_without(BACKTRACKING[0]), error="a quantifier inside a repeated group can backtrack "
                         "without end; quantify the separator alone, e.g. 'split [、和]+'"),
                pa.Check(_count_by_without(BACKTRACKING[1]), error="an alternation (|) inside a repeated group can "
                         "backtrack without end; use a character class, e.g. 'split [、和]+'"),
                pa.Check(_count_by_without(BACKTRACKING[2]), error="a backreference can backtrack without end; "
                         "name the separator itself"),
            ),
            "note": free,
        },
        "findings": {
            "finding_id": _key(), "county": county, "domain": domain, "claim": text, "claimed": free,
            "claim_fact": _col(_one_of(("", *vocab["fact_id"]), "fact (data/facts.csv)")),
            "rule": _col(_one_of(RULE_NAMES, "rule (analysis/rules.py)")),
            "inputs": _col(_each_in(vocab["fact_id"] | vocab["list_id"], "fact or list id")),
            "note": free,
            "claim_en": _col(_english()),  # may be empty (a new report's rows): validate warns
        },
        "readings": {
            "reading_id": _key(), "finding_id": _col(_one_of(vocab["finding_id"], "finding (data/findings.csv)")),
            "label": text, "rule": _col(_one_of(READING_RULES, "rule (analysis/rules.py)")),
            "inputs": _col(_required(), _each_in(vocab["fact_id"] | vocab["list_id"], "fact or list id")),
            "claimed": free, "take": _col(_one_of(TAKES, "take (all, midpoint)")), "why": text,
        },
        "themes": {
            "county": county, "theme": _col(_one_of(vocab["theme"], "theme (data/theme_codes.csv)")),
            "source": source, "locator": locator, "note": free,
        },
    }
    finding_checks = [
        _row_check(_rule_arity, "columns rule/inputs: wrong number of inputs for the rule"),
        _row_check(_claim_parses, "columns claimed/rule: claimed cannot be read exactly as a number (use rule unverifiable if it states none)"),
        _row_check(_not_circular, "columns claim_fact/inputs: the claim fact is also an input (circular: it would always reproduce)"),
    ]
    finding_checks.append(_row_check(_graded_by_person, "columns claimed/claim/note: a contradiction holds its grade "
                                     f"({', '.join(PERSON_GRADES)}) in claimed, quotes two passages as source「locator」 in "
                                     "claim, and says why in note"))
    ledger_checks = [_row_check(_claim_fact_or_reason, "columns claim_fact/rule/note: no claim fact; only an unverifiable "
                                "finding may have none, with its reason in note")]
    table_checks = {
        "facts": [
            _row_check(_within_bounds, "columns value/low/high: value outside [low, high] (or a range missing an end)"),
            _row_check(_percent_in_range(vocab["measure_range"]), "columns value/low/high: a percentage outside [0, 100], "
                       "and its measure is a share (range 0-100 in data/measures.csv; a growth rate or a ratio to a "
                       "budget takes a measure of range any)"),
            _row_check(_as_written_matches, "columns as_written/value/low/high/qualifier: do not match what as_written says"),
            _row_check(_unit_of_measure(vocab["measure_unit"]), "columns measure/unit: unit differs from the measure's unit in data/measures.csv"),
        ],
        "findings": finding_checks + ledger_checks,
        "sources": [_row_check(_lines_in_order, "columns line_start/line_end: the part ends before it starts")],
        "measures": [_row_check(_range_fits_unit, "columns unit/range: a measure in % needs range 0-100 (a share of a "
                                "whole) or any (a growth rate, a ratio to a budget, an index); any other unit none")],
        "checks": finding_checks,
        "lists": [_row_check(_counts_in_time, f"columns items/count_by: counting the items took longer than "
                             f"{COUNT_TIMEOUT} s; split on a plain separator")],
        "readings": [
            _row_check(_rule_arity, "columns rule/inputs: wrong number of inputs for the rule"),
            _row_check(lambda row: not row["claimed"] or _claim_parses(row), "column claimed: no number in claimed (leave it empty to use the finding's)"),
        ],
    }
    specs["checks"] = {**specs["findings"], "finding_id": _key()}
    return {
        name: pa.DataFrameSchema(columns, checks=table_checks.get(name, []), strict=True, ordered=False, name=name)
        for name, columns in specs.items()
    }
