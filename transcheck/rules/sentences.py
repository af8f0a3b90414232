"""Sentence rules: sentence-missing and clause-drift, inside aligned paragraphs and list items.

Each aligned unit's sentences are aligned (transcheck.align.sentences); what is left over or
far too long or short for its counterpart is reported only when the evidence is strong:
a translator who merges two sentences into one, or says the same thing in fewer words,
must not be told anything.
"""

from __future__ import annotations

import re
from transcheck.textdiff import SequenceMatcher
from functools import lru_cache
from typing import Iterable, Iterator

from msgspec import Struct, field


from transcheck.lazyre import lazy_compile
from transcheck.align.alignment import aligned_units
from transcheck.pair.comparison import Check, Comparison
from transcheck.languages.detect import same_language
from transcheck.align import semantic
from transcheck.findings import Example, Rule, Severity
from transcheck.document.model import Block, HtmlBlock, ListBlock, ListItem, Paragraph, Shortcode, walk_nodes
from transcheck.languages.tags import family
from transcheck.align.sentences import (
    Bead, LengthModel, Sentence, align_sentences, anchors, calibrated, cognates, evidence, fold, length_model,
    split_sentences, stems,
)
from transcheck.rules.language import _unit_text
from transcheck.wording import quote

# --- the rules of this module: code, name, default severity, summary, documentation ---

SENTENCE_MISSING = Rule("TC507", "sentence-missing", Severity.WARNING, "A sentence of an aligned paragraph or list item has no counterpart.",
         "The sentences of each aligned paragraph and list item are aligned (1–1, 1–2, 2–1, 1–0, 0–1, "
         "by a length ratio calibrated per language pair and shared numbers, names and code). Reported "
         "in the file that lacks the sentence only when the evidence is strong: the unit has at least "
         "two sentences, the sentence is long, its numbers and names are not on the other side, and "
         "the unit is as much longer as the sentence. Two sentences merged into one stay quiet.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare till vårt team i Umeå. Du bygger digitala tjänster i Python och React för kommuner och regioner. Varje höst åker hela företaget på en gemensam konferensresa till fjällen i Jämtland.\n",
        "## About the job\n\nWe are looking for a developer for our team in Umeå. You build digital services in Python and React for municipalities and regions.\n",
        "The English paragraph lacks the Swedish sentence about the company's yearly autumn trip to the mountains in Jämtland.",
    ),
)

CLAUSE_DRIFT = Rule("TC508", "clause-drift", Severity.INFO, "An aligned sentence is far longer or shorter than its counterpart.",
         "A clause added or dropped in a sentence both versions have: its length ratio is far outside "
         "the page's own distribution (and at least 1.7 times and 25 characters off). Information by "
         "default, a warning when the difference is extreme.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare till vårt team i Umeå. Du arbetar med Python och Django.\n",
        "## About the job\n\nWe are looking for a developer for our team in Umeå. You work with Python and Django, and you also take part in the weekly meetings where designers and users test new features together.\n",
        "The English second sentence adds a long clause about weekly test meetings with designers and users that the Swedish sentence lacks.",
    ),
)

SENTENCE_REPLACED = Rule("TC509", "sentence-replaced", Severity.WARNING, "An aligned sentence says something else than its counterpart.",
         "A sentence replaced by one about another subject, at about the same length. Reported only on "
         "strong evidence: the two sentences share no name, number, loan word or word stem, one of them "
         "names something (a name, a number) that the other version's whole paragraph lacks, and the "
         "paragraph's other sentences are shown to translate each other. A name counts only when "
         "the other version's page never uses it. With the optional semantic "
         "backend (`--semantic`), the meanings decide: a pair less than 0.80 alike is reported even "
         "when it names nothing, the lexical evidence needs them under 0.86, and the paragraph's "
         "other pairs must be alike.",
    example=Example(
        "## Om tjänsten\n\nVi söker en utvecklare till vårt team i Umeå. Du arbetar nära våra användare varje vecka. Du bygger digitala tjänster i Python och React.\n",
        "## About the job\n\nWe are looking for a developer for our team in Umeå. Our head office is next to the central station in Stockholm. You build digital services in Python and React.\n",
        "The second English sentence is about the head office in Stockholm, while the Swedish one says you work closely with users every week.",
    ),
)

RULES: tuple[Rule, ...] = (SENTENCE_MISSING, CLAUSE_DRIFT, SENTENCE_REPLACED,)


MAX_PAGE_SEARCHES = 50  # candidates per page that reach the page-wide search
MAX_SENTENCES = 60  # a unit with more is not aligned (the alignment is quadratic in them)

