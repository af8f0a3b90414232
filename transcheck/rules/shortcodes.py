"""Shortcode rules: shortcode-mismatch and shortcode-unclosed."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter

from transcheck.lazyre import lazy_compile
from transcheck.document.memo import ByIdentity
from transcheck.align.alignment import SectionInfo, Unit, aligned_units, block_inlines, block_text, block_tokens, unit_inlines
from transcheck.findings import Example, Rule, Severity
from transcheck.pair.comparison import BlockPair, Check, Comparison, Side, form_of
from transcheck.document.model import IMAGE_KINDS, Block, BlockQuote, Document, HtmlBlock, Paragraph, ProblemKind, Shortcode, block_row, iter_blocks
from transcheck.document.shortcode_args import TEXT_ARGS, data_args, is_link_argument
from transcheck.wording import in_section
from transcheck.rules.language import says_not_translated

# --- the rules of this module: code, name, default severity, summary, documentation ---

SHORTCODE_MISMATCH = Rule("TC201", "shortcode-mismatch", Severity.ERROR, "Shortcodes differ between aligned places.",
         "A shortcode missing or extra, a different shortcode in the same place, or a non-text "
         "argument (type, URL, path, id, colour, icon, number) with another value. Text arguments "
         "such as title=, text=, description= are expected to be translated and may differ. "
         "#32cd32 and #32CD32 are the same colour, fas fa-x and fa-solid fa-x the same icon, and an "
         "id= that is on each side the slug of that side's title or of a heading (prestanda / "
         "performance) is no mismatch. Looks are warnings, content stays an error: another icon, "
         "colour, class, style or id, an argument that is a plain word (\"update\"/\"uppdatering\"), "
         "a styling wrapper ({{< ingress >}}, an accordion of paragraphs), a contact card whose e-mail "
         "address and phone stand elsewhere, a container in whose place the other version has the "
         "same content in another form (a timeline here, headings over the same text there), or an "
         "inline styling shortcode counted differently. An argument naming each page's own language "
         "(language=\"sv\") and an anchor id each page links under its own name are quiet; an anchor id "
         "that neither page links under the other's name is information (no link breaks). A "
         "shortcode on lines of its own in one version and inside a paragraph in the other is one "
         "shortcode. A missing spacer ({{< distance >}}) is information, and so are a styling "
         "wrapper whose text stands unwrapped, a button whose target the other version links as a "
         "plain link, and the same shortcode on the other side of a heading, or under a heading the "
         "other version does not have: it is reported as moved. A box only one version has that "
         "tells readers the page is not translated (\"Detta innehåll finns inte tillgängligt på "
         "svenska\") is information. A run of one shortcode whose arguments are the same set in another "
         "order (icon rows reordered) is one warning, not a mismatch per block, and a container "
         "where the other version has a picture standing alone (a key-points image) is a warning "
         "that names it.",
    example=Example(
        "## Se filmen\n\nHär berättar våra utvecklare om hur det är att arbeta hos oss.\n\n{{< youtube id=\"a1B2c3D4e5F\" >}}\n",
        "## Watch the film\n\nHere our developers tell you what it is like to work with us.\n\n{{< youtube id=\"Z9y8X7w6V5u\" >}}\n",
        "The embedded YouTube video is a different video (another id) in English than in Swedish.",
    ),
)

SHORTCODE_UNCLOSED = Rule("TC202", "shortcode-unclosed", Severity.ERROR, "A shortcode is never closed, closed twice, or malformed.",
         "A closing tag without an opening tag, an opening tag whose counterpart in the other "
         "version is closed (or that is closed elsewhere in the same page), a tag that never "
         "ends, or a pair that opens and closes at different nesting levels.",
    example=Example(
        "## Viktigt\n\n{{< note >}}Ansökningar som kommer in för sent behandlas inte.{{< /note >}}\n",
        "## Important\n\n{{< note >}}Applications that arrive late will not be considered.{{< /note >}}{{< /note >}}\n",
        "The English note shortcode is closed twice ({{< /note >}} appears two times).",
    ),
    compares=False,
)

RULES: tuple[Rule, ...] = (SHORTCODE_MISMATCH, SHORTCODE_UNCLOSED,)


def check_shortcodes(c: Comparison) -> None:
    missing_a: list[tuple[Shortcode, BlockPair]] = []  # in A, without counterpart in B
    missing_b: list[tuple[Shortcode, BlockPair]] = []
    inline_pairs: list[BlockPair] = []
    reordered = _reordered(c)
    for pair in c.block_pairs:
        a, b = pair.a, pair.b
        if isinstance(a, Shortcode) and isinstance(b, Shortcode):
            if id(a) not in reordered:
                _compare_arguments(c, a, b)
        elif isinstance(a, Shortcode) and b is None:
            missing_a.append((a, pair))
        elif isinstance(b, Shortcode) and a is None:
            missing_b.append((b, pair))
        elif a is not None and b is not None and a.type == b.type:
            inline_pairs.append(pair)
    # A shortcode on lines of its own here and inside a paragraph there (its closing tag on
    # the line of its text, its opening tag over several lines, a figure after a sentence):
    # one shortcode written two ways, in the same section.
    written_inline: set[int] = set()
    missing_a = _without_inline_twins(c, missing_a, True, written_inline)
    missing_b = _without_inline_twins(c, missing_b, False, written_inline)
    for pair in inline_pairs:
        _compare_inline(c, pair, written_inline)
    # The same shortcode without counterpart on both sides stands on the other side of a
    # heading ({{< ingress >}} before the first heading here, after it there): moved, not missing.
    for sc_a, pair_a in list(missing_a):
        partner = next((m for m in missing_b if _same_shortcode(sc_a, m[0])), None)
        if partner is None:
            continue
        missing_a.remove((sc_a, pair_a))
        missing_b.remove(partner)
        c.report(
            SHORTCODE_MISMATCH,
            c.a,
            sc_a.line,
            f"shortcode {sc_a.label()} stands in another section here than in {c.b.name}:{partner[0].line}",
            [(c.b, partner[0].line)],
            key=f"moved|{sc_a.name}",
            severity=Severity.INFO,
        )
    # Still without counterpart: one the other version has in a part that aligned with nothing
    # (an extra sub-heading, a section of its own) stands elsewhere, it is not missing.
    matched = {id(x) for pair in c.block_pairs for x in (pair.a, pair.b) if isinstance(x, Shortcode)}
    spare_a = [sc for sc in all_shortcodes(c.a.doc) if id(sc) not in matched and not sc.inline]
    spare_b = [sc for sc in all_shortcodes(c.b.doc) if id(sc) not in matched and not sc.inline]
    # paragraphs without counterpart, per section: where a version writes as a plain paragraph
    # what the other wraps in a styling shortcode ({{< ingress >}}…{{< /ingress >}})
    loose_a = {p.section_a.index for p in c.block_pairs if isinstance(p.a, Paragraph) and p.b is None}
    loose_b = {p.section_b.index for p in c.block_pairs if isinstance(p.b, Paragraph) and p.a is None}
    for sc, pair in missing_a:
        if not _take_spare(c, sc, spare_b, c.a, c.b):
            _missing_block(c, sc, c.a, c.b, pair.anchor_b, pair, pair.section_b.index in loose_b)
    for sc, pair in missing_b:
        if not _take_spare(c, sc, spare_a, c.b, c.a):
            _missing_block(c, sc, c.b, c.a, pair.anchor_a, pair, pair.section_a.index in loose_a)


def _held_under_headings(c: Comparison, sc: Shortcode, section: SectionInfo, in_a: bool) -> int | None:
    """The first line of the lacking section's sub-sections without counterpart when they hold
    the container's text (a timeline of items here, "### Myth 1" and its points there): about
    as much text, and the names and numbers of the container that the lacking page uses at
    all (two at least) stand mostly in those sub-sections."""
    subs = c.sub_sections_without_counterpart(section, in_a)
    if not subs or sc.body is None:
        return None
    page = c.sections.a if in_a else c.sections.b
    anywhere: set[str] = set()
    for info in page:
        anywhere |= info.tokens.strong | info.tokens.weak | info.title_tokens.strong | info.title_tokens.weak
    there: set[str] = set()
    for info in subs:
        there |= info.tokens.strong | info.tokens.weak | info.title_tokens.strong | info.title_tokens.weak
    wanted = {token for token in block_tokens(sc).strong if token in anywhere}
    if len(wanted) < 2 or len(wanted & there) < 0.7 * len(wanted):
        return None
    size_here = sum(len(block_text(b)) for b in sc.body.blocks)
    size_there = sum(info.length for info in subs)
    if not size_here or not 0.6 <= size_there / size_here <= 1.7:
        return None
    return min(info.line for info in subs)


def _without_inline_twins(c: Comparison, missing: list[tuple[Shortcode, BlockPair]], in_a: bool,
                         written_inline: set[int]) -> list[tuple[Shortcode, BlockPair]]:
    """``missing`` without the shortcodes whose twin the other version's aligned section has
    inside a paragraph; the twins' ids go to ``written_inline``."""
    if not missing:
        return missing
    kept: list[tuple[Shortcode, BlockPair]] = []
    inline_there: dict[int, list[Shortcode]] = {}
    for sc, pair in missing:
        section = pair.section_b if in_a else pair.section_a
        if section.index not in inline_there:
            inline_there[section.index] = [x for block in iter_blocks(section.blocks) for inline in block_inlines(block)
                                           for x in inline.shortcodes]
        free = [x for x in inline_there[section.index] if id(x) not in written_inline and x.name == sc.name and x.syntax == sc.syntax]
        twin = next((x for x in free if _same_shortcode(sc, x)), free[0] if free else None)
        if twin is None:
            kept.append((sc, pair))
        else:
            written_inline.add(id(twin))
            a, b = (sc, twin) if in_a else (twin, sc)
            _compare_arguments(c, a, b)
    return kept


