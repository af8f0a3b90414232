"""Numbers as written in Swedish, Norwegian, Danish and English text, read by value.

A number whose grouping is ambiguous ("50,000" is fifty thousand in English and
fifty in Swedish) keeps *every* reading; two numbers are equal when their
readings overlap, so an ambiguity never turns into a false alarm.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from msgspec import Struct


from transcheck.lazyre import lazy_compile, words_alternation
from transcheck.scripts import WIDE
from transcheck.values.words import lowered_words

# Separators people group thousands with: space, no-break space, narrow no-break
# space, thin space, dot, comma, apostrophe.
_SPACES = " \u00a0\u202f\u2009"
_NUMBER = lazy_compile(
    r"""(?<![.,])(?<!(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef])\w)
                                     # not glued to a word or another number (Chinese,
                                     # Japanese and Korean write numbers right after a word)
    (?P<sign>[-+−])?
    (?P<body>
        \d{1,3}(?:[ \u00a0\u202f\u2009.,’']\d{3})+(?:[.,]\d+)?   # grouped thousands
      | \d+(?:[.,]\d+)?                                          # plain or decimal
      | (?<![\w.])\.\d+(?![\w.])                                   # ".5" (a leading zero left out)
    )
    (?![\d])""",
    re.X,
)
_ORDINAL_SUFFIX = lazy_compile(r"(?:st|nd|rd|th|:a|:e|\.)(?![\w])", re.I)

# Number words that translation turns into each other ("två" = "two" = 2), zero to twelve.
NUMBER_WORDS: dict[str, int] = {}
for _value, _words in enumerate(
    [
        "zero noll null nul", "one en ett ein én", "two två to", "three tre", "four fyra fire",
        "five fem", "six sex seks", "seven sju syv", "eight åtta åtte otte", "nine nio ni",
        "ten tio ti", "eleven elva elleve", "twelve tolv",
    ]
):
    for _word in _words.split():
        NUMBER_WORDS.setdefault(_word, _value)
# round numbers written out ("passerte hundre" = "passed the 100 mark")
for _word, _value in (("twenty", 20), ("tjugo", 20), ("tjue", 20), ("thirty", 30), ("trettio", 30), ("tretti", 30),
                      ("forty", 40), ("fyrtio", 40), ("førti", 40), ("fifty", 50), ("femtio", 50), ("femti", 50),
                      ("sixty", 60), ("sextio", 60), ("seksti", 60), ("seventy", 70), ("sjuttio", 70), ("sytti", 70),
                      ("eighty", 80), ("åttio", 80), ("åtti", 80), ("ninety", 90), ("nittio", 90), ("nitti", 90),
                      ("hundred", 100), ("hundra", 100), ("hundre", 100), ("thousand", 1000), ("tusen", 1000)):
    NUMBER_WORDS.setdefault(_word, _value)
# thirteen to nineteen ("sixteen" = "16")
for _value, _words in enumerate(
    ["thirteen tretton tretten", "fourteen fjorton fjorten", "fifteen femton femten", "sixteen sexton seksten",
     "seventeen sjutton sytten", "eighteen arton atten", "nineteen nitton nitten"],
    start=13,
):
    for _word in _words.split():
        NUMBER_WORDS.setdefault(_word, _value)
_ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ENGLISH_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# "Thirty-two" = 32
_ENGLISH_COMPOUND = lazy_compile(
    r"\b(" + "|".join(_ENGLISH_TENS) + r")[-\u2010 ](" + "|".join(_ENGLISH_ONES) + r")\b", re.I
)
# also ordinary words ("en" is the Swedish article, "to" the English preposition)
AMBIGUOUS_NUMBER_WORDS = frozenset({"en", "ett", "ein", "én", "to", "ni", "null", "sex", "one"})

ORDINAL_WORDS: dict[str, int] = {}
for _value, _words in enumerate(
    [
        "", "first första første", "second andra andre anden", "third tredje",
        "fourth fjärde fjerde", "fifth femte", "sixth sjätte sjette", "seventh sjunde syvende",
        "eighth åttonde åttende ottende", "ninth nionde niende", "tenth tionde tiende",
        "eleventh elfte ellevte", "twelfth tolfte tolvte",
    ]
):
    for _word in _words.split():
        ORDINAL_WORDS[_word] = _value


_COMPOUND = lazy_compile(
    r"(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|to|fire|seks|syv|otte|åtte|ti|tolv)"
    r"(?:dagars|dags|veckors|veckor|ukers|ugers|årig|åriga|årigt|års|års|timmars|timers|minuters|månaders|måneders)"
)


class Number(Struct, frozen=True):
    """A number found in text: where it is, how it was written, every value it can mean."""

    start: int
    end: int
    text: str
    values: frozenset[Decimal]
    word: bool = False  # written as a word ("två", "fifth"): may be idiomatic, never reported alone

    def same(self, other: "Number") -> bool:
        return bool(self.values & other.values)

    @property
    def shown(self) -> str:
        """A short form of the value for messages: the reading if there is only one."""
        if len(self.values) == 1:
            return format_decimal(next(iter(self.values)))
        return " or ".join(format_decimal(v) for v in sorted(self.values))


def format_decimal(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def readings(body: str) -> frozenset[Decimal]:
    """Every value the digits-and-separators ``body`` can mean."""
    compact = body
    for space in _SPACES:
        compact = compact.replace(space, "")
    separators = [c for c in compact if c in ".,’'"]
    if not separators:
        return frozenset({_decimal(compact)})
    last = separators[-1]
    if any(c in body for c in _SPACES) or last in "’'":
        # a space or an apostrophe only ever groups: what is left is a decimal mark
        compact = compact.replace("’", "").replace("'", "")
        return frozenset({_decimal(compact.replace(",", "."))})
    if len(set(separators)) == 2:
        # "1,000.5" or "1.000,5": the last separator is the decimal one
        grouping = ({".", ","} - {last}).pop()
        return frozenset({_decimal(compact.replace(grouping, "").replace(last, "."))})
    if len(separators) > 1:
        return frozenset({_decimal(compact.replace(last, ""))})  # "1,000,000"
    # one dot or comma: a decimal mark, or grouping when exactly three digits follow
    head, tail = compact.split(last, 1)
    results = {_decimal(f"{head}.{tail}")}
    if len(tail) == 3 and head not in ("0", ""):
        results.add(_decimal(head + tail))
    return frozenset(results)


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal(0)


# Characters that end a value: a dash right after one of them joins two values
# ("2020-2024", "45%-90%", "fa-2", "(3)-4") and is no minus sign.
_VALUE_END = frozenset("-–—%‰°)]’'\"”")




_CJK_MULTIPLIER = lazy_compile(r" ?([万萬億亿])")
_SCALE_WORD = lazy_compile(r"\s(thousand|million|miljon|miljard|milliard|billion)(?:s|er|en|a)?\b", re.I)
# "500-600 thousand": the scale word after a range's end scales its start too
_RANGE_THEN_SCALE = lazy_compile(r"\s?[-–]\s?\d[\d.,]*(?=\s(?:thousand|million|miljon|miljard|milliard|billion))", re.I)
_THOUSANDS_K = lazy_compile(r"[kK](?![^\W\d_])")  # "10k pods"



def _scale_factor(word: str) -> Decimal:
    lowered = word.lower()
    if lowered == "thousand":
        return Decimal(1_000)
    return Decimal(1_000_000_000) if lowered in ("billion", "miljard", "milliard") else Decimal(1_000_000)
_ONE_SCALE = lazy_compile(r"\b(?:a|one|en|ett|én)[ \u00a0](million|miljon|billion|miljard|milliard)\b", re.I)
_CJK_FACTORS = {"万": Decimal(10_000), "萬": Decimal(10_000), "億": Decimal(100_000_000), "亿": Decimal(100_000_000)}


def _glued(text: str, start: int) -> bool:
    """Is the dash at ``text[start]`` glued to what stands before it (a range, a hyphen)?
    Chinese, Japanese and Korean set a number right after a word ("昨年から-6%" is minus 6),
    but a unit after a number still makes a range ("10日-11日")."""
    before = text[start - 1]
    if WIDE.match(before):
        return start > 1 and text[start - 2].isdigit()
    return before.isalnum() or before in _VALUE_END


def _range_after_space(text: str, start: int) -> bool:
    """ "45% -90%", "10 -20": one space between a value and the dash, none after it."""
    return start > 1 and text[start - 1] == " " and (text[start - 2].isdigit() or text[start - 2] in "%‰°")


def find_numbers(text: str, scaled: bool = False) -> list[Number]:
    """Numbers written with digits, in order; ordinals ('1st', '1:a') are their number.

    ``scaled``: a number followed by a scale word or "k" also means the product ("40
    million", "10k"); money reads its own multipliers and leaves it off.

    A dash glued to a word, number or unit ("2020-2024", "fa-2", "45%-90%") is not a minus sign.
    """
    found: list[Number] = []
    for match in _NUMBER.finditer(text):
        start = match.start()
        values = readings(match.group("body"))
        sign = match.group("sign")
        if sign:
            glued = start > 0 and (_glued(text, start) or _range_after_space(text, start))
            if glued or sign == "+":
                start = match.start("body")
            else:
                values = frozenset(-v for v in values)
        end = match.end()
        multiplier = _CJK_MULTIPLIER.match(text, end)
        if multiplier:  # "30 万" is 300,000, "1.2 億" is 120,000,000
            factor = _CJK_FACTORS[multiplier.group(1)]
            values = frozenset(v * factor for v in values)
            end = multiplier.end()
        scale = _SCALE_WORD.match(text, end) if scaled else None
        if scaled and scale is None and (ahead := _RANGE_THEN_SCALE.match(text, end)):
            scale = _SCALE_WORD.match(text, ahead.end())
        if scale:  # "40 million" is 40,000,000 too ("40 miljoner", "4 000 万")
            values = values | frozenset(v * _scale_factor(scale.group(1)) for v in values)
        elif scaled and _THOUSANDS_K.match(text, end):  # "10k" is 10,000 too
            values = values | frozenset(v * 1000 for v in values)
        suffix = _ORDINAL_SUFFIX.match(text, end)
        if suffix and suffix.group(0) != ".":
            end = suffix.end()
        decade = _DECADE.match(text, end)
        if decade and len(match.group("body")) == 2:
            # "90-talet", "80-tallet", "70'erne": a decade; "1990s" in English
            short = int(match.group("body"))
            values = values | frozenset({Decimal(1900 + short)} | ({Decimal(2000 + short)} if short < 30 else set()))
        elif decade and len(match.group("body")) == 4 and match.group("body").endswith("00"):
            # "1800-talet" is the 19th century
            values = values | frozenset({Decimal(int(match.group("body")) // 100 + 1)})
        if "." in match.group("body") and _CITATION.search(text, max(0, start - 16), start):
            # "Artikel 52.1" = "Article 52(1)": a citation's article number is what both keep
            values = values | frozenset({Decimal(match.group("body").split(".")[0])})
        if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")" and found and \
                _CITATION_PART.fullmatch(text, found[-1].end, start - 1):
            continue  # the "(1)" of "52(1)" or "6(1)(f)": a paragraph of the article before it
        found.append(Number(start, end, text[start:end], values))
    if "割" in text or "分の" in text:
        found = _japanese_proportions(text, found)
    if "100" in text:
        # "not a 100% way" = "inte ett vattentätt sätt", "100 % förnybar" = "fully renewable":
        # a whole said in words as often as in figures, like a number word
        found = [Number(n.start, n.end, n.text, n.values, True) if n.text == "100" and _PERCENT.match(text, n.end) else n
                 for n in found]
    if _LATIN_THEN_CJK_HINT.search(text):
        # "[Go](…)1.23以上" reads "Go1.23以上": a number between a name and Chinese or Japanese.
        # It may also be part of a name ("i386", "v1.35", "ES2015"), which the other version
        # glues to a Latin word where it is never read: like a number word, it matches a
        # number there but is never reported alone
        taken = {number.start for number in found}
        found += [Number(m.start(), m.end(), m.group(0), readings(m.group(0)), word=True)
                  for m in _AFTER_LATIN_BEFORE_CJK.finditer(text) if m.start() not in taken]
        found.sort(key=lambda number: number.start)
    return found


_PERCENT = lazy_compile(r"[ \u00a0\u202f]?(?:%|procent|prosent|percent|per cent)", re.I)
_TENTHS = lazy_compile(r"[ \u00a0]?割")  # "6 割" = six tenths
_FRACTION_OF = lazy_compile(r"[ \u00a0]?分の[ \u00a0]?")  # "4 分の 1" = one quarter


def _japanese_proportions(text: str, found: list[Number]) -> list[Number]:
    """Japanese proportions said another way in the other version: "6 割" is "6 in 10" and
    "60%" (the tenths' 10 may match a number there, but is never reported alone); the two
    numbers of "4 分の 1" ("a quarter", "1 in 4") are words, which match a number of the
    other version but are never reported alone: "3 分の 2" still matches "two-thirds"."""
    result: list[Number] = []
    for i, number in enumerate(found):
        if (tenths := _TENTHS.match(text, number.end)) is not None:
            result.append(Number(number.start, number.end, number.text,
                                 number.values | frozenset(v * 10 for v in number.values), number.word))
            result.append(Number(tenths.start(), tenths.end(), tenths.group(0), frozenset({Decimal(10)}), word=True))
            continue
        of = _FRACTION_OF.match(text, number.end)
        before = _FRACTION_OF.match(text, found[i - 1].end) if i > 0 else None
        if of is not None and i + 1 < len(found) and found[i + 1].start == of.end():
            # the denominator also means the share in percent ("4 分の 1" = 25%)
            shares = frozenset(top * 100 / bottom for bottom in number.values for top in found[i + 1].values if bottom)
            result.append(Number(number.start, number.end, number.text, number.values | shares, word=True))
            continue
        if before is not None and before.end() == number.start:
            result.append(Number(number.start, number.end, number.text, number.values, word=True))
            continue
        result.append(number)
    return result


_LATIN_THEN_CJK_HINT = lazy_compile(r"[A-Za-z]\d[\d.]*[\u3040-\u30ff\u4e00-\u9fff]")
_AFTER_LATIN_BEFORE_CJK = lazy_compile(r"(?<=[A-Za-z])\d+(?:\.\d+)?(?=[\u3040-\u30ff\u4e00-\u9fff])")


_CITATION = lazy_compile(r"(?:artikel|article|artikkel|art\.|§|section|kapitel|chapter|punkt|paragraf)\s*$", re.I)
_CITATION_PART = lazy_compile(r"(?:\(\d+\)|\([a-z]\))*")  # between "52" and "(1)": earlier parts only


# A two-digit decade in Swedish, Norwegian or Danish ("90-talet", "80-tallet", "70'erne").
_DECADE = lazy_compile(r"[-‑–]?(?:tal(?:l)?(?:ets?|en(?:e|s)?)?|'?erne)\b", re.I)


_WORD_AT = lazy_compile(r"[^\W\d_]+")
_COMPOUND_ANYWHERE = lazy_compile(_COMPOUND.pattern)
_COMPOUND_HEADS = frozenset(head[:2] for head in _COMPOUND.pattern.split(")")[0].strip("(").split("|"))
# a piece of every ending of _COMPOUND ("dagars", "veckor", "årig", …): most text has none of them
_COMPOUND_TAILS = ("dag", "veck", "uker", "uger", "årig", "års", "timmars", "timers", "minuter", "månader", "måneder")
assert all(any(tail in ending for tail in _COMPOUND_TAILS)
           for ending in _COMPOUND.pattern.split("(?:")[1].rstrip(")").split("|"))
_COUNTED_WORDS = frozenset(set(NUMBER_WORDS) - AMBIGUOUS_NUMBER_WORDS) | frozenset(w for w, v in ORDINAL_WORDS.items() if v)


# Decades written as words: "the nineties", "nittiotalet", "nittitallet" = "90-talet" = 1990.
_DECADE_TENS = {
    "twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90,
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90,
    "tjue": 20, "tretti": 30, "førti": 40, "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90,
}
_DECADE_WORD = lazy_compile(
    r"\b(" + words_alternation(_DECADE_TENS) + r")(?:ies\b|-?tal(?:l)?(?:ets?)?\b)", re.I
)


def find_number_words(text: str) -> list[Number]:
    """Number and ordinal words ("fem", "two", "tredje"), decades in words ("the
    nineties"); idiomatic ones are left out."""
    lowered = text.lower()
    decades = [
        Number(m.start(), m.end(), m.group(0), frozenset({Decimal(1900 + _DECADE_TENS[m.group(1).lower()])}), word=True)
        for m in _DECADE_WORD.finditer(text)
    ] if ("ies" in lowered or "tal" in lowered) else []
    ones = [Number(m.start(), m.end(), m.group(0), frozenset({_scale_factor(m.group(1))}), word=True)
            for m in _ONE_SCALE.finditer(text)] if ("illi" in lowered or "ilj" in lowered) else []
    decades = decades + ones
    if _COUNTED_WORDS.isdisjoint(lowered_words(text)) and not (
            any(tail in lowered for tail in _COMPOUND_TAILS) and _COMPOUND_ANYWHERE.search(lowered)):
        return decades  # most text: no number word at all (checked in C)
    found: list[Number] = decades
    for tens in _ENGLISH_COMPOUND.finditer(text) if "-" in text or " " in text else ():
        value = _ENGLISH_TENS[tens.group(1).lower()] + _ENGLISH_ONES[tens.group(2).lower()]
        found.append(Number(tens.start(), tens.end(), tens.group(0), frozenset({Decimal(value)}), word=True))
    taken = list(found)
    for match in _WORD_AT.finditer(text):
        if any(d.start <= match.start() < d.end for d in taken):
            continue
        word = match.group(0).lower()
        if word in NUMBER_WORDS and word not in AMBIGUOUS_NUMBER_WORDS:
            value = NUMBER_WORDS[word]
        elif word[:2] in _COMPOUND_HEADS and (compound := _COMPOUND.match(word)):
            value = NUMBER_WORDS[compound.group(1)]  # "tvådagars", "femårig", "tvåveckorssprintar"
        elif word in ORDINAL_WORDS and ORDINAL_WORDS[word]:
            value = ORDINAL_WORDS[word]
        else:
            continue
        values = frozenset({Decimal(value)})
        scale = _SCALE_WORD.match(text, match.end())
        if scale:  # "three million"
            values = values | frozenset({Decimal(value) * _scale_factor(scale.group(1))})
        found.append(Number(match.start(), match.end(), match.group(0), values, word=True))
    return sorted(found, key=lambda number: number.start)
