"""Dates in sv, nb, da and en text (month names of es, pt, fr, de, it, ro, pl and uk too): ISO, "16 februari 2026", "February 16, 2026",
"16 Feb 2026", "16. februar 2026", "30e juni 2025", "1:a maj", "16/2 2026", "16.2.2026",
with or without a year; and "2026年3月19日" as Chinese, Japanese and Korean write them."""

from __future__ import annotations

import re

from msgspec import Struct


from transcheck.lazyre import folds_to_ascii, lazy_compile, may_contain
from transcheck.values.words import lowered_words

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january januari januar jan enero janeiro janvier gennaio ianuarie stycznia січня",
        "february februari februar febr feb febrero fevereiro février febbraio februarie lutego лютого",
        "march mars marts mar marzo março märz martie marca березня",
        "april apr abril avril aprile aprilie kwietnia квітня",
        "may maj mai mayo maio maggio maja травня",
        "june juni jun junio junho juin giugno iunie czerwca червня",
        "july juli jul julio julho juillet luglio iulie lipca липня",
        "august augusti aug agosto août sierpnia серпня",
        "september sept sep septiembre setiembre setembro septembre settembre septembrie września вересня",
        "october oktober okt oct octubre outubro octobre ottobre octombrie października жовтня",
        "november nov noviembre novembro novembre noiembrie listopada листопада",
        "december desember dec des diciembre dezembro décembre dezember dicembre decembrie grudnia грудня",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# days written as ordinal words: "andra februari", "den andre februar", "the second of May"
_DAY_WORDS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "first första förste første", "second andra andre", "third tredje", "fourth fjärde fjerde",
        "fifth femte", "sixth sjätte sjette", "seventh sjunde sjuende syvende", "eighth åttonde åttende ottende",
        "ninth nionde niende", "tenth tionde tiende", "eleventh elfte ellevte", "twelfth tolfte",
    ],
    start=1,
):
    for _name in _names.split():
        _DAY_WORDS[_name] = _number
