"""Draw the seeded precision sample that issue 13 is judged on.

Usage: python bench/precision_sample.py SEVERITY N SEED SCAN.json [SCAN.json ...] > sample.json

Each SCAN.json is the output of ``transcheck scan --format json``. Findings of SEVERITY are
shuffled with SEED and taken in that order, at most four per pair of files (so one noisy page
cannot fill the sample), until N are drawn. The sample is printed as JSON: one object per
finding with the scan it came from, ready for a reviewer to label true / misplaced / false
after reading both files.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

PER_PAIR = 4


def _pair_key(finding: dict) -> tuple[str, str]:
    other = finding["related"][0]["path"] if finding.get("related") else ""
    return tuple(sorted((finding["path"], other)))  # type: ignore[return-value]


def draw(findings: list[dict], severity: str, count: int, seed: int) -> list[dict]:
    """The sample: seeded order, at most PER_PAIR findings of one pair."""
    pool = sorted(
        (f for f in findings if f["severity"] == severity),
        key=lambda f: (f["path"], f["line"], f["rule"], f["message"]),
    )
    random.Random(seed).shuffle(pool)
    taken: list[dict] = []
    per_pair: Counter[tuple[str, str]] = Counter()
    for finding in pool:
        key = _pair_key(finding)
        if per_pair[key] >= PER_PAIR:
            continue
        per_pair[key] += 1
        taken.append(finding)
        if len(taken) == count:
            break
    return taken


def main(argv: list[str]) -> None:
    severity, count, seed, *scans = argv
    findings: list[dict] = []
    for scan in scans:
        data = json.loads(Path(scan).read_text(encoding="utf-8"))
        for finding in data["findings"] if isinstance(data, dict) else data:
            findings.append({**finding, "scan": Path(scan).name})
    sample = draw(findings, severity, int(count), int(seed))
    json.dump([{"index": i, **f} for i, f in enumerate(sample)], sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
