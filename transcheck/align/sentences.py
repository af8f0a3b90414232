"""Sentences of a paragraph and their alignment with a translation's (pure functions).

Splitting knows the abbreviations of Swedish, Norwegian, Danish and English
("t.ex.", "bl.a.", "f.eks.", "e.g."), decimals ("3.5", "3,5"), numbered items
("1. Install"), initials and ellipses; a URL has no space, so it never splits.

Alignment is Gale and Church's (1993) dynamic programming over 1–1, 1–2, 2–1,
1–0 and 0–1 beads: the cost of a bead is how unlikely its length ratio is for
the language pair (calibrated on the shared corpus, see bench/RESULTS.md), plus
what language-neutral tokens (numbers, names, code) say: a token on both sides
of a bead draws it together, a token whose counterpart stands in another
sentence of the other unit pushes it apart.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from msgspec import Struct


from transcheck.lazyre import lazy_compile
from transcheck.document.lines import LineIndex
from transcheck.languages.tags import family

# --- splitting ------------------------------------------------------------------------------

# Abbreviations after which a capitalised word goes on the same sentence. One set for all
# languages: Swedish pages quote English ("e.g.") and the other way round.
_NEVER_END = frozenset(
    """e.g. i.e. vs. cf. approx. incl. excl. dept. est. mr. mrs. ms. dr. prof. jr. sr. st. corp. a.k.a. u.s.
    t.ex. bl.a. dvs. d.v.s. s.k. ca. resp. inkl. exkl. jfr. t.o.m. fr.o.m. f.d. p.g.a. pga. kl. ang. enl.
    tel. tfn. tlf. ev. evt. f.eks. iht. jf. mht. vha. ifm. f.o.m. hhv. iflg. ekskl. ex. fr. ff.""".split()
)
# Abbreviations that may also end a sentence: a capitalised word after them starts a new one.
_MAY_END = frozenset("etc. osv. m.m. mm. m.fl. mfl. mv. o.l. m.v. inc. ltd. co. a.m. p.m. usw.".split())
# Before a number these are no end: "nr. 5", "s. 12", "fig. 3".
_BEFORE_NUMBER = frozenset("no. nr. s. p. pp. fig. kap. vol. art. nos. str. ex.".split())

_CLOSERS = "\"'”’»)]*_"
_OPENERS = "\"'“‘«([*_"
# Sentence-final punctuation, closing quotes or brackets, space, then what starts a sentence.
_CANDIDATE = lazy_compile(
    rf"(?P<end>[.!?…]+)(?P<close>[{re.escape(_CLOSERS)}]*)(?P<note>\d{{1,2}})?(?P<space>\s+)(?=[{re.escape(_OPENERS)}]*[^\W_a-zåäöæø])"
)
_TOKEN_BEFORE = lazy_compile(r"(\S+)$")
_SHORT_DOTTED = lazy_compile(r"^(?:[^\W\d_]{1,3}\.){2,}$")  # "a.k.a.", "t.o.m.": an abbreviation
_INITIAL = lazy_compile(r"^[^\W\d_]\.$")  # "J." in "J. Smith"
_NUMBERED = lazy_compile(r"^\d{1,3}\.$")  # "1." of a numbered line


class Sentence(Struct, frozen=True):
    text: str  # whitespace collapsed
    start: int  # offset in the unit's text
    line_offset: int  # newlines in the unit's text before it: its line is the unit's line plus this

    @property
    def size(self) -> int:
        return len(self.text)


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    end = match.group("end")
    if match.group("note") and not text[: match.start("end")][-1:].isalpha():
        return False  # "2.1 Release": a number, not a footnote mark after a word ("tjenester.7 I")
    if end != ".":
        return True  # "!", "?", "?!" and ellipses end a sentence before a capital
    # the word before the dot; a window keeps this constant-time on a long text
    token_match = _TOKEN_BEFORE.search(text, max(0, match.end("end") - 40), match.end("end"))
    token = token_match.group(1).lstrip(_OPENERS).lower() if token_match else ""
    if token in _NEVER_END:
        return False
    if token in _MAY_END:
        return True
    after = text[match.end() : match.end() + 1]
    if token in _BEFORE_NUMBER and after.isdigit():
        return False
    written = token_match.group(1).lstrip(_OPENERS) if token_match else ""
    if _INITIAL.match(written) and written[0].isupper():
        return False  # an initial (capital letter and a dot): "J. Smith"
    if _SHORT_DOTTED.match(token):
        return False
    if token_match is not None and _NUMBERED.match(token):
        start = token_match.start(1)
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip():
            return False  # "1. Install" at the start of a line is a numbered item, not a sentence
    return True


def split_sentences(text: str, language: str | None = None) -> list[Sentence]:
    """The sentences of ``text`` in order, each with its offset and line offset.

    ``language`` is accepted for the callers' sake; the abbreviation lists are shared by
    sv, nb/no, da and en (pages quote each other's abbreviations). Linear in the text."""
    del language  # one rule set serves every supported language; see the module docstring
    return list(_split(text))


@lru_cache(maxsize=2048)
def _split(text: str) -> tuple[Sentence, ...]:
    """Remembered (sentences are frozen): a source page's units are split once, not once
    per translation."""
    sentences: list[Sentence] = []
    start = 0
    lines = LineIndex(text)
    for match in _CANDIDATE.finditer(text):
        if not _is_boundary(text, match):
            continue
        cut = match.end("note") if match.group("note") else match.end("close")
        _add(sentences, text, start, cut, lines)
        start = match.end()
    _add(sentences, text, start, len(text), lines)
    return tuple(sentences)


def _add(sentences: list[Sentence], text: str, start: int, end: int, lines: LineIndex) -> None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped.strip():
        return
    offset = start + len(piece) - len(stripped)
    sentences.append(Sentence(" ".join(stripped.split()), offset, lines.newlines_before(offset)))


# --- length model ---------------------------------------------------------------------------------


class LengthModel(Struct, frozen=True):
    """Characters of B per character of A (``ratio``) and the variance per character of
    Gale and Church's normalised difference (``variance``)."""

    ratio: float = 1.0
    variance: float = 6.8  # Gale and Church's value for European language pairs

    def delta(self, size_a: int, size_b: int) -> float:
        """How many standard deviations B's length is from what A's predicts (negative:
        B is shorter)."""
        mean = (size_a + size_b / self.ratio) / 2
        if mean <= 0:
            return 0.0
        return (size_b - size_a * self.ratio) / math.sqrt(mean * self.variance)


# Measured by bench/sentence_ratio.py on aligned one-sentence units of the shared corpus
# (bench/RESULTS.md, "Sentence alignment"): characters of the second language per character
# of the first, and the variance per character. Machine-translated pages vary less (1.1–1.4)
# than human ones (2.1–3.6); the human spread is used, so that a free translation stays quiet.
_MEASURED: dict[tuple[str, str], tuple[float, float]] = {
    ("sv", "en"): (0.99, 3.5),
    ("sv", "no"): (0.99, 3.0),
    ("en", "no"): (1.0, 3.0),
}


def calibrated(language_a: str | None, language_b: str | None) -> bool:
    """Whether the length ratio of this language pair was measured."""
    a, b = family(language_a), family(language_b)
    return (a, b) in _MEASURED or (b, a) in _MEASURED


def length_model(language_a: str | None, language_b: str | None) -> LengthModel:
    """The calibrated model for a pair of languages (either order), else a neutral one."""
    a, b = family(language_a), family(language_b)
    if a and b:
        if (a, b) in _MEASURED:
            ratio, variance = _MEASURED[(a, b)]
            return LengthModel(ratio, variance)
        if (b, a) in _MEASURED:
            ratio, variance = _MEASURED[(b, a)]
            return LengthModel(1 / ratio, variance / ratio)
    return LengthModel()


# --- alignment ---------------------------------------------------------------------------------

# Prior probabilities of the bead kinds (Gale and Church's, 1-0 and 0-1 made a little likelier:
# deletions are what we look for, the length test after the alignment keeps them honest).
_BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, -math.log(0.89)),
    (1, 0, -math.log(0.01)),  # plus _DELETION_PER_CHAR per character, not the length model
    (0, 1, -math.log(0.01)),
    (2, 1, -math.log(0.045)),
    (1, 2, -math.log(0.045)),
)
# A sentence without counterpart costs its prior and a little per character. Gale and Church
# price it by the length model, which makes any 2–1 bead cheaper than a lost sentence: the
# deletion we look for would always hide in a merge.
_DELETION_PER_CHAR = 0.002
# Equally many sentences, each pair this close to the expected length: the alignment is the
# diagonal (no cheaper path exists in practice), and the search is skipped.
_DIAGONAL_FIT = 1.5
_SHARED_BONUS = 1.5  # per neutral token shared by a bead's two sides
_ELSEWHERE_COST = 1.0  # per token whose counterpart stands in another sentence of the other unit
_MAX_TOKEN_EFFECT = 3