_ALERT_NAME = lazy_compile(r"alert|note|tip|warning|caution|important|callout|admonition|notice", re.I)
_ALERT_MARK = lazy_compile(r"\s*\[!(?:note|tip|important|warning|caution)\]", re.I)


def _alert_quote(blocks: list[Block]) -> int | None:
    """The line of a GitHub alert ("> [!NOTE]") among ``blocks``, if there is one."""
    for block in blocks:
        if isinstance(block, BlockQuote) and block.blocks and isinstance(block.blocks[0], Paragraph) \
                and _ALERT_MARK.match(block.blocks[0].text):
            return block.line
    return None


NOTICE_LINES = 20  # a notice that the page is not translated stands near its top
_BUTTON_NAME = lazy_compile(r"button|btn|link|cta", re.I)
_SPACER = lazy_compile(r"(?:^|[-_])(?:distance|divider|spacer|space|gap|separator|clear|br|hr|vspace|line-?break)(?:$|[-_])", re.I)


def _wrapper(sc: Shortcode) -> bool:
    """A container of nothing but paragraphs, with no argument but words for the reader (a
    title): a styling wrapper around text (``{{< ingress >}}``, an accordion)."""
    return sc.body is not None and bool(sc.body.blocks) and all(isinstance(b, Paragraph) for b in sc.body.blocks) \
        and not sc.body.sections and not data_args(sc) and not _link_arguments(sc) and not _DATA_BODY.search(sc.name)


