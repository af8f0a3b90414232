"""Front matter (YAML ``---``, TOML ``+++``, JSON ``{``) with the line of every key.

Why not python-frontmatter's loader: it strips the text (body lines are lost),
keeps only the last of duplicate keys and gives no key lines. The checker must
see every key where it is written, so YAML is read with PyYAML's composer (node
level, marks and duplicates kept), TOML with ``tomllib`` plus a scanner that
finds where each top-level key and value is written, JSON with ``json`` keeping
duplicate pairs.

Positions are character offsets into the front matter's text; a line is the
number of ``"\\n"`` before an offset plus one. PyYAML's own line numbers also
count U+0085, U+2028 and U+2029 as line breaks (YAML 1.1 does), editors and
Hugo do not, so they are never used.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from msgspec import Struct


import yaml

from transcheck.lazyre import lazy_compile
from transcheck.document.lines import LineIndex
from transcheck.document.model import FrontMatter, FrontMatterEntry, FrontMatterFormat, ValueKind
from transcheck.document.source import InputError

MAX_YAML_NODES = 100_000  # expanded size; stops "billion laughs" alias bombs
MAX_DEPTH = 100  # nesting levels of a value; deeper front matter is refused, not recursed into
# libyaml's parser when PyYAML was built with it (ten times faster), else the pure one
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_YAML_OPEN = lazy_compile(r"---[ \t]*$")
_YAML_CLOSE = lazy_compile(r"(---|\.\.\.)[ \t]*$")
_TOML_FENCE = lazy_compile(r"\+\+\+[ \t]*$")
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, with values a page may hold that PyYAML cannot turn into Python kept as text."""


def _timestamp_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    # "2026-02-30" and "2026-13-45" match YAML's timestamp pattern but are no dates: keep the text
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


def _binary_as_text(loader: Any, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))  # the base64 text as written: comparable, printable


def _set_as_list(loader: Any, node: yaml.MappingNode) -> list[Any]:
    return [loader.construct_object(key, deep=True) for key, _ in node.value]  # in the written order


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_Loader.add_constructor("tag:yaml.org,2002:binary", _binary_as_text)
_Loader.add_constructor("tag:yaml.org,2002:set", _set_as_list)


class Split(Struct, frozen=True):
    """Where the front matter sits in the text (0-based line indexes)."""

    format: FrontMatterFormat
    text: str  # the front matter's own text (without delimiters)
    first_line: int  # 1-based file line where ``text`` begins
    end_line: int  # 1-based line of the closing delimiter, 0 when none
    body_line: int  # 1-based line where the body begins


class Located(Struct, frozen=True):
    """Where one top-level entry is written, as offsets into :attr:`Split.text`.

    ``kind`` is ``scalar``, ``collection`` (a list or mapping written as the value),
    ``table`` (a TOML ``[table]`` or dotted key), ``alias`` (a YAML ``*alias``: the
    value is written elsewhere) or ``merge`` (a YAML ``<<`` merge key). ``style`` is
    the quoting of a scalar: ``"``, ``'``, ``\"\"\"``, ``'''``, ``|``, ``>`` or ``""``
    (plain). ``flow`` is true when entries may share a line (a YAML flow mapping,
    JSON): an entry is then removed with its comma, not with its line.
    """

    key: str
    key_start: int
    value_start: int
    value_end: int
    kind: str
    style: str
    flow: bool


def split_front_matter(text: str, path: str) -> Split:
    lines = text.split("\n")
    first = lines[0] if lines else ""
    if _YAML_OPEN.match(first):
        return _split_fenced(lines, "yaml", _YAML_CLOSE, path)
    if _TOML_FENCE.match(first):
        return _split_fenced(lines, "toml", _TOML_FENCE, path)
    if first.lstrip().startswith("{") and not first.lstrip().startswith("{{"):
        return _split_json(text, path)
    return Split("none", "", 1, 0, 1)


def _split_fenced(lines: list[str], fmt: FrontMatterFormat, close: re.Pattern[str], path: str) -> Split:
    for index in range(1, len(lines)):
        if close.match(lines[index]):
            return Split(fmt, "\n".join(lines[1:index]), 2, index + 1, index + 2)
    raise InputError(
        path, f"{fmt.upper()} front matter opened on line 1 is never closed", 1
    )


def _split_json(text: str, path: str) -> Split:
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        raise InputError(path, f"malformed JSON front matter: {error.msg}", error.lineno) from None
    except RecursionError:
        raise InputError(path, _too_deep("JSON"), 1) from None
    except ValueError as error:
        raise InputError(path, f"JSON front matter: {_value_problem(error)}", 1) from None
    end_line = text.count("\n", 0, end) + 1
    return Split("json", text[:end], 1, end_line, end_line + 1)


