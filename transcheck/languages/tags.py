"""Language tags as sites write them: is a value a BCP 47 tag, and is it the one meant?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from transcheck.languages.declared import ISO_639_1

# three-letter codes that turn up on Nordic sites (ISO 639-2/3)
KNOWN_639_3 = frozenset(
    "swe eng nor nob nno dan fin isl deu ger fra fre spa ita nld dut por pol rus ukr sme smj sma smn sms fao kal".split()
)
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}|[A-Za-z\d]{5,8}))*$")
# codes that are valid but, on a Nordic/English site, almost certainly a slip
LIKELY_SLIPS = {
    "se": ("sv", "se is Northern Sami"),
    "dk": ("da", "dk is Denmark's country code, not a language"),
    "nr": ("nb", "nr is South Ndebele"),
    "uk": ("en", "uk is Ukrainian"),
    "jp": ("ja", "jp is Japan's country code"),
    "gr": ("el", "gr is Greece's country code"),
    "cz": ("cs", "cz is Czechia's country code"),
    "ee": ("et", "ee is Ewe"),
    "sw": ("sv", "sw is Swahili"),
}
_REGION_SLIPS = {"UK": "GB"}
# words people write where a code was meant
_WORD_SLIPS = {
    "nei": ("no", "Nei is Norwegian for 'no', not a language code"),
    "svenska": ("sv", "Svenska is the language's name"),
    "swedish": ("sv", "Swedish is the language's name"),
    "english": ("en", "English is the language's name"),
    "engelska": ("en", "Engelska is the language's name"),
    "norsk": ("nb", "Norsk is the language's name"),
    "dansk": ("da", "Dansk is the language's name"),
}


@dataclass(frozen=True)
class TagVerdict:
    tag: str | None  # the normalised tag it stands for (after aliases), None when unusable
    problem: str | None = None  # what is wrong, for language-code
    suggestion: str | None = None


def normalise(value: str) -> str:
    parts = re.split(r"[-_]", value.strip())
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(_REGION_SLIPS.get(part.upper(), part.upper()))
        elif len(part) == 4:
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def family(tag: str | None) -> str | None:
    """The language a tag is about: 'sv-SE' → 'sv'; nb, nn and no are all Norwegian."""
    if not tag:
        return None
    primary = tag.split("-")[0].lower()
    return "no" if primary in ("nb", "nn", "no", "nob", "nno", "nor") else {"swe": "sv", "eng": "en", "dan": "da"}.get(primary, primary)


def verdict(value: Any, raw: str, aliases: dict[str, str], text_language: str | None = None) -> TagVerdict:
    """Judge one language field. ``text_language`` is what the page is expected to be in."""
    if isinstance(value, bool):
        meant = raw.strip().strip("'\"")
        guess = "no" if meant.lower() == "no" else None
        return TagVerdict(
            None,
            f"YAML reads unquoted {meant} as the boolean {str(value).lower()}, not a language code; quote it "
            f"(\"{meant}\") or write the code",
            guess or text_language,
        )
    if not isinstance(value, str) or not value.strip():
        return TagVerdict(None, f"{raw or value!r} is not a language code", text_language)
    text = value.strip()
    for alias, target in aliases.items():
        if text == alias or text.lower() == alias.lower():
            return TagVerdict(normalise(target))
    lowered = text.lower()
    if lowered in _WORD_SLIPS:
        code, why = _WORD_SLIPS[lowered]
        return TagVerdict(None, f"\"{text}\" is not a language code: {why}", code if not text_language else text_language)
    if not _TAG.match(text):
        return TagVerdict(None, f"\"{text}\" is not a valid BCP 47 language tag", text_language)
    tag = normalise(text)
    primary = tag.split("-")[0]
    if len(primary) == 2 and primary not in ISO_639_1:
        slip = LIKELY_SLIPS.get(primary)
        if slip:
            return TagVerdict(None, f"\"{text}\" is not a language code ({slip[1]}); did you mean {slip[0]}?", slip[0])
        return TagVerdict(None, f"\"{text}\" is not an ISO 639 language code", text_language)
    if len(primary) == 3 and primary not in KNOWN_639_3:
        return TagVerdict(None, f"\"{text}\" is not a known ISO 639 language code", text_language)
    slip = LIKELY_SLIPS.get(primary)
    if slip and (text_language is None or family(slip[0]) == family(text_language)):
        if family(text_language) != family(primary):
            # the site means the page's language: count it as that, and say so once
            return TagVerdict(slip[0], f"\"{text}\" is a valid tag but {slip[1]}; did you mean {slip[0]}?", slip[0])
    if "-" in text or "_" in text:
        region = re.split(r"[-_]", text)[-1]
        if region.upper() in _REGION_SLIPS:
            fixed = tag
            return TagVerdict(tag, f"\"{text}\": the United Kingdom's region code is GB; did you mean {fixed}?", fixed)
    return TagVerdict(tag)
