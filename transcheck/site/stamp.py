"""`transcheck stamp`: record in a translation's front matter the source commit it follows.

The marker is the one ``status`` reads (``default_lang_commit``, ``l10n.sourceCommit`` or a
chosen key). A marker the page already has is updated in place: only its value is replaced,
with the quoting it had (the span editing of ``fix``). A page without one gets a new entry at
the end of its front matter, written in the front matter's own syntax. The edited text is
parsed again and kept only when every other key keeps its value and the body is untouched.

Everything here is pure (text in, text out) except :func:`source_commit` at the end, which
asks git which commit to write.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Sequence

import yaml

from transcheck.site.fix import FixResult, _apply, _Edit, _front_matter_end, _replacement, _same, _to_original, _UNCHANGED
from transcheck.document.frontmatter import (Located, Split, _json_located, _Loader, locate_entries, parse_front_matter,
                          split_front_matter)
from transcheck.document.source import InputError
from transcheck.history.status import DEFAULT_MARKER_KEYS, DRIFT_KEYS, front_matter_dict, marker_of

DRIFT_KEY = DRIFT_KEYS[0]


def stamp_text(text: str, path: str, key: str, commit: str,
               known_keys: Sequence[str] = DEFAULT_MARKER_KEYS) -> FixResult:
    """``text`` with the marker set to ``commit``.

    The marker updated is the first of ``key`` and ``known_keys`` the page has (so a page
    that follows MDN's ``l10n.sourceCommit`` keeps it); a page with none gets ``key``.
    """
    norm = text.replace("\r\n", "\n")
    if "\r" in norm:
        return FixResult(path, text, text, _UNCHANGED + "the file has carriage returns that end no line (a lone \\r)")
    try:
        split = split_front_matter(norm, path)
        entries = parse_front_matter(split, path).entries  # the body is not read: it is kept as it is
        located = locate_entries(split, path)
    except InputError as error:
        return FixResult(path, text, text, _UNCHANGED + error.message)
    except (RecursionError, ValueError) as error:
        return FixResult(path, text, text, _UNCHANGED + f"the front matter cannot be read ({error})")
    remarks: list[str] = []
    if any(e.key.lower() == DRIFT_KEY for e in entries):
        remarks.append(f"{DRIFT_KEY} is set; left alone (the site's own tooling owns it)")
    front = front_matter_dict(entries)
    candidates = [key] + [k for k in known_keys if k.lower() != key.lower()]
    present = [k for k in candidates if _has_path(front, k)]
    chosen = present[0] if present else key
    if present and marker_of(front, [chosen])[1] == commit:
        return FixResult(path, text, text, remarks=tuple(remarks))  # already stamped with it
    if chosen != key:
        remarks.append(f"updated the page's {chosen} (it has no {key})")
    base = 0 if split.format == "json" else norm.index("\n") + 1 if split.format != "none" else 0
    try:
        edit = (_update(split, located, norm, base, chosen, commit) if present
                else _insert(split, located, norm, base, chosen, commit))
    except _Refused as refusal:
        return FixResult(path, text, text, _UNCHANGED + str(refusal), tuple(remarks))
    after_norm = _apply(norm, [edit])
    problem = _verify(after_norm, path, entries, norm, split, chosen, commit)
    if problem:
        return FixResult(path, text, text, _UNCHANGED + problem, tuple(remarks))
    if "\r\n" in text:
        edit = _Edit(edit.start, edit.end, edit.replacement.replace("\n", "\r\n"))
    return FixResult(path, text, _apply(text, [_to_original(edit, text)]), remarks=tuple(remarks))


class _Refused(Exception):
    """The marker cannot be written safely; the message says why."""


def _has_path(front: dict[str, Any], dotted: str) -> bool:
    value: Any = front
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return False
        match = [k for k in value if str(k).lower() == part.lower()]
        if not match:
            return False
        value = value[match[0]]
    return True


# --- updating a marker the page has ----------------------------------------------------------


def _update(split: Split, located: list[Located], norm: str, base: int, key: str, commit: str) -> _Edit:
    parts = key.split(".")
    tops = [p for p in located if p.key.lower() == parts[0].lower()]
    if split.format == "toml" and len(parts) > 1:
        dotted = [p for p in tops if _toml_path(split.text, p) == [part.lower() for part in parts]]
        if len(dotted) == 1 and dotted[0].style in ('"', "'", ""):  # l10n.sourceCommit = "…"
            place = dotted[0]
            return _replacement(Located(key, place.key_start, place.value_start, place.value_end, "scalar",
                                        place.style, False), split, base, norm, commit)
    if not tops:
        raise _Refused(f"{key} comes from a YAML merge (<<): edit it by hand")
    if len(tops) > 1:
        raise _Refused(f"{parts[0]} is written {len(tops)} times in the front matter")
    place = tops[0]
    if len(parts) > 1:
        place = _nested(split, place, parts)
    if place.kind != "scalar":
        raise _Refused(f"{key} is not a plain value (a list, table or alias): edit it by hand")
    if place.style in ("|", ">", '"""', "'''"):
        raise _Refused(f"{key} is a block or multi-line string: edit it by hand")
    return _replacement(place, split, base, norm, commit)


def _toml_path(text: str, place: Located) -> list[str]:
    """The parts of a dotted TOML key (``l10n.sourceCommit = …`` → ['l10n', 'sourcecommit']), lower case."""
    if place.kind != "table" or place.key_start == place.value_start:
        return []  # a [table] header, or no dotted key
    try:
        value: Any = tomllib.loads(text[place.key_start:place.value_start] + "0")
    except tomllib.TOMLDecodeError:
        return []
    found = []
    while isinstance(value, dict) and len(value) == 1:
        name, value = next(iter(value.items()))
        found.append(name.lower())
    return found


def _nested(split: Split, top: Located, parts: list[str]) -> Located:
    """Where ``l10n.sourceCommit`` is written: in a YAML mapping or a JSON object under ``l10n``."""
    if split.format == "json" and top.kind == "collection":
        inner = _json_located(split.text[top.value_start:top.value_end])
        found = [p for p in inner if p.key.lower() == parts[1].lower()]
        if len(parts) == 2 and len(found) == 1:
            p = found[0]
            shift = top.value_start
            return Located(p.key, p.key_start + shift, p.value_start + shift, p.value_end + shift, p.kind, p.style, True)
    if split.format == "yaml" and top.kind == "collection":
        found_node = _yaml_node(split.text, parts)
        if found_node is not None:
            node, flow = found_node
            if isinstance(node, yaml.ScalarNode):
                return Located(parts[-1], node.start_mark.index, node.start_mark.index, node.end_mark.index,
                               "scalar", node.style or "", flow)
    raise _Refused(f"{'.'.join(parts)} is written in a way stamp does not edit (e.g. a TOML table): edit it by hand")


def _yaml_node(text: str, parts: list[str]) -> tuple[yaml.Node, bool] | None:
    """The value node at the dotted path (keys matched case-insensitively), or None."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        for part in parts:
            if not isinstance(node, yaml.MappingNode):
                return None
            flow = bool(node.flow_style)
            matches = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value.lower() == part.lower()]
            if len(matches) != 1:
                return None
            if matches[0].start_mark.index < 0:
                return None
            node = matches[0]
        return node, flow
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


# --- adding a marker -----------------------------------------------------------------------


def _insert(split: Split, located: list[Located], norm: str, base: int, key: str, commit: str) -> _Edit:
    parts = key.split(".")
    if len(parts) > 1 and any(p.key.lower() == parts[0].lower() for p in located):
        raise _Refused(f"the page has {parts[0]} but no {key}: add it by hand, or choose another --key")
    if split.format == "none":
        return _Edit(0, 0, "---\n" + _yaml_entry(parts, commit) + "---\n")
    if split.format == "yaml":
        at = base + len(split.text) + 1 if split.text else base  # the closing fence's line
        return _Edit(at, at, _yaml_entry(parts, commit))
    if split.format == "toml":
        line = f"{'.'.join(_toml_key(p) for p in parts)} = \"{commit}\"\n"
        headers = [p for p in located if p.kind == "table" and p.key_start == p.value_start]  # [table]
        if headers:  # a key after a [table] header would belong to the table
            at = base + split.text.rfind("\n", 0, headers[0].key_start) + 1
        else:
            at = base + len(split.text) + 1 if split.text else base
        return _Edit(at, at, line)
    value = f'"{commit}"'
    for part in reversed(parts[1:]):
        value = f'{{{_json_key(part)}: {value}}}'
    entry = f"{_json_key(parts[0])}: {value}"
    if not located:
        opening = norm.index("{")
        return _Edit(opening + 1, opening + 1, entry)
    last = located[-1]
    before_key = norm[norm.rfind(",", 0, last.key_start) + 1 if len(located) > 1 else norm.index("{") + 1:last.key_start]
    separator = before_key if "\n" in before_key else " "  # the last entry's own line break and indent
    return _Edit(last.value_end, last.value_end, "," + separator + entry)


def _yaml_entry(parts: list[str], commit: str) -> str:
    lines = []
    for depth, part in enumerate(parts):
        name = part if _plain_yaml_key(part) else f'"{part}"'
        tail = f" {commit}" if depth == len(parts) - 1 else ""
        lines.append(f"{'  ' * depth}{name}:{tail}\n")
    return "".join(lines)


def _plain_yaml_key(part: str) -> bool:
    try:
        return bool(yaml.safe_load(f"{part}: 0") == {part: 0})
    except yaml.YAMLError:
        return False


def _toml_key(part: str) -> str:
    return part if part and all(c.isascii() and (c.isalnum() or c in "_-") for c in part) else _json_key(part)


def _json_key(part: str) -> str:
    return json.dumps(part, ensure_ascii=False)


# --- checking the result -----------------------------------------------------------------


def _verify(after: str, path: str, entries: list[Any], before: str, split: Split, key: str, commit: str) -> str:
    """Why the edited text must not be written ("" when it may)."""
    try:
        new_split = split_front_matter(after, path)
        new_entries = parse_front_matter(new_split, path).entries
    except InputError as error:
        return f"the edited front matter would not parse ({error.message}); please report this"
    if not after.endswith(before[_front_matter_end(before, split):] if split.format != "none" else before):
        return "the edit would reach past the front matter; please report this"
    if new_split.format == "none":
        return "the edited page would have no front matter; please report this"
    top = key.split(".")[0].lower()
    old = [e for e in entries if e.key.lower() != top]
    new = [e for e in new_entries if e.key.lower() != top]
    added = len(new_entries) - len(entries)
    if [e.key for e in old] != [e.key for e in new] or added not in (0, 1):
        old_keys = ", ".join(e.key for e in entries)
        return f"the keys would change ({old_keys} → {', '.join(e.key for e in new_entries)})"
    rest = key.split(".")[1:]
    if rest:  # the rest of the table the marker sits in (l10n: {other: x}) keeps its values
        old_top = [_without(e.value, rest) for e in entries if e.key.lower() == top]
        new_top = [_without(e.value, rest) for e in new_entries if e.key.lower() == top]
        if old_top and old_top != new_top:
            return f"the other values of {key.split('.')[0]} would change; please report this"
    for before_entry, after_entry in zip(old, new):
        if not _same(before_entry.value, after_entry.value):
            return f"{before_entry.key} (line {before_entry.line}) would change; please report this"
    if marker_of(front_matter_dict(new_entries), [key]) != (key, commit):
        return f"{key} would not read {commit}; please report this"
    return ""


# --- the edge: which commit to write (the one function here that calls git) ------------------


def source_commit(source: Path) -> tuple[str, str]:
    """(commit, remark) to stamp for a translation of ``source``; raises GitError or ValueError.

    The last commit that touched the source; HEAD when the source's content there differs from
    its content at HEAD (a branch merged later changed it too), since the marker must name a
    commit holding what the translator saw. A source with uncommitted changes (or none
    committed) is refused: no commit holds it.
    """
    from transcheck.history.status import discover, relative_to_top, run_git

    repo = discover(source)
    relative = relative_to_top(source.resolve(), repo.top)
    if relative is None:
        raise ValueError(f"{source} is outside its repository")
    if run_git(["status", "--porcelain", "-z", "--", f":(literal){relative}"], repo.top).strip("\0 \n"):
        raise ValueError(f"its source {source} has uncommitted changes; commit them first, since the marker "
                         "would name a commit that does not hold the text the translation follows")
    last = run_git(["log", "-1", "--format=%H", "HEAD", "--", f":(literal){relative}"], repo.top, check=False).strip()
    if not last:
        raise ValueError(f"its source {source} has never been committed")
    blobs = run_git(["rev-parse", f"{last}:{relative}", f"HEAD:{relative}"], repo.top, check=False).split()
    if len(blobs) == 2 and blobs[0] == blobs[1]:
        return last, ""
    head = run_git(["rev-parse", "HEAD"], repo.top).strip()
    return head, f"the source's last commit {last[:12]} does not hold what HEAD holds (a merge): stamped with HEAD"


def _without(value: Any, parts: list[str]) -> Any:
    """``value`` (a nested mapping) without the entry at the dotted path ``parts``."""
    if not isinstance(value, dict) or not parts:
        return value
    return {k: _without(v, parts[1:]) for k, v in value.items()
            if not (len(parts) == 1 and str(k).lower() == parts[0].lower())}