def _too_deep(fmt: str) -> str:
    return f"{fmt} front matter is nested too deeply (more than {MAX_DEPTH} levels)"


def _value_problem(error: Exception) -> str:
    """A value Python refuses to build, said plainly (huge integers are the usual one)."""
    if "digits" in str(error):
        return "an integer has more digits than can be read (the limit is 4,300)"
    return f"a value cannot be read ({error})"


def parse_front_matter(split: Split, path: str) -> FrontMatter:
    if split.format == "none":
        return FrontMatter("none", [], 1, 0)
    offset = split.first_line - 1
    if split.format == "yaml":
        entries = _yaml_entries(split.text, offset, path)
    elif split.format == "toml":
        entries = _toml_entries(split.text, offset, path)
    else:
        entries = _json_entries(split.text, path)
    return FrontMatter(split.format, _mark_duplicates(entries), 1, split.end_line)


def locate_entries(split: Split, path: str) -> list[Located]:
    """Where each top-level entry of the (already parseable) front matter is written."""
    if split.format == "yaml":
        if not split.text.strip():
            return []
        loader = _Loader(split.text)
        try:
            root = loader.get_single_node()
            return _yaml_located(root, loader, split.text) if isinstance(root, yaml.MappingNode) else []
        except yaml.YAMLError as error:
            raise InputError(path, f"malformed YAML front matter: {error}", split.first_line) from None
        finally:
            loader.dispose()
    if split.format == "toml":
        return _toml_located(split.text)
    if split.format == "json":
        return _json_located(split.text)
    return []




def _mark_duplicates(entries: list[FrontMatterEntry]) -> list[FrontMatterEntry]:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.key] = counts.get(entry.key, 0) + 1
    return [
        FrontMatterEntry(e.key, e.value, e.line, e.raw, True, e.value_kind)
        if counts[e.key] > 1
        else e
        for e in entries
    ]


def value_kind(value: Any) -> ValueKind:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return "date"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "map"
    return "str"


def _depth_exceeds(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists/mappings nest deeper than ``limit`` (iterative: no recursion to overflow)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = list(item.values())
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


# --- YAML -------------------------------------------------------------------


def _yaml_entries(text: str, offset: int, path: str) -> list[FrontMatterEntry]:
    if not text.strip():
        return []
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        if not isinstance(root, yaml.MappingNode):
            raise InputError(
                path,
                "YAML front matter is not a mapping of keys to values",
                LineIndex(text).line_of(root.start_mark.index, offset + 1),
            )
        _check_expanded_size(root, path, offset)
        entries = []
        lines = LineIndex(text)  # by bisection: a count per key is quadratic in thousands of keys
        for key, key_node, value_node in _yaml_pairs(root, loader):
            line = lines.line_of(key_node.start_mark.index, offset + 1)
            try:
                value = loader.construct_object(value_node, deep=True)
            except ValueError as error:  # not a MarkedYAMLError: an int of 5000 digits
                raise InputError(path, f"YAML front matter: {_value_problem(error)}", line) from None
            raw = text[value_node.start_mark.index : value_node.end_mark.index].strip()
            entries.append(FrontMatterEntry(key=key, value=value, line=line, raw=raw, value_kind=value_kind(value)))
        return entries
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # libyaml marks "end of input" one line past the front matter: keep it inside
        last = offset + text.rstrip("\n").count("\n") + 1
        where = min(LineIndex(text).line_of(min(mark.index, len(text)), offset + 1), last) if mark else None
        problem = error.problem or error.context or "syntax error"
        raise InputError(path, f"malformed YAML front matter: {problem}", where) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"malformed YAML front matter: {error}", offset + 1) from None
    except RecursionError:
        raise InputError(path, _too_deep("YAML"), offset + 1) from None
    finally:
        loader.dispose()


