"""Patterns compiled on first use, and their compiled programs kept between runs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from transcheck import lazyre

PATTERNS = [
    (r"(?<![\w])(?P<day>[0-3]?\d)\.?\s+(?P<month>januari|february|mars)(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I),
    (r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+", 0),
    (r"(?m)^(?P<key>\w+)\s*[:=]\s*(.*)$", 0),
]
TEXT = "Sista dag 30 mars 2026, 1 Februari; 日本語のテキスト\nkey = value\nother: 1"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "programs.marshal"
    monkeypatch.setattr(lazyre, "_programs_file", lambda: str(path))
    monkeypatch.setattr(lazyre, "_programs", None)
    monkeypatch.setattr(lazyre, "_compiled_now", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [m.groupdict() or m.groups() for m in a.finditer(TEXT)] == [m.groupdict() or m.groups() for m in b.finditer(TEXT)]
    assert [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]


def test_a_kept_program_builds_the_pattern_re_compile_builds(store: Path) -> None:
    for pattern, flags in PATTERNS:
        _same(lazyre.cached_compile(pattern, flags), re.compile(pattern, flags))
    lazyre._write_programs()
    assert store.is_file()
    lazyre._programs, lazyre._compiled_now = None, {}  # the next run
    for pattern, flags in PATTERNS:
        _same(lazyre.cached_compile(pattern, flags), re.compile(pattern, flags))
    assert lazyre._compiled_now == {}  # every one from the file


def test_nothing_is_written_when_python_writes_no_bytecode(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    lazyre.cached_compile(*PATTERNS[0])
    lazyre._write_programs()
    assert not store.exists()


def test_a_damaged_file_means_compiling_as_before(store: Path) -> None:
    store.write_bytes(b"not marshal at all")
    _same(lazyre.cached_compile(*PATTERNS[2]), re.compile(*PATTERNS[2]))
    lazyre._write_programs()  # and the file is replaced by a good one
    lazyre._programs, lazyre._compiled_now = None, {}
    _same(lazyre.cached_compile(*PATTERNS[2]), re.compile(*PATTERNS[2]))
    assert lazyre._compiled_now == {}


def test_lazy_patterns_compile_on_first_use() -> None:
    lazy = lazyre.lazy_compile(r"\d+", re.A)
    assert lazy.pattern == r"\d+" and "search" not in vars(lazy)
    assert lazy.findall("a1 b22") == ["1", "22"] and "search" in vars(lazy)
