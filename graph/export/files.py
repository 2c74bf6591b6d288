"""Writing files safely: to a temporary file beside the target, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: str | Path) -> Iterator[BinaryIO]:
    """Open a temporary file for writing; on success it replaces ``path``, on error it vanishes.

    A failed export therefore never leaves a broken or half-written file behind.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_writer(target) as handle:
    ...     _ = handle.write(b"done")
    >>> target.read_bytes()
    b'done'
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        # mkstemp creates the file 0600; give it the mode a plain open() would (0666 less umask).
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def utf8(chunks: Iterable[str]) -> Iterator[bytes]:
    """Encode a stream of text chunks as UTF-8, chunk by chunk (nothing is joined in memory).

    Examples
    --------
    >>> b"".join(utf8(["<a>", "é", "</a>"]))
    b'<a>\\xc3\\xa9</a>'
    """
    for chunk in chunks:
        yield chunk.encode("utf-8")


def write_chunks(path: str | Path, chunks: Iterable[bytes]) -> int:
    """Write ``chunks`` atomically to ``path``; the number of bytes written."""
    written = 0
    with atomic_writer(path) as handle:
        for chunk in chunks:
            written += handle.write(chunk)
    return written
