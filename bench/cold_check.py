"""Cold one-pair `check` against Python start-up and imports, in fresh processes.

Usage: python bench/cold_check.py [RUNS] [--against TREE]

--against TREE: also the check with the package of another source tree (e.g. a
`git worktree add /tmp/before COMMIT`) on PYTHONPATH, in the same rounds: a before/after ratio.

Each case runs RUNS times in fresh processes, the cases interleaved round by round (so
a burst of other work on the machine lands on all of them alike); the figure is the
median CPU time (user + sys, from wait4) of the child, the ratio against python start-up
measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
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
    "import transcheck.cli": [sys.executable, "-c", "import transcheck.cli"],
    "langdetect, all 55 profiles": [sys.executable, "-c", "from langdetect import detect; detect('hej och välkommen till oss')"],
    "langdetect, 4 candidate profiles": [sys.executable, "-c", "from transcheck.languages.detect import detect, candidates_for; "
                                         "detect('hej och välkommen till oss på kontoret i dag', candidates_for('sv','en'))"],
    "transcheck check (one pair)": [sys.executable, "-m", "transcheck", "check", *PAIR],
}


def cpu_seconds(command: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> float:
    """User + sys CPU of one fresh process running ``command`` (its children included)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env or ENV)
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here; keep Popen from waiting again
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    args = sys.argv[1:]
    against = None
    if "--against" in args:
        at = args.index("--against")
        against = str(Path(args[at + 1]).resolve())
        del args[at:at + 2]
    runs = int(args[0]) if args else 7
    cases = {name: (command, ENV, ROOT) for name, command in CASES.items()}
    if against:  # run from that tree, so that `-m transcheck` finds its package first
        cases[f"transcheck check, {against}"] = (CASES["transcheck check (one pair)"], dict(ENV, PYTHONPATH=against),
                                                 Path(against))
    for command, env, cwd in cases.values():  # warm-up: bytecode written, files in the page cache
        cpu_seconds(command, env, cwd)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, env, cwd) in cases.items():
            times[name].append(cpu_seconds(command, env, cwd))
    base = statistics.median(times["python start-up"])
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"{name:45} {seconds * 1000:7.1f} ms CPU   {seconds / base:5.2f}× start-up")
    if against:
        check = statistics.median(times["transcheck check (one pair)"])
        print(f"check: this tree / {against} = {check / statistics.median(times[f'transcheck check, {against}']):.2f}")


if __name__ == "__main__":
    main()
