"""What a notebook shows for one county and domain: text, tables and figures, ready to display."""

from __future__ import annotations

import ast
import os
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from analysis import figures
from analysis.display import ReviewTable, markdown_text, reviewer_table
from analysis.style import bilingual

DOMAINS_SHOWN = ("finance", "staffing", "delegation", "facilities", "context")
# The comment papermill puts first in the cell it injects (papermill.parameterize: comment='Parameters').
INJECTED_CELL_COMMENT = "# Parameters\n"


class UnknownCountyError(ValueError):
    """An unknown ``county`` parameter; shown in a notebook as one line, not a traceback."""

    def _render_traceback_(self):  # IPython shows this instead of the traceback
        return [f"UnknownCountyError: {self}"]


class ParameterError(ValueError):
    """A parameter the notebook does not take, or one of the wrong type; one line in a notebook, not a traceback."""

    def _render_traceback_(self):
        return [f"ParameterError: {self}"]


def injected_names() -> list[str]:
    """The names papermill injected into this kernel (its cell after the parameters cell); [] outside papermill.

    papermill only logs "Passed unknown parameter" and runs on, so ``-p countyy laishui`` ran the default county.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return []
    shell = get_ipython()
    if shell is None:
        return []
    for source in reversed(shell.user_ns.get("_ih") or []):  # the inputs run so far, the latest injection wins
        if source.startswith(INJECTED_CELL_COMMENT):
            try:
                body = ast.parse(source).body
            except SyntaxError:
                return []
            targets = [t for node in body if isinstance(node, ast.Assign) for t in node.targets]
            targets += [node.target for node in body if isinstance(node, ast.AnnAssign)]
            return [t.id for t in targets if isinstance(t, ast.Name)]
    return []


def check_parameters(**parameters) -> None:
    """Refuse, in one line, a name papermill injected that is not among ``parameters`` (the notebook's own) and a
    ``county`` that is not text (papermill reads ``-p county 123`` as a number)."""
    unknown = sorted(set(injected_names()) - set(parameters))
    if unknown:
        takes = f"takes only {', '.join(repr(p) for p in parameters)}" if parameters else "takes no parameters"
        raise ParameterError(f"unknown parameter {', '.join(repr(u) for u in unknown)}: this notebook {takes}"
                             + (" (papermill ... -p county ID; the ids: python -m analysis counties)" if "county" in parameters else ""))
    county = parameters.get("county", "")
    if not isinstance(county, str):
        kind = "a number" if isinstance(county, (int, float)) and not isinstance(county, bool) else f"a {type(county).__name__}"
        raise ParameterError(f"county must be text, a county id such as 'dongying', not {kind} ({county!r}); papermill reads "
                             f"-p county {county} as {kind}: pass it as text with -r county {county}")


def _papermill_output(pid: int | None = None) -> Path | None:
    """The output notebook of the papermill command that started this kernel (its parent process), if one did."""
    try:
        import psutil

        parent = psutil.Process(pid or os.getppid())
        argv, cwd = parent.cmdline(), Path(parent.cwd())
    except Exception:  # no such process, no permission: not a papermill command line
        return None
    at = next((i for i, arg in enumerate(argv) if Path(arg).name == "papermill" or (arg == "papermill" and argv[i - 1:i] == ["-m"])), None)
    if at is None:
        return None
    try:
        from papermill.cli import papermill as command

        params = command.make_context("papermill", argv[at + 1:], resilient_parsing=True).params  # papermill's own parser
    except Exception:
        return None
    output = params.get("output_path")
    if not output or output == "-" or "://" in output:  # stdout or a remote store: nothing beside it on this disk
        return None
    return (cwd / output).resolve()


def figures_folder() -> Path:
    """Where this run's figures go: ANALYSIS_FIGURES_DIR when set (the batch, the tests); for a papermill command run
    by hand, ``figures/`` beside its output notebook; for another papermill run, a temporary folder; else (JupyterLab,
    ``make notebooks``) the repository's figures/."""
    from analysis.paths import FIGURES_DIR

    if os.environ.get("ANALYSIS_FIGURES_DIR"):
        return FIGURES_DIR
    output = _papermill_output()
    if output is not None:
        return output.parent / "figures"
    if injected_names():  # papermill called from Python: its output path is not known here, the repository is not the place
        return Path(tempfile.gettempdir()) / "township-reform-audit-figures"
    return FIGURES_DIR


def _tables():
    from analysis.tables import load_tables

    return load_tables()


def check_county(county: str, tables=None) -> pd.Series:
    """The counties.csv row of ``county``, or an error listing every valid id."""
    tables = tables or _tables()
    match = tables.counties[tables.counties["county"] == county]
    if match.empty:
        valid = ", ".join(sorted(tables.counties["county"]))
        raise UnknownCountyError(f"unknown county {county!r}. Valid ids: {valid}")
    return match.iloc[0]


def domains_with_data(tables) -> set[tuple[str, str]]:
    """The (county, domain) pairs for which the reports give any number or make any claim (one pass)."""
    return {pair for frame in (tables.facts, tables.findings) for pair in zip(frame["county"], frame["domain"])}


def has_domain_data(tables, county: str, domain: str) -> bool:
    """Whether the reports give any number, or make any claim, for ``county`` in ``domain``."""
    return any(((frame["county"] == county) & (frame["domain"] == domain)).any() for frame in (tables.facts, tables.findings))


def display_table(frame: pd.DataFrame, digits: int = 2) -> ReviewTable:
    """Floats to ``digits`` places and empty cells blank, not "NaN" (a reader takes NaN for a value)."""
    rounded = frame.round({c: digits for c in frame.columns if frame[c].dtype.kind == "f"})
    return ReviewTable(rounded.astype(object).where(rounded.notna(), ""))


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _why_empty(text: str):
    """What an empty section shows instead of nothing: the reason, in one sentence."""
    from IPython.display import Markdown

    return Markdown(f"*{markdown_text(text)}*")


@dataclass
class CountyView:
    """One county, one domain. Every method returns None when the reports give no numbers for it."""

    county: str
    domain: str
    save_figures: bool = True

    def __post_init__(self):
        check_parameters(county=self.county)  # the notebooks' first cell: before anything else runs
        if self.domain not in DOMAINS_SHOWN:
            raise ValueError(f"domain must be one of {', '.join(DOMAINS_SHOWN)}, not {self.domain!r}")
        self.tables = _tables()
        self.place = check_county(self.county, self.tables)

    # -- data -------------------------------------------------------------
    @cached_property  # every section asks; the tables do not change under a view
    def has_data(self) -> bool:
        return has_domain_data(self.tables, self.county, self.domain)

    @cached_property
    def facts(self) -> pd.DataFrame:
        f = self.tables.facts
        return f[(f["county"] == self.county) & (f["domain"] == self.domain)]

    @cached_property
    def audit(self) -> pd.DataFrame:
        from analysis.audit import audit_findings

        a = audit_findings(self.tables, self.county)
        return a[a["domain"] == self.domain].reset_index(drop=True)

    @cached_property
    def indicators(self) -> pd.DataFrame:
        from analysis.indicators import compute_indicators
        from analysis.scripts import in_script

        indicators = compute_indicators(self.tables, self.county, self.domain)
        return indicators.assign(label=[in_script(label, self.script) for label in indicators["label"]])  # the project's words

    @cached_property
    def measure_terms(self) -> dict[str, str]:
        """Each measure's Chinese term, in the script of this county's sources."""
        from analysis.scripts import in_script

        m = self.tables.measures
        return {measure: in_script(term, self.script) for measure, term in zip(m["measure"], m["term_zh"])}

    @cached_property
    def script(self) -> str:
        """The script of this county's sources (analysis.scripts): its figures and labels are written in it."""
        from analysis.scripts import county_script

        return county_script(self.tables, self.county)

    # -- what the notebook shows -----------------------------------------
    def header(self):
        """Title, the sources, and the one-sentence notice when there is nothing to show."""
        from IPython.display import Markdown

        from analysis.scripts import in_script

        p = {k: markdown_text(v) for k, v in self.place.items()}  # data never becomes markup
        title = f"## {p['name_zh']} {p['name_en']}: {self.domain} {in_script(figures.DOMAIN_ZH[self.domain], self.script)}"
        src = self.tables.sources.set_index("source")
        cited = [f"- `{s}` {markdown_text(src.at[s, 'title_en'])}, {markdown_text(src.at[s, 'title_zh'])} ({markdown_text(src.at[s, 'file'])}, lines {int(src.at[s, 'line_start'])}-{int(src.at[s, 'line_end'])})"
                 for s in self.place["sources"].split()]
        lines = [title, "", f"Level: {p['level']}" + (" (anonymised in the report)" if p["anonymised"] == "true" else ""),
                 "", "Sources:", *cited, ""]
        if not self.has_data:
            lines.append(f"**The reports give no {self.domain} figures for {p['name_en']} ({markdown_text(self.county)}); there is nothing to show.**")
        else:
            lines += [f"What they give on {self.domain}:", *self.given()]
        return Markdown("\n".join(lines))

    def given(self, shown: int = 4) -> list[str]:
        """One line a source: how many numbers and claims it gives here, and the first few as the report wrote them.

        The notebooks' own text is the same for every county; this is the part that names the report's numbers.
        """
        lines = []
        for source in self.place["sources"].split():
            facts = self.facts[self.facts["source"] == source]
            claims = self.audit[self.audit["source"] == source]
            if facts.empty and claims.empty:
                continue
            parts = []
            if len(facts):
                first = facts.drop_duplicates("measure").head(shown)  # one number a measure, in the table's order
                named = "; ".join(f"{m.replace('_', ' ')} {markdown_text(w)}" for m, w in zip(first["measure"], first["as_written"]))
                parts.append(f"{_counted(len(facts), 'number')} ({'among them ' if len(facts) > len(first) else ''}{named})")
            if len(claims):
                stated = list(dict.fromkeys(claims["claimed"]))
                listed = ", ".join(markdown_text(c) for c in stated[:shown]) + (", ..." if len(stated) > shown else "")
                parts.append(f"{_counted(len(claims), 'claim')} ({listed})")
            lines.append(f"- `{markdown_text(source)}`: {' and '.join(parts)}.")
        return lines

    def facts_table(self) -> pd.DataFrame | None:
        """The raw numbers, as written and in base units, with the verbatim locator."""
        if not self.has_data:
            return None
        if self.facts.empty:
            return _why_empty(f"The reports state no {self.domain} number for {self.place['name_en']}; its claims follow.")
        from analysis.scripts import in_script

        f = self.facts.copy()
        f["measure"] = [bilingual(m, self.measure_terms.get(m, "")) for m in f["measure"]]
        f["unit"] = [in_script(u, self.script) for u in f["unit"]]  # the project's unit words (项, 个), as its labels
        columns = ["fact_id", "source", "locator", "as_written", "measure", "entity", "value", "low", "high", "unit"]
        return display_table(f[columns].reset_index(drop=True))

    def findings_table(self) -> pd.DataFrame | None:
        """Each claim the report makes here, recomputed, with its status and why."""
        if not self.has_data:
            return None
        if self.audit.empty:
            return _why_empty(f"The reports make no checkable {self.domain} claim for {self.place['name_en']}: nothing to recompute.")
        columns = ["finding_id", "source", "locator", "claim", "claimed", "recomputed", "status", "reading", "kind", "rule", "inputs", "note"]
        return reviewer_table(self.audit[columns])

    def readings_table(self) -> pd.DataFrame | None:
        """The literal reading beside each other reasonable reading of a finding here, each recomputed."""
        if not self.has_data:
            return None
        from analysis.audit import audit_readings, readings_beside_literal

        r = readings_beside_literal(audit_readings(self.tables, self.county), self.audit)
        if r.empty:
            return _why_empty("No claim here has another reasonable reading on record: each is judged as the report wrote it.")
        return reviewer_table(r[["finding_id", "status", "literal", "label", "claimed", "recomputed", "holds", "why"]].reset_index(drop=True))

    def indicators_table(self) -> pd.DataFrame | None:
        """Indicators with their inputs and the interval the written numbers allow (and what kind it is)."""
        if not self.has_data:
            return None
        if self.indicators.empty:
            return _why_empty(f"The reports give no pair of {self.domain} numbers for {self.place['name_en']} that an indicator "
                              "(a share or a ratio of two stated numbers) could be computed from.")
        columns = ["label", "inputs", "entity", "numerator", "denominator", "value", "low", "high", "interval", "unit"]
        return display_table(self.indicators[columns].reset_index(drop=True))

    def figures(self):
        """Yield (file name, figure, numbers behind it) for each figure the data allow."""
        if not self.has_data:
            return
        candidates = [  # (file name, (figure, numbers)); the file is figures/<county>/<domain>_<name>
            ("claims", figures.claims_vs_recomputed(self.audit, self.script)),
            ("indicators", figures.shares_with_intervals(self.indicators, self.script)),
        ]
        if self.domain == "finance":
            candidates.append(("amounts", figures.money_by_measure(self.facts, self.measure_terms, self.script)))
        if self.domain == "staffing":
            candidates.append(("cuts", figures.cuts_before_after(self.audit, self.tables, self.script)))
        if self.domain == "facilities":
            candidates.append(("culture_stations", figures.culture_station_pipeline(self.facts, self.script)))
        for name, (fig, table) in candidates:
            if fig is not None:
                yield f"{self.county}/{self.domain}_{name}", fig, display_table(table)

    def show_figures(self) -> None:
        """Display every figure followed by its numbers (nbval compares the numbers, not the image)."""
        if not self.has_data:
            return
        from analysis.paths import FIGURES_DIR
        from analysis.style import save_figure

        folder = figures_folder() if self.save_figures else None
        drawn = 0
        for name, fig, table in self.figures():
            if folder is not None and folder != FIGURES_DIR:  # beside a papermill output: written here, then shown
                save_figure(fig, folder / name.rpartition("/")[0], name.rpartition("/")[2])
                figures.show(fig, table)
            else:
                figures.show(fig, table, save_as=name if folder is not None else None)
            drawn += 1
        if not drawn:
            from IPython.display import display

            display(_why_empty("No figure: the reports give no percentage claim, amount, cut or station count to draw here."))

    def interpretation(self):
        """A short reading of the results, generated from the numbers."""
        if not self.has_data:
            return None
        from IPython.display import Markdown

        counts = self.audit["status"].value_counts()
        parts = [f"The reports give {len(self.facts)} {self.domain} numbers for {markdown_text(self.place['name_en'])}."]
        if len(self.audit):
            parts.append(
                f"Of {len(self.audit)} claim{'s' if len(self.audit) > 1 else ''}: {counts.get('reproduced', 0)} reproduced, "
                f"{counts.get('tension', 0)} in tension (reconciled only by a reading named below), "
                f"{counts.get('discrepancy', 0)} discrepant, {counts.get('unverifiable', 0)} not checkable."
            )
        for row in self.audit[self.audit["status"].isin(["discrepancy", "tension"])].itertuples():
            parts.append(f"- {row.status}: **{markdown_text(row.claimed)}** ({markdown_text(row.claim)}): {markdown_text(row.note)}")
        for row in self.indicators.itertuples():
            ci = f" ({row.interval}: {row.low:.1f}-{row.high:.1f})" if row.high > row.low else ""
            unit = "%" if row.unit == "%" else ""
            written = " / ".join(self.tables.fact(fact_id)["as_written"] for fact_id in row.inputs.split())  # as the report wrote them
            parts.append(f"- {markdown_text(row.label)}: {row.value:.1f}{unit}{ci}, from {markdown_text(written)}.")
        return Markdown("\n".join(parts))
