"""`transcheck fix --lang-tags`: only the language lines change, byte for byte, atomically."""

import os
import stat

from click.testing import CliRunner

from transcheck.cli import main
from transcheck.fix import fix_text

SEED_LIKE = (
    "---\r\n"
    "# the page's metadata\r\n"
    "title: 'Utvecklare'\r\n"
    'language: "sv"\r\n'
    "draft: false   # keep\r\n"
    'Language: "En"\r\n'
    "---\r\n"
    "## Rubrik\r\n"
    "\r\n"
    "Text med language: en i brödtexten.\r\n"
)


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_duplicate_removed_everything_else_byte_for_byte(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 0, result.output
    expected = SEED_LIKE.replace('Language: "En"\r\n', "")
    assert page.read_bytes() == expected.encode("utf-8")


def test_wrong_code_is_replaced_keeping_key_spelling_and_quotes():
    result = fix_text("---\nLang: 'Se'\ntitle: x\n---\nText\n", "p.sv.md", "sv")
    assert result.after == "---\nLang: 'sv'\ntitle: x\n---\nText\n"
    result = fix_text("---\nlanguage: no\n---\n", "p.nb.md", "nb")
    assert result.after == '---\nlanguage: nb\n---\n'  # unquoted stays unquoted: nb is no YAML boolean
    result = fix_text('+++\nlanguageCode = "en-US"\n+++\n', "p.sv.md", "sv")
    assert result.after == '+++\nlanguageCode = "sv"\n+++\n'


def test_right_file_is_left_alone():
    text = '---\nlanguage: "sv-SE"\n---\n'
    assert not fix_text(text, "p.sv.md", "sv").changed


def test_diff_is_the_default_and_writes_nothing(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    before = page.read_bytes()
    result = run("fix", "--lang-tags", str(page))
    assert result.exit_code == 1
    assert '-Language: "En"' in result.output
    assert page.read_bytes() == before


def test_unparsable_front_matter_is_refused(tmp_path):
    page = tmp_path / "bad.sv.md"
    page.write_text("---\nlanguage: [sv\n---\n")
    before = page.read_bytes()
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 2
    assert "not changed" in result.output
    assert page.read_bytes() == before


def test_unknown_language_is_refused(tmp_path):
    page = tmp_path / "page.md"
    page.write_text('---\nlanguage: "xx"\n---\n')
    result = run("fix", "--lang-tags", "--write", str(page))
    assert result.exit_code == 2 and "cannot tell which language" in result.output


def test_write_is_atomic_and_keeps_permissions(tmp_path):
    page = tmp_path / "posting.sv.md"
    page.write_bytes(SEED_LIKE.encode("utf-8"))
    os.chmod(page, 0o640)
    inode = os.stat(page).st_ino
    run("fix", "--lang-tags", "--write", str(page))
    assert stat.S_IMODE(os.stat(page).st_mode) == 0o640
    assert os.stat(page).st_ino != inode  # replaced by rename, never rewritten in place
    assert [p.name for p in tmp_path.iterdir()] == ["posting.sv.md"]  # no temporary file left
