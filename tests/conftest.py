"""Shared fixtures: a scratch copy of data/ that a test may corrupt."""

import shutil

import pytest

from analysis.paths import DATA_DIR, reports_dir


@pytest.fixture
def data_copy(tmp_path):
    """A copy of data/ in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def source_reports():
    """The folder of source report texts; tests that need it skip, loudly, without it."""
    found = reports_dir()
    if found is None:
        pytest.skip("no source reports folder (../shared/reports or $REPORTS_DIR): provenance not checked")
    return found
