from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from transcheck.document.model import Document
from transcheck.document.read import parse_text

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def doc(text: str, path: str = "page.md") -> Document:
    """Parse dedented text (a leading newline is dropped so line 1 is the first line)."""
    return parse_text(textwrap.dedent(text).lstrip("\n"), path)


def findings(a: str, b: str, **options):
    """Check two dedented texts; returns the findings (paths a.md and b.md)."""
    from transcheck.checking.engine import check_texts
    from transcheck.pair.settings import Settings

    text_a = textwrap.dedent(a).lstrip("\n")
    text_b = textwrap.dedent(b).lstrip("\n")
    return check_texts(text_a, text_b, "a.md", "b.md", Settings(**options) if options else None)


def write(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative name → text, bytes as given) below ``root``; returns ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return root


SV_EN_HUGO = 'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n'


class GitSite:
    """A throw-away git repository holding an en/sv Hugo site; commit dates step by a day,
    so history is deterministic and ordered."""

    def __init__(self, root: Path, hugo: str = SV_EN_HUGO) -> None:
        import os

        self.root = root
        self.clock = 1_767_000_000
        self.env = dict(
            os.environ, GIT_AUTHOR_NAME="T", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="T",
            GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
        )
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.write("hugo.toml", hugo)

    def git(self, *args: str) -> str:
        import subprocess

        done = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return path

    def commit(self, message: str, clock: int | None = None) -> str:
        self.clock += 86_400
        when = f"@{clock or self.clock} +0000"
        self.env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def path(self, name: str) -> str:
        return str(self.root / name)


@pytest.fixture
def fresh_git_memory():
    """status remembers git answers per process: each git test starts and ends without them."""
    from transcheck.history import status

    status.reset_memory()
    yield
    status.reset_memory()


def rules_of(found) -> list[tuple[str, str, int]]:
    return [(f.rule, f.path, f.line) for f in found]

# The scan cache of every test run goes to one throw-away folder, never into the
# repository or ../shared (tests that test the cache name their own folder).
import os as _os
import tempfile as _tempfile

_os.environ.setdefault("TRANSCHECK_CACHE_DIR", _tempfile.mkdtemp(prefix="transcheck-test-cache-"))


# The slow part of the suite (installs, whole-corpus walks, browsers, stress and fuzzing):
# `python -m pytest -m "not slow"` runs the rest in seconds; CI runs everything.
_SLOW_FILES = {"test_ci_recipes", "test_corpus", "test_corpus_check", "test_stress", "test_fuzz",
               "test_fix_safety", "test_parse_limits", "test_status"}
_SLOW_NAMES = ("pathological", "adversarial", "300_page", "in_a_browser", "every_corpus", "opentelemetry",
               "concurrent", "real_sites", "corpus_page")


def pytest_collection_modifyitems(config, items):  # noqa: ARG001 - pytest's hook signature
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in _SLOW_FILES or any(word in item.name for word in _SLOW_NAMES):
            item.add_marker(pytest.mark.slow)
