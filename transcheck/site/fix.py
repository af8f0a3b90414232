"""`transcheck fix --lang-tags`: the mechanical repair of a page's language fields.

One language field keeps the expected code, spelled with the key and quoting the
file already uses; case-variant duplicates of it are removed; other language
fields that name another language get the expected code.

Edits are spans, never lines: the parser says where each value (and each entry)
is written, and exactly that text is replaced or removed, so keys that share a
line (JSON, a YAML flow mapping) and an anchor before a value (``&l se``) stay.
The result is parsed again and written only when every other key keeps its
value. Writing goes through symlinks to their target, keeps hard links, owner,
group and mode, and is refused when the file changed while it was being fixed.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tempfile
import time
from pathlib import Path, PurePath
from typing import Any

from msgspec import Struct

import yaml

from transcheck.lazyre import lazy_compile
from transcheck.document.frontmatter import Located, locate_entries, split_front_matter
from transcheck.languages.declared import LANGUAGE_KEYS, from_file_name, from_path
from transcheck.languages.tags import family, parse_tag, verdict
from transcheck.document.model import FrontMatterEntry
from transcheck.document.read import parse_text
from transcheck.document.source import InputError, decode

_UNCHANGED = "not changed: "


class FixResult(Struct, frozen=True):
    path: str
    before: str
    after: str
    note: str = ""  # why nothing was done, when nothing was
    remarks: tuple[str, ...] = ()  # fields left alone on purpose, said once each

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self) -> str:
        lines = difflib.unified_diff(
            lines_with_ends(self.before),
            lines_with_ends(self.after),
            fromfile=f"a/{self.path.lstrip('/')}",
            tofile=f"b/{self.path.lstrip('/')}",
        )
        # a last line without "\n" is marked as diff and patch do (else the next file's diff joins it)
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def lines_with_ends(text: str) -> list[str]:
    """Lines split on "\\n" only: U+2028 or U+0085 inside a value is no line break."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return lines + [parts[-1]] if parts[-1] else lines


class _Edit(Struct, frozen=True):
    start: int  # offsets into the text with "\r\n" read as "\n"
    end: int
    replacement: str


# --- which language a file is in -------------------------------------------------


class Expected(Struct, frozen=True):
    code: str | None
    source: str  # where it was learnt: "--lang", "file name", "content folder", "site config"
    need: str = ""  # when code is None: what fix would need to know it


def expected_for_fix(path: str, override: str | None = None) -> Expected:
    """The language ``fix`` may write into a file, only from what says so for certain.

    ``--lang``, the file-name suffix (``x.sv.md``), the folder right after a folder
    named ``content`` (``content/sv/``) or the site's Hugo config. A two-letter
    folder elsewhere (``no/page.md``, a site copied into ``ss/``) is only a guess:
    ``fix`` then writes nothing and says it needs ``--lang``.
    """
    if override:
        return Expected(parse_tag(override) or override, "--lang")
    code = from_file_name(path)
    if code:
        return Expected(code, "file name")
    code = _after_content_folder(path)
    if code:
        return Expected(code, "content folder")
    code = _from_site_config(path)
    if code:
        return Expected(code, "site config")
    guess = from_path(path)
    if guess:
        return Expected(None, "", f"the folder name suggests {guess!r}, which is only a guess: say it with --lang {guess}")
    return Expected(None, "", "name it x.sv.md, put it under content/sv/ or use --lang")


def _after_content_folder(path: str) -> str | None:
    parts = PurePath(path).parent.parts
    for index in range(len(parts) - 1, 0, -1):
        if parts[index - 1] == "content":
            return parse_tag(parts[index]) if re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z]{2})?", parts[index]) else None
    return None