class Bead(Struct, frozen=True):
    a: tuple[int, ...]  # indexes of A's sentences (0, 1 or 2 of them)
    b: tuple[int, ...]


_ANCHOR = lazy_compile(r"\d[\d\s.,:\u00a0\u202f]*\d|\d|[^\W\d_][\w'’-]*")
_GROUPING = lazy_compile(r"[\s.,:\u00a0\u202f]")
_DIGIT = lazy_compile(r"\d")


@lru_cache(maxsize=2048)
def anchors(text: str) -> frozenset[str]:
    """Language-neutral tokens of a sentence that a translation keeps: numbers (by their digits),
    names (a capital after the first word), acronyms and code-like words ("iPhone", "S3").

    A lighter cousin of :func:`transcheck.neutral.tokens_of` (this runs on every sentence)."""
    found: set[str] = set()
    for number, match in enumerate(_ANCHOR.finditer(text)):
        word = match.group(0)
        first = word[0]
        if first.isdigit():
            found.add("#" + _GROUPING.sub("", word))
        elif word.islower():
            continue  # the common case: an ordinary word
        elif number > 0 and first.isupper() or word[1:] != word[1:].lower() or _DIGIT.search(word):
            word = word.rstrip("'’-")
            if len(word) > 1:
                found.add(word[:-1] if len(word) > 2 and word[-1] == "s" and word[:-1].isupper() else word)
    return frozenset(found)