# containers whose body is data for a renderer, not text to style ({{< chart >}} timeline …)
_DATA_BODY = lazy_compile(r"chart|mermaid|diagram|graph|plot|math|katex|latex|highlight|code|csv|json|table", re.I)


def _link_arguments(sc: Shortcode) -> list[tuple[str | None, str]]:
    return [(k, v.strip()) for k, v in [(None, p) for p in sc.positional] + list(sc.named)
            if v.strip() and is_link_argument(k, v)]


_IMAGE = lazy_compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|mp4|webm)$", re.I)


def _button(sc: Shortcode) -> bool:
    """A link with a label: no body, no picture; what it does a raw ``<a>`` can do too."""
    links = _link_arguments(sc)
    return sc.body is None and bool(links) and not any(
        (k or "").lower() in ("image", "img", "src", "video") or _IMAGE.search(v) for k, v in links
    )


def _take_spare(c: Comparison, sc: Shortcode, spare: list[Shortcode], having: Side, lacking: Side) -> bool:
    """Report ``sc`` as moved (info) when ``spare`` holds its counterpart; False otherwise."""
    other = next((x for x in spare if x is not sc and _same_shortcode(sc, x)), None)
    if other is None:
        return False
    spare.remove(other)
    c.report(
        SHORTCODE_MISMATCH,
        lacking,
        other.line,
        f"shortcode {other.label()} stands in a part here that has no counterpart in {having.name}, "
        f"where it is at line {sc.line}",
        [(having, sc.line)],
        key=f"moved|{sc.name}|{sc.line}",
        severity=Severity.INFO,
    )
    return True


def _same_shortcode(a: Shortcode, b: Shortcode) -> bool:
    """Counterparts by name and non-text arguments (text arguments are translated)."""
    return a.name == b.name and a.syntax == b.syntax and {k: token(v) for k, v in data_args(a).items()} == {
        k: token(v) for k, v in data_args(b).items()
    }


