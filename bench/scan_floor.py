"""Scan time against the parse floor, measured in the same run, interleaved.

floor  = read each Markdown file + parse its front matter (PyYAML with libyaml/tomllib) + mistune parse
parse  = transcheck's own model (shortcodes, lines, sections) for the same files
scan   = `transcheck scan --no-cache -j N` (pair finding, alignment, every rule)

Every measure is the CPU time of a fresh process around the work only (imports and
start-up excluded), so the ratio does not move with the load of a shared machine as wall
time does. Rounds are interleaved (floor, then each tree's parse and scan, then the next
round) and the table gives medians, and the median of the per-round ratios.

``--tree DIR`` (repeatable) measures the transcheck of another checkout in the same rounds:
before and after a change, side by side (`git worktree add /tmp/base HEAD~3`).

``--cache`` adds the scan cache's row: a cold scan, then warm ones (the second run only
reads and hashes files).

``--instructions`` counts instructions under valgrind (callgrind) instead of timing rounds:
one run, the same on a loaded machine as on an idle one (start-up taken off by running each
child on an empty folder too).

``--only RULES`` adds issue 15's row "rules that are not selected cost nothing": a scan
with only RULES selected against one with all rules, in the same rounds.

Usage: python bench/scan_floor.py [--rounds 5] [--jobs 1 2] [--tree DIR ...] [--cache] [--only RULES] [--instructions] [SITE ...]
       (default sites: the real ones in ../shared/corpus)
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _module(new: str, old: str) -> Any:
    """A module by its name since the layered packages, or its flat name before them (a
    --tree checkout from before the move is measured too)."""
    try:
        return importlib.import_module(new)
    except ModuleNotFoundError:
        return importlib.import_module(old)


def _child(kind: str, site: str, extra: list[str]) -> None:
    """Run one measure in this (fresh) process and print its CPU seconds."""
    sys.path.insert(0, os.getcwd())
    Config = _module("transcheck.site.config", "transcheck.config").Config
    iter_markdown = _module("transcheck.site.layout", "transcheck.site").iter_markdown

    files = list(iter_markdown([Path(site)], Config(), []))
    if kind == "floor":
        import tomllib

        import mistune
        import yaml

        split_front_matter = _module("transcheck.document.frontmatter", "transcheck.frontmatter").split_front_matter

        # libyaml, as transcheck and python-frontmatter use when it is there: a slower
        # floor would flatter the ratio
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        markdown = mistune.create_markdown(renderer=None, plugins=["table", "url", "strikethrough"])
        started = time.process_time()
        for path in files:
            text = Path(path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")  # paths come as strings now
            split = split_front_matter(text, str(path))
            if split.format == "yaml":
                yaml.load(split.text, Loader=loader)
            elif split.format == "toml":
                tomllib.loads(split.text)
            markdown("\n".join(text.split("\n")[split.body_line - 1 :]))
    elif kind == "parse":
        parse_file = _module("transcheck.document.read", "transcheck.parse").parse_file

        started = time.process_time()
        for path in files:
            parse_file(path)
    else:
        _module("transcheck.checking.engine", "transcheck.engine")  # imports are start-up, not the scan
        _module("transcheck.site.scan", "transcheck.scan")
        from transcheck.cli import main

        started = time.process_time()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                main(["scan", site, "--no-progress", "--color", "never", *extra], standalone_mode=False)
            except SystemExit:
                pass
        if "-j" in extra and extra[extra.index("-j") + 1] != "1":
            # the workers' time is the scan's too
            import resource

            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            print(f"{time.process_time() - started + children.ru_utime + children.ru_stime:.4f}")
            return
    print(f"{time.process_time() - started:.4f}")


def _run_child(kind: str, site: Path, tree: Path, extra: list[str] | None, wrapper: list[str]) -> subprocess.CompletedProcess[str]:
    sys.path.insert(0, str(HERE))
    from benchenv import ENV

    env = dict(ENV, PYTHONPATH=str(tree))
    command = [*wrapper, sys.executable, str(HERE / "scan_floor.py"), "--child", kind, str(site), *(extra or [])]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tree, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed in {tree}: {done.stderr[-500:]}")
    return done


def measure(kind: str, site: Path, tree: Path, extra: list[str] | None = None) -> float:
    return float(_run_child(kind, site, tree, extra, []).stdout.split()[-1])


def instructions(kind: str, site: Path, tree: Path, extra: list[str] | None = None) -> int:
    """Instructions the work takes (valgrind's callgrind), the same child on an empty folder
    (start-up, imports) taken off: one deterministic number where CPU time on a shared
    machine moves by a third from round to round. About 60 times slower than the work.

    Each child runs once without valgrind first: a tree's first run compiles its bytecode and
    regular expressions and keeps them (benchenv, lazyre), which a second run only reads, and
    which the empty folder's run would not take off."""
    counts = []
    _run_child(kind, site, tree, extra, [])
    with tempfile.TemporaryDirectory() as empty:
        for where in (site, Path(empty)):
            done = _run_child(kind, where, tree, extra, ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"])
            found = re.search(r"refs:\s+([\d,]+)", done.stderr)
            if found is None:
                raise SystemExit(f"no instruction count from valgrind: {done.stderr[-500:]}")
            counts.append(int(found.group(1).replace(",", "")))
    return counts[0] - counts[1]


def _instruction_ratios(sites: list[Path], trees: list[Path]) -> None:
    for site in sites:
        floor = instructions("floor", site, ROOT)
        print(f"{site.name}: floor {floor / 1e9:.3f} G instructions")
        for tree in trees:
            name = "this tree" if tree == ROOT else str(tree)
            parse = instructions("parse", site, tree)
            scan = instructions("scan", site, tree, ["--no-cache", "-j", "1"])
            print(f"  [{name}] parse {parse / 1e9:.3f} G ({parse / floor:.2f}× floor)   "
                  f"scan -j 1 {scan / 1e9:.3f} G ({scan / floor:.2f}× floor)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="*")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1])
    parser.add_argument("--tree", action="append", default=[], help="another checkout to measure in the same rounds")
    parser.add_argument("--cache", action="store_true", help="also a cold and warm scan with the cache")
    parser.add_argument("--only", default=None, metavar="RULES",
                        help="also scan -j 1 with --select RULES in the same rounds: its CPU against all rules")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under valgrind instead of timing rounds (deterministic)")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args, extra = parser.parse_known_args()
    if args.child:
        _child(args.child, args.sites[0], extra)
        return
    # resolved: the children of other trees run in those trees' folders
    sites = [Path(p).resolve() for p in args.sites] or [
        CORPUS / "safespring-web-beta", CORPUS / "trafiklab.se", CORPUS / "opentelemetry.io"
    ]
    trees = [Path(t).resolve() for t in args.tree] + [ROOT]
    if args.instructions:
        _instruction_ratios(sites, trees)
        return
    for site in sites:
        floors: list[float] = []
        parses: dict[Path, list[float]] = {tree: [] for tree in trees}
        scans: dict[tuple[Path, int], list[float]] = {(tree, jobs): [] for tree in trees for jobs in args.jobs}
        selected: list[tuple[float, float]] = []  # (all rules, --select), one pair a round
        for _ in range(args.rounds):
            floors.append(measure("floor", site, ROOT))
            if args.only:
                selected.append((measure("scan", site, ROOT, ["--no-cache", "-j", "1"]),
                                 measure("scan", site, ROOT, ["--no-cache", "-j", "1", "--select", args.only])))
            for tree in trees:
                parses[tree].append(measure("parse", site, tree))
                for jobs in args.jobs:
                    scans[(tree, jobs)].append(measure("scan", site, tree, ["--no-cache", "-j", str(jobs)]))
        floor = statistics.median(floors)
        print(f"{site.name}: floor (read + front matter + mistune) median {floor:.2f} s CPU "
              f"({', '.join(f'{f:.2f}' for f in floors)})")
        for tree in trees:
            name = "this tree" if tree == ROOT else str(tree)
            ratios = [p / f for p, f in zip(parses[tree], floors)]
            print(f"  [{name}] parse  {statistics.median(parses[tree]):6.2f} s   "
                  f"{statistics.median(ratios):4.2f}× floor (median of per-round ratios)")
            for jobs in args.jobs:
                runs = scans[(tree, jobs)]
                ratios = [s / f for s, f in zip(runs, floors)]
                print(f"  [{name}] scan -j {jobs}  {statistics.median(runs):6.2f} s CPU   "
                      f"{statistics.median(ratios):4.2f}× floor   ({', '.join(f'{r:.2f}' for r in runs)})")
        if selected:
            ratios = [chosen / whole for whole, chosen in selected]
            print(f"  scan -j 1 --select {args.only}: {statistics.median(c for _, c in selected):6.2f} s CPU, all rules "
                  f"{statistics.median(w for w, _ in selected):6.2f} s: {statistics.median(ratios):4.2f}× "
                  f"(median of per-round ratios: {', '.join(f'{r:.2f}' for r in ratios)})")
        if args.cache:
            with tempfile.TemporaryDirectory() as cache:
                cold = measure("scan", site, ROOT, ["--cache-dir", cache, "-j", "1"])
                warm = statistics.median(measure("scan", site, ROOT, ["--cache-dir", cache, "-j", "1"]) for _ in range(3))
            print(f"  scan -j 1 with the cache: cold {cold:6.2f} s, warm {warm:6.2f} s   warm/cold {warm / cold:4.2f}")


if __name__ == "__main__":
    main()
