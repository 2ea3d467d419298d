"""analysis.site.exporter.PageExporter gives the page nbconvert's HTMLExporter gives, parsed."""

import base64

import nbformat
import pytest
from nbconvert import HTMLExporter

from analysis.paths import NOTEBOOKS_DIR
from analysis.site.exporter import MISSING_ALT, PageExporter
from analysis.site.pages import TEMPLATE_DIR

OPTIONS = {"template_name": "site", "extra_template_basedirs": [str(TEMPLATE_DIR)], "exclude_input_prompt": True,
           "exclude_output_prompt": True}
PNG = base64.b64encode(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                     "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")).decode()


def _notebook(name: str):
    nb = nbformat.read(NOTEBOOKS_DIR / f"{name}.ipynb", as_version=4)
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"
    return nb


def _written_by_hand():
    """What the project's notebooks lack: an image with no alternative text, a %%bash cell, an empty cell."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(f'# 标题\n\nText with `code` and <b>markup</b>.\n\n<img src="data:image/png;base64,{PNG}">'),
        nbformat.v4.new_code_cell("%%bash\necho 你好", metadata={"magics_language": "bash"}),
        nbformat.v4.new_code_cell(""),
        nbformat.v4.new_code_cell("show()", outputs=[nbformat.v4.new_output("display_data", {"image/png": PNG})]),
    ])
    nb.metadata.language_info = {"name": "python", "pygments_lexer": "ipython3"}
    for number, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{number}"
    return nb


@pytest.mark.parametrize("name", ["00-overview", "03-delegation", "05-context", "06-explore"])
def test_the_page_is_html_exporters_page(name):
    nb = _notebook(name)
    expected, _ = HTMLExporter(**OPTIONS).from_notebook_node(nb, resources={"language_code": "en"})
    assert str(PageExporter(**OPTIONS).soup(nb, resources={"language_code": "en"})) == expected


def test_remembered_highlighting_and_cleaning_change_nothing():
    """The same exporter renders many pages: the second rendering, from its caches, equals a fresh one."""
    exporter = PageExporter(**OPTIONS)
    for nb in (_notebook("03-delegation"), _written_by_hand(), _notebook("03-delegation"), _written_by_hand()):
        expected, _ = HTMLExporter(**OPTIONS).from_notebook_node(nb, resources={"language_code": "en"})
        assert str(exporter.soup(nb, resources={"language_code": "en"})) == expected


def _with_attachment(colour_png: str):
    """Two notebooks whose markdown source is the same and whose attached image differs."""
    cell = nbformat.v4.new_markdown_cell("图 ![chart](attachment:chart.png)")
    cell["attachments"] = {"chart.png": {"image/png": colour_png}}
    cell["id"] = "cell-0"
    return nbformat.v4.new_notebook(cells=[cell])


def test_remembered_markdown_is_keyed_by_its_attachments_too():
    other = base64.b64encode(base64.b64decode(PNG)[:-12] + bytes(12)).decode()  # another image under the same name
    exporter = PageExporter(**OPTIONS)
    pages = []
    for nb in (_with_attachment(PNG), _with_attachment(other), _with_attachment(PNG)):
        expected, _ = HTMLExporter(**OPTIONS).from_notebook_node(nb, resources={"language_code": "en"})
        pages.append(str(exporter.soup(nb, resources={"language_code": "en"})))
        assert pages[-1] == expected
    assert pages[0] != pages[1] and PNG in pages[0] and other in pages[1]


def test_an_image_without_alternative_text_gets_nbconverts_and_every_output_a_tab_stop():
    soup = PageExporter(**OPTIONS).soup(_written_by_hand(), resources={"language_code": "en"})
    # the site template gives outputs "Figure" when a figure has no alt metadata; markdown's image gets nbconvert's words
    assert [img["alt"] for img in soup.find_all("img")] == [MISSING_ALT, "Figure"]
    assert {div["tabindex"] for div in soup.select(".jp-Notebook div.jp-OutputArea-output")} == {"0"}
    assert len(soup.select(".jp-Notebook div.jp-Cell-inputWrapper[tabindex='0']")) == 4
