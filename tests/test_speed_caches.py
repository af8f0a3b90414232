"""What is remembered for speed (issue 15) gives the same answers as computing afresh."""

from __future__ import annotations

from transcheck.align.sentences import split_sentences


def test_remembered_sentences_are_a_fresh_list_each_time() -> None:
    text = "Vi driver Ceph. Vi har 40 kunder! Är det bra?"
    first = split_sentences(text, "sv")
    first.pop()
    again = split_sentences(text, "sv")
    assert [s.text for s in again] == ["Vi driver Ceph.", "Vi har 40 kunder!", "Är det bra?"]
    assert again is not first


def _tokens_word_by_word(text: str, heading: bool) -> tuple[frozenset[str], frozenset[str]]:
    """neutral._tokens as it was written before plain words were skipped in the regex."""
    from transcheck.align.neutral import _GROUPING, _HAS_DIGIT, _ROMAN, _SENTENCE_START, _WORD
    from transcheck.values.numbers import AMBIGUOUS_NUMBER_WORDS, NUMBER_WORDS

    strong: set[str] = set()
    weak: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        first = word[0]
        if first.isdigit():
            strong.add("#" + _GROUPING.sub("", word))
            continue
        if first.islower():
            if word in NUMBER_WORDS and word not in AMBIGUOUS_NUMBER_WORDS:
                strong.add(f"#{NUMBER_WORDS[word]}")
            elif word.isalpha() and word.islower():
                pass
            elif len(word) > 1 and (word[1:] != word[1:].lower() or _HAS_DIGIT.search(word)):
                strong.add(word.rstrip("'’"))
            continue
        word = word.rstrip("'’")
        lowered = word.lower()
        if lowered in NUMBER_WORDS and lowered not in AMBIGUOUS_NUMBER_WORDS:
            strong.add(f"#{NUMBER_WORDS[lowered]}")
            continue
        if len(word) < 2:
            continue
        tail = word[1:]
        if _ROMAN.fullmatch(word):
            weak.add(word)  # "Part III" / "Del III": a number of the outline, not a name
            continue
        if tail != tail.lower() or _HAS_DIGIT.search(word):
            if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
                word = word[:-1]
            strong.add(word)
        else:
            before = text[max(0, match.start() - 8) : match.start()]
            starts = heading or _SENTENCE_START.search(before)
            (weak if starts else strong).add(word)
    return frozenset(strong), frozenset(weak)


_PIECES = [
    "vi", "driver", "Ceph", "och", "Kubernetes", "iPhone", "vCPU", "två", "tre", "Tre", "tenant", "three", "en",
    "APIs", "don't", "don’t", "ab_cd", "_x", "3abc", "45 000", "1.5", "2019", "ÅÄÖ", "å", "Øl", "ÿes", "x²", "½",
    "東京", "Ωmega", "ß", "straße", " ", " ", "  ", ". ", "! ", "\n", "- ", "(", "**", "#", "'", "’", ",", ":", "\u00a0",
]


def test_tokens_skipping_plain_words_in_the_regex_equal_the_word_by_word_reading() -> None:
    import random

    from transcheck.align.neutral import _tokens

    rng = random.Random(15)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        for heading in (False, True):
            assert _tokens.__wrapped__(text, heading) == _tokens_word_by_word(text, heading), text


def test_tokens_of_a_long_plain_tail_stay_linear() -> None:
    """Every match attempt succeeds where it starts: a long run of plain words after the
    last token is read once, not once per position (a generous bound, not a timing)."""
    from transcheck.align.neutral import _tokens

    text = "Ceph " + "ord " * 200_000
    assert _tokens.__wrapped__(text, False) == (frozenset(), frozenset({"Ceph"})) == _tokens_word_by_word(text, False)


def test_tokens_with_number_words_and_their_prefixes_equal_the_word_by_word_reading() -> None:
    """The number words are skipped through a trie of them (lazyre.words_alternation); Roman
    numerals are looked for only in words that start with I, V or X."""
    import random

    from transcheck.align.neutral import _tokens

    pieces = _PIECES + ["fem", "femte", "femtio", "femtiotal", "hundra", "hundred", "hundreds", "elva", "eleven",
                        "tio", "tiotal", "fire", "firewall", "ni", "nio", "nittio", "åtta", "åttio", "seks", "sextio",
                        "III", "XIV", "IX", "Vi", "VI", "Xa", "I"]
    rng = random.Random(16)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _tokens.__wrapped__(text, False) == _tokens_word_by_word(text, False), text


