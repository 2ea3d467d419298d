"""Suggest a measure (data/measures.csv) for a candidate number from the words around it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.extraction.candidates import to_simplified


def bigrams(text: str) -> set[str]:
    """Pairs of adjacent characters: the unit of similarity for Chinese text without a word segmenter."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass
class MeasureSuggester:
    """Nearest measure by shared character pairs with its Chinese term and with the locators of facts that use it.

    Built from the vocabulary and from known facts (for a new report, the facts of every other report).
    """

    measures: pd.DataFrame
    examples: pd.DataFrame  # facts: measure, unit, locator

    def __post_init__(self):
        self.profiles: dict[str, list[set[str]]] = {}
        for m in self.measures.itertuples():
            self.profiles[m.measure] = [bigrams(to_simplified(m.term_zh))]
        for f in self.examples.itertuples():
            self.profiles.setdefault(f.measure, []).append(bigrams(to_simplified(f.locator)))
        self.unit_of = dict(zip(self.measures["measure"], self.measures["unit"]))
        self.units = set(self.unit_of.values())

    def suggest_at(self, text: str, start: int, end: int, unit: str) -> tuple[str, float]:
        """The suggestion for the number at text[start:end]: the 20 characters before it and 6 after are its context."""
        return self.suggest(text[max(0, start - 20):start] + text[end:end + 6], unit)

    def suggest(self, context: str, unit: str) -> tuple[str, float]:
        """(measure, confidence in [0, 1]) for a number with this context and unit; ("", 0) if none fits."""
        words = bigrams(to_simplified(context))
        unit = unit if unit in self.units or not unit else "个"  # a counted label (五委, 七站) is a number of things
        best, score = "", 0.0
        for measure, profiles in self.profiles.items():
            if unit and self.unit_of.get(measure) not in (unit, None):
                continue
            for profile in profiles:
                if not profile:
                    continue
                overlap = len(words & profile) / len(profile)
                if overlap > score:
                    best, score = measure, overlap
        return best, round(score, 2)
