"""nbval runs the project's own notebooks here (00-overview ... 06-explore) and no other: a notebook someone saves
in this folder is not collected by `make test` (researchers' notebooks belong in work/, which git ignores)."""

import re

PROJECT_NOTEBOOK = re.compile(r"\d\d-[a-z0-9-]+")


def pytest_ignore_collect(collection_path, config):
    if collection_path.suffix == ".ipynb" and not PROJECT_NOTEBOOK.fullmatch(collection_path.stem):
        return True
    return None
