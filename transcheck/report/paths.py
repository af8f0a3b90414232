"""How every output format shows paths and page text.

One path style for all formats: relative to the working directory (or to ``--root``),
with ``/`` separators; a path outside it is shown relative to the scanned site's root
when there is one, else absolute. Messages name the other file of a pair the same way.

Page text and file names never reach an output raw: control characters (ESC among
them), bidirectional overrides, line separators and the undecodable bytes of a
non-UTF-8 file name are shown as visible escapes (``\\x1b``, ``\\u202e``, ``\\xff``).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from transcheck.lazyre import lazy_compile
from transcheck.findings import Finding, Location

# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings and isolates,
# and lone surrogates (os.fsdecode's stand-ins for bytes that are not UTF-8)
_UNSAFE = lazy_compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control or invisible-direction character as a visible escape."""
    return _UNSAFE.sub(_escape, text)


def _under(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` with ``/`` separators, or None when it is not below it."""
    try:
        relative = os.path.relpath(path, base)
    except ValueError:  # another drive (Windows)
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep) or os.path.isabs(relative):
        return None
    return relative.replace(os.sep, "/")


# a dataclass, not a msgspec Struct: the cache stays out of equality
@dataclass(frozen=True)
class PathStyle:
    """Paths as outputs show them. ``root`` defaults to the working directory; ``fallback``
    (the scanned site's root) serves paths outside it."""

    root: str | None = None
    fallback: str | None = None
    # shown paths by path: a site has few files and many findings (realpath costs a stat a part)
    _cache: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def plain(self, path: str) -> str:
        """The shown path before escaping (what SARIF percent-encodes)."""
        shown = self._cache.get(path)
        if shown is None:
            shown = self._cache[path] = self._plain(path)
        return shown

    def _plain(self, path: str) -> str:
        try:
            here = self.root or os.getcwd()
            absolute = os.path.abspath(path)
        except OSError:  # the working directory was removed: paths as given
            return path.replace(os.sep, "/")
        bases = [base for base in (here, self.fallback) if base]
        for base in bases:
            relative = _under(absolute, os.path.abspath(base))
            if relative is not None:
                return relative
        for base in bases:  # through symbolic links (a temporary folder, a linked checkout)
            relative = _under(os.path.realpath(path), os.path.realpath(base))
            if relative is not None:
                return relative
        return absolute.replace(os.sep, "/")

    def __call__(self, path: str) -> str:
        return visible(self.plain(path))

    def listed(self, path: str) -> str:
        """As calling the style, without keeping the result: a site's list of files and pairs
        (20 000 files for 10 000 pairs) is written once, unlike the few paths of findings."""
        shown = self._cache.get(path)
        return visible(shown if shown is not None else self._plain(path))

    def finding(self, finding: Finding) -> Finding:
        """The finding with its paths shown, in its location, its related locations and its message."""
        names = {p: self(p) for p in (finding.path, *(r.path for r in finding.related))}
        return replace(
            finding,
            path=names[finding.path],
            related=tuple(Location(names[r.path], r.line) for r in finding.related),
            message=visible(_rename(finding.message, names)),
        )

    def findings(self, findings: list[Finding]) -> list[Finding]:
        """Every finding shown, in the order of the shown paths (the order outputs promise)."""
        return sorted((self.finding(f) for f in findings), key=Finding.sort_key)


def _rename(message: str, names: dict[str, str]) -> str:
    """Each path of the pair, where a message names it, replaced by its shown form.

    One pass over the longest names first, and only where a name is not the tail of a
    longer path, so ``b/a.md`` never rewrites a part of ``x/b/a.md``."""
    wanted = {raw: shown for raw, shown in names.items() if raw and raw != shown and raw in message}
    if not wanted:
        return message
    return _pattern(tuple(sorted(wanted, key=len, reverse=True))).sub(lambda m: wanted[m.group()], message)


@lru_cache(maxsize=1024)
def _pattern(raws: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w./\\-])(?:" + "|".join(re.escape(raw) for raw in raws) + ")")


def uri(path: str) -> str:
    """A shown (plain) path as a URI reference: percent-encoded bytes, ``file://`` when absolute."""
    encoded = quote(os.fsencode(path), safe="/!$&'()*+,;=:@~-._")
    return "file://" + encoded if path.startswith("/") else encoded