# sentence-missing: a sentence this long with no counterpart, in a unit of at least two
# sentences, when the whole unit is this much longer than its counterpart (in standard
# deviations of the length model) and fits it once the sentence is left out.
MIN_MISSING_CHARS = 40
MIN_MISSING_WORDS = 6
MIN_UNIT_EXCESS = 2.0
MAX_REST_DEVIATION = 1.5
MAX_SHARED_COGNATES = 2  # the sentence shares this many loan words with the other unit: it is there
# This share of a sentence's names and loan words (at least three) in another unit of the
# section, or of the page: the sentence stands there. sv/en share few words, so the section's is low.
SAID_IN_SECTION_SHARE = 0.2
SAID_IN_PAGE_SHARE = 0.4
LONELY_FIT = 2.0  # a paragraph without counterpart this close in length to a missing sentence holds it
GOOD_FIT = 1.0  # standard deviations of the length model: a sentence or unit pair that fits
MIN_EVIDENCE = 2  # shared names, numbers or loan words that show two texts translate each other

# clause-drift: an aligned sentence pair this far from the page's own distribution.
MIN_DRIFT_CHARS = 25  # characters more than the model expects: at least a clause
MIN_DRIFT_WORDS = 3  # the shorter sentence has at least this many words
DRIFT_Z = 3.5
STRONG_Z = 5.0
DRIFT_RATIO = 1.7  # the longer at least this many times what the model expects
STRONG_RATIO = 2.2
UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})
MIN_PAGE_PAIRS = 8  # fewer sentence pairs on a page: the calibrated spread is used


def unit_text(unit: Block | ListItem) -> str:
    """A paragraph's or list item's text without code spans and URLs (their own rules compare them)."""
    return _unit_text(unit)


class _Aligned(Struct):
    unit_a: Paragraph | ListItem
    unit_b: Paragraph | ListItem
    a: list[Sentence]
    b: list[Sentence]
    beads: list[Bead]
    section_a: list[Block]
    section_b: list[Block]
    neighbours: list["_Aligned"] = field(default_factory=list)  # the units before and after in the section


def check_sentences(c: Comparison) -> None:
    """sentence-missing and clause-drift for every aligned paragraph and list item."""
    if same_language(c.a.language, c.b.language):
        return  # two versions in one language are not a translation
    if {family(c.a.language), family(c.b.language)} & UNSPACED:
        return  # sentences there end without a space ("。"): the splitter does not know them
    split = list(_split_units(c))
    model = length_model(c.a.language, c.b.language)
    if not calibrated(c.a.language, c.b.language):
        model = _page_model(split, model)
    aligned = [
        _Aligned(unit_a, unit_b, a, b, align_sentences(a, b, model), section_a, section_b)
        for unit_a, unit_b, a, b, section_a, section_b in split
    ]
    for index, unit in enumerate(aligned):
        unit.neighbours = [
            other for other in aligned[max(0, index - 2) : index + 3]
            if other is not unit and other.section_a is unit.section_a
        ]
    reported: set[int] = set()
    page = _Page(c)
    for unit in aligned:
        if _report_missing(c, unit, model, page):
            reported.add(id(unit.unit_a))
    reported |= _replaced_units(c, [unit for unit in aligned if id(unit.unit_a) not in reported], page)
    _report_drift(c, [unit for unit in aligned if id(unit.unit_a) not in reported], model)


def _good_fits(unit: _Aligned, model: LengthModel, leave_out: Bead | None) -> int:
    """How many other 1–1 sentence pairs of the unit, and of the two units before and after it in the section,
    have lengths that fit: evidence that the unit pair is a translation, not two texts
    that happen to stand in the same place."""
    fits = 0
    for bead in unit.beads:
        if bead is not leave_out and len(bead.a) == 1 and len(bead.b) == 1:
            if abs(model.delta(unit.a[bead.a[0]].size, unit.b[bead.b[0]].size)) <= GOOD_FIT:
                fits += 1
    for other in unit.neighbours:
        if abs(model.delta(sum(s.size for s in other.a), sum(s.size for s in other.b))) <= GOOD_FIT:
            fits += 1
    return fits


_Split = tuple[Paragraph | ListItem, Paragraph | ListItem, list[Sentence], list[Sentence], list[Block], list[Block]]


def _split_units(c: Comparison) -> Iterator[_Split]:
    """Aligned paragraphs and list items with their sentences (translated, not too long)."""
    for pair in c.block_pairs:
        if pair.a is None or pair.b is None or isinstance(pair.a, Shortcode):
            continue
        if isinstance(pair.a, ListBlock) and isinstance(pair.b, ListBlock) and len(pair.a.items) != len(pair.b.items):
            continue  # items added or removed (bullet-count's business): the rest are paired by guess
        for unit_a, unit_b in aligned_units(pair.a, pair.b):
            if not isinstance(unit_a, (Paragraph, ListItem)) or type(unit_a) is not type(unit_b):
                continue
            text_a, text_b = unit_text(unit_a), unit_text(unit_b)
            if " ".join(text_a.split()) == " ".join(text_b.split()):
                continue  # untranslated: another rule's business
            sentences_a = split_sentences(text_a, c.a.language)
            sentences_b = split_sentences(text_b, c.b.language)
            if not sentences_a or not sentences_b:
                continue
            if len(sentences_a) > MAX_SENTENCES or len(sentences_b) > MAX_SENTENCES:
                continue
            yield unit_a, unit_b, sentences_a, sentences_b, pair.section_a.blocks, pair.section_b.blocks


