"""Shortcode tags: finding them in text, reading their arguments, pairing them.

Hugo: ``{{< name args >}}``, ``{{% name args %}}`` and their closers. Zola:
``{{ name(key=value, …) }}`` (no body) and ``{% name(key=value, …) %}`` … ``{% end %}``
(a body of Markdown); a Zola tag is taken only when it parses completely as a
call with keyword arguments, so Go templates (``{{ .Title }}``,
``{{ range (where …) }}``) and braces in prose stay text.

Works on plain text with offsets so the Markdown parser can cut shortcodes out
*before* mistune sees the text (mistune would otherwise glue a closing tag onto
the previous paragraph).
"""

from __future__ import annotations

import re

from msgspec import Struct, field


from transcheck.lazyre import lazy_compile

MAX_TAG_LENGTH = 20_000  # a tag longer than this is taken for text, not a shortcode

_OPEN = lazy_compile(r"\{\{([<%])|\{\{|\{%")
_NAME = lazy_compile(r"[A-Za-z0-9_][\w./-]*")


class Tag(Struct):
    """One ``{{< … >}}`` or ``{{% … %}}`` tag at ``start:end`` of the text."""

    start: int
    end: int
    delimiter: str
    name: str
    closing: bool
    self_closing: bool
    positional: list[str] = field(default_factory=list)
    named: list[tuple[str, str]] = field(default_factory=list)
    raw: str = ""
    partner: int | None = None  # index of the matching open/close tag
    syntax: str = "hugo"  # "hugo" or "zola"


class Malformed(Struct, frozen=True):
    start: int
    message: str


def find_tags(text: str, skip: list[tuple[int, int]] | None = None) -> tuple[list[Tag], list[Malformed]]:
    """All shortcode tags in ``text`` outside the ``skip`` ranges (code), in order.

    The escape form ``{{</* name */>}}`` is text, not a tag. An opening ``{{<``
    with no end is reported as malformed and scanning goes on after it.
    """
    tags: list[Tag] = []
    malformed: list[Malformed] = []
    skip = sorted(skip or [])
    skip_index = 0
    position = 0
    while True:
        match = _OPEN.search(text, position)
        if not match:
            break
        start = match.start()
        while skip_index < len(skip) and skip[skip_index][1] <= start:
            skip_index += 1
        if skip_index < len(skip) and skip[skip_index][0] <= start < skip[skip_index][1]:
            position = skip[skip_index][1]
            continue
        delimiter = match.group(1)
        if delimiter is None:  # "{{" or "{%" without "<"/"%": a Zola call or text
            zola = read_zola_tag(text, start)
            if zola is None:
                position = start + 2
                continue
            tags.append(zola)
            position = zola.end
            continue
        close_text = ">}}" if delimiter == "<" else "%}}"
        cursor = match.end()
        if text.startswith("/*", _skip_spaces(text, cursor)):
            end = text.find("*/" + close_text, cursor, cursor + MAX_TAG_LENGTH)
            position = end + 2 + len(close_text) if end >= 0 else cursor
            continue
        tag = _read_tag(text, start, delimiter, close_text)
        if isinstance(tag, Malformed):
            malformed.append(tag)
            position = match.end()
            continue
        if tag is None:  # "{{<" that is not followed by a name: ordinary text
            position = match.end()
            continue
        tags.append(tag)
        position = tag.end
    return tags, malformed


def _skip_spaces(text: str, index: int) -> int:
    length = len(text)
    while index < length and text[index] in " \t\n":
        index += 1
    return index


