"""Large pages in (near) linear time: each case runs in a subprocess that must finish
within a generous limit, so a regression to quadratic alignment fails instead of
hanging. No timing is asserted beyond "does not hang" (bench/stress.py measures)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import REPO

LIMIT = 60  # seconds; the quadratic aligner took minutes on these sizes
N = 3000

_CHECK = textwrap.dedent(
    """
    import json, sys
    from transcheck.checking.engine import check_texts
    a, b = json.load(sys.stdin)
    found = check_texts(a, b, "a.md", "b.md")
    print(json.dumps([(f.rule, f.path, f.line, f.message) for f in found]))
    """
)


def _check_in_subprocess(a: str, b: str) -> list[tuple[str, str, int, str]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHECK],
        input=json.dumps([a, b]),
        capture_output=True,
        text=True,
        timeout=LIMIT,
        cwd=REPO,
        check=True,
    )
    return [tuple(f) for f in json.loads(done.stdout)]


def _one_more(lines: list[str], extra: str, at: int) -> list[str]:
    return lines[:at] + [extra] + lines[at:]


def _structural(found: list[tuple[str, str, int, str]]) -> list[tuple[str, str, int, str]]:
    wanted = {"missing-section", "section-order", "bullet-count", "paragraph-count", "heading-level", "table-shape"}
    return [f for f in found if f[0] in wanted]


def test_long_list_with_one_added_item_is_one_finding_at_the_right_item():
    sv = "## Lista\n\n" + "".join(f"- Punkt {i}\n" for i in range(N))
    en = "## List\n\n" + "".join(_one_more([f"- Item {i}\n" for i in range(N)], "- Item about Kubernetes\n", 1234))
    found = _structural(_check_in_subprocess(sv, en))
    assert [(rule, path, line) for rule, path, line, _ in found] == [("bullet-count", "a.md", 3)]
    assert '"Item about Kubernetes" (b.md:1237)' in found[0][3]


def test_long_list_of_look_alike_items_does_not_hang():
    words_sv = ("en rad om saken", "ännu en rad", "något annat", "kort", "en lite längre rad om det hela")
    words_en = ("a line about it", "yet another line", "something else", "short", "a longer line about all of it")
    sv = "## Lista\n\n" + "".join(f"- {words_sv[i % 5]}\n" for i in range(N))
    en = "## List\n\n" + "".join(_one_more([f"- {words_en[i % 5]}\n" for i in range(N)], "- one more\n", N // 2))
    found = _structural(_check_in_subprocess(sv, en))
    assert [(rule, line) for rule, _, line, _ in found] == [("bullet-count", 3)]


def test_many_sibling_sections_with_one_missing_is_one_finding_in_its_place():
    sv = "".join(f"## Avsnitt {i}\n\nText {i} om saken.\n\n" for i in range(N))
    en_sections = [f"## Section {i}\n\nText {i} about it.\n\n" for i in range(N)]
    en = "".join(_one_more(en_sections, "## Ceph\n\nAbout Ceph and Rook.\n\n", 2000))
    found = _structural(_check_in_subprocess(sv, en))
    assert len(found) == 1
    rule, path, line, message = found[0]
    assert (rule, path, line) == ("missing-section", "a.md", 1 + 4 * 2000)  # where "Avsnitt 2000" stands
    assert '"Ceph"' in message and 'it belongs before "Avsnitt 2000"' in message


def test_many_paragraphs_in_one_section_do_not_hang():
    sv = "## Text\n\n" + "".join(f"Stycke {i} handlar om saken.\n\n" for i in range(N))
    en = "## Text\n\n" + "".join(_one_more([f"Paragraph {i} is about it.\n\n" for i in range(N)], "About Ceph.\n\n", 7))
    found = _structural(_check_in_subprocess(sv, en))
    assert [(rule, line) for rule, _, line, _ in found] == [("paragraph-count", 1)]


def test_a_large_page_against_a_small_one_does_not_hang():
    chunk = (
        "## Avsnitt {i}\n\nVi kör Ceph i {i} datacenter, se [sidan](https://example.com/{i}).\n\n"
        "- Lön 45 000 kr\n- Plats Stockholm\n\n| Plan | Pris |\n|---|---|\n| Bas | 100 kr |\n\n"
        "```bash\nkubectl get pods -n team-{i}\n```\n\n"
    )
    big = "".join(chunk.format(i=i) for i in range(N))  # about 500 KB
    small = "".join(chunk.format(i=i).replace("Avsnitt", "Section") for i in range(3))
    found = _check_in_subprocess(big, small)
    missing = [f for f in found if f[0] == "missing-section"]
    assert len(missing) == N - 3
    assert not [f for f in found if f[0] == "internal-error"]


def test_sections_nested_in_many_parents_do_not_hang():
    n = N
    # every parent has two sub-sections, and the B side lost one of the parents
    sv = "".join(f"## Del {i}\n\nDel {i}.\n\n### Mer {i}a\n\nA {i}.\n\n### Mer {i}b\n\nB {i}.\n\n" for i in range(n // 3))
    parts = [f"## Part {i}\n\nPart {i}.\n\n### More {i}a\n\nA {i}.\n\n### More {i}b\n\nB {i}.\n\n" for i in range(n // 3)]
    en = "".join(parts[:100] + parts[101:])
    found = _structural(_check_in_subprocess(sv, en))
    assert [(rule, path) for rule, path, _, _ in found] == [("missing-section", "b.md")]
    assert '"Del 100"' in found[0][3]


def test_every_section_under_a_new_top_heading_does_not_hang():
    # the parents all differ, so every section is matched among the leftovers, with its children
    sv = "".join(f"## Del {i}\n\nDel {i}.\n\n### Mer {i}\n\nA {i}.\n\n" for i in range(N // 2))
    en = "# Everything\n\nIntro.\n\n" + "".join(f"## Part {i}\n\nPart {i}.\n\n### More {i}\n\nA {i}.\n\n" for i in range(N // 2))
    found = _check_in_subprocess(sv, en)
    assert not [f for f in found if f[0] == "internal-error"]
    assert len([f for f in found if f[0] == "missing-section"]) <= 2  # the sections are found, not lost


def test_many_equal_code_blocks_with_one_more_is_one_finding():
    sv = "## Kod\n\n" + "```\nmake\n```\n\n" * N
    en = "## Code\n\n" + "```\nmake\n```\n\n" * (N + 1)
    found = _check_in_subprocess(sv, en)
    assert [(rule, path) for rule, path, _, _ in found if rule == "code-mismatch"] == [("code-mismatch", "a.md")]
