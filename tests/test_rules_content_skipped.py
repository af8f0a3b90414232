"""content-skipped: what the parser could not read is said, never silently left out;
and the text of raw HTML blocks goes through the language rules."""

from transcheck.checking.engine import check_texts

SV = "## Om oss\n\nVi bygger moln i Sverige och erbjuder tjänster till offentlig sektor.\n"
EN = "## About us\n\nWe build clouds in Sweden and offer services to the public sector.\n"


def rules(findings):
    return [(f.rule, f.path, f.line) for f in findings]


def test_an_unclosed_comment_is_reported_where_it_starts():
    hidden = SV + "\n<!-- en anteckning som aldrig stängs\n\n## Pris\n\nDet kostar 5 kr.\n"
    found = [f for f in check_texts(hidden, EN, "p.sv.md", "p.en.md") if f.rule == "content-skipped"]
    assert rules(found) == [("content-skipped", "p.sv.md", 5)]
    assert "not compared" in found[0].message and found[0].severity.label == "warning"


def test_lists_nested_too_deep_are_reported():
    deep = "## Om oss\n\n" + "".join("  " * i + "- nivå\n" for i in range(40))
    found = [f for f in check_texts(deep, EN, "p.sv.md", "p.en.md") if f.rule == "content-skipped"]
    assert found and all(f.path == "p.sv.md" for f in found)


def test_a_closed_comment_and_ordinary_nesting_stay_quiet():
    fine = SV + "\n<!-- en anteckning -->\n\n- a\n  - b\n    - c\n"
    other = EN + "\n- a\n  - b\n    - c\n"
    assert not [f for f in check_texts(fine, other, "p.sv.md", "p.en.md") if f.rule == "content-skipped"]


def test_untranslated_text_inside_raw_html_is_reported():
    html = '<div class="intro">\n<p>We build clouds in Sweden and offer services to the public sector.</p>\n</div>\n'
    sv = "## Om oss\n\n" + html
    en = "## About us\n\n" + html
    found = [f for f in check_texts(sv, en, "p.sv.md", "p.en.md") if f.rule == "untranslated"]
    assert rules(found) == [("untranslated", "p.sv.md", 3)]


def test_translated_text_inside_raw_html_stays_quiet():
    sv = '## Om oss\n\n<div class="intro">\n<p>Vi bygger moln i Sverige och erbjuder tjänster till offentlig sektor.</p>\n</div>\n'
    en = '## About us\n\n<div class="intro">\n<p>We build clouds in Sweden and offer services to the public sector.</p>\n</div>\n'
    assert [f.rule for f in check_texts(sv, en, "p.sv.md", "p.en.md")] == []


def test_values_inside_raw_html_are_compared():
    sv = '## Om oss\n\n<div class="facts">\n<p>Vi lagrade 3 PB data under 2023.</p>\n</div>\n'
    en_changed = '## About us\n\n<div class="facts">\n<p>We stored 5 PB of data in 2023.</p>\n</div>\n'
    en_same = '## About us\n\n<div class="facts">\n<p>We stored 3 PB of data in 2023.</p>\n</div>\n'
    found = [f for f in check_texts(sv, en_changed, "p.sv.md", "p.en.md") if f.rule == "number-mismatch"]
    assert rules(found) == [("number-mismatch", "p.sv.md", 4)] and '"3"' in found[0].message
    assert [f.rule for f in check_texts(sv, en_same, "p.sv.md", "p.en.md")] == []


def test_a_glued_fence_is_reported_and_read_as_meant():
    from transcheck.document.markdown import unglue_fences

    sv = "## Installera\n\nKör följande kommando:```bash\nmake install\n```\n\n## Nästa steg\n\nKlart.\n"
    en = "## Install\n\nRun the following command:\n\n```bash\nmake install\n```\n\n## Next steps\n\nDone.\n"
    found = check_texts(sv, en, "p.sv.md", "p.en.md")
    assert [(f.rule, f.line) for f in found if f.severity.label != "info"] == [("content-skipped", 3)]
    assert "glued" in found[0].message
    # the repair keeps every line where it was
    original = "a\n\nText:```sh\nx\n```\nb\n"
    repaired, where = unglue_fences(original)
    assert repaired.count("\n") == original.count("\n") and where == [(2, "```sh")]
    assert repaired.split("\n")[1:3] == ["Text:", "```sh"]