def test_a_trie_of_words_matches_what_the_alternation_longest_first_matches() -> None:
    import random
    import re

    from transcheck.lazyre import words_alternation

    rng = random.Random(17)
    for _ in range(300):
        words = {"".join(rng.choice("abcå") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        flat = re.compile("(?:%s)" % "|".join(sorted(words, key=len, reverse=True)))
        trie = re.compile(words_alternation(words))
        for _ in range(20):
            text = "".join(rng.choice("abcåd") for _ in range(rng.randint(0, 8)))
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], (words, text)
            assert bool(trie.fullmatch(text)) == bool(flat.fullmatch(text))


def test_may_contain_is_false_only_when_a_case_insensitive_search_finds_none() -> None:
    import random
    import re

    from transcheck.lazyre import may_contain
    from transcheck.values.money import _CURRENCY, _IN_EVERY_CURRENCY

    literals = ("kr", "eur", "sek", "swedish", "€", "på")
    either = re.compile("|".join(map(re.escape, literals)), re.I)
    rng = random.Random(18)
    alphabet = "krKReuEUsSwWdDiIhHpPåÅ€ .\u0130\u0131\u017f\u212a\u212b"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        if either.search(text):
            assert may_contain(text, literals), text
        if _CURRENCY.search(text):
            assert may_contain(text, _IN_EVERY_CURRENCY), text


def test_a_title_keeps_what_the_footnote_pattern_keeps() -> None:
    import random

    from transcheck.rules.values import _TITLE_FOOTNOTE, _without_footnote_mark

    rng = random.Random(19)
    pieces = ["a", "Ö", "(1)", "(12)", "^3", "[^x]", " ", "\n", "\u2003", ")", "]", "1", "\u0663", "²"]
    for _ in range(20000):
        title = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert _without_footnote_mark(title) == _TITLE_FOOTNOTE.sub("", title), title


def test_masking_blanks_spans_as_one_character_at_a_time_did() -> None:
    import random

    from transcheck.rules.values import _masked

    def one_at_a_time(text: str, spans: list[tuple[int, int]]) -> str:
        chars = list(text)
        for start, end in spans:
            for index in range(start, min(end, len(chars))):
                if chars[index] != "\n":
                    chars[index] = " "
        return "".join(chars)

    rng = random.Random(20)
    for _ in range(20000):
        text = "".join(rng.choice("ab\n c") for _ in range(rng.randint(0, 12)))
        spans = [(rng.randint(0, 14), rng.randint(0, 16)) for _ in range(rng.randint(0, 3))]
        assert _masked(text, spans) == one_at_a_time(text, spans), (text, spans)


def test_a_word_of_letters_has_no_digit_for_the_pattern() -> None:
    """neutral._tokens asks the digit pattern only of words that are not all letters."""
    import sys

    from transcheck.align.neutral import _HAS_DIGIT

    letters = "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isalpha())
    assert _HAS_DIGIT.search(letters) is None


def test_a_capital_after_a_letter_or_digit_and_a_space_never_starts_a_sentence() -> None:
    """neutral._starts_sentence answers that case without the sentence-start pattern."""
    import random
    import sys

    from transcheck.align.neutral import _SENTENCE_START, _starts_sentence

    for before in ("", "x", ". ", "\n", "—", "** "):
        for ch in map(chr, range(sys.maxunicode + 1)):
            if ch.isalnum():
                assert _SENTENCE_START.search((before + ch + " ")[-8:]) is None, (before, ch)
    rng = random.Random(19)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6))) + "Word"
        start = len(text) - 4
        expected = _SENTENCE_START.search(text[max(0, start - 8) : start]) is not None
        assert _starts_sentence(text, start) == expected, text


def test_number_words_are_read_where_a_number_in_digits_may_be_their_counterpart() -> None:
    """check_values reads a section pair's number words only when either side has a number
    in digits (a number word alone is never reported); the findings are those of reading
    them always."""
    from transcheck.checking.engine import check_texts
    from transcheck.rules.values import _number_words, _unit_reading, unit_values

    def numbers(sv: str) -> list[str]:
        found = check_texts(f"## Om oss\n\n{sv}\n", "## About us\n\nWe have 13 offices in Sweden.\n", "a.sv.md", "a.en.md")
        return [f.message for f in found if f.rule == "number-mismatch"]

    assert numbers("Vi har tretton kontor i Sverige.") == []  # the word is the digits' counterpart
    assert numbers("Vi har fjorton kontor i Sverige.") != []
    for text in ("Vi har tretton kontor.", "Vi har 13 kontor och fjorton bilar.", "andra februari, fem dagar"):
        read, rest = _unit_reading(text, (), "sv")
        assert unit_values(text, (), "sv") == read + _number_words(rest)


def test_a_date_pattern_is_skipped_only_where_it_cannot_match() -> None:
    """dates._may_match (literals, the day words, "sista"/"last") never says no where the
    pattern finds a date; months named or not."""
    import random

    from transcheck.values.dates import _PATTERNS, _may_match

    pieces = ["andra", "Andra", "ANDRA", "första", "second", "ſecond", "ſiſta", "\u0130", "\u212a", "sista", "Siste", "sidste",
              "last", "LAST", "day", "dag", "i", "of", "de", "the", "november", "March", "feb", "maj", "16", "2026", "1999",
              "2a", "1:a", "16.", "3", "–", "-", " to ", "/", ".", "月", "19日", "2026年", " ", " ", ", ", "x", "_", "9"]
    rng = random.Random(20)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for pattern in _PATTERNS:
            if pattern.search(text):
                assert _may_match(pattern, text), (pattern.pattern[:40], text)
