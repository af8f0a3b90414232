"""Markdown body → flat list of typed blocks with exact file lines.

mistune 3 reads the Markdown (through :mod:`.mistune_adapter`, which stamps every token with
its line); this module does the rest:

* Hugo shortcodes are cut out *before* mistune runs: a tag alone on its line
  becomes an HTML comment placeholder (a block of its own, which is what Hugo
  means by it), an inline tag becomes a private-use placeholder inside the
  text. Line counts never change, so positions stay exact;
* mistune's tokens become the typed model (headings, lists, tables, code, quotes,
  shortcodes), with the repairs Hugo's renderer makes (fences, nesting limits).
"""

from __future__ import annotations

import bisect
import re
from html import unescape
from urllib.parse import unquote
from typing import Any

from transcheck.lazyre import lazy_compile
from transcheck.document.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HtmlBlock,
    Inline,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Problem,
    Shortcode,
    TableBlock,
    ThematicBreak,
    LinkKind,
    iter_blocks,
    last_line,
    tag_label,
)
from transcheck.document.lines import LineIndex
from transcheck.document.mistune_adapter import MAX_NESTING, Token, parse_block_tokens, parse_inline_tokens, reference_key
from transcheck.document.sections import build_body
from transcheck.document.shortcodes import Tag, find_tags, pair_tags

Item = Block | Heading  # what the flat parse yields before sections exist

INLINE_OPEN, INLINE_CLOSE, INLINE_FILL = "\ue000", "\ue001", "\ue002"
_BLOCK_PLACEHOLDER = lazy_compile(r"<!--tcsc:(\d+)-->")
# A month's name and a year first (Nordic and English): "13. desember 2022 …"
_MONTH_FIRST = lazy_compile(
    r"(?:jan(?:uar[iy]?|vier)?|feb(?:ruar[iy]?)?|mar(?:s|ch|ts)?|apr(?:il)?|ma[ij]|may|jun[ie]?|jul[iy]?|aug(?:ust[i]?)?"
    r"|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cs](?:ember)?)\b\.?\s+(?:19|20)\d\d\b",
    re.I,
)
# a month's name alone: enough where a one-item list of day 2 to 31 stands inside a bullet
# item ("- 22. november skriver …": nobody numbers a single nested item from 22)
# (full names only, and none that is also an English word: "May require", "March on", "Mars")
_MONTH_ALONE = lazy_compile(
    r"(?:januar[iy]?|janvier|februar[iy]?|april|maj|mai|jun[ie]|jul[iy]|august[i]?|september|o[ck]tober"
    r"|november|de[cs]ember)\b",
    re.I,
)
_FILLER = "<!---->"  # keeps a replaced region's line count; an empty comment renders as nothing
_ONLY_PLACEHOLDERS = lazy_compile(r"\s*(?:(?:<!--tcsc:\d+-->|<!---->)\s*)+")
_INLINE_PLACEHOLDER = lazy_compile(INLINE_OPEN + r"(\d+)" + INLINE_CLOSE)
_TASK = lazy_compile(r"\[([ xX])\]\s+")
MAX_INDENT = 160  # deeper indentation is cut: nothing real nests 80 lists deep
_DEEP_INDENT = lazy_compile(r"^[ \t]{%d,}" % (MAX_INDENT + 1), re.M)
# A heading's attribute list, as Hugo's Goldmark (and Zola for ids) read it at the end of the
# title: "## Title {#id .class lang=en}". No brace inside a part, so a shortcode never matches.
_HEADING_ATTRIBUTES = lazy_compile(
    r"""\{[ \t]*((?:(?:#[^\s{}]+|\.[^\s{}]+|[\w-]+=(?:"[^"{}]*"|'[^'{}]*'|[^\s{}"']+))[ \t]*)+)\}"""
)
_ATTRIBUTE_ID = lazy_compile(r"(?:^|\s)#([^\s{}]+)")
_FENCE = lazy_compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = lazy_compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
# the value may be a Hugo call with quotes of its own: href="{{% relref "/x.md" %}}"
_HREF = lazy_compile(r"""<a\s[^<>]*?href\s*=\s*["']?(\{\{[<%].*?[%>]\}\}|[^"'\s>]+)""", re.I)
_IMG_SRC = lazy_compile(r"""<img\s[^<>]*?src\s*=\s*["']?(\{\{[<%].*?[%>]\}\}|[^"'\s>]+)""", re.I)
_ITEM_START = lazy_compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_CONTAINER_LINE = lazy_compile(r"^[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)", re.M)
# What mistune's inline parser reacts to (its rules' first characters, the url plugin's
# "http"); text without any of it is one text token. Case-blind, to be safe.
_INLINE_SYNTAX = lazy_compile(r"[\\`*_!\[\]<>~&\ue000-\ue002]|https?:", re.I)
_LINE_BREAK = lazy_compile(r" *\n\s*")  # mistune's soft and hard line breaks, as it reads them
MAX_SHORTCODE_DEPTH = 16  # real pages nest a few deep; a limit keeps hostile input linear




def heading_attributes(title: str) -> tuple[str, str | None]:
    """(The title without its attribute list, the id it gives or None): ``Setup {#setup
    .notranslate}`` is the title "Setup" with the id "setup". Only the last braces are read
    (``rfind``), so a title of any length costs one pass."""
    start = title.rfind("{")
    if not title.endswith("}") or start < 0 or (start > 0 and title[start - 1] == "{"):
        return title, None
    match = _HEADING_ATTRIBUTES.fullmatch(title, start)
    if match is None:
        return title, None
    ids = _ATTRIBUTE_ID.findall(match.group(1))
    return title[:start].rstrip(), (ids[-1] if ids else None)


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks and inline code spans (no shortcodes there)."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    may_fence = "```" in text or "~~~" in text  # most pages have no fenced code: no line is tried
    for line in text.split("\n"):
        end = offset + len(line) + 1
        match = _FENCE.match(line) if may_fence else None
        if fence is None:
            if match:
                fence, fence_start = match.group(1), offset
            elif "`" in line:
                for span in _CODE_SPAN.finditer(line):
                    ranges.append((offset + span.start(), offset + span.end()))
        elif match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)):].strip():
            ranges.append((fence_start, end))
            fence = None
        offset = end
    if fence is not None:
        ranges.append((fence_start, len(text)))
    # Commented-out HTML is invisible on the page: shortcodes there are not compared.
    ranges.extend(comment_ranges(text, ranges))
    return sorted(ranges)


