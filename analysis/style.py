"""One figure style: a bundled CJK font (no system font needed), bilingual labels, stable files."""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"  # shipped by the mplfonts wheel
CJK_FONT_NAME = "Noto Sans CJK SC"
# The name figures ask for. fonts-noto-cjk's NotoSansCJK-Regular.ttc has a face named "Noto Sans CJK SC"
# too, with other glyph data, and matplotlib took it whenever it was installed: the same figure came
# out in other bytes on a machine with it (a batch here) than without (nbval here). Under a name of
# its own, the bundled file is the only match on every machine.
CJK_FONT_FAMILY = "Noto Sans CJK SC (bundled)"
STATUS_COLOURS = {"reproduced": "#2a9d8f", "tension": "#e9c46a", "discrepancy": "#e76f51", "unverifiable": "#8d99ae"}
DOMAIN_COLOURS = {"finance": "#264653", "staffing": "#2a9d8f", "delegation": "#e9c46a", "facilities": "#f4a261", "context": "#8d99ae"}

_applied = False


def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK SC font file inside the installed mplfonts package."""
    return Path(str(resources.files("mplfonts") / "fonts" / CJK_FONT_FILE))


def apply_style() -> None:
    """Register the bundled CJK font and set matplotlib/seaborn defaults (idempotent)."""
    global _applied
    if _applied:
        return
    import dataclasses

    import matplotlib
    import seaborn as sns
    from matplotlib import font_manager

    path = str(cjk_font_path())
    fonts = font_manager.fontManager
    fonts.addfont(path)
    bundled = next(f for f in fonts.ttflist if f.fname == path)
    # No cached lookup can have asked for this name yet: only the rcParams below name it.
    fonts.ttflist.append(dataclasses.replace(bundled, name=CJK_FONT_FAMILY))
    sns.set_theme(style="whitegrid", context="notebook")
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [CJK_FONT_FAMILY, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "svg.hashsalt": "township-reform",  # stable ids inside SVG files
        "svg.fonttype": "path",  # SVG text as outlines: renders without the font
    })
    _applied = True


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
