"""Issue 15's memory row: peak resident memory of `scan -j 1` on generated sites of N pairs.

Usage: python bench/peak_memory.py [N ...] [--sites DIR] [--tree DIR]
  N        pair counts (default 1000 5000 10000); the first is the baseline of "flat"
  --sites  keep the generated sites in DIR/sN and reuse them (default: a temporary folder)
  --tree   measure another checkout too (its package on PYTHONPATH), in the same rounds

Each scan is a fresh process (`python -m transcheck scan SITE -j 1 --no-cache --format json`,
standard output discarded), its peak resident set from `wait4`. Memory does not move with the
machine's load, so one run per size is enough. Target: at most 60 MiB at 10 000 pairs, and
flat from 1 000 pairs on.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import ENV  # noqa: E402
from generate_site import generate  # noqa: E402

HERE = Path(__file__).resolve().parent.parent


def peak_mib(site: Path, tree: Path) -> tuple[float, float]:
    """Peak resident MiB and CPU seconds of one scan of ``site`` with the package in ``tree``."""
    env = dict(ENV, PYTHONPATH=str(tree))
    command = [sys.executable, "-m", "transcheck", "scan", str(site), "-j", "1", "--no-cache", "--format", "json"]
    # run from a folder without a transcheck package, so that PYTHONPATH decides which is imported
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                               cwd=tempfile.gettempdir())
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 10000])
    parser.add_argument("--sites", type=Path, default=None)
    parser.add_argument("--tree", type=Path, default=None)
    args = parser.parse_args()
    folder = args.sites or Path(tempfile.mkdtemp(prefix="transcheck-memory-"))
    trees = [("this tree", HERE)] + ([(str(args.tree), args.tree.resolve())] if args.tree else [])
    first: dict[str, float] = {}
    for size in args.sizes:
        site = folder / f"s{size}"
        if not (site / "content").is_dir():
            generate(size, site)
        for name, tree in trees:
            peak, cpu = peak_mib(site, tree)
            first.setdefault(name, peak)
            print(f"{size:>6} pairs  [{name}]  peak {peak:6.1f} MiB  (+{peak - first[name]:4.1f} from {args.sizes[0]})"
                  f"  cpu {cpu:6.1f} s", flush=True)


if __name__ == "__main__":
    main()
