"""`transcheck status` on a real site with a made-up git history, against the site's own rule.

Copies a site (default: ../shared/corpus/opentelemetry.io) into a temporary folder, commits
it, points every translation's ``default_lang_commit`` at that commit, then makes N commits:
English edits, English edits reverted, and translators re-syncing a page to some earlier
commit. It then times ``transcheck status`` against ``git log --name-only`` over the same
history and compares, page by page, with opentelemetry.io's ``check-i18n.sh`` rule (a page
has drifted when ``git diff MARKER...HEAD -- <en page>`` is not empty), re-implemented here.

    .venv/bin/python bench/status_bench.py [SITE] [--commits N] [--seed S]

Nothing is written outside the temporary folder, which is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchenv import ENV  # noqa: E402
MARKER = re.compile(r"^default_lang_commit:.*$", re.M)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "opentelemetry.io"))
    parser.add_argument("--commits", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="transcheck-status-bench-")) / "site"
    env = dict(ENV, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="bench",
               GIT_AUTHOR_EMAIL="bench@example.com", GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com")

    def git(*command: str) -> str:
        return subprocess.run(["git", *command], cwd=work, env=env, check=True, capture_output=True, text=True).stdout.strip()

    try:
        shutil.copytree(args.site, work, ignore=shutil.ignore_patterns(".git"))
        history(work, git, args.commits, random.Random(args.seed))
        commits = git("rev-list", "--count", "HEAD")
        log_seconds = timed(["git", "log", "--name-only", "--format=%H", "HEAD", "--", "."], work, env)[1]
        out, status_seconds, status_cpu = timed([sys.executable, "-m", "transcheck", "status", ".", "--format", "json"],
                                                work, env)
        pages = json.loads(out)["pages"]
        agree, disagree, script_seconds = compare(work, pages, env)
        behind = sum(1 for p in pages if p["state"] == "behind")
        pairs = sum(1 for p in pages if p["translation"] and p["source"])
        print(f"site: {args.site} ({pairs} pairs, {commits} commits, {behind} pages behind)")
        print(f"git log --name-only:              {log_seconds:6.2f} s")
        print(f"transcheck status:                {status_seconds:6.2f} s ({status_cpu:.2f} s CPU)")
        print(f"check-i18n.sh rule (git diff each): {script_seconds:6.2f} s")
        print(f"page by page: {agree} agree, {disagree} disagree with check-i18n.sh")
        return 1 if disagree else 0
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)


def history(work: Path, git, count: int, rng: random.Random) -> None:
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "import")
    files = sorted(str(p.relative_to(work)) for p in work.glob("content/*/**/*.md"))
    english = [f for f in files if f.startswith("content/en/")]
    translated = [f for f in files if not f.startswith("content/en/") and MARKER.search(read(work / f))]
    shas = [git("rev-parse", "HEAD")]
    for name in translated:
        set_marker(work / name, shas[0])
    git("commit", "-qam", "markers at import")
    for i in range(count):
        roll = rng.random()
        if roll < 0.6:
            page = work / rng.choice(english)
            page.write_text(read(page) + f"\nEnglish edit {i}.\n", encoding="utf-8")
            git("commit", "-qam", f"en {i}")
        elif roll < 0.7:  # changed and changed back: not drifted
            page = work / rng.choice(english)
            old = read(page)
            page.write_text(old + "\nTemporary.\n", encoding="utf-8")
            git("commit", "-qam", f"tmp {i}")
            page.write_text(old, encoding="utf-8")
            git("commit", "-qam", f"revert {i}")
        else:
            set_marker(work / rng.choice(translated), rng.choice(shas))
            git("commit", "-qam", f"sync {i}")
        shas.append(git("rev-parse", "HEAD"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def set_marker(path: Path, sha: str) -> None:
    path.write_text(MARKER.sub(f"default_lang_commit: {sha}", read(path), count=1), encoding="utf-8")


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[str, float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=dict(env, PYTHONPATH=str(REPO)), check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done.stdout, seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compare(work: Path, pages: list[dict], env: dict[str, str]) -> tuple[int, int, float]:
    agree = disagree = 0
    started = time.perf_counter()
    for page in pages:
        if not (page["translation"] and page["source"]):
            continue
        found = re.search(r"^default_lang_commit:\s*([a-f0-9]+)", read(work / page["translation"]), re.M | re.I)
        english = re.sub(r"^content/[^/]{2,5}/", "content/en/", page["translation"])
        if not found or not (work / english).exists():
            continue
        diff = subprocess.run(["git", "diff", "--numstat", f"{found.group(1)}...HEAD", "--", english], cwd=work, env=env,
                              capture_output=True, text=True).stdout
        if bool(diff.strip()) == (page["state"] == "behind"):
            agree += 1
        else:
            disagree += 1
            print(f"disagree: {page['translation']}: transcheck {page['state']}, check-i18n.sh drifted={bool(diff.strip())}")
    return agree, disagree, time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