def _from_site_config(path: str) -> str | None:
    """The language the Hugo site the page belongs to gives it (contentDir, mounts, default)."""
    from transcheck.site.config import Config
    from transcheck.site.layout import _inside, find_site_root, load_hugo_layout, page_of

    try:
        root = find_site_root(Path(path))
        if root is None:
            return None
        layout = load_hugo_layout(root)
        resolved = Path(path).resolve()
        if not any(_inside(resolved, folder) for folders in layout.content_dirs.values() for folder in folders):
            return None  # a file of the site's repository that is no page of it
        language = page_of(path, layout, Config()).language
    except (OSError, ValueError):
        return None
    return parse_tag(language) if language and language != "und" else None


# --- the repair ------------------------------------------------------------------


def fix_text(text: str, path: str, expected: str, aliases: dict[str, str] | None = None) -> FixResult:
    """Repair the language fields of ``text`` (the file's text, line endings as they are)."""
    norm = text.replace("\r\n", "\n")
    if "\r" in norm:
        return FixResult(path, text, text, _UNCHANGED + "the file has carriage returns that end no line (a lone \\r)")
    try:
        doc = parse_text(norm, path)
        split = split_front_matter(norm, path)
        located = locate_entries(split, path)
    except InputError as error:
        return FixResult(path, text, text, _UNCHANGED + error.message)
    except (RecursionError, ValueError) as error:
        return FixResult(path, text, text, _UNCHANGED + f"the front matter cannot be read ({error})")
    base = 0 if split.format == "json" else norm.index("\n") + 1  # where split.text starts
    entries = doc.front_matter.entries
    by_place = {(e.key, e.line): e for e in entries}
    fields: list[tuple[Located, FrontMatterEntry]] = []
    remarks: list[str] = []
    for place in located:
        if place.key.lower() not in LANGUAGE_KEYS or place.key.lower() == "languagename":
            continue
        line = split.first_line + split.text.count("\n", 0, place.key_start)
        entry = by_place.get((place.key, line))
        why = _why_left_alone(place)
        if why or entry is None:
            remarks.append(f"{place.key} on line {line} left alone: {why or 'its value could not be matched'}")
            continue
        fields.append((place, entry))
    if not fields:
        note = "no language field in the front matter" if not remarks else "no language field it can edit"
        return FixResult(path, text, text, _UNCHANGED + note, tuple(remarks))

    edits: list[_Edit] = []
    removed: set[int] = set()  # id() of entries removed
    replaced: set[int] = set()
    kept: set[str] = set()  # the first of each key, case-insensitively: Hugo reads only one
    for place, entry in fields:
        if entry.key.lower() in kept:
            edits.append(_removal(place, located, split, base, norm))  # "Language" beside "language"
            removed.add(id(entry))
            continue
        kept.add(entry.key.lower())
        judged = verdict(entry.value, entry.raw, aliases or {}, expected)
        if judged.tag and judged.problem is None and family(judged.tag) == family(expected):
            continue  # already right ("sv-SE" on a Swedish page stays)
        edits.append(_replacement(place, split, base, norm, expected))
        replaced.add(id(entry))
    if not edits:
        return FixResult(path, text, text, remarks=tuple(remarks))

    edits.sort(key=lambda e: e.start)
    if any(a.end > b.start for a, b in zip(edits, edits[1:])):
        return FixResult(path, text, text, _UNCHANGED + "two edits would overlap", tuple(remarks))
    after_norm = _apply(norm, edits)
    problem = _verify(after_norm, path, entries, removed, replaced, expected, norm, split)
    if problem:
        return FixResult(path, text, text, _UNCHANGED + problem, tuple(remarks))
    return FixResult(path, text, _apply(text, [_to_original(e, text) for e in edits]), remarks=tuple(remarks))


def _why_left_alone(place: Located) -> str:
    if place.kind == "table":
        return "it is a table, not a language code"
    if place.kind == "collection":
        return "its value is a list or mapping, not a language code"
    if place.kind in ("alias", "merge"):
        return "its value is an alias of one written elsewhere"
    if place.style in ("|", ">", '"""', "'''"):
        return "its value is a block or multi-line string"
    return ""


