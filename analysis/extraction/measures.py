"""Suggest a measure (data/measures.csv) for a candidate number from the words around it.

Chinese names what it counts right next to the number: the noun after a classifier (12个镇), the
label inside the number (五委, 四室), or the subject just before (乡镇事业机构由17个). So a measure
scores by how much of its Chinese term appears in the context, how long that match is (事业机构
is more specific than 机构) and how close it is to the number. Locators of known facts that use the
measure count as further, weaker examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from analysis.extraction.candidates import CN_DIGIT, to_simplified

BEFORE, AFTER = 24, 10  # characters of context on each side of the number
NUMERAL = re.compile(rf"[0-9０-９.．,，%％{CN_DIGIT}十百千万萬亿億多余餘约約近]+")
TERM_PARTS = re.compile(r"[/()（）“”\"、\sX]+")
SAME_UNIT = {"人": "名"}  # people are counted in either: 编制10人 and 编制117名 are the same measure
EXAMPLE_WEIGHT = 0.7  # another report's wording is a weaker sign than the measure's own term


def bigrams(text: str) -> set[str]:
    """Pairs of adjacent characters: the unit of similarity for Chinese text without a word segmenter."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


def term_parts(term: str) -> list[str]:
    """The phrases of a measure's Chinese term: "行政机构/综合性办公室" names two, "“三室”" 三室 and 室."""
    parts = [part for part in TERM_PARTS.split(to_simplified(term)) if part]
    # a counted label (两级, 五委) names what is counted with the number itself, which the context reads apart
    return parts + [bare for part in parts if (bare := NUMERAL.sub("", part)) and bare != part]


CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]")


@dataclass
class Context:
    """The words before a number (nearest last), the number as written (四室, 一办) and the words after it.

    The words after count only to the end of their clause: what follows a comma is about something else.
    """

    before: str
    written: str
    after: str

    def __post_init__(self):
        self.after = CLAUSE_END.split(self.after, maxsplit=1)[0]
        self.label = NUMERAL.sub("", self.written)

    def nearest(self, phrase: str, in_label: bool = True) -> int | None:
        """How many characters separate ``phrase`` from the number; -1 when the number's own words hold it (一办);
        None if absent."""
        if in_label and (phrase in self.label or len(phrase) > 1 and phrase in self.written):
            return -1
        distances = []
        at = self.before.rfind(phrase)
        if at >= 0:
            distances.append(len(self.before) - at - len(phrase))
        at = self.after.find(phrase)
        if at >= 0:
            distances.append(at)
        return min(distances) if distances else None


def phrase_score(part: str, context: Context, unit: str = "") -> float:
    """How well the context says ``part``: its stretches found (longest first), each weighted by length and nearness.

    A single character counts only next to the number (四室, 8个村), where it cannot be a coincidence. A term that
    is the measure's own unit (人 for staff_involved) says nothing when it is only the number's unit (设书记1人).
    """
    score, covered = 0.0, [False] * len(part)
    for length in range(len(part), 0, -1):
        for i in range(len(part) - length + 1):
            if any(covered[i:i + length]):
                continue
            stretch = part[i:i + length]
            distance = context.nearest(stretch, in_label=stretch != unit)
            if distance is None or (length == 1 and distance > 1):
                continue
            score += length / len(part) * (1 + 0.1 * length) / (1 + distance / 6)
            covered[i:i + length] = [True] * length
    return score


@dataclass
class MeasureSuggester:
    """Nearest measure by its Chinese term and by the locators of facts that use it.

    Built from the vocabulary and from known facts (for a new report, the facts of every other report).
    """

    measures: pd.DataFrame
    examples: pd.DataFrame  # facts: measure, unit, locator

    def __post_init__(self):
        self.parts = {m.measure: term_parts(m.term_zh) for m in self.measures.itertuples()}
        self.example_words: dict[str, list[set[str]]] = {}
        for f in self.examples.itertuples():
            self.example_words.setdefault(f.measure, []).append(bigrams(NUMERAL.sub(" ", to_simplified(f.locator))))
        self.written_unit = dict(zip(self.measures["measure"], self.measures["unit"]))
        self.unit_of = {m: SAME_UNIT.get(u, u) for m, u in self.written_unit.items()}
        self.units = set(self.unit_of.values())

    def suggest_at(self, text: str, start: int, end: int, unit: str) -> tuple[str, float]:
        """The suggestion for the number at text[start:end], read with the words on either side of it."""
        return self.suggest(Context(text[max(0, start - BEFORE):start], text[start:end], text[end:end + AFTER]), unit)

    def suggest(self, context: Context | str, unit: str) -> tuple[str, float]:
        """(measure, confidence in [0, 1]) for a number with this context and unit; ("", 0) if none fits.

        A plain string is read as the words before the number.
        """
        if isinstance(context, str):
            context = Context(context, "", "")
        context = Context(*(to_simplified(s) for s in (context.before, context.written, context.after)))
        words = bigrams(context.before + " " + context.label + context.after)
        unit = SAME_UNIT.get(unit, unit)
        unit = unit if unit in self.units or not unit else "个"  # a counted label (五委, 七站) is a number of things
        best, score = "", 0.0
        for measure, parts in self.parts.items():
            if unit and self.unit_of.get(measure) not in (unit, None):
                continue
            own = max((phrase_score(part, context, self.written_unit[measure]) for part in parts), default=0.0)
            seen = max((len(words & ex) / len(ex) for ex in self.example_words.get(measure, []) if ex), default=0.0)
            candidate = max(own, EXAMPLE_WEIGHT * seen)
            if candidate > score:
                best, score = measure, candidate
        return best, round(min(score, 1.0), 2)