def _page_model(split: list[_Split], model: LengthModel) -> LengthModel:
    """For a language pair nobody measured: the page's own median length ratio of its units."""
    ratios = [sum(s.size for s in b) / sum(s.size for s in a) for _, _, a, b, _, _ in split]
    if len(ratios) < MIN_PAGE_PAIRS:
        return model
    return LengthModel(_median(ratios), model.variance)


def _median(values: Iterable[float]) -> float:
    """``statistics.median``, the same number, without importing statistics (and fractions)
    for it: a cold check of one pair spent some 5 ms on that import."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no median of no values")
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


# --- sentence-missing ---------------------------------------------------------------------------


def _excess(model: LengthModel, size_here: int, size_there: int, here_is_a: bool) -> float:
    """Standard deviations by which the side ``here`` is longer than the other side predicts."""
    return -model.delta(size_here, size_there) if here_is_a else model.delta(size_there, size_here)


def _words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", text))


def _candidates(unit: _Aligned, model: LengthModel) -> list[tuple[bool, int, int]]:
    """(in A?, index of the unmatched sentence, index of the bead) for each sentence that the
    alignment leaves alone, or that a 2–1 bead holds only because its partner fits the other."""
    found: list[tuple[bool, int, int]] = []
    for number, bead in enumerate(unit.beads):
        if bead.a and not bead.b:
            found.extend((True, i, number) for i in bead.a)
        elif bead.b and not bead.a:
            found.extend((False, j, number) for j in bead.b)
        elif len(bead.a) == 2 or len(bead.b) == 2:
            here_is_a = len(bead.a) == 2
            two = [unit.a[i] for i in bead.a] if here_is_a else [unit.b[j] for j in bead.b]
            one = (unit.b[bead.b[0]] if here_is_a else unit.a[bead.a[0]]).size
            whole = _excess(model, two[0].size + two[1].size, one, here_is_a)
            firsts = [abs(_excess(model, s.size, one, here_is_a)) for s in two]
            if whole >= MIN_UNIT_EXCESS and min(firsts) <= MAX_REST_DEVIATION:
                keep = 0 if firsts[0] <= firsts[1] else 1
                indexes = bead.a if here_is_a else bead.b
                found.append((here_is_a, indexes[1 - keep], number))
    return found


class _Page:
    """What the last tests of sentence-missing search, gathered once per page: paragraphs
    without counterpart, and every block of each version. The searches are counted: a page
    with more candidates than MAX_PAGE_SEARCHES reports no more (it is not a translation
    with a few drifted sentences, and the search must stay linear)."""

    def __init__(self, c: Comparison) -> None:
        self.c = c
        self.searches = 0
        self._lonely: tuple[list[Paragraph], list[Paragraph]] | None = None
        self._prefixes: dict[bool, frozenset[str]] = {}
        self._words: dict[bool, frozenset[str]] = {}

    def lonely(self, in_b: bool) -> list[Paragraph]:
        if self._lonely is None:
            pairs = self.c.block_pairs
            self._lonely = (
                [p.a for p in pairs if p.b is None and isinstance(p.a, Paragraph)],
                [p.b for p in pairs if p.a is None and isinstance(p.b, Paragraph)],
            )
        return self._lonely[1 if in_b else 0]

    def words(self, in_b: bool) -> frozenset[str]:
        """Every word of one version's text as written, headings too."""
        if in_b not in self._words:
            texts = [info.title for info in (self.c.sections.b if in_b else self.c.sections.a) if getattr(info, "title", None)]
            texts += [node.text for node in walk_nodes(self.blocks(in_b)) if isinstance(node, (Paragraph, ListItem, HtmlBlock))]
            self._words[in_b] = frozenset(re.findall(r"[^\W\d_]{2,}", " ".join(texts)))
        return self._words[in_b]

    def prefixes(self, in_b: bool) -> frozenset[str]:
        """Four-letter folded beginnings of every word of one version's text."""
        if in_b not in self._prefixes:
            self._prefixes[in_b] = frozenset(fold(word.casefold())[:_PAGE_PREFIX] for word in self.words(in_b))
        return self._prefixes[in_b]

    def blocks(self, in_b: bool) -> list[Block]:
        return [block for info in (self.c.sections.b if in_b else self.c.sections.a) for block in info.blocks]


