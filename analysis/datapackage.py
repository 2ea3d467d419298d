"""data/datapackage.json (Frictionless Data Package), generated from the pandera schemas.

Every table's fields, their types and constraints (required, unique, patterns, enums, lengths) and
the foreign keys between tables come from :func:`analysis.schemas.schemas`; the meanings from
data/DICTIONARY.md; the sources from sources.csv. ``python -m analysis datapackage`` rewrites the
file; a test keeps the committed one identical to a fresh one and validates it, with the tables,
with the ``frictionless`` library.
"""

from __future__ import annotations

import json

import analysis
from analysis.dictionary import column_descriptions
from analysis.schemas import COLUMNS, NUMERIC_COLUMNS, schemas
from analysis.tables import ID_COLUMN, TABLES

# Which vocabulary of the schemas is which table's id column: an isin check over it is a foreign key.
REFERENCES = {"source": ("sources", "source"), "county": ("counties", "county"), "measure": ("measures", "measure"),
              "theme": ("theme_codes", "theme"), "fact_id": ("facts", "fact_id"), "list_id": ("lists", "list_id"),
              "finding_id": ("findings", "finding_id")}
DATA_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International"}


def _marker(vocabulary: str) -> str:
    return f"<{vocabulary} of another table>"  # no real id looks like this, so it shows where a vocabulary went


def _whole_string(pattern: str) -> str:
    r"""A Table Schema pattern matches the whole value by itself: the outer anchors of a Python pattern go.

    >>> _whole_string(r"^[a-z][a-z0-9_]{0,79}\Z"), _whole_string("^([0-9]{6})?$")
    ('[a-z][a-z0-9_]{0,79}', '([0-9]{6})?')
    """
    pattern = pattern.removeprefix("^")
    for end in ("\\Z", "$"):
        if pattern.endswith(end) and not pattern.endswith("\\" + end):
            return pattern.removesuffix(end)
    return pattern


def _field(table: str, column, described: dict) -> tuple[dict, dict | None]:
    """A field descriptor for one pandera column, and its foreign key if it has one."""
    number = column.name in NUMERIC_COLUMNS.get(table, [])
    field = {"name": column.name, "type": "number" if number else "string", "description": described.get(column.name, "")}
    constraints, key = {}, None
    for check in column.checks:
        found = check.statistics or {}
        if "allowed_values" in found:
            allowed = set(found["allowed_values"])
            refers = [REFERENCES[v] for v in REFERENCES if _marker(v) in allowed]
            if refers:
                key = {"fields": column.name, "reference": {"resource": refers[0][0], "fields": refers[0][1]}}
            else:
                constraints["enum"] = sorted(allowed - {""})  # "" is a missing value: allowed means optional
            constraints["required"] = "" not in allowed
        elif "pattern" in found and not number:
            constraints["pattern"] = _whole_string(found["pattern"])
        elif found.get("min_value") == 1:
            constraints["required"] = True
        elif found.get("max_value"):
            constraints["maxLength"] = found["max_value"]
    if column.unique:
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field, key


def build(tables) -> dict:
    """The data package descriptor of ``tables``' folder, as a dict."""
    vocabulary = {name: {_marker(name)} for name in REFERENCES} | {"measure_unit": {}, "measure_range": {}}
    built = schemas(vocabulary)
    meanings = column_descriptions()
    sources = tables.sources
    resources = []
    for name in TABLES:
        fields, keys = [], []
        for column_name in COLUMNS[name]:
            field, key = _field(name, built[name].columns[column_name], meanings.get(name, {}))
            fields.append(field)
            keys += [key] if key else []
        schema = {"fields": fields, "missingValues": [""]}
        if name in ID_COLUMN:
            schema["primaryKey"] = [ID_COLUMN[name]]
        if keys:
            schema["foreignKeys"] = keys
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "licenses": [DATA_LICENCE], "schema": schema})
    return {
        "name": "township-reform-audit-data",
        "title": "Township (乡镇) administrative reform: numbers transcribed from five Chinese reports, and the ledger of their claims",
        "version": analysis.__version__,
        "licenses": [DATA_LICENCE],
        "sources": [{"title": f"{row.title_zh} ({row.title_en})", "path": f"{row.file}, lines {int(row.line_start)}-{int(row.line_end)}"}
                    for row in sources.itertuples()],
        "resources": resources,
    }


def text(tables) -> str:
    return json.dumps(build(tables), ensure_ascii=False, indent=1) + "\n"
