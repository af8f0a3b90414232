"""`transcheck fix --lang-tags`: the mechanical repair of a page's language fields.

One language field keeps the expected code, spelled with the key and quoting the
file already uses; case-variant duplicates of it are removed; other language
fields that name another language get the expected code. Every other byte of
the file stays as it was (comments, order, quoting, line endings, BOM), and the
file is replaced atomically. A file whose front matter cannot be parsed is not
touched.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .langs import LANGUAGE_KEYS
from .langtags import family, verdict
from .parse import parse_text
from .source import InputError, decode

_YAML_11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false"}


@dataclass(frozen=True)
class FixResult:
    path: str
    before: str
    after: str
    note: str = ""  # why nothing was done, when nothing was

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.path.lstrip('/')}",
                tofile=f"b/{self.path.lstrip('/')}",
            )
        )


def _new_value(raw: str, code: str, fmt: str) -> str:
    """The code written the way the old value was written (quotes kept)."""
    stripped = raw.strip()
    if stripped[:1] in ("'", '"') and stripped[-1:] == stripped[:1]:
        return f"{stripped[0]}{code}{stripped[0]}"
    if fmt != "yaml" or code.lower() in _YAML_11_WORDS:
        return f'"{code}"'
    return code


def fix_text(text: str, path: str, expected: str, aliases: dict[str, str] | None = None) -> FixResult:
    """Repair the language fields of ``text`` (the file's text, line endings as they are)."""
    try:
        doc = parse_text(text, path)
    except InputError as error:
        return FixResult(path, text, text, f"not changed: {error.message}")
    fields = [
        e for e in doc.front_matter.entries if e.key.lower() in LANGUAGE_KEYS and e.key.lower() != "languagename"
    ]
    if not fields:
        return FixResult(path, text, text, "not changed: no language field in the front matter")
    lines = text.splitlines(keepends=True)
    keep = fields[0]
    edits: dict[int, str | None] = {}  # line index → new line (None: remove)
    for entry in fields:
        index = entry.line - 1
        line = lines[index] if index < len(lines) else ""
        if "\n" in entry.raw.strip() or entry.raw.strip() not in line:
            return FixResult(path, text, text, f"not changed: the value of {entry.key} on line {entry.line} spans lines")
        if entry is not keep and entry.key.lower() == keep.key.lower():
            edits[index] = None  # "Language" beside "language": one field is enough
            continue
        judged = verdict(entry.value, entry.raw, aliases or {}, expected)
        if judged.tag and judged.problem is None and family(judged.tag) == family(expected):
            continue  # already right ("sv-SE" on a Swedish page stays)
        current = entry.raw.strip()
        start = line.index(current, line.index(entry.key) + len(entry.key))
        replacement = _new_value(current, expected, doc.front_matter.format)
        edits[index] = line[:start] + replacement + line[start + len(current) :]
    after = "".join(edits[i] or "" if i in edits else line for i, line in enumerate(lines))
    return FixResult(path, text, after)


def read_for_fix(path: str) -> tuple[str, bytes, str]:
    """(text with line endings as they are, the bytes that preceded it, encoding)."""
    data = Path(path).read_bytes()
    decode(data, path)  # raises InputError for binary or undecodable files
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), b"\xef\xbb\xbf", "utf-8"
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(encoding), bom, encoding
    return data.decode("utf-8"), b"", "utf-8"


def write_atomically(path: str, prefix: bytes, text: str, encoding: str) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", delete=False)
    try:
        with handle:
            handle.write(prefix + text.encode(encoding))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, target.stat().st_mode & 0o7777)
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
