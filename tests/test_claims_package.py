"""The claim finder's package imports one way: patterns -> mentions -> names -> base -> the form families (none
importing another) -> finder -> the package; so no cycle, and each family reads only the layers below it."""

import ast

from analysis.paths import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "analysis" / "extraction" / "claims"
FAMILIES = ("averages", "bases", "changes", "comparisons", "counts", "differences", "lists", "multiples", "products", "ratios",
            "restatements", "shares", "structures", "totals")
LAYER = {"patterns": 0, "mentions": 1, "names": 2, "base": 3, **dict.fromkeys(FAMILIES, 4), "finder": 5, "__init__": 6}


def _imported(path):
    """The package's modules that ``path`` imports."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("analysis.extraction.claims."):
            out.add(node.module.rsplit(".", 1)[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.rsplit(".", 1)[1] for a in node.names if a.name.startswith("analysis.extraction.claims.")}
    return out


def test_every_module_of_the_package_has_a_layer():
    assert {p.stem for p in PACKAGE.glob("*.py")} == set(LAYER)


def test_each_module_imports_only_layers_below_its_own():
    upward = {(p.stem, other) for p in PACKAGE.glob("*.py") for other in _imported(p) if LAYER[other] >= LAYER[p.stem]}
    assert upward == set()


def test_an_import_from_a_family_into_another_is_caught(tmp_path):
    """The check itself: a family importing another is upward (same layer), so the test above can fail."""
    module = tmp_path / "shares.py"
    module.write_text("from analysis.extraction.claims.totals import _Totals\n", encoding="utf-8")
    assert {other for other in _imported(module) if LAYER[other] >= LAYER[module.stem]} == {"totals"}
