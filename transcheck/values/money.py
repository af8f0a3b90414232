"""Money amounts and ranges with currency and period, in sv, nb, da and en.

"€50,000 - €80,000 annually", "50 000–80 000 euro per år", "45 000 kr/mån",
"från 40 tkr till 50 tkr i månaden", "between $50k and $60k a year".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from decimal import Decimal

from msgspec import Struct


from transcheck.lazyre import lazy_compile, may_contain
from transcheck.values.numbers import Number, find_numbers, format_decimal

# currency words and symbols → ISO code; "kr" is any Scandinavian krona
_CURRENCIES: list[tuple[str, str]] = [
    (r"€|eur\b|euros?\b|euro\b", "EUR"),
    (r"sek\b|kronor\b|svenska kronor\b", "SEK"),
    (r"nok\b|norske kroner\b", "NOK"),
    (r"dkk\b|danske kroner\b", "DKK"),
    (r"kroner\b|kr\.?(?![a-zåäö])|:-", "KR"),
    (r"us\$|\$|usd\b|dollars?\b", "USD"),
    (r"£|gbp\b|pounds?\b", "GBP"),
    (r"msek\b", "SEK*1000000"),
    (r"tkr\b", "KR*1000"),
    (r"tsek\b|ksek\b", "SEK*1000"),
]
_CURRENCY = lazy_compile("|".join(f"(?:{p})" for p, _ in _CURRENCIES), re.I)
_IN_EVERY_CURRENCY = ("€", "eur", "sek", "kr", "nok", "dkk", ":-", "$", "usd", "dollar", "£", "gbp", "pound")
_COMPILED_CURRENCIES = [(re.compile(p, re.I), code) for p, code in _CURRENCIES]
_PREFIX_CURRENCY = lazy_compile(r"€|\$|us\$|£|eur|sek|nok|dkk|usd|gbp|kr\.?", re.I)
_PREFIX_LAST = frozenset("€$£rkdp.")  # the last character of every prefix currency ("kr.", "sek", "usd", "gbp")
_SALARY = lazy_compile(r"lön|salary|salaries|lønn|løn|wage|\bpay\b|ersättning|godtgjørelse|compensation", re.I)
_MULTIPLIER = lazy_compile(r"\s?(?:(k|K)(?![a-zåäö])|(tusen|thousand|tusind)\b|(mn|mio|miljoner|million|millioner|miljarder|milliarder|miljard|milliard|billion|bn|mdr|mrd|mia)\b)", re.I)
_RANGE = lazy_compile(r"\s*(?:-|–|—|to|till|til|and|och|og|upp till|up to)\s*", re.I)
_PERIODS: list[tuple[str, str]] = [
    (r"per\s+(?:år|year|annum|år)|/\s*år|/\s*year|annually|yearly|a\s+year|each\s+year|i\s+året|om\s+året|årslön|årsløn|årslønn|pr\.?\s*år|p\.a\.", "year"),
    (r"per\s+(?:månad|month|måned)|/\s*mån(?:ad)?|/\s*md|/\s*month|monthly|a\s+month|each\s+month|i\s+månaden|om\s+måneden|i\s+måneden|månadslön|månedsløn|månedslønn|pr\.?\s*(?:md|mnd|måned)", "month"),
    (r"per\s+(?:timme|hour|time)|/\s*h\b|/\s*tim(?:me)?\b|/\s*hour|hourly|an\s+hour|i\s+timmen|timlön|timeløn|timelønn|pr\.?\s*time", "hour"),
]
_PERIOD = lazy_compile("|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_PERIODS)), re.I)
_LOOK_AHEAD = 40
_LOOK_BEHIND = 60


class Money(Struct, frozen=True):
    start: int
    end: int
    text: str
    amounts: tuple[frozenset[Decimal], ...]  # one (an amount) or two (a range) readings
    currency: str | None
    period: str | None
    salary: bool = False  # said to be pay ("lön", "salary") nearby

    def normalised(self) -> str:
        """'EUR 50000–80000 per year': the meaning, for messages."""
        amounts = "–".join(_shown(a) for a in self.amounts)
        parts = [self.currency or "?", amounts]
        if self.period:
            parts.append(f"per {self.period}")
        return " ".join(parts)

    def same(self, other: "Money") -> bool:
        """Equal amounts (some reading in common), compatible currency and period."""
        if len(self.amounts) != len(other.amounts):
            return False
        if not all(a & b for a, b in zip(self.amounts, other.amounts)):
            return False
        return currencies_agree(self.currency, other.currency) and _agree(self.period, other.period)


def _shown(values: frozenset[Decimal]) -> str:
    if len(values) == 1:
        return format_decimal(next(iter(values)))
    return "/".join(format_decimal(v) for v in sorted(values))


def _agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def currencies_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return "KR" in (a, b) and {a, b} <= {"KR", "SEK", "NOK", "DKK"}


def _currency_at(text: str, start: int, end: int, after: bool) -> tuple[str, int, int] | None:
    """A currency right after (or right before) the given span."""
    if after:
        match = _CURRENCY.match(text, _skip_space(text, end))
        if match and match.group(0):
            return _code(match.group(0)), match.start(), match.end()
        return None
    window = text[max(0, start - 12) : start]
    tail = window.rstrip()
    if not tail or tail[-1].lower() not in _PREFIX_LAST:
        return None  # no currency symbol or code can end here (most numbers)
    for match in _CURRENCY.finditer(window):
        if not _PREFIX_CURRENCY.fullmatch(match.group(0)):
            continue  # "kronor", "euro", ":-" follow the amount; before it they belong to another
        if match.end() == len(window.rstrip()) and not window[match.end() :].strip():
            offset = start - len(window)
            at = offset + match.start()
            if match.group(0)[0].isalpha() and at > 0 and text[at - 1].isalpha():
                continue  # the end of a word ("profileur 64-bit"), not the code EUR
            return _code(match.group(0)), at, offset + match.end()
    return None


@lru_cache(maxsize=256)
def _code(symbol: str) -> str:
    lowered = symbol.lower()
    for pattern, code in _COMPILED_CURRENCIES:
        if pattern.fullmatch(lowered):
            return code
    return "KR"


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \u00a0\u202f\u2009":
        index += 1
    return index


def _money_readings(values: frozenset[Decimal]) -> frozenset[Decimal]:
    """An amount of money has at most two decimals: '€50,000' is fifty thousand.

    The only ambiguous numbers are one separator followed by three digits, read
    both as decimal and grouping; for money the grouping (larger) reading wins.
    """
    return frozenset({max(values)}) if len(values) == 2 else values


def _multiplied(number: Number, text: str) -> tuple[frozenset[Decimal], int]:
    match = _MULTIPLIER.match(text, number.end)
    if not match:
        return _money_readings(number.values), number.end
    word = (match.group(3) or "").lower()
    if word in ("miljarder", "milliarder", "miljard", "milliard", "billion", "bn", "mdr", "mrd", "mia"):
        factor = Decimal(1_000_000_000)
    else:
        factor = Decimal(1_000_000) if word else Decimal(1000)
    return frozenset(v * factor for v in _money_readings(number.values)), match.end()


def find_money(text: str) -> list[Money]:
    """Money expressions in ``text``: an amount or range with a currency next to it."""
    if not (may_contain(text, _IN_EVERY_CURRENCY) and _CURRENCY.search(text)):
        return []  # every amount needs a currency: most text has none (checked in C)
    numbers = find_numbers(text)
    periods = _Periods.of(text)
    salary_words = _Spans.of(_SALARY, text)
    found: list[Money] = []
    index = 0
    while index < len(numbers):
        first = numbers[index]
        values, end = _multiplied(first, text)
        amounts = [values]
        currency_before = _currency_at(text, first.start, first.end, after=False)
        currency_after = _currency_at(text, first.start, end, after=True)
        last_end = currency_after[2] if currency_after else end
        consumed = 1
        # a range: "50 000–80 000", "€50k to €60k", "from 40 till 50 tkr"
        if index + 1 < len(numbers):
            gap = _RANGE.fullmatch(text, last_end, numbers[index + 1].start)
            second_currency = _currency_at(text, numbers[index + 1].start, numbers[index + 1].start, after=False)
            if gap is None and second_currency is not None:
                gap = _RANGE.fullmatch(text, last_end, second_currency[1])
            if gap is not None:
                second = numbers[index + 1]
                second_values, second_end = _multiplied(second, text)
                if first.values and second_values:
                    after_second = _currency_at(text, second.start, second_end, after=True)
                    if values == _money_readings(first.values) and second_values != _money_readings(second.values):
                        # "40–50 tkr": the multiplier applies to both ends
                        plain = next(iter(_money_readings(second.values)))
                        factor = next(iter(second_values)) / plain if plain else Decimal(1)
                        amounts[0] = frozenset(v * factor for v in values)
                    amounts.append(second_values)
                    currency_after = currency_after or after_second or second_currency
                    last_end = after_second[2] if after_second else second_end
                    consumed = 2
        currency = (currency_before or currency_after or (None, 0, 0))[0]
        if currency is None:
            index += consumed
            continue
        currency_code, amounts = _apply_currency_scale(currency, amounts)
        start = currency_before[1] if currency_before else first.start
        period, period_end = _period_near(text, start, last_end, periods)
        stop = max(last_end, period_end)
        salary = salary_words.within(max(0, start - 80), min(len(text), stop + 20))
        found.append(Money(start, stop, text[start:stop], tuple(amounts), currency_code, period, salary))
        index += consumed
    return found


def _apply_currency_scale(currency: str, amounts: list[frozenset[Decimal]]) -> tuple[str, list[frozenset[Decimal]]]:
    if "*" not in currency:
        return currency, amounts
    code, factor = currency.split("*")
    return code, [frozenset(v * Decimal(factor) for v in a) for a in amounts]


class _Spans(Struct, frozen=True):
    """Where a pattern matches in a text, found in one pass and looked up by bisection."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, pattern: re.Pattern[str], text: str) -> "_Spans":
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        return cls([a for a, _ in spans], [b for _, b in spans])

    def within(self, start: int, end: int) -> bool:
        """Is there a match inside text[start:end]?"""
        index = bisect_left(self.starts, start)
        return index < len(self.starts) and self.ends[index] <= end


