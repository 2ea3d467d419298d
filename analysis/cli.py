"""Command line: ``python -m analysis <command>``, a thin layer over the package's functions.

Exit codes: 0 done; 1 a bad input, a failed check or a failed run (one line says which and what
to do); 2 a wrong command line; 70 a bug (rerun with --debug and report the traceback);
130 interrupted (Ctrl-C or SIGTERM; earlier outputs are kept). ``--debug`` or ANALYSIS_DEBUG=1
shows the traceback instead of the one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from analysis.paths import DATA_DIR, REPORTS_OUT_DIR, reports_dir

LISTING_COLUMNS = {
    "sources": ["source", "file", "part", "line_start", "line_end", "title_zh", "title_en", "issuer", "place", "date", "notes"],
    "counties": ["county", "name_zh", "name_en", "level", "parent", "province", "gb_code", "anonymised", "sources"],
    "facts": ["fact_id", "county", "entity", "domain", "measure", "period", "as_written", "value", "low", "high",
              "unit", "qualifier", "source", "locator", "note"],
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="folder of the raw tables (default: data/)")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error (also: ANALYSIS_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, text in (("sources", "list the source reports"), ("counties", "list the jurisdictions (the notebooks' county ids)"),
                       ("facts", "list the transcribed numbers")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--csv", action="store_true", help="print CSV to stdout")
        if name == "facts":
            cmd.add_argument("--county", type=_identifier, help="only this county id")
            cmd.add_argument("--domain", type=_identifier, help="only this domain")
    audit = sub.add_parser("audit", help="recompute every finding in the ledger")
    audit.add_argument("--csv", action="store_true", help="print CSV to stdout")
    audit.add_argument("--county", type=_identifier, help="only this county id")
    audit.add_argument("--out", type=Path, help=f"also write audit.csv into this folder (e.g. {REPORTS_OUT_DIR.name}/)")
    export = sub.add_parser("export", help="write every table and the audit as csv, xlsx, parquet or dta, with a codebook")
    export.add_argument("--format", required=True, choices=("csv", "xlsx", "parquet", "dta"),
                        help="xlsx: one workbook, a sheet per table and a codebook; dta: Stata 14+, labelled")
    export.add_argument("--out", type=Path, required=True, help="folder to write into (created if need be)")
    export.add_argument("--spreadsheet-safe", action="store_true",
                        help="csv: put ' before text that begins = + - @ (a spreadsheet would read it as a formula)")
    package = sub.add_parser("datapackage", help="write data/datapackage.json (Frictionless) from the table schemas")
    package.add_argument("--out", type=Path, help="write it here instead (a file path)")
    batch = sub.add_parser("batch", help="run every notebook for every county and build the HTML site (make reports)")
    batch.add_argument("--county", action="append", type=_identifier, help="only this county (repeatable)")
    batch.add_argument("--notebook", action="append", type=_identifier, help="only this notebook, e.g. 03-delegation (repeatable)")
    batch.add_argument("--jobs", type=_positive, help="parallel runs (default: one per core)")
    batch.add_argument("--force", action="store_true", help="rerun even what is up to date")
    batch.add_argument("--notebooks-dir", type=Path, help="folder of the notebooks to run (default: notebooks/)")
    batch.add_argument("--out", type=Path, help="write reports/, site/ and figures/ under this folder "
                       "(default: the project; with another --data-dir, <data-dir>/../build)")
    batch.add_argument("--scheduler", help="address of a Dask distributed scheduler to run on, e.g. tcp://host:8786")
    batch.add_argument("--cold-kernels", action="store_true",
                       help="start each kernel as plain papermill does, instead of forking it from a pre-imported parent")
    synth = sub.add_parser("synth", help="write SYNTHETIC counties (same schema) to a folder outside data/")
    synth.add_argument("--counties", type=int, required=True, help="how many")
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--out", type=Path, required=True, help="folder; tables go to <out>/data, texts to <out>/reports")
    run = sub.add_parser("run-notebooks", help="re-execute the committed notebooks in place (after an intended change)")
    run.add_argument("names", nargs="*", help="notebook file names (default: all in notebooks/)")
    extract = sub.add_parser("extract", help="candidate fact rows for a report text (writes nothing into data/)")
    extract.add_argument("file", type=Path, help="the report text, UTF-8 or GB18030")
    extract.add_argument("--lines", help="only these lines, e.g. 10-69 (1-based, inclusive)")
    extract.add_argument("--csv", action="store_true", help="print CSV to stdout")
    extract.add_argument("--all", action="store_true", help="also list years, dates, ordinals ... with the reason they were skipped")
    add = sub.add_parser("add-source", help="register a report (sources.csv, counties.csv) and write its candidate rows for review")
    add.add_argument("file", type=Path, help="the report text, in the reports folder")
    add.add_argument("--county", required=True, type=_identifier, help="the county id (a new one needs --name-zh, --name-en, --level)")
    add.add_argument("--lines", help="the part's lines, e.g. 10-69 (default: the whole file)")
    add.add_argument("--source", help="the source id (default: from the file name)")
    add.add_argument("--title-zh", default="")
    add.add_argument("--title-en", default="")
    add.add_argument("--issuer", default="")
    add.add_argument("--date", default="", help="the report's date (YYYY or YYYY-MM-DD, as the text or its page gives it)")
    add.add_argument("--name-zh")
    add.add_argument("--name-en")
    add.add_argument("--level", help="nation, province, prefecture_city, county_level_city, county, district or town")
    add.add_argument("--review", type=Path, default=Path("review"), help="folder for the review files (default: review/)")
    add.add_argument("--reports-dir", type=Path, help="the folder of report texts the file must be in "
                     "(default: $REPORTS_DIR or ../shared/reports)")
    add.add_argument("--force", action="store_true", help="propose the rows again over existing review files")
    acc = sub.add_parser("accept", help="move the rows marked accept=yes in a review file into data/ (validated first)")
    acc.add_argument("review_file", type=Path)
    acc.add_argument("--reports-dir", type=Path, help="the folder of report texts the locators are checked in "
                     "(default: $REPORTS_DIR or ../shared/reports)")
    sub.add_parser("validate", help="validate every table under data/")
    verify = sub.add_parser("verify-sources", help="find every locator verbatim in the source reports")
    verify.add_argument("--reports-dir", type=Path, help="folder of the report texts (default: $REPORTS_DIR or ../shared/reports)")
    verify.add_argument("--require", action="store_true", help="fail, not skip, when no folder of report texts is found")
    return parser


def _identifier(text: str) -> str:
    """An id on the command line: an empty one would have meant "no filter" and run everything."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty id; give one (python -m analysis counties lists the county ids)")
    return text


