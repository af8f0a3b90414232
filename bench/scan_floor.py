"""Scan time against the parse floor, measured in one run on the same files.

floor  = read each Markdown file + parse its front matter (PyYAML/tomllib) + mistune parse
parse  = transcheck's own model (shortcodes, lines, sections) for the same files
scan   = `transcheck scan` (pair finding, alignment, every rule) with -j 1 and -j 2

Usage: python bench/scan_floor.py [SITE ...]   (default: the two real sites in ../shared/corpus)
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

import mistune
import yaml

from transcheck.config import Config
from transcheck.frontmatter import split_front_matter
from transcheck.parse import parse_file
from transcheck.scan import options_from, scan
from transcheck.site import iter_markdown

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def floor(files: list[Path]) -> float:
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "url", "strikethrough"])
    start = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        split = split_front_matter(text, str(path))
        if split.format == "yaml":
            yaml.safe_load(split.text)
        elif split.format == "toml":
            tomllib.loads(split.text)
        markdown("\n".join(text.split("\n")[split.body_line - 1 :]))
    return time.perf_counter() - start


def best(function, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    return min(function() for _ in range(repeat))


def main() -> None:
    sites = [Path(p) for p in sys.argv[1:]] or [CORPUS / "safespring-web-beta", CORPUS / "trafiklab.se"]
    for site in sites:
        files = list(iter_markdown([site], Config(), []))
        options = options_from(Config())
        floor_s = best(lambda: floor(files))

        def parse_all() -> float:
            start = time.perf_counter()
            for path in files:
                parse_file(path)
            return time.perf_counter() - start

        parse_s = best(parse_all)
        results = {}
        for jobs in (1, 2):
            def run() -> float:
                start = time.perf_counter()
                result = scan([site], Config(), options, jobs)
                results[jobs] = result
                return time.perf_counter() - start
            results[f"t{jobs}"] = best(run, 2)
        pairs = len(results[1].pairs)
        print(f"{site.name}: {len(files)} files, {pairs} pairs, {len(results[1].findings)} findings")
        print(f"  floor (read + front matter + mistune)  {floor_s:6.2f} s")
        print(f"  transcheck parse (model)               {parse_s:6.2f} s   {parse_s / floor_s:4.1f}× floor")
        for jobs in (1, 2):
            t = results[f"t{jobs}"]
            print(f"  scan -j {jobs}                              {t:6.2f} s   {t / floor_s:4.1f}× floor   {pairs / t:6.0f} pairs/s")


if __name__ == "__main__":
    main()
