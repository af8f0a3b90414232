"""Scan time against the parse floor, measured in one run on the same files.

floor  = read each Markdown file + parse its front matter (PyYAML with libyaml/tomllib) + mistune parse
parse  = transcheck's own model (shortcodes, lines, sections) for the same files
scan   = `transcheck scan` (pair finding, alignment, every rule) with -j 1 and -j 2

cache  = the same scan twice with the scan cache: the second run only reads and hashes files

Usage: python bench/scan_floor.py [SITE ...]   (default: the real sites in ../shared/corpus)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import mistune
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchenv import ENV  # noqa: E402
from transcheck.config import Config  # noqa: E402
from transcheck.frontmatter import split_front_matter
from transcheck.parse import parse_file
from transcheck.site import iter_markdown

# The floor reads YAML as fast as PyYAML can (libyaml, as transcheck and python-frontmatter
# do when it is there): a slower floor would flatter the ratio.
FAST_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def floor(files: list[Path]) -> float:
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "url", "strikethrough"])
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        split = split_front_matter(text, str(path))
        if split.format == "yaml":
            yaml.load(split.text, Loader=FAST_YAML)
        elif split.format == "toml":
            tomllib.loads(split.text)
        markdown("\n".join(text.split("\n")[split.body_line - 1 :]))
    return time.perf_counter() - start


def best(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    return min(function() for _ in range(repeat))


def scan_seconds(site: Path, jobs: int, cache: str | None = None) -> tuple[float, float, int]:
    """`transcheck scan` in a fresh process (warm caches would flatter a second run in
    this one): (seconds it reports for the scan, wall seconds with start-up, pairs).
    Without ``cache`` the scan cache is off: every pair is checked."""
    command = [sys.executable, "-m", "transcheck", "scan", str(site), "-j", str(jobs), "--no-progress", "--color", "never"]
    command += ["--cache-dir", cache] if cache else ["--no-cache"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=ENV)
    wall = time.perf_counter() - started
    match = re.search(r"(\d+) pairs? checked in ([\d.]+)s", done.stdout)
    if not match:
        raise SystemExit(f"unexpected scan output: {done.stdout[-300:]} {done.stderr[-300:]}")
    return float(match.group(2)), wall, int(match.group(1))


def main() -> None:
    sites = [Path(p) for p in sys.argv[1:]] or [
        CORPUS / "safespring-web-beta", CORPUS / "trafiklab.se", CORPUS / "opentelemetry.io"
    ]
    for site in sites:
        files = list(iter_markdown([site], Config(), []))
        floor_s = best(lambda: floor(files))

        def parse_all() -> float:
            start = time.perf_counter()
            for path in files:
                parse_file(path)
            return time.perf_counter() - start

        parse_s = best(parse_all)
        print(f"{site.name}: {len(files)} files")
        print(f"  floor (read + front matter + mistune)  {floor_s:6.2f} s")
        print(f"  transcheck parse (model)               {parse_s:6.2f} s   {parse_s / floor_s:4.1f}× floor")
        for jobs in (1, 2):
            runs = [scan_seconds(site, jobs) for _ in range(2)]
            seconds, wall, pairs = min(runs)
            print(f"  scan -j {jobs}  {seconds:6.2f} s   {seconds / floor_s:4.1f}× floor   {pairs / seconds:6.0f} pairs/s"
                  f"   ({wall:.2f} s with start-up, {pairs} pairs)")
        with tempfile.TemporaryDirectory() as cache:
            cold = scan_seconds(site, 1, cache)
            warm = min(scan_seconds(site, 1, cache) for _ in range(3))
        print(f"  scan -j 1 with the cache: cold {cold[0]:6.2f} s, warm {warm[0]:6.2f} s   "
              f"warm/cold {warm[0] / cold[0]:4.2f}   ({warm[1]:.2f} s warm with start-up)")


if __name__ == "__main__":
    main()