def _missing_block(c: Comparison, sc: Shortcode, having: Side, lacking: Side, anchor: int, pair: BlockPair,
                   loose_text_here: bool = False) -> None:
    """Report ``sc`` (in ``having``) as missing from ``lacking``: an error when what it carries
    is gone, a warning when only its looks are (a spacer, a styling wrapper around text, a
    button whose target the other version links in another way)."""
    section = pair.section_b if lacking is c.b else pair.section_a
    where = in_section(section)
    # a shortcode with no arguments and nothing inside ({{< button-row >}}) may be layout: a
    # warning; a spacer ({{< distance >}}, {{< divider >}}) more or less is nothing to act on
    layout_only = not sc.positional and not sc.named and sc.body is None and not (sc.inner or "").strip()
    spacer = layout_only and bool(_SPACER.search(sc.name))
    styled_only = False  # the same text, only without the styling: nothing to act on
    if _wrapper(sc):
        # {{< ingress >}}…{{< /ingress >}} styles text: a styling difference when its text is
        # there unwrapped (a paragraph of its own, or merged into the next one)
        having_section = pair.section_a if having is c.a else pair.section_b
        if sc.line <= having.doc.body_start_line + NOTICE_LINES and says_not_translated(block_text(sc), having.language):
            # "Detta innehåll finns inte tillgängligt på svenska": a notice of this version alone
            also = "; it tells readers that the page is not translated, which the other version need not say"
            styled_only = True
        elif (html_line := _text_in_html(sc, section.blocks)) is not None:
            # an accordion there, a card written in HTML here: the same text in other markup
            also = f"; its text stands here in HTML (line {html_line})"
            styled_only = True
        elif loose_text_here or _text_kept(sc, having_section.blocks, section.blocks):
            also = "; it styles text, which stands here as a plain paragraph"
            styled_only = True
        elif _ALERT_NAME.search(sc.name) and (quote_line := _alert_quote(section.blocks)) is not None:
            # {{% alert %}} there, GitHub's "> [!NOTE]" here: one note in two markups
            also = f"; the note stands here as an alert quote (line {quote_line})"
            styled_only = True
        elif any(isinstance(b, Paragraph) for b in section.blocks):
            # a styled paragraph fewer, like any paragraph fewer, is worth a look; which text
            # is gone the sentence rules say
            also = "; it styles text, and this part has other text but may lack that paragraph"
        else:
            also = ""
    else:
        elsewhere = _targets_elsewhere(c, sc, having, lacking) if _button(sc) else None
        contacts = _contacts_elsewhere(sc, lacking) if not elsewhere else None
        instead = c.stand_in(pair) if sc.body is not None else None
        picture = _picture_instead(sc, section, pair.section_a if having is c.a else pair.section_b)
        under_headings = _held_under_headings(c, sc, section, lacking is c.a) if sc.body is not None and instead is None else None
        quote_line = _alert_quote(section.blocks) if sc.body is not None and _ALERT_NAME.search(sc.name) else None
        if quote_line is not None:
            also = f"; the note stands here as an alert quote (line {quote_line})"
            styled_only = True
        elif under_headings is not None:
            # a timeline or accordion there, headings over the same text here: the content
            # is there, in another form
            also = f"; the sections under this one that have no counterpart hold its text (from line {under_headings})"
        elif elsewhere:
            also = f"; its link target is at line {elsewhere} here, written another way"
            # a button as a plain <a> or Markdown link to the same target: looks only (a larger
            # component with a link, {{< adopters-showcase >}}, stays worth a look)
            styled_only = bool(_BUTTON_NAME.search(sc.name))
        elif contacts:
            also = f"; the e-mail address and phone number it gives stand at line {contacts} here"
            # a contact card (an invitation to get in touch, then how): the other version gives
            # the same ways in a sidebar or contact block; a card with more to say stays a warning
            styled_only = len(block_text(sc).split()) <= CONTACT_CARD_WORDS
        elif (call := _other_call(c, sc, section)) is not None:
            # a contact card there, "Book a demo / Contact us" buttons here: each version
            # ends the part with its own call to action
            also = f"; {call.label()} without counterpart, another call to action, stands in this part here (line {call.line})"
        elif picture is not None:
            # an icon row there, a "key points" picture here: the same summary in another form
            also = f"; a picture stands in its place here (line {picture})"
        elif instead is not None:
            also = f"; {form_of(instead)} without counterpart stands in its place (line {instead.line})"
            styled_only = c.same_content(pair)
        else:
            also = ""
    c.report(
        SHORTCODE_MISMATCH,
        lacking,
        anchor,
        f"shortcode {sc.label()} ({having.name}:{sc.line}) has no counterpart{where} here{also}",
        [(having, sc.line)],
        key=f"missing|{sc.name}|{section.title}",
        # a spacer is looks only: shown, never counted against the page
        severity=Severity.INFO if spacer or styled_only else Severity.WARNING if layout_only or also else None,
    )


def picture_only(block: Block) -> bool:
    """A paragraph that is nothing but images (their alt texts are its text)."""
    if not isinstance(block, Paragraph) or not block.inline.links:
        return False
    if any(link.kind not in IMAGE_KINDS for link in block.inline.links):
        return False
    rest = block.text
    for link in block.inline.links:
        rest = rest.replace(link.text, "", 1)
    return not rest.strip()


def _picture_instead(sc: Shortcode, lacking: SectionInfo, having: SectionInfo) -> int | None:
    """The line of a picture standing alone in ``lacking`` where ``having`` has a container
    of blocks and no such picture (an icon row in one version, a "key points" image in the
    other), else None."""
    if not block_row(sc) or any(picture_only(block) for block in having.blocks):
        return None
    return next((block.line for block in lacking.blocks if picture_only(block)), None)


def _text_kept(wrapper: Shortcode, having: list[Block], lacking: list[Block]) -> bool:
    """Is the wrapped text in the lacking section's paragraphs? Their length is nearer to the
    having section's with the wrapper than without it (translations differ in length, a
    missing paragraph takes its own length away)."""
    def length(blocks: list[Block]) -> int:
        return sum(len(block_text(b)) for b in blocks if isinstance(b, (Paragraph, Shortcode)))

    # an accordion there whose text stands here in an HTML card weighs on neither side
    having = [b for b in having if b is wrapper or not isinstance(b, Shortcode) or _text_in_html(b, lacking) is None]
    here, there, wrapped = length(lacking), length(having), len(block_text(wrapper))
    return here > 0 and abs(here - there) < abs(here - (there - wrapped))


