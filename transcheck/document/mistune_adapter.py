"""Everything transcheck needs from mistune's internals, in one small module.

mistune 3 gives no positions: a block state here stamps every token with the body line it
starts on (``_line``) and gives every child state (list item, block quote) the line it starts
on; GFM table rows with extra or missing cells are read as Hugo renders them. The rest of
transcheck sees only :func:`parse_block_tokens`, :func:`parse_inline_tokens`, ``Token`` and
``MAX_NESTING``. Supported: mistune 3.3 and later (3.1–3.2 raise ``TypeError`` on lists and
quotes); ``.ci/run`` reads the samples with the oldest and the newest and compares.
"""

from __future__ import annotations

from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState
from mistune.plugins import import_plugin
from mistune.util import unikey

from transcheck.document.lines import LineIndex

Token = dict[str, Any]


class _State(BlockState):
    """A block state that knows on which body line (0-based) its text starts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.line_base = 0
        self.child_base = 0
        self.in_method = False
        self._lines: LineIndex | None = None

    def process(self, src: str) -> None:
        super().process(src)
        self._lines = None

    def line_index(self, pos: int) -> int:
        if self._lines is None:
            self._lines = LineIndex(self.src)
        return self._lines.newlines_before(pos)

    def body_line(self, pos: int) -> int:
        return self.line_base + self.line_index(pos)

    def append_token(self, token: Token) -> None:
        if not self.in_method and "_line" not in token:
            token["_line"] = self.body_line(self.cursor)
        super().append_token(token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if last and last["type"] == "paragraph":
            last["text"] += text
        else:
            self.tokens.append({"type": "paragraph", "text": text, "_line": self.body_line(self.cursor)})

    def child_state(self, src: str, lazy_line_starts: Any = None) -> "_State":
        child = super().child_state(src, lazy_line_starts)
        assert isinstance(child, _State)
        child.line_base = self.line_base + self.child_base
        # The list parser has consumed the next item's marker line before it
        # builds this item: that line is where the next child starts.
        self.child_base = max(self.line_index(self.cursor) - 1, self.child_base + 1)
        return child


class _Parser(BlockParser):
    state_cls = _State

    def parse_method(self, m: Any, state: BlockState) -> int | None:
        assert isinstance(state, _State)
        start = m.start()
        saved = state.in_method, state.child_base
        state.in_method = True
        state.child_base = state.line_index(start)
        before = len(state.tokens)
        try:
            result = super().parse_method(m, state)
        finally:
            state.in_method, state.child_base = saved
        if len(state.tokens) >= before:
            line = state.body_line(start)
            for token in state.tokens[max(0, before - 1) :]:
                token.setdefault("_line", line)
        return result


def _gfm_table_rows() -> None:
    """A body row with more or fewer cells than the header: GFM (and so Hugo's goldmark)
    cuts the extra cells and pads the missing ones; mistune turns the whole table into a
    paragraph. Make mistune's row reader do what the site renders."""
    from mistune.plugins import table as table_plugin

    split = getattr(table_plugin, "_split_table_cells", None)
    if split is None or not hasattr(table_plugin, "_process_row"):
        return  # another mistune: leave it as it is

    def process_row(text: str, aligns: list[str | None]) -> dict[str, object]:
        cells = (list(split(text)) + [""] * len(aligns))[: len(aligns)]
        children = [
            {"type": "table_cell", "text": cell.strip(), "attrs": {"align": aligns[i], "head": False}}
            for i, cell in enumerate(cells)
        ]
        return {"type": "table_row", "children": children}

    table_plugin._process_row = process_row


def _make_markdown() -> mistune.Markdown:
    _gfm_table_rows()
    plugins = [import_plugin(name) for name in ("table", "url", "strikethrough")]
    return mistune.Markdown(renderer=None, block=_Parser(), plugins=plugins)


_MARKDOWN = _make_markdown()
_MAX_NESTING = int(getattr(_MARKDOWN.block, "max_nested_level", 20))


def parse_block_tokens(text: str, line_base: int, env: dict[str, Any]) -> list[Token]:
    """mistune's block tokens of ``text``, each with ``_line``: its body line, counted from
    ``line_base``. Raises RecursionError on input nested beyond Python's stack."""
    state = _State()
    state.env = env
    state.line_base = line_base
    state.process(text)
    _MARKDOWN.block.parse(state)
    return list(state.tokens)


def parse_inline_tokens(text: str, env: dict[str, Any]) -> list[Token]:
    """mistune's inline tokens of one block's text (reference definitions from ``env``)."""
    return list(_MARKDOWN.inline(text, env))


def reference_key(label: str) -> str:
    """The key mistune files a link reference definition under (and looks a label up by)."""
    return unikey(label)


MARKDOWN = _MARKDOWN  # the configured parser (tests count its calls)
MAX_NESTING = _MAX_NESTING  # lists and quotes nested deeper stay text in mistune
