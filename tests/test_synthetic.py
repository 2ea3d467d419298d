"""Synthetic counties: deterministic, valid in the real schema, labelled, and kept out of data/."""

import pytest

from analysis.audit import audit_findings
from analysis.cli import main
from analysis.paths import DATA_DIR, SITE_DIR
from analysis.provenance import PASSED, verify_sources
from analysis.synthetic import generate
from analysis.tables import load_tables


def test_same_seed_same_bytes_and_another_seed_differs(tmp_path):
    a = generate(5, tmp_path / "a", seed=7)
    b = generate(5, tmp_path / "b", seed=7)
    c = generate(5, tmp_path / "c", seed=8)
    assert (a / "facts.csv").read_bytes() == (b / "facts.csv").read_bytes()
    assert (a / "facts.csv").read_bytes() != (c / "facts.csv").read_bytes()


def test_synthetic_tables_validate_and_their_locators_are_found(tmp_path):
    data = generate(20, tmp_path, seed=1)
    tables = load_tables(data)
    assert len(tables.counties) == 20 and tables.counties["county"].str.startswith("syn_").all()
    assert tables.sources["title_en"].str.contains("SYNTHETIC").all()
    assert set(tables.facts["domain"]) == {"finance", "staffing", "delegation", "facilities"}
    assert tables.facts.groupby("county")["entity"].nunique().min() >= 4  # county-wide rows and several towns
    assert verify_sources(tables, tmp_path / "reports").status == PASSED
    statuses = set(audit_findings(tables)["status"])
    assert "reproduced" in statuses


def test_never_writes_into_data(tmp_path):
    with pytest.raises(ValueError, match="never goes into data"):
        generate(1, DATA_DIR / "synthetic")


def test_batch_on_synthetic_data_writes_beside_it_not_into_the_real_site(tmp_path, capsys):
    assert main(["synth", "--counties", "2", "--seed", "3", "--out", str(tmp_path)]) == 0
    index_before = (SITE_DIR / "index.html").read_bytes() if (SITE_DIR / "index.html").exists() else None
    code = main(["--data-dir", str(tmp_path / "data"), "batch", "--notebook", "03-delegation", "--jobs", "2"])
    assert code == 0
    build = tmp_path / "build"
    assert (build / "site" / "syn_0001" / "03-delegation.html").is_file()
    assert "SYNTHETIC DATA" in (build / "site" / "index.html").read_text(encoding="utf-8")
    assert (build / "figures" / "syn_0002").is_dir()
    after = (SITE_DIR / "index.html").read_bytes() if (SITE_DIR / "index.html").exists() else None
    assert after == index_before
