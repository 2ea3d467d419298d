"""The rfc3987_syntax stand-in (analysis.lazy_imports): no grammar built by reading notebooks, and
jsonschema's IRI checks answer exactly as with the real package imported first."""

import json
import subprocess
import sys

import pytest

pytest.importorskip("rfc3987_syntax")

IRIS = ["http://例子.测试/路径?问=答#节", "https://[::1]:80/p?q#f", "urn:isbn:0451450523", "//x", "ht tp://x",
        "http://exa mple.com/<>", "", "mailto:张三@例子.中国", "http://x/%zz"]
CHECK = ("from jsonschema import FormatChecker\n"
         "checker = FormatChecker()\n"
         f"print(json.dumps([[checker.conforms(i, f) for f in ('iri', 'iri-reference')] for i in {IRIS!r}]))")


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_reading_a_notebook_builds_no_iri_grammar():
    out = _run("import json, sys\nimport analysis, nbformat, papermill\n"
               "print(json.dumps(sorted(m for m in sys.modules if m.startswith('rfc3987_syntax'))))")
    assert json.loads(out) == ["rfc3987_syntax"]  # the stand-in alone: no syntax_helpers, no lark grammar


def test_iri_checks_answer_as_the_real_package_does():
    with_stand_in = _run("import json\nimport analysis\n" + CHECK)
    real = _run("import json\n" + CHECK)
    assert with_stand_in == real
    answers = json.loads(real)
    assert answers[0] == [True, True] and answers[4] == [False, False]  # a Chinese IRI passes, a space fails


def test_a_package_imported_before_is_left_alone():
    out = _run("import json, sys\nimport rfc3987_syntax\nreal = sys.modules['rfc3987_syntax']\n"
               "import analysis\nprint(json.dumps(sys.modules['rfc3987_syntax'] is real))")
    assert json.loads(out) is True
