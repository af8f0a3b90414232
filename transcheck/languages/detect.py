"""Which language a text is written in, among a few candidates, deterministically.

langdetect loads all 55 profiles at first use (~0.4 s) and is random unless
seeded. Here a detector loads only the candidate languages' profiles (~0.01 s)
and is seeded. Two cheap looks come first, and langdetect's random sampling (about
5 ms a text) only runs when both fail to confirm the language expected:

1. a screen of function words;
2. langdetect's own n-gram model evaluated once over every n-gram of the text
   (naive Bayes, deterministic, well under a millisecond). When it favours the
   expected language the text is taken as written in it. On the real corpus
   (both sites) no text that sampling flags is favoured by this pass: every
   flagged text loses by more than 3 nats, so the pass changes no finding and
   skips about 85% of the sampling.

Bokmål and Danish are never told apart (langdetect confuses them), so for
either one the other counts as the language expected in both looks.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from transcheck.lazyre import lazy_compile
from transcheck.scripts import letters, weight, wide_characters
from transcheck.languages.tags import detector_code

MIN_LETTERS = 40  # shorter text is not judged

SCANDINAVIAN = ("sv", "no", "da")

# Frequent function words; a text full of one list and none of another is not ambiguous.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is are for with that this we you our your it on be as at by from or an will have can not".split()),
    "sv": frozenset("och att det som är för med på av en ett till inte har vi du kan den om jag de vår våra ni sig eller också från".split()),
    "no": frozenset("og at det som er for med på av en et til ikke har vi du kan den om jeg de vår våre dere seg eller også fra".split()),
    "da": frozenset("og at det som er for med på af en et til ikke har vi du kan den om jeg de vores sig eller også fra".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als werden aus er hat dass sie nach wird bei einer sind noch wie einem über einen zum haben nur oder aber zur durch".split()),
    "es": frozenset("el la los las de del y en un una que es por para con no se su sus al lo como más pero este esta son puede ser también entre cuando sobre".split()),
    "fr": frozenset("le la les de des du et en un une est que qui pour dans par sur pas ne se ce il elle nous vous sont avec au aux plus ou mais cette ces sa ses leur être peut aussi".split()),
    "it": frozenset("il lo la gli le di del della dei e è un una che per con non si sono come più ma questo questa anche essere può tra nel nella".split()),
    "nl": frozenset("de het een en van is in op te dat die met voor zijn niet aan er ook als bij of door naar wordt worden kan uw je wij".split()),
    "pl": frozenset("się nie na jest że do jak co ale od po dla są przez czy tak oraz jego być może który która które".split()),
    "pt": frozenset("os as de do da dos das e em um uma que é por para com não se seu sua ao na nos nas como mais mas ou este esta são pode ser também entre quando sobre você".split()),
    "ro": frozenset("și de la în un o că pe cu nu se din care mai este sunt pentru ca sau dar această acest".split()),
}
# Short words that English writes too ("a", "I", "do", "in", "on"): in the lists of the
# languages beyond English and Scandinavian they would count an English text as that language.
_ENGLISH_TOO = frozenset("a i o e do to no so on in an am at as is it be he me we us or up if by of my man war son".split())
# Every list's words and the short English ones: a capitalised one opening a sentence in
# both versions ("For", "Det", "The") is grammar, not a name that ties two texts together.
FUNCTION_WORDS_OF_ANY = frozenset().union(_ENGLISH_TOO, *_FUNCTION_WORDS.values())
for _code in ("de", "es", "fr", "it", "nl", "pl", "pt", "ro"):
    _FUNCTION_WORDS[_code] = _FUNCTION_WORDS[_code] - _ENGLISH_TOO
_WORDS = lazy_compile(r"[^\W\d_]+", re.UNICODE)


def same_language(a: str | None, b: str | None) -> bool:
    """sv = sv-SE; nb = nn = no (Norwegian); None matches nothing."""
    return a is not None and b is not None and detector_code(a) == detector_code(b)


@lru_cache(maxsize=16)
def _factory(candidates: tuple[str, ...]):  # type: ignore[no-untyped-def]
    import langdetect  # here, not at import: a run that judges no text never loads it
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    profiles = []
    base = Path(langdetect.__file__).parent / "profiles"
    for code in candidates:
        profile = base / code
        if profile.is_file():
            profiles.append(profile.read_text(encoding="utf-8"))
    if len(profiles) < 2:
        return None
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory


def candidates_for(*languages: str | None) -> tuple[str, ...]:
    """The pair's languages plus the ones they are confused with (sv, no, da) and en."""
    codes = {detector_code(code) for code in languages if code}
    codes |= {"en"}
    if codes & set(SCANDINAVIAN):
        codes |= set(SCANDINAVIAN)
    return tuple(sorted(c for c in codes if c))