_COGNATE_WORD = lazy_compile(r"[^\W\d_]{5,}")
_FOLD = str.maketrans({"å": "a", "ä": "a", "æ": "a", "ö": "o", "ø": "o", "é": "e", "c": "k", "q": "k", "w": "v", "z": "s"})
# Frequent long words of the four languages that say nothing about which sentence is which.
_COMMON = frozenset(
    """eller också detta dessa andra sedan under efter genom mellan inför vilka kunna skall många
    ikke også dette disse andre etter gjennom mange kunne skulle hvilke efter mellem deres
    which their there about would should could these those other after under where while being
    every""".split()
)


@lru_cache(maxsize=4096)
def cognates(text: str) -> frozenset[str]:
    """The first five letters of the longer words, folded (å→a, c→k): Swedish, Norwegian, Danish
    and English share them for loan words and technical terms ("applikation", "application")."""
    found = set()
    for word in _COGNATE_WORD.findall(text.casefold()):
        if word not in _COMMON:
            found.add(word.translate(_FOLD)[:5])
    return frozenset(found)


def fold(text: str) -> str:
    """Letters folded as :func:`cognates` folds them (å→a, ö→o, c→k, w→v): "Sweden" → "svede"."""
    return text.translate(_FOLD)


_STEM_WORD = lazy_compile(r"[^\W\d_]{4,}")
# Frequent four-letter beginnings of function words: they say nothing about which sentence is which.
_COMMON_STEMS = frozenset(
    """inte till fran även åter dess dett ocks elle efte unde sina våra vara blir bara utan geno myck
    måst kunn skal varj alla andr någo seda mell samt själ vilk vill finn dina dera hela ditt mina vårt
    sitt ikke også være bare gjen ette denn diss noen skul hvil alle ogsa vore noge bliv sådan ford
    that this with from have will your they them thei ther what when whic woul been were into more
    most some such than then thes thos also only over very just abou afte each othe bein coul shou
    wher whil make made does like here many much""".split()
)


