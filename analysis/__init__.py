"""Reproduce and audit what Chinese township-reform reports state, from raw tables."""

__version__ = "0.1.0"