def _yaml_pairs(root: yaml.MappingNode, loader: Any) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) of each top-level entry.

    A merge key (``<<: *base``) brings in the keys of the mappings it names, as YAML
    and Hugo read them: keys written in the mapping itself win, then the first
    merged mapping that has the key. Merged entries stand on the ``<<`` line.
    """
    explicit: list[tuple[str, yaml.Node, yaml.Node]] = []
    merges: list[tuple[yaml.Node, yaml.Node]] = []
    for key_node, value_node in root.value:
        if key_node.tag == _MERGE_TAG:
            merges.append((key_node, value_node))
            continue
        explicit.append((str(loader.construct_object(key_node, deep=True)), key_node, value_node))
    if not merges:
        return explicit
    seen = {key for key, _, _ in explicit}
    merged: list[tuple[str, yaml.Node, yaml.Node]] = []
    for merge_key, merge_value in merges:
        sources = merge_value.value if isinstance(merge_value, yaml.SequenceNode) else [merge_value]
        for source in sources:
            if not isinstance(source, yaml.MappingNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "a merge key (<<) must name a mapping or a list of mappings", merge_key.start_mark
                )
            for key_node, value_node in source.value:
                if key_node.tag == _MERGE_TAG:
                    continue  # nested merges: their keys are reached through the mapping they build
                key = str(loader.construct_object(key_node, deep=True))
                if key not in seen:
                    seen.add(key)
                    merged.append((key, merge_key, value_node))
    return sorted(explicit + merged, key=lambda item: item[1].start_mark.index)


def _yaml_located(root: yaml.MappingNode, loader: Any, text: str) -> list[Located]:
    flow = bool(root.flow_style)
    located = []
    for key_node, value_node in root.value:
        start, end = value_node.start_mark.index, value_node.end_mark.index
        if key_node.tag == _MERGE_TAG:
            key, kind, style = "<<", "merge", ""
        else:
            key = str(loader.construct_object(key_node, deep=True))
            if start < key_node.end_mark.index:
                kind, style = "alias", ""  # *alias: the node (and its marks) belongs to its anchor
            elif isinstance(value_node, yaml.ScalarNode):
                kind, style = "scalar", value_node.style or ""
            else:
                kind, style = "collection", ""
        located.append(Located(key, key_node.start_mark.index, start, end, kind, style, flow))
    return located


def _check_expanded_size(root: yaml.Node, path: str, offset: int) -> None:
    """Refuse YAML whose aliases expand past a sane size (the 'billion laughs' attack)
    or that nests deeper than anything a page needs."""
    count = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_YAML_NODES:
            raise InputError(
                path,
                f"YAML front matter expands to more than {MAX_YAML_NODES:,} values "
                "(alias bomb?)",
                offset + 1,
            )
        if depth > MAX_DEPTH:
            raise InputError(path, _too_deep("YAML"), offset + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


# --- TOML -------------------------------------------------------------------

_TOML_KEY_PART = r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_-]+)"""
_TOML_KEY_VALUE = lazy_compile(
    rf"[ \t]*({_TOML_KEY_PART})((?:[ \t]*\.[ \t]*{_TOML_KEY_PART})*)[ \t]*=[ \t]*"
)
_TOML_HEADER = lazy_compile(rf"[ \t]*\[\[?[ \t]*({_TOML_KEY_PART})")
_TOML_STRINGS = (
    ('"""', re.compile(r'"""(?:\\[\s\S]|[^\\])*?""""{0,2}')),
    ("'''", re.compile(r"'''[\s\S]*?''''{0,2}")),
    ('"', re.compile(r'"(?:[^"\\\n]|\\.)*"')),
    ("'", re.compile(r"'[^'\n]*'")),
)
_TOML_DATETIME = lazy_compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?"
)
_TOML_BARE_VALUE = lazy_compile(r"[^\s,\]\}#]+")
_TOML_TO_LINE_END = lazy_compile(r"[^\n]*\n?")


def _toml_entries(text: str, offset: int, path: str) -> list[FrontMatterEntry]:
    import tomllib  # here, not at import: most pages have YAML front matter

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+)", message)
        line = int(match.group(1)) + offset if match else offset + 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise InputError(path, f"malformed TOML front matter: {message}", line) from None
    except RecursionError:
        raise InputError(path, _too_deep("TOML"), offset + 1) from None
    except ValueError as error:
        raise InputError(path, f"TOML front matter: {_value_problem(error)}", offset + 1) from None
    if _depth_exceeds(data):
        raise InputError(path, _too_deep("TOML"), offset + 1)
    found: dict[str, tuple[int, str]] = {}
    lines = LineIndex(text)
    for place in _toml_located(text):
        if place.key not in found:
            raw = text[place.value_start : place.value_end].strip()
            found[place.key] = (lines.line_of(place.key_start, offset + 1), raw)
    entries = []
    for key, value in data.items():
        line, raw = found.get(key, (offset + 1, ""))
        entries.append(FrontMatterEntry(key, value, line, raw, value_kind=value_kind(value)))
    return sorted(entries, key=lambda e: e.line)


