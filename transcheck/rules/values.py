"""Value rules: salary, number, date, contact, link and image mismatches.

Values are compared per aligned section (translators merge and split
paragraphs, so a paragraph is too small a unit), by meaning: each side's
values are matched with equal ones first; what is left over is paired in
order ("X here ≠ Y there") or reported as having no counterpart.
"""

from __future__ import annotations

import re
from transcheck.textdiff import SequenceMatcher
from decimal import Decimal
from functools import lru_cache
from typing import Any, Callable, Generic, Hashable, Iterable, TypeVar

from msgspec import Struct
from msgspec.structs import replace


from transcheck.lazyre import lazy_compile
from transcheck.document.memo import ByIdentity
from transcheck.align.alignment import SectionInfo, unit_inlines
from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.findings import Example, Rule, Severity
from transcheck.document.model import IMAGE_KINDS, Block, BlockQuote, Document, HtmlBlock, Inline, ListBlock, ListItem, Paragraph, Shortcode, TableBlock, block_row, walk_nodes
from transcheck.languages.tags import ISO_639_1
from transcheck.document.lines import LineIndex
from transcheck.document.sections import heading_anchor
from transcheck.document.table_rows import rows_without_counterpart
from transcheck.document.shortcode_args import TEXT_ARGS, is_link_argument
from transcheck.values.contacts import Contact, find_contacts
from transcheck.values.dates import DateValue, find_dates, find_word_dates, slash_days
from transcheck.values.links import IDENTIFIER_IN_TEXT, LinkRules, comparable_url, is_identifier, is_url_like
from transcheck.values.money import Money, currencies_agree, find_money
from transcheck.values.numbers import Number, find_number_words, find_numbers
from transcheck.values.pagemap import HTTP_SCHEME
from transcheck.wording import contrast, line_range, listed, quote, section_phrase

# --- the rules of this module: code, name, default severity, summary, documentation ---

SALARY_MISMATCH = Rule("TC401", "salary-mismatch", Severity.ERROR, "Money amounts or ranges differ in amount, currency or period.",
         "Amounts are read by value in every common spelling: €50,000, 50 000 €, 50k EUR, 50 tkr, "
         "50 000:-, ranges with -, –, to, till, från … till, between … and, mellan … och, and "
         "periods (per år, annually, /mån, monthly, timlön, /h). \"€50,000 - €80,000 annually\" "
         "equals \"50 000–80 000 euro per år\"; an amount present in one version only is a "
         "mismatch too. A currency or period written in one version only is not compared. A page "
         "that prices everything in its market's currency (kr here, € there) gets one information "
         "finding instead.",
    example=Example(
        "## Lön\n\nLönen är 42 000 kr i månaden, plus övertidsersättning.\n",
        "## Salary\n\nThe salary is SEK 45,000 per month, plus overtime pay.\n",
        "The monthly salary is 42 000 kr in Swedish but SEK 45,000 in English.",
    ),
)

NUMBER_MISMATCH = Rule("TC402", "number-mismatch", Severity.ERROR, "Other numbers in aligned sections differ.",
         "Counts, percentages, years, versions and sizes are compared by value (1 000,5 = "
         "1,000.5; \"fem\" = 5 = \"five\"; 1st = 1:a; \"90-talet\" = \"the nineties\" = 1990s; "
         "\"1800-talet\" = 19th century; \"hundre\" = 100; \"6 割\" = \"6 in 10\" = 60%). The two numbers of a "
         "Japanese fraction (\"4 分の 1\", a quarter) and \"100%\" (\"vattentätt\", \"fully\") count as words. A number whose grouping is ambiguous "
         "matches every reading; a number written as a word is never reported alone; clock times, "
         "footnote markers and numbers the other version writes inside code are not compared. A "
         "year that one version says and the other leaves out (\"tedious in 2022\") is a warning; "
         "a year changed stays an error.",
    example=Example(
        "## Om oss\n\nVi är 25 medarbetare på kontoret i Umeå.\n",
        "## About us\n\nWe are 35 employees at the office in Umeå.\n",
        "The Swedish page says 25 employees, the English 35.",
    ),
)

DATE_MISMATCH = Rule("TC403", "date-mismatch", Severity.ERROR, "Dates in aligned sections differ.",
         "ISO dates, \"16 februari 2026\", \"February 16, 2026\", \"16 Feb 2026\", \"16/2 2026\", "
         "\"16.2.2026\", \"andra februari\", \"29 de mayo de 2025\" and 2026年2月16日 are compared by value, "
         "and a range of days by its first (\"March 23 - 26, 2026\"). The same day with a year in one "
         "version and without in the other is an info (a translation may leave a year the text makes "
         "plain out). Front-matter dates are "
         "compared by frontmatter-mismatch.",
    example=Example(
        "## Ansökan\n\nSista ansökningsdag är 15 mars 2026.\n",
        "## Application\n\nThe closing date for applications is 18 March 2026.\n",
        "The closing date is 15 March in Swedish but 18 March in English.",
    ),
)

LINK_MISMATCH = Rule("TC404", "link-mismatch", Severity.ERROR, "Link targets of aligned sections differ.",
         "Markdown links, autolinks, bare URLs, <a href>, URL arguments of shortcodes (link=, "
         "url=, href=) and URL-valued front-matter fields. Scheme and host case, default ports, "
         "trailing slashes and language codes in paths, subdomains and queries (/en/, sv-SE, "
         "?lang=sv) do not matter; ref/relref to the same content file are equal; in-page "
         "anchors are equal when they point at aligned headings; one written alike in both that "
         "leads to a heading in one version only is a warning at the link that goes nowhere. "
         "Configured rewrites make "
         "language-specific URLs equal. Site-internal paths that differ only in words (a "
         "translated slug such as /kontakt/ and /contact/) are a warning, as is one repository "
         "file at another branch, tag or commit; a branch's file and a permalink of it at a "
         "commit (GitHub's \"copy permalink\") are information. A link to a page above the other's target (the list of "
         "webinars where the other version links to one of them) is information: less specific, "
         "not wrong. A link without counterpart in a paragraph or list "
         "item whose counterpart stands there (the words are translated, only the link was "
         "dropped) is a warning; in text the other version lacks, an error. A mailto: whose "
         "address the page shows is compared by contact-mismatch. An address one version writes "
         "without `https://` (`support.example.se`, which a browser opens relative to the page) "
         "where the other has it is reported in the version that lacks the scheme. A link whose "
         "markup broke (`[text] (#target)`, or its opening bracket in another paragraph), which "
         "shows as text, is a warning at that line. Three links or "
         "more without counterpart in one section (a block of sources the other version lacks) are "
         "one finding with each link's line; dates, contacts and images are grouped alike.",
    example=Example(
        "## Ansökan\n\nLäs mer om oss på [vår webbplats](https://example.se/om-oss).\n",
        "## Application\n\nRead more about us on [our website](https://example.org/about).\n",
        "The link to the company website points to a different site in English than in Swedish.",
    ),
)

IMAGE_MISMATCH = Rule("TC405", "image-mismatch", Severity.ERROR, "Images of aligned sections differ.",
         "Markdown images, <img src>, image arguments of shortcodes (src=, image=) and "
         "image-valued front-matter fields, compared like links. Numbered copies of one picture "
         "(key-points-1.svg / key-points-3.svg, often one per language) are a warning, and so is "
         "another picture in a front-matter field (a card, sidebar or social-media image: how the "
         "page looks, not what it says). A picture without counterpart where the other version "
         "has a container of blocks without counterpart (an icon row for a key-points picture) "
         "is a warning that names it.",
    example=Example(
        "## Vårt kontor\n\n![Kontoret i Umeå](/bilder/kontor-umea.jpg)\n",
        "## Our office\n\n![The office in Umeå](/images/office-stockholm.jpg)\n",
        "The office photo is a different image file in English than in Swedish.",
    ),
)

CONTACT_MISMATCH = Rule("TC406", "contact-mismatch", Severity.ERROR, "E-mail addresses or phone numbers differ.",
         "Phone numbers are compared in international form: +46 8 123 45 67 = 08-123 45 67 "
         "(in a Swedish page) = +46812345 67. Where one version gives a company's general "
         "address (hello@, info@, kontakt@ …) and the other a person's own at the same domain, "
         "the changed contacts of that place are a warning that says so: both reach the "
         "company, a choice made for one version's readers.",
    example=Example(
        "## Kontakt\n\nFrågor om tjänsten besvaras av Anna Berg, anna.berg@example.se.\n",
        "## Contact\n\nQuestions about the job are answered by Anna Berg, anna.b@example.se.\n",
        "Anna Berg's e-mail address differs between the versions.",
    ),
)

RULES: tuple[Rule, ...] = (SALARY_MISMATCH, NUMBER_MISMATCH, DATE_MISMATCH, LINK_MISMATCH, IMAGE_MISMATCH, CONTACT_MISMATCH,)


V = TypeVar("V")

