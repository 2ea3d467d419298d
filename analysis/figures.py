"""Figures for the notebooks; each returns the figure and the table of numbers it draws.

Every row of a figure's table is drawn inside its axes: the axes take their limits from the numbers
(a share above 100, a fall below 0), never from a fixed 0-100. Rows a figure cannot draw (nothing
recomputed, no value) are counted in a note on the figure, never left out without a word. A figure of
a traditional-script county is drawn in a traditional face, its own labels in that script
(``script``, see analysis.scripts); the reports' words stay as written.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.claims import accepted_values
from analysis.numbers import parse_quantity
from analysis.scripts import HANS, SCRIPTS, in_script, status_label
from analysis.style import DOMAIN_COLOURS, FONT_NOTE_GID, STATUS_COLOURS, apply_style, bilingual, use_script

STATUS_ZH = SCRIPTS[HANS].status  # each script's labels: analysis.scripts
DOMAIN_ZH = {"finance": "财政", "staffing": "编制机构", "delegation": "放权", "facilities": "服务设施", "context": "背景"}


def _plt():
    apply_style()
    import matplotlib.pyplot as plt

    return plt


def _finish(fig, script: str, notes: list[str]) -> None:
    """The figure's texts in ``script``'s face, and its notes (rows not drawn, a face missing) above it."""
    use_script(fig, script, notes)


def _limits(values, always=(0.0, 100.0), pad: float = 0.02) -> tuple[float, float]:
    """A linear axis holding every finite value and ``always`` (0-100 for percentages), with a margin.

    >>> _limits([44.6, 38.7])  # shares: 0-100, as ever
    (-2.0, 102.0)
    >>> [round(x, 4) for x in _limits([137.13, -4.3])]
    [-7.1286, 139.9586]
    >>> [round(x, 4) for x in _limits([-4.3, 12.5], always=(0.0,), pad=0.04)]
    [-4.972, 13.172]
    >>> _limits([44.6], pad=0)
    (0.0, 100.0)
    """
    finite = [v for v in values if v is not None and math.isfinite(v)] + list(always)
    lo, hi = min(finite), max(finite)
    margin = (hi - lo) * pad if hi > lo else 1.0
    return lo - margin, hi + margin


def claims_vs_recomputed(audit: pd.DataFrame, script: str = HANS):
    """Each percentage claim: the values it allows (a band), and what the facts give (a dot, or a bar for a range).

    The axis holds every band end and every recomputed value, 0 and 100 included: a share above 100
    ("137.13%") and a fall ("-4.3%") are drawn where they are. An open end ("65%以上", "不到20%") runs to
    the axis edge with an arrow. Percentage claims with nothing recomputed are counted in a note.

    Parameters
    ----------
    audit : DataFrame
        Rows of :func:`analysis.audit.audit_findings` (any county or domain).
    """
    rows, not_drawn = [], 0
    for row in audit.itertuples():
        try:
            claim = parse_quantity(row.claimed)
        except ValueError:  # words with no number ("明显提高"): not a percentage claim
            continue
        if claim.unit != "%":
            continue
        if row.status == "unverifiable" or not row.recomputed:
            not_drawn += 1
            continue
        accepted = accepted_values(claim)
        lo, _, hi = row.recomputed.partition("–")
        english = getattr(row, "claim_en", "")  # an audit of tables without the column, or a row without English
        rows.append({
            "finding_id": row.finding_id, "claim": row.claim, "claim_en": english if isinstance(english, str) else "", "claimed": row.claimed,
            "claim_low": accepted.lo, "claim_high": accepted.hi,
            "recomputed_low": float(lo), "recomputed_high": float(hi or lo), "status": row.status,
        })
    table = pd.DataFrame(rows, columns=["finding_id", "claim", "claim_en", "claimed", "claim_low", "claim_high",
                                        "recomputed_low", "recomputed_high", "status"])
    if table.empty:
        return None, table
    plt = _plt()
    labels = [f"{_wrapped(c, 26)} ({v})" + (f"\n{short_english(e)}" if e else "")
              for c, v, e in zip(table["claim"], table["claimed"], table["claim_en"])]
    fig, ax = plt.subplots(figsize=(8.5, 0.3 * sum(label.count("\n") + 1.8 for label in labels) + 1.4))
    left, right = _limits(table[["claim_low", "claim_high", "recomputed_low", "recomputed_high"]].to_numpy().ravel())
    for reference in (0, 100):
        ax.axvline(reference, color="#999999", linewidth=0.8, zorder=0)
    for i, r in enumerate(table.itertuples()):
        low, high = max(r.claim_low, left), min(r.claim_high, right)  # an open end runs to the edge
        ax.plot([low, high], [i, i], color="#cccccc", linewidth=9, solid_capstyle="butt", zorder=1)
        for end, edge, marker in ((r.claim_low, left, "<"), (r.claim_high, right, ">")):
            if math.isinf(end):
                ax.scatter([edge], [i], marker=marker, s=60, color="#888888", zorder=2, clip_on=False)
        if high - low < (right - left) / 50:  # a precise claim: its band is too thin to see, so mark it
            ax.scatter([(low + high) / 2], [i], marker="D", s=70, facecolors="none", edgecolors="#888888", zorder=2)
        colour = STATUS_COLOURS[r.status]
        if math.isclose(r.recomputed_low, r.recomputed_high):
            ax.scatter([r.recomputed_low], [i], color=colour, s=45, zorder=3)
        else:
            ax.plot([r.recomputed_low, r.recomputed_high], [i, i], color=colour, linewidth=3, zorder=3)
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set_xlim(left, right)
    ax.set_xlabel(bilingual("percent: what the claim allows (grey band; ◇ narrow, ▶ open-ended), recomputed (dot, or bar: a range)",
                            in_script("百分比", script)))
    ax.set_title(bilingual("Stated percentages against the facts", in_script("报告所述比例与重算", script)))
    handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=status_label(s, script))
               for s, c in STATUS_COLOURS.items() if s in set(table["status"])]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.6 / len(table)), ncol=3, fontsize=9, frameon=False)
    notes = [f"Not drawn: {not_drawn} percentage claim{'s' if not_drawn > 1 else ''} with nothing to recompute (unverifiable)."] if not_drawn else []
    _finish(fig, script, notes)
    return fig, table


def shares_with_intervals(indicators: pd.DataFrame, script: str = HANS):
    """Percentage indicators as bars, with the interval the written numbers allow (none for complete counts).

    The axis holds 0, 100 and every bar and whisker: a share above 100 or below 0 is drawn whole.
    """
    table = indicators[indicators["unit"] == "%"][["indicator", "label", "entity", "numerator", "denominator", "value", "low", "high", "interval"]]
    table = table.reset_index(drop=True)
    if table.empty:
        return None, table
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 0.55 * len(table) + 1.4))
    y = range(len(table))
    ax.barh(list(y), table["value"], color="#2a9d8f", alpha=0.85)
    # A share of exact counts has low == value == high, computed apart: the difference can be -1e-15,
    # which matplotlib refuses as a negative error bar.
    lower, upper = (table["value"] - table["low"]).clip(lower=0), (table["high"] - table["value"]).clip(lower=0)
    ax.errorbar(table["value"], list(y), xerr=[lower, upper], fmt="none", ecolor="#264653", capsize=4)
    left, right = _limits([*table["low"], *table["high"], *table["value"]], pad=0)
    span = right - left
    left, right = (left - 0.1 * span if left < 0 else 0), right + 0.1 * span  # room for the values' text
    ax.axvline(0, color="#999999", linewidth=0.8)
    for i, (v, lo, hi) in enumerate(zip(table["value"], table["low"], table["high"])):
        end = max(v, hi) if v >= 0 else min(v, lo)  # the text beyond the bar's end, on its side of 0
        ax.text(end + (right - left) * (0.015 if v >= 0 else -0.015), i, f"{v:.1f}%", va="center",
                ha="left" if v >= 0 else "right", fontsize=9)
    ax.set_yticks(list(y), table["label"])
    ax.invert_yaxis()
    ax.set_xlim(left, right)
    ax.set_xlabel(bilingual("percent; whiskers: what the written numbers' precision allows (counts are complete: none)",
                            in_script("百分比", script)))
    ax.set_title(bilingual("Indicators recomputed from the facts", in_script("由原始数据重算的指标", script)))
    _finish(fig, script, [])
    return fig, table


def money_by_measure(facts: pd.DataFrame, measure_terms: dict[str, str], script: str = HANS):
    """Amounts in 元 stated for each entity (tax, budget revenue, usable funds ...), in 万元, as dots.

    ``measure_terms`` are shown as given (CountyView.measure_terms gives them in the county's script).

    Dots on a log axis: amounts differ by orders of magnitude, and a bar's length on a log axis
    would mean nothing (40万 drawn a twentieth of 60万). Each label names the entity and the measure,
    and the period when the measure is stated for several (a budget's 2023 and 2024 revenue). An
    amount of 0 or below has no place on a log axis: then the axis is linear. Amounts with no value
    (anonymised, "++万元") are counted in a note.
    """
    money = facts[facts["unit"] == "元"]
    periods = money["period"] if "period" in money else pd.Series("", index=money.index)
    money = money.assign(period=periods.fillna("").astype(str))
    not_drawn = int(money["value"].isna().sum())
    money = money[money["value"].notna()]
    # A number stated twice is one dot; the same number for two periods is two.
    table = money[["entity", "measure", "period", "as_written", "value"]].drop_duplicates().copy()
    several = table.groupby("measure")["period"].transform("nunique") > 1
    table["label"] = [f"{bilingual(m.replace('_', ' '), measure_terms.get(m, '')).strip()} ({e}"
                      + (f", {p or 'no period'})" if many else ")")
                      for m, e, p, many in zip(table["measure"], table["entity"], table["period"], several)]
    repeated = table["label"].duplicated(keep=False)  # one measure, entity and period, stated as two numbers
    table.loc[repeated, "label"] = table.loc[repeated, "label"] + " " + table.loc[repeated, "as_written"]
    table["wan_yuan"] = table["value"] / 1e4
    table = table.reset_index(drop=True)
    if table.empty:
        return None, table
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8.5, 0.62 * len(table) + 1.6))
    y = list(range(len(table)))
    log = bool((table["wan_yuan"] > 0).all())
    if log:
        left, right = table["wan_yuan"].min() / 3, table["wan_yuan"].max() * 4
        text_at = [v * 1.12 for v in table["wan_yuan"]]
    else:
        left, right = _limits(table["wan_yuan"], always=(0.0,), pad=0.15)
        text_at = [v + (right - left) * 0.02 for v in table["wan_yuan"]]
        ax.axvline(0, color="#999999", linewidth=0.8)
    ax.hlines(y, left, table["wan_yuan"], color="#dddddd", linewidth=1, zorder=1)
    ax.scatter(table["wan_yuan"], y, color=DOMAIN_COLOURS["finance"], s=55, zorder=2)
    for i, (x, written) in enumerate(zip(text_at, table["as_written"])):
        ax.text(x, i, written, va="center", fontsize=9)
    ax.set_yticks(y, [_wrapped(label) for label in table["label"]])
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left, right)
    scale = "log scale: each step is ten times the last" if log else "linear scale: an amount is 0 or below"
    ax.set_xlabel(bilingual(f"amount in 10,000 yuan ({scale})", in_script("万元", script)))
    ax.set_title(bilingual("Amounts the report states", in_script("报告所述金额", script)))
    notes = [f"Not drawn: {not_drawn} amount{'s' if not_drawn > 1 else ''} with no value (anonymised or not stated)."] if not_drawn else []
    _finish(fig, script, notes)
    return fig, table


def short_english(text: str, width: int = 40, lines: int = 2) -> str:
    r"""An English label beside a Chinese one: on at most ``lines`` lines of ``width``, cut at a word with "…".

    >>> short_english("the town's usable funds are only 1.3亿 (130 million yuan), less than 20% of budget revenue")
    "the town's usable funds are only 1.3亿\n(130 million yuan), less than 20% of…"
    >>> short_english("one third of those built")
    'one third of those built'
    """
    import textwrap

    wrapped = textwrap.wrap(text, width)
    if len(wrapped) <= lines:
        return "\n".join(wrapped)
    kept = textwrap.wrap(text, width - 1)[:lines]  # room for the "…"
    return "\n".join(kept) + "…"


def _wrapped(label: str, width: int = 30) -> str:
    """A tick label on lines of at most ``width`` characters: never cut, so labels stay distinct."""
    return "\n".join(label[i:i + width] for i in range(0, len(label), width))


def cuts_before_after(audit: pd.DataFrame, tables, script: str = HANS):
    """Bodies or posts before and after each stated cut (精简 …%): the numbers the cut rate is computed from.

    A range ("8-10个") is drawn as a solid bar to its low end and a light one to its high end; a cut
    whose numbers allow no interval (anonymised, one-sided) is counted in a note.
    """
    from analysis.audit import fact_interval

    rows, not_drawn = [], 0
    for row in audit[audit["rule"] == "reduction"].itertuples():
        before, after = (tables.fact(fact_id) for fact_id in row.inputs.split())
        spans = [fact_interval(before), fact_interval(after)]
        if None in spans:
            not_drawn += 1
            continue
        period = f"{before['period'] or '…'}→{after['period'] or '…'}"  # "…": the report hides or omits the year
        rows.append({"finding_id": row.finding_id, "entity": before["entity"], "period": period,
                     "before": before["as_written"], "after": after["as_written"],
                     "before_low": spans[0].lo, "before_high": spans[0].hi, "after_low": spans[1].lo, "after_high": spans[1].hi,
                     "claimed": row.claimed, "recomputed": row.recomputed, "status": row.status})
    table = pd.DataFrame(rows, columns=["finding_id", "entity", "period", "before", "after", "before_low", "before_high",
                                        "after_low", "after_high", "claimed", "recomputed", "status"])
    if table.empty:
        return None, table
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 0.9 * len(table) + 1.6))
    for i, r in enumerate(table.itertuples()):
        for offset, stage, colour in ((-0.2, "before", "#8d99ae"), (0.2, "after", DOMAIN_COLOURS["staffing"])):
            low, high, written = getattr(r, f"{stage}_low"), getattr(r, f"{stage}_high"), getattr(r, stage)
            ax.barh(i + offset, low, height=0.38, color=colour)
            if high > low:
                ax.barh(i + offset, high - low, left=low, height=0.38, color=colour, alpha=0.35)
            ax.text(high, i + offset, f" {written}", va="center", fontsize=9)
        ax.text(1.01, i, f"{r.claimed} {status_label(r.status, script).partition(' ')[2]}", transform=ax.get_yaxis_transform(), va="center",
                fontsize=9, color=STATUS_COLOURS[r.status])
    ax.set_yticks(range(len(table)), [_wrapped(f"{e} {p}", 24) for e, p in zip(table["entity"], table["period"])])
    ax.invert_yaxis()
    ax.set_xlim(0, table[["before_high", "after_high"]].to_numpy().max() * 1.2)
    ax.set_xlabel(bilingual("number before (grey) and after (green) the cut; right: the cut the report states",
                            in_script("精简前后数量", script)))
    ax.set_title(bilingual("Before and after each stated cut", in_script("精简前后", script)))
    notes = [f"Not drawn: {not_drawn} cut{'s' if not_drawn > 1 else ''} whose numbers give no interval (anonymised or one-sided)."] if not_drawn else []
    _finish(fig, script, notes)
    return fig, table


# Stages before "built", the nearest first.
STATION_STAGES_UNBUILT = (("culture_stations_under_construction", "under construction 在建"),
                          ("culture_stations_choosing_site", "choosing a site 选址"))


def culture_station_pipeline(facts: pd.DataFrame, script: str = HANS):
    """The construction tasks split by stage: how many stations are built, and how many of those run."""
    first = facts[facts["value"].notna()].drop_duplicates("measure").set_index("measure")["value"]
    if "culture_station_tasks" not in first or "culture_stations_built" not in first:
        return None, pd.DataFrame()
    built, operating = first["culture_stations_built"], first.get("culture_stations_operating")
    stages = ([("built, in operation 建成并运行", operating), ("built, not in operation 建成未运行", built - operating)]
              if operating is not None else [("built 建成", built)])  # no operating count: say nothing of use
    stages += [(label, first[m]) for m, label in STATION_STAGES_UNBUILT if m in first]
    tasks = first["culture_station_tasks"]
    table = pd.DataFrame([{"stage": in_script(label, script), "stations": n, "share_of_tasks": n / tasks * 100} for label, n in stages])
    table.loc[len(table)] = {"stage": in_script("construction tasks 建设任务 (total)", script), "stations": tasks, "share_of_tasks": 100.0}
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 2.6))
    left, colours = 0.0, ["#2a9d8f", "#e76f51", "#f4a261", "#e9c46a"]
    for r, colour in zip(table.iloc[:-1].itertuples(), colours):
        ax.barh(0, r.stations, left=left, color=colour, label=f"{r.stage}: {r.stations:g}")
        ax.text(left + r.stations / 2, 0, f"{r.stations:g}", ha="center", va="center", color="white", fontsize=10)
        left += r.stations
    ax.axvline(tasks, color="#333333", linestyle="--", linewidth=1)
    ax.text(tasks, 0.45, f" {tasks:g} tasks {in_script('任务', script)}", va="center", fontsize=9)
    ax.set_yticks([])
    ax.set_xlim(0, max(tasks, left) * 1.15)
    ax.set_xlabel(bilingual("culture stations", in_script("综合文化站 (个)", script)))
    ax.set_title(bilingual("Culture stations by stage of construction", in_script("文化站建设进度", script)))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=2, fontsize=9, frameon=False)
    _finish(fig, script, [])
    return fig, table


def heatmap(matrix: pd.DataFrame, title: str, colour_label: str, cmap: str = "YlGnBu"):
    """A labelled heatmap of counts (themes by county, facts by county and domain); None when empty."""
    import seaborn as sns

    if matrix.empty:
        return None
    plt = _plt()
    fig, ax = plt.subplots(figsize=(0.45 * matrix.shape[1] + 4, 0.4 * matrix.shape[0] + 2))
    sns.heatmap(matrix, annot=True, fmt="d", cmap=cmap, cbar_kws={"label": colour_label}, linewidths=0.5, ax=ax)
    ax.set_title(title)
    ax.set_xlabel("")
    ax.set_ylabel("")
    return fig


def status_counts(audit: pd.DataFrame, by: str):
    """Stacked bars: findings per ``by`` (county or domain), split by status."""
    table = pd.crosstab(audit[by], audit["status"]).reindex(columns=list(STATUS_COLOURS), fill_value=0)
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 0.4 * len(table) + 1.5))
    left = pd.Series(0, index=table.index)
    for status, colour in STATUS_COLOURS.items():
        ax.barh(table.index, table[status], left=left, color=colour, label=status_label(status))
        left = left + table[status]
    ax.invert_yaxis()
    ax.set_xlabel(bilingual("findings", "核查项"))
    ax.set_title(bilingual(f"Findings by {by} and status", "核查结果"))
    ax.legend(loc="lower right", fontsize=9)
    return fig, table


def show(fig, *tables, save_as: str | None = None) -> None:
    """Display a figure, close it (so the inline backend does not draw it twice), then its numbers.

    ``save_as="overview/status_by_county"`` also writes the figure under figures/ as PNG and SVG.
    """
    from IPython.display import Image, display

    from analysis.paths import FIGURES_DIR
    from analysis.style import render, save_figure

    plt = _plt()
    if fig is not None:
        if save_as:
            folder, _, name = save_as.rpartition("/")
            png = save_figure(fig, FIGURES_DIR / folder, name)
        else:
            png = render(fig, "png")
        # One rendering serves the file and the notebook; shown at screen size (the PNG is 150 dpi).
        width = int.from_bytes(png[16:20], "big") * 100 // 150
        # The site's page template turns "alt" into the image's alt text.
        alt = f"{alt_text(fig)}; the numbers it draws are in the table below."
        display(Image(data=png, width=width, metadata={"alt": alt}))
        plt.close(fig)
    display(*tables)


def alt_text(fig) -> str:
    """A figure's titles, and its notes (rows not drawn, a face missing), for screen readers."""
    from matplotlib.text import Text

    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    notes = [t.get_text().replace("\n", " ") for t in fig.findobj(Text) if t.get_gid() == FONT_NOTE_GID]
    return ("Figure: " + "; ".join(titles) if titles else "Figure") + "".join(f". {n}" for n in notes)
