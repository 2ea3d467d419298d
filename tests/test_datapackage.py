"""data/datapackage.json: generated from the pandera schemas, valid, and live (its foreign keys catch a broken reference)."""

import json

import pytest

from analysis.datapackage import build, text
from analysis.paths import DATA_DIR
from analysis.tables import load_tables
from tests.test_tables import set_cell

frictionless = pytest.importorskip("frictionless")


def test_the_committed_package_is_what_the_schemas_generate():
    assert (DATA_DIR / "datapackage.json").read_text(encoding="utf-8") == text(load_tables()), \
        "data/datapackage.json is stale: run python -m analysis datapackage"


def test_frictionless_validates_the_package_with_its_tables():
    report = frictionless.validate(str(DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == 11  # every table was read (the glossary the eleventh)


def test_the_descriptor_carries_keys_enums_meanings_sources_and_licences():
    package = build(load_tables())
    resources = {r["name"]: r for r in package["resources"]}
    facts = resources["facts"]["schema"]
    assert facts["primaryKey"] == ["fact_id"]
    assert {"fields": "county", "reference": {"resource": "counties", "fields": "county"}} in facts["foreignKeys"]
    fields = {f["name"]: f for f in facts["fields"]}
    assert fields["value"]["type"] == "number" and fields["value"]["description"].startswith("in base units")
    assert set(fields["domain"]["constraints"]["enum"]) == {"finance", "staffing", "delegation", "facilities", "context"}
    assert "多" in fields["qualifier"]["constraints"]["enum"] and fields["locator"]["constraints"]["maxLength"] == 30
    assert {"fields": "finding_id", "reference": {"resource": "findings", "fields": "finding_id"}} in resources["readings"]["schema"]["foreignKeys"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert any("000_4cf26bfa58507785.txt" in s["path"] for s in package["sources"])


def test_frictionless_finds_a_fact_of_an_unknown_county(data_copy):
    (data_copy / "datapackage.json").write_text(text(load_tables(data_copy)), encoding="utf-8")
    set_cell(data_copy / "facts.csv", 2, "county", "atlantis")
    report = frictionless.validate(str(data_copy / "datapackage.json"))
    assert not report.valid
    assert any(error[2] == "foreign-key" for error in report.flatten(["rowNumber", "fieldName", "type"]))