def comment_ranges(text: str, code: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """HTML comments outside ``code``, in one forward pass (linear even when unclosed).

    An unclosed ``<!--`` at the start of a line opens an HTML block that runs to
    the end (CommonMark), so everything after it is hidden; one inside a line
    is only text.
    """
    code = sorted(code)
    code_starts = [start for start, _ in code]
    found: list[tuple[int, int]] = []
    position = 0
    no_close_from = len(text) + 1  # no "-->" at or after this offset (searched once)
    while True:
        start = text.find("<!--", position)
        if start < 0:
            break
        at = bisect.bisect_right(code_starts, start) - 1
        if at >= 0 and code[at][0] <= start < code[at][1]:
            position = code[at][1]
            continue
        close = text.find("-->", start + 4) if start + 4 < no_close_from else -1
        if close >= 0:
            found.append((start, close + 3))
            position = close + 3
            continue
        no_close_from = min(no_close_from, start + 4)
        line_start = text.rfind("\n", 0, start) + 1
        if len(text[line_start:start].expandtabs(4)) < 4 and not text[line_start:start].strip():
            found.append((start, len(text)))
            break
        position = start + 4
    return found


def _alone_on_lines(text: str, tags: list[Tag]) -> list[bool]:
    """For each tag: do its lines hold nothing but shortcode tags (and quote markers)?

    Tags are grouped by the lines they stand on, so a line of many tags costs once.
    """
    result: list[bool] = [False] * len(tags)
    index = 0
    while index < len(tags):
        line_start = text.rfind("\n", 0, tags[index].start) + 1
        line_end = text.find("\n", tags[index].end)
        line_end = len(text) if line_end < 0 else line_end
        group = [index]
        while index + 1 < len(tags) and tags[index + 1].start < line_end:
            index += 1
            group.append(index)
            end = text.find("\n", tags[index].end)
            line_end = max(line_end, len(text) if end < 0 else end)
        position = line_start
        blank = True
        for member in group:
            if text[position : tags[member].start].strip(" \t>"):
                blank = False
                break
            position = max(position, tags[member].end)
        if blank and text[position:line_end].strip():
            blank = False
        for member in group:
            result[member] = blank
        index += 1
    return result


class BodyParser:
    """Parses one body text (or a shortcode's inside). Use :func:`parse_blocks`."""

    def __init__(
        self,
        text: str,
        first_line: int,
        env: dict[str, Any] | None = None,
        problems: list[Problem] | None = None,
        depth: int = 0,
    ) -> None:
        self.text = text
        self.first_line = first_line  # file line of this text's line 0
        self.problems: list[Problem] = problems if problems is not None else []
        self.pending: list[Item] = []  # items a converted token gives after itself
        self.tags: list[Tag] = []
        self.containers: dict[int, Shortcode] = {}  # opening tag index -> container with its body
        self.env: dict[str, Any] = env if env is not None else {"ref_links": collect_references(text)}
        self.depth = depth
        self._nesting = 0  # lists and quotes around the tokens being converted
        self._folded = False
        self._lines: LineIndex | None = None

    # -- placeholders --------------------------------------------------------

    def _line_of(self, offset: int) -> int:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.line_of(offset, self.first_line)

    def _substitute(self) -> str:
        """The text with every shortcode replaced by a placeholder of the same line count.

        A pair whose tags stand on different lines is a container, found in the
        raw text as Hugo finds it (whatever the Markdown indentation says); its
        inside is parsed on its own and the whole region becomes one block.
        """
        # no tag starts without "{{" or "{%": then no walk over every line for code
        may_have_tags = "{{" in self.text or "{%" in self.text
        tags, malformed = find_tags(self.text, code_ranges(self.text) if may_have_tags else [])
        for bad in malformed:
            self.problems.append(Problem(self._line_of(bad.start), "shortcode-syntax", bad.message))
        for index in pair_tags(tags):
            tag = tags[index]
            self.problems.append(
                Problem(
                    self._line_of(tag.start),
                    "shortcode-orphan-close",
                    f"closing shortcode '{tag_label(tag.syntax, tag.delimiter, tag.name, closing=True)}' has no opening tag",
                )
            )
        for tag in tags:
            if tag.syntax == "zola" and not tag.closing and not tag.self_closing and tag.partner is None:
                # Zola refuses a body shortcode without its end (Hugo's may stand alone)
                label = tag_label(tag.syntax, tag.delimiter, tag.name)
                self.problems.append(
                    Problem(self._line_of(tag.start), "shortcode-syntax", f"shortcode '{label}' is never closed with '{{% end %}}'")
                )
        self.tags = tags
        alone = _alone_on_lines(self.text, tags)
        indents: dict[int, str] = {}  # line start -> indentation given to a tag line
        pieces: list[str] = []
        position = 0
        index = 0
        while index < len(tags):
            tag = tags[index]
            before = self.text[position : tag.start]
            indent = self._indent(tag) if alone[index] else ""
            if indent:
                # A line of shortcode tags is never indented code, whatever its indentation.
                new_indent = self._block_indent(tag, indent, indents)
                before = before[: len(before) - len(indent)] + new_indent
                indent = new_indent
            pieces.append(before)
            end = tag.end
            if tag.name.lower() == "comment" and not tag.closing and tag.partner is not None:
                # {{% comment %}} … {{% /comment %}} is never rendered (Docsy and many themes):
                # not part of the page, so not compared; its lines stay, blank
                end = tags[tag.partner].end
                pieces.append("\n" * self.text.count("\n", tag.start, end))
                position = end
                index = tag.partner + 1
                continue
            if self._is_container(tag, alone[index]):
                assert tag.partner is not None
                closer = tags[tag.partner]
                self.containers[index] = self._container(index, closer, inline=not alone[index])
                end = closer.end
            newlines = self.text.count("\n", tag.start, end)
            if alone[index]:
                pieces.append(f"<!--tcsc:{index}-->" + ("\n" + indent + _FILLER) * newlines)
                if newlines:  # the region's last line stands where its first does
                    indents[self.text.rfind("\n", 0, end) + 1] = indent
            else:
                pieces.append(f"{INLINE_OPEN}{index}{INLINE_CLOSE}" + f"\n{INLINE_FILL}" * newlines)
            position = end
            index = tag.partner + 1 if index in self.containers and tag.partner is not None else index + 1
        pieces.append(self.text[position:])
        return "".join(pieces)

    def _is_container(self, tag: Tag, alone: bool = False) -> bool:
        if tag.closing or tag.partner is None:
            return False
        between = self.text[tag.end : self.tags[tag.partner].start]
        if "\n" not in between and not (alone and between.strip()):
            # both tags on one line: an inline pair, unless the line holds nothing but tags
            # ("{{% alert %}} {{% param warning %}} {{% /alert %}}": a block holding one)
            return False
        if self.depth + 1 >= MAX_SHORTCODE_DEPTH:
            self.problems.append(
                Problem(
                    self._line_of(tag.start),
                    "too-deep",
                    f"shortcodes nested more than {MAX_SHORTCODE_DEPTH} deep; the inner ones are not nested",
                )
            )
            return False
        return True

    def _container(self, index: int, closer: Tag, inline: bool) -> Shortcode:
        tag = self.tags[index]
        container = self._shortcode(index, inline)
        inner = _dedent_after_first_line(self.text[tag.end : closer.start])
        child = BodyParser(inner, self._line_of(tag.end), self.env, self.problems, self.depth + 1)
        container.body = build_body(child.parse())
        return container

    def _indent(self, tag: Tag) -> str:
        line_start = self.text.rfind("\n", 0, tag.start) + 1
        indent = self.text[line_start : tag.start]
        return indent if not indent.strip() else ""

    def _block_indent(self, tag: Tag, indent: str, indents: dict[int, str]) -> str:
        """Indentation for a line of tags that keeps it in its list item but out of code.

        Under four columns nothing changes. Deeper, the line gets at most the
        content column of the line above it (a list item's text, or a tag line
        already placed), so a tab-indented ``{{< tab >}}`` is a shortcode block.
        """
        line_start = self.text.rfind("\n", 0, tag.start) + 1
        if len(indent.expandtabs(4)) < 4:
            indents[line_start] = indent
            return indent
        previous = line_start - 1
        content = 0
        while previous > 0:
            start = self.text.rfind("\n", 0, previous) + 1
            line = self.text[start:previous]
            if line.strip():
                if start in indents:
                    content = len(indents[start].expandtabs(4))
                else:
                    marker = _ITEM_START.match(line)
                    content = len((marker.group(0) if marker else line[: len(line) - len(line.lstrip())]).expandtabs(4))
                break
            previous = start - 1
        new_indent = " " * min(content, len(indent.expandtabs(4)))
        indents[line_start] = new_indent
        return new_indent

    def _shortcode(self, index: int, inline: bool) -> Shortcode:
        if index in self.containers:
            container = self.containers[index]
            container.inline = inline
            return container
        tag = self.tags[index]
        closing_line = None
        if tag.partner is not None and not tag.closing:
            closing_line = self._line_of(self.tags[tag.partner].start)
        return Shortcode(
            name=tag.name,
            line=self._line_of(tag.start),
            delimiter=tag.delimiter,
            positional=list(tag.positional),
            named=list(tag.named),
            self_closing=tag.self_closing,
            paired=tag.partner is not None,
            closing_line=closing_line,
            end_line=closing_line or self._line_of(tag.end),
            inline=inline,
            raw=tag.raw,
            tag_index=index,
            syntax=tag.syntax,
        )

    def restore(self, text: str) -> str:
        """Put the original tag text back where placeholders stand."""
        text = _INLINE_PLACEHOLDER.sub(lambda m: self.tags[int(m.group(1))].raw, text)
        text = _BLOCK_PLACEHOLDER.sub(lambda m: self.tags[int(m.group(1))].raw, text)
        text = text.replace(_FILLER, "")
        return text.replace("\n" + INLINE_FILL, "\n").replace(INLINE_FILL, "")

    # -- parsing --------------------------------------------------------------

    def parse(self) -> list[Item]:
        source = self._substitute()
        if _DEEP_INDENT.search(source):
            line = source.count("\n", 0, _DEEP_INDENT.search(source).start()) + self.first_line  # type: ignore[union-attr]
            self.problems.append(
                Problem(line, "too-deep", f"indentation deeper than {MAX_INDENT} columns is read as {MAX_INDENT}")
            )
            source = _DEEP_INDENT.sub(" " * MAX_INDENT, source)
        if not source.endswith("\n"):
            source += "\n"
        items: list[Item] = []
        problems_before = len(self.problems)
        # A huge body is parsed a piece at a time (pieces end before a top-level heading,
        # where Markdown starts afresh), converting and dropping each piece's tokens:
        # mistune's tokens for a whole 20 MiB page took most of a gigabyte.
        pieces = chunks(source)
        # mistune files reference definitions as its block parser meets them, and the
        # inline parser looks them up: with definitions on the page, every piece is
        # parsed before any is converted, as a whole page is
        keep_tokens = len(pieces) > 1 and "]:" in source
        parsed: list[Token] = []
        index = 0
        while index < len(pieces):
            line_base, piece = pieces[index]
            index += 1
            try:
                tokens = parse_block_tokens(piece, line_base, self.env)
            except RecursionError:
                del self.problems[problems_before:]
                self.problems.append(Problem(self.first_line, "too-deep", "Markdown nested too deeply to parse"))
                return []
            if index < len(pieces) and tokens and tokens[-1]["type"] in ("block_code", "block_html"):
                # code or raw HTML ran to the end of the piece and may go on in the next: the
                # rest of the body is parsed whole (piece by piece could parse it again and again)
                pieces[index - 1 :] = [(line_base, "".join(text for _, text in pieces[index - 1 :]))]
                index -= 1
                continue
            pieces[index - 1] = (line_base, "")
            if keep_tokens:
                parsed.extend(tokens)
            else:
                items.extend(self._convert(tokens, top=True))
        if keep_tokens:
            items = self._convert(parsed, top=True)
        if self.depth > 0 and len(items) == 1:  # the whole inside of a shortcode container
            items = [_dialogue_line(items[0], require_speech=False) or items[0]]
        return items

    def _line(self, token: Token) -> int:
        return self.first_line + int(token.get("_line", 0))

    def _convert(self, tokens: list[Token], top: bool = False) -> list[Item]:
        items: list[Item] = []
        for token in tokens:
            if token["type"] == "block_html" and _ONLY_PLACEHOLDERS.fullmatch(token.get("raw", "")):
                for match in _BLOCK_PLACEHOLDER.finditer(token["raw"]):
                    index = int(match.group(1))
                    if not self.tags[index].closing:  # an orphan closer is reported as a problem
                        items.append(self._shortcode(index, inline=False))
                continue
            item = self._convert_one(token, top)
            if item is None:
                continue
            if isinstance(item, CodeBlock) and items and _label_over_code(items[-1]):
                label = items[-1]
                assert isinstance(label, Heading)
                # "**Config argument:**" over a code block labels the code: a line of text,
                # as a translation writes it ("設定引数の場合は次のとおりです。"), no section
                items[-1] = Paragraph(label.line, label.title, label.line, label.inline)
            dialogue = _dialogue_line(item, require_speech=True) if top else None
            if dialogue is None:
                dialogue = _date_line(item, nested=self._nesting > 0 and len(tokens) == 1)
            if dialogue is not None:
                previous = items[-1] if items else None
                if isinstance(previous, Paragraph) and previous.end_line + 1 == dialogue.line:
                    _join_paragraphs(previous, dialogue)  # "- Hej, sa hon." went on the paragraph's line
                    continue
                item = dialogue
            items.append(item)
            if self.pending:
                items.extend(self.pending)
                self.pending.clear()
            if token["type"] == "block_html" and "<!--tcsc:" in token.get("raw", ""):
                # a shortcode on its own line inside raw HTML (`<div class="grid">` then
                # `{{< flexbox >}}` with no blank line between) is a block of the page too
                for match in _BLOCK_PLACEHOLDER.finditer(token["raw"]):
                    index = int(match.group(1))
                    if not self.tags[index].closing:
                        items.append(self._shortcode(index, inline=False))
        return items

    def _convert_one(self, token: Token, top: bool) -> Item | None:
        kind = token["type"]
        line = self._line(token)
        if kind == "blank_line":
            return None
        if kind == "heading":
            return self._heading(token, line)
        if kind in ("paragraph", "block_text"):
            text = token.get("text", "")
            plain, inline = self.inline(text, line)
            if not plain.strip() and len(inline.shortcodes) == 1 and not inline.links:
                only = inline.shortcodes[0]
                only.inline = False
                return only
            bold = _bold_heading(text) if kind == "paragraph" and top else None
            if bold is not None:
                title, _ = self.inline(bold, line)
                return Heading(line, title.strip(), 0, "bold", inline=inline)
            if kind == "paragraph" and top and (split := _bold_line_over_images(text)) is not None:
                # "**FACTS ABOUT X**" with a picture on the next line: a heading, then the picture
                first, rest = split
                title, _ = self.inline(first, line)
                rest_plain, rest_inline = self.inline(rest, line + 1)
                self.pending.append(Paragraph(line + 1, rest_plain.strip(), line + text.rstrip("\n").count("\n"), rest_inline))
                return Heading(line, title.strip(), 0, "bold", inline=Inline())
            label = _label_heading(text, plain, inline) if kind == "paragraph" and top else None
            if label is not None:
                return Heading(line, label, 0, "bold", inline=inline)
            return Paragraph(line, plain.strip(), line + text.rstrip("\n").count("\n"), inline)
        if kind == "list":
            return self._list(token, line)
        if kind == "block_code":
            raw = self.restore(token.get("raw", ""))
            info = (token.get("attrs") or {}).get("info", "") or ""
            fence = token.get("marker", "") or ""
            end = line + raw.count("\n") + (1 if fence else -1)
            return CodeBlock(line, raw, fence[:3], info.strip(), max(line, end))
        if kind == "block_quote":
            self._nesting += 1
            try:
                blocks = [_demote(c) for c in self._convert(token.get("children", []))]
            finally:
                self._nesting -= 1
            self._check_folded(blocks, line)
            if len(blocks) == 1:  # a quotation that is one dialogue line
                blocks = [_dialogue_line(blocks[0], require_speech=False) or blocks[0]]
            end = max([last_line(b) for b in blocks], default=line)
            return BlockQuote(line, blocks, end)
        if kind == "block_html":
            raw = token.get("raw", "")
            match = _BLOCK_PLACEHOLDER.fullmatch(raw.strip())
            if match:
                return self._shortcode(int(match.group(1)), inline=False)
            inline = Inline()  # shortcodes on their own lines in it are blocks after it (_convert)
            restored = self.restore(raw)
            inline.links.extend(_html_links(restored, line))
            end = line + raw.rstrip("\n").count("\n")
            if raw.lstrip().startswith("<!--") and "-->" not in raw:
                self.problems.append(
                    Problem(
                        line,
                        "unclosed-comment",
                        f"HTML comment '<!--' is never closed: lines {line}–{end} are hidden on the page "
                        "and not compared (add '-->')",
                    )
                )
            table = _html_table(restored, line, end, inline)
            if table is not None:
                return table  # a <table> is a table, whichever way a version writes it
            text = html_text(_without_placeholders(raw).strip("\n"))
            return HtmlBlock(line, restored.strip("\n"), end, inline, text)
        if kind == "thematic_break":
            return ThematicBreak(line)
        if kind == "table":
            return self._table(token, line)
        # Anything else a plugin produces: keep its text so nothing is lost.
        text = token.get("text") or token.get("raw") or ""
        plain, inline = self.inline(text, line)
        return Paragraph(line, plain.strip(), line, inline)

    def _check_folded(self, blocks: list[Block], line: int) -> None:
        """At mistune's nesting limit inner lists and quotes stay text: say so, once."""
        if self._folded or self._nesting < MAX_NESTING - 1:
            return
        for block in blocks:
            if isinstance(block, Paragraph) and _CONTAINER_LINE.search(block.text):
                self._folded = True
                self.problems.append(
                    Problem(
                        block.line,
                        "too-deep",
                        f"lists and quotes nested more than {MAX_NESTING} deep: the inner ones are read as text",
                    )
                )
                return

    def _heading(self, token: Token, line: int) -> Heading:
        text, heading_id = heading_attributes(token.get("text", "").strip())
        plain, inline = self.inline(text, line)
        style = "setext" if token.get("style") == "setext" else "atx"
        return Heading(line, plain.strip(), int(token["attrs"]["level"]), style, heading_id, inline)

    def _list(self, token: Token, line: int) -> ListBlock:
        attrs = token.get("attrs") or {}
        items: list[ListItem] = []
        for child in token.get("children", []):
            item_line = self._line(child) if "_line" in child else line
            self._nesting += 1
            try:
                blocks = [_demote(b) for b in self._convert(child.get("children", []))]
            finally:
                self._nesting -= 1
            self._check_folded(blocks, item_line)
            text_parts = [b.text for b in blocks if isinstance(b, Paragraph)]
            first = blocks[0] if blocks else None
            item_inline = first.inline if isinstance(first, Paragraph) else NO_INLINE
            if first is not None:
                item_line = first.line
            rest = blocks[1:] if isinstance(first, Paragraph) else blocks
            task = None
            text = text_parts[0] if text_parts and isinstance(first, Paragraph) else ""
            task_match = _TASK.match(text)
            if task_match:
                task = task_match.group(1) != " "
                text = text[task_match.end() :]
            items.append(
                ListItem(
                    line=item_line,
                    text=text,
                    blocks=rest,
                    inline=item_inline,
                    task=task,
                    end_line=max([last_line(b) for b in blocks] + [item_line]),
                )
            )
        end = max([item.end_line for item in items] + [line])
        return ListBlock(
            line=items[0].line if items else line,
            ordered=bool(attrs.get("ordered")),
            items=items,
            start=int(attrs.get("start", 1)),
            bullet=token.get("bullet", "-"),
            end_line=end,
        )

    def _table(self, token: Token, line: int) -> TableBlock:
        header: list[str] = []
        rows: list[list[str]] = []
        inline = Inline()
        row_line = line
        for part in token.get("children", []):
            if part["type"] == "table_head":
                for cell in part.get("children", []):
                    plain, cell_inline = self.inline(cell.get("text", ""), line)
                    header.append(plain.strip())
                    _merge(inline, cell_inline)
                row_line = line + 1
            elif part["type"] == "table_body":
                for row in part.get("children", []):
                    row_line += 1
                    cells = []
                    for cell in row.get("children", []):
                        plain, cell_inline = self.inline(cell.get("text", ""), row_line)
                        cells.append(plain.strip())
                        _merge(inline, cell_inline)
                    rows.append(cells)
        return TableBlock(line, header, rows, row_line, _shared_if_empty(inline))

    # -- inline ---------------------------------------------------------------

    def inline(self, text: str, line: int) -> tuple[str, Inline]:
        """Plain text and links/code/shortcodes of one block's inline source.

        A pair on one line becomes one shortcode with its ``inner`` text; a
        container that starts inside the text carries its parsed body.
        """
        inline = Inline()
        if _INLINE_SYNTAX.search(text) is None:
            # Nothing for the inline parser to find (most list items, table cells and
            # headings): its whole answer is the text, each line break with the spaces
            # around it read as one "\n"
            return _LINE_BREAK.sub("\n", text.strip(" \r\n\t\f")), NO_INLINE
        matches = list(_INLINE_PLACEHOLDER.finditer(text))
        here = {int(m.group(1)): m for m in matches}
        for index, match in here.items():
            tag = self.tags[index]
            if tag.closing:
                continue  # its opener carries the pair; an orphan is reported as a problem
            shortcode = self._shortcode(index, inline=True)
            if tag.partner is not None and tag.partner in here:
                inner = text[match.end() : here[tag.partner].start()]
                if len(inner) <= 4000:  # nested pairs on one line: keep it linear
                    shortcode.inner = self.restore(inner).strip()
            inline.shortcodes.append(shortcode)
        source = text.replace("\n" + INLINE_FILL, "\n").replace(INLINE_FILL, "")
        try:
            tokens = parse_inline_tokens(source.strip(" \r\n\t\f"), self.env)
        except RecursionError:
            return self.restore(source), inline
        lead = len(source) - len(source.lstrip(" \r\n\t\f"))
        walker = _InlineWalker(self, source, line, lead)
        walker.walk(tokens)
        inline.links.extend(walker.links)
        inline.code.extend(walker.code)
        # an inline shortcode's arguments are data, not words of the text
        plain = _INLINE_PLACEHOLDER.sub("", "".join(walker.text))
        return plain, _shared_if_empty(inline)


    # -- shortcode containers -------------------------------------------------


class _InlineWalker:
    """Collects plain text, links and code spans from mistune inline tokens."""

    def __init__(self, parser: BodyParser, source: str, line: int, lead: int) -> None:
        self.parser = parser
        self.source = source
        self.line = line
        self.cursor = lead
        self.text: list[str] = []
        self.links: list[Link] = []
        self.code: list[str] = []
        self._lines: LineIndex | None = None

    def _line_of(self, needle: str) -> int:
        index = self.source.find(needle, self.cursor) if needle else -1
        if index < 0:
            index = self.cursor
        else:
            self.cursor = index + len(needle)
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines.line_of(index, self.line)

    def walk(self, tokens: list[Token]) -> None:
        stack: list[Token | str] = list(reversed(tokens))
        while stack:
            token = stack.pop()
            if isinstance(token, str):
                self.text.append(token)
                continue
            kind = token["type"]
            if kind == "text":
                raw = token.get("raw", "")
                self.text.append(raw)
                self._line_of(raw[:40])
                if len(raw) > 40 and self.source.startswith(raw[40:], self.cursor):
                    self.cursor += len(raw) - 40  # past the whole text: a label after it is not in it
            elif kind == "codespan":
                self.code.append(token.get("raw", ""))
                self.text.append(token.get("raw", ""))
                self._line_of(token.get("raw", ""))
            elif kind in ("softbreak", "linebreak"):
                self.text.append("\n")
            elif kind in ("link", "image"):
                self._link(token)
                # The label was found with the URL: walking it again would move
                # the line cursor to a later copy of the same words.
                self.text.append(_plain(token.get("children", [])))
                for child in _images(token.get("children", [])):
                    self._link(child)
            elif kind == "inline_html":
                raw = token.get("raw", "")
                if self.text and not self.text[-1].endswith((" ", "\n")):
                    # "<crd>17973032</crd><crd>59360501</crd>": a tag separates what it stands
                    # between, or two numbers would be read as one
                    self.text.append(" ")
                for url in _html_urls(raw):
                    self.links.append(Link(self.parser.restore(url[1]), "", self._line_of(url[1]), url[0]))
            else:
                stack.extend(reversed(token.get("children", [])))

    def _link(self, token: Token) -> None:
        attrs = token.get("attrs") or {}
        # mistune percent-encodes the destination, our shortcode placeholders too
        url = _as_written(attrs.get("url", ""), self.source).replace("%EE%80%80", INLINE_OPEN).replace("%EE%80%81", INLINE_CLOSE)
        label = _plain(token.get("children", []))
        # mistune marks a link or image resolved through a reference definition
        # with "ref": its URL is written elsewhere, so it is placed by its label.
        by_reference = "ref" in token or url not in self.source
        kind: LinkKind
        if token["type"] == "image":
            kind = "image-reference" if by_reference else "image"
            if "ref" in token and reference_key(str(token.get("label", ""))) == reference_key(label):
                # "![CNCF logo][]": the alt text is the key of a reference definition, a
                # label the page's other versions write alike, not prose to translate
                kind = "image-label"
        elif label == url or label == url.replace("mailto:", ""):
            kind = "autolink" if ("<" + label) in self.source else "bare"
        elif by_reference:
            kind = "reference"
        else:
            kind = "link"
        placeholder = _INLINE_PLACEHOLDER.search(url)
        if placeholder:
            shortcode = self.parser.tags[int(placeholder.group(1))]
            if shortcode.name == "ref":
                kind = "ref"
            elif shortcode.name == "relref":
                kind = "relref"
        restored = self.parser.restore(url)
        line = self._line_of(_first_word(label)) if by_reference else self._line_of(url)
        self.links.append(Link(restored, self.parser.restore(label), line, kind))


def _first_word(label: str) -> str:
    """What a label surely starts with in the source: its markup and line breaks may differ."""
    match = re.search(r"\w+|\S", label)
    return match.group(0) if match else ""


def _as_written(url: str, source: str) -> str:
    """mistune percent-encodes URLs; give back the form the author wrote where possible."""
    if url in source or "%" not in url:
        return url
    decoded = unquote(url)
    return decoded if decoded in source else url


def _plain(tokens: list[Token]) -> str:
    out: list[str] = []
    stack: list[Token] = list(reversed(tokens))
    while stack:
        token = stack.pop()
        if "raw" in token and token["type"] in ("text", "codespan"):
            out.append(token["raw"])
        elif token["type"] in ("softbreak", "linebreak"):
            out.append(" ")
        stack.extend(reversed(token.get("children", [])))
    return "".join(out)


def _images(tokens: list[Token]) -> list[Token]:
    found: list[Token] = []
    stack: list[Token] = list(reversed(tokens))
    while stack:
        token = stack.pop()
        if token["type"] == "image":
            found.append(token)
        stack.extend(reversed(token.get("children", [])))
    return found


def _html_urls(html: str) -> list[tuple[LinkKind, str]]:
    return [("html", m.group(1)) for m in _HREF.finditer(html)] + [
        ("image", m.group(1)) for m in _IMG_SRC.finditer(html)
    ]


def _html_links(html: str, line: int) -> list[Link]:
    links = []
    lines = LineIndex(html)
    patterns: tuple[tuple[LinkKind, re.Pattern[str]], ...] = (("html", _HREF), ("image", _IMG_SRC))
    for kind, pattern in patterns:
        for match in pattern.finditer(html):
            links.append(Link(match.group(1), "", line + lines.newlines_before(match.start(1)), kind))
    return sorted(links, key=lambda link: link.line)


def _without_placeholders(text: str) -> str:
    """Text with shortcode placeholders taken out (their arguments are data, not words)."""
    text = _INLINE_PLACEHOLDER.sub("", text).replace(INLINE_FILL, "")
    return _BLOCK_PLACEHOLDER.sub("", text).replace(_FILLER, "")


_TAG_NAME = lazy_compile(r"</?([A-Za-z][\w:-]*)|<[!?]")  # an element, or <!DOCTYPE …> / <?xml …?>
_HIDDEN_ELEMENTS = ("script", "style", "template")


_HTML_TABLE = lazy_compile(r"^\s*<table\b.*</table>\s*$", re.I | re.S)
_HTML_ROW = lazy_compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
_HTML_CELL = lazy_compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]\s*>", re.I | re.S)


