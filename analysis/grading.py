"""Grade a finding from its literal reading, the inputs' written precision and its other reasonable readings.

The charity principle: a claim whose literal reading fails is a **tension** when a stated
reasonable reading reconciles the numbers, and a **discrepancy** only when none does.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.claims import DISCREPANCY, REPRODUCED, TENSION, format_interval, judge
from analysis.intervals import Interval

ROUNDING_READING = "the inputs at their written precision"


@dataclass(frozen=True)
class ReadingResult:
    """One reasonable reading of a finding, recomputed: does the claim hold under it?"""

    label: str
    claimed: str
    recomputed: Interval | None
    why: str

    @property
    def holds(self) -> bool:
        return self.recomputed is not None and judge(self.claimed, self.recomputed).status == REPRODUCED


@dataclass(frozen=True)
class Grade:
    status: str
    note: str
    reading: str = ""  # the reading that decides a tension


def grade(claimed: str, literal: Interval, precise: Interval, readings: list[ReadingResult] = ()) -> Grade:
    """Reproduced if the literal reading holds; tension if only a reasonable reading does; else discrepancy.

    ``literal`` is what the inputs give as the report wrote them, ``precise`` what they give at
    their written precision ("988万元" is 987.5万 to 988.5万).

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
    for reading in readings:
        if reading.holds:
            shown = format_interval(reading.recomputed)
            return Grade(TENSION, f"{verdict.note}; read as {reading.label}, {reading.claimed} holds "
                                  f"(recomputed {shown}): {reading.why}", reading.label)
    if judge(claimed, precise).holds != "none" and not precise == literal:
        return Grade(TENSION, f"{verdict.note}; the inputs' rounding reconciles it: at their written precision "
                              f"they give {format_interval(precise)}", ROUNDING_READING)
    failed = "; ".join(f"read as {r.label}: {format_interval(r.recomputed) if r.recomputed else 'no number'}, "
                       f"{r.claimed} still fails" for r in readings)
    return Grade(DISCREPANCY, "; ".join(filter(None, [verdict.note, failed])))