def _text_in_html(wrapper: Shortcode, lacking: list[Block]) -> int | None:
    """The line of the HTML block of ``lacking`` that holds most of ``wrapper``'s names,
    numbers and links, when its HTML blocks together hold most of them (three at least: two
    names also stand in the text beside a card), else None."""
    wanted = {t for t in block_tokens(wrapper).strong if not t.startswith(("sc:", "arg:"))}
    html = [block for block in iter_blocks(lacking) if isinstance(block, HtmlBlock)]
    if len(wanted) < 3 or not html:
        return None
    found: set[str] = set()
    best, most = html[0], -1
    for block in html:
        tokens = block_tokens(block).strong
        found |= tokens
        if len(wanted & tokens) > most:  # the card that holds most of it (the first of equals)
            best, most = block, len(wanted & tokens)
    return best.line if len(wanted & found) >= 0.6 * len(wanted) else None


def _targets_elsewhere(c: Comparison, sc: Shortcode, having: Side, lacking: Side) -> int | None:
    """The line of ``lacking`` that links the same target (or its counterpart page) as one
    of ``sc``'s link arguments: a raw HTML button or a front-matter field standing in for
    the shortcode."""
    pages = c.settings.page_map
    targets = [v for _, v in _link_arguments(sc)]
    wanted = {_plain_target(t) for t in targets} - {""}
    groups = {pages.resolve(t, having.path) for t in targets} - {None} if pages is not None else set()
    if not wanted and not groups:
        return None
    for number, text in enumerate(lacking.doc.text.splitlines(), start=1):
        for token in _PATHLIKE.findall(text):
            if _plain_target(token) in wanted or (groups and pages is not None and pages.resolve(token, lacking.path) in groups):
                return number
    return None


_EMAIL = lazy_compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = lazy_compile(r"\+?\d[\d ()-]{6,}\d")


def _call_to_action(sc: Shortcode) -> bool:
    """A button (a labelled link), or a card that gives an e-mail address or a phone number
    (written "+46 8 …" or "08-…", or as a tel: link: "2024-01-15" and "12 000" are none)."""
    if _button(sc):
        return True
    if sc.body is None:
        return False
    text = block_text(sc)
    links = " ".join(link.url for inline in block_inlines(sc) for link in inline.links)
    return bool(_EMAIL.search(text) or "mailto:" in links or "tel:" in links or _DIALLED.search(text))


_DIALLED = lazy_compile(r"(?<![\w-])(?:\+\d{1,3}[\s(]*\d|0\d{1,3}[\s-])[\d ()-]{5,}\d(?![\w-])")


def _other_call(c: Comparison, sc: Shortcode, section: SectionInfo) -> Shortcode | None:
    """For a call to action ``sc`` missing from ``section``: another shortcode there, of
    another name, with no counterpart either, that is a call to action too."""
    if not _call_to_action(sc):
        return None
    return next((block for block in section.blocks
                 if isinstance(block, Shortcode) and block.name != sc.name and id(block) in c.unmatched
                 and _call_to_action(block)), None)


CONTACT_CARD_WORDS = 40  # words of a card that invites readers to get in touch, its contacts included


def _contacts_elsewhere(sc: Shortcode, lacking: Side) -> int | None:
    """A contact card whose e-mail addresses and phone numbers all stand somewhere in the
    other version (a sidebar in its front matter, a contact block): the first such line."""
    text = block_text(sc) + " " + " ".join(v for _, v in _link_arguments(sc))
    emails = {m.lower() for m in _EMAIL.findall(text)}
    phones = {re.sub(r"\D", "", m)[-8:] for m in _PHONE.findall(text) if len(re.sub(r"\D", "", m)) >= 8}
    if not emails and not phones:
        return None
    lines = lacking.doc.text.splitlines()
    first: int | None = None
    digits = [re.sub(r"\D", "", line) for line in lines]
    wanted = [(e, False) for e in sorted(emails)] + [(p, True) for p in sorted(phones)]
    for value, is_phone in wanted:
        where = next((n for n, line in enumerate(digits if is_phone else [x.lower() for x in lines], start=1) if value in line), None)
        if where is None:
            return None
        first = where if first is None else min(first, where)
    return first


_PATHLIKE = lazy_compile(r"[\w@~.:/%+-]*/[\w@~.:/%+#?=&-]*")


def _plain_target(target: str) -> str:
    """A link target as it may be written anywhere: without fragment or query, surrounding
    slashes and a ``.md`` suffix (``/services/x.md`` = ``/services/x/``)."""
    path = target.strip().split("#", 1)[0].split("?", 1)[0].strip("/")
    return path[:-3] if path.endswith(".md") else path