def _html_table(html: str, line: int, end: int, inline: Inline) -> TableBlock | None:
    """A block that is one HTML ``<table>`` as a table: its first row the header (as a
    Markdown table has one), cells as text. None for anything else, or a nested table."""
    if not _HTML_TABLE.match(html) or html.lower().count("<table") != 1:
        return None
    rows: list[list[str]] = []
    lines: list[int] = []
    for match in _HTML_ROW.finditer(html):
        cells = [html_text(cell) for _, cell in _HTML_CELL.findall(match.group(1))]
        if cells:
            rows.append(cells)
            lines.append(line + html.count("\n", 0, match.start()))
    if not rows:
        return None
    return TableBlock(line, rows[0], rows[1:], end, inline, lines[1:])


def html_text(html: str) -> str:
    """What a reader sees of raw HTML, one line per line of ``html`` (linear time).

    Comments and the insides of script/style/template are dropped, every tag
    becomes a space (its own line breaks kept), entities are decoded and
    spaces within a line collapsed.
    """
    comments = dict(comment_ranges(html, []))
    parts: list[str] = []
    position = 0
    no_gt_from = len(html) + 1  # no ">" at or after this offset
    while position < len(html):
        start = html.find("<", position)
        if start < 0:
            break
        parts.append(html[position:start])
        comment = comments.get(start)
        if comment is not None:
            parts.append(_blank(html[start:comment]))
            position = comment
            continue
        tag = _TAG_NAME.match(html, start)
        close = html.find(">", start) if tag and start < no_gt_from else -1
        if close < 0:
            if tag:
                no_gt_from = min(no_gt_from, start)
            parts.append("<")  # a lone "<" is text ("3 < 5")
            position = start + 1
            continue
        end = close + 1
        name = (tag.group(1) or "").lower() if tag else ""
        if name in _HIDDEN_ELEMENTS and not tag.group(0).startswith("</"):  # type: ignore[union-attr]
            closer = re.compile(r"</%s\s*>" % name, re.I).search(html, end)
            end = closer.end() if closer else len(html)
        parts.append(_blank(html[start:end]))
        position = end
    parts.append(html[position:])
    lines = unescape("".join(parts)).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines)