_URL_IN_TEXT = lazy_compile(r"(?:https?://|www\.)\S+")
_AROUND_THE_CLOCK = lazy_compile(r"\b24\s?[/⁄∕x×]\s?7\b|\b24[/⁄∕]365\b")
# 17:25 (a full stop after it may end the sentence) or 17.25 (then not before a full stop:
# "for example 17.50." is a decimal number as likely as a time)
# With a full stop the hour has two digits ("08.30", "17.25"): "1.25" alone is a number (Go 1.25);
# "8.30–17" is a time by its range (_CLOCK).
_TIME = lazy_compile(r"(?<![\d.:])(?:(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]|\.\d)|(?:[01]\d|2[0-3])\.[0-5]\d(?![\d.:]))")
_HOUR = r"(?:[01]?\d|2[0-4])(?:[:.][0-5]\d)?"
_ZONES = "PT|PST|PDT|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|CES?T|CEST|UTC|GMT|BST|IST|JST|AEST|AEDT|Z"
# "kl. 8", "klockan 8–17", "kl 08.00-17.00", "8am–5pm", "8 a.m.", "8–17 CET": clock times
# that are neither numbers nor (read as "080017 00") phone numbers
_CLOCK = lazy_compile(
    rf"(?<![\w.:])(?:kl\.?|klockan|klokka|klokken)\s*{_HOUR}(?:\s*[-–—]\s*{_HOUR})?(?![\d])"
    rf"|(?<![\w.:]){_HOUR}\s?(?:am|pm|a\.m\.|p\.m\.)(?:\s*[-–—]\s*{_HOUR}\s?(?:am|pm|a\.m\.|p\.m\.))?(?!\w)"
    rf"|(?<![\w.:,]){_HOUR}\s?[-–—]\s?{_HOUR}(?=\s?(?:h|uhr|CES?T|UTC|GMT|hrs?)\b)"
    rf"|(?<![\w.:,])\d{{1,2}}[.:][0-5]\d\s?[-–—]\s?\d{{1,2}}(?:[.:][0-5]\d)?(?![\d.])"
    # "0600 PT", "1730 UTC": a time written without a colon, known by the zone after it
    rf"|(?<![\w.:,])(?:[01]\d|2[0-3])[0-5]\d(?=\s?\(?(?-i:{_ZONES})\b)",
    re.I,
)
# 午前6時, 下午3点, 18時30分, 6時: clock times (a bare 时 is "when" in Chinese: "为 400 时")
_CJK_CLOCK = lazy_compile(r"(?:午前|午後|上午|下午)\s?\d{1,2}\s?[時时点點](?:\s?\d{1,2}\s?分)?|(?<![\d.,])\d{1,2}時(?![間间])(?:\d{1,2}分)?")
# an idiom, not a value: "a catch-22", "Catch22", Swedish and Norwegian "moment 22"
_IDIOM_NUMBER = lazy_compile(r"\b(?:catch|moment)[- ]?22\b", re.I)
# A footnote marker ("[^1]", rendered "text^1"): a label, not a number
_FOOTNOTE = lazy_compile(r"\[\^[^\]\s]{1,40}\]|(?<=\S)\^[\w-]{1,40}")
# A footnote mark glued to the word it annotates: "European14", "licenses.16" (the mark
# after a sentence's full stop), "europeisk(14)". Four letters at least before it, so
# names with a number (mp3, B2B, k8s) are still read as they were; Latin letters only (CJK
# text sets numbers right against its words: 約1000件).
_GLUED_FOOTNOTE = lazy_compile(r"(?<=[A-Za-zÀ-ɏ]{4})[.;,]?\(?\d{1,2}\)?(?=[\s,;:]|\.(?:\s|$)|$)")
# a value a list of codes names as unused: "Ej i bruk (16)", "Reserved (32)" - a version
# that leaves such codes out of the list says the same
_UNUSED_CODE = lazy_compile(
    r"\b(?:(?:ej|inte|ikke)\s+i\s+bruk|not\s+in\s+use|unused|reserved|reserverad|reservert|används\s+ej|brukes\s+ikke)"
    r"\s*\(\d{1,6}\)",
    re.I,
)
_CASE_FOOTNOTE = lazy_compile(r"(?<![\w-])[CT]-\d{1,4}/\d{2}(,?\d{1,2})(?=[.,;:)\s]|$)")
_IMAGE_EXT = lazy_compile(r"\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?)(?:[?#].*)?$", re.I)
_IMAGE_KEYS = ("image", "img", "bild", "photo", "logo", "picture", "thumbnail", "socialmedia", "cover", "banner", "src")


class Found(Struct, Generic[V], frozen=True):
    value: V
    line: int
    text: str


class SectionValues(Struct):
    money: list[Found[Money]]
    numbers: list[Found[Number]]
    dates: list[Found[DateValue]]
    contacts: list[Found[Contact]]


# --- collecting text -------------------------------------------------------------------


_TITLE_FOOTNOTE = lazy_compile(r"(?<=[^\W\d_])\s*(?:\(\d{1,2}\)|\^\d{1,2}|\[\^[^\]\s]{1,40}\])\s*$")


def _without_footnote_mark(title: str) -> str:
    """The title without a footnote mark at its end; most titles end in none of the three
    characters a mark ends in (a check per section of every pair, in C)."""
    last = title.rstrip()[-1:]
    if last not in (")", "]") and not last.isdecimal():
        return title
    return _TITLE_FOOTNOTE.sub("", title)


def _text_units(info: SectionInfo, skip: set[int], held: list[Block] | None = None,
                rows: dict[int, frozenset[int]] | None = None) -> list[tuple[str, int, list[str]]]:
    """(text, first line, inline code spans) of everything a reader reads in the section
    (and in ``held``, blocks of its sub-sections compared with it), leaving out blocks and
    items that ``skip`` names (they have no counterpart), and the table rows that ``rows``
    names by table (a row the other table lacks: table-shape names it)."""
    units: list[tuple[str, int, list[str]]] = []
    if info.section is not None:
        # a heading's footnote mark ("Kompletterende anbefalinger (13)") refers to the sources
        units.append((_without_footnote_mark(info.title), info.line, list(info.section.inline.code)))
    stack: list[Block] = list(reversed(info.blocks + (held or [])))
    while stack:
        block = stack.pop()
        if id(block) in skip:
            continue
        if isinstance(block, Paragraph):
            units.append((block.text, block.line, list(block.inline.code)))
        elif isinstance(block, ListBlock):
            nested: list[Block] = []
            for item in block.items:
                if id(item) in skip:
                    continue
                units.append((item.text, item.line, list(item.inline.code)))
                nested.extend(item.blocks)
            stack.extend(reversed(nested))
        elif isinstance(block, TableBlock):
            units.append((" | ".join(block.header), block.line, []))
            left_out = rows.get(id(block), frozenset()) if rows else frozenset()
            for offset, row in enumerate(block.rows):
                if offset not in left_out:
                    units.append((" | ".join(row), block.row_line(offset), list(block.inline.code)))
        elif isinstance(block, BlockQuote):
            stack.extend(reversed(block.blocks))
        elif isinstance(block, Shortcode):
            words = [v for k, v in block.named if k.lower() in TEXT_ARGS]
            words += [v for v in block.positional if not is_link_argument(None, v) and " " in v]
            if words:
                units.append((" · ".join(words), block.line, []))
            if block.body is not None:
                stack.extend(reversed(block.body.blocks))
            if block.inner:
                units.append((block.inner, block.line, []))
        elif isinstance(block, HtmlBlock) and block.text.strip():
            # what a reader sees of a raw <div>/<p>/<details>: "3 PB in 2023" is a value there too
            units.append((block.text, block.line, []))
    return units


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span blanked out, its newlines kept (so lines still count). Most
    calls have no span; a span is blanked as a slice, not a character at a time."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = ["\n" if char == "\n" else " " for char in chars[start:end]]
    return "".join(chars)


def collect(info: SectionInfo, language: str | None, skip: set[int] | None = None, held: list[Block] | None = None) -> SectionValues:
    return _gathered(_read_units(info, language, skip, held), words=True)


_Read = list[tuple[int, tuple["UnitValue", ...], str]]  # each unit's first line, values but number words, their text


def _read_units(info: SectionInfo, language: str | None, skip: set[int] | None = None, held: list[Block] | None = None,
                rows: dict[int, frozenset[int]] | None = None) -> _Read:
    """The values of a section's text units, but the numbers written as words (see :func:`_gathered`)."""
    return [(line, *_unit_reading(text, tuple(code), language)) for text, line, code in _text_units(info, skip or set(), held, rows)]


def _in_digits(read: _Read) -> bool:
    """Is a number of ``read`` written in digits (not a word)?"""
    return any(kind == "numbers" and not value.word for _, values, _ in read for kind, value, _, _ in values)


def _gathered(read: _Read, words: bool) -> SectionValues:
    """The section's values, with its numbers written as words or without them (one alone is
    never reported: see :func:`check_values`)."""
    values = SectionValues([], [], [], [])
    lists: dict[str, list] = {"money": values.money, "dates": values.dates, "contacts": values.contacts, "numbers": values.numbers}  # type: ignore[type-arg]
    for line, base, rest in read:
        for kind, value, newlines, found_text in (base + _number_words(rest) if words else base):
            lists[kind].append(Found(value, line + newlines, found_text))
    values.numbers.sort(key=lambda f: (f.line, f.value.start))
    return values


_MAY_HOLD_VALUES = lazy_compile(r"[\d@]")  # money, dates and contacts all need a digit or an @
# zero-width and direction-control characters: invisible, and never part of a value
_INVISIBLE = lazy_compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")

UnitValue = tuple[str, Any, int, str]  # (kind, value, lines after the unit's first, text)


@lru_cache(maxsize=2048)
def unit_values(text: str, code: tuple[str, ...], language: str | None) -> tuple[UnitValue, ...]:
    """(kind, value, lines after the unit's first, text) of each value in one text unit.

    Pure and remembered: a source page compared with two translations, and the
    same sentence repeated across a site, are read once.
    """
    read, rest = _unit_reading(text, code, language)
    return read + _number_words(rest)


@lru_cache(maxsize=1024)
def _number_words(rest: str) -> tuple[UnitValue, ...]:
    """The numbers written as words in what :func:`_unit_reading` leaves of a unit (the last
    values read; masking keeps every newline where it was)."""
    found = find_number_words(rest)
    if not found:
        return ()
    lines = LineIndex(rest)
    return tuple(("numbers", n, lines.newlines_before(n.start), n.text) for n in found)


