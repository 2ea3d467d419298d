"""Read a report text as UTF-8 or GB18030, and say which; anything else is a clear error."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

ENCODINGS = ("utf-8", "gb18030")


class TextError(ValueError):
    """A report text that cannot be read; the message names the file and what to do."""


def utf16_order(raw: bytes) -> str | None:
    """The byte order ("little-endian" or "big-endian") when ``raw`` is UTF-16 text, else None.

    Windows tools (Excel's "Unicode text", Notepad's "Unicode") save UTF-16: a byte-order mark FF FE or FE FF,
    or without one a NUL beside every ASCII character. Either must decode to text: control characters, private-use
    or unassigned ones mean a binary file or another encoding.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        little, sample = raw[0] == 0xFF, raw[2:4098]
    else:
        sample = raw[:4096]
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if not odd and not even:
            return None
        little = odd > even  # ASCII's high byte is the NUL
    try:  # final=False: the sample may end inside a character
        text = codecs.getincrementaldecoder("utf-16-le" if little else "utf-16-be")().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    # control, private-use or unassigned characters: binary bytes (or another encoding), not UTF-16 text
    if any(c not in "\t\n\r" and unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn") for c in text):
        return None
    return "little-endian" if little else "big-endian"


def read_report(path: Path | str) -> tuple[str, str]:
    """The text of a report file and the encoding it was in ("utf-8" or "gb18030").

    GB18030 is a superset of GBK and GB2312, the encodings Chinese government sites still serve.
    """
    path = Path(path)
    if not path.is_file():
        raise TextError(f"{path}: no such file")
    raw = path.read_bytes()
    order = utf16_order(raw)
    if order:
        raise TextError(f"{path}: UTF-16 text ({order}), not UTF-8; save it as UTF-8 "
                        "(e.g. iconv -f UTF-16 -t UTF-8, or Notepad's Save As with encoding UTF-8)")
    if b"\x00" in raw[:4096]:
        raise TextError(f"{path}: a binary file (NUL bytes), not a report text; save it as UTF-8 text")
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    raise TextError(f"{path}: neither UTF-8 nor GB18030; convert it to UTF-8 (e.g. iconv -f BIG5 -t UTF-8)")