def screen(text: str) -> dict[str, int]:
    """Function-word counts per language: a fast first look."""
    words = _WORDS.findall(text.lower())
    return {lang: sum(map(vocabulary.__contains__, words)) for lang, vocabulary in _FUNCTION_WORDS.items()}


def detect(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probabilities of the candidate languages for ``text`` (empty when it cannot tell)."""
    return dict(_detect(text, candidates))


@lru_cache(maxsize=128)
def _detect(text: str, candidates: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Seeded, so the same text always gives the same answer: safe to remember."""
    if letters(text) < MIN_LETTERS:
        return ()
    factory = _factory(candidates)
    if factory is None:
        return ()
    from langdetect.lang_detect_exception import LangDetectException

    detector = factory.create()
    detector.append(text)
    try:
        return tuple((str(p.lang), float(p.prob)) for p in detector.get_probabilities())
    except LangDetectException:
        return ()


# langdetect's smoothing: each n-gram's probability plus alpha / BASE_FREQ (0.5 / 10 000)
_SMOOTHING = 0.5 / 10_000
_LOG_VECTORS: dict[tuple[str, ...], dict[str, tuple[float, ...]]] = {}  # bounded by the profiles' n-grams


_NORMALISED: dict[int, str] = {}  # code point → langdetect's normalised character
_SPACE_RUN = lazy_compile(" {2,}")
# langdetect counts every character from U+0300 up as non-Latin (it means to leave out
# Latin Extended Additional, but compares the block's name in a form it never has)
_NON_LATIN = lazy_compile("[^\x00-\u02ff]")
_LATIN = lazy_compile("[A-z]")
MAX_DETECT_CHARS = 10_000  # langdetect's own limit


def ngrams(text: str) -> list[str]:
    """The 1- to 3-grams langdetect extracts from ``text`` (before its profile filter).

    Same cleaning, normalisation and all-capitals rule as langdetect's
    ``Detector.append`` + ``_extract_ngrams``, but a word at a time instead of
    a method call per character (a test holds the two equal, as multisets:
    the order differs, and only the counts matter).
    """
    from langdetect.detector import Detector
    from langdetect.utils.ngram import NGram

    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    text = _SPACE_RUN.sub(" ", NGram.normalize_vi(text)[:MAX_DETECT_CHARS])
    if len(_LATIN.findall(text)) * 2 < len(_NON_LATIN.findall(text)):
        text = "".join(ch for ch in text if ch < "A" or "z" < ch)  # langdetect drops Latin from non-Latin text
    for ch in set(text):
        if ord(ch) not in _NORMALISED:
            _NORMALISED[ord(ch)] = NGram.normalize(ch)
    words = text.translate(_NORMALISED).split(" ")
    grams: list[str] = []
    last = len(words) - 1
    for index, word in enumerate(words):
        if not word:
            continue
        padded = " " + word + (" " if index < last else "")
        end = len(padded)
        if word[1:].islower() or word.islower():
            # no two capitals in a row: every position counts (the common case, in bulk)
            grams.extend(padded[1:end].replace(" ", ""))
            grams.extend(padded[i - 1 : i + 1] for i in range(1, end))
            grams.extend(padded[i - 2 : i + 1] for i in range(2, end))
            continue
        for i in range(1, end):
            ch = padded[i]
            if ch.isupper() and padded[i - 1].isupper():
                continue  # inside a word in capitals: langdetect skips it
            if ch != " ":
                grams.append(ch)
            grams.append(padded[i - 1 : i + 1])
            if i >= 2:
                grams.append(padded[i - 2 : i + 1])
    return grams


@lru_cache(maxsize=256)
def log_likelihoods(text: str, candidates: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Log-likelihood of ``text`` under each candidate's n-gram profile, over all its n-grams.

    The same model langdetect samples from, evaluated exactly; empty when the
    text has no known n-gram or fewer than two profiles load.
    """
    factory = _factory(candidates)
    if factory is None:
        return ()
    probabilities = factory.word_lang_prob_map
    vectors = _LOG_VECTORS.setdefault(candidates, {})
    counts: list[int] = []
    rows: list[tuple[float, ...]] = []
    for gram, count in Counter(ngrams(text)).items():
        vector = vectors.get(gram)
        if vector is None:
            if gram not in probabilities:
                continue
            vector = vectors[gram] = tuple(math.log(_SMOOTHING + p) for p in probabilities[gram])
        counts.append(count)
        rows.append(vector)
    if not rows:
        return ()
    scores = [sum(map(operator.mul, counts, column)) for column in zip(*rows)]
    return tuple(zip(factory.langlist, scores))


# Swedish writes ä and ö where Norwegian and Danish write æ and ø: which of the two a
# text uses tells the neighbours apart, which share most function words
_NEIGHBOUR_LETTERS = {"sv": ("äöÄÖ", "æøÆØ"), "no": ("æøÆØ", "äöÄÖ"), "da": ("æøÆØ", "äöÄÖ")}
_NEIGHBOURS = {"sv": {"no", "da"}, "no": {"sv"}, "da": {"sv"}}


def _spelled_as_own(text: str, want: str, counts: dict[str, int], twins: set[str]) -> bool:
    """Does ``text`` have the most function words of ``want`` but for its Scandinavian
    neighbours, and letters only ``want`` (of the two spellings) uses? Then it is in ``want``:
    told without loading langdetect."""
    letters_of = _NEIGHBOUR_LETTERS.get(want)
    if letters_of is None or not counts.get(want):
        return False
    own, theirs = letters_of
    if any(ch in text for ch in theirs):
        return False
    # in a word of the language, not only in a name ("Anna Jönsson" in a Norwegian paragraph)
    if not any(word[0].islower() and any(ch in word for ch in own) for word in _WORDS.findall(text)):
        return False
    neighbours = _NEIGHBOURS[want]
    rest = [count for lang, count in counts.items() if lang not in twins and lang not in neighbours]
    return counts[want] > max(rest, default=0) and counts[want] >= max(counts.get(n, 0) for n in neighbours)


def favours(text: str, languages: set[str], candidates: tuple[str, ...]) -> bool:
    """True when the exact n-gram model likes one of ``languages`` best of the candidates."""
    scores = dict(log_likelihoods(text, candidates))
    if not scores:
        return False
    return max(sorted(scores), key=lambda lang: scores[lang]) in languages


_WIDE_SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko"})


@lru_cache(maxsize=2048)
def judge(text: str, expected: str, candidates: tuple[str, ...], threshold: float = 0.9) -> tuple[str, float] | None:
    """(language, probability) when ``text`` is confidently *not* in ``expected``; else None.

    The function-word screen settles the clear cases without langdetect: when the
    expected language has the most function words, the text is taken as written in it.
    Pure and remembered: a source page is judged once, not once per translation.
    """
    want = detector_code(expected)
    if want is None or letters(text) < MIN_LETTERS:
        return None
    if want in _WIDE_SCRIPT_LANGUAGES:
        # Chinese, Japanese and Korean are told by their script (the n-gram reader here is
        # built for alphabets): a fair share of it is the language; none of it, another one
        if 3 * wide_characters(text) >= 0.3 * weight(text):
            return None
        if want == "zh":  # langdetect knows Chinese as zh-cn and zh-tw only
            want = "zh-cn"
            candidates = tuple(sorted({"zh-cn" if code == "zh" else code for code in candidates}))
    counts = screen(text)
    # Bokmål and Danish share most function words and are never told apart (below):
    # the twin's count does not stand against the language expected.
    twins = {"da", "no"} if want in ("da", "no") else {want}
    others = [count for lang, count in counts.items() if lang not in twins]
    if want in counts and counts[want] > max(others, default=0):
        return None  # clearly more of its own function words than of any other language's
    if _spelled_as_own(text, want, counts, twins):
        return None  # tied only with a Scandinavian neighbour, whose letters it does not use
    if favours(text, twins, candidates):
        return None  # langdetect's model, read exactly, prefers the expected language (or its twin)
    probabilities = detect(text, candidates)
    if not probabilities:
        return None
    best = max(sorted(probabilities), key=lambda lang: probabilities[lang])
    if {best, want} == {"da", "no"}:
        return None  # Bokmål and Danish are too close for langdetect to tell apart reliably
    if best == want or probabilities[best] < threshold or probabilities.get(want, 0.0) > 1 - threshold:
        return None
    return best, probabilities[best]


LANGUAGE_NAMES = {"sv": "Swedish", "no": "Norwegian", "nb": "Norwegian Bokmål", "nn": "Norwegian Nynorsk",
                  "da": "Danish", "en": "English", "fi": "Finnish", "de": "German", "fr": "French"}


def language_name(code: str | None) -> str:
    if not code:
        return "unknown"
    return LANGUAGE_NAMES.get(code, LANGUAGE_NAMES.get(detector_code(code) or "", code))
