"""E-mail addresses and phone numbers, normalised so equal contacts compare equal.

"+46 8 123 45 67", "08-123 45 67" (in Sweden) and "+46812345 67" are one number.
"""

from __future__ import annotations

import re
from typing import Literal

from msgspec import Struct


from transcheck.lazyre import lazy_compile

_EMAIL = lazy_compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_PHONE = lazy_compile(r"(?<![\w+])(?:\+|00)?\d[\d \u00a0\-()/.]{5,18}\d(?![\w])")
# Country calling codes of languages spoken in one country. English, German, French …
# name no country: a national number in such a page stays national ("0…") and is
# compared with an international one by its digits.
COUNTRY_CODES = {"sv": "46", "nb": "47", "nn": "47", "no": "47", "da": "45", "fi": "358", "is": "354"}


ContactKind = Literal["email", "phone"]


class Contact(Struct, frozen=True):
    start: int
    end: int
    text: str
    kind: ContactKind
    value: str  # lower-cased address, or +<country><number>


def find_contacts(text: str, language: str | None = None) -> list[Contact]:
    found: list[Contact] = []
    taken: list[tuple[int, int]] = []
    for match in _EMAIL.finditer(text):
        address = match.group(0).rstrip(".")
        found.append(Contact(match.start(), match.start() + len(address), address, "email", address.lower()))
        taken.append((match.start(), match.end()))
    for match in _PHONE.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value = normalise_phone(match.group(0), language)
        if value:
            found.append(Contact(match.start(), match.end(), match.group(0), "phone", value))
    return sorted(found, key=lambda c: c.start)


def normalise_phone(text: str, language: str | None) -> str | None:
    """'+46 8 123 45 67' → '+4681234567'; a national '08-123 45 67' uses the language's
    country code. Digit runs that look like dates, years or amounts are not phones."""
    # "+46 (0)76 …": the national trunk 0 in brackets is not dialled after a country code
    digits = re.sub(r"\D", "", re.sub(r"^(\s*(?:\+|00)\d{1,3}\s*)\(0\)", r"\1", text))
    if len(digits) < 7 or len(digits) > 15:
        return None
    if re.fullmatch(r"[\d ]+", text.strip()) and re.fullmatch(r"\d{1,3}( \d{3})+", text.strip()):
        return None  # "12 000 000": an amount grouped by spaces
    if text.strip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("0"):
        code = COUNTRY_CODES.get((language or "").split("-")[0])
        return f"+{code}{digits[1:]}" if code else "0" + digits[1:]
    if re.search(r"[-\s()]", text):
        return None  # "2020-2024", "1 000 000": not phone-shaped
    return None
