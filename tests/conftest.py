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


BATCH_COUNTIES = ["dongying", "laishui", "anhui", "xuanzhou"]  # xuanzhou: a facilities page


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """A small batch run (overview + three counties), its summary and timing, in a scratch folder."""
    import time

    from analysis.batch import run_batch

    out = tmp_path_factory.mktemp("batch")
    started = time.perf_counter()
    summary = run_batch(BATCH_COUNTIES, jobs=2, reports_dir=out / "reports", site_dir=out / "site")
    return {"out": out, "summary": summary, "seconds": time.perf_counter() - started}