def _report_missing(c: Comparison, unit: _Aligned, model: LengthModel, page: _Page) -> bool:
    """At most one sentence-missing per unit pair, in the file that lacks the sentence."""
    for here_is_a, index, bead_number in _candidates(unit, model):
        sentences = unit.a if here_is_a else unit.b
        others = unit.b if here_is_a else unit.a
        sentence = sentences[index]
        if len(sentences) < 2 or sentence.size < MIN_MISSING_CHARS or _words(sentence.text) < MIN_MISSING_WORDS:
            continue
        size_here = sum(s.size for s in sentences)
        size_there = sum(s.size for s in others)
        if _excess(model, size_here, size_there, here_is_a) < MIN_UNIT_EXCESS:
            continue  # the unit as a whole is not longer than its counterpart: nothing is missing
        if abs(_excess(model, size_here - sentence.size, size_there, here_is_a)) > MAX_REST_DEVIATION:
            continue  # without the sentence the lengths do not fit either: another kind of drift
        there = " ".join(s.text for s in others)
        if anchors(sentence.text) & anchors(there) or len(cognates(sentence.text) & cognates(there)) >= MAX_SHARED_COGNATES:
            continue  # its numbers, names or loan words are on the other side: said there, in other words
        if _glosses_from(sentence.text, there):
            continue  # "시계열(time series)": it quotes the other version's words for what it says
        rest = " ".join(s.text for s in sentences if s is not sentence)
        if evidence(rest, there) < MIN_EVIDENCE and _good_fits(unit, model, unit.beads[bead_number]) < MIN_EVIDENCE:
            continue  # nothing shows that the rest of the unit is translated there: units aligned by position only
        lacking_section, lacking_unit = (unit.section_b, unit.unit_b) if here_is_a else (unit.section_a, unit.unit_a)
        if _said_elsewhere(sentence.text, lacking_section, lacking_unit, SAID_IN_SECTION_SHARE):
            continue  # the other version says it in another paragraph of the section (moved or split off)
        page.searches += 1
        if page.searches > MAX_PAGE_SEARCHES:
            return False
        if _lonely_block_fits(sentence, page.lonely(here_is_a), lacking_section, here_is_a, model):
            continue  # a paragraph of its own there, without counterpart here: split off, not dropped
        lacking_language = c.b.language if here_is_a else c.a.language
        if _fits_with_split_off(unit, here_is_a, sentence, page.lonely(here_is_a), lacking_language, model):
            continue  # the paragraph there was split in two, and another sentence went with the other half
        if _said_elsewhere(sentence.text, page.blocks(here_is_a), lacking_unit, SAID_IN_PAGE_SHARE):
            continue  # ... or elsewhere in the page (the paragraphs were aligned by position only)
        _missing_finding(c, unit, here_is_a, sentence, bead_number)
        return True
    return False


def _lonely_block_fits(sentence: Sentence, lonely: list[Paragraph], section: list[Block], here_is_a: bool, model: LengthModel) -> bool:
    """The other version's section has a paragraph without counterpart as long as the sentence."""
    ids = {id(block) for block in section}
    for paragraph in lonely:
        if id(paragraph) not in ids:
            continue
        size = sum(s.size for s in split_sentences(unit_text(paragraph)))
        delta = model.delta(sentence.size, size) if here_is_a else model.delta(size, sentence.size)
        if abs(delta) <= LONELY_FIT:
            return True
    return False


# a term of the other version given in brackets after its translation: "시계열(time series)"
_GLOSS = lazy_compile(r"[(（]([^\W\d_][\w .'-]{2,60})[)）]")


def _glosses_from(sentence: str, there: str) -> bool:
    """Does the sentence gloss a term in brackets that the other version's text has, word for
    word? Korean, Japanese and Chinese translations often do; a dropped sentence would not."""
    if "(" not in sentence and "（" not in sentence:
        return False
    other = " ".join(there.casefold().split())
    return any(len(gloss.split()) >= 2 and " ".join(gloss.casefold().split()) in other
               for gloss in _GLOSS.findall(sentence))


def _fits_with_split_off(unit: _Aligned, here_is_a: bool, sentence: Sentence, lonely: list[Paragraph],
                         language: str | None, model: LengthModel) -> bool:
    """The other version split the paragraph in two, and only one half is aligned with this
    unit: with the paragraph without counterpart just before or after that half joined to it,
    is every sentence here matched? (Then the sentence left over was matched by length only
    while its counterpart stands in the other half.)"""
    section = unit.section_b if here_is_a else unit.section_a
    lacking_unit = unit.unit_b if here_is_a else unit.unit_a
    at = next((k for k, block in enumerate(section) if block is lacking_unit), None)
    if at is None:
        return False
    alone = {id(paragraph) for paragraph in lonely}
    before = section[at - 1] if at > 0 and id(section[at - 1]) in alone else None
    after = section[at + 1] if at + 1 < len(section) and id(section[at + 1]) in alone else None
    if before is None and after is None:
        return False
    others = unit.b if here_is_a else unit.a
    merged = ((split_sentences(unit_text(before), language) if before is not None else []) + others
              + (split_sentences(unit_text(after), language) if after is not None else []))
    if len(merged) > MAX_SENTENCES:
        return False
    a, b = (unit.a, merged) if here_is_a else (merged, unit.b)
    trial = _Aligned(unit.unit_a, unit.unit_b, a, b, align_sentences(a, b, model), unit.section_a, unit.section_b)
    index = next(k for k, own in enumerate(unit.a if here_is_a else unit.b) if own is sentence)
    return not any(in_a == here_is_a and i == index for in_a, i, _ in _candidates(trial, model))