@lru_cache(maxsize=2048)
def _unit_reading(text: str, code: tuple[str, ...], language: str | None) -> tuple[tuple[UnitValue, ...], str]:
    """The values of :func:`unit_values` but the number words, and the text left to read them in."""
    if _INVISIBLE.search(text):  # "+46(0)\u202d8-657 61 00": direction marks split a phone number
        text = _INVISIBLE.sub("", text)
    if not _MAY_HOLD_VALUES.search(text):
        # no digit: number words, and dates whose day is a word ("andra februari"; most text has none)
        dates = find_word_dates(text)
        if not dates:
            return (), text
        lines = LineIndex(text)
        return tuple([("dates", d, lines.newlines_before(d.start), d.text) for d in dates]), _masked(text, [(d.start, d.end) for d in dates])
    lines = LineIndex(text)
    found: list[UnitValue] = []
    spans = [(m.start(), m.end()) for m in _URL_IN_TEXT.finditer(text)]
    for snippet in code:  # code is compared by code-mismatch, not as numbers
        index = text.find(snippet)
        if index >= 0:
            spans.append((index, index + len(snippet)))
    spans.extend((m.start(), m.end()) for m in _FOOTNOTE.finditer(text))
    spans.extend((m.start(), m.end()) for m in _GLUED_FOOTNOTE.finditer(text))
    if "/" in text:  # a footnote mark glued to an EU case number: "C-311/18,1." and "C-311/181"
        spans.extend((m.start(1), m.end(1)) for m in _CASE_FOOTNOTE.finditer(text))
    if "22" in text:
        spans.extend((m.start(), m.end()) for m in _IDIOM_NUMBER.finditer(text))
    if "(" in text:
        spans.extend((m.start(), m.end()) for m in _UNUSED_CODE.finditer(text))
    if ":" in text:  # "ECLI:EU:C:2019:123", "doi:10.1000/182": names, not numbers
        spans.extend((m.start(), m.end()) for m in IDENTIFIER_IN_TEXT.finditer(text))
    text = _masked(text, spans)

    at = lines.newlines_before  # masking keeps every newline where it was

    # contacts after clock times are masked: "08.00-17.00" read as a phone is "+468001700"
    clock = clock_spans(text)
    contacts = find_contacts(_masked(text, clock), language)
    found.extend(("contacts", contact, at(contact.start), contact.text) for contact in contacts)
    text = _masked(text, [(c.start, c.end) for c in contacts])
    money = find_money(text)
    found.extend(("money", m, at(m.start), m.text) for m in money)
    text = _masked(text, [(m.start, m.end) for m in money])
    dates = find_dates(text)
    found.extend(("dates", d, at(d.start), d.text) for d in dates)
    around_the_clock = [(m.start(), m.end()) for m in _AROUND_THE_CLOCK.finditer(text)]  # "24/7" = "dygnet runt"
    text = _masked(text, [(d.start, _range_end(text, d.end)) for d in dates] + clock + around_the_clock)
    found.extend(("numbers", n, at(n.start), n.text) for n in find_numbers(text, scaled=True))
    return tuple(found), text


_DAY_RANGE_END = lazy_compile(r"[-–]\d{1,2}(?!\d)|\s?(?:から|至|到|[~〜～])\s?\d{1,2}\s?[日号일](?!\d)")


def _range_end(text: str, end: int) -> int:
    """Where a date ends with the rest of a day range ("June 10-11": the "-11" is no minus
    11; "3月23日から26日": the "26日" is the range's end)."""
    more = _DAY_RANGE_END.match(text, end)
    return more.end() if more else end


_HAS_CJK_CLOCK = lazy_compile(r"\d時|[午上下][前後午]")
# what each of _CLOCK's and _TIME's forms cannot match without ("\d[.:]\d" for 08.00 and 8:30,
# which most text with a full stop has not): one search instead of the two patterns' scans
_MAY_HAVE_CLOCK = lazy_compile(rf"kl|am\b|pm\b|a\.m|p\.m|\d[.:]\d|\d\s?[-–—]\s?\d|\d{{4}}\s?\(?(?-i:{_ZONES})\b", re.I)


