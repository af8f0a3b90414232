"""The image-alt-missing rule: an image described in one version and not in the other.

A translator who copies ``![](team.webp)`` without writing its text alternative leaves the
page mute for screen readers in that language only; the other version shows the alt text
was meant. Images are paired by file name inside aligned sections, so a changed picture is
left to image-mismatch and a picture without counterpart to the structure rules.
"""

from __future__ import annotations

from posixpath import basename
from urllib.parse import urlsplit

from transcheck.align.alignment import SectionInfo
from transcheck.document.model import IMAGE_KINDS, Inline, Link, walk_nodes
from transcheck.findings import Example, Rule, Severity
from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.wording import quote

IMAGE_ALT_MISSING = Rule(
    "TC407", "image-alt-missing", Severity.WARNING,
    "An image has a text alternative in one version and none in the other.",
    "Markdown images (`![alt](file)`, reference images too) are paired by file name inside aligned "
    "sections. When one version describes the picture and the other leaves the alt text empty, the "
    "version without it is reported at the image, with the other version's description: screen "
    "readers announce nothing there, and search engines see an unlabelled picture. Both empty "
    "(a decorative image) or both described, in any words, stays quiet; a different picture is "
    "image-mismatch, not this rule.",
    example=Example(
        "## Vårt team\n\n![Sex kollegor vid ett bord på kontoret i Umeå](team.webp)\n",
        "## Our team\n\n![](team.webp)\n",
        "The Swedish image describes the photo; the English one has no alt text, so screen readers "
        "say nothing about it.",
    ),
)

RULES: tuple[Rule, ...] = (IMAGE_ALT_MISSING,)


def _images(info: SectionInfo, skip: set[int]) -> list[Link]:
    """The Markdown images of a section, blocks without counterpart left out."""
    found: list[Link] = []
    inlines: list[Inline] = [info.section.inline] if info.section is not None else []
    for node in walk_nodes(list(info.blocks), skip):
        inline = getattr(node, "inline", None)
        if isinstance(inline, Inline):
            inlines.append(inline)
    for inline in inlines:
        found.extend(link for link in inline.links if link.kind in IMAGE_KINDS)
    return found


def _file_name(url: str) -> str:
    return basename(urlsplit(url.strip()).path).lower()


def _described(image: Link) -> bool:
    return bool(image.text.strip())


def check_image_alt(c: Comparison) -> None:
    for section_a, section_b in c.sections.pairs + c.sections.moved:
        waiting = _images(section_b, c.unmatched)
        for image_a in _images(section_a, c.unmatched):
            name = _file_name(image_a.url)
            image_b = next((image for image in waiting if name and _file_name(image.url) == name), None)
            if image_b is None:
                continue
            waiting.remove(image_b)
            if _described(image_a) != _described(image_b):
                _report(c, (c.b, image_b, c.a, image_a) if _described(image_a) else (c.a, image_a, c.b, image_b))


def _report(c: Comparison, places: tuple[Side, Link, Side, Link]) -> None:
    side, image, other, described = places
    c.report(
        IMAGE_ALT_MISSING,
        side,
        image.line,
        f"image {quote(_file_name(image.url))} has no alt text here; {other.name}:{described.line} "
        f"describes it as {quote(described.text)}",
        [(other, described.line)],
        key=f"{_file_name(image.url)}",
    )


CHECKS: tuple[Check, ...] = (Check(check_image_alt, (IMAGE_ALT_MISSING,)),)
