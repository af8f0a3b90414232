"""Which language a text is written in, among a few candidates, deterministically.

langdetect loads all 55 profiles at first use (~0.4 s) and is random unless
seeded. Here a detector loads only the candidate languages' profiles (~0.01 s)
and is seeded. A cheap screen of function words runs first: langdetect is only
asked when the screen does not already agree with the language expected.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

MIN_LETTERS = 40  # shorter text is not judged

# langdetect names Norwegian "no"; Hugo sites say nb, nn or no
_TO_DETECTOR = {"nb": "no", "nn": "no", "no": "no"}
SCANDINAVIAN = ("sv", "no", "da")

# Frequent function words; a text full of one list and none of another is not ambiguous.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is are for with that this we you our your it on be as at by from or an will have can not".split()),
    "sv": frozenset("och att det som är för med på av en ett till inte har vi du kan den om jag de vår våra ni sig eller också från".split()),
    "no": frozenset("og at det som er for med på av en et til ikke har vi du kan den om jeg de vår våre dere seg eller også fra".split()),
    "da": frozenset("og at det som er for med på af en et til ikke har vi du kan den om jeg de vores sig eller også fra".split()),
}
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)


def detector_code(tag: str | None) -> str | None:
    if not tag:
        return None
    primary = tag.split("-")[0].split("_")[0].lower()
    return _TO_DETECTOR.get(primary, primary)


def same_language(a: str | None, b: str | None) -> bool:
    """sv = sv-SE; nb = nn = no (Norwegian); None matches nothing."""
    return a is not None and b is not None and detector_code(a) == detector_code(b)


@lru_cache(maxsize=16)
def _factory(candidates: tuple[str, ...]):  # type: ignore[no-untyped-def]
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    profiles = []
    base = resources.files("langdetect") / "profiles"
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


def letters(text: str) -> int:
    return sum(len(w) for w in _WORDS.findall(text))


def screen(text: str) -> dict[str, int]:
    """Function-word counts per language: a fast first look."""
    words = [w.lower() for w in _WORDS.findall(text)]
    return {lang: sum(w in vocabulary for w in words) for lang, vocabulary in _FUNCTION_WORDS.items()}


def detect(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probabilities of the candidate languages for ``text`` (empty when it cannot tell)."""
    return dict(_detect(text, candidates))


@lru_cache(maxsize=4096)
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


def judge(text: str, expected: str, candidates: tuple[str, ...], threshold: float = 0.9) -> tuple[str, float] | None:
    """(language, probability) when ``text`` is confidently *not* in ``expected``; else None.

    The function-word screen settles the clear cases without langdetect: when the
    expected language has the most function words, the text is taken as written in it.
    """
    want = detector_code(expected)
    if want is None or letters(text) < MIN_LETTERS:
        return None
    counts = screen(text)
    others = [count for lang, count in counts.items() if lang != want]
    if want in counts and counts[want] > max(others, default=0):
        return None  # clearly more of its own function words than of any other language's
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
