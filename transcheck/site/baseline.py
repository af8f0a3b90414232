"""Baselines: today's findings recorded, so that only new ones are reported.

A fingerprint is the rule, the file pair and what the finding is about (section,
values, key) — never line numbers, so unrelated edits above a finding keep it.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from transcheck.lazyre import lazy_compile
from transcheck.findings import Finding

_LINES = lazy_compile(r":\d+\b|\bline \d+|\blines \d+(?:–\d+)?(?: and \d+)?")


def fingerprint(finding: Finding, root: str | None = None) -> str:
    about = finding.key or _LINES.sub("", _named_by_file_name(finding))
    paths = [_portable(finding.path, root)] + sorted(_portable(r.path, root) for r in finding.related)
    text = "\x1f".join([finding.rule, *paths, about])
    # surrogateescape: a file name that is not UTF-8 still has a fingerprint
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _named_by_file_name(finding: Finding) -> str:
    """The message with the pair's paths as bare file names: messages name the other file
    by its path, which depends on where transcheck runs; the fingerprint must not."""
    message = finding.message
    for path in sorted({finding.path, *(r.path for r in finding.related)}, key=len, reverse=True):
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        if path != name:
            message = message.replace(path, name)
    return message


def _portable(path: str, root: str | None) -> str:
    posix = path.replace("\\", "/")
    if root:
        prefix = root.replace("\\", "/").rstrip("/") + "/"
        if posix.startswith(prefix):
            return posix[len(prefix) :]
    return posix


def write_baseline(path: str, findings: list[Finding], root: str | None = None) -> None:
    counts = Counter(fingerprint(f, root) for f in findings)
    data = {"version": 1, "tool": "transcheck", "fingerprints": dict(sorted(counts.items()))}
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


class BaselineError(Exception):
    pass


def read_baseline(path: str) -> Counter[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, ValueError) as error:
        raise BaselineError(f"{path}: not a transcheck baseline: {error}") from None
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("fingerprints"), dict):
        raise BaselineError(f"{path}: not a transcheck baseline (version 1)")
    return Counter({str(k): int(v) for k, v in data["fingerprints"].items()})


def only_new(findings: list[Finding], baseline: Counter[str], root: str | None = None) -> list[Finding]:
    """Findings beyond what the baseline recorded (a fingerprint counts as often as recorded)."""
    left = Counter(baseline)
    new: list[Finding] = []
    for finding in findings:
        key = fingerprint(finding, root)
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(finding)
    return new
