"""The column descriptions of data/DICTIONARY.md, read from its tables, for the codebooks of exports.

DICTIONARY.md stays the one place where a column is described; this reads its "## <table>.csv"
sections and their "| column | meaning |" rows (a row may describe several columns: "low, high").
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.paths import DATA_DIR

SECTION = re.compile(r"^##\s+(\w+)(?:\.csv)?\s")
ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(.+?)\s*\|\s*$")


def column_descriptions(path: Path = DATA_DIR / "DICTIONARY.md") -> dict[str, dict[str, str]]:
    """{table: {column: meaning}} as DICTIONARY.md states them.

    >>> column_descriptions()["facts"]["as_written"][:38]
    'the number exactly as the report write'
    """
    described: dict[str, dict[str, str]] = {}
    table = None
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            found = SECTION.match(line)
            table = found.group(1) if found else None
            continue
        row = ROW.match(line)
        if table is None or row is None or set(row.group(2)) <= set("-|: "):
            continue
        names, meaning = row.groups()
        if names == "column":
            continue
        for name in re.split(r",\s*", names):
            described.setdefault(table, {})[name.strip("` ")] = meaning
    described["checks"] = described.get("findings", {})  # "The same columns as findings.csv"
    return described
