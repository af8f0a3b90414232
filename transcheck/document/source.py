"""Reading a file into text: the only place that knows about bytes and encodings."""

from __future__ import annotations

import os
import stat

import codecs
from pathlib import Path

from msgspec import Struct


DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read or parsed; carries the path and line where known."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SourceText(Struct, frozen=True):
    path: str
    text: str  # newlines normalised to "\n", BOM removed
    encoding: str
    newline: str  # the dominant line ending in the file, for tools that write back


def decode(data: bytes, path: str) -> SourceText:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

    Anything else is an :class:`InputError` naming the line of the first bad byte,
    because guessing a legacy encoding silently would compare garbage.
    """
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        encoding = "utf-32"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    if encoding.startswith("utf-8") and b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError(path, "binary content (NUL byte): not a text file", line)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path,
            f"not valid {encoding.upper().replace('-SIG', '')} text "
            f"(byte 0x{data[error.start]:02x} at offset {error.start}); save it as UTF-8",
            line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError(path, "binary content (NUL byte): not a text file", line)
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A BOM in the middle of the text is an invisible character that would end up
    # inside a heading or a key; it carries no meaning there.
    text = text.replace("\ufeff", "")
    return SourceText(path=path, text=text, encoding=encoding, newline=newline)


def read_source(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read a file for checking. Never writes; raises :class:`InputError` on any failure."""
    name = str(path)
    try:
        p = Path(path)
        if p.is_dir():
            raise InputError(name, "is a directory, not a Markdown file")
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                name,
                f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                "(raise it with --max-file-size)",
            )
        # opened without blocking and checked before reading: a FIFO or device named x.md
        # would otherwise block forever or never end
        descriptor = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(name, "not a regular file (a FIFO, socket or device): not read")
            # read(n) allocates n bytes before it reads: ask for the size stat gave (plus one), and
            # only for a file that grew since, on up to the limit as before
            wanted = size + 1
            data = handle.read(wanted)
            if len(data) == wanted and wanted <= max_bytes:
                data += handle.read(max_bytes + 1 - wanted)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied: cannot read the file") from None
    except OSError as error:
        raise InputError(name, f"cannot read the file: {error.strerror or error}") from None
    return decode(data, name)
