"""Front-matter rules: duplicate-key, frontmatter-missing-key, frontmatter-mismatch."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterator

from ..compare import Comparison, Side
from ..model import FrontMatterEntry

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|mailto:|tel:)\S+$", re.I)
_PATH = re.compile(r"^(?:/|\./|\.\./)\S*$|^[\w./-]+\.(?:jpe?g|png|gif|svg|webp|avif|pdf|mp4|webm|md|html?|ico)$", re.I)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _short(value: str, width: int = 60) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def check_duplicate_keys(c: Comparison) -> None:
    for side in (c.a, c.b):
        seen: dict[str, FrontMatterEntry] = {}
        for entry in side.doc.front_matter.entries:
            folded = entry.key.lower()
            first = seen.get(folded)
            if first is None:
                seen[folded] = entry
                continue
            if normalise(first.value) == normalise(entry.value):
                continue  # the same value twice loses nothing
            if folded in c.settings.language_keys:
                continue  # two language fields that disagree: language-conflict says it
            if first.key == entry.key:
                message = (
                    f"key '{entry.key}' is written twice (lines {first.line} and {entry.line}); "
                    f"only one value survives: {_short(first.raw, 30)} or {_short(entry.raw, 30)}"
                )
            else:
                message = (
                    f"key '{entry.key}' repeats '{first.key}' (line {first.line}): Hugo reads keys "
                    f"case-insensitively, so only one of {_short(first.raw, 30)} and "
                    f"{_short(entry.raw, 30)} is used"
                )
            c.report("duplicate-key", side, entry.line, message, [(side, first.line)], key=f"{first.key}|{entry.key}")


def _effective(side: Side) -> dict[str, FrontMatterEntry]:
    """Key (lower-cased, as Hugo reads it) → the entry Hugo would use (the last one)."""
    result: dict[str, FrontMatterEntry] = {}
    for entry in side.doc.front_matter.entries:
        result[entry.key.lower()] = entry
    return result


def _ignored(c: Comparison, key: str) -> bool:
    settings = c.settings
    return key in settings.local_keys or key in settings.language_keys


def check_missing_keys(c: Comparison) -> None:
    keys_a, keys_b = _effective(c.a), _effective(c.b)
    for having, lacking, mine, theirs in ((c.a, c.b, keys_a, keys_b), (c.b, c.a, keys_b, keys_a)):
        for key in sorted(set(mine) - set(theirs), key=lambda k: mine[k].line):
            if _ignored(c, key):
                continue
            entry = mine[key]
            fm = lacking.doc.front_matter
            anchor = fm.end_line if fm.end_line else 1
            c.report(
                "frontmatter-missing-key",
                lacking,
                anchor,
                f"front matter has no '{entry.key}' here; {having.name}:{entry.line} has "
                f"{entry.key}: {_short(entry.raw)}",
                [(having, entry.line)],
                key=f"{entry.key}",
            )


def comparable(value: Any, key: str, c: Comparison) -> bool:
    """Is this a value that translation must not change?"""
    if key in c.settings.text_keys:
        return False
    if key in c.settings.equal_keys:
        return True
    if isinstance(value, bool) or isinstance(value, (int, float)) or isinstance(value, (_dt.date, _dt.time)):
        return True
    if isinstance(value, str):
        text = value.strip()
        return bool(_DATE.match(text) or _NUMBER.match(text))
    return False


def is_link_value(value: Any) -> bool:
    """URL and path values are links: link-mismatch / image-mismatch compare them."""
    return isinstance(value, str) and bool(_URL.match(value.strip()) or _PATH.match(value.strip()))


def normalise(value: Any) -> Any:
    """Equal meaning, equal form: dates as ISO text, numbers as numbers, URLs without trailing slash."""
    if isinstance(value, bool):
        return value
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if _NUMBER.match(text):
            return float(text)
        if _DATE.match(text):
            return text.replace(" ", "T")
        if _URL.match(text) or _PATH.match(text):
            return text.rstrip("/") or "/"
        return text
    return value


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Scalar leaves of nested maps (``params.color``); lists are compared whole."""
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            yield from _leaves(value[key], f"{path}.{key}")
    else:
        yield path, value


def _list_comparable(value: list[Any], key: str, c: Comparison) -> bool:
    return bool(value) and all(not isinstance(v, (dict, list)) and comparable(v, key, c) for v in value)


def check_values(c: Comparison) -> None:
    keys_a, keys_b = _effective(c.a), _effective(c.b)
    for key in sorted(set(keys_a) & set(keys_b), key=lambda k: keys_a[k].line):
        if _ignored(c, key):
            continue
        entry_a, entry_b = keys_a[key], keys_b[key]
        leaves_b = dict(_leaves(entry_b.value, key))
        for path, value_a in _leaves(entry_a.value, key):
            if path not in leaves_b:
                continue
            value_b = leaves_b[path]
            leaf = path.rsplit(".", 1)[-1]
            if isinstance(value_a, list) or isinstance(value_b, list):
                if not (isinstance(value_a, list) and isinstance(value_b, list)):
                    continue
                if not (_list_comparable(value_a, leaf, c) and _list_comparable(value_b, leaf, c)):
                    continue
                if [normalise(v) for v in value_a] == [normalise(v) for v in value_b]:
                    continue
            else:
                if not (comparable(value_a, leaf, c) and comparable(value_b, leaf, c)):
                    continue
                if normalise(value_a) == normalise(value_b) or _same_day(value_a, value_b):
                    continue
            shown = path if path != key else entry_a.key
            c.report(
                "frontmatter-mismatch",
                c.a,
                entry_a.line,
                f"{shown} is {_show(value_a, entry_a, path == key)} here but "
                f"{_show(value_b, entry_b, path == key)} in {c.b.name}:{entry_b.line}",
                [(c.b, entry_b.line)],
                key=f"{path}|{normalise(value_a)}|{normalise(value_b)}",
            )


def _show(value: Any, entry: FrontMatterEntry, top: bool) -> str:
    if top and entry.raw:
        return _short(entry.raw)
    if isinstance(value, bool):
        return "true" if value else "false"
    return _short(str(value))


def _same_day(a: Any, b: Any) -> bool:
    """'2026-02-16' and '2026-02-16T00:00:00' name the same day: not a mismatch."""
    texts = [normalise(v) for v in (a, b)]
    if not all(isinstance(t, str) and _DATE.match(t) for t in texts):
        return False
    short, long = sorted(texts, key=len)
    return len(short) == 10 and long.startswith(short) and long[10:].lstrip("T").startswith("00:00")
