"""Language rules: language-conflict, language-code, language-mismatch, language-detected,
untranslated."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote
from functools import lru_cache

from msgspec import Struct


from transcheck.lazyre import lazy_compile, may_contain
from transcheck.document.memo import ByIdentity
from transcheck.align.alignment import SectionInfo, aligned_units, unit_inlines
from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.findings import Example, Rule, Severity
from transcheck.languages.detect import candidates_for, judge, language_name, log_likelihoods, ngrams, same_language
from transcheck.languages.tags import LANGUAGE_NAMES, TagVerdict, detector_code, family, verdict
from transcheck.document.model import IMAGE_KINDS, Block, BlockQuote, Document, FrontMatterEntry, HtmlBlock, Link, ListItem, Node, Paragraph, Shortcode, walk_nodes
from transcheck.document.shortcode_args import TEXT_ARGS
from transcheck.document.sections import heading_anchor
from transcheck.scripts import letters, weight, wide_characters
from transcheck.wording import line_range, plural, quote, said_by

# --- the rules of this module: code, name, default severity, summary, documentation ---

LANGUAGE_CONFLICT = Rule("TC501", "language-conflict", Severity.ERROR, "Two language fields of one file disagree.",
         "language, Language, lang, languageCode, locale, hreflang … are compared as language "
         "tags, case-insensitively: En and en agree, sv and En do not. nb, nn and no all count "
         "as Norwegian.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\nlanguage: \"sv\"\nlang: \"en\"\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\nlanguage: \"en\"\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The Swedish front matter declares two different languages: language is sv but lang is en.",
    ),
    compares=False,
)

LANGUAGE_CODE = Rule("TC502", "language-code", Severity.WARNING, "A language field holds no valid code, or almost certainly the wrong one.",
         "Not a BCP 47 tag (\"Nei\", \"Svenska\"), a country code (dk, jp), a code that is valid "
         "but a likely slip (se is Northern Sami on a Swedish page), en-UK for en-GB, or a YAML "
         "boolean where a code was meant (an unquoted language: no is read as false). House conventions "
         "are declared as aliases (Se = \"sv\") and are then quiet.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\nlanguage: \"se\"\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\nlanguage: \"en\"\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The Swedish page declares language \"se\" (Northern Sami) instead of \"sv\" (Swedish).",
    ),
    compares=False,
)

LANGUAGE_MISMATCH = Rule("TC503", "language-mismatch", Severity.ERROR, "A file declares another language than expected, or both declare the same.",
         "The expected language comes from --lang, the file name (x.sv.md), a path segment "
         "(content/sv/) or config.",
    example=Example(
        "---\ntitle: \"Utvecklare i Umeå\"\nlanguage: \"sv\"\n---\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n",
        "---\ntitle: \"Developer in Umeå\"\nlanguage: \"sv\"\n---\nWe are looking for a developer who wants to build services for municipalities and regions.\n",
        "The English page declares its language as Swedish (sv), the same as the Swedish page.",
    ),
    compares=False,
)

LANGUAGE_DETECTED = Rule("TC504", "language-detected", Severity.ERROR, "The text is not in the declared or expected language.",
         "An error for a whole document, a warning for a block. langdetect is restricted to the "
         "pair's languages and their neighbours (sv, no, da, en) and seeded, so results are "
         "deterministic; Chinese, Japanese and Korean are told by their script; short blocks are "
         "judged together per section; headings, code, URLs, names and the titles of links to "
         "other sites are not judged. Text in the other version's language is untranslated. On a "
         "Chinese, Japanese or Korean page, text a tenth of whose weight is in that script (an "
         "English talk title with its translation beside it) is in that language too.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner. Du arbetar nära våra användare.\n",
        "## About the job\n\nVi leter etter en utvikler som ønsker å bygge tjenester for kommuner og regioner. Du jobber tett med brukerne våre.\n",
        "The English page's text is written in Norwegian, not English.",
    ),
    compares=False,
)

UNTRANSLATED = Rule("TC505", "untranslated", Severity.WARNING, "Text is identical in both versions or in the other version's language.",
         "Paragraphs, list items, translatable front-matter fields (title, intro, description, "
         "sidebarlinkname … and the keys that [front-matter] translated names) and shortcode text "
         "arguments (title=, text=). Proper names, product names, numbers and code alone are not "
         "flagged, nor quotations (> … or text opening with a quotation mark), name= arguments, "
         "the sections of sources (Källor, Sources, References, Footnotes) and names joined by vs "
         "or via, nor a field's value of five words or fewer that the page itself writes, as whole "
         "words, in a sentence of its own or inside another of its fields (\"feature flags\" in a "
         "Spanish sentence under the title \"Feature flags\"; not in headings, code, or text the "
         "other version has alike): a term its translators keep, nor such a short value put into "
         "sentence case from the other's title case (\"Pull requests\" for \"Pull Requests\"). "
         "Nothing is reported for a "
         "page whose front matter says it is an untranslated copy (generated_fallback_page: true, "
         "is_fallback_source_page: true, untranslated: true, translated: false), nor for the part of "
         "a page it keeps in another language on purpose: from where an in-page link named after a "
         "language (\"Read in Swedish\", \"Läs den engelska versionen\") leads to the end of the "
         "page (language-detected leaves it alone too). Identical text in one section is one "
         "finding; in four sections or more, one finding for the page with every line.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare som vill bygga tjänster för kommuner och regioner.\n\nDu arbetar nära våra användare i ett litet team.\n",
        "## About the job\n\nWe are looking for a developer who wants to build services for municipalities and regions.\n\nDu arbetar nära våra användare i ett litet team.\n",
        "The second English paragraph was left in Swedish, identical to the Swedish page.",
    ),
)

RULES: tuple[Rule, ...] = (LANGUAGE_CONFLICT, LANGUAGE_CODE, LANGUAGE_MISMATCH, LANGUAGE_DETECTED, UNTRANSLATED,)


MIN_BLOCK_LETTERS = 80  # a block judged alone
MIN_SECTION_LETTERS = 120  # small blocks are judged together per section
MIN_DOCUMENT_LETTERS = 200
# Swedish against Norwegian or Danish: told apart only on a long sentence or more text
MIN_NEIGHBOUR_LETTERS = 300
MIN_NEIGHBOUR_WORDS = 18
_SCANDINAVIAN = frozenset({"sv", "no", "da"})

TRANSLATABLE_KEYS = frozenset(
    """title linktitle subtitle intro description summary lead excerpt metatitle metadescription
    seotitle seodescription sidebarlinkname sidebarlinkname2 sidebarlinkname3 sidebartext buttontext
    alt caption cta heading""".split()
)


def _language_entries(c: Comparison, side: Side) -> list[tuple[FrontMatterEntry, TagVerdict]]:
    aliases = dict(c.settings.language_aliases)
    text_language = side.expected or side.language
    return [
        (entry, verdict(entry.value, entry.raw, aliases, text_language))
        for entry in side.doc.front_matter.entries
        if entry.key.lower() in c.settings.language_keys and entry.key.lower() != "languagename"
    ]


def check_language_fields(c: Comparison) -> None:
    """language-code for values that are no (right) code, language-conflict within a file."""
    for side in (c.a, c.b):
        entries = _language_entries(c, side)
        for entry, judged in entries:
            if judged.problem:
                fix = f" (the page is {language_name(judged.suggestion)}: {judged.suggestion})" if judged.suggestion else ""
                c.report(LANGUAGE_CODE, side, entry.line, f"{entry.key}: {judged.problem}{fix}", key=f"{entry.key}|{entry.raw}")
        valid = [(entry, judged) for entry, judged in entries if judged.tag]
        for entry, judged in valid[1:]:
            first, first_verdict = valid[0]
            if family(first_verdict.tag) != family(judged.tag):
                c.report(
                    LANGUAGE_CONFLICT,
                    side,
                    entry.line,
                    f"{entry.key}: {entry.raw} (line {entry.line}) says {language_name(judged.tag)} but "
                    f"{first.key}: {first.raw} (line {first.line}) says {language_name(first_verdict.tag)}",
                    [(side, first.line)],
                    key=f"{first.key}|{first.raw}|{entry.key}|{entry.raw}",
                )


def declared_tag(c: Comparison, side: Side) -> tuple[FrontMatterEntry, str] | None:
    for entry, judged in _language_entries(c, side):
        if judged.tag:
            return entry, judged.tag
    return None


def check_language_mismatch(c: Comparison) -> None:
    """The declared language against the expected one; both versions declaring the same."""
    declared = {}
    for side in (c.a, c.b):
        found = declared_tag(c, side)
        declared[id(side)] = found
        if found is None or not side.expected:
            continue
        entry, tag = found
        if not same_language(tag, side.expected):
            c.report(
                LANGUAGE_MISMATCH,
                side,
                entry.line,
                f"{entry.key}: {entry.raw} declares {language_name(tag)}, but the {said_by(side.expected_from)} says "
                f"{language_name(side.expected)} ({side.expected})",
                key=f"{entry.key}|{tag}|{side.expected}",
            )
    found_a, found_b = declared[id(c.a)], declared[id(c.b)]
    if found_a and found_b and same_language(found_a[1], found_b[1]):
        if not (c.a.expected or c.b.expected):  # otherwise the file that is wrong was named above
            c.report(
                LANGUAGE_MISMATCH,
                c.a,
                found_a[0].line,
                f"both versions declare {language_name(found_a[1])}: {found_a[0].key}: {found_a[0].raw} here and "
                f"{found_b[0].key}: {found_b[0].raw} in {c.b.name}:{found_b[0].line}",
                [(c.b, found_b[0].line)],
                key=f"same|{found_a[1]}",
            )


# --- detection -------------------------------------------------------------------------------

# An address starts a word and its first part holds no "@" (possessive): a long word is
# then tried once, not from every character with backtracking (quadratic before).
_CODE_OR_URL = lazy_compile(r"`[^`]*`|https?://\S+|(?<!\S)[^\s@]++@\S+")


def _without_code_or_urls(text: str) -> str:
    if "`" in text or "@" in text or "://" in text:  # most text has none: skip the regex
        text = _CODE_OR_URL.sub(" ", text)
    if "{" in text:  # "{.otel-logo}", "{#intro}": Markdown attributes; "{{ if .x }}": template code
        text = _ATTRIBUTES.sub(" ", text)
    return text


_ATTRIBUTES = lazy_compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\s*[.#][^{}\n]*\}")


def _read_unit_text(unit: Block | ListItem) -> str:
    """What detection and the untranslated and sentence rules read of a paragraph, list item
    or HTML block: its text without code spans and URLs ("" for other blocks)."""
    if isinstance(unit, Paragraph):
        text = unit.text
    elif isinstance(unit, ListItem):
        text = unit.text
    elif isinstance(unit, HtmlBlock):
        text = unit.text  # what a reader sees of a raw <div>/<p>/<details>
    else:
        return ""
    inlines = unit_inlines(unit)
    codes = [code for inline in inlines for code in inline.code if code]
    if isinstance(unit, HtmlBlock) and "<code" in unit.html:
        # <summary><code>{"resourceLogs": …}</code></summary>: code, as a Markdown span is
        codes += [html.unescape(m.group(1)).strip() for m in _HTML_CODE.finditer(unit.html) if m.group(1).strip()]
    if codes:
        text = _blank_out(text, codes)
    labels = [link.text for inline in inlines for link in inline.links if link.kind == "image-label" and link.text]
    if labels:  # "![CNCF logo][]": a reference's key, which every version writes alike
        text = _blank_out(text, labels)
    return _without_code_or_urls(text)


_HTML_CODE = lazy_compile(r"<code\b[^>]*>(.*?)</code>", re.S | re.I)

# remembered by identity: three rules read each unit, a source page's once per translation
_unit_text = ByIdentity[Block | ListItem, str](_read_unit_text)


def _blank_out(text: str, snippets: list[str]) -> str:
    """Each snippet (code spans, in reading order) replaced by a space where it stands,
    in one pass over the text (a str.replace per snippet is quadratic with thousands)."""
    parts: list[str] = []
    cursor = 0
    for snippet in snippets:
        index = text.find(snippet, cursor)
        if index < 0:
            continue
        parts.append(text[cursor:index])
        parts.append(" ")
        cursor = index + len(snippet)
    parts.append(text[cursor:])
    return "".join(parts)


def _read_prose_units(blocks: list[Block]) -> list[Block | ListItem]:
    """Paragraphs and list items in reading order (also in quotes and shortcodes)."""
    # Raw HTML is not judged by detection: it is most often tables of product names and
    # codes ("Windows Server 2016 Datacenter"), which read as English in any page. Its text
    # is still compared for being identical in both versions (check_untranslated).
    return [node for node in walk_nodes(list(blocks)) if isinstance(node, (Paragraph, ListItem)) and not _titles_of_links(node)]


# by a section's block list (the same list for each translation of a source); read-only
_prose_units = ByIdentity[list[Block], list[Block | ListItem]](_read_prose_units, kept=512)


def _reads_as_titles_of_links(unit: Block | ListItem) -> bool:
    """Is half or more of the unit's text the text of its links to other sites? A list of
    sources ("[APM is Dying and That's Okay - Lightstep](https://…)") or of talks cites them
    by their own titles, in their own language: no evidence of the page's language, and
    nothing to translate. (A link inside the site is a label the page gives: translated.)"""
    if not isinstance(unit, (Paragraph, ListItem)) or not unit.inline.links:
        return False
    linked = sum(letters(link.text) for link in unit.inline.links
                 if link.kind not in IMAGE_KINDS and (link.url.startswith(("http://", "https://")) or _names_its_target(link.text, link.url)))
    return linked >= 0.5 * max(letters(unit.text), 1)


def _images_only(unit: Block | ListItem) -> list[Link]:
    """The images of a paragraph that has no text but their alt texts; [] for any other."""
    if not isinstance(unit, Paragraph) or not unit.inline.links:
        return []
    images = [link for link in unit.inline.links if link.kind in IMAGE_KINDS]
    if len(images) != len(unit.inline.links) or letters(unit.text) != sum(letters(image.text) for image in images):
        return []
    return images


# alt text that only numbers a picture: "image1", "Screenshot 2", "bild"
_PLACEHOLDER_ALT = lazy_compile(r"\s*(?:image|img|picture|pic|figure|fig|screenshot|photo|bild|foto|diagram)[\s_-]*\d*\s*$", re.I)


def _names_a_file(alt: str, url: str) -> bool:
    """Is an image's alt text its file's name or a placeholder, the same in every version?"""
    return not alt.strip() or bool(_PLACEHOLDER_ALT.match(alt)) or _names_its_target(alt, url)


_SEPARATORS = lazy_compile(r"[\s_+-]+")


def _names_its_target(text: str, url: str) -> bool:
    """Does a link's text stand in its target ("[Good first issue](…label%3A%22good%20first%20issue%22)",
    "[sdk-java](https://…/sdk-java)")? Then it is the name of what it leads to, a GitHub label
    or a repository, written alike in every version."""
    name = _SEPARATORS.sub(" ", text.casefold()).strip()
    return len(name) >= 3 and name in _SEPARATORS.sub(" ", unquote(url).casefold())


_titles_of_links = ByIdentity[Block | ListItem, bool](_reads_as_titles_of_links)


@lru_cache(maxsize=1024)  # each aligned unit's text, both sides, for each pair (a source's again for each translation)
def fold_for_comparison(text: str) -> str:
    """Text as two versions are compared for being identical: white space collapsed, case folded."""
    return " ".join(text.split()).casefold()


# Words that name a language in a link such as "Read in Swedish", "Läs den engelska versionen".
_LANGUAGE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("english", "engelska", "engelsk", "englisch", "anglais", "inglés", "inglês"),
    "sv": ("swedish", "svenska", "schwedisch", "suédois"),
    "nb": ("norwegian", "norska", "norsk", "norwegisch"),
    "da": ("danish", "danska", "dansk", "dänisch"),
    "de": ("german", "tyska", "deutsch", "allemand"),
    "fr": ("french", "franska", "fransk", "französisch", "français"),
    "fi": ("finnish", "finska", "finsk", "suomeksi"),
}
_WORD_OF_LANGUAGE = lazy_compile(r"\b(" + "|".join(w for ws in _LANGUAGE_WORDS.values() for w in ws) + r")\b", re.I)
_IN_PAGE_LINKS = (
    lazy_compile(r"\[([^\]\n]{1,80})\]\(#([^)\s]+)\)"),  # [Read in Swedish](#anchor)
    lazy_compile(r"<a\s[^>]*href=[\"']#([^\"']+)[\"'][^>]*>([^<]{1,80})</a>", re.I),  # <a href="#x">text</a>
    lazy_compile(r"\btext=\"([^\"]{1,80})\"[^}]*?\blink=\"#([^\"]+)\""),  # a shortcode's text= and link=
)
_IN_PAGE_LINK_NEEDS = (("](#",), ('"#', "'#"), ('link="#',))  # what each cannot match without
_HTML_ID = lazy_compile(r"\bid=[\"']([^\"']+)[\"']")


def bilingual_parts(c: Comparison) -> set[tuple[str, int]]:
    """(path, section index) of the parts a page keeps in another language on purpose: from
    the place an in-page link such as "Read in Swedish" or "Läs den engelska versionen" leads
    to, to the end of the page. Text there is neither untranslated nor in the wrong language."""
    found: set[tuple[str, int]] = set()
    for side, infos in ((c.a, c.sections.a), (c.b, c.sections.b)):
        text = side.doc.text
        targets: set[str] = set()
        for pattern, needs in zip(_IN_PAGE_LINKS, _IN_PAGE_LINK_NEEDS):
            if not any(literal in text for literal in needs):
                continue  # most pages have no in-page link: a literal is looked for in C
            for match in pattern.finditer(text):
                label, anchor = (match.group(2), match.group(1)) if pattern is _IN_PAGE_LINKS[1] else match.groups()
                if _WORD_OF_LANGUAGE.search(label):
                    targets.add(anchor)
        if not targets:
            continue
        starts = [info.line for info in infos]
        first: int | None = None
        for info in infos:
            if info.section is not None and (info.id in targets or heading_anchor(info.title) in targets):
                first = info.index if first is None else min(first, info.index)
        for match in _HTML_ID.finditer(text):
            if match.group(1) in targets:
                line = text.count("\n", 0, match.start()) + 1
                holder = max((i for i, start in enumerate(starts) if start <= line), default=0)
                first = holder if first is None else min(first, holder)
        if first is not None:
            found.update((side.path, info.index) for info in infos if info.index >= first)
    return found


def check_detected(c: Comparison) -> None:
    """language-detected: a document (error) or block (warning) not in its language.

    Every paragraph and list item long enough is judged (short ones together per
    section). When most of the text is in another language the document is
    reported once; otherwise each section with such blocks once. Text in the
    *other* version's language is reported as untranslated instead.
    """
    candidates = candidates_for(c.a.language, c.b.language)
    for side, infos in ((c.a, c.sections.a), (c.b, c.sections.b)):
        expected = side.expected or side.language
        if not expected or declared_untranslated(side):
            continue
        flagged_by_section: list[tuple[SectionInfo, list[tuple[Block | ListItem, str, float]]]] = []
        total_letters = 0
        bilingual = c.fact(bilingual_parts)
        for info in infos:
            if (side.path, info.index) in bilingual:
                continue  # kept in another language on purpose ("Read in Swedish" leads here)
            if _REFERENCES.match(info.title):
                continue  # sources are cited by their own titles, in their own languages
            pending: list[tuple[Block | ListItem, str]] = []
            pending_letters = 0
            flagged: list[tuple[Block | ListItem, str, float]] = []
            for unit in _prose_units(info.blocks):
                text = _unit_text(unit)
                if _QUOTATION.match(text):
                    continue  # a quotation keeps the words it was said in
                size, weighs = _unit_letters(unit)
                total_letters += weighs
                if size >= MIN_BLOCK_LETTERS:
                    flagged.extend(_judge_block([(unit, text)], expected, candidates))
                else:
                    pending.append((unit, text))
                    pending_letters += size
            if pending_letters >= MIN_SECTION_LETTERS:
                flagged.extend(_judge_block(pending, expected, candidates))
            flagged_by_section.append((info, flagged))
        if _whole_document(c, side, flagged_by_section, total_letters, expected):
            continue
        in_other = _in_other_language(c, side, flagged_by_section)
        # a page told as untranslated as a whole (identical text in many sections): its other
        # blocks in the other version's language are told with one finding, not one each
        page_told = len(_identical_here(c, side)) >= MANY_SECTIONS
        together = len(in_other) >= MANY_SECTIONS or (page_told and len(in_other) > 1)
        for info, flagged in flagged_by_section:
            _report_blocks(c, side, info, flagged, expected, each_section=not together)
        if together:
            units = [unit for blocks in in_other for unit in blocks]
            first, language, probability = units[0]
            lines = _some_lines([unit.line for unit, _, _ in units])
            _report_untranslated(
                c, side, first,
                f"is written in {language_name(language)} ({probability:.0%}), the language of the other version, "
                f"and so {'is' if len(units) == 2 else 'are'} {plural(len(units) - 1, 'more block', 'more blocks')}"
                + (f" in {plural(len(in_other) - 1, 'more section', 'more sections')}" if len(in_other) > 1 else "")
                + f": here at lines {lines}")


def _read_unit_letters(unit: Block | ListItem) -> tuple[int, int]:
    text = _unit_text(unit)
    size = letters(text)
    return size, weight(text, size)


# (letters, weight) of a unit's text: a source's units are weighed again for each translation
_unit_letters = ByIdentity[Block | ListItem, tuple[int, int]](_read_unit_letters)


def _in_other_language(
    c: Comparison, side: Side, flagged_by_section: list[tuple[SectionInfo, list[tuple[Block | ListItem, str, float]]]]
) -> list[list[tuple[Block | ListItem, str, float]]]:
    """Per section (those with any), the blocks in the other version's language that
    untranslated reports (sections with identical text are told by it already)."""
    other = c.other(side)
    told = _untranslated_sections(c)
    found = []
    for info, flagged in flagged_by_section:
        blocks = [f for f in flagged if same_language(f[1], other.expected or other.language)]
        if blocks and (side.path, info.index) not in told:
            found.append(blocks)
    return found


def _whole_document(
    c: Comparison,
    side: Side,
    flagged_by_section: list[tuple[SectionInfo, list[tuple[Block | ListItem, str, float]]]],
    total_letters: int,
    expected: str,
) -> bool:
    """Most of the page in one other language: one error for the document."""
    if total_letters < MIN_DOCUMENT_LETTERS:
        return False
    by_language: dict[str, int] = {}
    for _, flagged in flagged_by_section:
        for unit, language, _ in flagged:
            by_language[language] = by_language.get(language, 0) + weight(_unit_text(unit))
    if not by_language:
        return False
    language = max(sorted(by_language), key=lambda code: by_language[code])
    share = by_language[language] / total_letters
    if share < 0.6:
        return False
    c.report(
        LANGUAGE_DETECTED,
        side,
        side.doc.body_start_line,
        f"the text is in {language_name(language)} ({share:.0%} of it), not in {language_name(expected)} "
        f"as the {said_by(side.expected_from)} says",
        key=f"doc|{language}",
    )
    return True


def _report_blocks(c: Comparison, side: Side, info: SectionInfo, flagged: list[tuple[Block | ListItem, str, float]], expected: str,
                   each_section: bool = True) -> None:
    """One finding per section: blocks in the other version's language are untranslated
    (unless ``each_section`` is off: the page's are told at once), blocks in a third
    language are language-detected."""
    other = c.other(side)
    in_other = [f for f in flagged if same_language(f[1], other.expected or other.language)]
    flagged = [f for f in flagged if f not in in_other]
    if each_section and in_other and (side.path, info.index) not in _untranslated_sections(c):
        unit, language, probability = in_other[0]
        # no related location here, so the message names no path (outputs rewrite only the paths
        # of a finding's locations, relative to where transcheck runs)
        how = f"is written in {language_name(language)} ({probability:.0%}), the language of the other version"
        if len(in_other) > 1:
            how += f" (and {plural(len(in_other) - 1, 'more block', 'more blocks')} of this section)"
        _report_untranslated(c, side, unit, how)
    # Swedish, Norwegian and Danish share most short phrases ("Elementnamn blir
    # objektegenskaper"): a section's few lines in a neighbour language are no evidence
    neighbours = [f for f in flagged if {detector_code(f[1]), detector_code(expected)} <= _SCANDINAVIAN]
    if neighbours and sum(letters(_unit_text(f[0])) for f in neighbours) < MIN_NEIGHBOUR_LETTERS \
            and not any(len(_unit_text(f[0]).split()) >= MIN_NEIGHBOUR_WORDS for f in neighbours):
        flagged = [f for f in flagged if f not in neighbours]
    if not flagged:
        return
    unit, language, probability = flagged[0]
    what = "this text is" if len(flagged) == 1 else f"{len(flagged)} blocks of this section are"
    c.report(
        LANGUAGE_DETECTED,
        side,
        unit.line,
        f"{what} in {language_name(language)} ({probability:.0%}), not {language_name(expected)}: "
        f"{quote(_unit_text(unit))}",
        key=f"block|{language}|{info.title}",
        severity=Severity.WARNING,
    )


_WIDE_SCRIPT_LANGUAGES = frozenset({"ja", "zh", "ko"})
WIDE_SHARE = 0.1  # of a text's weight in Chinese, Japanese or Korean characters: written in that language too


def _judge_block(
    units: list[tuple[Block | ListItem, str]], expected: str, candidates: tuple[str, ...]
) -> list[tuple[Block | ListItem, str, float]]:
    """The units (as one text; each given with its text) when confidently not in ``expected``."""
    text = "\n".join(text for _, text in units)
    if family(expected) in _WIDE_SCRIPT_LANGUAGES and weight(text) >= MIN_BLOCK_LETTERS \
            and 3 * wide_characters(text) >= WIDE_SHARE * weight(text):
        # "[OpenTelemetry Project Update](…)（OpenTelemetryプロジェクトアップデート） Severin Neumann …":
        # a talk listed by its English title with the translation beside it is translated
        return []
    found = judge(text, expected, candidates, threshold=0.95)
    if not found:
        return []
    language, probability = found
    return [(unit, language, probability) for unit, _ in units]


# --- untranslated ------------------------------------------------------------------------------

_WORD = lazy_compile(r"[^\W\d_]+", re.UNICODE)


# lower-case words that every language around here writes alike ("Hosted Server vs IaaS")
_SHARED_WORDS = frozenset({"vs", "via", "etc", "ca", "aka"})


# a dotted name: Node.js, Vue.js, ASP.NET, config.yaml (its lower-case part is no word)
_DOTTED_NAME = lazy_compile(r"\b[^\W_]+(?:\.[^\W\d_]+)+\b")


# a name with its version: "protoc 3.21+", "grpcio-tools 1.48+", "node v18.2" (a requirement list)
_VERSIONED_NAME = lazy_compile(r"[^\W\d_][\w.-]*\s+v?\d+(?:\.\d+)+\+?(?!\w)")


# sample data written as assignments: "value = 5, name = `apple`, color = `red`" (its code
# spans already blanked), a line of an example's records, not prose
_ASSIGNMENTS = lazy_compile(r"\s*[\w.-]+\s*=\s*[^,=]*?(?:\s*[,;]\s*[\w.-]+\s*=\s*[^,=]*?)+\s*[.;]?\s*")


def translatable(text: str) -> bool:
    """Text with at least one ordinary (lower-case) word; names, codes, numbers and sample
    data written as assignments are not."""
    text = _without_code_or_urls(text)
    if "=" in text and _ASSIGNMENTS.fullmatch(text):
        return False
    if "." in text:
        text = _VERSIONED_NAME.sub(" ", text)
        text = _DOTTED_NAME.sub(" ", text)
    return any(word.islower() and len(word) >= 2 and word not in _SHARED_WORDS for word in _WORD.findall(text))


def _report_untranslated(c: Comparison, side: Side, unit: Block | ListItem, how: str, related: tuple[Side, int] | None = None) -> None:
    kind = ("list item" if isinstance(unit, ListItem) else "HTML block" if isinstance(unit, HtmlBlock)
            else "image alt text" if _images_only(unit) else "paragraph")
    c.report(
        UNTRANSLATED,
        side,
        unit.line,
        f"{kind} {quote(_unit_text(unit))} {how}",
        [related] if related else None,
        key=f"{kind}|{fold_for_comparison(_unit_text(unit))[:80]}",
    )


# Front-matter flags by which a page says it is an untranslated copy of another language's
# page, published on purpose until a translation exists.
FALLBACK_FLAGS = frozenset({"generated_fallback_page", "fallback_page", "untranslated", "is_fallback", "is_fallback_source_page"})


def declared_untranslated(side: Side) -> bool:
    """Does the page's front matter say it is not translated (``generated_fallback_page: true``,
    ``untranslated: true``, ``translated: false``)?"""
    return declared_copy(side.doc)


# "Vår dokumentation är bara tillgänglig på engelska", "This content is not available in
# Swedish": a page that says in its text that its content is kept in another language
_ONLY_IN_ANOTHER_LANGUAGE = lazy_compile(
    r"(?:bara|endast|enbart|kun|only)\s+(?:tillgänglig\w*\s+|tilgjengelig\w*\s+|available\s+)?"
    r"(?:på|in)\s+(?:engelska|engelsk|english|svenska|swedish|norska|norsk|norwegian)\b"
    r"|(?:inte|ikke|not)\s+(?:tillgänglig\w*|tilgjengelig\w*|available|översatt|oversatt|translated)\s+"
    r"(?:på|in|till|til|into)\s+(?:engelska|engelsk|english|svenska|swedish|norska|norsk|norwegian)\b",
    re.I,
)

_LANGUAGE_NAMED = ("engelsk", "english", "svenska", "swedish", "norsk", "norwegian")  # in every match


def says_not_translated(text: str, language: str | None) -> bool:
    """Does ``text``, on a page in ``language``, say that the page is not in that language
    ("inte tillgängligt på svenska" on the Swedish page, "only in English" there)? Said of
    anything else ("phone support is only in English" on the English page) it is content."""
    if not may_contain(text, _LANGUAGE_NAMED):
        return False
    own = family(language)
    if own is None:
        return False
    for match in _ONLY_IN_ANOTHER_LANGUAGE.finditer(text):
        words = match.group(0).lower().split()
        names_own = family(LANGUAGE_NAMES.get(words[-1])) == own  # the pattern ends with the name
        if names_own == (words[0] in ("inte", "ikke", "not")):  # "not in <own>", or "only in <another>"
            return True
    return False


def _reads_kept_in_another_language(doc: Document) -> bool:
    """Does the page's text near its top (the first 4,000 characters of the body) say its
    content is only in another language? (Found without splitting a large page into lines.)"""
    start = 0
    for _ in range(doc.body_start_line - 1):  # past the front matter's few lines
        start = doc.text.find("\n", start) + 1
        if start == 0:
            return False
    if not may_contain(doc.text[start : start + 4000], _LANGUAGE_NAMED):
        return False  # the search tries each of 4,000 places: most of a scan's finishing
    return bool(_ONLY_IN_ANOTHER_LANGUAGE.search(doc.text, start, start + 4000))


# asked for both pages of every pair: a source once for all its translations
says_it_is_kept_in_another_language = ByIdentity[Document, bool](_reads_kept_in_another_language, kept=4)


def declared_copy(doc: Document) -> bool:
    """:func:`declared_untranslated` of a parsed page."""
    for entry in doc.front_matter.entries:
        key = entry.key.lower()
        if key in FALLBACK_FLAGS and entry.value is True:
            return True
        if key == "translated" and entry.value is False:
            return True
    return False


class IdenticalText(Struct, frozen=True):
    """Paragraphs or list items with the same text in both versions, in one aligned section:
    told once, in the file whose language the text is not (``here``)."""

    units: list[tuple[Block | ListItem, Block | ListItem]]  # (in A, in B)
    here: Side
    there: Side
    section: int  # the section's index in ``here``


def identical_text(c: Comparison) -> list[IdenticalText]:
    """Every aligned section's identical text, a label repeated down the page ("Link to
    article") once. Shared through :meth:`Comparison.fact`: language-detected leaves these
    sections to untranslated."""
    if same_language(c.a.language, c.b.language):
        return []  # two versions in one language are not a translation
    if declared_untranslated(c.a) or declared_untranslated(c.b):
        return []  # the page says it is a copy of the other version (a fallback): nothing to tell
    # Swedish, Norwegian and Danish share many words: "Se demo", "Terraform-moduler" are
    # right in both. Between them only longer identical text counts.
    min_words = 6 if _neighbours(c) else 2
    by_section: dict[int, list[tuple[Block | ListItem, Block | ListItem]]] = {}
    quoted = _quoted(c.a.doc)
    bilingual = c.fact(bilingual_parts)
    for pair in c.block_pairs:
        if pair.a is None or pair.b is None or id(pair.a) in quoted:
            continue  # a quotation is often kept in the words it was said in
        if (c.a.path, pair.section_a.index) in bilingual or (c.b.path, pair.section_b.index) in bilingual:
            continue  # a part both versions keep in one language on purpose
        if _REFERENCES.match(pair.section_a.title) or _REFERENCES.match(pair.section_b.title):
            continue  # sources are cited by their own titles
        if isinstance(pair.a, Shortcode) and isinstance(pair.b, Shortcode):
            continue  # their text arguments: see _shortcode_text
        for unit_a, unit_b in aligned_units(pair.a, pair.b):
            if not isinstance(unit_a, (Paragraph, ListItem, HtmlBlock)) or type(unit_a) is not type(unit_b):
                continue
            text_a, text_b = _unit_text(unit_a), _unit_text(unit_b)
            if _QUOTATION.match(text_a) or _titles_of_links(unit_a):
                continue  # '"Cilium now uses …", wrote a maintainer': a quotation keeps its words
            if (images := _images_only(unit_a)) and all(_names_a_file(image.text, image.url) for image in images):
                continue  # ![image1](team.png), ![demo-server disconnected](demo-server-disconnected.png)
            if fold_for_comparison(text_a) == fold_for_comparison(text_b) and translatable(text_a) \
                    and sum(1 for word in text_a.split() if any(ch.isalnum() for ch in word)) >= min_words:
                # words and numbers, not signs: "`source`: obi" leaves ": obi", one value to read
                by_section.setdefault(pair.section_a.index, []).append((unit_a, unit_b))
    found: list[IdenticalText] = []
    seen: set[str] = set()
    partner = {x.index: y.index for x, y in c.sections.pairs + c.sections.moved}
    for section_index, units in by_section.items():
        units = [u for u in units if fold_for_comparison(_unit_text(u[0])) not in seen]
        seen.update(fold_for_comparison(_unit_text(u[0])) for u in units)
        if not units:
            continue
        here, there = _whose_text(c, units)
        found.append(IdenticalText(units, here, there, section_index if here is c.a else partner.get(section_index, -1)))
    return found


# a section of sources, references or footnotes
_REFERENCES = lazy_compile(
    r"\W*(?:(?:kilder|kildehenvisning(?:er)?|källor|källhänvisning(?:ar)?|referenser|referanser|references|"
    r"sources|footnotes|fotnoter|noter|notes|bibliography|litteratur|further reading|vidare läsning|"
    r"videre lesning|referencias|références|referências)\b|参考|出典|引用)", re.I)
# text that opens with a quotation mark and closes it again further on
_QUOTATION = lazy_compile(r"\s*([\"“”„«»])[^\"“”„«»]{8,}[\"“”„«»]")


def _untranslated_sections(c: Comparison) -> set[tuple[str, int]]:
    return {(found.here.path, found.section) for found in c.fact(identical_text)}


def _identical_here(c: Comparison, side: Side) -> list[IdenticalText]:
    """The sections of ``side`` with text identical in the other version, told in ``side``
    (MANY_SECTIONS of them or more: told once, for the page)."""
    return [found for found in c.fact(identical_text) if found.here is side]


def check_untranslated(c: Comparison) -> None:
    """Identical paragraphs, list items, front-matter text and shortcode text in both versions."""
    if same_language(c.a.language, c.b.language) or declared_untranslated(c.a) or declared_untranslated(c.b):
        return
    quoted = _quoted(c.a.doc)
    bilingual = c.fact(bilingual_parts)
    for pair in c.block_pairs:
        if (c.a.path, pair.section_a.index) in bilingual or (c.b.path, pair.section_b.index) in bilingual:
            continue
        if isinstance(pair.a, Shortcode) and isinstance(pair.b, Shortcode) and id(pair.a) not in quoted:
            _shortcode_text(c, pair.a, pair.b)
    for side in (c.a, c.b):
        mine = _identical_here(c, side)
        if len(mine) >= MANY_SECTIONS:
            _report_identical_page(c, mine)
        else:
            for found in mine:
                _report_identical(c, found)
    _front_matter_text(c)


def _read_quoted(doc: Document) -> set[int]:
    """ids of the blocks inside block quotes (``> …``)."""
    inside: set[int] = set()
    blocks: list[Node] = [*doc.body.blocks, *(b for s in doc.iter_sections() for b in s.blocks)]
    for node in walk_nodes(blocks):
        if isinstance(node, BlockQuote):
            inside.update(id(n) for n in walk_nodes(list(node.blocks)))
    return inside


# a walk of the whole page, asked by two checks of each pair and again for each translation of a source
_quoted = ByIdentity[Document, set[int]](_read_quoted, kept=4)


def _whose_text(c: Comparison, units: list[tuple[Block | ListItem, Block | ListItem]]) -> tuple[Side, Side]:
    """(the side where the identical text is wrong, the other side): A unless the text is
    confidently in A's language and not in B's."""
    text = "\n".join(_unit_text(a) for a, _ in units)
    if not (c.a.language and c.b.language):
        return c.a, c.b
    candidates = candidates_for(c.a.language, c.b.language)
    if letters(text) >= MIN_BLOCK_LETTERS:
        in_a = judge(text, c.a.language, candidates, threshold=0.9) is None
        if in_a and judge(text, c.b.language, candidates, threshold=0.9) is not None:
            return c.b, c.a  # it is A's language: B is wrong
    elif _clearly_in(text, c.a.language, c.b.language, candidates) or _surely_in(text, c.a.language, c.b.language, candidates):
        return c.b, c.a  # short, but plainly A's language ("Dit-i-tid på en smartphone")
    return c.a, c.b


SURE = 0.999  # langdetect's probability for a short text's language that settles it
MIN_SURE_LETTERS = 50


def _surely_in(text: str, language: str, other: str, candidates: tuple[str, ...]) -> bool:
    """Is a short text whose names dilute the n-gram margin ("Otto Dyberg, IT-chef på Keolis",
    "KeoScreens ombord på de blåa innerstadsbussarna i Stockholm.") still surely in
    ``language``: fit for it, and detected as it with near certainty where ``other`` was expected?"""
    if letters(text) < MIN_SURE_LETTERS or judge(text, language, candidates, threshold=0.9) is not None:
        return False
    verdict = judge(text, other, candidates, threshold=0.9)
    return verdict is not None and verdict[0] == detector_code(language) and verdict[1] >= SURE


# A short text is taken as one of two languages when the n-gram model prefers it by at least
# this much per n-gram over at least MIN_NGRAMS n-grams ("Länk till artikeln": 0.64 for
# Swedish over English; names such as "Safespring Backup" stay near 0).
CLEAR_MARGIN = 0.3
MIN_NGRAMS = 40


def _clearly_in(text: str, language: str, other: str, candidates: tuple[str, ...]) -> bool:
    """Is a text too short for detection plainly in ``language`` rather than ``other``?"""
    mine, theirs = detector_code(language), detector_code(other)
    if mine is None or theirs is None or mine == theirs:
        return False
    count = len(ngrams(text))
    if count < MIN_NGRAMS:
        return False
    scores = dict(log_likelihoods(text, candidates))
    if mine not in scores or theirs not in scores:
        return False
    return (scores[mine] - scores[theirs]) / count >= CLEAR_MARGIN


# identical text in this many sections of a page is told once, for the page
MANY_SECTIONS = 4


def _some_lines(lines: list[int], most: int = 12) -> str:
    """``3, 7, 11`` — the first ``most`` of them, then an ellipsis."""
    return ", ".join(map(str, lines[:most])) + (" …" if len(lines) > most else "")


def _report_identical_page(c: Comparison, found: list[IdenticalText]) -> None:
    """Identical text in many sections: one finding at the first, with every line there
    (an editor translates the page, not one section after the other)."""
    here, there = found[0].here, found[0].there
    index_here = 0 if here is c.a else 1
    units = sorted((unit for item in found for unit in item.units), key=lambda unit: unit[index_here].line)
    first, other = units[0][index_here], units[0][1 - index_here]
    lines = _some_lines([unit[index_here].line for unit in units])
    c.report(
        UNTRANSLATED,
        here,
        first.line,
        f"{len(units)} paragraphs or list items in {len(found)} sections are identical in {there.name}, "
        f"the first {quote(_unit_text(first))}; here at lines {lines}",
        [(there, other.line)],
        key=f"page|{fold_for_comparison(_unit_text(first))[:80]}",
    )


def _report_identical(c: Comparison, found: IdenticalText) -> None:
    """Identical text in one aligned section: one finding, in the file whose language it is not."""
    here, there, units = found.here, found.there, found.units
    index_here = 0 if here is c.a else 1
    first = units[0][index_here]
    other = units[0][1 - index_here]
    if len(units) == 1:
        _report_untranslated(c, here, first, f"is identical in {there.name}:{other.line}", (there, other.line))
        return
    lines_there = [unit[1 - index_here].line for unit in units]
    c.report(
        UNTRANSLATED,
        here,
        first.line,
        f"{len(units)} paragraphs or list items are identical in {there.name} "
        f"({line_range(min(lines_there), max(lines_there))}), the first {quote(_unit_text(first))}",
        [(there, other.line)],
        key=f"many|{fold_for_comparison(_unit_text(first))[:80]}",
    )


def _neighbours(c: Comparison) -> bool:
    codes = {detector_code(c.a.language), detector_code(c.b.language)}
    return codes <= {"sv", "no", "da"}


def _front_matter_text(c: Comparison) -> None:
    entries_b = {e.key.lower(): e for e in c.b.doc.front_matter.entries}
    prose = (_Prose(c.a.doc), _Prose(c.b.doc))
    for entry in c.a.doc.front_matter.entries:
        key = entry.key.lower()
        other = entries_b.get(key)
        if other is None or key not in TRANSLATABLE_KEYS or key in c.settings.equal_keys:
            continue
        if isinstance(entry.value, str) and isinstance(other.value, str):
            if _neighbours(c) and len(entry.value.split()) < 6:
                continue
            if (_kept_unchanged(entry.value, other.value) and translatable(entry.value)
                    and not _kept_as_a_term(c, entry, prose)):
                c.report(
                    UNTRANSLATED,
                    c.a,
                    entry.line,
                    f"{entry.key}: {quote(entry.value)} is identical in {c.b.name}:{other.line}",
                    [(c.b, other.line)],
                    key=f"fm|{key}|{fold_for_comparison(entry.value)[:60]}",
                )


KEPT_TERM_WORDS = 5  # a title this short that the page itself writes in its text is a term


def _kept_unchanged(value: str, other: str) -> bool:
    """Is a field's value the other version's, unchanged (case aside)? Not a short one put
    into sentence case from the other's title case ("Pull requests" for "Pull Requests":
    Swedish writes no title case): a translator edited it and kept the words on purpose."""
    if fold_for_comparison(value) != fold_for_comparison(other):
        return False
    return len(value.split()) > KEPT_TERM_WORDS or not _sentence_cased(value, other)


def _sentence_cased(value: str, other: str) -> bool:
    """Is ``value`` ``other`` put into sentence case: the same first word, and only capitals
    of later words lowered ("Code of conduct" for "Code of Conduct", "Using Kubernetes
    operators" for "Using Kubernetes Operators"), never one raised or another changed?"""
    words, theirs = value.split(), other.split()
    if len(words) != len(theirs) or len(words) < 2 or words[0] != theirs[0] or words == theirs:
        return False
    return all(word == their or (word == their.lower() and their[:1].isupper()) for word, their in zip(words[1:], theirs[1:]))


class _Prose:
    """A page's paragraphs and list items, folded, read once and only when a short identical
    title asks (``_kept_as_a_term``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._texts: list[str] | None = None

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            blocks = [list(self.doc.body.blocks)] + [section.blocks for section in self.doc.iter_sections()]
            self._texts = [fold_for_comparison(_unit_text(unit)) for group in blocks for unit in _prose_units(group)]
        return self._texts


def _kept_as_a_term(c: Comparison, entry: FrontMatterEntry, prose: tuple[_Prose, _Prose]) -> bool:
    """Does the translation write a short title, unchanged, among other words of its own: in
    a sentence of its prose ("varios feature flags" under the title "Feature flags") or in
    another field ("Helm charts de OpenTelemetry" beside the link title "Helm charts")?
    Then its translators keep the English term on purpose. Whole words only; not in headings,
    code or addresses; not in a sentence or field the other version has alike (that is
    untranslated too, not evidence)."""
    if not isinstance(entry.value, str):
        return False
    value = fold_for_comparison(entry.value)
    if not value or len(value.split()) > KEPT_TERM_WORDS:
        return False
    term = re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
    theirs = {e.key.lower(): e.value for e in c.b.doc.front_matter.entries}
    for other in c.a.doc.front_matter.entries:
        if other is entry or not isinstance(other.value, str):
            continue
        folded = fold_for_comparison(other.value)
        counterpart = theirs.get(other.key.lower())
        if (folded != value and term.search(folded)
                and not (isinstance(counterpart, str) and fold_for_comparison(counterpart) == folded)):
            return True
    here, there = prose
    if not any(value in text for text in here.texts):
        return False  # the common case: read no further
    alike = set(there.texts)
    return any(text != value and text not in alike and term.search(text) for text in here.texts)


_NAME_ARGS = frozenset({"name", "author", "company", "organisation", "organization"})


def _shortcode_text(c: Comparison, a: Shortcode, b: Shortcode) -> None:
    args_b = {k.lower(): v for k, v in b.named}
    for key, value in a.named:
        if key.lower() not in TEXT_ARGS or key.lower() not in args_b or key.lower() in _NAME_ARGS:
            continue  # name="Research Institutes of Sweden" is what it is called in every language
        if _kept_unchanged(value, args_b[key.lower()]) and translatable(value) and len(value.split()) >= (6 if _neighbours(c) else 2):
            c.report(
                UNTRANSLATED,
                c.a,
                a.line,
                f"{a.label()} {key}={quote(value)} "
                f"is identical in {c.b.name}:{b.line}",
                [(c.b, b.line)],
                key=f"sc|{a.name}|{key}|{fold_for_comparison(value)[:60]}",
            )


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_language_fields, (LANGUAGE_CONFLICT, LANGUAGE_CODE,)),
    Check(check_language_mismatch, (LANGUAGE_MISMATCH,)),
    Check(check_untranslated, (UNTRANSLATED,)),
    Check(check_detected, (LANGUAGE_DETECTED,)),
)
