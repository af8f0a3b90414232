"""The typed document model: what one Markdown file with front matter *is*.

Rules and alignment only ever see these objects, never mistune dicts or raw
YAML. Every node carries a 1-based line number counted in the whole file,
front matter included.
"""

from __future__ import annotations

from typing import Any, Iterator, Literal, Sequence, Union

from msgspec import Struct, field



# How a front matter is written; "none" when the page has none.
FrontMatterFormat = Literal["yaml", "toml", "json", "none"]
# What a front-matter value is, as the site generator reads it.
ValueKind = Literal["str", "bool", "int", "float", "date", "null", "list", "map"]
# How a link target was written: [text](url), ![alt](src), ![alt][ref], ![label][] or
# ![label] (an image whose alt text is its reference label), <url>, a bare address, an
# HTML href (src is "image"), [text][ref], a Hugo ref/relref shortcode.
LinkKind = Literal["link", "image", "image-reference", "image-label", "autolink", "bare", "html", "reference", "ref",
                   "relref"]
IMAGE_KINDS: tuple[LinkKind, ...] = ("image", "image-reference", "image-label")
# Input problems that are not fatal; the first four lose content (see CONTENT_LOSS_KINDS).
ProblemKind = Literal["too-deep", "unclosed-comment", "glued-fence", "outdented-fence",
                      "shortcode-orphan-close", "shortcode-syntax"]


class FrontMatterEntry(Struct, frozen=True):
    """One top-level key of the front matter.

    ``raw`` keeps the value as written in the file (so YAML 1.1's ``no`` read
    as ``False`` is not lost); ``duplicate`` marks every occurrence of a key
    that appears more than once with exactly the same spelling.
    """

    key: str
    value: Any
    line: int
    raw: str
    duplicate: bool = False
    value_kind: ValueKind = "str"


class FrontMatter(Struct):
    format: FrontMatterFormat
    entries: list[FrontMatterEntry]
    start_line: int = 1
    end_line: int = 0  # line of the closing delimiter (0 when there is none)

    def get(self, key: str) -> FrontMatterEntry | None:
        """The last entry with exactly this key (the one a site generator uses)."""
        found = None
        for entry in self.entries:
            if entry.key == key:
                found = entry
        return found

    def keys(self) -> list[str]:
        return [entry.key for entry in self.entries]


class Link(Struct, frozen=True):
    url: str
    text: str
    line: int
    kind: LinkKind = "link"


class Shortcode(Struct):
    """A shortcode: Hugo's ``{{< name args >}}`` / ``{{% name args %}}``, or Zola's
    ``{{ name(key=value) }}`` / ``{% name(key=value) %}`` … ``{% end %}`` (``syntax``).

    A paired shortcode used as a block holds its inner Markdown in ``body``;
    an inline one (inside a paragraph) keeps its inner text in ``inner``.
    Zola has only named arguments; their values are kept as strings (a string
    without its quotes, ``1``, ``true``, an array as ``[1, "a"]``).
    """

    name: str
    line: int
    delimiter: str  # Hugo: "<" or "%"; Zola: "{" for {{ name() }}, "%" for {% name() %}
    positional: list[str] = field(default_factory=list)
    named: list[tuple[str, str]] = field(default_factory=list)
    self_closing: bool = False
    paired: bool = False
    closing_line: int | None = None
    end_line: int = 0
    inline: bool = False
    inner: str = ""
    body: Body | None = None
    raw: str = ""
    tag_index: int = -1
    syntax: str = "hugo"  # "hugo" or "zola"

    type = "shortcode"

    def arg(self, name: str) -> str | None:
        for key, value in self.named:
            if key == name:
                return value
        return None

    def label(self) -> str:
        """The opening tag by name only, as a message shows it: ``{{< figure >}}``, ``{{ note() }}``."""
        return tag_label(self.syntax, self.delimiter, self.name)

    def closing_label(self) -> str:
        """The tag that closes this one: ``{{< /figure >}}``, or Zola's ``{% end %}``."""
        return tag_label(self.syntax, self.delimiter, self.name, closing=True)


def tag_label(syntax: str, delimiter: str, name: str, closing: bool = False) -> str:
    """How a shortcode tag of this syntax is written, without its arguments."""
    if syntax == "zola":
        if closing:
            return "{% end %}"
        return f"{{% {name}() %}}" if delimiter == "%" else f"{{{{ {name}() }}}}"
    close = ">" if delimiter == "<" else "%"
    return f"{{{{{delimiter} {'/' if closing else ''}{name} {close}}}}}"


class Inline(Struct):
    """What a block's inline text holds, beyond plain words."""

    links: list[Link] = field(default_factory=list)
    code: list[str] = field(default_factory=list)
    shortcodes: list[Shortcode] = field(default_factory=list)


class Paragraph(Struct):
    line: int
    text: str
    end_line: int = 0
    inline: Inline = field(default_factory=Inline)
    type = "paragraph"


class ListItem(Struct):
    line: int
    text: str
    blocks: list[Block] = field(default_factory=list)
    inline: Inline = field(default_factory=Inline)
    task: bool | None = None  # None: not a task item; True/False: checked or not
    end_line: int = 0
    type = "item"

    @property
    def sublists(self) -> list[ListBlock]:
        return [b for b in self.blocks if isinstance(b, ListBlock)]


class ListBlock(Struct):
    line: int
    ordered: bool
    items: list[ListItem]
    start: int = 1
    bullet: str = "-"
    end_line: int = 0
    type = "list"


