"""Grade a finding from its literal reading, the inputs' written precision and its other reasonable readings.

The charity principle: a claim whose literal reading fails is a **tension** when a stated
reasonable reading reconciles the numbers, and a **discrepancy** only when none does.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.claims import DISCREPANCY, REPRODUCED, TENSION, format_interval, judge
from analysis.intervals import Interval

ROUNDING_READING = "input_rounding"  # the first standard reading (analysis/standard_readings.py)


@dataclass(frozen=True)
class ReadingResult:
    """One reasonable reading of a finding, recomputed: does the claim hold under it?"""

    label: str
    claimed: str
    recomputed: Interval | None
    why: str
    name: str = ""  # a standard reading's name (analysis/standard_readings.py); "" for a row of data/readings.csv

    @property
    def holds(self) -> bool:
        return self.recomputed is not None and judge(self.claimed, self.recomputed).status == REPRODUCED


@dataclass(frozen=True)
class Grade:
    status: str
    note: str
    reading: str = ""  # the reading that decides a tension: a row's label or a standard reading's name


def grade(claimed: str, literal: Interval, precise: Interval, readings: list[ReadingResult] = (),
          standard: list[ReadingResult] = ()) -> Grade:
    """Reproduced if the literal reading holds; tension if only a reasonable reading does; else discrepancy.

    ``literal`` is what the inputs give as the report wrote them, ``precise`` what they give at
    their written precision ("988万元" is 987.5万 to 988.5万). The reasonable readings are tried in
    the charity principle's order: the finding's own ``readings`` (data/readings.csv), the inputs'
    rounding, then the ``standard`` readings after it (analysis/standard_readings.py, in the table's order).

    Examples
    --------
    003 part 3: 988万 of 2160万 is "45.74%" for the report's own numbers, but the inputs'
    rounding to 万元 allows 45.71 to 45.77:

    >>> g = grade("45.74%", Interval.point(988 / 2160 * 100), Interval(987.5 / 2160.5 * 100, 988.5 / 2159.5 * 100))
    >>> g.status, "rests on" in g.note
    ('reproduced', True)
    """
    verdict = judge(claimed, literal)
    if verdict.status == REPRODUCED:
        at_precision = judge(claimed, precise)
        if at_precision.status == REPRODUCED:
            return Grade(REPRODUCED, verdict.note)
        return Grade(REPRODUCED, f"{verdict.note}; it rests on the inputs as written: at their written precision "
                                 f"they give {format_interval(precise)}")
    if found := _first_holding(readings):
        return _tension(verdict.note, found)
    # a claim that holds over part of what the inputs allow (their rounding, or the range their words give: 3,600万余)
    if verdict.holds == "part" or judge(claimed, precise).holds != "none" and not precise == literal:
        return Grade(TENSION, f"{verdict.note}; the inputs' rounding reconciles it: at their written precision "
                              f"they give {format_interval(precise)}", ROUNDING_READING)
    if found := _first_holding(standard):
        return _tension(verdict.note, found)
    failed = "; ".join(f"read as {_described(r)}: {format_interval(r.recomputed) if r.recomputed else 'no number'}, "
                       f"{r.claimed} still fails" for r in (*readings, *standard))
    return Grade(DISCREPANCY, "; ".join(filter(None, [verdict.note, failed])))


def _first_holding(readings: list[ReadingResult]) -> ReadingResult | None:
    return next((reading for reading in readings if reading.holds), None)


def _tension(note: str, reading: ReadingResult) -> Grade:
    shown = format_interval(reading.recomputed)
    return Grade(TENSION, f"{note}; read as {_described(reading)}, {reading.claimed} holds (recomputed {shown}): "
                          f"{reading.why}", reading.name or reading.label)


def _described(reading: ReadingResult) -> str:
    """A row of data/readings.csv by its label; a standard reading by its name, with what it computed."""
    return f"{reading.name} ({reading.label})" if reading.name else reading.label