_HEX_COLOUR = lazy_compile(r"#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", re.I)
# Font Awesome's short style prefixes and their long names ("fas fa-x" = "fa-solid fa-x")
_ICON_STYLES = {
    "fas": "fa-solid", "far": "fa-regular", "fal": "fa-light", "fat": "fa-thin", "fad": "fa-duotone",
    "fab": "fa-brands", "fak": "fa-kit", "fass": "fa-sharp fa-solid",
}
_ANCHOR_KEYS = frozenset({"id", "anchor", "slug"})
_SLUG = lazy_compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


def token(value: str) -> str:
    """The comparable form of a cosmetic argument: hex colours and booleans ignore case
    (``#32cd32`` = ``#32CD32``, ``#abc`` = ``#aabbcc``), icon classes their style spelling
    and order (``fas fa-x`` = ``fa-solid fa-x``)."""
    text = value.strip()
    colour = _HEX_COLOUR.fullmatch(text)
    if colour:
        digits = colour.group(1).lower()
        return "#" + ("".join(ch * 2 for ch in digits) if len(digits) in (3, 4) else digits)
    if text.lower() in ("true", "false"):
        return text.lower()
    words = text.split()
    if words and all(w.startswith("fa") for w in words):
        expanded = " ".join(_ICON_STYLES.get(w, w) for w in words).split()
        return " ".join(sorted(set(expanded)))
    return text


def slug_words(text: str) -> set[str]:
    """The words of a text as they appear in a slug: lower case, no accents (ä → a)."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return set(re.findall(r"[a-z0-9]+", plain))


def _slug_of_text(value: str, texts: list[str]) -> bool:
    """An anchor id made from one of ``texts`` (a heading, the shortcode's title): every
    word of the id is a word of that text ("sakerhet" of "Lagring och säkerhet")."""
    if not _SLUG.fullmatch(value.strip().lower()):
        return False
    wanted = set(re.split(r"[-_]", value.strip().lower()))
    return any(wanted <= slug_words(text) for text in texts if text)


def _translated_anchor(c: Comparison, key: str, a: Shortcode, b: Shortcode, value_a: str | None, value_b: str | None) -> bool:
    """An id argument that on each side is a slug of that side's (translated) text, or that
    each page links under its own name (``#sakerhet`` here, ``#security`` there) and neither
    under the other's: a localised anchor, consistent within each page."""
    if key.lower() not in _ANCHOR_KEYS or value_a is None or value_b is None:
        return False
    id_a, id_b = value_a.strip(), value_b.strip()
    if f"#{id_a}" in c.a.doc.text and f"#{id_b}" in c.b.doc.text \
            and f"#{id_b}" not in c.a.doc.text and f"#{id_a}" not in c.b.doc.text:
        return True
    texts_a = [v for k, v in a.named if k.lower() in TEXT_ARGS] + [info.title for info in c.sections.a]
    texts_b = [v for k, v in b.named if k.lower() in TEXT_ARGS] + [info.title for info in c.sections.b]
    return _slug_of_text(value_a, texts_a) and _slug_of_text(value_b, texts_b)


def _data_key(sc: Shortcode) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, token(v)) for k, v in data_args(sc).items()))


def _reordered(c: Comparison) -> set[int]:
    """The shortcodes (ids, in A) of paired runs of one name in one place whose arguments
    differ pair by pair but are the same set on both sides: icon rows in another order
    ("Containers, Compute" here, "Compute, Containers" there), told once as a warning (the
    blocks' translated labels cannot tell a reordered row from icons swapped under them)."""
    runs: dict[tuple[int, int, str], list[tuple[Shortcode, Shortcode]]] = {}
    for pair in c.block_pairs:
        a, b = pair.a, pair.b
        if isinstance(a, Shortcode) and isinstance(b, Shortcode) and a.name == b.name:
            runs.setdefault((id(pair.section_a), id(pair.section_b), a.name), []).append((a, b))
    found: set[int] = set()
    for run in runs.values():
        keys_a, keys_b = [_data_key(a) for a, _ in run], [_data_key(b) for _, b in run]
        if len(run) < 2 or keys_a == keys_b or sorted(keys_a) != sorted(keys_b):
            continue
        found.update(id(a) for a, _ in run)
        first = next(i for i, (x, y) in enumerate(zip(keys_a, keys_b)) if x != y)
        a, b = run[first]
        c.report(
            SHORTCODE_MISMATCH,
            c.a,
            a.line,
            f"the {len(run)} {a.label()} blocks from line {run[0][0].line} stand in another order than in "
            f"{c.b.name}:{run[0][1].line}; each one's arguments are there, in another place",
            [(c.b, b.line)],
            key=f"order|{a.name}|{run[0][0].line}",
            severity=Severity.WARNING,
        )
    return found