def _said_elsewhere(text: str, blocks: list[Block], aligned: Paragraph | ListItem, share: float) -> bool:
    """Another paragraph, item or HTML block of ``blocks`` shares this ``share`` of the sentence's
    names, numbers and loan words (at least three): the sentence was moved there, not dropped."""
    own = anchors(text) | cognates(text)
    if not own:
        return False
    for node in walk_nodes(list(blocks)):
        if node is aligned or not isinstance(node, (Paragraph, ListItem, HtmlBlock)):
            continue
        other = node.text
        shared = len(own & (anchors(other) | cognates(other)))
        if shared >= 3 and shared >= share * len(own):
            return True
    return False


def _neighbour(unit: _Aligned, bead_number: int, in_a: bool) -> Sentence | None:
    """The sentence of the other side aligned just before (else after) the bead."""
    beads = unit.beads
    for number in list(range(bead_number - 1, -1, -1)) + list(range(bead_number, len(beads))):
        indexes = beads[number].a if in_a else beads[number].b
        if indexes:
            sentences = unit.a if in_a else unit.b
            return sentences[indexes[-1] if number < bead_number else indexes[0]]
    return None


def _missing_finding(c: Comparison, unit: _Aligned, here_is_a: bool, sentence: Sentence, bead_number: int) -> None:
    has, lacks = (c.a, c.b) if here_is_a else (c.b, c.a)
    unit_has = unit.unit_a if here_is_a else unit.unit_b
    unit_lacks = unit.unit_b if here_is_a else unit.unit_a
    kind = "list item" if isinstance(unit_lacks, ListItem) else "paragraph"
    line_has = unit_has.line + sentence.line_offset
    near = _neighbour(unit, bead_number, not here_is_a)
    line = unit_lacks.line + (near.line_offset if near else 0)
    beside = f"; it belongs near {quote(near.text, 50)} (line {line})" if near else ""
    c.report(
        SENTENCE_MISSING,
        lacks,
        line,
        f"{kind} lacks a sentence that {has.name}:{line_has} has: {quote(sentence.text)}{beside}",
        [(has, line_has)],
        key=f"missing|{' '.join(sentence.text.split())[:80]}",
    )


# --- sentence-replaced ---------------------------------------------------------------------------

# A 1–1 sentence pair that shares nothing (no name, number, loan word or word stem) while
# one of the two carries a name or number that the whole other unit lacks, in a unit whose
# other sentences are shown to translate each other: a sentence about something else.
MIN_REPLACED_WORDS = 6
_NAME_PREFIX = 3  # "Sverige" / "Sweden", "mars" / "March": exonyms share their first letters
# With the semantic backend (transcheck/align/semantic.py), cosine of the two sentences' meanings,
# measured by bench/sentence_semantic.py on safespring's aligned one-sentence units: no faithful
# pair of 900 (sv/en, sv/nb, en/nb) is under 0.80, and 8–41 % of pairs with another sentence
# of the same page are; 1 % of faithful pairs are under 0.86.
SEMANTIC_REPLACED = 0.80
SEMANTIC_FAITHFUL = 0.86
# the unit's other pairs at least this alike (p5 of faithful pairs 0.87–0.91): two paragraphs
# on one topic paired by position have sentences 0.84–0.87 alike
SEMANTIC_REST = 0.88
# a sentence this alike a neighbour of its counterpart has its counterpart there (p5 of faithful
# pairs 0.87–0.91; two sentences of one page are at most 0.87–0.89 alike in 95 % of cases)
SEMANTIC_NEIGHBOUR = 0.88
MAX_SEMANTIC_PAIRS = 16  # per page: the embedding costs 0.04–0.4 s a sentence on two busy cores
SPELT_ALIKE = 0.55  # difflib's ratio of two folded words that are one name in two languages
_PAGE_PREFIX = 4  # ... and a name the other version uses anywhere on the page is no new subject


def _folded_prefixes(text: str) -> frozenset[str]:
    return frozenset(fold(word)[:_NAME_PREFIX] for word in re.findall(r"[^\W\d_]{2,}", text.casefold()))


_AFTER_START = lazy_compile(r"(?:^|[:;“”\"'«»(\[–—-]\s*)$")  # a capital here may just start a clause
_CAPITALISED_RUN = lazy_compile(r"\b[A-ZÅÄÖÆØ][\w'’-]*(?:\s+[A-ZÅÄÖÆØ][\w'’-]*)+")


