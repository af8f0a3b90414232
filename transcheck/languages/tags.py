"""Language tags as sites write them: is a value a BCP 47 tag, and is it the one meant?"""

from __future__ import annotations

import re
from typing import Any

from msgspec import Struct

from transcheck.lazyre import lazy_compile

# ISO 639-1 codes: a path segment or file-name part is taken for a language only if it is one.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)
# three-letter codes that turn up on Nordic sites (ISO 639-2/3)
KNOWN_639_3 = frozenset(
    "swe eng nor nob nno dan fin isl deu ger fra fre spa ita nld dut por pol rus ukr sme smj sma smn sms fao kal".split()
)
_TAG = lazy_compile(r"^[A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}|[A-Za-z\d]{5,8}))*$")
# a language, or a language and one region or script: how file names and paths write one
_SIMPLE_TAG = lazy_compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?$")
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
# langdetect names Norwegian "no"; Hugo sites say nb, nn or no
_TO_DETECTOR = {"nb": "no", "nn": "no", "no": "no"}
# a language's name, in the languages of the sites checked, → its code
LANGUAGE_NAMES = {
    "svenska": "sv", "swedish": "sv", "english": "en", "engelska": "en", "engelsk": "en",
    "norsk": "nb", "norska": "nb", "norwegian": "nb", "dansk": "da", "danish": "da",
}
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


class TagVerdict(Struct, frozen=True):
    tag: str | None  # the normalised tag it stands for (after aliases), None when unusable
    problem: str | None = None  # what is wrong, for language-code
    suggestion: str | None = None


def canonical_tag(value: str) -> str:
    """A tag spelt as BCP 47 spells it: 'SV_se' → 'sv-SE', 'zh_hans' → 'zh-Hans'. Only the spelling:
    whether it is a language code at all is ``parse_tag``'s and ``verdict``'s question."""
    parts = re.split(r"[-_]", value.strip())
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4:
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def _region_fixed(tag: str) -> str:
    """A canonical tag with a region code people get wrong put right: 'en-UK' → 'en-GB'."""
    primary, *subtags = tag.split("-")
    return "-".join([primary, *(_REGION_SLIPS.get(part, part) if len(part) == 2 else part for part in subtags)])


def parse_tag(text: str) -> str | None:
    """'sv', 'SV', 'sv-SE', 'sv_se' → 'sv' / 'sv-SE' (``canonical_tag``); anything that is no
    language tag, or not a language plus one region or script, → None."""
    match = _SIMPLE_TAG.match(text.strip())
    if not match:
        return None
    if len(match.group(1)) == 2 and match.group(1).lower() not in ISO_639_1:
        return None
    return canonical_tag(text)


def detector_code(tag: str | None) -> str | None:
    """The code the language detector (langdetect) knows a tag's language by: 'sv-SE' → 'sv';
    Norwegian (nb, nn, no) → 'no'."""
    if not tag:
        return None
    primary = tag.split("-")[0].split("_")[0].lower()
    return _TO_DETECTOR.get(primary, primary)


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
            return TagVerdict(_region_fixed(canonical_tag(target)))
    lowered = text.lower()
    if lowered in _WORD_SLIPS:
        code, why = _WORD_SLIPS[lowered]
        return TagVerdict(None, f"\"{text}\" is not a language code: {why}", code if not text_language else text_language)
    if not _TAG.match(text):
        return TagVerdict(None, f"\"{text}\" is not a valid BCP 47 language tag", text_language)
    tag = _region_fixed(canonical_tag(text))
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