def clock_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` gives a time of day: "08.00", "kl. 8–17", "8am–5pm", "8–17 CET", "8.30–17.00"."""
    spans: list[tuple[int, int]] = []
    if _HAS_CJK_CLOCK.search(text):
        spans += [(m.start(), m.end()) for m in _CJK_CLOCK.finditer(text)]
    if not _MAY_HAVE_CLOCK.search(text):
        return spans
    spans += [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
    spans += [(m.start(), m.end()) for m in _TIME.finditer(text)]
    return spans


# --- matching ------------------------------------------------------------------------


def match_values(
    a: list[Found[V]],
    b: list[Found[V]],
    same: Callable[[V, V], bool],
    keys: Callable[[V], Iterable[Hashable]],
) -> tuple[list[Found[V]], list[Found[V]]]:
    """Remove equal values; return what is left on each side, in order.

    Each side counts a value once: saying the same price, date or address twice
    in one version and once in the other is not a mismatch. A value of ``a`` takes
    the first value of ``b`` still free that is ``same``. ``keys`` must give two
    values that are ``same`` a key in common: only values sharing a key are
    compared, so a page with thousands of values is not compared all with all.
    """
    if not a and not b:
        return [], []  # most sections have none of a kind
    a, b = _distinct(a, same, keys), _distinct(b, same, keys)
    by_key = _index(b, keys)
    taken = [False] * len(b)
    left_a: list[Found[V]] = []
    for item in a:
        for index in sorted({i for key in keys(item.value) for i in by_key.get(key, ())}):
            if not taken[index] and same(item.value, b[index].value):
                taken[index] = True
                break
        else:
            left_a.append(item)
    return left_a, [item for index, item in enumerate(b) if not taken[index]]


def _index(items: list[Found[V]], keys: Callable[[V], Iterable[Hashable]]) -> dict[Hashable, list[int]]:
    by_key: dict[Hashable, list[int]] = {}
    for index, item in enumerate(items):
        for key in keys(item.value):
            by_key.setdefault(key, []).append(index)
    return by_key


def _distinct(items: list[Found[V]], same: Callable[[V, V], bool], keys: Callable[[V], Iterable[Hashable]]) -> list[Found[V]]:
    kept: list[Found[V]] = []
    by_key: dict[Hashable, list[int]] = {}
    for item in items:
        item_keys = list(keys(item.value))
        if any(same(item.value, kept[i].value) for key in item_keys for i in by_key.get(key, ())):
            continue
        for key in item_keys:
            by_key.setdefault(key, []).append(len(kept))
        kept.append(item)
    return kept


def _where(info: SectionInfo) -> str:
    return section_phrase(info)


Place = tuple[int, SectionInfo]  # a line and the section it is in
Locate = Callable[[Any], "list[Place]"]  # every place a value stands in a whole file


class Elsewhere(Struct):
    """Where each value of one whole file stands: a value missing from an aligned section
    but present elsewhere in the file was moved by a rewrite, not lost."""

    money: Locate
    dates: Locate
    contacts: Locate
    numbers: Locate


def _locator(found: list[tuple[Found[V], SectionInfo]], same: Callable[[V, V], bool], keys: Callable[[V], Iterable[Hashable]]) -> Locate:
    by_key: dict[Hashable, list[int]] = {}
    for index, (item, _) in enumerate(found):
        for key in keys(item.value):
            by_key.setdefault(key, []).append(index)

    def locate(value: V) -> list[Place]:
        indexes = sorted({i for key in keys(value) for i in by_key.get(key, ())})
        return [(found[i][0].line, found[i][1]) for i in indexes if same(value, found[i][0].value)]

    return locate


def elsewhere(infos: list[SectionInfo], language: str | None) -> Elsewhere:
    """Every value of a whole file (sections without counterpart too), to look values up in.

    Read on the first look-up, and remembered for the last two files: most pairs have no
    value left over to look up, and a source page is looked up in against each translation
    (``infos`` is flattened once per document, so it is the same list each time)."""
    for known, known_language, found in _LAST_ELSEWHERE:
        if known is infos and known_language == language:
            return found
    locators: dict[str, Locate] = {}

    def lookup(kind: str) -> Locate:
        def locate(value: Any) -> list[Place]:
            if not locators:
                locators.update(_locators(infos, language))
            return locators[kind](value)
        return locate

    found = Elsewhere(money=lookup("money"), dates=lookup("dates"), contacts=lookup("contacts"), numbers=lookup("numbers"))
    _LAST_ELSEWHERE.insert(0, (infos, language, found))
    del _LAST_ELSEWHERE[2:]
    return found


_LAST_ELSEWHERE: list[tuple[list[SectionInfo], str | None, Elsewhere]] = []


def _locators(infos: list[SectionInfo], language: str | None) -> dict[str, Locate]:
    everything = [(info, collect(info, language)) for info in infos]

    def of(kind: str) -> list[tuple[Found[Any], SectionInfo]]:
        return [(item, info) for info, values in everything for item in getattr(values, kind)]

    return {
        "money": _locator(of("money"), lambda x, y: x.same(y), _money_keys),
        "dates": _locator(of("dates"), lambda x, y: x.same(y), lambda d: ((d.month, d.day),)),
        "contacts": _locator(of("contacts"), same_contact, contact_keys),
        "numbers": _locator(of("numbers"), lambda x, y: x.same(y), lambda n: n.values),
    }


def check_values(c: Comparison) -> None:
    pairs = c.sections.pairs + c.sections.moved
    skip = c.unmatched
    rows = _rows_left_to_table_shape(c)
    collected = []
    for sa, sb in pairs:
        read_a = _read_units(sa, c.a.language, skip, c.held_blocks(sa, True), rows)
        read_b = _read_units(sb, c.b.language, skip, c.held_blocks(sb, False), rows)
        # number words only where a number in digits may be their counterpart: without one on
        # either side they are read for nothing (a number word alone is never reported, _numbers)
        words = _in_digits(read_a) or _in_digits(read_b)
        collected.append((sa, sb, _gathered(read_a, words), _gathered(read_b, words), read_a, read_b))
    all_a = [m for _, _, values, _, _, _ in collected for m in values.money]
    all_b = [m for _, _, _, values, _, _ in collected for m in values.money]
    local_prices = _local_currencies(c, all_a, all_b)
    whole_a, whole_b = elsewhere(c.sections.a, c.a.language), elsewhere(c.sections.b, c.b.language)
    for sa, sb, values_a, values_b, read_a, read_b in collected:
        if not local_prices:
            _money(c, sa, sb, values_a.money, values_b.money, (whole_a.money, whole_b.money))
        _dates(c, sa, sb, values_a.dates, values_b.dates, (whole_a.dates, whole_b.dates), (read_a, read_b))
        _contacts(c, sa, sb, values_a.contacts, values_b.contacts, (whole_a.contacts, whole_b.contacts))
        _numbers(c, sa, sb, values_a.numbers, values_b.numbers, (whole_a.numbers, whole_b.numbers))


def _rows_left_to_table_shape(c: Comparison) -> dict[int, frozenset[int]]:
    """Of each pair of aligned tables that name their rows alike, the rows one of them lacks
    (by table): table-shape reports such a row by name, and its values are that row's, not
    numbers changed ("FLAVOR-b2.c32.r192.gH100" here only: its "192" is no changed number)."""
    rows: dict[int, frozenset[int]] = {}
    for pair in c.block_pairs:
        if isinstance(pair.a, TableBlock) and isinstance(pair.b, TableBlock):
            only_a, only_b = rows_without_counterpart(pair.a, pair.b)
            if only_a:
                rows[id(pair.a)] = only_a
            if only_b:
                rows[id(pair.b)] = only_b
    return rows


def _main_currency(found: list[Found[Money]]) -> tuple[str | None, float]:
    counts: dict[str, int] = {}
    for item in found:
        if item.value.currency:
            counts[item.value.currency] = counts.get(item.value.currency, 0) + 1
    if not counts:
        return None, 0.0
    best = max(sorted(counts), key=lambda code: counts[code])
    return best, counts[best] / len(found)


def _local_currencies(c: Comparison, a: list[Found[Money]], b: list[Found[Money]]) -> bool:
    """A page that prices everything in its market's currency (kr here, € there): say so
    once; its amounts cannot be compared one by one."""
    main_a, share_a = _main_currency(a)
    main_b, share_b = _main_currency(b)
    if len(a) < 3 or len(b) < 3 or min(share_a, share_b) < 0.75 or currencies_agree(main_a, main_b):
        return False
    c.report(
        SALARY_MISMATCH,
        c.a,
        a[0].line,
        f"amounts are in {main_a} here but in {main_b} in {c.b.name}:{b[0].line} "
        f"({len(a)} and {len(b)} amounts): prices in each market's currency are not compared one by one",
        [(c.b, b[0].line)],
        key="currencies",
        severity=Severity.INFO,  # each market's own currency is a correct translation: nothing to fix
    )
    return True


def _report_leftovers(
    c: Comparison,
    rule: Rule,
    sa: SectionInfo,
    sb: SectionInfo,
    left_a: list[Found[V]],
    left_b: list[Found[V]],
    describe: Callable[[Found[V]], str],
    noun: str,
    pair_ok: Callable[[V, V], bool] = lambda x, y: True,
    severity_of: Callable[[V, V], Severity | None] = lambda x, y: None,
    pair_note: Callable[[V, V], str] = lambda x, y: "",
    report_lonely: Callable[[Found[V]], bool] = lambda f: True,
    lonely_severity: Callable[[Found[V]], Severity | None] = lambda f: None,
    lonely_note: Callable[[Found[V]], str] = lambda f: "",
    whole: tuple[Locate, Locate] | None = None,
    contrast: Callable[[Found[V], Found[V]], tuple[str, str]] | None = None,
) -> None:
    """Pair what is left in order (a changed value), then report the lonely ones.

    ``contrast`` shows a changed value and its partner so that the difference is seen (two
    long links are shown from shortly before where they part, not clipped alike).

    With ``whole`` (where values stand in all of A and all of B), a value first looked up
    in the whole other file: found there, it was moved by a rewrite (an ``info``, naming
    the place), and it takes no part in pairing, so it cascades into no "X ≠ Y".
    """
    if whole is not None:
        left_a = _moved(c, rule, sa, sb, left_a, whole[1], describe, noun, from_a=True)
        left_b = _moved(c, rule, sb, sa, left_b, whole[0], describe, noun, from_a=False)
    paired = [False] * len(left_b)
    first_free = 0  # everything before it is paired: the usual scan starts there
    lonely_a: list[Found[V]] = []
    for item in left_a:
        while first_free < len(left_b) and paired[first_free]:
            first_free += 1
        index = next((i for i in range(first_free, len(left_b)) if not paired[i] and pair_ok(item.value, left_b[i].value)), None)
        if index is None:
            lonely_a.append(item)
            continue
        paired[index] = True
        partner = left_b[index]
        shown_a, shown_b = contrast(item, partner) if contrast else (describe(item), describe(partner))
        c.report(
            rule,
            c.a,
            item.line,
            f"{noun} {shown_a} ≠ {c.b.name}:{partner.line} {shown_b}{pair_note(item.value, partner.value)}",
            [(c.b, partner.line)],
            key=f"{noun}|{describe(item)}|{describe(partner)}",
            severity=severity_of(item.value, partner.value),
        )
    rest_b = [item for index, item in enumerate(left_b) if not paired[index]]
    for items, having, lacking, section in ((lonely_a, c.a, c.b, sb), (rest_b, c.b, c.a, sa)):
        items = [item for item in items if report_lonely(item)]
        if len(items) >= GROUPED and not any(lonely_note(item) for item in items):
            _report_group(c, rule, items, having, lacking, section, describe, noun, [lonely_severity(i) for i in items])
            continue
        for item in items:
            c.report(
                rule,
                lacking,
                section.line,
                f"{noun} {describe(item)} ({having.name}:{item.line}) has no counterpart in {_where(section)} here"
                f"{lonely_note(item)}",
                [(having, item.line)],
                key=f"{noun}|lonely|{describe(item)}",
                severity=lonely_severity(item),
            )


GROUPED = 3  # lonely values of one kind in one section told together from this many on


def _report_group(
    c: Comparison,
    rule: Rule,
    items: list[Found[V]],
    having: Side,
    lacking: Side,
    section: SectionInfo,
    describe: Callable[[Found[V]], str],
    noun: str,
    severities: list[Severity | None],
) -> None:
    """Several values of one kind without counterpart in one section (a block of sources the
    other version lacks): one finding with each value's line, not one per value. Its
    severity is the rule's own unless every value would be a warning."""
    shown = listed([describe(item) for item in items], 3)
    lines = sorted({item.line for item in items})
    where = line_range(lines[0], lines[-1]) if len(lines) > 1 else f"line {lines[0]}"
    c.report(
        rule,
        lacking,
        section.line,
        f"{len(items)} {noun}s of {having.name} ({where}) have no counterpart in {_where(section)} here: {shown}",
        [(having, line) for line in lines],
        key=f"{noun}|lonely|" + "|".join(describe(item) for item in items),
        severity=None if any(s is None for s in severities) else max(s for s in severities if s is not None),
    )


def _moved(
    c: Comparison,
    rule: Rule,
    mine: SectionInfo,
    theirs: SectionInfo,
    items: list[Found[V]],
    locate: Locate,
    describe: Callable[[Found[V]], str],
    noun: str,
    from_a: bool,
) -> list[Found[V]]:
    """Report the items the other file has elsewhere as moved (info); return the rest."""
    having, lacking = (c.a, c.b) if from_a else (c.b, c.a)
    rest: list[Found[V]] = []
    for item in items:
        places = locate(item.value)
        if not places:
            rest.append(item)
            continue
        if any(info.index == theirs.index for _, info in places):
            continue  # in the aligned section, in a block without counterpart: the structure rule says so
        line, info = places[0]
        c.report(
            rule,
            having,
            item.line,
            f"moved: {noun} {describe(item)} is not in the aligned part of {lacking.name} ({_where(theirs)}); "
            f"it stands in {_where(info)}, line {line} there",
            [(lacking, line)],
            key=f"{noun}|moved|{describe(item)}",
            severity=Severity.INFO,
        )
    return rest


def _money_keys(money: Money) -> Iterable[Hashable]:
    return money.amounts[0] if money.amounts else ("no amount",)  # same amounts share the first's readings


def _money(
    c: Comparison, sa: SectionInfo, sb: SectionInfo, a: list[Found[Money]], b: list[Found[Money]], whole: tuple[Locate, Locate] | None = None
) -> None:
    left_a, left_b = match_values(a, b, lambda x, y: x.same(y), _money_keys)
    if not left_a and not left_b:
        return
    def describe(found: Found[Money]) -> str:
        return f"{quote(found.text)} ({found.value.normalised()})"

    noun = "salary" if any(f.value.salary for f in left_a + left_b) else "amount"
    _report_leftovers(c, SALARY_MISMATCH, sa, sb, left_a, left_b, describe, noun, whole=whole)


def _dates(
    c: Comparison,
    sa: SectionInfo,
    sb: SectionInfo,
    a: list[Found[DateValue]],
    b: list[Found[DateValue]],
    whole: tuple[Locate, Locate] | None = None,
    read: tuple[_Read, _Read] | None = None,
) -> None:
    left_a, left_b = match_values(a, b, lambda x, y: x.same(y), lambda d: ((d.month, d.day),))
    if not left_a and not left_b:
        return
    if read is not None:
        left_a, left_b = _written_with_a_slash(left_a, read[1]), _written_with_a_slash(left_b, read[0])
        if not left_a and not left_b:
            return

    def severity(x: DateValue, y: DateValue) -> Severity | None:
        # the same day, a year on one side only: a translation that leaves out a year the
        # text makes plain ("15e mars 2024" and "March 15th" after "in 2024"); worth knowing
        return Severity.INFO if x.same_day(y) and (x.year is None) != (y.year is None) else None

    def describe(found: Found[DateValue]) -> str:
        return f"{quote(found.text)} ({found.value.normalised()})"

    _report_leftovers(c, DATE_MISMATCH, sa, sb, left_a, left_b, describe, "date", severity_of=severity, whole=whole)


def _written_with_a_slash(dates: list[Found[DateValue]], other: _Read) -> list[Found[DateValue]]:
    """``dates`` without those of no year that the other version writes as "9/11" or "11/9"
    ("11. september" and "post-9/11": a day and month alone are named, not dated, so the
    other version's bare numbers are read as a date only to recognise one)."""
    if all(found.value.year is not None for found in dates):
        return dates
    days: set[tuple[int, int]] = set()
    for _, _, text in other:
        days |= slash_days(text)
    return [found for found in dates if found.value.year is not None or (found.value.month, found.value.day) not in days]


def _contacts(
    c: Comparison, sa: SectionInfo, sb: SectionInfo, a: list[Found[Contact]], b: list[Found[Contact]], whole: tuple[Locate, Locate] | None = None
) -> None:
    left_a, left_b = match_values(a, b, same_contact, contact_keys)
    if not left_a and not left_b:
        return

    def describe(found: Found[Contact]) -> str:
        shown = quote(found.text)
        return shown if found.value.kind == "email" else f"{shown} ({found.value.value})"

    # "hello@" and the switchboard in one version's card, the person's own address and mobile
    # in the other's: both reach the company, a choice made for one version's readers
    general = _general_for_personal([f.value for f in left_a], [f.value for f in left_b])
    _report_leftovers(
        c, CONTACT_MISMATCH, sa, sb, left_a, left_b, describe, "contact",
        pair_ok=lambda x, y: x.kind == y.kind, whole=whole,
        severity_of=lambda x, y: Severity.WARNING if general else None,
        pair_note=lambda x, y: _GENERAL_NOTES[general],
    )


_GENERAL_NOTES = {
    "": "",
    "a": "; a general address here for a person's own there: likely chosen for this version's readers",
    "b": "; a person's own address here for a general one there: likely chosen for that version's readers",
}


# the part before "@" of an address that reaches a company, not a person
_GENERAL_MAILBOXES = frozenset({
    "hello", "hej", "hei", "info", "contact", "kontakt", "support", "sales", "salg", "sälj", "office", "post",
    "mail", "team", "help", "hjelp", "hjälp", "kundservice", "kundeservice", "customerservice", "service",
})


def _general_for_personal(a: list[Contact], b: list[Contact]) -> str:
    """Which version ("a" or "b") has a company's general address ("hello@example.com") left
    over where the other has a person's at the same domain ("anna.berg@example.com"); ""
    when neither."""
    def split(contact: Contact) -> tuple[str, str]:
        local, _, domain = contact.value.partition("@")
        return local, domain

    for mine, theirs in ((a, b), (b, a)):
        for x in (f for f in mine if f.kind == "email"):
            local_x, domain_x = split(x)
            if local_x not in _GENERAL_MAILBOXES:
                continue
            if any(split(y)[1] == domain_x and split(y)[0] not in _GENERAL_MAILBOXES for y in theirs if y.kind == "email"):
                return "a" if mine is a else "b"
    return ""


def _numbers_moved(c: Comparison, theirs: SectionInfo, items: list[Found[Number]], locate: Locate, from_a: bool) -> list[Found[Number]]:
    """Numbers the other file has in another section: one info for the section, the rest returned."""
    having, lacking = (c.a, c.b) if from_a else (c.b, c.a)
    moved: list[tuple[Found[Number], Place]] = []
    rest: list[Found[Number]] = []
    for item in items:
        # a small number (0–12) stands somewhere in almost every page: finding it elsewhere
        # proves nothing, so it is compared in its section as before ("3 data centres" → "4")
        places = [] if _small(item.value) else locate(item.value)
        if not places:
            rest.append(item)
        elif all(info.index != theirs.index for _, info in places):
            moved.append((item, places[0]))  # (in the same section: a block without counterpart, said elsewhere)
    if moved:
        shown = listed([f"{quote(f.text)} (line {f.line}; {_where(info)}, line {line} there)" for f, (line, info) in moved], 4)
        noun = "number" if len(moved) == 1 else "numbers"
        c.report(
            NUMBER_MISMATCH,
            having,
            moved[0][0].line,
            f"moved: {noun} not in the aligned part of {lacking.name} ({_where(theirs)}) but elsewhere in it: {shown}",
            [(lacking, moved[0][1][0])],
            key="numbers|moved|" + "|".join(f.text for f, _ in moved),
            severity=Severity.INFO,
        )
    return rest


_COMMA_PAIR = lazy_compile(r"(\d{1,2}),(\d{1,2})")


def _comma_lists(a: list[Found[Number]], b: list[Found[Number]]) -> tuple[list[Found[Number]], list[Found[Number]]]:
    """ "Sections 2,3 and 4" lists two numbers that a decimal comma reads as 2.3: where one
    side has "2,3" left and the other has 2 and 3 left, they are the same numbers."""
    for mine, theirs in ((a, b), (b, a)):
        for item in list(mine):
            pair = _COMMA_PAIR.fullmatch(item.text)
            if not pair:
                continue
            parts = [Decimal(pair.group(1)), Decimal(pair.group(2))]
            partners = [next((f for f in theirs if part in f.value.values), None) for part in parts]
            if all(partners) and partners[0] is not partners[1]:
                mine.remove(item)
                for partner in partners:
                    theirs.remove(partner)  # type: ignore[arg-type]
    return a, b


def _small(number: Number) -> bool:
    return all(value == value.to_integral_value() and 0 <= value <= 12 for value in number.values)


def contact_keys(contact: Contact) -> Iterable[Hashable]:
    """An address itself; a phone number its last six digits (a national and an
    international form of one number end alike in all but the national 0; every
    phone has seven digits or more)."""
    if contact.kind != "phone":
        return (contact.value,)
    return ("phone:" + "".join(ch for ch in contact.value if ch.isdigit())[-6:],)


def same_contact(x: Contact, y: Contact) -> bool:
    """Equal, or a national number (0…) that is the international one (+CC…) without a
    country code we could not know (the page's language is unknown)."""
    if x.value == y.value:
        return True
    if x.kind != "phone" or y.kind != "phone":
        return False
    national, international = sorted((x.value, y.value))  # "+" sorts before "0"
    international, national = national, international
    if international.startswith("+") and national.startswith("0") and international.endswith(national[1:]):
        return True
    # a national number written for another country ("08-55 10 73 70", a Swedish number,
    # in a Norwegian page, read as +47): the same digits after the trunk 0 are one number
    return any(_written_national(p) and _written_international(q) and q.value.endswith(_digits(p.text)[1:]) for p, q in ((x, y), (y, x)))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _written_national(contact: Contact) -> bool:
    text = contact.text.strip()
    return text.startswith("0") and not text.startswith("00") and len(_digits(text)) >= 8


def _written_international(contact: Contact) -> bool:
    return contact.text.strip().startswith(("+", "00"))


def _numbers(
    c: Comparison, sa: SectionInfo, sb: SectionInfo, a: list[Found[Number]], b: list[Found[Number]], whole: tuple[Locate, Locate] | None = None
) -> None:
    """One finding per section: the numbers each side has that the other has not."""
    left_a, left_b = match_values(a, b, lambda x, y: x.same(y), lambda n: n.values)
    left_a, left_b = _comma_lists(left_a, left_b)
    # a number written as a word may be idiom ("one of our", "en av våra"): never alone
    left_a = [f for f in left_a if not f.value.word]
    left_b = [f for f in left_b if not f.value.word]
    # numbers in code are not compared as numbers; one written as code in the other version is there
    if left_a:  # (the other section's code is gathered only for a number left over: most have none)
        code_b = _section_code(sb)
        left_a = [f for f in left_a if not _in_code(f.text, c.b.doc.text) and not _in_code(f.text, code_b, short=True)]
    if left_b:
        code_a = _section_code(sa)
        left_b = [f for f in left_b if not _in_code(f.text, c.a.doc.text) and not _in_code(f.text, code_a, short=True)]
    if whole is not None:
        left_a = _numbers_moved(c, sb, left_a, whole[1], from_a=True)
        left_b = _numbers_moved(c, sa, left_b, whole[0], from_a=False)
    if not (left_a and left_b):
        # Only one side has numbers left. A small whole number there is most often
        # written in words on the other side ("2 days" = "ett par dagar"): stay quiet.
        left_a = [f for f in left_a if not _small(f.value)]
        left_b = [f for f in left_b if not _small(f.value)]
    if not left_a and not left_b:
        return

    def numbers_in(items: list[Found[Number]], side: Side) -> str:
        if not items:
            return f"none in {side.name}"
        return f"{listed([f'{quote(f.text)} (line {f.line})' for f in items], 4)} in {side.name}"

    line_a = left_a[0].line if left_a else sa.line
    # the other side's place: the number most like this side's first one ("9117" and its new
    # form "300109117"), not merely the first one left over there
    line_b = (_most_like(left_a[0], left_b) if left_a else left_b[0]).line if left_b else sb.line
    noun = "number" if len(left_a) + len(left_b) == 1 else "numbers"
    # only years, on one side only: a time phrase left out ("tedious in 2022" → "omständligt"),
    # worth a look; a year changed (2022 ≠ 2023) has a partner and stays an error
    years_alone = not (left_a and left_b) and all(_year(f) for f in left_a + left_b)
    c.report(
        NUMBER_MISMATCH,
        c.a,
        line_a,
        f"{noun} without counterpart in {_where(sa)}: {numbers_in(left_a, c.a)}; {numbers_in(left_b, c.b)}"
        + ("; a year said in one version only" if years_alone else ""),
        [(c.b, line_b)],
        key="numbers|" + "|".join(f.text for f in left_a) + "||" + "|".join(f.text for f in left_b),
        severity=Severity.WARNING if years_alone else None,
    )


def _year(found: Found[Number]) -> bool:
    """A year as a number alone: four digits from 1900 to 2099 ("2022", not "2 022" or "2022.5")."""
    text = found.text.strip()
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099


def _most_like(number: Found[Number], others: list[Found[Number]]) -> Found[Number]:
    """Of ``others``, the one sharing the longest run of digits with ``number`` (the first on a tie)."""
    digits = _digits(number.text)

    def shared(other: Found[Number]) -> int:
        theirs = _digits(other.text)
        match = SequenceMatcher(None, digits, theirs, autojunk=False).find_longest_match(0, len(digits), 0, len(theirs))
        return match.size

    return max(others, key=shared)  # max keeps the first of equals


# --- links and images ----------------------------------------------------------------------


class Target(Struct, frozen=True):
    url: str
    line: int
    image: bool
    where: str  # "link", "shortcode argument link=", "front matter key"
    in_paired_text: bool = False  # in a paragraph or list item whose counterpart stands there
    in_heading: bool = False  # in a heading's text (an image there is an icon)


def section_targets(info: SectionInfo, skip: set[int], held: list[Block] | None = None, paired: set[int] | None = None) -> list[Target]:
    """Link and image targets of a section (and of ``held``, blocks of its sub-sections
    compared with it), leaving out blocks and items without counterpart. ``paired``: ids of
    the paragraphs that have a counterpart (list items left in have one)."""
    found: list[Target] = []
    if info.section is not None:
        found.extend(replace(target, in_heading=True) for target in _inline_targets(info.section.inline))
    for node in walk_nodes(info.blocks + (held or []), skip):
        inline = getattr(node, "inline", None)
        if isinstance(inline, Inline):
            in_pair = paired is not None and (isinstance(node, ListItem) or id(node) in paired)
            found.extend(_inline_targets(inline, in_pair))
        if isinstance(node, Shortcode):
            found.extend(_shortcode_targets(node))
    return found


def _inline_targets(inline: Inline, in_paired_text: bool = False) -> list[Target]:
    found = [
        Target(link.url, link.line, link.kind in IMAGE_KINDS or _looks_image(link.url), link.kind,
               in_paired_text)
        for link in inline.links
        if not _footnote_or_identifier(link.url, link.text, link.kind)
    ]
    for sc in inline.shortcodes:
        found.extend(_shortcode_targets(sc))
    return found


def _footnote_or_identifier(url: str, text: str, kind: str) -> bool:
    """A footnote marker ("[^1]" read as a reference to "[^1]: ECLI:…") or a document
    identifier ("urn:…", "doi:…"): neither is a link a reader follows."""
    return (kind == "reference" and text.startswith("^")) or is_identifier(url)


def _looks_image(url: str) -> bool:
    return bool(_IMAGE_EXT.search(url.strip()))


def _shortcode_targets(sc: Shortcode) -> list[Target]:
    targets = []
    for key, value in sc.named:
        if not value.strip() or not is_link_argument(key, value):
            continue
        image = key.lower() in _IMAGE_KEYS or _looks_image(value)
        targets.append(Target(value, sc.line, image, f"{sc.label()} {key}="))
    return targets


def _read_anchors(infos: list[SectionInfo]) -> dict[str, int]:
    """In-page anchors → section index: explicit ids and Hugo's slugs of titles."""
    anchors: dict[str, int] = {}
    for info in infos:
        if info.section is None:
            continue
        if info.id:
            anchors.setdefault(info.id, info.index)
        anchors.setdefault(heading_anchor(info.title), info.index)
    return anchors


# by a page's section list (flattened once per page): read only for an in-page link, once per page
_anchors = ByIdentity[list[SectionInfo], dict[str, int]](_read_anchors, kept=8)


def _link_rules(c: Comparison) -> LinkRules:
    languages = tuple(code for code in (c.a.language, c.b.language) if code)
    # languages unknown: any language code in a path may be the one that differs
    codes = ISO_639_1 if len(languages) < 2 else frozenset()
    return LinkRules(
        languages=languages,
        rewrites=c.settings.link_rewrites,
        ignore_fragments=not c.settings.compare_fragments,
        language_codes=codes,
        page_map=c.settings.page_map,
        page_a=c.a.path,
        page_b=c.b.path,
    )


def check_links(c: Comparison) -> None:
    rules = _link_rules(c)
    partner = {x.index: y.index for x, y in c.sections.pairs + c.sections.moved}

    known: dict[tuple[str, str], str] = {}  # each link normalised once, not once per comparison

    def key_a(url: str) -> str:
        if url.startswith("#"):
            index = _anchors(c.sections.a).get(url[1:])
            return f"#section-{partner[index]}" if index is not None and index in partner else "#?"
        if ("a", url) not in known:
            known["a", url] = comparable_url(url, rules, "a")
        return known["a", url]

    def key_b(url: str) -> str:
        if url.startswith("#"):
            index = _anchors(c.sections.b).get(url[1:])
            return f"#section-{index}" if index is not None else "#?"
        if ("b", url) not in known:
            known["b", url] = comparable_url(url, rules, "b")
        return known["b", url]

    # where every target of each whole file stands: only read for a target left over (few pairs have one)
    places: dict[str, dict[str, list[Place]]] = {}

    def place_in(side: str) -> dict[str, list[Place]]:
        if side not in places:
            places[side] = _target_places(c.sections.a, key_a) if side == "a" else _target_places(c.sections.b, key_b)
        return places[side]

    # a link in text whose counterpart stands there: without its own counterpart, only the
    # link was dropped (the words are translated) - worth a look, not a failed build
    paired = {id(x) for pair in c.block_pairs if pair.a is not None and pair.b is not None
              for x in (pair.a, pair.b) if isinstance(x, Paragraph)}
    for sa, sb in c.sections.pairs + c.sections.moved:
        targets_a = [t for t in section_targets(sa, c.unmatched, c.held_blocks(sa, True), paired) if t.url.strip()]
        targets_b = [t for t in section_targets(sb, c.unmatched, c.held_blocks(sb, False), paired) if t.url.strip()]
        for image in (False, True):
            a = [Found(t, t.line, t.url) for t in targets_a if t.image == image]
            b = [Found(t, t.line, t.url) for t in targets_b if t.image == image]
            whole = (
                lambda t: [] if t.url.startswith("#") else place_in("a").get(key_b(t.url), []) + place_in("a").get("raw:" + t.url.strip(), []),
                lambda t: [] if t.url.startswith("#") else place_in("b").get(key_a(t.url), []) + place_in("b").get("raw:" + t.url.strip(), []),
            )
            _compare_targets(c, sa, sb, a, b, key_a, key_b, image, whole)
    _front_matter_links(c, key_a, key_b)


def _target_places(infos: list[SectionInfo], key: Callable[[str], str]) -> dict[str, list[Place]]:
    """Normalised (and written) target → where it stands in the whole file (anchors left out)."""
    places: dict[str, list[Place]] = {}
    for info in infos:
        for target in section_targets(info, set()):
            if target.url.strip() and not target.url.startswith("#"):
                places.setdefault(key(target.url), []).append((target.line, info))
                places.setdefault("raw:" + target.url.strip(), []).append((target.line, info))
    return places


def _compare_targets(
    c: Comparison,
    sa: SectionInfo,
    sb: SectionInfo,
    a: list[Found[Target]],
    b: list[Found[Target]],
    key_a: Callable[[str], str],
    key_b: Callable[[str], str],
    image: bool,
    whole: tuple[Locate, Locate] | None = None,
) -> None:
    sides = {id(found.value): key_a for found in a} | {id(found.value): key_b for found in b}

    def key(target: Target) -> str:
        return sides[id(target)](target.url)

    language_of = {id(found.value): c.a.language for found in a} | {id(found.value): c.b.language for found in b}

    def exact(x: Target, y: Target) -> bool:
        if x.url.strip() == y.url.strip():
            return True  # written alike: the same target, however the page map places each page
        kx = key(x)
        if kx == key(y) and kx != "#?":
            return True
        return _localised_wiki(x.url, language_of[id(x)], y.url, language_of[id(y)])

    def same(x: Target, y: Target) -> bool:
        # an in-page anchor that leads nowhere known may stand for any anchor of the other
        # version (never for another one of its own: two links of one page are two links)
        if exact(x, y):
            return True
        kx, ky = key(x), key(y)
        return "#?" in (kx, ky) and kx.startswith("#") and ky.startswith("#") and sides[id(x)] is not sides[id(y)]

    def keys(target: Target) -> tuple[str, ...]:
        # in-page anchors share one key: an unresolved one ("#?") may match any of them
        normal = key(target)
        if normal.startswith("#"):
            return ("#",)
        wiki = _WIKI.match(target.url.strip())
        return (normal, "raw:" + target.url.strip()) + (("wiki:" + wiki.group(2).lower(),) if wiki else ())

    a, b = _without_scheme_slips(c, a, b, image)
    if not image:
        a, b = _broken_anchors(c, a, b)
    # equal targets first, so that an anchor standing for any other takes only what is left
    left_a, left_b = match_values(a, b, exact, keys)
    if left_a and left_b:
        left_a, left_b = match_values(left_a, left_b, same, keys)
    # an address linked in one version and written as plain text in the other is there
    left_a = [f for f in left_a if not _written_out(f.value.url, c.b.doc.text)]
    left_b = [f for f in left_b if not _written_out(f.value.url, c.a.doc.text)]
    # a mailto: whose address the page also shows is compared by contact-mismatch: one finding, not two
    left_a = [f for f in left_a if not _address_shown(f.value.url, c.a.doc.text)]
    left_b = [f for f in left_b if not _address_shown(f.value.url, c.b.doc.text)]
    if not image:
        # a link whose markup broke in the other version ("[text] (#target)") shows there as text
        left_a = _broken_markup(c, left_a, c.b, c.a, sb, c.sections.b)
        left_b = _broken_markup(c, left_b, c.a, c.b, sa, c.sections.a)
    if not left_a and not left_b:
        return
    rule = IMAGE_MISMATCH if image else LINK_MISMATCH
    noun = "image" if image else "link"

    def describe(found: Found[Target]) -> str:
        return quote(found.value.url)

    def severity(x: Target, y: Target) -> Severity | None:
        if not image and "#" not in x.url + y.url and leads_to_a_parent(key(x), key(y)):
            # "our webinars" → /webinar/ for "this webinar" → /webinar/one/: less specific, not wrong
            return Severity.INFO
        if not image and other_revision(x.url, y.url) and pinned_to_a_commit(x.url, y.url):
            return Severity.INFO  # a branch's file and its permalink: the same document
        return Severity.WARNING if translated_slug(x.url, y.url) or numbered_copy(x.url, y.url) \
            or other_revision(x.url, y.url) else None

    def contrasted(x: Found[Target], y: Found[Target]) -> tuple[str, str]:
        return contrast(x.value.url, y.value.url, every_change=True)

    from_a = {id(found.value) for found in a}
    rows = {id(section): _row_without_counterpart(section, c.unmatched) for section in (sa, sb)} if image else {}

    def row_there(found: Found[Target]) -> Shortcode | None:
        return rows.get(id(sb if id(found.value) in from_a else sa)) if image else None

    def lonely_severity(found: Found[Target]) -> Severity | None:
        # the link's sentence has its counterpart: the words are there, only the link is not;
        # a picture where the other version has a row of blocks: one summary in two forms
        # an icon in a heading ("## Extensions <img …>") decorates it: the words are the heading's
        return Severity.WARNING if (found.value.in_paired_text and not image) or row_there(found) is not None \
            or (image and found.value.in_heading) else None

    def lonely_note(found: Found[Target]) -> str:
        row = row_there(found)
        if row is None:
            return "; an icon in its heading" if image and found.value.in_heading else ""
        return f"; {row.label()} without counterpart stands in its place here (line {row.line})"

    _report_leftovers(c, rule, sa, sb, left_a, left_b, describe, noun, severity_of=severity, whole=whole,
                      contrast=contrasted, lonely_severity=lonely_severity, lonely_note=lonely_note)


def _row_without_counterpart(section: SectionInfo, unmatched: set[int]) -> Shortcode | None:
    """A row of blocks (a shortcode container of two shortcodes or more, and nothing else:
    an icon row) without counterpart in ``section``."""
    return next((block for block in section.blocks
                 if isinstance(block, Shortcode) and id(block) in unmatched and block_row(block)), None)


def _without_scheme(url: str) -> tuple[str, str] | None:
    """(the address without its scheme and closing slash, the scheme) of an http(s) URL."""
    text = url.strip().rstrip("/")
    scheme = HTTP_SCHEME.match(text)
    return (text[scheme.end():], scheme.group(0)) if scheme is not None else None


def _without_scheme_slips(
    c: Comparison, a: list[Found[Target]], b: list[Found[Target]], image: bool
) -> tuple[list[Found[Target]], list[Found[Target]]]:
    """Links one version writes without ``https://`` where the other has exactly that address
    with it ("support.example.se" for "https://support.example.se", which a browser opens
    relative to the page): broken where the scheme is missing. Reported there, as what to
    fix (not as "X ≠ Y" on whichever file comes first), and left out of the comparison."""
    def bare(url: str) -> bool:
        text = url.strip()
        return "." in text and not text.startswith((".", "/", "#")) and "://" not in text and ":" not in text.split("/")[0]

    if not any(bare(f.value.url) for f in a + b):
        return a, b
    rule, noun = (IMAGE_MISMATCH, "image") if image else (LINK_MISMATCH, "link")
    for lacking, full, side, other in ((a, b, c.a, c.b), (b, a, c.b, c.a)):
        by_address: dict[str, tuple[Found[Target], str]] = {}
        for f in full:
            parts = _without_scheme(f.value.url)
            if parts is not None:
                by_address.setdefault(parts[0], (f, parts[1]))
        for found in [f for f in lacking if bare(f.value.url)]:
            hit = by_address.pop(found.value.url.strip().rstrip("/"), None)
            if hit is None or hit[0] not in full:
                continue
            partner, scheme = hit
            lacking.remove(found)
            full.remove(partner)
            c.report(rule, side, found.line,
                     f"{noun} {quote(found.value.url)} has no {scheme.lower()}, so a browser opens it relative to this "
                     f"page; {other.name}:{partner.line} has {quote(partner.value.url)}",
                     [(other, partner.line)], key=f"{noun}|scheme|{found.value.url}")
    return a, b


def _broken_anchors(
    c: Comparison, a: list[Found[Target]], b: list[Found[Target]]
) -> tuple[list[Found[Target]], list[Found[Target]]]:
    """In-page links written alike in both versions ("#netlify-deployment") that lead to a
    heading in one version only: the translated heading has another anchor there, so the
    link goes nowhere. Reported at that link, with the heading to give the id, and left out
    of the comparison (every link of that target on both sides). A heading with no
    counterpart at all is left to missing-section (translating it mends the link). A page
    that defines the id itself (``id="…"``, ``{#…}``, a shortcode's argument) is given the
    benefit of the doubt."""
    if not any(f.value.url.startswith("#") for f in a) or not any(f.value.url.startswith("#") for f in b):
        return a, b
    anchors_a, anchors_b = _anchors(c.sections.a), _anchors(c.sections.b)
    for lacking, full, side, other, here, there, infos_there, partners in (
        (a, b, c.a, c.b, anchors_a, anchors_b, c.sections.b, c.sections.partner_of_b),
        (b, a, c.b, c.a, anchors_b, anchors_a, c.sections.a, c.sections.partner_of_a),
    ):
        by_url = {f.value.url.strip(): f for f in full if f.value.url.startswith("#")}
        partner_of: dict[int, SectionInfo] | None = None
        reported: set[str] = set()
        for found in [f for f in lacking if f.value.url.startswith("#")]:
            url = found.value.url.strip()
            name = url[1:]
            partner = by_url.get(url)
            if url in reported or partner is None or name in here or name not in there:
                continue
            heading = infos_there[there[name]]
            if heading.style == "bold" or name in _defined_ids(side.doc) or _numbered_twin(name, here):
                continue
            if partner_of is None:
                partner_of = partners()  # once per side: it lists every section pair
            if heading.index not in partner_of:
                continue  # the heading has no counterpart here: missing-section tells it, and its fix mends the link
            reported.add(url)
            c.report(LINK_MISMATCH, side, found.line,
                     f"in-page link {quote(url)} leads to no heading here; in {other.name}:{partner.line} it leads "
                     f"to {quote(heading.title)} (line {heading.line}){_anchor_advice(partner_of.get(heading.index), name)}",
                     [(other, partner.line)], key=f"link|anchor|{name}", severity=Severity.WARNING)
        if reported:  # each side lists a target once: its every link of it is told
            lacking[:] = [f for f in lacking if f.value.url.strip() not in reported]
            full[:] = [f for f in full if f.value.url.strip() not in reported]
    return a, b


def _anchor_advice(counterpart: SectionInfo | None, name: str) -> str:
    """How to make the link lead to the counterpart heading: give the heading the id, or,
    when it has an id of its own already (a heading has one), link to that."""
    if counterpart is None or counterpart.section is None or counterpart.style == "bold":
        return ""
    where = f"its counterpart here, {quote(counterpart.title)} (line {counterpart.line})"
    if counterpart.id:
        return f"; {where}, has the id {quote(counterpart.id)}: link to {quote('#' + counterpart.id)}"
    return f"; {where}, has the anchor {quote(heading_anchor(counterpart.title))}: give it the id {{#{name}}}"


_ID_ATTRIBUTE = lazy_compile(r"\b(?:id|name)\s*=\s*[\"']?([^\"'\s>]+)")
_ATTRIBUTE_LIST = lazy_compile(r"\{[^{}\n]*\}")
_ID_IN_LIST = lazy_compile(r"#([^\s{}#]+)")
_SHORTCODE_ARGUMENTS = lazy_compile(r"\{\{[<%](.*?)[>%]\}\}")
_ARGUMENT = lazy_compile(r"[^\s\"'=]+")


def _read_defined_ids(doc: Document) -> frozenset[str]:
    """Anchors a page may define itself, other than its headings: HTML ``id=``/``name=``,
    ``{#id}`` in an attribute list, and every argument of a shortcode (one may make an anchor)."""
    text = doc.text
    found = set(_ID_ATTRIBUTE.findall(text)) if "=" in text else set()
    if "{" in text:
        for attributes in _ATTRIBUTE_LIST.findall(text):
            found.update(_ID_IN_LIST.findall(attributes))
        for arguments in _SHORTCODE_ARGUMENTS.findall(text):
            found.update(_ARGUMENT.findall(arguments))
    return frozenset(found)


# read for a page only when one of its in-page links leads nowhere
_defined_ids = ByIdentity[Document, frozenset[str]](_read_defined_ids, kept=8)


def _numbered_twin(name: str, anchors: dict[str, int]) -> bool:
    """"faq-1": Hugo's anchor of a second heading "FAQ" when a page has one already."""
    base, dash, number = name.rpartition("-")
    return bool(dash) and number.isdigit() and base in anchors


_WIKI = lazy_compile(r"https?://([a-z]{2,3}(?:-[a-z]+)?)\.(?:m\.)?(wikipedia|wiktionary|wikibooks)\.org/", re.I)


def _localised_wiki(url_x: str, language_x: str | None, url_y: str, language_y: str | None) -> bool:
    """Two Wikipedia articles, each in the language of its own page (pt.wikipedia.org from the
    Portuguese page, en.wikipedia.org from the English one): the article's own translation,
    whose title is the other language's."""
    x, y = _WIKI.match(url_x.strip()), _WIKI.match(url_y.strip())
    if not x or not y or x.group(2).lower() != y.group(2).lower():
        return False
    wiki_x, wiki_y = x.group(1).lower(), y.group(1).lower()
    if wiki_x == wiki_y:
        return False
    page_x, page_y = ((language or "").split("-")[0].lower() for language in (language_x, language_y))
    return wiki_x == page_x and wiki_y == page_y


def _section_code(info: SectionInfo) -> str:
    """The inline code spans of a section, each in backticks, one per line."""
    if info.section is None and not info.blocks:
        return ""
    return "\n".join(f"`{code}`" for _, _, spans in _text_units(info, set()) for code in spans)


def _in_code(number: str, other_text: str, short: bool = False) -> bool:
    """Does the other version write this number inside a code span? Anywhere in the page for
    numbers of four digits or more; ``short``: any number, in the aligned section's code."""
    digits = number.strip()
    if (len(re.sub(r"\D", "", digits)) < 4 and not short) or "`" not in other_text:
        return False
    return re.search(r"`[^`\n]*(?<![\d.,])" + re.escape(digits) + r"(?![\d.,]\d)[^`\n]*`", other_text) is not None