def _blank(markup: str) -> str:
    """A space for markup, keeping its line breaks so lines stay where they were."""
    return "\n" * markup.count("\n") or " "


# "– Hej, sa hon." typed with a hyphen is a one-item list to Markdown; the speech verb after
# the quoted words tells it is a line of dialogue, as the other version's en dash shows.
_SPEECH = lazy_compile(
    r"[,.!?…”\"»]\s*(?:says|said|asks|asked|adds|continues|explains|säger|sa|sade|frågar|"
    r"fortsätter|förklarar|berättar|tillägger|sier|spør|fortsetter|forklarer|forteller|"
    r"legger til|siger|spørger|fortsætter|fortæller|tilføjer)\b",
    re.I,
)
MIN_QUOTATION_WORDS = 20


def _dialogue_line(item: Item, require_speech: bool) -> Paragraph | None:
    """A one-item hyphen list that is really a paragraph opened by a dialogue dash, else None.

    With ``require_speech`` the item must name its speaker (", says Anna."); without
    it, it stands alone in a quotation (a quote shortcode or ``>``) and is long
    prose. A real list in both versions is unaffected: both read it the same way.
    """
    if not isinstance(item, ListBlock) or item.ordered or item.bullet != "-" or len(item.items) != 1:
        return None
    only = item.items[0]
    if only.blocks or only.task is not None or not only.text:
        return None
    if require_speech:
        if not _SPEECH.search(only.text):
            return None
    elif len(only.text.split()) < MIN_QUOTATION_WORDS:
        return None
    return Paragraph(only.line, only.text, only.end_line or only.line, only.inline)


