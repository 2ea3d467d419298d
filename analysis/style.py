"""One figure style: a bundled CJK font (no system font needed), bilingual labels, stable files.

Importing ``analysis`` registers the bundled font with matplotlib (:func:`register_font`, as soon as matplotlib is
imported, before or after), so a researcher's own ``plt.bar`` with Chinese labels draws them; the rest of the
style (seaborn's theme, sizes, file settings) is :func:`apply_style`, which the project's figures call.

A figure of a traditional-script source is drawn in a traditional face (Noto Sans CJK TC, which
fonts-noto-cjk installs, or another of analysis.scripts' list) when the system has one, and otherwise
in the bundled simplified face, which holds the traditional characters too (never boxes), with a
note saying so drawn on the figure.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import io
import re
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

from analysis.scripts import HANS, SCRIPTS

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"  # shipped by the mplfonts wheel
CJK_FONT_NAME = "Noto Sans CJK SC"
# The name figures ask for. fonts-noto-cjk's NotoSansCJK-Regular.ttc has a face named "Noto Sans CJK SC"
# too, with other glyph data, and matplotlib took it whenever it was installed: the same figure came
# out in other bytes on a machine with it (a batch here) than without (nbval here). Under a name of
# its own, the bundled file is the only match on every machine.
CJK_FONT_FAMILY = "Noto Sans CJK SC (bundled)"
# The note a traditional-script figure carries when no traditional face is installed.
FALLBACK_NOTE = ("No traditional-script face is installed (Debian's fonts-noto-cjk has Noto Sans CJK TC):\n"
                 "drawn in the bundled simplified-script face, which has the same characters in mainland shapes.")
FONT_NOTE_GID = "font-note"  # the note's artist id, for the figure's alt text
# Font files worth opening when matplotlib's font list (a cache, perhaps older than the fonts installed
# since) names no face of a script: CJK sans families only, not every font of the system.
CJK_FILE_HINT = re.compile(r"(?i)cjk|sourcehansans|notosans(tc|hk|sc)|pingfang|msjh|jhenghei|msyh|yahei")
STATUS_COLOURS = {"reproduced": "#2a9d8f", "tension": "#e9c46a", "discrepancy": "#e76f51", "unverifiable": "#8d99ae"}
DOMAIN_COLOURS = {"finance": "#264653", "staffing": "#2a9d8f", "delegation": "#e9c46a", "facilities": "#f4a261", "context": "#8d99ae"}

_applied = False
_registered = False
# The font settings every figure needs, a researcher's own among them: the bundled face first (DejaVu Sans has
# no Chinese), and a hyphen for the minus sign, which Noto Sans CJK SC lacks.
FONT_RC = {"font.family": "sans-serif", "font.sans-serif": [CJK_FONT_FAMILY, "DejaVu Sans"], "axes.unicode_minus": False}


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC font file inside the installed mplfonts package."""
    return Path(str(resources.files("mplfonts") / "fonts" / CJK_FONT_FILE))


def register_font() -> None:
    """Register the bundled CJK font under its own name and make it matplotlib's sans-serif face (idempotent)."""
    global _registered
    if _registered:
        return
    import dataclasses

    import matplotlib
    from matplotlib import font_manager

    path = str(cjk_font_path())
    fonts = font_manager.fontManager
    fonts.addfont(path)
    bundled = next(f for f in fonts.ttflist if f.fname == path)
    # No cached lookup can have asked for this name yet: only the rcParams below name it.
    fonts.ttflist.append(dataclasses.replace(bundled, name=CJK_FONT_FAMILY))
    matplotlib.rcParams.update(FONT_RC)
    _registered = True