_DAY_WORD = r"(?P<dayword>" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")"
# with a day in words only full month names: "the second may be" is no date
_FULL_MONTH = r"(?P<month>" + "|".join(sorted((m for m in _MONTHS if len(m) > 3 or m in ("maj", "mai")), key=len, reverse=True)) + r")"
# ordinal days: "1st", "16:e", "30e", "1:a", "2a" (sv, nb), "16." (nb, da)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|:?e|:?a|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TO = r"(?:\s?[-–]\s?|\s+(?:to|till|til|until|through|bis|au)\s+)"  # the dash or word of a range of days
_PATTERNS = [
    # ISO first: 2026-02-16 (a time may follow)
    lazy_compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    # a range of days with the year after its end: 23–26 March 2026 is from 23 March 2026
    lazy_compile(rf"(?<![\w]){_DAY}{_TO}[0-3]?\d\.?\s+{_MONTH},?\s+{_YEAR}(?![\w])", re.I),
    # March 23 - 26, 2026; June 14 to 17, 2025
    lazy_compile(rf"(?<![\w]){_MONTH}\s+{_DAY}{_TO}[0-3]?\d(?:st|nd|rd|th)?,?\s+{_YEAR}(?![\w])", re.I),
    # 16 februari 2026, 16. februar 2026, 16 Feb 2026, 16 februari, 29 de mayo de 2025
    lazy_compile(rf"(?<![\w]){_DAY}\s+(?:of\s+|de\s+)?{_MONTH}(?:,?\s+(?:de\s+)?{_YEAR})?(?![\w])", re.I),
    # February 16, 2026 / Feb 16 2026 / February 16
    lazy_compile(rf"(?<![\w]){_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\w])", re.I),
    # 16/2 2026, 16/2-2026, 16/2/2026 (day first, the Nordic way; without a year "24/7" is no date)
    lazy_compile(r"(?<![\w/.])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)(?:\s+|-|/)(?P<year>(?:19|20)\d\d)(?![\w/])"),
    # 16.2.2026 (nb, da)
    lazy_compile(r"(?<![\w.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\w])"),
    # den sista november, siste dag i november, the last day of November: the month's last day
    # ("last March" is the March before: only "the last day of")
    lazy_compile(rf"(?<![\w])(?P<last>sista|siste|sidste|last(?=\s+day))\s+(?:dag(?:en)?\s+(?:i|av)\s+|day\s+of\s+)?{_FULL_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.I),
    # andra februari 2016, den andre februar, the second of May
    lazy_compile(rf"(?<![\w]){_DAY_WORD}\s+(?:of\s+)?{_FULL_MONTH}(?:,?\s+{_YEAR})?(?![\w])", re.I),
    # 2026年3月19日 (ja, zh), 2026년 3월 19일 (ko), with or without the year
    lazy_compile(r"(?<!\d)(?:(?P<year>(?:19|20)\d\d)\s?[年년]\s?)?(?P<month>[01]?\d)\s?[月월]\s?(?P<day>[0-3]?\d)\s?[日号일]"),
]


_NUMERIC_PATTERNS = [p for p in _PATTERNS if "?P<month>[" in p.pattern]  # the month in digits
_MONTH_NAMES = frozenset(_MONTHS)
# what each pattern with the month in digits cannot match without (ISO, 16/2 2026, 16.2.2026,
# 3月19日): most text with digits has no date, and a literal is looked for in C; of the
# patterns with a month name, the two ranges need a year ("19" or "20" then two digits)
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = dict(zip(_NUMERIC_PATTERNS, [("-",), ("/",), (".",), ("月", "월")]))
assert [p.pattern[:14] for p in _NEEDS] == [r"(?<![\d-])(?P<", r"(?<![\w/.])(?P", r"(?<![\w.])(?P<", r"(?<!\d)(?:(?P<"]
_NEEDS.update({_PATTERNS[1]: ("19", "20"), _PATTERNS[2]: ("19", "20")})
assert all(_YEAR in _PATTERNS[i].pattern and _TO in _PATTERNS[i].pattern for i in (1, 2))
# the last day of a month ("den sista november") needs one of these (in any case); a day in
# words ("andra februari") one of the day words as a whole word
_LAST_DAY_PATTERN, _DAY_WORD_PATTERN = _PATTERNS[7], _PATTERNS[8]
_LAST_WORDS = ("sist", "sidst", "last")
assert "(?P<last>" in _LAST_DAY_PATTERN.pattern and _DAY_WORD in _DAY_WORD_PATTERN.pattern
_DAY_WORD_SET = frozenset(_DAY_WORDS)


class DateValue(Struct, frozen=True):
    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int

    def normalised(self) -> str:
        year = f"{self.year:04d}" if self.year else "????"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def same_day(self, other: "DateValue") -> bool:
        return (self.month, self.day) == (other.month, other.day)

    def same(self, other: "DateValue") -> bool:
        return self.same_day(other) and self.year == other.year


def _may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match ``text`` (tests in C before its search)."""
    needs = _NEEDS.get(pattern)
    if needs is not None and not any(literal in text for literal in needs):
        return False
    if pattern is _LAST_DAY_PATTERN:
        return may_contain(text, _LAST_WORDS)
    if pattern is _DAY_WORD_PATTERN:
        # (a character that re.I takes for an ASCII letter is lowered to none by str.lower)
        return not _DAY_WORD_SET.isdisjoint(lowered_words(text)) or folds_to_ascii(text)
    return True


def find_dates(text: str) -> list[DateValue]:
    """Dates in ``text`` in order; a span is read by the first pattern that fits it."""
    found: list[DateValue] = []
    taken = bytearray(len(text))  # characters already read as part of a date
    patterns = _PATTERNS
    if _MONTH_NAMES.isdisjoint(lowered_words(text)):
        patterns = _NUMERIC_PATTERNS  # no month name: the patterns that need one cannot match
    for pattern in patterns:
        if not _may_match(pattern, text):
            continue
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            month_text = match.group("month").lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text, 0)
            groups = match.groupdict()
            if groups.get("dayword") and match.group("month") == "march":
                continue  # "the first march of the army": English writes the month with a capital
            if groups.get("last"):
                day = _LAST_DAY[month] if 1 <= month <= 12 else 0
            else:
                day = _DAY_WORDS[groups["dayword"].lower()] if groups.get("dayword") else int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            found.append(DateValue(match.start(), match.end(), match.group(0), year, month, day))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return sorted(found, key=lambda d: d.start)


_DAY_WORD_HINT = lazy_compile(_DAY_WORD + r"|\b(?:sista|siste|sidste|last)\b", re.I)
_LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
_FULL_MONTH_WORDS = frozenset(m for m in _MONTHS if len(m) > 3 or m in ("maj", "mai"))


def find_word_dates(text: str) -> list[DateValue]:
    """Dates whose day is a word, in a text without digits. Two quick tests first, cheapest
    first: such a date needs a full month name as a word, and an ordinal word; most text has
    neither (the ordinal-word search alone cost a second of a site scan)."""
    if _FULL_MONTH_WORDS.isdisjoint(lowered_words(text)):
        return []
    if not _DAY_WORD_HINT.search(text):
        return []
    return find_dates(text)


# "9/11", "11/9": a day and a month without a year, in either order. Never read as a date of
# its own (a fraction, a score and "24/7" are written alike), only to recognise a date the
# other version writes out ("11. september" against "post-9/11").
_SLASH_DAY = lazy_compile(r"(?<![\d/.,])([0-3]?\d)/([01]?\d)(?![\d/]|[.,]\d)")


def slash_days(text: str) -> set[tuple[int, int]]:
    """Every (month, day) that a bare "D/M" or "M/D" in ``text`` may mean."""
    if "/" not in text:
        return set()
    found: set[tuple[int, int]] = set()
    for match in _SLASH_DAY.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        for month, day in ((first, second), (second, first)):
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.add((month, day))
    return found
