"""Scaling: synthetic sites of N pairs — floor, scan -j 1 / -j 2, peak memory, and the
translate-toolkit pipeline (md2po + pofilter) on the same pairs.

Usage: python bench/scale.py N [N ...]
The peer runs when TT_VENV names a virtual environment with translate-toolkit[markdown]
(python3 -m venv /tmp/ttvenv && /tmp/ttvenv/bin/pip install "translate-toolkit[markdown]").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchenv import ENV  # noqa: E402
from generate_site import generate  # noqa: E402
from scan_floor import floor  # noqa: E402

from transcheck.site.config import Config  # noqa: E402
from transcheck.site.layout import iter_markdown  # noqa: E402


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak resident memory in MiB, standard output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd, text=True, env=ENV)
    output = process.stdout.read() if process.stdout else ""
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss // 1024, output


PEER_CHUNK = 500  # pairs per peer process (one long process grows without bound)


def run_peer(venv: str, site: Path, out: Path, count: int) -> tuple[float, int, int]:
    """translate-toolkit over every pair, 500 pairs a process: seconds, flags, peak MiB."""
    driver = Path(__file__).resolve().parent / "peer_translate_toolkit.py"
    started = time.perf_counter()
    flags, peak = 0, 0
    for start in range(0, count, PEER_CHUNK):
        _, mem, output = timed([f"{venv}/bin/python", str(driver), str(site), str(out), str(start), str(PEER_CHUNK)])
        flags += int(output.split()[2])
        peak = max(peak, mem)
    return time.perf_counter() - started, flags, peak


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [100, 1000]
    peer = os.environ.get("TT_VENV")
    print("| pairs | injected | floor | scan -j 1 | scan -j 2 | peak MiB (-j 1) | errors found | md2po + pofilter | peer peak MiB | pofilter flags |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            site = Path(folder) / "site"
            injected = generate(count, site)
            files = list(iter_markdown([site], Config(), []))
            floor_s = floor(files)
            base = [sys.executable, "-m", "transcheck", "scan", str(site), "--no-progress", "--format", "json"]
            t1, mem1, out = timed(base + ["-j", "1"])
            t2, _, _ = timed(base + ["-j", "2"])
            errors = sum(f["severity"] == "error" for f in json.loads(out)["findings"])
            peer_cell, flags, peer_mem = "—", "—", "—"
            if peer:
                peer_s, flags, peer_mem = run_peer(peer, site, Path(folder) / "po", count)
                peer_cell = f"{peer_s:.1f} s ({peer_s / floor_s:.0f}×)"
            print(f"| {count} | {injected} | {floor_s:.2f} s | {t1:.1f} s ({t1 / floor_s:.1f}×) | {t2:.1f} s ({t2 / floor_s:.1f}×) "
                  f"| {mem1} | {errors} | {peer_cell} | {peer_mem} | {flags} |", flush=True)


if __name__ == "__main__":
    main()