def _date_line(item: Item, nested: bool = False) -> Paragraph | None:
    """A one-item numbered list that is a sentence opened by a date ("13. desember 2022
    kunngjorde …", "7. desember 2022, Safespring AB"): Markdown reads "13. " as a list
    marker; the author wrote a date. The paragraph keeps the day. ``nested``: the list is
    all a bullet item holds ("- 22. november skriver …"), where a day from 2 on before a
    month's name is enough (at the left margin "3. Mars är en planet" stays a list)."""
    if not isinstance(item, ListBlock) or not item.ordered or len(item.items) != 1 or not 1 <= item.start <= 31:
        return None
    only = item.items[0]
    month = _MONTH_ALONE if nested and item.start >= 2 else _MONTH_FIRST
    if only.blocks or not only.text or not month.match(only.text):
        return None
    return Paragraph(only.line, f"{item.start}. {only.text}", only.end_line or only.line, only.inline)


def _join_paragraphs(first: Paragraph, second: Paragraph) -> None:
    first.text = f"{first.text}\n{second.text}"
    first.end_line = max(first.end_line, second.end_line)
    if first.inline is NO_INLINE:
        first.inline = Inline()
    _merge(first.inline, second.inline)


def _label_heading(text: str, plain: str, inline: Inline) -> str | None:
    """A line that is one styling shortcode with a label (``{{< inline "Next steps" >}}``),
    maybe a footnote number after it, standing alone: a heading the way a bold line is."""
    if "\n" in text.strip() or len(inline.shortcodes) != 1 or inline.links or inline.code:
        return None
    only = inline.shortcodes[0]
    if only.named or len(only.positional) != 1 or not text.lstrip().startswith(INLINE_OPEN):
        return None
    label = only.positional[0].strip()
    rest = plain.strip()
    if not label or len(label) > 120 or (rest and not rest.isdigit()) or len(label.split()) < 2:
        return None
    # the footnote number stays with its heading, written as a footnote mark (label^13): a
    # reference to the sources, never a value to compare
    return f"{label}^{rest}" if rest else label