def _toml_located(text: str) -> list[Located]:
    """Top-level keys and table headers of valid TOML, with their spans.

    A scanner, not a line split: it steps over strings (a ``#`` or ``[`` inside
    ``"C#"`` or a multi-line string is text), arrays over several lines and
    comments, so each entry is found where it is written. Keys inside tables are
    stepped over; each table header stands for its top-level key.
    """
    located: list[Located] = []
    in_table = False
    pos, length = 0, len(text)
    while pos < length:
        line_end = text.find("\n", pos)
        line_end = length if line_end < 0 else line_end
        stripped = text[pos:line_end].strip()
        if not stripped or stripped.startswith("#"):
            pos = line_end + 1
            continue
        if stripped.startswith("["):
            header = _TOML_HEADER.match(text, pos)
            if header:
                key_start = header.start(1)
                located.append(Located(_toml_key(header.group(1)), key_start, key_start, line_end, "table", "", False))
            in_table = True
            pos = _skip_toml_value(text, text.index("[", pos))  # [a."b]c"] is one header
            pos = _TOML_TO_LINE_END.match(text, pos).end()  # type: ignore[union-attr]
            continue
        match = _TOML_KEY_VALUE.match(text, pos)
        if not match:  # not valid TOML (it parsed, so this should not happen): go on by line
            pos = line_end + 1
            continue
        value_start = match.end()
        value_end = _skip_toml_value(text, value_start)
        if not in_table:
            dotted = bool(match.group(2))
            first = text[value_start : value_start + 1]
            kind = "table" if dotted else "collection" if first in ("[", "{") else "scalar"
            style = next((quote for quote, _ in _TOML_STRINGS if text.startswith(quote, value_start)), "")
            located.append(Located(_toml_key(match.group(1)), match.start(1), value_start, value_end, kind, style, False))
        pos = _TOML_TO_LINE_END.match(text, value_end).end()  # type: ignore[union-attr]
    return located


def _toml_key(part: str) -> str:
    if part.startswith('"'):
        try:
            return str(json.loads(part))  # TOML's basic-string escapes are JSON's plus \U, \e
        except ValueError:
            import tomllib

            return next(iter(tomllib.loads(f"{part} = 0")))
    return part.strip("'")


def _skip_toml_value(text: str, pos: int) -> int:
    """The offset just after the TOML value that starts at ``pos``."""
    for quote, pattern in _TOML_STRINGS:
        if text.startswith(quote, pos):
            match = pattern.match(text, pos)
            return match.end() if match else len(text)
    if pos < len(text) and text[pos] in "[{":
        depth = 0
        while pos < len(text):
            char = text[pos]
            if char in "\"'":
                pos = _skip_toml_value(text, pos)
                continue
            if char == "#":
                newline = text.find("\n", pos)
                pos = len(text) if newline < 0 else newline
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        return pos
    match = _TOML_DATETIME.match(text, pos) or _TOML_BARE_VALUE.match(text, pos)
    return match.end() if match else pos


# --- JSON -------------------------------------------------------------------


def _json_entries(text: str, path: str) -> list[FrontMatterEntry]:
    try:
        pairs = json.loads(text, object_pairs_hook=lambda items: items)
    except RecursionError:
        raise InputError(path, _too_deep("JSON"), 1) from None
    except json.JSONDecodeError as error:
        raise InputError(path, f"malformed JSON front matter: {error}", error.lineno) from None
    except ValueError as error:
        raise InputError(path, f"JSON front matter: {_value_problem(error)}", 1) from None
    if not isinstance(pairs, list):
        raise InputError(path, "JSON front matter is not an object", 1)
    if _depth_exceeds(pairs, MAX_DEPTH * 2):  # each object is a list of pair tuples here
        raise InputError(path, _too_deep("JSON"), 1)
    line_index = LineIndex(text)
    lines = [line_index.line_of(place.key_start) for place in _json_located(text)]
    entries = []
    for index, (key, value) in enumerate(pairs):
        line = lines[index] if index < len(lines) else 1
        value = _json_plain(value)
        raw = json.dumps(value, ensure_ascii=False, default=str)
        entries.append(FrontMatterEntry(key, value, line, raw, value_kind=value_kind(value)))
    return entries


def _json_plain(value: Any) -> Any:
    """Nested objects come back as pair lists from the hook; make them dicts again."""
    if isinstance(value, list) and all(
        isinstance(v, tuple) and len(v) == 2 for v in value
    ) and value:
        return {k: _json_plain(v) for k, v in value}
    if isinstance(value, list):
        return [_json_plain(v) for v in value]
    return value


_JSON_SPACE = lazy_compile(r"[ \t\n\r]*")


def _json_located(text: str) -> list[Located]:
    """The keys and values of the outermost object of valid JSON, with their spans."""
    decoder = json.JSONDecoder()
    located: list[Located] = []
    pos = _JSON_SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if not text.startswith("{", pos):
        return located
    pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    while text.startswith('"', pos):
        key_start = pos
        key, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
        pos = _JSON_SPACE.match(text, pos).end()  # type: ignore[union-attr]
        pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]  # the ':'
        value_start = pos
        _, value_end = decoder.raw_decode(text, value_start)
        first = text[value_start]
        kind = "collection" if first in "[{" else "scalar"
        located.append(Located(key, key_start, value_start, value_end, kind, '"' if first == '"' else "", True))
        pos = _JSON_SPACE.match(text, value_end).end()  # type: ignore[union-attr]
        if not text.startswith(",", pos):
            break
        pos = _JSON_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
    return located
