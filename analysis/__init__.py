"""Reproduce and audit what Chinese township-reform reports state, from raw tables."""

__version__ = "0.2.0"