_IMAGE_LINE = lazy_compile(r"\s*(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+")


def _bold_line_over_images(text: str) -> tuple[str, str] | None:
    """(the bold line's text, the rest) when a paragraph is a bold line standing alone with
    only pictures on the lines after it, else None."""
    first, newline, rest = text.strip().partition("\n")
    if not newline or not all(_IMAGE_LINE.fullmatch(line) for line in rest.split("\n")):
        return None
    bold = _bold_heading(first)
    return (bold, rest) if bold is not None else None


def _label_over_code(item: Item) -> bool:
    return isinstance(item, Heading) and item.style == "bold" and item.title.rstrip().endswith((":", "："))


def _bold_heading(text: str) -> str | None:
    """The inner text when a paragraph is one bold line standing alone, else None."""
    stripped = text.strip()
    if stripped.count("\n") > 1 or len(stripped) > 200:
        return None  # a label wrapped once by the editor still is one line to the reader
    match = re.fullmatch(r"(\*\*|__)(?!\s)(.+?)(?<!\s)\1(:?)", stripped, re.S)
    if not match or "**" in match.group(2) or "__" in match.group(2):
        return None
    inner = " ".join(match.group(2).split()) + match.group(3)  # "**Limitations**:" as "**Limitations:**"
    if inner.rstrip().endswith(".") and not inner.rstrip().endswith("..") and len(inner.split()) >= 6:
        return None  # a whole sentence in bold is emphasis, not a heading
    if inner.rstrip().endswith("。") and len(inner) >= 8:
        return None  # the same in Chinese and Japanese, which put no spaces between words
    return inner