_YAML_PROPERTIES = lazy_compile(r"(?:[&!]\S*[ \t]*)*")  # an anchor (&l) and/or a tag (!!str) before a value


def _replacement(place: Located, split: Any, base: int, norm: str, code: str) -> _Edit:
    """Replace exactly the scalar (after any anchor or tag); an empty value gets one."""
    start, end = base + place.value_start, base + place.value_end
    if split.format == "yaml":
        start = _YAML_PROPERTIES.match(norm, start, end).end()  # type: ignore[union-attr]
    old = norm[start:end]
    new = _new_value(old, code, split.format, place.style)
    if not old.strip() and norm[start - 1 : start] not in (" ", "\t"):
        new = " " + new  # "lang:" → "lang: sv", never "langsv:" or "lang:sv"
    return _Edit(start, end, new)


def _new_value(old: str, code: str, fmt: str, style: str) -> str:
    """The code written the way the old value was written (quotes kept)."""
    if style in ('"', "'") and old[:1] == style:
        return f"{style}{code}{style}"
    if fmt == "yaml":
        try:
            plain_ok = yaml.safe_load(code) == code  # "no", "on", "1e3" would be read as something else
        except yaml.YAMLError:
            plain_ok = False
        return code if plain_ok else f'"{code}"'
    return f'"{code}"'


def _removal(place: Located, located: list[Located], split: Any, base: int, norm: str) -> _Edit:
    """The span of a whole entry: with its comma when entries share lines, else its lines."""
    index = located.index(place)
    if place.flow:
        if index > 0:  # ', "Lang": "en"' after the previous value
            return _Edit(base + located[index - 1].value_end, base + place.value_end, "")
        if index + 1 < len(located):  # '"Lang": "en", ' before the next key
            return _Edit(base + place.key_start, base + located[index + 1].key_start, "")
        return _Edit(base + place.key_start, base + place.value_end, "")
    start = norm.rfind("\n", 0, base + place.key_start) + 1
    end = base + place.value_end
    if not (end > start and norm[end - 1] == "\n"):  # a block scalar ends at the next line's start
        newline = norm.find("\n", end)
        end = len(norm) if newline < 0 else newline + 1
    return _Edit(start, end, "")


def _apply(text: str, edits: list[_Edit]) -> str:
    out, at = [], 0
    for edit in edits:
        out.append(text[at : edit.start])
        out.append(edit.replacement)
        at = edit.end
    out.append(text[at:])
    return "".join(out)


def _to_original(edit: _Edit, original: str) -> _Edit:
    """Offsets in the "\\n" text → offsets in the file's text, where lines may end in "\\r\\n"."""
    return _Edit(_original_offset(edit.start, original), _original_offset(edit.end, original), edit.replacement)


def _original_offset(position: int, original: str) -> int:
    # each "\r\n" before the position was one character shorter in the "\n" text
    crlf = 0
    for match in re.finditer("\r\n", original):
        if match.start() - crlf >= position:
            break
        crlf += 1
    return position + crlf


def _verify(
    after: str,
    path: str,
    entries: list[FrontMatterEntry],
    removed: set[int],
    replaced: set[int],
    expected: str,
    before: str,
    split: Any,
) -> str:
    """Why the edited text must not be written ("" when it may): it must parse, keep the
    body, and every key but the intended ones must keep its value."""
    try:
        new_doc = parse_text(after, path)
    except InputError as error:
        return f"the edited front matter would not parse ({error.message}); please report this"
    body_old = before[_front_matter_end(before, split) :]
    if not after.endswith(body_old):
        return "the edit would reach past the front matter; please report this"
    old = [e for e in entries if id(e) not in removed]
    new = new_doc.front_matter.entries
    if [e.key for e in old] != [e.key for e in new]:
        return f"the keys would change ({', '.join(e.key for e in old)} → {', '.join(e.key for e in new)})"
    for before_entry, after_entry in zip(old, new):
        if id(before_entry) in replaced or (
            before_entry.key.lower() in LANGUAGE_KEYS and _same(after_entry.value, expected)
        ):
            if not _same(after_entry.value, expected):
                return f"{after_entry.key} would read {after_entry.value!r}, not {expected!r}"
            continue
        if not _same(before_entry.value, after_entry.value):
            return (
                f"{before_entry.key} (line {before_entry.line}) would change from {before_entry.value!r} to "
                f"{after_entry.value!r} (an alias of an edited value?)"
            )
    return ""