_PHONE_TEXT = lazy_compile(r"\+?\d[\d\s\-()/.\u00a0]{5,}\d")


def _address_shown(url: str, own_text: str) -> bool:
    """A mailto: or tel: link whose address also stands in its page as text
    ([a@b.se](mailto:a@b.se), [+46(0)8-657 61 00](tel:+4686576100))."""
    scheme, colon, address = url.strip().partition(":")
    if not colon or scheme.lower() not in ("mailto", "tel"):
        return False
    if scheme.lower() == "tel":
        digits = re.sub(r"\D", "", address)
        if len(digits) < 7:
            return False
        # the number as text, in international or national form: its last seven digits alike
        for match in _PHONE_TEXT.finditer(_INVISIBLE.sub("", own_text)):
            if own_text[max(0, match.start() - 4):match.start()].lower().endswith("tel:"):
                continue  # the link's own address
            shown = re.sub(r"\D", "", match.group(0).replace("(0)", ""))
            if len(shown) >= 7 and shown[-7:] == digits[-7:]:
                return True
        return False
    address = address.split("?")[0].strip().lower()
    text = own_text.lower()
    return len(address) > 3 and text.count(address) > text.count("mailto:" + address)


def _broken_markup(
    c: Comparison, found: list[Found[Target]], lacking: Side, having: Side, section: SectionInfo, infos: list[SectionInfo]
) -> list[Found[Target]]:
    """Links ``lacking`` has nowhere as links, whose target a paragraph or list item of its
    aligned ``section`` writes right after a closing bracket ("solicitud de registro]
    (#how-to-add)": a space before the parenthesis, or the opening bracket in another
    paragraph): the link is there, but its markup broke and the reader sees brackets.
    Reported once at that line, and left out of the comparison. Code spans and shortcodes
    in the text are no such place; raw HTML and front matter are not read."""
    rest: list[Found[Target]] = []
    units: list[tuple[Paragraph | ListItem, str]] | None = None
    told: set[str] = set()
    for item in found:
        url = item.value.url.strip()
        if len(url) < 2:
            rest.append(item)
            continue
        if units is None:
            units = [(unit, _plain_text(unit)) for unit in walk_nodes(list(section.blocks))
                     if isinstance(unit, (Paragraph, ListItem)) and "]" in unit.text]
        hit = next(((unit, match) for unit, text in units if f"({url})" in text
                    for match in [re.search(r"\]\s*\(" + re.escape(url) + r"\)", text)] if match is not None), None)
        if hit is None or url in _link_targets(infos):
            rest.append(item)
            continue
        if url in told:
            continue  # the other version links it twice here: one broken place, one finding
        told.add(url)
        unit, match = hit
        line = unit.line + unit.text.count("\n", 0, unit.text.find(match.group(0)) if match.group(0) in unit.text else 0)
        cause = ("a space before the parenthesis" if re.match(r"\]\s", match.group(0))
                 else "its text's opening bracket missing or in another paragraph")
        c.report(LINK_MISMATCH, lacking, line,
                 f"link {quote(url)} ({having.name}:{item.line}) is written here but does not render as a link: "
                 f"{quote(' '.join(match.group(0).split()))} has the target, and its markup is broken ({cause})",
                 [(having, item.line)], key=f"link|broken|{url}", severity=Severity.WARNING)
    return rest