def test_backticks_inside_a_line_are_no_glued_fence():
    from transcheck.document.markdown import unglue_fences

    for text in ("Use ```x``` here.\n", "Text:```bash\nno closing fence follows\n", "```\ncode:```sh\n```\n"):
        assert unglue_fences(text)[1] == [], text


def test_a_fence_outdented_from_its_list_item_is_reported_once_and_read_as_meant():
    steps_en = "## Steps\n\n1. Install:\n   ```bash\n   make\n   ```\n1. Check:\n   ```bash\n   make check\n   ```\n1. Done.\n"
    steps_sv = "## Steg\n\n1. Installera:\n```bash\n   make\n   ```\n1. Kontrollera:\n```bash\n   make check\n   ```\n1. Klart.\n"
    found = [(f.rule, f.line, f.severity.label) for f in check_texts(steps_sv, steps_en, "p.sv.md", "p.en.md")]
    assert found == [("content-skipped", 4, "warning")]  # not three broken lists
    message = check_texts(steps_sv, steps_en, "p.sv.md", "p.en.md")[0].message
    assert "indent the fence by 3 spaces" in message and "1 more line: 8" in message


def test_a_fence_after_a_list_that_is_not_indented_into_it_is_left_alone():
    from transcheck.document.markdown import indent_list_fences

    for text in ("1. item\n\n```\ncode at column 1\n```\n", "- a\n```\n   x\n```\n", "Text\n```\n   x\n   ```\n"):
        assert indent_list_fences(text)[1] == [], text


def test_a_glued_fence_right_after_a_closing_fence_keeps_its_first_line_of_code():
    from transcheck.checking.engine import check_texts
    from transcheck.document.model import CodeBlock, iter_blocks
    from transcheck.document.read import parse_text

    nb = "## A\n\n```yaml\nkind: Namespace\n```\nDeretter bruk dette:```yaml\nkind: Quota\nspec: x\n```\n"
    en = "## A\n\n```yaml\nkind: Namespace\n```\n\nThen apply this:\n\n```yaml\nkind: Quota\nspec: x\n```\n"
    doc = parse_text(nb)
    codes = [b.code.strip() for b in iter_blocks(doc.body.sections[0].blocks) if isinstance(b, CodeBlock)]
    assert codes == ["kind: Namespace", "kind: Quota\nspec: x"]
    rules = [f.rule for f in check_texts(nb, en, "p.nb.md", "p.en.md")]
    assert "code-mismatch" not in rules and "content-skipped" in rules
    changed = en.replace("spec: x", "spec: y")
    assert "code-mismatch" in [f.rule for f in check_texts(nb, changed, "p.nb.md", "p.en.md")]


def test_a_fence_glued_to_text_with_a_code_span_in_it_is_repaired():
    from transcheck.checking.engine import check_texts
    from transcheck.document.read import parse_text

    nb = ("## Token\n\nFor å hente tokenet, bruk skriptet `create.sh`:```bash\n./create.sh\n```\nDette lager en fil.\n\n"
          "### Fullføring\n\nNå er alt klart.\n")
    en = ("## Token\n\nTo get the token, use the script `create.sh`:\n\n```bash\n./create.sh\n```\n\nThis makes a file.\n\n"
          "### Completion\n\nNow all is ready.\n")
    assert [s.title for s in parse_text(nb).iter_sections()] == ["Token", "Fullføring"]
    rules = [f.rule for f in check_texts(nb, en, "p.nb.md", "p.en.md")]
    assert "content-skipped" in rules and "missing-section" not in rules and "code-mismatch" not in rules
