"""Write output files atomically, so an interrupted run never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import: umask can only be read by setting it, and flipping it on every write
# would race with files other threads (Dask workers run jobs in threads) create meanwhile.
FILE_MODE = 0o666 & ~_umask()


def write_atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Have ``write`` fill a temporary file in ``path``'s folder, then rename it to ``path``.

    For writers that take a path (pandas' to_excel, to_stata ...). The file gets the permissions a
    plain ``open`` would give (0644 under the usual umask): mkstemp's owner-only 0600 would make a
    served site answer 403 to any other user.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise named(err, path) from err
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError) and err.filename in (None, tmp):  # not another file the writer read
            raise named(err, path) from err
        raise
    return path


def named(err: OSError, path: Path) -> OSError:
    """``err`` naming ``path``: a full disk fails a write with no file name ("[Errno 28] No space left on
    device"), a refused temporary file names a random one; the file meant is the one to report."""
    if err.errno is None:
        return OSError(f"{path}: {err or type(err).__name__}")
    return OSError(err.errno, err.strerror or str(err), str(path))  # the subclass the errno calls for (PermissionError ...)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    write_atomic(path, lambda tmp: tmp.write_bytes(data))


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_chunks_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write the UTF-8 text of ``chunks`` to ``path`` atomically, one chunk at a time.

    For pages that grow with the data (the site index: about 50 MB at 2,800 counties while it listed every
    fact, 2.2 MB since it leaves them to the ledger pages): joined into one
    string first, the page was held three times over (rows, the joined string, its bytes).
    """
    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as f:  # newline="": "\n" as written, on every OS
            f.writelines(chunks)

    write_atomic(path, write)
