"""`scan --format html` against `scan --format json` on the same site: CPU time and peak memory.

Each run is a fresh process (`python -m transcheck scan SITE -j 1 --no-cache`), the two formats
interleaved, the median of ``--runs`` (at least 5) taken; CPU is user + system time of the
process, memory its peak resident set (both from wait4). Prints the ratios (target: CPU <= 1.1,
memory as json) and the report's size (target < 3 MB on the shared safespring site).

--cache     also: both formats with a warm cache (a json scan fills it; html must then draw
            each pair's view once, and stores it; the runs measured are the later ones)
--browser   also: the report opened in headless Chromium, time to usable (the page's own
            performance.now() when its script has run, and the wall time of `chromium
            --dump-dom` against a blank page's) and whether a pair's view opens from the
            embedded data

Usage: python bench/html_ratio.py [SITE] [--runs N] [--cache] [--browser]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchenv import ENV  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def run(site: Path, fmt: str, out: Path, cache: Path | None) -> tuple[float, float]:
    """(CPU seconds, peak MiB) of one scan in a fresh process."""
    command = [sys.executable, "-m", "transcheck", "scan", str(site), "-j", "1", "--no-progress",
               "--format", fmt, "-o", str(out)]
    command += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"scan --format {fmt} exited with {code}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def compare(site: Path, runs: int, work: Path, cache: Path | None) -> Path:
    label = "warm cache" if cache else "no cache"
    if cache:
        run(site, "json", work / "warm.json", cache)  # fills the cache with findings
        run(site, "html", work / "warm.html", cache)  # adds each pair's view once
    results: dict[str, list[tuple[float, float]]] = {"json": [], "html": []}
    for _ in range(runs):  # interleaved: both formats see the same load of the machine
        for fmt in ("json", "html"):
            results[fmt].append(run(site, fmt, work / f"report.{fmt}", cache))
    cpu = {fmt: statistics.median(r[0] for r in values) for fmt, values in results.items()}
    mem = {fmt: statistics.median(r[1] for r in values) for fmt, values in results.items()}
    report = work / "report.html"
    print(f"{site.name} ({label}, median of {runs}): json {cpu['json']:.2f} s CPU, {mem['json']:.0f} MiB; "
          f"html {cpu['html']:.2f} s CPU, {mem['html']:.0f} MiB")
    print(f"  html / json: CPU {cpu['html'] / cpu['json']:.2f}x (target <= 1.1), "
          f"peak memory {mem['html'] / mem['json']:.2f}x; report {report.stat().st_size / 1e6:.2f} MB (target < 3 MB)")
    return report


def browser(report: Path, work: Path, runs: int) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("  chromium not installed: no browser timing")
        return
    blank = work / "blank.html"
    blank.write_text("<!doctype html><title>blank</title><body></body>")

    def dump(url: str, *extra: str) -> tuple[float, str]:
        profile = Path(tempfile.mkdtemp(dir=work))
        started = time.perf_counter()
        done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *extra, "--dump-dom", url],
                              capture_output=True, text=True, timeout=120)
        return time.perf_counter() - started, done.stdout

    ready, walls, blanks = [], [], []
    for _ in range(runs):
        blanks.append(dump(blank.as_uri())[0])
        wall, dom = dump(report.as_uri())
        walls.append(wall)
        found = re.search(r'data-ready-ms="(\d+)"', dom)
        ready.append(int(found.group(1)) if found else float("nan"))
    print(f"  chromium (median of {runs}): script done {statistics.median(ready):.0f} ms after navigation began; "
          f"--dump-dom {statistics.median(walls):.2f} s wall against {statistics.median(blanks):.2f} s for a blank page "
          f"(target: usable < 2 s)")
    wall, dom = dump(report.as_uri() + "#pair-1", "--virtual-time-budget=5000")
    built = 'data-built="1"' in dom
    print(f"  #pair-1 opened from the embedded data: {'yes' if built else 'NO'} ({wall:.2f} s wall)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default=str(CORPUS / "safespring-web-beta"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", action="store_true")
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    site = Path(args.site)
    if not site.is_dir():
        raise SystemExit(f"{site}: no such folder (the shared corpus is not here?)")
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report = compare(site, runs, work, None)
        if args.browser:
            browser(report, work, runs)
        if args.cache:
            compare(site, runs, work, work / "cache")


if __name__ == "__main__":
    main()
