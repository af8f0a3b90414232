"""Text (or a file) → :class:`Document`: the one entry point to the model."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from transcheck.document.frontmatter import parse_front_matter, split_front_matter
from transcheck.document.markdown import parse_blocks
from transcheck.document.model import Document, FrontMatter
from transcheck.document.sections import build_body
from transcheck.document.source import DEFAULT_MAX_BYTES, InputError, decode, read_source

__all__ = ["InputError", "parse_text", "parse_file", "parse_bytes", "read_front_matter", "collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while a page is parsed (and while a pair is compared).

    Parsing makes hundreds of thousands of small objects (mistune's token dicts, the
    model) and no reference cycles; each collection the allocations trigger walks
    everything alive, which took a third of the time of parsing a 6 MiB page.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse_text(text: str, path: str = "<text>") -> Document:
    """Parse Markdown text with optional front matter. Raises :class:`InputError`."""
    with collector_paused():
        return _parse_text(text, path)


def _parse_text(text: str, path: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    split = split_front_matter(text, path)
    front_matter = parse_front_matter(split, path)
    # the body from its first line, without a list of every line (a large page has a million)
    parts = text.split("\n", split.body_line - 1) if split.body_line > 1 else [text]
    body_text = parts[-1] if len(parts) == max(split.body_line, 1) else ""
    del parts
    items, problems = parse_blocks(body_text, split.body_line)
    line_count = text.count("\n") + 1 - (1 if text.endswith("\n") else 0)
    return Document(
        path=path,
        front_matter=front_matter,
        body=build_body(items),
        line_count=max(line_count, 0),
        problems=problems,
        body_start_line=split.body_line,
        text=text,
    )


def parse_bytes(data: bytes, path: str) -> Document:
    return parse_text(decode(data, path).text, path)


def parse_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    source = read_source(path, max_bytes)
    return parse_text(source.text, str(path))


def read_front_matter(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> FrontMatter:
    """Only a file's front matter (its body is not parsed). Raises :class:`InputError`."""
    text = read_source(path, max_bytes).text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return parse_front_matter(split_front_matter(text, str(path)), str(path))