def _strong_names(sentence: str) -> set[str]:
    """Names and numbers that say what a sentence is about: numbers from 13 on (smaller ones
    are often written in words), and capitalised words of four letters or more inside the
    sentence, not acronyms ("EU", "USA", "CEO": translated by other letters), not after a
    colon, a quote or a dash (where a capital only starts a clause), and not in a run of
    capitalised words ("United States" / "USA", "Access Rights": title-case terms)."""
    in_runs = {word for run in _CAPITALISED_RUN.findall(sentence) for word in run.split()}
    found = set()
    for token in anchors(sentence):
        if token.startswith("#"):
            digits = token[1:]
            if not digits.isdigit() or int(digits) >= 13:
                found.add(token)
            continue
        word = re.split(r"[^\w]", token)[0]
        if len(word) < 4 or word.isupper() or not word[0].isupper() or word in in_runs:
            continue
        at = sentence.find(word)
        if at <= 0 or _AFTER_START.search(sentence[:at]):
            continue
        found.add(word)
    return found


def _foreign(sentence: str, other_unit: str) -> set[str]:
    """Strong names and numbers of ``sentence`` that the other unit has in no form: not as
    a number, not as a word beginning alike ("Sverige" / "Sweden")."""
    there = anchors(other_unit)
    prefixes = _folded_prefixes(other_unit)
    found = set()
    for token in _strong_names(sentence):
        if token.startswith("#"):
            if token not in there:
                found.add(token)
        elif fold(token.casefold())[:_NAME_PREFIX] not in prefixes:
            found.add(token)
    return found


def _new_on_page(name: str, page: _Page, in_b: bool) -> bool:
    """A number, or a name whose beginning no word of the other version's page has, and
    that its own page never writes in lower case ("Managers" in a title-case phrase)."""
    if name.startswith("#"):
        return True
    return name.lower() not in page.words(in_b) and fold(name.casefold())[:_PAGE_PREFIX] not in page.prefixes(not in_b)


def _spelt_alike(name: str, sentence: str) -> bool:
    """A word of the counterpart sentence spelt much like the name: the same name in that
    language ("English" / "inglés", "Recursos" / "Resources")."""
    folded = fold(name.casefold())
    return any(
        SequenceMatcher(None, folded, fold(word.casefold())).ratio() >= SPELT_ALIKE
        for word in re.findall(r"[^\W\d_]{4,}", sentence)
    )


_PLAIN_WORD = lazy_compile(r"\w{4,}")
# what _strong_names may find: a capitalised word of four letters after another word, or a number
_MAY_NAME = lazy_compile(r"\w\W+[A-ZÅÄÖÆØ]\w{3}|\d\d")


@lru_cache(maxsize=256)  # a unit's sentences are asked again for each of its other pairs, a source's for each translation
def _plain_words(text: str) -> frozenset[str]:
    """Words of four characters or more as written (lower case): one regular-expression pass,
    enough to see that most pairs of a translation share a name, number or loan word."""
    return frozenset(_PLAIN_WORD.findall(text.lower()))


def _shares_anything(a: str, b: str) -> bool:
    """A word stem, loan word, name or number in common (the cheapest test first: most pairs
    of a translation share a stem)."""
    return bool(
        _plain_words(a) & _plain_words(b)
        or stems(a) & stems(b) or cognates(a) & cognates(b) or anchors(a) & anchors(b)
        or {fold(t.casefold())[:_NAME_PREFIX] for t in anchors(a) if not t.startswith("#")} & _folded_prefixes(b)
        or {fold(t.casefold())[:_NAME_PREFIX] for t in anchors(b) if not t.startswith("#")} & _folded_prefixes(a)
    )


def _same_link_targets(unit: _Aligned, a: str, b: str) -> bool:
    """Both sentences hold a link to one address ("[Chinese](/zh)" and "[китайську](/zh)"):
    a translation that translates every word of a sentence keeps where it links."""
    targets_a = {link.url for link in unit.unit_a.inline.links if link.url and link.text and link.text in a}
    if not targets_a:
        return False
    return any(link.url in targets_a and link.text and link.text in b for link in unit.unit_b.inline.links)


def _rest_translated(unit: _Aligned, leave_out: Bead) -> bool:
    """Every other 1–1 sentence pair of the unit (at least one) shares a name, number or word
    stem: the unit is a translation with one sentence that differs, not two texts that stand
    in the same place."""
    others = [bead for bead in unit.beads if bead is not leave_out and len(bead.a) == 1 and len(bead.b) == 1]
    return bool(others) and all(_shares_anything(unit.a[bead.a[0]].text, unit.b[bead.b[0]].text) for bead in others)


def _names(tokens: set[str]) -> str:
    shown = sorted(token.lstrip("#") for token in tokens)[:3]
    return ", ".join(f'"{token}"' for token in shown)


class _Replaced(Struct):
    unit: _Aligned
    bead: Bead
    a: Sentence
    b: Sentence
    foreign: set[str]  # names and numbers one side only has (the lexical evidence)
    similarity: float | None = None  # cosine of the two meanings (semantic backend)


