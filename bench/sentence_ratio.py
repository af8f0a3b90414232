"""Length ratios of aligned text in the shared corpus, for the sentence aligner's model.

For every pair of PAIRS.tsv in the two languages, every aligned paragraph or list item
(transcheck's own alignment) whose two sides are one sentence each gives a sentence pair;
every aligned unit gives a unit pair. Prints, per direction, the characters of B per
character of A (over the sum and as the median of the per-pair ratios) and Gale and
Church's variance per character, after leaving out pairs whose ratio is beyond 1:3 (most
are alignment slips or untranslated boilerplate).

Usage: python bench/sentence_ratio.py LANG_A LANG_B [TEXT]
       python bench/sentence_ratio.py --cost LANG_A LANG_B   (CPU time of the sentence rules)
   (TEXT: only PAIRS.tsv rows containing it,
e.g. 'sv=human, en=human' or 'trafiklab')
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path
from typing import Iterator

from transcheck.align.alignment import aligned_units
from transcheck.rules.sentences import unit_text
from transcheck.checking.engine import compare_paths
from transcheck.document.model import ListItem, Paragraph
from transcheck.align.sentences import split_sentences

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def pairs(lang_a: str, lang_b: str, only: str = "") -> list[tuple[str, str]]:
    """The pairs of the two languages; ``only``: those whose PAIRS.tsv row contains this text."""
    found = []
    with open(CORPUS / "PAIRS.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if {row["lang_a"], row["lang_b"]} == {lang_a, lang_b} and only in "\t".join(row.values()):
                base = CORPUS / row["corpus"]
                a, b = (row["path_a"], row["path_b"]) if row["lang_a"] == lang_a else (row["path_b"], row["path_a"])
                found.append((str(base / a), str(base / b)))
    return found


def aligned_prose(lang_a: str, lang_b: str, only: str = "") -> Iterator[tuple[str, str, str]]:
    """(page, text here, text there) of every aligned paragraph and list item of the corpus
    pairs of two languages: what the sentence benchmarks measure."""
    for path_a, path_b in pairs(lang_a, lang_b, only):
        comparison, _ = compare_paths(path_a, path_b, languages=(lang_a, lang_b))
        if comparison is None:
            continue
        for pair in comparison.block_pairs:
            if pair.a is None or pair.b is None:
                continue
            for unit_a, unit_b in aligned_units(pair.a, pair.b):
                if isinstance(unit_a, (Paragraph, ListItem)) and type(unit_a) is type(unit_b):
                    yield path_a, unit_text(unit_a), unit_text(unit_b)


def sizes(lang_a: str, lang_b: str, only: str = "") -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    one_sentence: list[tuple[int, int]] = []
    units: list[tuple[int, int]] = []
    seen: set[tuple[str, str]] = set()  # boilerplate repeated over pages counts once
    for _, text_a, text_b in aligned_prose(lang_a, lang_b, only):
        key = (" ".join(text_a.split()), " ".join(text_b.split()))
        if key in seen or key[0] == key[1] or len(key[0]) < 20 or len(key[1]) < 20:
            continue
        seen.add(key)
        sa, sb = split_sentences(text_a, lang_a), split_sentences(text_b, lang_b)
        units.append((sum(s.size for s in sa), sum(s.size for s in sb)))
        if len(sa) == 1 and len(sb) == 1:
            one_sentence.append((sa[0].size, sb[0].size))
    return one_sentence, units


def describe(name: str, data: list[tuple[int, int]]) -> None:
    kept = [(a, b) for a, b in data if 1 / 3 <= b / a <= 3]
    ratio = sum(b for _, b in kept) / sum(a for a, _ in kept)
    median = statistics.median(b / a for a, b in kept)
    variance = statistics.fmean((b - a * ratio) ** 2 / ((a + b / ratio) / 2) for a, b in kept)
    quartiles = statistics.quantiles([b / a for a, b in kept], n=4)
    print(
        f"  {name:14} n={len(kept):5} (of {len(data)})  ratio={ratio:.3f}  median={median:.3f}  "
        f"IQR={quartiles[0]:.3f}–{quartiles[2]:.3f}  variance/char={variance:.2f}"
    )


def cost(lang_a: str, lang_b: str) -> None:
    """CPU time of the sentence check against the whole check of every pair (all rules)."""
    from transcheck.checking import engine

    spent = [0.0]
    original = engine.sentence_checks.check_sentences

    def timed(comparison):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            original(comparison)
        finally:
            spent[0] += time.process_time() - start

    checks = tuple(timed if check is original else check for check in engine.CHECKS)
    engine.CHECKS = checks
    engine._CHECK_RULES[timed] = engine._CHECK_RULES[original]
    found = pairs(lang_a, lang_b)
    start = time.process_time()
    for path_a, path_b in found:
        engine.check_paths(path_a, path_b, languages=(lang_a, lang_b))
    total = time.process_time() - start
    print(
        f"{lang_a}/{lang_b}: {len(found)} pairs, {total:.2f} s CPU for every rule, of which the sentence "
        f"rules {spent[0]:.2f} s ({spent[0] / (total - spent[0]):.1%} on top of the others)"
    )


def main() -> None:
    if sys.argv[1] == "--cost":
        cost(*sys.argv[2:4])
        return
    lang_a, lang_b = sys.argv[1:3]
    only = sys.argv[3] if len(sys.argv) > 3 else ""
    one_sentence, units = sizes(lang_a, lang_b, only)
    print(f"{lang_a}→{lang_b} (characters of {lang_b} per character of {lang_a}){' rows with ' + repr(only) if only else ''}")
    describe("one sentence", one_sentence)
    describe("unit", units)


if __name__ == "__main__":
    main()
