"""Stress: pages built so that a quadratic alignment shows (issue 14, item 6).

Each case is checked with ``check_paths`` in a fresh process, which prints its CPU and
wall time and peak resident memory; this script prints one table row per size and the
growth of CPU time from the previous size (≈10× per 10× N is linear, ≈100× quadratic).
CPU time is the measure because the machine is shared: wall time moves with the load.

Usage: python bench/stress.py [--sizes 1000 10000 100000] [--big-sizes 2 20] [--cases list ...]
       python bench/stress.py --profile big --sizes 20   (cProfile of one case, top 25)
       python bench/stress.py --phases big --big-sizes 20  (CPU of the parse and of each check)

For ``big`` each row also gives the parse floor of the same pair in a fresh process: reading
both files, their front matter (PyYAML) and mistune's AST of the whole text (the plugins
``bench/scan_floor.py`` uses), its CPU and peak memory, and the check's ratio to each.

Cases (N is the number of items, sections or paragraphs; for ``big``, MiB):
  list        one list of N items against N+1 (one item added in the middle)
  plainlist   the same with items that share no name or number (nothing to anchor on)
  sections    N sibling sections against N+1
  paragraphs  N paragraphs in one section against N+1
  big         a page of N MiB (sections, lists, tables, code, links) against a small one
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchenv import ENV  # noqa: E402

CASES = ("list", "plainlist", "sections", "paragraphs", "big")
FRONT_SV = "---\ntitle: Sida\nlanguage: sv\n---\n\n"
FRONT_EN = "---\ntitle: Page\nlanguage: en\n---\n\n"
_PLAIN_SV = ("en rad om saken", "ännu en rad här", "något helt annat", "kort", "en lite längre rad om det hela")
_PLAIN_EN = ("a line about it", "yet another line here", "something else", "short", "a somewhat longer line about it all")


def _with_extra(lines_a: list[str], extra: str) -> list[str]:
    """The same lines with one more in the middle: what the aligner has to find."""
    middle = len(lines_a) // 2
    return lines_a[:middle] + [extra] + lines_a[middle:]


def pages(case: str, n: int) -> tuple[str, str]:
    """(Swedish page, English page) of one case; the English one has one unit more."""
    if case == "list":
        sv = [f"- Punkt {i}\n" for i in range(n)]
        en = _with_extra([f"- Item {i}\n" for i in range(n)], "- Item extra Kubernetes\n")
        return FRONT_SV + "## Lista\n\n" + "".join(sv), FRONT_EN + "## List\n\n" + "".join(en)
    if case == "plainlist":
        sv = [f"- {_PLAIN_SV[i % 5]}\n" for i in range(n)]
        en = _with_extra([f"- {_PLAIN_EN[i % 5]}\n" for i in range(n)], "- one more\n")
        return FRONT_SV + "## Lista\n\n" + "".join(sv), FRONT_EN + "## List\n\n" + "".join(en)
    if case == "sections":
        sv = [f"## Avsnitt {i}\n\nText {i} om saken.\n\n" for i in range(n)]
        en = _with_extra([f"## Section {i}\n\nText {i} about it.\n\n" for i in range(n)], "## Ceph\n\nAbout Ceph.\n\n")
        return FRONT_SV + "".join(sv), FRONT_EN + "".join(en)
    if case == "paragraphs":
        sv = [f"Stycke {i} handlar om saken.\n\n" for i in range(n)]
        en = _with_extra([f"Paragraph {i} is about it.\n\n" for i in range(n)], "One more about Ceph.\n\n")
        return FRONT_SV + "## Text\n\n" + "".join(sv), FRONT_EN + "## Text\n\n" + "".join(en)
    if case == "big":
        return FRONT_SV + _big_page(n * 1024 * 1024), FRONT_EN + _small_page()
    raise SystemExit(f"unknown case {case!r}")


def _chunk(i: int) -> str:
    return (
        f"## Avsnitt {i}\n\n"
        f"Vi driver Ceph och Kubernetes i {i % 7 + 2} datacenter för {i} kunder sedan 2019.\n"
        f"Läs mer på [vår sida](https://example.com/sida/{i}) eller skriv till info@example.com.\n\n"
        f"- Lön 45 000 kr per månad\n- Plats Stockholm\n- Start {i % 28 + 1} mars 2026\n\n"
        "| Plan | Pris |\n|---|---|\n| Bas | 100 kr |\n| Pro | 250 kr |\n\n"
        f"```bash\nkubectl get pods -n team-{i}\n```\n\n"
        "### Detaljer\n\nMer text med `kod` och **fetstil** om saken.\n\n"
    )


def _big_page(size: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < size:
        chunk = _chunk(i)
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        i += 1
    return "".join(parts)


def _small_page() -> str:
    return "".join(
        chunk.replace("Avsnitt", "Section").replace("Vi driver", "We run").replace("Lön", "Salary")
        for chunk in (_chunk(0), _chunk(1), _chunk(2))
    )


def child(case: str, n: int, profile: bool) -> None:
    """Check one generated pair in this process and print seconds, peak MiB and findings."""
    from transcheck.checking.engine import check_paths
    from transcheck.pair.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        sv_text, en_text = pages(case, n)
        path_a, path_b = os.path.join(folder, "page.sv.md"), os.path.join(folder, "page.en.md")
        for path, text in ((path_a, sv_text), (path_b, en_text)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        options = Settings(max_bytes=64 * 1024 * 1024)
        started, cpu = time.perf_counter(), time.process_time()
        if profile:
            profiler = cProfile.Profile()
            result = profiler.runcall(check_paths, path_a, path_b, options)
        else:
            result = check_paths(path_a, path_b, options)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    rules: dict[str, int] = {}
    for finding in result.findings:
        rules[finding.rule] = rules.get(finding.rule, 0) + 1
    summary = ",".join(f"{rule}:{count}" for rule, count in sorted(rules.items()))
    print(f"{cpu:.3f} {elapsed:.3f} {peak} {summary or '-'}")
    if profile:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(25)
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("tottime").print_stats(25)
        print(stream.getvalue(), file=sys.stderr)


def floor_child(case: str, n: int) -> None:
    """The parse floor of one generated pair in this process: CPU seconds and peak MiB."""
    import mistune
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "url", "strikethrough"])
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in zip(("page.sv.md", "page.en.md"), pages(case, n)):
            paths.append(os.path.join(folder, name))
            with open(paths[-1], "w", encoding="utf-8") as handle:
                handle.write(text)
        cpu = time.process_time()
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            _, front, body = text.split("---\n", 2)  # the generated pages open with a YAML block
            yaml.load(front, Loader=loader)
            markdown(body)
        cpu = time.process_time() - cpu
    print(f"{cpu:.3f} 0 {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} -")


def phases(case: str, n: int) -> None:
    """Where one check's CPU goes: parsing both pages, then each rule check (and the
    resident memory after parsing and at the end)."""
    from transcheck.checking import engine
    from transcheck.document.read import parse_text

    sv_text, en_text = pages(case, n)
    cpu = time.process_time()
    doc_a, doc_b = parse_text(sv_text, "page.sv.md"), parse_text(en_text, "page.en.md")
    parsed = time.process_time() - cpu
    after_parse = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    spent: dict[str, float] = {}

    def timed(check):  # type: ignore[no-untyped-def]
        def run_check(comparison):  # type: ignore[no-untyped-def]
            started = time.process_time()
            try:
                return check(comparison)
            finally:
                name = f"{check.__module__.rsplit('.', 1)[-1]}.{check.__name__}"
                spent[name] = spent.get(name, 0.0) + time.process_time() - started

        return run_check

    from msgspec.structs import replace

    engine.CHECKS = tuple(replace(check, run=timed(check.run)) for check in engine.CHECKS)
    cpu = time.process_time()
    engine.compare_documents(doc_a, doc_b)
    compared = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"parse {parsed:.2f} s (peak {after_parse} MiB so far); compare {compared:.2f} s (peak {peak} MiB)")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1])[:8]:
        print(f"  {name:36s} {seconds:7.2f} s")


def run(case: str, n: int, timeout: float, floor: bool = False) -> tuple[float, float, int, str] | None:
    """(CPU seconds, wall seconds, peak MiB, findings summary) from a fresh process; None on time-out.
    ``floor``: the parse floor of the same pair instead of the check."""
    command = [sys.executable, __file__, "--floor-child" if floor else "--child", case, str(n)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=ENV, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    cpu, wall, peak, summary = done.stdout.split()[:4]
    return float(cpu), float(wall), int(peak), summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--big-sizes", type=int, nargs="+", default=[2, 20], help="MiB for the big case")
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--profile", default=None, help="profile one case (at the first size)")
    parser.add_argument("--phases", default=None, help="CPU of parsing and of each check, one case (at the first size)")
    parser.add_argument("--child", nargs=2, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--floor-child", nargs=2, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), profile=False)
        return
    if args.floor_child:
        floor_child(args.floor_child[0], int(args.floor_child[1]))
        return
    if args.profile:
        child(args.profile, args.sizes[0], profile=True)
        return
    if args.phases:
        phases(args.phases, (args.big_sizes if args.phases == "big" else args.sizes)[0])
        return
    print("| case | N | CPU s | × previous | wall s | peak MiB | findings |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for case in args.cases:
        previous: float | None = None
        sizes = args.big_sizes if case == "big" else args.sizes
        for n in sizes:
            measured = run(case, n, args.timeout)
            if measured is None:
                print(f"| {case} | {n:,} | | | > {args.timeout:.0f} | | timed out |", flush=True)
                break
            cpu, wall, peak, summary = measured
            growth = f"{cpu / previous:.1f}×" if previous else ""
            unit = " MiB" if case == "big" else ""
            print(f"| {case} | {n:,}{unit} | {cpu:.2f} | {growth} | {wall:.2f} | {peak} | {summary} |", flush=True)
            floor = run(case, n, args.timeout, floor=True) if case == "big" else None
            if floor is not None:
                print(f"| {case}, parse floor | {n:,}{unit} | {floor[0]:.2f} | check {cpu / floor[0]:.2f}× floor | "
                      f"| {floor[2]} | check {peak / floor[2]:.2f}× floor's peak |", flush=True)
            previous = max(cpu, 1e-3)


if __name__ == "__main__":
    main()
