"""Read a report text as UTF-8 or GB18030, and say which; anything else is a clear error."""

from __future__ import annotations

from pathlib import Path

ENCODINGS = ("utf-8", "gb18030")


class TextError(ValueError):
    """A report text that cannot be read; the message names the file and what to do."""


def read_report(path: Path | str) -> tuple[str, str]:
    """The text of a report file and the encoding it was in ("utf-8" or "gb18030").

    GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites still serve.
    """
    path = Path(path)
    if not path.is_file():
        raise TextError(f"{path}: no such file")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise TextError(f"{path}: a binary file (NUL bytes), not a report text; save it as UTF-8 text")
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    raise TextError(f"{path}: neither UTF-8 nor GB18030; convert it to UTF-8 (e.g. iconv -f BIG5 -t UTF-8)")