def _read_tag(text: str, start: int, delimiter: str, close_text: str) -> Tag | Malformed | None:
    cursor = _skip_spaces(text, start + 3)
    closing = text.startswith("/", cursor)
    if closing:
        cursor = _skip_spaces(text, cursor + 1)
    name_match = _NAME.match(text, cursor)
    if not name_match:
        return None
    name = name_match.group(0)
    cursor = name_match.end()
    limit = min(len(text), start + MAX_TAG_LENGTH)
    args: list[tuple[str | None, str]] = []
    while True:
        cursor = _skip_spaces(text, cursor)
        if cursor >= limit:
            return Malformed(start, f"shortcode '{name}' is never closed with '{close_text}'")
        if text.startswith(close_text, cursor):
            end = cursor + len(close_text)
            self_closing = False
            break
        if text.startswith("/" + close_text, cursor):
            end = cursor + 1 + len(close_text)
            self_closing = True
            break
        if text.startswith("{{", cursor):
            return Malformed(start, f"shortcode '{name}' is never closed with '{close_text}'")
        key: str | None = None
        key_match = re.compile(r"([A-Za-z_][\w-]*)\s*=\s*").match(text, cursor)
        if key_match and key_match.end() < limit:
            key = key_match.group(1)
            cursor = key_match.end()
        value, cursor = _read_value(text, cursor, limit, close_text)
        if value is None:
            return Malformed(start, f"shortcode '{name}' has an unterminated quoted argument")
        args.append((key, value))
    raw = text[start:end]
    return Tag(
        start=start,
        end=end,
        delimiter=delimiter,
        name=name,
        closing=closing,
        self_closing=self_closing,
        positional=[v for k, v in args if k is None],
        named=[(k, v) for k, v in args if k is not None],
        raw=raw,
    )


def _read_value(text: str, cursor: int, limit: int, close_text: str) -> tuple[str | None, int]:
    char = text[cursor]
    if char == '"':
        out = []
        index = cursor + 1
        while index < limit:
            c = text[index]
            if c == "\\" and index + 1 < limit:
                out.append(text[index + 1])
                index += 2
                continue
            if c == '"':
                return "".join(out), index + 1
            out.append(c)
            index += 1
        return None, limit
    if char == "`":
        end = text.find("`", cursor + 1, limit)
        if end < 0:
            return None, limit
        return text[cursor + 1 : end], end + 1
    index = cursor
    while index < limit and text[index] not in " \t\n":
        if text.startswith(close_text, index) or text.startswith("/" + close_text, index):
            break
        index += 1
    if index == cursor:  # a lone character that cannot start anything: take it as text
        index += 1
    return text[cursor:index], index


def pair_tags(tags: list[Tag]) -> list[int]:
    """Link each closing tag to its opening tag (``partner``); return orphan closers.

    A closer matches the nearest unmatched opener of the same name (Zola's
    ``{% end %}``: the nearest unmatched Zola opener); openers skipped over stay
    unpaired (Hugo treats them as standalone shortcodes).
    """
    stack: list[int] = []
    # the openers of each kind a closer may match, as (place on the stack, tag index), oldest
    # first: a closer looks at its own kind only, not down the whole stack (thousands of
    # openers never closed and closers of another name were quadratic)
    open_by_key: dict[tuple[str, str], list[tuple[int, int]]] = {}
    orphans: list[int] = []
    for index, tag in enumerate(tags):
        key = _pairing_key(tag)
        if tag.closing:
            candidates = open_by_key.get(key, [])
            while candidates and not _still_open(stack, *candidates[-1]):
                candidates.pop()  # cut off the stack when a closer further out matched
            if candidates:
                depth, opener = candidates.pop()
                tags[opener].partner = index
                tag.partner = opener
                del stack[depth:]
            else:
                orphans.append(index)
        elif not tag.self_closing:
            open_by_key.setdefault(key, []).append((len(stack), index))
            stack.append(index)
    return orphans


def _pairing_key(tag: Tag) -> tuple[str, str]:
    """Tags that may pair: one syntax, and for Hugo one name (Zola's ``end`` closes any)."""
    return tag.syntax, "" if tag.syntax == "zola" else tag.name


def _still_open(stack: list[int], depth: int, index: int) -> bool:
    return depth < len(stack) and stack[depth] == index


# --- Zola -----------------------------------------------------------------------------