@lru_cache(maxsize=2048)
def stems(text: str) -> frozenset[str]:
    """The first four letters of words of four letters or more, folded, without function words:
    finer than :func:`cognates` ("team" / "teamet"), used only to place sentences, not to judge."""
    found = set()
    for word in _STEM_WORD.findall(text.casefold()):
        stem = word.translate(_FOLD)[:4]
        if word[:4] not in _COMMON_STEMS and stem not in _COMMON_STEMS:
            found.add(stem)
    return frozenset(found)


def evidence(a: str, b: str) -> int:
    """How many neutral tokens and cognates two texts share: evidence that one translates the other."""
    return len(anchors(a) & anchors(b)) + len(cognates(a) & cognates(b))


def align_sentences(
    a: list[Sentence], b: list[Sentence], model: LengthModel, use_anchors: bool = True
) -> list[Bead]:
    """The cheapest monotonic alignment of two sentence lists (every sentence in one bead)."""
    n, m = len(a), len(b)
    if n <= 1 and m <= 1 or n == 0 or m == 0:  # nothing to choose (most list items): no tokens, no table
        return _pair_leftovers([Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)])
    if n == m and all(abs(model.delta(x.size, y.size)) <= _DIAGONAL_FIT for x, y in zip(a, b)):
        return [Bead((i,), (i,)) for i in range(n)]  # sentence for sentence (most paragraphs): nothing to search
    prefix_a = [0]
    for sentence in a:
        prefix_a.append(prefix_a[-1] + sentence.size)
    prefix_b = [0]
    for sentence in b:
        prefix_b.append(prefix_b[-1] + sentence.size)
    tokens_a = [anchors(s.text) | stems(s.text) if use_anchors else frozenset() for s in a]
    tokens_b = [anchors(s.text) | stems(s.text) if use_anchors else frozenset() for s in b]
    all_a = frozenset().union(*tokens_a) if tokens_a else frozenset()
    all_b = frozenset().union(*tokens_b) if tokens_b else frozenset()
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for da, db, prior in _BEADS:
                ni, nj = i + da, j + db
                if ni > n or nj > m:
                    continue
                size_a = prefix_a[ni] - prefix_a[i]
                size_b = prefix_b[nj] - prefix_b[j]
                if size_a and size_b:
                    delta = model.delta(size_a, size_b)
                    step = prior + delta * delta / 2
                else:
                    step = prior + _DELETION_PER_CHAR * (size_a + size_b)
                if use_anchors:
                    step += _token_cost(tokens_a[i:ni], tokens_b[j:nj], all_a, all_b)
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (i, j)
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        previous = back[i][j]
        assert previous is not None  # every cell is reachable through 1-0 and 0-1 beads
        pi, pj = previous
        beads.append(Bead(tuple(range(pi, i)), tuple(range(pj, j))))
        i, j = pi, pj
    beads.reverse()
    return _pair_leftovers(beads)


def _pair_leftovers(beads: list[Bead]) -> list[Bead]:
    """A sentence left alone on each side at the same place is one pair that differs (a
    clause added, a sentence rewritten), not two sentences without counterpart."""
    result: list[Bead] = []
    for bead in beads:
        if result and len(bead.a) + len(bead.b) == 1 and len(result[-1].a) + len(result[-1].b) == 1:
            last = result[-1]
            if bool(bead.a) != bool(last.a):
                result[-1] = Bead(last.a + bead.a, last.b + bead.b)
                continue
        result.append(bead)
    return result


def _token_cost(part_a: list[frozenset[str]], part_b: list[frozenset[str]], all_a: frozenset[str], all_b: frozenset[str]) -> float:
    here_a = frozenset().union(*part_a) if part_a else frozenset()
    here_b = frozenset().union(*part_b) if part_b else frozenset()
    shared = len(here_a & here_b)
    # a token of this bead whose counterpart exists in the other unit, but not here
    elsewhere = len((here_a & all_b) - here_b) + len((here_b & all_a) - here_a)
    return _ELSEWHERE_COST * min(elsewhere, _MAX_TOKEN_EFFECT) - _SHARED_BONUS * min(shared, _MAX_TOKEN_EFFECT)


