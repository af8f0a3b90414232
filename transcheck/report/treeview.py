"""`transcheck tree`: the document model as JSON data or as an indented outline."""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from transcheck.wording import shorten
from transcheck.document.model import (
    Block,
    BlockQuote,
    Body,
    CodeBlock,
    Document,
    FrontMatterEntry,
    HtmlBlock,
    Inline,
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    Shortcode,
    TableBlock,
    ThematicBreak,
)


def plain_value(value: Any) -> Any:
    """A front-matter value as JSON data (dates become ISO strings)."""
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    return value


def entry_data(entry: FrontMatterEntry) -> dict[str, Any]:
    return {
        "key": entry.key,
        "value": plain_value(entry.value),
        "line": entry.line,
        "raw": entry.raw,
        "kind": entry.value_kind,
        "duplicate": entry.duplicate,
    }


def inline_data(inline: Inline) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if inline.links:
        data["links"] = [
            {"url": l.url, "text": l.text, "line": l.line, "kind": l.kind} for l in inline.links
        ]
    if inline.code:
        data["code"] = list(inline.code)
    if inline.shortcodes:
        data["shortcodes"] = [block_data(s) for s in inline.shortcodes]
    return data


def block_data(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"type": block.type, "line": block.line}
    if isinstance(block, Paragraph):
        data["text"] = block.text
        data.update(inline_data(block.inline))
    elif isinstance(block, ListBlock):
        data.update(ordered=block.ordered, start=block.start, items=[item_data(i) for i in block.items])
    elif isinstance(block, CodeBlock):
        data.update(fence=block.fence, info=block.info, code=block.code)
    elif isinstance(block, TableBlock):
        data.update(header=block.header, rows=block.rows, shape=list(block.shape))
        data.update(inline_data(block.inline))
    elif isinstance(block, BlockQuote):
        data["blocks"] = [block_data(b) for b in block.blocks]
    elif isinstance(block, HtmlBlock):
        data["html"] = block.html
        data["text"] = block.text
        data.update(inline_data(block.inline))
    elif isinstance(block, Shortcode):
        data.update(
            name=block.name,
            delimiter=block.delimiter,
            syntax=block.syntax,
            positional=block.positional,
            named=dict(block.named),
            self_closing=block.self_closing,
            paired=block.paired,
            closing_line=block.closing_line,
            inline=block.inline,
        )
        if block.body is not None:
            data["body"] = body_data(block.body)
        if block.inner:
            data["inner"] = block.inner
    return data


def item_data(item: ListItem) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "item", "line": item.line, "text": item.text}
    if item.task is not None:
        data["task"] = item.task
    data.update(inline_data(item.inline))
    if item.blocks:
        data["blocks"] = [block_data(b) for b in item.blocks]
    return data


def section_data(section: Section) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": section.title,
        "level": section.level,
        "line": section.line,
        "style": section.style,
    }
    if section.id:
        data["id"] = section.id
    data.update(inline_data(section.inline))
    data["blocks"] = [block_data(b) for b in section.blocks]
    data["sections"] = [section_data(s) for s in section.sections]
    return data


def body_data(body: Body) -> dict[str, Any]:
    return {
        "blocks": [block_data(b) for b in body.blocks],
        "sections": [section_data(s) for s in body.sections],
    }


def document_data(doc: Document) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": doc.path,
        "front_matter_format": doc.front_matter.format,
        "front_matter": [entry_data(e) for e in doc.front_matter.entries],
    }
    data.update(body_data(doc.body))
    data["problems"] = [
        {"line": p.line, "kind": p.kind, "message": p.message} for p in doc.problems
    ]
    data["lines"] = doc.line_count
    return data


def tree_json(doc: Document) -> str:
    return json.dumps(document_data(doc), ensure_ascii=False, indent=2)


# --- text outline -------------------------------------------------------------


def tree_text(doc: Document) -> str:
    width = len(str(max(doc.line_count, 1)))
    out: list[str] = [doc.path]

    def emit(line: int, depth: int, text: str) -> None:
        out.append(f"{line:>{width}}  {'  ' * depth}{text}")

    fm = doc.front_matter
    if fm.format != "none":
        out.append(f"front matter ({fm.format}), {len(fm.entries)} keys")
        for entry in fm.entries:
            mark = "  [duplicate key]" if entry.duplicate else ""
            kind = f" ({entry.value_kind})" if entry.value_kind not in ("str",) else ""
            emit(entry.line, 1, f"{entry.key}: {shorten(entry.raw, 70)}{kind}{mark}")
    out.append("body")
    _emit_body(doc.body, 1, emit)
    for problem in doc.problems:
        emit(problem.line, 0, f"! {problem.kind}: {problem.message}")
    return "\n".join(out)


