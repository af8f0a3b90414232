"""Run `check` over every pair of ../shared/corpus/PAIRS.tsv and count findings per rule.

Usage: python bench/corpus_report.py [LANG_A LANG_B] [--show RULE] [--limit N]
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections import Counter
from pathlib import Path

from transcheck.checking.engine import check_paths

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("langs", nargs="*", default=["sv", "en"])
    parser.add_argument("--show", default=None, help="print the findings of this rule")
    parser.add_argument("--sample", type=int, default=0, help="print N random findings (seeded)")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    want = set(args.langs)
    pairs = []
    with open(CORPUS / "PAIRS.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if {row["lang_a"], row["lang_b"]} == want:
                base = CORPUS / row["corpus"]
                a, b = (row["path_a"], row["path_b"]) if row["lang_a"] == args.langs[0] else (row["path_b"], row["path_a"])
                pairs.append((str(base / a), str(base / b)))
    counts: Counter[str] = Counter()
    shown = 0
    everything = []
    start = time.perf_counter()
    for a, b in pairs:
        result = check_paths(a, b)
        for finding in result.findings:
            counts[finding.rule] += 1
            everything.append(finding)
            if args.show and finding.rule == args.show and shown < args.limit:
                shown += 1
                print(f"{finding.path.split('corpus/')[-1]}:{finding.line}: {finding.message}")
    elapsed = time.perf_counter() - start
    print(f"{len(pairs)} pairs in {elapsed:.2f}s; {len(everything)} findings")
    for rule, count in counts.most_common():
        print(f"  {rule:26} {count}")
    if args.sample:
        rng = random.Random(20261129)
        for finding in rng.sample(everything, min(args.sample, len(everything))):
            print(f"{finding.path.split('corpus/')[-1]}:{finding.line}: {finding.rule}: {finding.message}")


if __name__ == "__main__":
    main()
