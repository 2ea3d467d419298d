"""The other wholes a proposed share may be read against: totals its paragraph states besides its literal whole.

A report may give a share of another whole than the one it names (提前退休人员占核减编制数的35.61%, where 35.61% is
of the 分流 total the same paragraph states). The audit's standard reading ``other_whole``
(analysis/standard_readings.py) tries such wholes only when the literal reading fails, and only makes a tension,
never reproduced; for a finding of the ledger a person names them (data/readings.csv), for a proposal of add-source
this module does: the amounts of the part's unit and year on the claim's line (its paragraph) written as a total
(the share form's ``paragraph_whole`` words, claim_forms.py, in the clause before the amount) or a whole by the
sentence's structure (the amount a later 其中 belongs to, one a "…中," closes), larger than the part, other than the
literal whole.
"""

from __future__ import annotations

import re

from analysis.counted_units import counted_alike
from analysis.extraction.claim_forms import fold, words
from analysis.extraction.named_amounts import other_place, places_of

CLAUSE_END = "，,；;。：:！!？?\n"
NEAR = 8  # at most this many characters (no digit, no clause end) between the total word and its amount
NOT_TOTAL = ("公共",)  # 一般公共预算: a name holding 共, no total


def marked_total(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is written as a total: a ``paragraph_whole`` word in its clause, at most
    ``NEAR`` characters before it (共分流132人, 合計1,200名), not inside a name such as 公共.

    >>> [marked_total(t, t.index("1")) for t in ("共分流132人", "合計1,200名", "一般公共预算支出1000万元", "分流132人,共")]
    [True, True, False, False]
    """
    folded = fold(text[max(0, start - 40):start])
    cut = max(folded.rfind(c) for c in CLAUSE_END)
    clause = folded[cut + 1:]
    for word in sorted(words("share", "paragraph_whole"), key=len, reverse=True):
        for found in re.finditer(re.escape(word), clause):
            between = clause[found.end():]
            if len(between) > NEAR or re.search(r"\d", between):
                continue
            if any(found.start() - k >= 0 and clause[found.start() - k:].startswith(name)
                   for name in NOT_TOTAL for k in range(len(name)) if word in name):
                continue
            return True
    return False


def whole_by_structure(text: str, end: int) -> bool:
    """Whether the amount ending at ``end`` is a whole by the sentence's structure: a 其中 that opens a later clause of
    its sentence belongs to it (only clauses of percentages between: 已承接131项,占83.97%;其中…), or the words after it
    close its clause with 中 (在86项赋权事项中,), the share form's ``of_it`` and ``among`` words.

    >>> [whole_by_structure(t, t.index("项") + 1) for t in ("已承接131项,占下放事项的83.97%;其中处罚69项", "在86项赋权事项中,已承接79项",
    ...  "已承接131项,下放156项,其中处罚69项", "在86项事项集中,已承接79项", "共131项,其他69项", "162项中闲置者41项,占25.3%",
    ...  "162项中心任务,占25.3%")]
    [True, True, False, False, False, True, False]
    """
    rest = fold(text[end:end + 60])
    rest = rest[:min((rest.find(c) for c in "。！!？?\n" if c in rest), default=len(rest))]
    clause = re.split(f"[{CLAUSE_END}]", rest, maxsplit=1)[0]
    among = sorted(words("share", "among"), key=len, reverse=True)
    # 162處中閒置者41處: an among word right after the amount (no comma) opens the part's words
    if any(rest.startswith(w) and rest[len(w):len(w) + 1] not in words("share", "among_not_after") for w in among) \
            and re.search(r"\d", clause):
        return True
    if any(clause.endswith(w) and len(clause) > len(w) and clause[-len(w) - 1] not in words("share", "among_not_before")
           for w in among) and len(clause) < len(rest) and not re.search(r"\d", clause):
        return True
    of_it = "|".join(re.escape(w) for w in words("share", "of_it") if len(w) > 1)  # 其中, not 其 (其他)
    opened = re.search(rf"[{CLAUSE_END}]\s*(?:{of_it})", rest)
    return opened is not None and not re.search(r"\d", re.sub(r"\d[\d.,]*%", "", rest[:opened.start()]))


def other_wholes(text: str, facts: list[dict], part_id: str, whole_id: str, claim_start: int) -> list[str]:
    """The fact ids of the totals the claim's line states that a share of ``part_id`` may be read against, other
    than ``whole_id``: same unit and year as the part, larger than it, written as a total (:func:`marked_total`).

    >>> text = "核减编制120名。\\n共分流132人,其中退休47人,退休人员占核减编制数的35.61%。"
    >>> facts = [{"fact_id": i, "start": text.index(w), "end": text.index(w) + len(w), "unit": "名", "period": "", "value": v}
    ...          for i, w, v in (("a", "120名", "120"), ("b", "132人", "132"), ("c", "47人", "47"))]
    >>> other_wholes(text, facts, "c", "a", text.index("35.61"))
    ['b']

    Units that count the same things (analysis/counted_units.py) are one unit here: a facility counted in 个 by its
    measure is a whole of a part written 處.

    >>> text = "閒置設施103處。\\n活動中心162處中閒置者41處,佔全部閒置設施的25.3%。"
    >>> facts = [{"fact_id": i, "start": text.index(w), "end": text.index(w) + len(w), "unit": u, "period": "", "value": v}
    ...          for i, w, v, u in (("a", "103處", "103", "處"), ("b", "162處", "162", "个"), ("c", "41處", "41", "處"))]
    >>> other_wholes(text, facts, "c", "a", text.index("25.3"))
    ['b']
    """
    by_id = {f["fact_id"]: f for f in facts}
    part = by_id.get(part_id)
    if part is None or whole_id not in by_id:
        return []
    line_start = text.rfind("\n", 0, claim_start) + 1
    line_end = text.find("\n", claim_start)
    line_end = len(text) if line_end < 0 else line_end
    try:
        part_value = float(part["value"])
    except (TypeError, ValueError):
        return []
    # 甲县承接了41项 is no share of 乙县's 200项: a total of another place of the part's level is none of its wholes
    places = places_of(text)
    part_place = places.at(int(part["start"]))
    out = []
    for f in facts:
        if f["fact_id"] in (part_id, whole_id) or not line_start <= f["start"] < line_end \
                or other_place(places.at(int(f["start"])), part_place) \
                or not (f["unit"] == part["unit"] or counted_alike(f["unit"], part["unit"], "share")):
            continue
        if part["period"] and f["period"] and f["period"] != part["period"]:
            continue
        try:
            value = float(f["value"])
        except (TypeError, ValueError):
            continue
        if value > part_value and (marked_total(text, f["start"]) or whole_by_structure(text, f["end"])):
            out.append(f["fact_id"])
    return out