def _replaced_candidates(unit: _Aligned, page: _Page, semantic: bool) -> list[_Replaced]:
    """1–1 sentence pairs of a unit (of two sentences a side at least, its other sentences
    shown to be translated) that may say something else: sharing nothing and naming what
    the other version lacks, or, for the semantic backend, sharing no name, number or loan
    word (the pairs worth embedding: a page has a handful)."""
    if len(unit.a) < 2 or len(unit.b) < 2:
        return []
    found: list[_Replaced] = []
    text_a = " ".join(s.text for s in unit.a)
    text_b = " ".join(s.text for s in unit.b)
    for bead in unit.beads:
        if len(bead.a) != 1 or len(bead.b) != 1:
            continue
        a, b = unit.a[bead.a[0]], unit.b[bead.b[0]]
        if _plain_words(a.text) & _plain_words(b.text):
            continue  # a word in common (a name, a number, a loan word): the cheapest test first
        if _same_link_targets(unit, a.text, b.text):
            continue  # the same pages linked from both (their link texts translated): the same sentence
        if not semantic and not (_MAY_NAME.search(a.text) or _MAY_NAME.search(b.text)):
            continue  # neither names anything: the lexical evidence cannot tell
        if min(_words(a.text), _words(b.text)) < MIN_REPLACED_WORDS or not (_prose(a.text) and _prose(b.text)):
            continue
        if _shares_anything(a.text, b.text):
            if not semantic or anchors(a.text) & anchors(b.text) or cognates(a.text) & cognates(b.text):
                continue  # a name, number or loan word in common: the same sentence, in other words
            foreign: set[str] = set()
        else:
            foreign = {name for name in _foreign(a.text, text_b) if _new_on_page(name, page, False) and not _spelt_alike(name, b.text)}
            foreign |= {name for name in _foreign(b.text, text_a) if _new_on_page(name, page, True) and not _spelt_alike(name, a.text)}
            if not foreign and not semantic:
                continue  # nothing names what the other version lacks: it may be a free translation
        if not _rest_translated(unit, bead):
            continue  # nothing shows that the rest translates: two texts that stand in one place
        found.append(_Replaced(unit, bead, a, b, foreign))
    return found


def _replaced_units(c: Comparison, units: list[_Aligned], page: _Page) -> set[int]:
    """sentence-replaced, at most one per unit pair; the ids of the units reported."""
    use_semantic = semantic.enabled()
    candidates = [found for unit in units for found in _replaced_candidates(unit, page, use_semantic)]
    if use_semantic and candidates:
        # the fewest words in common first: those are the likeliest, and the cost stays bounded
        candidates.sort(key=lambda r: (not r.foreign, len(stems(r.a.text) & stems(r.b.text))))
        candidates = candidates[:MAX_SEMANTIC_PAIRS]
        for found, value in zip(candidates, semantic.similarities([(r.a.text, r.b.text) for r in candidates])):
            found.similarity = value
    flagged = [found for found in candidates if _is_replaced(found)]
    if use_semantic and flagged:
        flagged = _confirmed(flagged)
    by_unit: dict[int, list[_Replaced]] = {}
    for found in flagged:
        by_unit.setdefault(id(found.unit.unit_a), []).append(found)
    for found_in_unit in by_unit.values():
        if len(found_in_unit) == 1:  # several: not one sentence replaced in a translation
            _replaced_finding(c, found_in_unit[0])
    return {key for key, value in by_unit.items() if len(value) == 1}


def _confirmed(flagged: list[_Replaced]) -> list[_Replaced]:
    """The flagged pairs whose unit is shown by meaning to be a translation: its other 1–1
    pairs alike (a paragraph paired with another by position is not), and neither sentence
    alike a neighbour of its counterpart (the sentence alignment off by one, as where one
    version splits a paragraph that the other keeps whole). One batch for all."""
    asked: list[tuple[str, str]] = []
    spans: list[tuple[int, int, int]] = []  # per flagged pair: where its rest and its neighbours start and end
    for found in flagged:
        unit, (i,), (j,) = found.unit, found.bead.a, found.bead.b
        start = len(asked)
        asked += [(unit.a[bead.a[0]].text, unit.b[bead.b[0]].text) for bead in unit.beads
                  if bead is not found.bead and len(bead.a) == 1 and len(bead.b) == 1]
        middle = len(asked)
        asked += [(found.a.text, unit.b[k].text) for k in (j - 1, j + 1) if 0 <= k < len(unit.b)]
        asked += [(unit.a[k].text, found.b.text) for k in (i - 1, i + 1) if 0 <= k < len(unit.a)]
        spans.append((start, middle, len(asked)))
    values = semantic.similarities(asked)
    return [
        found for found, (start, middle, end) in zip(flagged, spans)
        if min(values[start:middle], default=0.0) >= SEMANTIC_REST and max(values[middle:end], default=0.0) < SEMANTIC_NEIGHBOUR
    ]