class _AfterMatplotlib(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Runs :func:`register_font` once matplotlib's package has loaded: ``import analysis`` stays free of
    matplotlib's import (0.3 s of CPU, and the command line never draws), yet the first figure has the font."""

    def find_spec(self, name, path=None, target=None):
        if name != "matplotlib":
            return None
        sys.meta_path.remove(self)  # once; the real finders locate the package
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        module.__spec__.loader = module.__loader__ = self._loader  # as if loaded plainly (reloads, inspection)
        self._loader.exec_module(module)
        register_font()


def register_font_with_matplotlib() -> None:
    """Have matplotlib draw Chinese with the bundled face: now if it is imported, else as soon as it is."""
    if "matplotlib" in sys.modules:
        register_font()
    elif not any(isinstance(finder, _AfterMatplotlib) for finder in sys.meta_path):
        sys.meta_path.insert(0, _AfterMatplotlib())


def apply_style() -> None:
    """Register the bundled CJK font and set matplotlib/seaborn defaults (idempotent)."""
    global _applied
    if _applied:
        return
    import matplotlib
    import seaborn as sns

    register_font()
    sns.set_theme(style="whitegrid", context="notebook")
    matplotlib.rcParams.update({
        **FONT_RC,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "svg.hashsalt": "township-reform",  # stable ids inside SVG files
        "svg.fonttype": "path",  # SVG text as outlines: renders without the font
    })
    _applied = True


@lru_cache(maxsize=None)
def script_face(script: str) -> str | None:
    """The family name a figure in ``script`` is drawn in, or None when the system has none of its faces.

    A face found is registered under a name of its own, ``"<name> (<script>)"``: like the bundled SC
    font, it is then the only match, whatever else the system names alike (see CJK_FONT_FAMILY).
    """
    if script == HANS:
        return CJK_FONT_FAMILY
    apply_style()
    import dataclasses

    from matplotlib import font_manager

    fonts = font_manager.fontManager
    wanted = SCRIPTS[script].figure_faces
    found = [f for f in fonts.ttflist if f.name in wanted] or list(_system_faces(wanted))
    if not found:
        return None
    # The first family of the list, its regular weight, then the file: the same face on every run of a machine.
    entry = min(found, key=lambda f: (wanted.index(f.name), abs(_weight(f.weight) - 400), f.style != "normal",
                                      f.fname, getattr(f, "index", 0)))
    family = f"{entry.name} ({script})"
    fonts.ttflist.append(dataclasses.replace(entry, name=family))  # a new name: no cached lookup has asked for it
    return family


def _weight(weight) -> int:
    from matplotlib.font_manager import weight_dict

    return weight if isinstance(weight, int) else weight_dict.get(weight, 400)


def _system_faces(wanted: tuple[str, ...]):
    """Faces named in ``wanted`` among the system's CJK font files, each face of a collection (.ttc) apart."""
    from matplotlib import font_manager, ft2font

    for path in sorted(font_manager.findSystemFonts()):
        if not CJK_FILE_HINT.search(Path(path).name):
            continue
        try:
            first = ft2font.FT2Font(path)
            faces = [first] + [ft2font.FT2Font(path, face_index=i) for i in range(1, getattr(first, "num_faces", 1))]
        except (OSError, RuntimeError, TypeError, ValueError):  # unreadable, or a matplotlib without face_index
            continue
        for face in faces:
            entry = font_manager.ttfFontProperty(face)
            if entry.name in wanted:
                yield entry


def figure_fonts(script: str) -> tuple[list[str], str]:
    """The font families a figure in ``script`` is drawn in, and the note to draw on it ("" when none is needed)."""
    face = script_face(script)
    if face is None:
        return [CJK_FONT_FAMILY, "DejaVu Sans"], FALLBACK_NOTE
    return ([face, CJK_FONT_FAMILY, "DejaVu Sans"] if face != CJK_FONT_FAMILY else [CJK_FONT_FAMILY, "DejaVu Sans"]), ""


def use_script(fig, script: str, notes: list[str] | tuple = ()) -> None:
    """Draw every text of ``fig`` in ``script``'s face (the style's default is simplified), and ``notes`` above it,
    with the note that the face fell back when it did."""
    from matplotlib.text import Text

    families, fallback = figure_fonts(script)
    if script != HANS:
        for ax in fig.axes:  # ticks made later (a redraw, a new limit) take their family from here
            ax.tick_params(axis="both", which="both", labelfontfamily=families)
        for text in fig.findobj(Text):
            text.set_fontfamily(families)
    lines = [*notes, *([fallback] if fallback else [])]
    if lines:  # above the figure: below it are the legends
        fig.text(0.01, 1.0, "\n".join(lines), va="bottom", fontsize=7.5, color="#444444", fontfamily=families, gid=FONT_NOTE_GID)


def bilingual(english: str, chinese: str) -> str:
    """A label with the Chinese term beside the English one: "usable funds 可用财力"."""
    return f"{english} {chinese}"


def render(fig, fmt: str = "png") -> bytes:
    """The figure as PNG or SVG bytes, with no timestamps or software versions inside."""
    buffer = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def save_figure(fig, folder: Path, name: str) -> bytes:
    """Write ``fig`` as ``<folder>/<name>.png`` and ``.svg``; return the PNG bytes (to display them)."""
    from analysis.outputs import write_bytes_atomic

    png = render(fig, "png")
    write_bytes_atomic(folder / f"{name}.png", png)
    write_bytes_atomic(folder / f"{name}.svg", render(fig, "svg"))
    return png