def _compare_arguments(c: Comparison, a: Shortcode, b: Shortcode) -> None:
    args_a, args_b = data_args(a), data_args(b)
    differing: list[tuple[str, str | None, str | None, Severity | None]] = []
    for key in sorted(set(args_a) | set(args_b)):
        value_a, value_b = args_a.get(key), args_b.get(key)
        if value_a == value_b:
            continue
        if value_a is not None and value_b is not None and token(value_a) == token(value_b):
            continue  # the same colour, flag or icon spelled another way
        if _translated_anchor(c, key, a, b, value_a, value_b):
            continue  # "prestanda" / "performance": each the slug of its own title
        if _own_language(c.a, value_a) and _own_language(c.b, value_b):
            continue  # language="nb" on the Norwegian page, "en" on the English one (or left to the default)
        severity = (Severity.INFO if _unlinked_anchors(c, key, value_a, value_b)
                    else Severity.WARNING if cosmetic(key, value_a, value_b) or _words(key, value_a, value_b) else None)
        differing.append((key, value_a, value_b, severity))
    if not differing:
        return
    if len(differing) == 1:
        key, value_a, value_b, severity = differing[0]
        c.report(
            SHORTCODE_MISMATCH,
            c.a,
            a.line,
            f"{a.label()} argument {key.lstrip('#')} is {_shown(value_a)} here but {_shown(value_b)} in {c.b.name}:{b.line}",
            [(c.b, b.line)],
            key=f"arg|{a.name}|{key}|{value_a}|{value_b}",
            severity=severity,
        )
        return
    # several arguments of one block differ (icon and colour): one finding, the block may be another one
    severities = [severity for *_, severity in differing]
    c.report(
        SHORTCODE_MISMATCH,
        c.a,
        a.line,
        f"{a.label()} differs from {c.b.name}:{b.line} in {len(differing)} arguments: "
        + "; ".join(f"{key.lstrip('#')} {_shown(value_a)} here, {_shown(value_b)} there" for key, value_a, value_b, _ in differing),
        [(c.b, b.line)],
        key=f"args|{a.name}|" + "|".join(f"{key}={value_a}/{value_b}" for key, value_a, value_b, _ in differing),
        severity=None if None in severities else Severity.WARNING if Severity.WARNING in severities else Severity.INFO,
    )


def _shown(value: str | None) -> str:
    return f'"{value}"' if value is not None else "missing"


def _unlinked_anchors(c: Comparison, key: str, value_a: str | None, value_b: str | None) -> bool:
    """Two anchor ids where neither page links the other's: each id is only its own page's
    business ("prestanda" kept from the Swedish page, "performance" here); no link breaks."""
    if key.lower() not in _ANCHOR_KEYS or not value_a or not value_b:
        return False
    return f"#{value_b.strip()}" not in c.a.doc.text and f"#{value_a.strip()}" not in c.b.doc.text


def _own_language(side: Side, value: str | None) -> bool:
    """An argument that names its own page's language (``"nb"``, ``"nb-NO"``), or is absent."""
    if value is None:
        return True
    language = (side.language or side.expected or "").lower()
    text = value.strip().lower().replace("_", "-")
    return bool(language) and (text == language or text.split("-")[0] == language.split("-")[0])


_WORD = lazy_compile(r"[^\W\d_]+", re.UNICODE)


def _words(key: str, value_a: str | None, value_b: str | None) -> bool:
    """A positional argument that is a plain word on both sides ("update" / "uppdatering"):
    as likely a translated label as a changed keyword, so worth a look, not a failed build."""
    return key.startswith("#") and value_a is not None and value_b is not None and all(
        _WORD.fullmatch(v.strip()) for v in (value_a, value_b)
    )


# Arguments that change how a page looks, not what it says: an icon, colour or anchor
# chosen differently in one language is worth a look (warning), not a failed build.
_COSMETIC_KEYS = frozenset({
    "icon", "color", "colour", "class", "style", "background", "bg", "theme", "variant", "size", "width",
    "height", "align", "position", "layout", "id", "anchor",
})


def cosmetic(key: str, value_a: str | None, value_b: str | None) -> bool:
    """An argument of looks: by its name, or by its values (icon classes, hex colours)."""
    if key.lower().lstrip("#") in _COSMETIC_KEYS:
        return True
    values = [v for v in (value_a, value_b) if v is not None]
    return bool(values) and all(
        _HEX_COLOUR.fullmatch(v.strip()) or (v.split() and all(w.startswith("fa") for w in v.split())) for v in values
    )


def _inline_names(unit: Unit, skip: set[int]) -> tuple[Counter[str], dict[str, int], set[str]]:
    """Inline shortcodes of ``unit`` by name (but those ``skip`` names): counts, first lines,
    and the names that carry something (no arguments, as ``{{< phone >}}`` that inserts a
    number, or data arguments)."""
    names: Counter[str] = Counter()
    lines: dict[str, int] = {}
    carrying: set[str] = set()
    for inline in unit_inlines(unit):
        for sc in inline.shortcodes:
            if sc.name in ("ref", "relref") or id(sc) in skip:
                continue  # link targets: compared as links; a twin of a block: compared with it
            names[sc.name] += 1
            lines.setdefault(sc.name, sc.line)
            if not _styles_text(sc):
                carrying.add(sc.name)
    return names, lines, carrying


