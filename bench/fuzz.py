"""A longer fuzzing campaign than the test suite runs: the same properties, many more inputs.

Usage: python bench/fuzz.py [EXAMPLES]   (default 5000 per property)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import test_fuzz  # noqa: E402


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    campaign = settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    properties = {
        "parse never raises, lines in the file": (test_fuzz.test_parsing_never_raises_and_lines_stay_in_the_file,
                                                   test_fuzz.st.one_of(test_fuzz.PAGE, test_fuzz.ANY_TEXT)),
        "parse is deterministic": (test_fuzz.test_parsing_is_deterministic, test_fuzz.PAGE),
        "self-check finds nothing": (test_fuzz.test_a_document_checked_against_itself_has_no_structural_or_value_finding,
                                     test_fuzz.PAGE),
    }
    for name, (test, strategy) in properties.items():
        inner = test.hypothesis.inner_test  # the undecorated property
        started = time.perf_counter()
        campaign(given(strategy)(inner))()
        print(f"{name}: {examples} inputs, no failure, {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
