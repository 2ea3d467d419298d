"""Units that count the same things: the one table the rules read when a claim's unit and its inputs' are written
with different measure words (活動中心162處…合計294個; a fact of a measure kept in 个 added to one written 處).
data/DICTIONARY.md shows it (``counted_units_markdown``, kept in step by a test).

Units not in one row never count alike: 份 (questionnaires) is no 人 even when each person fills one, 户 (households)
is no 人, 人次 (visits) is no 人, and 元 or % are measured, not counted.
"""

from __future__ import annotations

from typing import NamedTuple


class Alike(NamedTuple):
    units: tuple[str, ...]  # both scripts: the rules compare units as written, traditional 處 included
    rules: str  # "all": any rule may add or compare them; "value": a restatement only
    example: str
    why: str


COUNTED_ALIKE = (
    Alike(("个", "個", "处", "處", "座", "所"), "all", "活動中心162處、圖書室58處、長照據點74處,合計294個",
          "places, facilities and bodies counted one each: the measure word changes with the noun, not what is counted"),
    Alike(("名", "人"), "value", "综合行政执法队编制11人 / 由11名人员组成",
          "a body's posts restated as the persons who fill them; a sum of posts and persons stays an error: vacancies "
          "make them differ"),
)


def counted_alike(a: str | None, b: str | None, rule: str) -> bool:
    """Whether ``rule`` may take units ``a`` and ``b`` as one (a == b aside).

    >>> counted_alike("處", "个", "sum"), counted_alike("座", "所", "difference"), counted_alike("名", "人", "value")
    (True, True, True)
    >>> counted_alike("名", "人", "sum"), counted_alike("份", "人", "value"), counted_alike("户", "人", "sum")
    (False, False, False)
    """
    return any(a in row.units and b in row.units and row.rules in ("all", rule) for row in COUNTED_ALIKE)


def counted_units_markdown() -> str:
    """The table as data/DICTIONARY.md shows it."""
    lines = ["| units | rules | example | why |", "|---|---|---|---|"]
    for row in COUNTED_ALIKE:
        rules = "any rule" if row.rules == "all" else f"{row.rules} only"
        lines.append(f"| {' '.join(row.units)} | {rules} | {row.example} | {row.why} |")
    return "\n".join(lines)
