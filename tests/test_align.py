from transcheck.align import align_sequences
from conftest import findings, rules_of

EN = """
## Why this role

We build the cloud with Ceph and Kubernetes for 40 customers.

## What you will do

- Run Ceph clusters
- Automate with Ansible
- Join the on-call rota

## What you need

- Linux experience
- Kubernetes knowledge

## Bonus points

- BGP networking
- Rook operator

## How we hire

1. Intro call
2. Tech interview
3. Offer
"""

SV = """
## Varför rollen

Vi bygger molnet med Ceph och Kubernetes för 40 kunder.

## Vad du gör

- Driva Ceph-kluster
- Automatisera med Ansible
- Vara med i jourschemat

## Vad du behöver

- Erfarenhet av Linux
- Kunskap om Kubernetes

## Extra plus

- BGP-nätverk
- Rook-operatorn

## Så anställer vi

1. Inledande samtal
2. Teknisk intervju
3. Erbjudande
"""


def test_sequence_alignment_keeps_order_and_gaps():
    a = ["x", "y", "z"]
    b = ["x", "z"]
    pairs = align_sequences(3, 2, lambda i, j: 1.0 if a[i] == b[j] else 0.0, 0.5)
    assert pairs == [(0, 0), (1, None), (2, 1)]


def test_translated_pair_aligns_without_findings():
    assert findings(SV, EN) == []


def test_one_section_deleted_in_the_middle_gives_exactly_one_finding():
    sv = SV.replace("## Vad du behöver\n\n- Erfarenhet av Linux\n- Kunskap om Kubernetes\n\n", "")
    found = findings(sv, EN)
    assert rules_of(found) == [("missing-section", "a.md", 11)]
    assert '"What you need" (b.md:11, a level-2 heading) has no counterpart here' in found[0].message
    assert 'belongs before "Extra plus"' in found[0].message
    assert found[0].related[0].path == "b.md" and found[0].related[0].line == 11


def test_section_missing_in_the_second_file_is_reported_there():
    en = EN.replace("## Bonus points\n\n- BGP networking\n- Rook operator\n\n", "")
    found = findings(SV, en)
    assert rules_of(found) == [("missing-section", "b.md", 16)]
    assert found[0].related[0].line == 16


def test_heading_level_change_is_reported_once_for_a_shifted_subtree():
    sv = SV.replace("## Vad du behöver", "### Vad du behöver")
    found = findings(sv, EN)
    assert rules_of(found) == [("heading-level", "a.md", 11)]
    assert "level-3 heading here but level 2" in found[0].message


def test_two_swapped_sections_are_a_section_order_finding_not_missing_ones():
    blocks = SV.split("\n## ")
    swapped = "\n## ".join([blocks[0], blocks[1], blocks[3], blocks[2], blocks[4], blocks[5]])
    found = findings(swapped, EN)
    assert [f.rule for f in found] == ["section-order"]


def test_bold_line_versus_heading_is_recognised_as_the_same_section():
    sv = SV.replace("## Varför rollen", "**Varför rollen**")
    found = findings(sv, EN)
    assert rules_of(found) == [("heading-level", "a.md", 1)]
    assert "is a bold line here but a level-2 heading" in found[0].message


def test_blocks_align_past_an_added_paragraph():
    en = EN.replace("## What you will do\n\n", "## What you will do\n\nA new intro sentence.\n\n")
    found = findings(SV, en)
    # the list is still compared with its real counterpart: no bullet-count finding
    assert [f.rule for f in found] == ["paragraph-count"]
