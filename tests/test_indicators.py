"""Indicators: the Wilson interval checked against its textbook formula (the five reports' indicators:
test_indicators_transcription.py)."""

import math

import pytest

from analysis.indicators import wilson_interval


def wilson_by_hand(k, n, z=1.959963984540054):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half) * 100, (centre + half) * 100


@pytest.mark.parametrize("k, n", [(179, 401), (31, 90), (90, 144), (0, 10), (10, 10)])
def test_wilson_interval_matches_the_formula(k, n):
    assert wilson_interval(k, n) == pytest.approx(wilson_by_hand(k, n))