def _plain_text(unit: Paragraph | ListItem) -> str:
    """A unit's text with its code spans and shortcodes blanked out: "[x](#a)" written in
    code is an example, not a link."""
    text = unit.text
    for code in (code for inline in unit_inlines(unit) for code in inline.code if code):
        text = text.replace(code, " ")
    return re.sub(r"\{\{.*?\}\}", " ", text) if "{{" in text else text


def _read_link_targets(infos: list[SectionInfo]) -> frozenset[str]:
    return frozenset(target.url.strip() for info in infos for target in section_targets(info, set()))


# by a page's section list: read once per page, and only when a link seems broken
_link_targets = ByIdentity[list[SectionInfo], frozenset[str]](_read_link_targets, kept=8)


def _written_out(url: str, other_text: str) -> bool:
    """A mailto:/tel: link whose address the other version writes as plain text."""
    scheme, colon, address = url.strip().partition(":")
    if not colon or scheme.lower() not in ("mailto", "tel"):
        return False
    address = address.split("?")[0].strip()
    if scheme.lower() == "tel":
        digits = re.sub(r"\D", "", address)
        return len(digits) >= 6 and digits in re.sub(r"\D", "", other_text)
    return len(address) > 3 and address.lower() in other_text.lower()


_REVISION = lazy_compile(r"^(?P<repo>https?://[^/]+/[^/]+/[^/]+/(?:-/)?(?:blob|tree|raw|blame|src))/(?P<ref>[^/]+)(?P<path>/.*)?$")