def _front_matter_end(text: str, split: Any) -> int:
    """Where the text after the front matter begins (the closing fence's line, for --- and +++)."""
    if split.format == "json":
        return len(split.text)
    return len(text.split("\n", 1)[0]) + 1 + len(split.text) + (1 if split.text else 0)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and (a == b or repr(a) == repr(b))


# --- reading and writing -------------------------------------------------------


class ReadFile(Struct, frozen=True):
    """A page as read for fixing, with what is needed to notice a change before writing."""

    path: str  # as given
    target: str  # the file itself: symlinks resolved
    text: str  # line endings as they are, without BOM
    prefix: bytes  # the BOM
    encoding: str
    data: bytes
    size: int = 0
    mtime_ns: int = 0


def read_for_fix(path: str) -> ReadFile:
    """Read a page for fixing. Raises :class:`InputError` when it is not a readable text file."""
    target = os.path.realpath(path)
    try:
        before = os.stat(target)
        if not _is_regular(before.st_mode):
            raise InputError(path, "not a regular file")
        with open(target, "rb") as handle:
            data = handle.read()
            after = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied: cannot read the file") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}") from None
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or len(data) != after.st_size:
        raise InputError(path, "the file changed while it was read")
    decode(data, path)  # raises InputError for binary or undecodable files
    if data.startswith(b"\xef\xbb\xbf"):
        text, prefix, encoding = data[3:].decode("utf-8"), b"\xef\xbb\xbf", "utf-8"
    else:
        for bom, name in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
            if data.startswith(bom):
                text, prefix, encoding = data[2:].decode(name), bom, name
                break
        else:
            text, prefix, encoding = data.decode("utf-8"), b"", "utf-8"
    return ReadFile(path, target, text, prefix, encoding, data, after.st_size, after.st_mtime_ns)


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


class WriteRefused(Exception):
    """The file was not written, and is as it was; the message says why."""


def _unchanged_since_read(read: ReadFile, handle_stat: os.stat_result | None = None) -> str:
    """'' when the file is still what was read (size, mtime and content), else what changed."""
    try:
        now = handle_stat or os.stat(read.target)
        if (now.st_size, now.st_mtime_ns) != (read.size, read.mtime_ns):
            return "the file changed since it was read (size or time differs)"
        with open(read.target, "rb") as handle:
            if hashlib.sha256(handle.read()).digest() != hashlib.sha256(read.data).digest():
                return "the file changed since it was read (its content differs)"
    except OSError as error:
        return f"the file cannot be read again: {error.strerror or error}"
    return ""


def write_safely(read: ReadFile, new_text: str) -> None:
    """Write ``new_text`` over the page ``read`` came from, or raise :class:`WriteRefused`.

    A temporary file beside the target (the symlink's target, not the link) gets the
    new bytes, the owner, group and mode; it is renamed over the target only if the
    target is still exactly what was read. The old file is held by a second name
    meanwhile: a write that reached it during the rename (another process
    appending) is noticed, and the old file is put back. A file with several hard
    links is written in place instead, after the temporary copy was verified, so
    every link keeps seeing it.
    """
    data = read.prefix + new_text.encode(read.encoding)
    target = Path(read.target)
    try:
        info = os.stat(target)
    except OSError as error:
        raise WriteRefused(f"cannot stat the file: {error.strerror or error}") from None
    temp = _temporary_copy(target, data, info)
    try:
        if info.st_nlink > 1:
            _write_in_place(read, target, data)
        else:
            _replace(read, target, temp, len(data))
    finally:
        Path(temp).unlink(missing_ok=True)


