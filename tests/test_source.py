import codecs

import pytest

from transcheck.document.read import parse_bytes, parse_file
from transcheck.document.source import InputError

LF = "---\ntitle: x\n---\n## A\n\n- one\n- two\n\n## B\n\nText\n"


def outline(d):
    return [(s.title, s.line) for s in d.iter_sections()], [
        (i.text, i.line) for i in d.body.sections[0].blocks[0].items
    ]


def test_crlf_gives_the_same_tree_and_lines_as_lf():
    lf = parse_bytes(LF.encode(), "a.md")
    crlf = parse_bytes(LF.replace("\n", "\r\n").encode(), "a.md")
    assert outline(lf) == outline(crlf)
    assert crlf.front_matter.get("title").line == 2


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + LF.encode(),
        LF.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + LF.encode("utf-16-be"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_bom_encodings_give_the_same_tree(data):
    assert outline(parse_bytes(data, "a.md")) == outline(parse_bytes(LF.encode(), "a.md"))


def test_invalid_utf8_names_file_and_line():
    data = "---\ntitle: x\n---\nok\n".encode() + b"caf\xe9\n"
    with pytest.raises(InputError) as caught:
        parse_bytes(data, "bad.md")
    assert caught.value.path == "bad.md"
    assert caught.value.line == 5
    assert "UTF-8" in caught.value.message


def test_binary_content_is_refused():
    with pytest.raises(InputError) as caught:
        parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.md")
    assert "binary" in caught.value.message


def test_empty_file_is_an_empty_document():
    d = parse_bytes(b"", "empty.md")
    assert d.front_matter.entries == []
    assert d.body.blocks == [] and d.body.sections == []


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        parse_file(tmp_path / "nope.md")
    with pytest.raises(InputError, match="directory"):
        parse_file(tmp_path)


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.md"
    path.write_text("x" * 2000)
    with pytest.raises(InputError, match="over the limit"):
        parse_file(path, max_bytes=1000)


def test_bom_in_the_middle_is_dropped():
    d = parse_bytes("## Ti\ufefftle\n".encode(), "a.md")
    assert d.body.sections[0].title == "Title"