def other_revision(a: str, b: str) -> bool:
    """The same file of one repository at another branch or commit
    (``…/blob/main/guide.md`` / ``…/blob/25f0275/guide.md``): a pinned link, worth a look."""
    # a query ("?from_branch=main") or fragment says how to show the file, not which one
    ma, mb = _REVISION.match(re.split(r"[?#]", a.strip())[0]), _REVISION.match(re.split(r"[?#]", b.strip())[0])
    if ma is None or mb is None:
        return False
    return ma.group("repo") == mb.group("repo") and (ma.group("path") or "") == (mb.group("path") or "") \
        and ma.group("ref") != mb.group("ref")


_COMMIT = lazy_compile(r"[0-9a-f]{7,40}")


def pinned_to_a_commit(a: str, b: str) -> bool:
    """Of two :func:`other_revision` links, is one at a commit and the other at a branch name
    (``…/blob/main/a.md`` and its permalink ``…/blob/514a684/a.md?from_branch=main``, what
    GitHub's "copy permalink" gives)? Two named versions (v1.2 / v1.3) are not."""
    refs = []
    for url in (a, b):
        match = _REVISION.match(re.split(r"[?#]", url.strip())[0])
        if match is None:
            return False
        refs.append(bool(_COMMIT.fullmatch(match.group("ref"))))
    return refs[0] != refs[1]


