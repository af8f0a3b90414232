"""Link targets compared by what they point at.

What does not matter is normalised away: scheme and host case, default ports,
a trailing slash, ``index.html``, the order of query parameters. What differs by
language on purpose is made equal: a path segment, subdomain or query value
that is a language code (``/en/``, ``/sv-SE/``, ``?lang=sv``), configured
rewrites (``/kontakt/`` ↔ ``/contact/``), and Hugo ``ref``/``relref`` to the same
content file (Hugo resolves them to each language's own page).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from msgspec import Struct, field


from transcheck.lazyre import lazy_compile

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_REF = lazy_compile(r"""\{\{[<%]\s*(?:rel)?ref\s+(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))\s*[>%]\}\}""")
_LANG_SEGMENT = lazy_compile(r"^[a-z]{2,3}(?:[-_][A-Za-z]{2})?$")


class LinkRules(Struct, frozen=True):
    """How to compare link targets; ``languages`` are the pair's codes."""

    languages: tuple[str, ...] = ()
    rewrites: tuple[tuple[str, str], ...] = ()  # (text in A's links, text in B's links)
    ignore_fragments: bool = True  # "/jobs/#ansok" vs "/jobs/#apply": site anchors are translated
    language_codes: frozenset[str] = field(default_factory=frozenset)
    # the site's pages by address (transcheck.values.pagemap.PageMap) and the two pages' files:
    # a link is then compared by the page it leads to, whatever its language's slug
    page_map: Any = None
    page_a: str = ""
    page_b: str = ""


def ref_target(url: str) -> str | None:
    """The content path of a ``{{< ref "x" >}}`` link, normalised; None if it is not one."""
    match = _REF.search(url)
    if not match:
        return None
    target = next(g for g in match.groups() if g is not None)
    path, _, fragment = target.partition("#")
    path = re.sub(r"(?:/_?index)?\.md$", "", path.strip()).strip("/")
    return "ref:" + path


# Identifiers written with a colon ("ECLI:EU:C:2019:123", "urn:isbn:…", "doi:10.1000/1"):
# names of documents, not addresses a reader follows; a footnote's text often holds one.
_IDENTIFIER = lazy_compile(r"^(?:ecli|urn|doi|isbn|issn|arxiv|pmid|pmcid|hdl|oid|celex|info)\s?:(?!//)", re.I)


IDENTIFIER_IN_TEXT = lazy_compile(
    r"(?<![\w/.])(?:ecli|urn|doi|isbn|issn|arxiv|pmid|pmcid|hdl|celex)\s?:(?!//)\s?[^\s<>()\[\]]+", re.I
)


def is_identifier(value: str) -> bool:
    """A document identifier rather than a link target (see ``_IDENTIFIER``)."""
    return bool(_IDENTIFIER.match(value.strip()))


def is_url_like(value: str) -> bool:
    text = value.strip()
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*://|mailto:|tel:|/|\./|\.\./|#)", text, re.I)) or bool(
        _REF.search(text)
    )


def comparable_url(url: str, rules: LinkRules, side: str = "a") -> str:
    """The comparable form of a link target. ``side`` says whose rewrites apply."""
    ref = ref_target(url)
    if ref is not None:
        if rules.page_map is not None:  # a ref/relref names a content file: the map knows its page
            group = rules.page_map.resolve_ref(ref[4:], rules.page_a if side == "a" else rules.page_b)
            if group is not None:
                return f"page:{group}"
        return ref
    text = url.strip()
    if rules.page_map is not None and text and not text.startswith("#"):
        page = rules.page_a if side == "a" else rules.page_b
        group = rules.page_map.resolve(text, page)
        if group is not None:
            fragment = text.partition("#")[2]
            keep = fragment and not rules.ignore_fragments
            return f"page:{group}" + (f"#{fragment}" if keep else "")
        address = rules.page_map.address(text, page)
        if address is not None:  # not a known page: compare its absolute address
            text = address + (text[text.index("#"):] if "#" in text else "")
    for a_text, b_text in rules.rewrites:
        mine = a_text if side == "a" else b_text
        if mine and mine in text:
            text = text.replace(mine, "\x00rewrite\x00")
    try:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower()
        port = str(parts.port) if parts.port else ""
    except ValueError:
        # "http://[::1", "http://host:abc/", "http://host:99999/": not a URL that
        # can be taken apart; compared as written (the same typo on both sides is equal)
        return " ".join(text.split())
    if port and _DEFAULT_PORTS.get(scheme) == port:
        port = ""
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]  # www.example.com and example.com are one site
    if scheme == "http" and host:
        scheme = "https"  # a link moved to https is the same page, not drift
    host_parts = host.split(".")
    if len(host_parts) > 2 and _is_language(host_parts[0], rules):
        host_parts[0] = "{lang}"
    netloc = ".".join(host_parts) + (f":{port}" if port else "")
    plain_path = unquote(parts.path)
    if "{{" in plain_path:
        # the address continues a shortcode's value ({{% param _issue %}}%22good+first+issue%22):
        # most often a query, where "+" is a space
        plain_path = plain_path.replace("+", " ")
    segments = [s for s in plain_path.split("/")]
    segments = ["{lang}" if _is_language(s, rules) else s for s in segments]
    path = "/".join(segments)
    path = re.sub(r"/index\.html?$", "/", path)
    if not scheme and not netloc:
        # Hugo link render hooks resolve "/about.md" and "/about/_index.md" to the page "/about/"
        path = re.sub(r"(?:/_?index)?\.md$", "", path)
    path = re.sub(r"/+", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    elif path == "/" and netloc:
        path = ""  # "https://example.com/" is "https://example.com"
    query = sorted(
        (k, "{lang}" if _is_language(v, rules) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
    )
    # A fragment on this site is a heading's anchor, translated with the heading; on
    # another site it is part of the address ("#applyNow") and must match.
    fragment = "" if rules.ignore_fragments and path and not netloc else parts.fragment
    result = f"{scheme}://{netloc}{path}" if scheme or netloc else path
    if query:
        result += "?" + urlencode(query)
    if fragment:
        result += "#" + fragment
    return result


def _is_language(segment: str, rules: LinkRules) -> bool:
    """A path segment that names one of the pair's languages (``en``, ``sv-SE``, ``en_gb``)."""
    if not segment or not _LANG_SEGMENT.match(segment):
        return False
    primary = segment.split("-")[0].split("_")[0].lower()
    wanted = {code.split("-")[0].lower() for code in rules.languages} | set(rules.language_codes)
    return primary in wanted


def same_target(a: str, b: str, rules: LinkRules) -> bool:
    return comparable_url(a, rules, "a") == comparable_url(b, rules, "b")
