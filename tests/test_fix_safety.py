"""`fix --write` can never damage a page: links, owners, concurrent writers, and every other key kept."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.cli import main
from transcheck.site.fix import WriteRefused, fix_text, read_for_fix, write_safely
from transcheck.languages.declared import LANGUAGE_KEYS
from transcheck.document.read import parse_text

PAGE = '---\ntitle: "Jobb"\nlanguage: "en"\ndraft: false\n---\n# Rubrik\n'
FIXED = PAGE.replace('"en"', '"sv"')


def run(*args: str):
    return CliRunner().invoke(main, ["fix", "--lang-tags", *args])


def test_a_symlink_stays_a_symlink_and_its_target_is_fixed(tmp_path):
    target = tmp_path / "real" / "jobb.sv.md"
    target.parent.mkdir()
    target.write_text(PAGE)
    link = tmp_path / "jobb.sv.md"
    link.symlink_to(target)
    result = run("--write", str(link))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == FIXED
    assert sorted(p.name for p in target.parent.iterdir()) == ["jobb.sv.md"]  # no temporary left


def test_hard_links_keep_seeing_the_fixed_page(tmp_path):
    page = tmp_path / "jobb.sv.md"
    page.write_text(PAGE)
    other = tmp_path / "copy.md"
    os.link(page, other)
    inode = page.stat().st_ino
    result = run("--write", str(page))
    assert result.exit_code == 0, result.output
    assert page.stat().st_ino == inode and page.stat().st_nlink == 2
    assert other.read_text() == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.md", "jobb.sv.md"]


def test_owner_group_and_mode_are_kept(tmp_path):
    page = tmp_path / "jobb.sv.md"
    page.write_text(PAGE)
    os.chmod(page, 0o640)
    if os.geteuid() == 0:
        os.chown(page, 1234, 5678)  # as root: the new file must not become root's
    before = page.stat()
    assert run("--write", str(page)).exit_code == 0
    after = page.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (
        before.st_uid, before.st_gid, 0o640
    )
    assert page.read_text() == FIXED


def test_a_file_changed_after_it_was_read_is_not_written(tmp_path):
    page = tmp_path / "jobb.sv.md"
    page.write_text(PAGE)
    read = read_for_fix(str(page))
    result = fix_text(read.text, str(page), "sv")
    with open(page, "a") as handle:
        handle.write("\nA line someone added.\n")
    with pytest.raises(WriteRefused, match="changed since it was read"):
        write_safely(read, result.after)
    assert page.read_text() == PAGE + "\nA line someone added.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jobb.sv.md"]


def test_same_size_same_time_but_other_content_is_noticed(tmp_path):
    page = tmp_path / "jobb.sv.md"
    page.write_text(PAGE)
    read = read_for_fix(str(page))
    info = page.stat()
    page.write_text(PAGE.replace("Jobb", "Jobs"))  # same length
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    with pytest.raises(WriteRefused, match="content differs"):
        write_safely(read, fix_text(read.text, str(page), "sv").after)


APPENDER = textwrap.dedent(
    """
    import random, sys, time
    path, count, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    random.seed(count)
    handle = open(path, "a") if mode == "held" else None
    for i in range(count):
        if mode == "held":
            handle.write(f"line {i}\\n"); handle.flush()
        else:
            with open(path, "a") as h:
                h.write(f"line {i}\\n")
        time.sleep(random.choice((0, 0, 0.001, 0.005, 0.02)))  # bursts and pauses: fix gets in between
    """
)


@pytest.mark.parametrize("mode", ["reopened", "held"])
def test_concurrent_appends_are_never_lost(tmp_path, mode):
    """Another process appends while fix rewrites the page again and again: every line
    it wrote must be in the page at the end (fix refuses rather than lose one). The
    writer opens the file for each line, or keeps it open throughout."""
    page = tmp_path / "log.md"
    page.write_text('---\nlanguage: "en"\n---\n')
    count = 600
    writer = subprocess.Popen([sys.executable, "-c", APPENDER, str(page), str(count), mode])
    while "line 0" not in page.read_text() and writer.poll() is None:
        time.sleep(0.001)  # fix runs while the writer is at work, not before it starts
    written = refused = 0
    languages = ["sv", "en"]
    deadline = time.monotonic() + 60  # must not hang
    while writer.poll() is None and time.monotonic() < deadline:
        result = run("--write", "--lang", languages[written % 2], str(page))
        if result.exit_code == 0:
            written += 1
        else:
            assert "not written" in result.output or "changed while it was read" in result.output, result.output
            refused += 1
    writer.wait(timeout=60)
    lines = [line for line in page.read_text().split("\n") if line.startswith("line ")]
    assert sorted(int(line.split()[1]) for line in lines) == list(range(count))
    if mode == "reopened":
        assert written > 0  # fix did write between the appends
    # a writer that keeps the file open would write into the replaced file: fix refuses
    assert refused > 0


# --- property: after fix, every other key has its old value -------------------------

_OTHER_KEYS = st.sampled_from(["title", "date", "draft", "tags", "weight", "slug", "summary", "Title", "x-y"])
_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from(
        ["#", '"', "'", ":", ",", "{", "[", "\u2028", "\u0085", " "]
    ),
    max_size=12,
)
_VALUE = st.one_of(_TEXT, st.integers(-10_000, 10_000), st.booleans(), st.lists(_TEXT, max_size=3))
_LANG_KEYS = st.sampled_from(["language", "Language", "lang", "Lang", "LANG", "languageCode", "locale"])
_LANG_VALUES = st.sampled_from(["sv", "en", "se", "En", "sv-SE", "", "dk", "english", "nb"])


@st.composite
def front_matter(draw):
    entries: list[tuple[str, object]] = []
    used: set[str] = set()
    for _ in range(draw(st.integers(0, 5))):
        key = draw(_OTHER_KEYS)
        if key.lower() not in used:
            used.add(key.lower())
            entries.append((key, draw(_VALUE)))
    for _ in range(draw(st.integers(1, 3))):
        key = draw(_LANG_KEYS)
        if key not in used:
            used.add(key)
            position = draw(st.integers(0, len(entries)))
            entries.insert(position, (key, draw(_LANG_VALUES)))
    syntax = draw(st.sampled_from(["yaml", "yaml-flow", "toml", "json", "json-one-line"]))
    return syntax, entries


def _render(syntax: str, entries: list[tuple[str, object]]) -> str:
    if syntax == "yaml":
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in entries]
        return "---\n" + "\n".join(lines) + "\n---\n# R\n"
    if syntax == "yaml-flow":
        items = ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in entries)
        return "---\n{" + items + "}\n---\n# R\n"
    if syntax == "toml":
        lines = [f'"{key}" = {json.dumps(value, ensure_ascii=False).lower() if isinstance(value, bool) else json.dumps(value, ensure_ascii=False)}'
                 for key, value in entries]
        return "+++\n" + "\n".join(lines) + "\n+++\n# R\n"
    pairs = [f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in entries]
    if syntax == "json":
        return "{\n  " + ",\n  ".join(pairs) + "\n}\n# R\n"
    return "{" + ", ".join(pairs) + "}\n# R\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter(), st.sampled_from(["sv", "en", "nb"]))
def test_after_fix_every_other_key_has_its_old_value(generated, expected):
    syntax, entries = generated
    text = _render(syntax, entries)
    before = parse_text(text, "p.md").front_matter.entries
    result = fix_text(text, "p.md", expected)
    assert not result.note or result.note.startswith("not changed")
    after = parse_text(result.after, "p.md").front_matter.entries
    assert result.after.endswith("# R\n")
    others_before = [(e.key, e.value) for e in before if e.key.lower() not in LANGUAGE_KEYS]
    others_after = [(e.key, e.value) for e in after if e.key.lower() not in LANGUAGE_KEYS]
    assert others_before == others_after
    if result.changed:
        languages = [e for e in after if e.key.lower() in LANGUAGE_KEYS]
        assert languages and all(isinstance(e.value, str) for e in languages)
        assert len({e.key.lower() for e in languages}) == len(languages)  # no case-variant duplicates left


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.sv.md"
    os.mkfifo(fifo)
    result = run("--write", str(fifo))
    assert result.exit_code == 2 and "not a regular file" in result.output


def test_a_merged_key_that_a_removal_would_reveal_refuses_the_edit():
    text = "---\nbase: &b {Lang: en}\n<<: *b\nlang: sv\nLang: sv\n---\n"
    result = fix_text(text, "p.sv.md", "sv")
    assert not result.changed and "keys would change" in result.note


def test_lone_carriage_returns_refuse_the_edit():
    result = fix_text("---\nlang: se\ntitle: a\rb\n---\n", "p.sv.md", "sv")
    assert not result.changed and "lone" in result.note


def test_what_a_writer_holding_the_new_file_writes_after_the_old_one_is_put_back_is_kept(tmp_path):
    """_put_back makes the old file the page again; a process that opened the new one just
    before (an appender opening the page for each line) writes there afterwards: that line
    must reach the page, not vanish with the replaced file."""
    from transcheck.site.fix import _put_back

    target, held = tmp_path / "page.md", tmp_path / "page.md.old"
    held.write_text("old\nline 1\n")
    target.write_text("new text\nline 2\n")  # the fix's output, with a line appended to it
    new_size = len("new text\n")
    ready = tmp_path / "ready"
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, pathlib\n"
        "f = open(sys.argv[1], 'a')\n"
        "pathlib.Path(sys.argv[2]).write_text('x')\n"
        "time.sleep(0.3)\n"
        "f.write('line 3\\n'); f.close()\n"), str(target), str(ready)])
    while not ready.exists():
        time.sleep(0.005)
    _put_back(target, str(held), new_size)
    writer.wait(timeout=30)
    assert target.read_text() == "old\nline 1\nline 2\nline 3\n"