def _emit_body(body: Body, depth: int, emit: Any) -> None:
    for block in body.blocks:
        _emit_block(block, depth, emit)
    for section in body.sections:
        _emit_section(section, depth, emit)


def _emit_section(section: Section, depth: int, emit: Any) -> None:
    marker = "**bold**" if section.style == "bold" else "#" * section.level
    ident = f" {{#{section.id}}}" if section.id else ""
    emit(section.line, depth, f"{marker} {section.title}{ident}")
    for block in section.blocks:
        _emit_block(block, depth + 1, emit)
    for sub in section.sections:
        _emit_section(sub, depth + 1, emit)


def _emit_block(block: Block, depth: int, emit: Any) -> None:
    if isinstance(block, Paragraph):
        emit(block.line, depth, f'paragraph "{shorten(block.text)}"')
        _emit_inline(block.inline, depth + 1, emit)
    elif isinstance(block, ListBlock):
        kind = f"ordered list from {block.start}" if block.ordered else "bullet list"
        emit(block.line, depth, f"{kind}, {len(block.items)} items")
        for index, item in enumerate(block.items):
            marker = f"{block.start + index}." if block.ordered else "-"
            emit(item.line, depth + 1, f"{marker} {shorten(item.text)}")
            _emit_inline(item.inline, depth + 2, emit)
            for child in item.blocks:
                _emit_block(child, depth + 2, emit)
    elif isinstance(block, CodeBlock):
        info = f" {block.info}" if block.info else ""
        emit(block.line, depth, f"code {block.fence or 'indented'}{info}, {block.code.count(chr(10))} lines")
    elif isinstance(block, TableBlock):
        rows, cols = block.shape
        emit(block.line, depth, f"table {rows} rows x {cols} columns: {' | '.join(block.header)}")
        _emit_inline(block.inline, depth + 1, emit)
    elif isinstance(block, BlockQuote):
        emit(block.line, depth, "quote")
        for child in block.blocks:
            _emit_block(child, depth + 1, emit)
    elif isinstance(block, HtmlBlock):
        emit(block.line, depth, f"html {shorten(block.html, 50)}")
        _emit_inline(block.inline, depth + 1, emit)
    elif isinstance(block, ThematicBreak):
        emit(block.line, depth, "---")
    elif isinstance(block, Shortcode):
        _emit_shortcode(block, depth, emit)


def _shortcode_label(sc: Shortcode) -> str:
    if sc.syntax == "zola":
        args = ", ".join(f"{k}={_zola_value(shorten(v, 30))}" for k, v in sc.named)
        return f"{{% {sc.name}({args}) %}}" if sc.delimiter == "%" else f"{{{{ {sc.name}({args}) }}}}"
    shown = [f'"{shorten(v, 30)}"' for v in sc.positional]
    shown += [f'{k}="{shorten(v, 30)}"' for k, v in sc.named]
    inner = (" " + " ".join(shown)) if shown else ""
    end = (" /" if sc.self_closing else " ") + (">" if sc.delimiter == "<" else "%")
    return f"{{{{{sc.delimiter} {sc.name}{inner}{end}}}}}"


def _zola_value(value: str) -> str:
    """Numbers, booleans and arrays as written; strings quoted again."""
    if value in ("true", "false") or value.startswith("[") or re.fullmatch(r"-?\d+(?:\.\d+)?", value):
        return value
    return f'"{value}"'


def _emit_shortcode(sc: Shortcode, depth: int, emit: Any) -> None:
    pair = f" … closed on line {sc.closing_line}" if sc.paired and sc.closing_line else ""
    emit(sc.line, depth, f"shortcode {_shortcode_label(sc)}{pair}")
    if sc.body is not None:
        _emit_body(sc.body, depth + 1, emit)


def _emit_inline(inline: Inline, depth: int, emit: Any) -> None:
    for link in inline.links:
        label = f' "{shorten(link.text, 30)}"' if link.text and link.text != link.url else ""
        emit(link.line, depth, f"{link.kind} {shorten(link.url, 70)}{label}")
    for sc in inline.shortcodes:
        emit(sc.line, depth, f"inline shortcode {_shortcode_label(sc)}")