def _is_replaced(found: _Replaced) -> bool:
    """Strong evidence: lexical alone without the backend; with it, meanings far apart, or
    the lexical evidence and meanings not close."""
    if found.similarity is None:
        return bool(found.foreign) and not semantic.enabled()
    if found.similarity < SEMANTIC_REPLACED:
        return True
    return bool(found.foreign) and found.similarity < SEMANTIC_FAITHFUL


def _replaced_finding(c: Comparison, found: _Replaced) -> None:
    unit, a, b = found.unit, found.a, found.b
    line_a = unit.unit_a.line + a.line_offset
    line_b = unit.unit_b.line + b.line_offset
    why = []
    if found.foreign:
        why.append(f"they share no name, number or word, and {_names(found.foreign)} "
                   f"{'is' if len(found.foreign) == 1 else 'are'} in one paragraph only")
    if found.similarity is not None:
        why.append(f"their meanings are {found.similarity:.2f} alike (a translation: {SEMANTIC_FAITHFUL:.2f} or more)")
    c.report(
        SENTENCE_REPLACED,
        c.a,
        line_a,
        f"sentence says something else than its counterpart: {quote(a.text)} (line {line_a}) and "
        f"{quote(b.text)} ({c.b.name}:{line_b}): " + "; ".join(why),
        [(c.b, line_b)],
        key=f"replaced|{' '.join(a.text.split())[:80]}",
    )


# --- clause-drift ---------------------------------------------------------------------------------


class _Pair(Struct):
    unit: _Aligned
    a: Sentence
    b: Sentence
    delta: float
    bead: Bead


def _report_drift(c: Comparison, units: list[_Aligned], model: LengthModel) -> None:
    pairs = [
        _Pair(unit, unit.a[bead.a[0]], unit.b[bead.b[0]], model.delta(unit.a[bead.a[0]].size, unit.b[bead.b[0]].size), bead)
        for unit in units
        for bead in unit.beads
        if len(bead.a) == 1 and len(bead.b) == 1
    ]
    if not pairs:
        return
    centre, spread = 0.0, 1.0
    if len(pairs) >= MIN_PAGE_PAIRS:
        deltas = [p.delta for p in pairs]
        centre = _median(deltas)
        # the page's own spread (median absolute deviation as a standard deviation), never
        # tighter than the calibrated one: a careful translation must not make noise of a rewording
        spread = max(1.0, 1.4826 * _median(abs(d - centre) for d in deltas))
    for pair in pairs:
        z = (pair.delta - centre) / spread
        expected_b = pair.a.size * model.ratio
        times = max(pair.b.size / max(expected_b, 1.0), expected_b / max(pair.b.size, 1))
        if abs(z) < DRIFT_Z or times < DRIFT_RATIO or abs(pair.b.size - expected_b) < MIN_DRIFT_CHARS * max(model.ratio, 1.0):
            continue
        if not (_prose(pair.a.text) and _prose(pair.b.text)):
            continue  # code or data the parser left in the text
        if min(_words(pair.a.text), _words(pair.b.text)) < MIN_DRIFT_WORDS:
            continue  # a label ("Code", "Profiles") against a sentence: two texts paired by place
        if evidence(pair.a.text, pair.b.text) < MIN_EVIDENCE and _good_fits(pair.unit, model, pair.bead) < MIN_EVIDENCE:
            continue  # nothing shows that these two sentences are translations of each other
        strong = abs(z) >= STRONG_Z and times >= STRONG_RATIO
        _drift_finding(c, pair, z, times, strong)


_CODE_LIKE = lazy_compile(r"[`{}<>=$|\\]")


def _prose(text: str) -> bool:
    """A sentence of words, not code or data that the parser left in the text."""
    letters = sum(map(str.isalpha, text))
    return not _CODE_LIKE.search(text) and letters >= 0.6 * len(text)


def _drift_finding(c: Comparison, pair: _Pair, z: float, times: float, strong: bool) -> None:
    line_a = pair.unit.unit_a.line + pair.a.line_offset
    line_b = pair.unit.unit_b.line + pair.b.line_offset
    longer = "longer" if z < 0 else "shorter"  # z < 0: B shorter than A predicts, A is longer
    c.report(
        CLAUSE_DRIFT,
        c.a,
        line_a,
        f"sentence is {times:.1f}× {longer} here than its counterpart, more than this page's translation "
        f"varies: {quote(pair.a.text)} (line {line_a}) and {quote(pair.b.text)} ({c.b.name}:{line_b})",
        [(c.b, line_b)],
        key=f"drift|{' '.join(pair.a.text.split())[:80]}",
        severity=Severity.WARNING if strong else None,
    )


__all__ = ["check_sentences", "unit_text"]


# --- what the engine runs: each check with the rules it reports --------------------------------

CHECKS: tuple[Check, ...] = (
    Check(check_sentences, (SENTENCE_MISSING, CLAUSE_DRIFT, SENTENCE_REPLACED,)),
)
