from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from transcheck.model import Document
from transcheck.parse import parse_text

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLES = REPO / "samples"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


def doc(text: str, path: str = "page.md") -> Document:
    """Parse dedented text (a leading newline is dropped so line 1 is the first line)."""
    return parse_text(textwrap.dedent(text).lstrip("\n"), path)
