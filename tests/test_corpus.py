"""The real pages in ../shared/corpus: every file parses, and lines point at what they name."""

import re


from transcheck.document.model import CodeBlock, ListBlock, Paragraph, Shortcode, iter_blocks
from transcheck.document.read import parse_file
from conftest import CORPUS, needs_corpus

pytestmark = needs_corpus


def corpus_files():
    return sorted(CORPUS.rglob("*.md")) if CORPUS.is_dir() else []


def all_blocks(d):
    blocks = list(iter_blocks(d.body.blocks))
    for section in d.iter_sections():
        blocks.extend(iter_blocks(section.blocks))
    return blocks


def test_every_corpus_file_parses_and_lines_point_at_what_they_name():
    files = corpus_files()
    assert len(files) > 900
    wrong = []
    for path in files:
        d = parse_file(path)
        lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")

        def at(n):
            return lines[n - 1] if 0 < n <= len(lines) else ""  # noqa: B023 (used in this iteration)

        for section in d.iter_sections():
            if section.style == "atx" and not at(section.line).lstrip().startswith("#"):
                wrong.append((path, section.line, section.title))
        for entry in d.front_matter.entries:
            if entry.key not in at(entry.line):
                wrong.append((path, entry.line, entry.key))
        for block in all_blocks(d):
            if isinstance(block, ListBlock):
                for item in block.items:
                    if not re.match(r"\s*(>\s*)*([-*+]|\d+[.)])(\s|$)", at(item.line)):
                        wrong.append((path, item.line, item.text))
            if isinstance(block, Shortcode) and block.raw.split("\n")[0] not in at(block.line):
                wrong.append((path, block.line, block.raw))
            glued = {p.line for p in d.problems if p.kind == "glued-fence"}  # the fence is on the line above
            if isinstance(block, CodeBlock) and block.fence and block.fence not in at(block.line) \
                    and block.line - 1 not in glued:
                wrong.append((path, block.line, "code"))
            links = getattr(block, "inline", None)
            for link in links.links if links else []:
                if link.kind not in ("reference", "image-reference", "image-label", "ref", "relref") and link.url not in at(link.line):
                    wrong.append((path, link.line, link.url))
    assert wrong == []


SEED_SV_HEADINGS = [
    (15, 2), (23, 2), (31, 2), (39, 2), (47, 2), (54, 2), (61, 3), (67, 2), (75, 2), (91, 3)
]


def test_seed_posting_sv_has_its_ten_headings_and_both_language_keys():
    d = parse_file(CORPUS / "seed" / "posting.sv.md")
    headings = [(s.line, s.level) for s in d.iter_sections()]
    assert headings == SEED_SV_HEADINGS
    # one heading sits inside the accordion shortcode
    accordion = next(
        b for s in d.iter_sections() for b in s.blocks if isinstance(b, Shortcode) and b.name == "accordion"
    )
    assert [(s.line, s.level) for s in accordion.body.sections] == [(91, 3)]
    keys = {(e.key, e.line) for e in d.front_matter.entries}
    assert ("language", 10) in keys and ("Language", 12) in keys


def test_seed_spot_checks_items_links_shortcodes():
    d = parse_file(CORPUS / "seed" / "posting.en.md")
    blocks = all_blocks(d)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [l.line for l in lists] == [33, 41, 49, 63, 85]
    ordered = lists[-1]
    assert ordered.ordered and [i.line for i in ordered.items] == [85, 86, 87, 88, 89]
    shortcodes = [(b.name, b.line, b.closing_line) for b in blocks if isinstance(b, Shortcode)]
    assert shortcodes == [
        ("accordion", 81, 93),
        ("accordion-script", 95, None),
        ("note", 97, 103),
        ("icon-block-horisontal", 105, None),
    ]
    apply = [b for b in blocks if isinstance(b, Shortcode) and b.name == "icon-block-horisontal"][0]
    assert apply.arg("link").startswith("https://safespring.careers.haileyhr.app/")
    salary = [b for b in blocks if isinstance(b, Paragraph) and "€50,000" in b.text]
    assert [p.line for p in salary] == [101]
