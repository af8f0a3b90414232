"""Property-based tests: generated Markdown, front matter and shortcodes."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcheck.checking.engine import check_texts
from transcheck.document.read import parse_text
from transcheck.document.source import InputError

WORDS = st.sampled_from(["Ceph", "moln", "cloud", "50 000 €", "€50,000", "16 februari 2026", "**fet**", "`kod`",
                         "[länk](https://x.example/a)", "{{< icon x >}}", "två", "5", "- ", "> ", "#", "|", "\\"])
LINE = st.lists(WORDS, min_size=0, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    st.builds(lambda n, t: "#" * n + " " + t, st.integers(1, 6), LINE),
    st.lists(LINE, min_size=1, max_size=4).map(lambda items: "\n".join("- " + i for i in items)),
    st.lists(LINE, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n + 1}. {i}" for n, i in enumerate(items))),
    st.builds(lambda name, body: f"{{{{% {name} %}}}}\n{body}\n{{{{% /{name} %}}}}", st.sampled_from(["note", "accordion"]), LINE),
    st.just("```\ncode {{< x >}}\n```"),
    st.just("| a | b |\n|---|---|\n| 1 | 2 |"),
)
FRONT = st.one_of(
    st.just(""),
    st.builds(lambda t, d: f'---\ntitle: "{t}"\ndraft: {d}\nlanguage: sv\n---\n', st.text("abc åäö", max_size=10), st.booleans()),
    st.just('+++\ntitle = "x"\n+++\n'),
    st.just('{\n "title": "x"\n}\n'),
)
PAGE = st.builds(lambda fm, blocks: fm + "\n\n".join(blocks) + "\n", FRONT, st.lists(BLOCK, max_size=12))
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(PAGE, ANY_TEXT))
def test_parsing_never_raises_and_lines_stay_in_the_file(text):
    try:
        doc = parse_text(text, "fuzz.md")
    except InputError as error:
        assert error.message
        return
    total = max(doc.line_count, 1)
    for section in doc.iter_sections():
        assert 1 <= section.line <= total
    for entry in doc.front_matter.entries:
        assert 1 <= entry.line <= total


@SETTINGS
@given(PAGE)
def test_parsing_is_deterministic(text):
    from transcheck.report.treeview import tree_json

    try:
        first, second = parse_text(text, "x.md"), parse_text(text, "x.md")
    except InputError:
        return
    assert tree_json(first) == tree_json(second)


STRUCTURE_AND_VALUES = {
    "missing-section", "heading-level", "section-order", "bullet-count", "list-kind", "paragraph-count",
    "table-shape", "code-mismatch", "shortcode-mismatch", "frontmatter-missing-key", "frontmatter-mismatch",
    "salary-mismatch", "number-mismatch", "date-mismatch", "link-mismatch", "image-mismatch", "contact-mismatch",
}


@SETTINGS
@given(PAGE)
def test_a_document_checked_against_itself_has_no_structural_or_value_finding(text):
    found = check_texts(text, text, "content/sv/x.md", "content/en/x.md")
    assert [f for f in found if f.rule in STRUCTURE_AND_VALUES] == []