_ZOLA_NAME = lazy_compile(r"[ \t]*([A-Za-z_]\w*)\(")
_ZOLA_END = lazy_compile(r"\{%[ \t]*end[ \t]*%\}")
_ZOLA_KEY = lazy_compile(r"\s*([A-Za-z_]\w*)\s*=\s*")
_ZOLA_SCALAR = lazy_compile(r"-?\d+(?:\.\d+)?(?![\w.])|true\b|false\b")
_SPACES = lazy_compile(r"\s*")


def read_zola_tag(text: str, start: int) -> Tag | None:
    """The Zola tag at ``start`` (``{{ name(…) }}``, ``{% name(…) %}`` or ``{% end %}``), or None.

    Anything that does not parse to the end as such a tag is text: no guess,
    no "malformed" report, since ``{{`` and ``{%`` are common outside Zola.
    """
    limit = min(len(text), start + MAX_TAG_LENGTH)
    body = text.startswith("{%", start)
    if body:
        end_match = _ZOLA_END.match(text, start)
        if end_match:
            return Tag(start, end_match.end(), "%", "end", True, False, raw=end_match.group(0), syntax="zola")
    name_match = _ZOLA_NAME.match(text, start + 2, limit)
    if not name_match:
        return None
    args = _read_zola_args(text, name_match.end(), limit)
    if args is None:
        return None
    named, cursor = args
    close_text = "%}" if body else "}}"
    cursor = _SPACES.match(text, cursor, limit).end()  # type: ignore[union-attr]
    if not text.startswith(close_text, cursor):
        return None
    end = cursor + len(close_text)
    return Tag(
        start=start,
        end=end,
        delimiter="%" if body else "{",
        name=name_match.group(1),
        closing=False,
        self_closing=not body,
        named=named,
        raw=text[start:end],
        syntax="zola",
    )


def _read_zola_args(text: str, cursor: int, limit: int) -> tuple[list[tuple[str, str]], int] | None:
    """``key=value, …)`` from ``cursor``: the arguments and the offset after ``)``."""
    named: list[tuple[str, str]] = []
    cursor = _SPACES.match(text, cursor, limit).end()  # type: ignore[union-attr]
    if text.startswith(")", cursor):
        return named, cursor + 1
    while cursor < limit:
        key = _ZOLA_KEY.match(text, cursor, limit)
        if not key:
            return None
        value = _read_zola_value(text, key.end(), limit)
        if value is None:
            return None
        shown, cursor = value
        named.append((key.group(1), shown))
        cursor = _SPACES.match(text, cursor, limit).end()  # type: ignore[union-attr]
        if text.startswith(")", cursor):
            return named, cursor + 1
        if not text.startswith(",", cursor):
            return None
        cursor = _SPACES.match(text, cursor + 1, limit).end()  # type: ignore[union-attr]
        if text.startswith(")", cursor):  # a trailing comma
            return named, cursor + 1
    return None


def _read_zola_value(text: str, cursor: int, limit: int, in_array: bool = False) -> tuple[str, int] | None:
    """A string (quotes removed), number, boolean or flat array (shown as ``[a, "b"]``)."""
    if cursor >= limit:
        return None
    char = text[cursor]
    if char in "\"'`":
        end = text.find(char, cursor + 1, limit)
        if end < 0:
            return None
        value = text[cursor + 1 : end]
        return (f'"{value}"' if in_array else value), end + 1
    if char == "[" and not in_array:
        items: list[str] = []
        cursor = _SPACES.match(text, cursor + 1, limit).end()  # type: ignore[union-attr]
        while not text.startswith("]", cursor):
            item = _read_zola_value(text, cursor, limit, in_array=True)
            if item is None:
                return None
            items.append(item[0])
            cursor = _SPACES.match(text, item[1], limit).end()  # type: ignore[union-attr]
            if text.startswith(",", cursor):
                cursor = _SPACES.match(text, cursor + 1, limit).end()  # type: ignore[union-attr]
            elif not text.startswith("]", cursor):
                return None
        return "[" + ", ".join(items) + "]", cursor + 1
    scalar = _ZOLA_SCALAR.match(text, cursor, limit)
    if scalar:
        return scalar.group(0), scalar.end()
    return None