class CodeBlock(Struct):
    line: int
    code: str
    fence: str  # "```", "~~~" or "" for indented code
    info: str = ""
    end_line: int = 0
    type = "code"


class TableBlock(Struct):
    line: int
    header: list[str]
    rows: list[list[str]]
    end_line: int = 0
    inline: Inline = field(default_factory=Inline)
    row_lines: list[int] = field(default_factory=list)  # each row's line, where not line + 2 + index (HTML)
    type = "table"

    def row_line(self, index: int) -> int:
        """The file line of body row ``index`` (0-based)."""
        if index < len(self.row_lines):
            return self.row_lines[index]
        return self.line + 2 + index

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), len(self.header))


class BlockQuote(Struct):
    line: int
    blocks: list[Block]
    end_line: int = 0
    type = "blockquote"


class HtmlBlock(Struct):
    """Raw HTML as written (``html``) and what a reader sees of it (``text``).

    ``text`` has the tags, comments, scripts, styles and shortcode tags taken
    out and entities decoded, with one line per line of ``html``: its line
    ``i`` is file line ``line + i`` (lines may be empty).
    """

    line: int
    html: str
    end_line: int = 0
    inline: Inline = field(default_factory=Inline)
    text: str = ""
    type = "html"


class ThematicBreak(Struct):
    line: int
    # a heading made of a table's markup ("## |", "| --- |" over "---"): a table's line broken
    # off, kept here as what it is (markup, not a section) with the text of that heading
    table_markup: str = ""
    type = "hr"


class Heading(Struct):
    """A heading before it becomes a section (also used for bold pseudo-headings)."""

    line: int
    title: str
    level: int
    style: str  # "atx", "setext" or "bold"
    id: str | None = None
    inline: Inline = field(default_factory=Inline)
    type = "heading"


Block = Union[
    Paragraph, ListBlock, CodeBlock, TableBlock, BlockQuote, HtmlBlock, ThematicBreak, Shortcode
]


class Section(Struct):
    """A heading and everything under it up to the next heading of its level or higher.

    ``style`` is "bold" for a pseudo-heading written as a bold-only line; its
    level is inferred from where it stands so that alignment can treat it like
    the ``##`` another language uses in its place.
    """

    title: str
    level: int
    line: int
    style: str = "atx"
    id: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    inline: Inline = field(default_factory=Inline)
    end_line: int = 0


class Body(Struct):
    """Blocks before the first heading, then the sections (also a shortcode's inside)."""

    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


class Problem(Struct, frozen=True):
    """Something wrong in the input that is not fatal (e.g. an orphan closing shortcode)."""

    line: int
    kind: ProblemKind
    message: str


# Problem kinds after which some of the page is not compared (hidden, or read as text).
CONTENT_LOSS_KINDS: frozenset[ProblemKind] = frozenset({"too-deep", "unclosed-comment", "glued-fence", "outdented-fence"})


class Document(Struct):
    path: str
    front_matter: FrontMatter
    body: Body
    line_count: int
    problems: list[Problem] = field(default_factory=list)
    body_start_line: int = 1
    text: str = ""  # the whole file, newlines normalised

    def iter_sections(self) -> Iterator[Section]:
        """Every section in document order, including those inside shortcodes."""
        yield from iter_body_sections(self.body)


def iter_body_sections(body: Body) -> Iterator[Section]:
    """Sections of ``body`` in document order, descending into shortcode bodies."""
    stack: list[Body | Section] = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            yield node
        later: list[Body | Section] = [
            b.body for b in node.blocks if isinstance(b, Shortcode) and b.body is not None
        ]
        later.extend(node.sections)
        stack.extend(reversed(later))


def block_row(block: Block) -> bool:
    """A shortcode container holding two shortcodes or more and nothing else (an icon row)."""
    return (isinstance(block, Shortcode) and block.body is not None and not block.body.sections
            and len(block.body.blocks) >= 2 and all(isinstance(b, Shortcode) for b in block.body.blocks))


def last_line(block: Block) -> int:
    """The block's last line (its first when it has no end line of its own)."""
    return int(getattr(block, "end_line", 0) or block.line)


def iter_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Every block under ``blocks``, depth first, in document order (iterative)."""
    stack: list[Block] = list(reversed(blocks))
    while stack:
        block = stack.pop()
        yield block
        children: list[Block] = []
        if isinstance(block, ListBlock):
            for item in block.items:
                children.extend(item.blocks)
        elif isinstance(block, BlockQuote):
            children = block.blocks
        elif isinstance(block, Shortcode) and block.body:
            children = list(block.body.blocks)
            for section in iter_body_sections(block.body):
                children.extend(section.blocks)
        stack.extend(reversed(children))


Node = Union[Block, ListItem]


def walk_nodes(nodes: Sequence[Node], skip: set[int] | None = None) -> Iterator[Node]:
    """Blocks and list items under ``nodes`` in reading order: into lists, items, quotes and
    a shortcode's own blocks (not its sub-sections, which are sections of their own).
    Nodes whose id is in ``skip`` are left out with everything under them."""
    stack: list[Node] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if skip and id(node) in skip:
            continue
        yield node
        children: list[Node] = []
        if isinstance(node, ListBlock):
            children = list(node.items)
        elif isinstance(node, (ListItem, BlockQuote)):
            children = list(node.blocks)
        elif isinstance(node, Shortcode) and node.body is not None:
            children = list(node.body.blocks)
        stack.extend(reversed(children))
