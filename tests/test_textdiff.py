"""transcheck.textdiff: CyDifflib's SequenceMatcher gives difflib's results, to the last block."""

from __future__ import annotations

import difflib
import random

import pytest

from transcheck import textdiff


def _texts(seed: int) -> list[tuple[object, object]]:
    rng = random.Random(seed)
    words = ["kubectl", "get", "pods", "-n", "team", "apply", "-f", "config.yaml", "echo", "=", "my-service", "", "a"]
    pairs: list[tuple[object, object]] = []
    for _ in range(200):
        a = [rng.choice(words) for _ in range(rng.randint(0, 80))]
        b = [rng.choice(words) for _ in range(rng.randint(0, 80))]
        pairs.append((" ".join(a), " ".join(b)))  # strings, compared by character
        pairs.append((a, b))  # lists of strings, compared by element
        pairs.append((tuple((w, len(w)) for w in a), tuple((w, len(w)) for w in b)))  # tuples, as alignment keys are
    return pairs


@pytest.mark.parametrize("autojunk", [True, False])
def test_ratios_blocks_and_opcodes_are_difflibs(autojunk):
    for a, b in _texts(15):
        ours = textdiff.SequenceMatcher(None, a, b, autojunk=autojunk)
        theirs = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
        assert ours.ratio() == theirs.ratio()
        assert ours.quick_ratio() == theirs.quick_ratio() and ours.real_quick_ratio() == theirs.real_quick_ratio()
        assert [tuple(m) for m in ours.get_matching_blocks()] == [tuple(m) for m in theirs.get_matching_blocks()]
        assert ours.get_opcodes() == theirs.get_opcodes()
        assert tuple(ours.find_longest_match(0, len(a), 0, len(b))) == tuple(theirs.find_longest_match(0, len(a), 0, len(b)))