def _temporary_copy(target: Path, data: bytes, info: os.stat_result) -> str:
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if (info.st_uid, info.st_gid) != (os.stat(handle.name).st_uid, os.stat(handle.name).st_gid):
            try:
                os.chown(handle.name, info.st_uid, info.st_gid)
            except PermissionError:
                raise WriteRefused("cannot keep the file's owner and group (run as its owner)") from None
        os.chmod(handle.name, info.st_mode & 0o7777)
        if Path(handle.name).read_bytes() != data:
            raise WriteRefused("the temporary copy does not read back as written")
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return handle.name


def _replace(read: ReadFile, target: Path, temp: str, written: int) -> None:
    held = f"{temp}.old"
    try:
        os.link(target, held)  # a second name for the old file, to put it back if it is written to
    except OSError:
        held = ""
    try:
        with open(target, "rb") as old:
            changed = _unchanged_since_read(read, os.fstat(old.fileno()))
            if changed:
                raise WriteRefused(changed)
            os.replace(temp, target)
            # a process that still has the old file open may write to it after the rename:
            # that would be lost, so the old file is put back (the scan comes before the
            # size check: a writer that closed before the scan has already written)
            holder = _open_elsewhere(os.fstat(old.fileno()))
            late = os.fstat(old.fileno())
        if holder or (late.st_size, late.st_mtime_ns) != (read.size, read.mtime_ns):
            _put_back(target, held, written)
            why = "another process has it open" if holder else "it was written to while it was being fixed"
            raise WriteRefused(f"{why}; it was put back as it is now")
    finally:
        if held:
            Path(held).unlink(missing_ok=True)


def _open_elsewhere(info: os.stat_result) -> bool:
    """Whether another process has this file open (Linux: /proc; elsewhere not known: False)."""
    me = str(os.getpid())
    try:
        pids = [name for name in os.listdir("/proc") if name.isdigit() and name != me]
    except OSError:
        return False
    for pid in pids:
        try:
            descriptors = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue  # gone, or not ours to look at
        for fd in descriptors:
            try:
                other = os.stat(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                return True
    return False


def _put_back(target: Path, held: str, new_size: int) -> None:
    """Another process wrote to the old file during the rename: make it the file again,
    with anything that went to the new one appended - also what a writer that still has
    the new one open writes after the old one is back (it would be lost with that file)."""
    if not held:
        raise WriteRefused("the file was written to while it was being fixed, and could not be put back")
    with open(target, "rb") as new:
        new.seek(new_size)
        extra = new.read()
        if extra:
            with open(held, "ab") as old:
                old.write(extra)
        os.replace(held, target)
        # the new file is no one's now, but a writer may hold it open: follow it until no one
        # does, appending what it writes to the file that is back (a few seconds at the most)
        deadline = time.monotonic() + 5
        while True:
            holder = _open_elsewhere(os.fstat(new.fileno()))
            more = new.read()
            if more:
                with open(target, "ab") as back:
                    back.write(more)
            if not holder:
                more = new.read()  # written between the last read and the writer's close
                if more:
                    with open(target, "ab") as back:
                        back.write(more)
                return
            if time.monotonic() > deadline:
                raise WriteRefused("another process keeps the file open; what it wrote so far is in the file")
            time.sleep(0.005)


def _write_in_place(read: ReadFile, target: Path, data: bytes) -> None:
    with open(target, "r+b") as handle:
        if _open_elsewhere(os.fstat(handle.fileno())):
            raise WriteRefused("another process has it open")
        changed = _unchanged_since_read(read, os.fstat(handle.fileno()))
        if changed:
            raise WriteRefused(changed)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    if target.read_bytes() != data:
        raise WriteRefused("the file does not read back as written (another process wrote to it?)")