def _dedent_after_first_line(text: str) -> str:
    """Remove the indentation common to the lines after the first (a container's inside)."""
    first, newline, rest = text.partition("\n")
    if not newline:
        return text
    lines = rest.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(indents, default=0)
    if cut == 0:
        return text
    return first + "\n" + "\n".join(line[cut:] if line[:cut].strip() == "" else line.lstrip(" ") for line in lines)


CHUNK_CHARS = 64 * 1024  # a body longer than this is parsed in pieces of about this size
_ATX_AT_MARGIN = lazy_compile(r"#{1,6}(?:[ \t]|$)")
# HTML blocks that a blank line does not end (CommonMark's kinds 1–5): opener, closer
_RAW_HTML_OPENERS = (
    (re.compile(r"<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I), re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)


def chunks(source: str, size: int | None = None) -> list[tuple[int, str]]:
    """``source`` cut into (0-based first line, text) pieces that parse as the whole does.

    A piece ends only before a heading at the left margin that follows a blank line
    outside fenced code and outside an HTML block a blank line does not end: there
    every list, quote, paragraph and indented code block has ended, so Markdown
    starts afresh. (Where this guess is wrong, fenced code or raw HTML runs to the
    end of a piece, and the parser joins it to the next.) Short texts are one piece.
    """
    size = CHUNK_CHARS if size is None else size
    if len(source) <= size:
        return [(0, source)]
    pieces: list[tuple[int, str]] = []
    piece_start = piece_line = 0
    offset = 0
    fence = ""
    closer: re.Pattern[str] | None = None
    blank_before = True
    for number, line in enumerate(source.split("\n")):
        if (
            not fence
            and closer is None
            and blank_before
            and offset - piece_start >= size
            and _ATX_AT_MARGIN.match(line)
        ):
            pieces.append((piece_line, source[piece_start:offset]))
            piece_start, piece_line = offset, number
        offset += len(line) + 1
        stripped = line.strip()
        blank_before = not stripped
        if closer is not None:
            if closer.search(line):
                closer = None
            continue
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not stripped[len(match.group(1)):].strip():
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        body = line.lstrip(" \t>")
        if body.startswith("<"):
            for opener, end in _RAW_HTML_OPENERS:
                found = opener.match(body)
                if found:
                    if not end.search(body, found.end()):
                        closer = end
                    break
    if piece_start < len(source):
        pieces.append((piece_line, source[piece_start:]))
    return pieces


_REFERENCE = lazy_compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+[\"'(](.*)[\"')])?[ \t]*$", re.M)


def collect_references(text: str) -> dict[str, dict[str, str]]:
    """Reference definitions of the whole page: shortcode insides are parsed apart but share
    them. Keyed as mistune looks them up (its ``unikey``: upper case), so that a reference
    link inside a shortcode finds a definition at the end of the page; ``[^1]: …`` is a
    footnote, no definition."""
    refs: dict[str, dict[str, str]] = {}
    for match in _REFERENCE.finditer(text):
        if match.group(1).startswith("^"):
            continue
        refs.setdefault(reference_key(match.group(1)), {"url": match.group(2), **({"title": match.group(3)} if match.group(3) else {})})
    return refs


# One empty Inline shared by every block without links, code or inline shortcodes (most
# list items, cells and headings): three empty lists each were a third of a large page's
# model. Inlines are read-only once parsed; the parser never adds to this one (_merge's
# callers merge into their own).
NO_INLINE = Inline()


def _shared_if_empty(inline: Inline) -> Inline:
    return NO_INLINE if not (inline.links or inline.code or inline.shortcodes) else inline


def _merge(into: Inline, other: Inline) -> None:
    into.links.extend(other.links)
    into.code.extend(other.code)
    into.shortcodes.extend(other.shortcodes)


def _demote(item: Item) -> Block:
    """Headings are not sections inside list items and quotes: keep them as paragraphs."""
    if isinstance(item, Heading):
        return Paragraph(item.line, item.title, item.line, item.inline)
    return item


def parse_blocks(text: str, first_line: int) -> tuple[list[Item], list[Problem]]:
    """Parse a Markdown body whose first line is file line ``first_line``."""
    text, glued, lost = _unglue_fences(text)
    text = escape_footnote_definitions(text)
    text, outdented = indent_list_fences(text)
    parser = BodyParser(text, first_line)
    items = parser.parse()
    if lost:
        # the fence took the place of the code's first line: give the block its code back
        lost_at = {first_line + index: code for index, code in lost.items()}
        for block in iter_blocks([item for item in items if not isinstance(item, Heading)]):
            if isinstance(block, CodeBlock) and block.line in lost_at:
                block.code = lost_at[block.line] + "\n" + block.code
    for index, column in outdented:
        parser.problems.append(Problem(
            first_line + index, "outdented-fence",
            f"this code fence starts at column 1, but its code and its closing fence are indented under "
            f"the list item above (by {column}): Markdown ends the list here, so the numbering starts "
            f"again after the code; indent the fence by {column} spaces",
        ))
    for index, fence in glued:
        parser.problems.append(Problem(
            first_line + index, "glued-fence",
            f"the code fence {fence} is glued to the end of a line of text, so Markdown does not open a "
            "code block there and the page shows the code as text (and what follows as code); "
            "put the fence on a line of its own",
        ))
    return items, sorted(parser.problems, key=lambda p: (p.line, p.kind))


# the text may hold code spans ("run `create.sh`:```bash"), never a lone backtick
_GLUED_FENCE = lazy_compile(
    r"^(?P<indent>[ \t]*)(?P<text>(?:[^`~\s]|`[^`\n]+`)(?:[^`]|`[^`\n]+`)*?(?:[^`\s]|`[^`\n]+`))"
    r"[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>[\w+.-]*)[ \t]*$"
)
_FENCE_MARK = lazy_compile(r"`{3,}|~{3,}")


def _may_have_glued_fence(text: str) -> bool:
    """Is some fence mark preceded on its line by text? (Every glued fence is.)"""
    for mark in _FENCE_MARK.finditer(text):
        if mark.end() - mark.start() > 3:
            return True  # its first mark may be the end of the text ("a\xa0`" then "```")
        at = mark.start()
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        if at > 0 and not text[at - 1].isspace():
            return True
    return False


_FOOTNOTE_DEFINITION = lazy_compile(r"^( {0,3})\[\^", re.M)


def escape_footnote_definitions(text: str) -> str:
    """``[^1]: …`` starts a footnote (Hugo's Markdown has them), never a link reference
    definition: without a space in it ("[^1]: これは…[教えて下さい][]。") CommonMark would read the
    whole line as the address of a link named "^1" and the text and links on it would be lost.
    Escaped, it is a paragraph, as a footnote with spaces in it already is. Lines inside
    fenced code are left alone; every line keeps its number."""
    if "[^" not in text or not _FOOTNOTE_DEFINITION.search(text):
        return text
    lines = text.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        mark = _FENCE.match(line)
        if mark:
            if not fence:
                fence = mark.group(1)
            elif mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence):
                fence = ""
            continue
        if not fence and _FOOTNOTE_DEFINITION.match(line) and re.match(r" {0,3}\[\^[^\]\s]+\]:", line):
            lines[index] = _FOOTNOTE_DEFINITION.sub(r"\1\\[^", line, count=1)
    return "\n".join(lines)


def unglue_fences(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Read "Run this:```bash" as the author meant it: text, then a fenced block (see
    :func:`_unglue_fences`). Returns the text and the (0-based line, fence) of each repair."""
    text, repaired, _ = _unglue_fences(text)
    return text, repaired


def _unglue_fences(text: str) -> tuple[str, list[tuple[int, str]], dict[int, str]]:
    """Read "Run this:```bash" as the author meant it: text, then a fenced block.

    Editors (and machine translation) glue a fence to the end of a sentence; Markdown then
    opens no code block there, and the closing fence further down opens one instead, so the
    rest of the page is read inside out. When a glued fence has a bare closing fence after it,
    the text moves to the line above (a blank line, or the end of the paragraph there) and the
    fence gets its own line: the same number of lines, so every line number stays right.
    Returns the text, the (0-based line, fence) of each repair, and the code line a fence
    took the place of, by the fence's line (a closing fence just above leaves no other room).
    """
    if "``" not in text and "~~" not in text:
        return text, [], {}
    if not _may_have_glued_fence(text):
        return text, [], {}  # no line of the text could be one (a large page: no walk over every line)
    lines = text.split("\n")
    repaired: list[tuple[int, str]] = []
    lost: dict[int, str] = {}
    open_fence = ""
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if open_fence:
            if fence and fence.group(1)[0] == open_fence[0] and len(fence.group(1)) >= len(open_fence) \
                    and not line.strip()[len(fence.group(1)):].strip():
                open_fence = ""
            continue
        if fence:
            open_fence = fence.group(1)
            continue
        glued = _GLUED_FENCE.match(line)
        if not glued or index == 0 or not _closes_later(lines, index + 1, glued.group("fence")):
            continue
        words = glued.group("text").strip()
        above = lines[index - 1]
        opener = glued.group("indent") + glued.group("fence") + glued.group("info")
        if not _FENCE.match(above):
            lines[index - 1] = (above.rstrip() + " " + words) if above.strip() else glued.group("indent") + words
            lines[index] = opener
        elif index + 1 < len(lines) and not _FENCE.match(lines[index + 1]):
            # a closing fence just above: the text keeps its line and the fence takes the
            # first line of code, which the block gets back after the parse
            lines[index] = glued.group("indent") + words
            lost[index + 1] = lines[index + 1]
            lines[index + 1] = opener
        else:
            continue
        open_fence = glued.group("fence")
        repaired.append((index, glued.group("fence") + glued.group("info")))
    return ("\n".join(lines), repaired, lost) if repaired else (text, [], {})


_LIST_ITEM = lazy_compile(r"^([ \t]*)(\d{1,9}[.)]|[-*+])([ \t]+)\S")


def indent_list_fences(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A fence at column 1 right under a list item, whose code and closing fence are indented
    under the item, was meant inside the item (the other language has it there): indent it.
    Returns the text (same lines) and the (0-based line, content column) of each repair."""
    if "```" not in text and "~~~" not in text:
        return text, []
    lines = text.split("\n")
    repaired: list[tuple[int, int]] = []
    open_fence = ""
    last_item_column = -1  # the content column of the list item the text is in, if any
    for index, line in enumerate(lines):
        fence = _FENCE.match(line)
        if open_fence:
            if fence and fence.group(1)[0] == open_fence[0] and not line.strip()[len(fence.group(1)):].strip():
                open_fence = ""
            continue
        item = _LIST_ITEM.match(line)
        if item:
            last_item_column = len(item.group(1)) + len(item.group(2)) + len(item.group(3))
        elif fence and line[:1] in "`~" and last_item_column > 0:
            closing = _indented_block(lines, index + 1, fence.group(1), last_item_column)
            if closing is not None:
                lines[index] = " " * last_item_column + line
                repaired.append((index, last_item_column))
                open_fence = fence.group(1)
                continue
        elif line.strip() and not line[:1].isspace():
            last_item_column = -1  # a paragraph at column 1 ends the list
        if fence:
            open_fence = fence.group(1)
    return ("\n".join(lines), repaired) if repaired else (text, [])


def _indented_block(lines: list[str], start: int, fence: str, column: int, limit: int = 2000) -> int | None:
    """The line of a closing fence indented by at least ``column``, with every line of code
    before it blank or indented as much; None otherwise."""
    for index in range(start, min(len(lines), start + limit)):
        line = lines[index]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent < column:
            return None
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.lstrip(fence[0]).strip():
            return index
    return None


def _closes_later(lines: list[str], start: int, fence: str, limit: int = 2000) -> bool:
    """Is there a bare closing fence for ``fence`` below, before any other fence opens?"""
    for line in lines[start : start + limit]:
        match = _FENCE.match(line)
        if match:
            return match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) and not line.strip()[len(match.group(1)):].strip()
    return False
