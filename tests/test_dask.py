"""Distributed runs: a Dask LocalCluster with two workers builds the same site as the local run."""

import pytest

from analysis.batch import run_batch
from tests.conftest import BATCH_COUNTIES


def test_a_dask_cluster_builds_the_same_site(built_site, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_batch(BATCH_COUNTIES, reports_dir=tmp_path / "reports", site_dir=tmp_path / "site",
                            figures_dir=tmp_path / "figures", scheduler=cluster.scheduler_address)
    local = {job["key"]: job["status"] for job in built_site["summary"]["jobs"]}
    remote = {job["key"]: job["status"] for job in summary["jobs"]}
    assert remote == local and set(remote.values()) == {"ok"}
    local_site = built_site["out"] / "site"
    pages = sorted(p.relative_to(local_site) for p in local_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*.html"))
    for page in pages:
        assert (tmp_path / "site" / page).read_bytes() == (local_site / page).read_bytes(), page
    assert (tmp_path / "figures" / "dongying" / "delegation_indicators.png").is_file()
