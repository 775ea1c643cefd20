"""Reading an article's bytes from a path or standard input, with errors a user can act on."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from articles.decoding import DecodeError, decode_bytes

MAX_BYTES = 50 * 1024 * 1024
STDIN = "-"


class LoadError(Exception):
    """An input that cannot be read as an article; ``str()`` is the one-line reason."""


def read_bytes(ref: str) -> bytes:
    """The bytes behind ``ref`` (a path, or ``-`` for standard input), refusing oversized input."""
    if ref == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(ref)
        if not path.exists():
            raise LoadError(f"{ref}: no such file")
        if path.is_dir():
            raise LoadError(f"{ref}: is a directory")
        try:
            with path.open("rb") as handle:
                if os.fstat(handle.fileno()).st_size > MAX_BYTES:  # refused without reading 50 MB first
                    raise LoadError(f"{ref}: larger than {MAX_BYTES // (1024 * 1024)} MB, not read")
                data = handle.read(MAX_BYTES + 1)
        except PermissionError as exc:
            raise LoadError(f"{ref}: permission denied") from exc
        except OSError as exc:
            raise LoadError(f"{ref}: {exc.strerror or exc}") from exc
    if len(data) > MAX_BYTES:
        raise LoadError(f"{ref}: larger than {MAX_BYTES // (1024 * 1024)} MB, not read")
    return data


def read_text(ref: str) -> str:
    """Decoded text of ``ref``; ``LoadError`` names the input and the reason."""
    data = read_bytes(ref)
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        name = "standard input" if ref == STDIN else ref
        raise LoadError(f"{name}: {exc}") from exc
