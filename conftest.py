"""Test-session set-up shared by the unit tests and nbval: figures go to a scratch folder."""

import os
import tempfile

# Kernels that nbval starts inherit this, so re-running the notebooks in a test
# never rewrites the committed figures/.
os.environ.setdefault("ANALYSIS_FIGURES_DIR", tempfile.mkdtemp(prefix="figures-"))
os.environ.setdefault("ANALYSIS_CACHE_DIR", tempfile.mkdtemp(prefix="cache-"))

# nbval runs the project's own notebooks (notebooks/00-overview ... 06-explore) and no other: a notebook someone
# saves in notebooks/ is not collected by `make test` (researchers' notebooks belong in work/, which git ignores).
# Here, not in notebooks/conftest.py: two conftest.py in folders that are not packages clash on a fresh clone.
import re

PROJECT_NOTEBOOK = re.compile(r"\d\d-[a-z0-9-]+")


def pytest_ignore_collect(collection_path, config):
    if collection_path.suffix == ".ipynb" and not PROJECT_NOTEBOOK.fullmatch(collection_path.stem):
        return True
    return None
