"""Front matter (YAML ``---``, TOML ``+++``, JSON ``{``) with the line of every key.

Why not python-frontmatter's loader: it strips the text (body lines are lost),
keeps only the last of duplicate keys and gives no key lines. The checker must
see every key where it is written, so YAML is read with PyYAML's composer (node
level, marks and duplicates kept), TOML with ``tomllib`` plus a line scan, JSON
with ``json`` keeping duplicate pairs.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from .model import FrontMatter, FrontMatterEntry
from .source import InputError

MAX_YAML_NODES = 100_000
# libyaml's parser when PyYAML was built with it (ten times faster), else the pure one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # expanded size; stops "billion laughs" alias bombs

_YAML_OPEN = re.compile(r"---[ \t]*$")
_YAML_CLOSE = re.compile(r"(---|\.\.\.)[ \t]*$")
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*$")


@dataclass(frozen=True)
class Split:
    """Where the front matter sits in the text (0-based line indexes)."""

    format: str
    text: str  # the front matter's own text (without delimiters)
    first_line: int  # 1-based file line where ``text`` begins
    end_line: int  # 1-based line of the closing delimiter, 0 when none
    body_line: int  # 1-based line where the body begins


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


def _split_fenced(lines: list[str], fmt: str, close: re.Pattern[str], path: str) -> Split:
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
    end_line = text.count("\n", 0, end) + 1
    return Split("json", text[:end], 1, end_line, end_line + 1)


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


def value_kind(value: Any) -> str:
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
                root.start_mark.line + 1 + offset,
            )
        _check_expanded_size(root, path, offset)
        entries = []
        for key_node, value_node in root.value:
            key = str(loader.construct_object(key_node, deep=True))
            value = loader.construct_object(value_node, deep=True)
            raw = text[value_node.start_mark.index : value_node.end_mark.index].strip()
            entries.append(
                FrontMatterEntry(
                    key=key,
                    value=value,
                    line=key_node.start_mark.line + 1 + offset,
                    raw=raw,
                    value_kind=value_kind(value),
                )
            )
        return entries
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # libyaml marks "end of input" one line past the front matter: keep it inside
        last = offset + text.rstrip("\n").count("\n") + 1
        line = min(mark.line + 1 + offset, last) if mark else None
        problem = error.problem or error.context or "syntax error"
        raise InputError(path, f"malformed YAML front matter: {problem}", line) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"malformed YAML front matter: {error}", offset + 1) from None
    except RecursionError:
        raise InputError(path, "YAML front matter is nested too deeply", offset + 1) from None
    finally:
        loader.dispose()


def _check_expanded_size(root: yaml.Node, path: str, offset: int) -> None:
    """Refuse YAML whose aliases expand past a sane size (the 'billion laughs' attack)."""
    count = 0
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        count += 1
        if count > MAX_YAML_NODES:
            raise InputError(
                path,
                f"YAML front matter expands to more than {MAX_YAML_NODES:,} values "
                "(alias bomb?)",
                offset + 1,
            )
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


# --- TOML -------------------------------------------------------------------

_TOML_KEY = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.|=)""")
_TOML_TABLE = re.compile(r"""\s*\[\[?\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)""")


def _toml_entries(text: str, offset: int, path: str) -> list[FrontMatterEntry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = re.search(r"\(at line (\d+)", message)
        line = int(match.group(1)) + offset if match else offset + 1
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        raise InputError(path, f"malformed TOML front matter: {message}", line) from None
    lines = text.split("\n")
    found: dict[str, tuple[int, str]] = {}
    for index, line in enumerate(_toml_top_level_lines(lines)):
        if line is None:
            continue
        text_line, is_table = line
        pattern = _TOML_TABLE if is_table else _TOML_KEY
        match = pattern.match(text_line)
        if not match:
            continue
        key = match.group(1).strip("\"'")
        if key not in found:
            raw = text_line.split("=", 1)[1].strip() if not is_table else text_line.strip()
            found[key] = (index + 1 + offset, raw)
    entries = []
    for key, value in data.items():
        line, raw = found.get(key, (offset + 1, ""))
        entries.append(FrontMatterEntry(key, value, line, raw, value_kind=value_kind(value)))
    return sorted(entries, key=lambda e: e.line)


def _toml_top_level_lines(lines: list[str]) -> list[tuple[str, bool] | None]:
    """Each line as (text, is_table_header) where it can start a top-level key.

    Lines inside multi-line strings or arrays are None, so a ``key = `` written
    inside a string is not taken for a key.
    """
    result: list[tuple[str, bool] | None] = []
    in_table = False
    depth = 0
    in_multiline: str | None = None
    for line in lines:
        stripped = line.strip()
        if in_multiline:
            result.append(None)
            if in_multiline in line:
                in_multiline = None
            continue
        if depth > 0:
            result.append(None)
            depth += _bracket_balance(line)
            continue
        if stripped.startswith("["):
            result.append((line, True))
            in_table = True
            continue
        if in_table or not stripped or stripped.startswith("#"):
            result.append(None)
            continue
        result.append((line, False))
        value = line.split("=", 1)[1] if "=" in line else ""
        for quote in ('"""', "'''"):
            if value.count(quote) == 1:
                in_multiline = quote
        depth = max(0, _bracket_balance(value))
    return result


def _bracket_balance(text: str) -> int:
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text.split("#", 1)[0])
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


# --- JSON -------------------------------------------------------------------


def _json_entries(text: str, path: str) -> list[FrontMatterEntry]:
    try:
        pairs = json.loads(text, object_pairs_hook=lambda items: items)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        raise InputError(path, f"malformed JSON front matter: {error}", line) from None
    if not isinstance(pairs, list):
        raise InputError(path, "JSON front matter is not an object", 1)
    lines = _json_key_lines(text)
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


def _json_key_lines(text: str) -> list[int]:
    """1-based lines of the keys of the outermost object, in order."""
    lines: list[int] = []
    depth = 0
    line = 1
    index = 0
    expect_key = False
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
        elif char == '"':
            start_line = line
            index += 1
            while index < length and text[index] != '"':
                if text[index] == "\\":
                    index += 1
                elif text[index] == "\n":
                    line += 1
                index += 1
            if depth == 1 and expect_key:
                lines.append(start_line)
                expect_key = False
        elif char in "{[":
            depth += 1
            if depth == 1:
                expect_key = True
        elif char in "}]":
            depth -= 1
        elif char == "," and depth == 1:
            expect_key = True
        index += 1
    return lines