_FILE = lazy_compile(r"^(?P<stem>.+)\.(?P<ext>[a-z0-9]+)$", re.I)
_COPY_NUMBER = lazy_compile(r"[-_]\d$")


def numbered_copy(a: str, b: str) -> bool:
    """Two files of one folder and name that differ only in a one-digit number at the end
    ("key-points-1.svg" / "key-points-3.svg", "social_33.jpg" / "social_33-2.gif") or only
    in their format ("diagram.svg" / "diagram.png", a copy a translation keeps beside it): a
    site's copies of one picture, often one per language - worth a look, not a failed build."""
    ma, mb = _FILE.match(a.strip().split("?")[0].lstrip("/")), _FILE.match(b.strip().split("?")[0].lstrip("/"))
    if not (ma and mb) or a.strip() == b.strip():
        return False

    def names(stem: str) -> set[str]:
        return {stem, _COPY_NUMBER.sub("", stem)}

    stem_a, stem_b = ma.group("stem"), mb.group("stem")
    return bool(names(stem_a) & names(stem_b))


def _page_path(key: str) -> str:
    """A compared link target as the path of the page it leads to: "page:webinar/_index.md" →
    "webinar", "/webinar/" → "/webinar" (a section's list page is its folder)."""
    path = key.removeprefix("page:").split("#")[0].split("?")[0]
    for suffix in ("/_index.md", "/index.md", ".md"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path.rstrip("/")


def leads_to_a_parent(a: str, b: str) -> bool:
    """Does one compared target lead to a page above the other's, on the same site (the list
    of webinars for one webinar)? A translation that links to the list where the other
    version links to one entry of it is less specific, not wrong. (A link to a place on the
    page, "…/operator#injection", is as specific as the other: the caller asks for none.)"""
    path_a, path_b = _page_path(a), _page_path(b)
    if not path_a or not path_b or path_a == path_b or a.startswith("page:") != b.startswith("page:"):
        return False
    shorter, longer = sorted((path_a, path_b), key=len)
    return longer.startswith(shorter + "/") and not shorter.endswith(":")


def translated_slug(a: str, b: str) -> bool:
    """Two site-internal paths of the same shape that differ only in words (/kontakt/ vs
    /contact/): probably the same page under a translated slug, which only the site knows."""
    if not (a.startswith("/") and b.startswith("/")) or a.startswith("//") or b.startswith("//"):
        return False
    segments_a = [s for s in a.split("#")[0].split("?")[0].strip("/").split("/")]
    segments_b = [s for s in b.split("#")[0].split("?")[0].strip("/").split("/")]
    if len(segments_a) != len(segments_b):
        return False
    for x, y in zip(segments_a, segments_b):
        if x != y and not (re.fullmatch(r"[^\W\d_][\w-]*(?:\.md)?", x) and re.fullmatch(r"[^\W\d_][\w-]*(?:\.md)?", y)):
            return False
    return True


def _front_matter_links(c: Comparison, key_a: Callable[[str], str], key_b: Callable[[str], str]) -> None:
    entries_a = {e.key.lower(): e for e in c.a.doc.front_matter.entries}
    entries_b = {e.key.lower(): e for e in c.b.doc.front_matter.entries}
    for key in sorted(set(entries_a) & set(entries_b), key=lambda k: entries_a[k].line):
        if key in c.settings.local_keys or key in c.settings.language_keys:
            continue
        value_a, value_b = entries_a[key].value, entries_b[key].value
        if not (isinstance(value_a, str) and isinstance(value_b, str)):
            continue
        if not (is_url_like(value_a) and is_url_like(value_b)) and not (_looks_image(value_a) and _looks_image(value_b)):
            continue
        if value_a.strip() == value_b.strip():
            continue  # written alike: "card.jpg" is the same file for both versions
        ka, kb = key_a(value_a), key_b(value_b)
        if ka == kb or ("#?" in (ka, kb) and ka.startswith("#") and kb.startswith("#")):
            continue
        image = any(word in key for word in _IMAGE_KEYS) or _looks_image(value_a) or _looks_image(value_b)
        c.report(
            IMAGE_MISMATCH if image else LINK_MISMATCH,
            c.a,
            entries_a[key].line,
            f"{entries_a[key].key} is {quote(value_a)} here but {quote(value_b)} in {c.b.name}:{entries_b[key].line}",
            [(c.b, entries_b[key].line)],
            key=f"fm|{key}|{value_a}|{value_b}",
            # a page's card, sidebar or social-media picture is how it looks, not what it says
            severity=Severity.WARNING if image or translated_slug(value_a, value_b) or numbered_copy(value_a, value_b) else None,
        )


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_values, (SALARY_MISMATCH, NUMBER_MISMATCH, DATE_MISMATCH, CONTACT_MISMATCH,)),
    Check(check_links, (LINK_MISMATCH, IMAGE_MISMATCH,)),
)
