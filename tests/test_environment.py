"""environment.yml and pyproject.toml name the same packages with the same minimum versions."""

import re
import tomllib

import yaml

from analysis.paths import PROJECT_ROOT


def _requirement(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*((?:>=|==)\s*[^\s#]+)?", spec).groups()
    return name.lower(), (version or "").replace(" ", "")


def test_environment_file_matches_pyproject():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    wanted = dict(map(_requirement, project["dependencies"] + project["optional-dependencies"]["test"]))
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = dict(map(_requirement, conda + [p for p in pip if not p.startswith("-e")]))
    listed.pop("python"), listed.pop("pip")
    assert listed == wanted
    assert "-e ." in pip  # the conda route installs the analysis package too


def test_environment_file_has_no_build_strings():
    text = (PROJECT_ROOT / "environment.yml").read_text()
    assert not re.search(r"=\S+=\S+", text), "conda export build strings pin the platform"


def test_the_version_lives_in_one_place_and_the_citation_agrees():
    import analysis

    citation = yaml.safe_load((PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["version"] == analysis.__version__
    assert "version" not in tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert (PROJECT_ROOT / "LICENSE").is_file() and "CC BY 4.0" in (PROJECT_ROOT / "data" / "LICENSE.md").read_text(encoding="utf-8")
