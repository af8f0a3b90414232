"""Which shortcode arguments are text (translated) and which are data (must be equal)."""

from __future__ import annotations

import re

from transcheck.lazyre import lazy_compile
from transcheck.document.model import Shortcode

# Arguments that carry words for the reader: translated, so never compared.
TEXT_ARGS = frozenset(
    """title text description alt caption label name heading header subheader subtitle summary
    intro content placeholder button buttontext button_text linktext link_text linkname tooltip
    question answer cta quote role position lead body message subject tagline excerpt""".split()
)
# Arguments that are data: always compared, whatever they look like.
DATA_ARGS = frozenset(
    """link url href src image img icon id color colour class type width height size target rel
    ref page file video youtube vimeo email phone date lang style align position_x variant
    theme bg background""".split()
)
_DATA_VALUE = lazy_compile(
    r"""^(?:
        [a-z][a-z0-9+.-]*://\S+ | mailto:\S+ | tel:\S+ | /\S* | \.{1,2}/\S* | \#[0-9a-fA-F]{3,8}
        | [+-]?\d+(?:[.,]\d+)?(?:px|em|rem|%)? | true | false
        | [a-z0-9]+(?:[-_.][a-z0-9]+)+ | [a-z0-9]+
    )$""",
    re.X,
)


def is_data_argument(key: str | None, value: str) -> bool:
    """Must this argument be equal in both versions (True) or may it be translated (False)?"""
    if key is not None:
        lowered = key.lower()
        if lowered in TEXT_ARGS:
            return False
        if lowered in DATA_ARGS:
            return True
    items = array_items(value)
    if items is not None:  # a Zola array is data when every item is
        return all(_DATA_VALUE.match(item.strip()) for item in items)
    return bool(_DATA_VALUE.match(value.strip()))


_ARRAY_ITEM = lazy_compile(r'"([^"]*)"|([^,\s][^,]*)')


def array_items(value: str) -> list[str] | None:
    """The items of a Zola array argument as the parser shows it (``[1, "a"]``), else None."""
    stripped = value.strip()
    if not (stripped.startswith("[") and stripped.endswith("]")):
        return None
    return [m.group(1) if m.group(1) is not None else m.group(2).strip() for m in _ARRAY_ITEM.finditer(stripped[1:-1])]


# URL- and path-valued arguments are links: compared by link-mismatch / image-mismatch,
# which know about language-specific URLs.
LINK_ARGS = frozenset("link url href src linkref ref page file image img video".split())
_LINK_VALUE = lazy_compile(r"^(?:[a-z][a-z0-9+.-]*://|mailto:|tel:|/|\./|\.\./|#[^0-9a-fA-F]|#[\w-]{9,}|[\w./-]+\.(?:md|html?|pdf|png|jpe?g|svg|gif|webp)$)", re.I)


def is_link_argument(key: str | None, value: str) -> bool:
    return (key is not None and key.lower() in LINK_ARGS) or bool(_LINK_VALUE.match(value.strip()))


def data_args(sc: Shortcode) -> dict[str, str]:
    """The arguments that must be equal across languages (URLs excluded: see LINK_ARGS)."""
    args = {
        f"#{i + 1}": v
        for i, v in enumerate(sc.positional)
        if is_data_argument(None, v) and not is_link_argument(None, v)
    }
    args.update({k: v for k, v in sc.named if is_data_argument(k, v) and not is_link_argument(k, v)})
    return args