def _positive(text: str) -> int:
    """--jobs 0 or -3 would run nothing or fail late: refused at once."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} runs at a time: give 1 or more")
    return number


def _show(frame: pd.DataFrame, as_csv: bool) -> None:
    if as_csv:
        frame.to_csv(sys.stdout, index=False)
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 200,
                               "display.max_colwidth", 40):
            print(frame.to_string(index=False))


def _require_county(tables, county: str | None) -> None:
    if county and county not in set(tables.counties["county"]):
        valid = ", ".join(sorted(tables.counties["county"]))
        raise SystemExit(f"error: unknown county {county!r}. Valid ids: {valid}")


def _run_notebooks(names: list[str]) -> int:
    from analysis.execute import execute_in_place
    from analysis.paths import NOTEBOOKS_DIR

    paths = [NOTEBOOKS_DIR / n for n in names] if names else sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        known = ", ".join(p.name for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb")))
        raise SystemExit(f"error: no notebook {', '.join(missing)} in notebooks/; choose from {known}")
    for path in paths:
        print(f"executing {path.name}", flush=True)
        execute_in_place(path)
    return 0


def _line_range(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    start, sep, end = text.partition("-")
    if not (sep and start.isdigit() and end.isdigit() and 0 < int(start) <= int(end)):
        raise SystemExit(f"error: --lines {text!r}: give two line numbers, e.g. --lines 10-69")
    return int(start), int(end)


def _extract(args) -> int:
    """Candidate facts with a suggested measure: for a person to review, never written into data/."""
    from analysis.display import plain_number
    from tqdm import tqdm

    from analysis.extraction.candidates import find_numbers
    from analysis.extraction.measures import MeasureSuggester
    from analysis.extraction.text import TextError, read_report
    from analysis.tables import DataError, load_tables

    try:
        text, encoding = read_report(args.file)
    except TextError as err:
        raise SystemExit(f"error: {err}") from None
    lines = _line_range(args.lines)
    print(f"extract: {args.file.name} read as {encoding.upper()}", file=sys.stderr)
    quiet = True if len(text) <= 100_000 else None  # a bar only for a text that takes seconds, on a terminal
    with tqdm(total=len(text) + 1, desc="numbers", unit="char", unit_scale=True, disable=quiet) as bar:
        frame = find_numbers(text, lines, keep_skipped=args.all, progress=bar.update)
    try:
        tables = load_tables(args.data_dir)
        suggester = MeasureSuggester(tables.measures, tables.facts)
    except DataError:
        suggester = None  # the candidates stand without a suggested measure
    suggestions = [suggester.propose(suggester.context_at(text, r.start, r.end), r.unit, r.entity) if suggester and not
                   getattr(r, "skipped", "") else ("", 0.0, "", "")
                   for r in tqdm(frame.itertuples(), total=len(frame), desc="measures", unit="number", disable=quiet)]
    frame["measure"] = [m for m, _, _, _ in suggestions]
    frame["confidence"] = [c for _, c, _, _ in suggestions]
    frame["new_measure"] = [new for _, _, _, new in suggestions]  # where neither the vocabulary nor a generic one fits
    columns = ["line", "as_written", "value", "low", "high", "qualifier", "unit", "locator", "measure", "confidence",
               "period", "entity", "header_unit", "new_measure"]
    for column in ("value", "low", "high"):  # plain decimals, never 1.234567e+09: checked by eye against 1,234,567千元
        frame[column] = frame[column].map(plain_number)
    _show(frame[columns + (["skipped"] if args.all else [])], args.csv)
    kept = frame if not args.all else frame[frame["skipped"] == ""]
    print(f"extract: {len(kept)} candidate numbers" + (f", {len(frame) - len(kept)} skipped" if args.all else ""), file=sys.stderr)
    return 0


def _onboard(args) -> int:
    """add-source and accept: errors are one line naming the file, row and column; nothing half-written."""
    from analysis.extraction.onboarding import accept, add_source
    from analysis.tables import DataError

    try:
        if args.command == "accept":
            n = accept(args.review_file, args.data_dir, args.reports_dir, say=print)
            print(f"accept: {n} row(s) from {args.review_file.name} added to {args.data_dir.name}/ (validated)")
            return 0
        place = (args.name_zh, args.name_en, args.level) if args.name_zh else None
        _ask_metadata(args)
        _not_over_inputs(args.review, "--review", args.data_dir)
        done = add_source(args.file, args.county, args.data_dir, args.review, _line_range(args.lines), args.source,
                          args.title_zh, args.title_en, args.issuer, place, args.reports_dir, args.force, date=args.date)
    except DataError as err:  # other errors are main()'s one line
        raise SystemExit("error: the rows would make the tables invalid; nothing was written:\n"
                         + "\n".join(f"  {p}" for p in err.problems)) from None
    print(f"add-source: {done['source']} ({done['encoding'].upper()}) "
          + ("was registered by an earlier run" if done["again"] else "added to sources.csv")
          + (", county added to counties.csv" if done["new_county"] else "")
          + f"; {done['facts']} candidate facts and {done['findings']} candidate findings to review in "
          + " and ".join(str(p) for p in done["review"])
          + f"; the places their numbers are filed under, other than {args.county} ({done['new_places']} new), in {done['places']}"
          + ". Mark the rows you checked accept=yes (fill entity, domain, inputs), then: python -m analysis accept <file>")
    return 0


def _ask_metadata(args) -> None:
    """On a terminal, ask for the title, issuer and date not given as options; elsewhere they stay placeholders
    that ``validate`` reminds of (a report's metadata is asked for, never invented)."""
    if not sys.stdin.isatty():
        return
    for option, question in (("title_zh", "Chinese title (empty: the text's first line)"), ("title_en", "English title"),
                             ("issuer", "issuer (who published it)"), ("date", "date (YYYY or YYYY-MM-DD)")):
        if not getattr(args, option):
            setattr(args, option, input(f"add-source: {question}: ").strip())


def _folder_argument(path: Path | None, option: str) -> None:
    """A folder named on the command line that must exist: said at once, not as a traceback later."""
    if path is not None and not path.is_dir():
        raise SystemExit(f"error: {option} {path}: no such folder")


def _output_argument(path: Path | None, option: str) -> None:
    """An output folder: it may be new, but no part of its path may be a file."""
    if path is None:
        return
    for part in [path, *path.parents]:
        if part.exists():
            if not part.is_dir():
                raise SystemExit(f"error: {option} {path}: {part} is a file, not a folder; choose another {option}")
            if not os.access(part, os.W_OK | os.X_OK):
                raise SystemExit(f"error: {option} {path}: {part} is not writable; choose another {option}")
            return


def _protected(data_dir: Path) -> list[tuple[str, Path]]:
    """The folders a command reads its inputs from: the tables, and the report texts."""
    folders = [("the tables' folder", Path(data_dir)), ("the tables' folder", DATA_DIR)]
    texts = reports_dir()
    for name, folder in (("the reports folder", texts), ("the reports folder", Path(os.environ["REPORTS_DIR"]) if os.environ.get("REPORTS_DIR") else None)):
        if folder is not None:
            folders.append((name, folder))
    return folders


def _not_over_inputs(path: Path | None, option: str, data_dir: Path, allowed: Path | None = None) -> None:
    """An output named on the command line may not land in the tables' folder or the reports folder (unless it is
    ``allowed``, the one file there this command exists to write)."""
    if path is None:
        return
    target = path.resolve()
    if allowed is not None and target == allowed.resolve():
        return
    for what, folder in _protected(data_dir):
        if folder.exists() and (target == folder.resolve() or target.is_relative_to(folder.resolve())):
            raise SystemExit(f"error: {option} {path}: inside {what} ({folder}), whose files are inputs; "
                             f"choose another {option}, outside it")


def _describe(err: BaseException) -> str:
    """One line for an environment fault: what failed, on which file."""
    if isinstance(err, OSError) and err.filename:
        return f"{err.strerror or type(err).__name__}: {err.filename}"
    return str(err) or type(err).__name__


def _print_restatements_and_coverage(tables, county: str | None) -> None:
    """The audit's other two accounts: restatements found from the facts (a table apart from the findings and the
    checks: derived at each run, never written by hand) and, per report part, what each number in its text is."""
    from analysis.coverage import coverage_lines
    from analysis.restatements import audit_restatements, duplicated_by_hand

    found = audit_restatements(tables, county)
    print(f"\nRestatements found from the facts (a table apart, `--out` writes restatements.csv): {len(found)}: "
          + ", ".join(f"{status}: {n}" for status, n in found["status"].value_counts().items()))
    for row in found[found["status"] != "reproduced"].itertuples():
        print(f"  {row.finding_id}: {row.claimed} vs {row.recomputed}: {row.status}")
    print(f"  {len(duplicated_by_hand(tables, county))} hand-written value findings compare a pair found here (kept: the reports' claims)")
    lines = coverage_lines(tables, county)
    if lines:
        print("\nCoverage: every number the extractor finds in a report part")
        print("\n".join(f"  {line}" for line in lines))


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors are one line on stderr and an exit code (see the module's docstring)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in argv or os.environ.get("ANALYSIS_DEBUG", "") not in ("", "0")
    from analysis.batch import BatchInterrupted

    try:
        return _main(argv)
    except BatchInterrupted as err:  # already one line, its cleanup done
        print(err, file=sys.stderr)
        return 130
    except (KeyboardInterrupt, Exception) as err:
        if debug:
            raise
        code, message = _explain(err)
        print(message, file=sys.stderr)
        return code


def _explain(err: BaseException) -> tuple[int, str]:
    """The exit code and the message for an error that reached main()."""
    from analysis.tables import DataError

    if isinstance(err, KeyboardInterrupt):
        return 130, "interrupted; outputs are written whole or not at all: run the same command again"
    if isinstance(err, DataError):
        return 1, (f"error: {len(err.problems)} problem(s) in the tables; nothing was written:\n"
                   + "\n".join(f"  {p}" for p in err.problems))
    if isinstance(err, (OSError, ValueError)):  # environment faults and refused input (TextError is a ValueError)
        return 1, f"error: {_describe(err)}"
    return 70, (f"internal error: {type(err).__name__}: {err}; this is a bug: rerun with --debug and report the "
                "traceback")


def _main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run-notebooks":
        return _run_notebooks(args.names)
    if args.command == "synth":
        from analysis.synthetic import generate

        _output_argument(args.out, "--out")
        _not_over_inputs(args.out, "--out", args.data_dir)
        if (args.out / "data").exists():  # never over tables, real or synthetic: `--out .` in a clone was data/
            raise SystemExit(f"error: --out {args.out}: {args.out / 'data'} exists; synth writes a new data folder, "
                             "so choose an --out without one")

        data = generate(args.counties, args.out, args.seed)
        print(f"wrote {args.counties} SYNTHETIC counties to {data}; run: python -m analysis --data-dir {data} batch")
        return 0
    # Imported here so that --help stays fast.
    from analysis.tables import load_tables

    if args.command == "extract":
        return _extract(args)
    if args.command in ("add-source", "accept"):
        return _onboard(args)

    _folder_argument(args.data_dir, "--data-dir")
    tables = load_tables(args.data_dir)  # a DataError is printed by main(), every problem on its own line

    if args.command in LISTING_COLUMNS:
        frame = getattr(tables, args.command)[LISTING_COLUMNS[args.command]]
        if args.command == "facts":
            _require_county(tables, args.county)
            frame = frame[(frame["county"] == args.county) if args.county else slice(None)]
            frame = frame[(frame["domain"] == args.domain) if args.domain else slice(None)]
        _show(frame, args.csv)
    elif args.command == "batch":
        from analysis.batch import format_summary, run_batch

        for county in args.county or []:
            _require_county(tables, county)
        _folder_argument(args.notebooks_dir, "--notebooks-dir")
        _output_argument(args.out, "--out")
        _not_over_inputs(args.out, "--out", args.data_dir)
        from analysis.paths import FIGURES_DIR, NOTEBOOKS_DIR, SITE_DIR

        root = args.out
        if root is None and args.data_dir.resolve() != DATA_DIR.resolve():
            root = args.data_dir.resolve().parent / "build"  # other tables never write into the real site
        out = ({"reports_dir": root / "reports", "site_dir": root / "site", "figures_dir": root / "figures"} if root
               else {"reports_dir": REPORTS_OUT_DIR, "site_dir": SITE_DIR, "figures_dir": FIGURES_DIR})
        try:
            summary = run_batch(args.county, args.notebook, args.jobs, args.force, args.data_dir,
                                notebooks_dir=args.notebooks_dir or NOTEBOOKS_DIR, scheduler=args.scheduler,
                                warm=not args.cold_kernels, **out)
        except ValueError as err:
            raise SystemExit(f"error: {err}") from None
        print(format_summary(summary, tables))
        return 1 if any(job["status"] == "failed" for job in summary["jobs"]) else 0
    elif args.command == "datapackage":
        from analysis.datapackage import text
        from analysis.outputs import write_text_atomic

        from analysis.writing import data_lock

        target = args.out or args.data_dir / "datapackage.json"
        _output_argument(target.parent, "--out")
        _not_over_inputs(target, "--out", args.data_dir, allowed=args.data_dir / "datapackage.json")
        with data_lock(args.data_dir):
            write_text_atomic(target, text(tables))
        print(target)
    elif args.command == "export":
        from analysis.export import export

        if args.spreadsheet_safe and args.format != "csv":
            _parser().error(f"argument --spreadsheet-safe: for --format csv only ({args.format} keeps text as text)")
        _output_argument(args.out, "--out")
        _not_over_inputs(args.out, "--out", args.data_dir)
        for path in export(tables, args.format, args.out, spreadsheet_safe=args.spreadsheet_safe):
            print(path)
    elif args.command == "validate":
        counts = ", ".join(f"{name} {len(getattr(tables, name))}" for name in LISTING_COLUMNS | {"findings": 0, "themes": 0, "lists": 0})
        print(f"validate: OK ({counts} rows)")
        from analysis.tables import english_warnings, placeholder_warnings

        for warning in [*placeholder_warnings(tables), *english_warnings(tables)]:
            print(f"warning: {warning}", file=sys.stderr)
    elif args.command == "verify-sources":
        from analysis.provenance import FAILED, verify_sources

        named = args.reports_dir or (Path(os.environ["REPORTS_DIR"]) if os.environ.get("REPORTS_DIR") else None)
        if named is not None and not named.is_dir():  # a typo must not pass as "skipped"
            source = "--reports-dir" if args.reports_dir else "REPORTS_DIR"
            raise SystemExit(f"error: {source} {named}: no such folder; nothing was checked")
        folder = named or reports_dir()
        if folder is None and args.require:
            raise SystemExit("error: no folder of report texts (../shared/reports or $REPORTS_DIR): provenance cannot be "
                             "checked. Set REPORTS_DIR, or run `make reports SKIP_PROVENANCE=1` to build without checking")
        report = verify_sources(tables, folder)
        print(report.summary())
        return 1 if report.status == FAILED else 0
    elif args.command == "audit":
        from analysis.audit import audit_findings
        from analysis.outputs import write_text_atomic

        _require_county(tables, args.county)
        _output_argument(args.out, "--out")
        _not_over_inputs(args.out, "--out", args.data_dir)
        result = audit_findings(tables)
        if args.county:
            result = result[result["county"] == args.county]
        if args.out:
            from analysis.restatements import audit_restatements
            write_text_atomic(args.out / "audit.csv", result.to_csv(index=False))
            write_text_atomic(args.out / "restatements.csv", audit_restatements(tables, args.county).to_csv(index=False))
        if args.csv:
            _show(result, True)
        else:
            _show(result[["finding_id", "claimed", "recomputed", "status"]], False)
            counts = result["status"].value_counts()
            print("\n" + ", ".join(f"{status}: {n}" for status, n in counts.items()))
            _print_restatements_and_coverage(tables, args.county)
    return 0