class _Periods(Struct, frozen=True):
    """Every period word of a text, found in one pass: looked up per amount by bisection,
    so a text with thousands of amounts is not searched again around each one."""

    starts: list[int]
    matches: list[tuple[int, int, str]]  # (start, end, period name)

    @classmethod
    def of(cls, text: str) -> "_Periods":
        matches = [(m.start(), m.end(), _period_name(m)) for m in _PERIOD.finditer(text)]
        return cls([m[0] for m in matches], matches)


def _period_near(text: str, start: int, end: int, periods: _Periods | None = None) -> tuple[str | None, int]:
    """A period word right after the amount, or a salary word shortly before it."""
    periods = periods or _Periods.of(text[: min(len(text), end + _LOOK_AHEAD)])
    if not periods.matches:
        return None, end
    index = bisect_left(periods.starts, end)
    if index < len(periods.matches):
        p_start, p_end, name = periods.matches[index]
        if p_end <= end + _LOOK_AHEAD and not re.search(r"[.;\n]\s", text[end:p_start]):
            return name, p_end
    index = bisect_left(periods.starts, start) - 1
    while index >= 0 and periods.matches[index][1] > start:
        index -= 1  # a period word that overlaps the amount is not before it
    if index >= 0:
        p_start, p_end, name = periods.matches[index]
        if p_start >= start - _LOOK_BEHIND and not re.search(r"[.;]\s", text[p_end:start]):
            return name, end
    return None, end


def _period_name(match: re.Match[str]) -> str:
    for index, (_, name) in enumerate(_PERIODS):
        if match.group(f"p{index}"):
            return name
    return "year"
