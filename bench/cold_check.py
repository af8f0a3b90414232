"""Cold one-pair `check` against Python start-up and imports, in fresh processes.

Usage: python bench/cold_check.py [RUNS]   (median of RUNS fresh processes each)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchenv import ENV  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "seed"
PAIR = [str(SEED / "posting.sv.md"), str(SEED / "posting.en.md")] if SEED.is_dir() else [
    str(ROOT / "samples" / "clean" / "posting.sv.md"), str(ROOT / "samples" / "clean" / "posting.en.md")]

CASES = {
    "python start-up": [sys.executable, "-c", "pass"],
    "import dependencies (mistune, yaml, click)": [sys.executable, "-c", "import mistune, yaml, click"],
    "import dependencies and langdetect": [sys.executable, "-c", "import mistune, yaml, click, langdetect.detector_factory"],
    "import transcheck": [sys.executable, "-c", "import transcheck.cli"],
    "langdetect, all 55 profiles": [sys.executable, "-c", "from langdetect import detect; detect('hej och välkommen till oss')"],
    "langdetect, 4 candidate profiles": [sys.executable, "-c", "from transcheck.detect import detect, candidates_for; detect('hej och välkommen till oss på kontoret i dag', candidates_for('sv','en'))"],
    "transcheck check (one pair)": [sys.executable, "-m", "transcheck", "check", *PAIR],
}




def median_seconds(command: list[str], runs: int) -> float:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    base = None
    for name, command in CASES.items():
        seconds = median_seconds(command, runs)
        base = base or seconds
        print(f"{name:45} {seconds * 1000:7.1f} ms   {seconds / base:5.2f}× start-up")


if __name__ == "__main__":
    main()