def _styles_text(sc: Shortcode) -> bool:
    """``{{< inline "Del II" >}}``: arguments that are all words for the reader."""
    arguments = [(None, v) for v in sc.positional] + list(sc.named)
    return bool(arguments) and not data_args(sc) and not any(is_link_argument(k, v) for k, v in arguments)


def _compare_inline(c: Comparison, pair: BlockPair, skip: set[int]) -> None:
    assert pair.a is not None and pair.b is not None
    for unit_a, unit_b in aligned_units(pair.a, pair.b):
        names_a, lines_a, carrying_a = _inline_names(unit_a, skip)
        names_b, lines_b, carrying_b = _inline_names(unit_b, skip)
        for name in sorted(set(names_a) | set(names_b)):
            if names_a[name] == names_b[name]:
                continue
            line_a, line_b = lines_a.get(name, unit_a.line), lines_b.get(name, unit_b.line)
            c.report(
                SHORTCODE_MISMATCH,
                c.a,
                line_a,
                f"inline shortcode '{name}' appears {names_a[name]} time(s) here but "
                f"{names_b[name]} in {c.b.name}:{line_b}",
                [(c.b, line_b)],
                key=f"inline|{name}|{names_a[name]}|{names_b[name]}",
                # {{< inline "Del II" >}} styles a word or two: worth a look, not a failed build
                severity=None if name in carrying_a | carrying_b else Severity.WARNING,
            )


# --- unclosed -----------------------------------------------------------------------

_PROBLEM_KINDS: tuple[ProblemKind, ...] = ("shortcode-orphan-close", "shortcode-syntax")


def _read_all_shortcodes(doc: Document) -> list[Shortcode]:
    if doc.text and "{{" not in doc.text and "{%" not in doc.text:
        return []  # every tag opens with one of these (Hugo and Zola): a search in C, not two walks
    found: list[Shortcode] = []
    blocks = list(iter_blocks(doc.body.blocks))
    for section in doc.iter_sections():
        blocks.extend(iter_blocks(section.blocks))
    for block in blocks:
        if isinstance(block, Shortcode):
            found.append(block)
        for inline in block_inlines(block):
            found.extend(inline.shortcodes)
    return found


# every shortcode of a page (read-only): asked six times a pair, and for each translation of a source
all_shortcodes = ByIdentity[Document, list[Shortcode]](_read_all_shortcodes, kept=4)


def check_unclosed(c: Comparison) -> None:
    paired_a = {sc.name for sc in all_shortcodes(c.a.doc) if sc.paired}
    paired_b = {sc.name for sc in all_shortcodes(c.b.doc) if sc.paired}
    for side, paired_here, paired_there in ((c.a, paired_a, paired_b), (c.b, paired_b, paired_a)):
        check_unclosed_in(c, side, paired_here | paired_there)


def check_unclosed_in(c: Comparison, side: Side, paired_names: set[str]) -> None:
    """Problems the parser found, and openers never closed whose name is closed elsewhere.

    An opener never closed followed by a closer of another name that has no opener is one
    typo ({{% blocks/section %}} … {{% /blocks/lead %}}): reported once, at the closer."""
    unclosed = [sc for sc in all_shortcodes(side.doc) if not (sc.paired or sc.self_closing or sc.name not in paired_names)]
    orphans = sorted((p for p in side.doc.problems if p.kind == "shortcode-orphan-close"), key=lambda p: p.line)
    meant: dict[int, Shortcode] = {}  # id of an orphan closer's problem -> the opener it was meant to close
    orphan_lines = [p.line for p in orphans]
    # each opener takes the first free closer below it; openers come in line order, so the
    # closers taken from below any opener on are one run: a pointer, not a scan per opener
    free = 0
    for sc in sorted(unclosed, key=lambda sc: sc.line):
        at = max(free, bisect_right(orphan_lines, sc.line))
        if at < len(orphans):
            meant[id(orphans[at])] = sc
            free = at + 1
    for problem in side.doc.problems:
        if problem.kind not in _PROBLEM_KINDS:
            continue
        opener = meant.get(id(problem))
        message = problem.message if opener is None else (
            f"{problem.message}, and {opener.label()} (line {opener.line}) is never closed: "
            f"write {opener.closing_label()} here")
        c.report(SHORTCODE_UNCLOSED, side, problem.line, message, key=problem.message)
    taken = {id(sc) for sc in meant.values()}
    for sc in unclosed:
        if id(sc) in taken:
            continue
        c.report(
            SHORTCODE_UNCLOSED,
            side,
            sc.line,
            f"shortcode {sc.label()} is never closed here, but '{sc.name}' is used with a closing "
            f"tag elsewhere (add {sc.closing_label()})",
            key=f"unclosed|{sc.name}",
        )


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_shortcodes, (SHORTCODE_MISMATCH,)),
    Check(check_unclosed, (SHORTCODE_UNCLOSED,)),
)
