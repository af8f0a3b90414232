"""The site's pages by address, so a link is compared by the page it leads to.

A translation links to its own language's pages: `../sakerhet/` in Swedish is `../security/`
in English, `/gdpr/` is `/en/gdpr/`, Zola's `@/donate/index.sv.md` is `@/donate/index.md`.
Compared as text these differ; resolved to pages they are the two versions of one page.

A link target is resolved the way the site serves it: relative to the page's address
(Hugo and Zola serve a page at a folder-like URL: `docs/a.md` at `/docs/a/`, `_index.md` at its
folder), or relative to the file for `.md` targets (render hooks and Zola's `@/`), with the
language prefix of the site's languages dropped, `index`/`_index`/`.md` removed, and front
matter `url`, `slug` and `aliases` honoured. A target that names a page of the site becomes
that page's translation group; two links are equal when they lead to one group.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping
from pathlib import Path
from urllib.parse import unquote

from transcheck.lazyre import lazy_compile
from transcheck.resolved import resolved as resolved_path

_INDEX = lazy_compile(r"(?:^|/)_?index$")
HTTP_SCHEME = lazy_compile(r"^https?://", re.I)
_MD = lazy_compile(r"\.(?:md|markdown|mdown)$")


# a dataclass, not a msgspec Struct: the hash leaves the address tables out
@dataclass(frozen=True)
class PageMap:
    """Addresses of a site's pages → the key their translations share. Immutable, picklable."""

    languages: frozenset[str]
    content_dirs: tuple[tuple[str, str], ...]  # (absolute folder, language or "" for a shared folder)
    urls: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)  # "/docs/a" → group key
    # resolved file → "/docs/a", for the pages whose address is not the one their place in a
    # content folder gives (a url, slug or permalink; a page outside the folders): the rest would
    # cost a path and an address each on a site of thousands of pages
    page_urls: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # the site's base URLs without scheme, lower case, longest first ("beta.safespring.se/")
    bases: tuple[str, ...] = ()

    def group_of(self, path: str) -> str | None:
        """The key the page in file ``path`` shares with its translations, if it is a page here."""
        address = self.url_of(path)
        return self.urls.get(address) if address is not None else None

    def url_of(self, path: str) -> str | None:
        """The address of the page in file ``path`` (without language prefix), if it is a page here."""
        resolved = str(resolved_path(path))
        known = self.page_urls.get(resolved)
        if known is not None:
            return known
        return _folder_url(resolved, self.content_dirs, self.languages)

    def resolve(self, target: str, page_path: str) -> str | None:
        """The group key of the page a site-internal link leads to, else None."""
        address = self.address(target, page_path)
        if address is None:
            return None
        return self.urls.get(address)

    def resolve_ref(self, content_path: str, page_path: str) -> str | None:
        """The group of the page a Hugo ``ref``/``relref`` names: a content path from the
        content root ("/services/x.md"), or relative to the page's folder ("x.md")."""
        path = content_path.strip()
        if not path:
            return None
        candidates = [content_url(path.lstrip("/"), self.languages)]
        if not path.startswith("/"):
            base = self.url_of(page_path)
            if base is not None:
                folder = self._file_folder(page_path, base)
                candidates.insert(0, content_url(posixpath.normpath(posixpath.join(folder, path)).lstrip("/"), self.languages))
        for address in candidates:
            group = self.urls.get(address)
            if group is not None:
                return group
        return None

    def address(self, target: str, page_path: str) -> str | None:
        """A site-internal link as an absolute address without language prefix; None otherwise."""
        text = self._within_site(target.strip())
        if not text or text.startswith(("#", "//")) or re.match(r"^[a-z][a-z0-9+.-]*:", text, re.I) and not text.startswith("@/"):
            return None
        path = unquote(text.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return None
        if path.startswith("@/"):  # Zola: a content file
            return content_url(path[2:], self.languages)
        if path.startswith("/"):
            if _MD.search(path):  # "/contact.md": a content file named from the content root
                return content_url(_without_language(path.lstrip("/"), self.languages), self.languages)
            return _clean("/" + _without_language(path.lstrip("/"), self.languages))
        base = self.url_of(page_path)
        if base is None:
            return None
        if _MD.search(path):
            # a file link: relative to the file's folder (a render hook or Zola resolves it)
            folder = self._file_folder(page_path, base)
            joined = posixpath.normpath(posixpath.join(folder, path))
            return content_url(joined.lstrip("/"), self.languages)
        joined = posixpath.normpath(posixpath.join(base.rstrip("/") + "/", path))
        return _clean("/" + _without_language(joined.lstrip("/"), self.languages))

    def on_base_url(self, target: str) -> bool:
        """Is ``target`` an absolute address under the site's or a language's base URL?"""
        text = target.strip()
        return self._within_site(text) != text

    def _within_site(self, text: str) -> str:
        """``https://beta.safespring.se/tjanster/`` → ``/tjanster/`` when the site (or one of
        its languages) is served there; any other text as it is."""
        scheme = HTTP_SCHEME.match(text)
        if scheme is None or not self.bases:
            return text
        rest = text[scheme.end():]
        lowered = rest.lower()
        for base in self.bases:
            if lowered.startswith(base) or lowered == base.rstrip("/"):
                return "/" + rest[len(base):]
        return text

    def _file_folder(self, page_path: str, base: str) -> str:
        # a bundle's index.md / _index.md lives in the folder that is its address
        name = Path(page_path).name
        stem = _MD.sub("", name).split(".")[0]
        if stem in ("index", "_index"):
            return base
        return posixpath.dirname(base.rstrip("/")) or "/"


def content_url(relative: str, languages: frozenset[str]) -> str:
    """'docs/a.md' → '/docs/a'; 'docs/_index.md' → '/docs'; 'about.sv.md' → '/about'."""
    path = _MD.sub("", relative.replace("\\", "/"))
    head, dot, suffix = path.rpartition(".")
    if dot and suffix.lower() in languages and "/" not in suffix:
        path = head  # page.sv.md: the language suffix is not part of the address
    path = _INDEX.sub("", path)
    return _clean("/" + path)


def _folder_url(resolved: str, content_dirs: tuple[tuple[str, str], ...], languages: frozenset[str]) -> str | None:
    """The address a file has by its place in the content folders (longest folder first)."""
    for folder, _language in content_dirs:
        if resolved.startswith(folder.rstrip("/") + "/"):
            return content_url(resolved[len(folder.rstrip("/")) + 1 :], languages)
    return None


def _without_language(path: str, languages: frozenset[str]) -> str:
    first, slash, rest = path.partition("/")
    if first.lower() in languages:
        return rest
    return path


def _clean(path: str) -> str:
    path = re.sub(r"/+", "/", path)
    path = re.sub(r"/index\.html?$", "", path)
    return path.rstrip("/") or "/"


def build_page_map(
    pages: list[tuple[str, str, str, dict[str, object]]], languages: list[str], content_dirs: dict[str, list[Path]],
    base_urls: dict[str, str] | None = None,
) -> PageMap:
    """From (file, group key, address without language, front-matter fields) of every page.

    An address claimed by two different groups is ambiguous and left out: such links are
    then compared as written, as without a map.
    """
    builder = PageMapBuilder(languages, content_dirs, base_urls)
    for path, group, address, fields in pages:
        builder.add(path, group, address, fields)
    return builder.build()


class PageMapBuilder:
    """``build_page_map`` a page at a time, so that planning a site never lists every page's
    address and fields first (a site of 10 000 pairs has 20 000 pages)."""

    def __init__(self, languages: list[str], content_dirs: dict[str, list[Path]], base_urls: dict[str, str] | None = None) -> None:
        self.codes = frozenset(code.lower() for code in languages) | frozenset(code.split("-")[0].lower() for code in languages)
        bases = {HTTP_SCHEME.sub("", url.strip()).lower().rstrip("/") + "/" for url in (base_urls or {}).values()} - {"/"}
        self.bases = tuple(sorted(bases, key=lambda b: (-len(b), b)))
        self.urls: dict[str, str] = {}
        self.ambiguous: set[str] = set()
        self.weak: dict[str, str] = {}  # addresses by the file's name where Hugo's :slug gives the title
        self.ambiguous_weak: set[str] = set()
        self.page_urls: dict[str, str] = {}
        self.folders = tuple(sorted(
            ((str(folder), language) for language, list_ in content_dirs.items() for folder in list_),
            key=lambda item: -len(item[0]),
        ))

    def _claim(self, address: str, group: str) -> None:
        address = _clean(address)
        if self.urls.get(address, group) != group:
            self.ambiguous.add(address)
        self.urls.setdefault(address, group)

    def add(self, path: str, group: str, address: str, fields: dict[str, object]) -> None:
        """One page: its file, the key of its translation group, its address, its front-matter fields."""
        codes = self.codes
        url = fields.get("url")
        slug = fields.get("slug")
        permalink = fields.get("permalink")
        own = address
        if isinstance(url, str) and url.strip():
            own = _clean("/" + _without_language(url.strip().lstrip("/"), codes))
        elif isinstance(permalink, str) and permalink.strip():
            own = _clean("/" + _without_language(permalink.strip().lstrip("/"), codes))
        elif isinstance(slug, str) and slug.strip() and address != "/":
            own = _clean(posixpath.dirname(address) + "/" + slug.strip().strip("/"))
        resolved = str(resolved_path(path))
        if _folder_url(resolved, self.folders, codes) == own:
            self.page_urls.pop(resolved, None)  # url_of finds it from the folders (a later file wins, as before)
        else:
            self.page_urls[resolved] = own
        self._claim(own, group)
        self._claim(address, group)
        by_name = fields.get("permalink_by_name")
        if isinstance(by_name, str) and by_name.strip():
            # a weaker claim: it never takes an address a page has by Hugo's own rules
            weak = _clean("/" + _without_language(by_name.strip().lstrip("/"), codes))
            if self.weak.get(weak, group) != group:
                self.ambiguous_weak.add(weak)
            self.weak.setdefault(weak, group)
        aliases = fields.get("aliases")
        for alias in aliases if isinstance(aliases, list) else [aliases] if isinstance(aliases, str) else []:
            if isinstance(alias, str) and alias.strip():
                self._claim("/" + _without_language(alias.strip().lstrip("/"), codes), group)

    def build(self) -> PageMap:
        for address, group in self.weak.items():
            if address not in self.urls and address not in self.ambiguous and address not in self.ambiguous_weak:
                self.urls[address] = group
        for address in self.ambiguous:
            self.urls.pop(address, None)
        return PageMap(self.codes, self.folders, GroupsByAddress(self.urls), self.page_urls, self.bases)


def _group_forms(address: str) -> tuple[str, str, str]:
    """The group keys a page at ``address`` has when its key is its file's place in the
    content folder: "/docs/a" → "docs/a.md", "docs/a/index.md", "docs/a/_index.md"."""
    stem = address[1:]
    folder = stem + "/" if stem else ""
    return stem + ".md", folder + "index.md", folder + "_index.md"


class GroupsByAddress(Mapping[str, str]):
    """Address → group key, as a dict, but holding no key string that the address spells: most
    pages' group is their file's place ("/docs/a" → "docs/a.md"), which is kept as the number
    of its form (a site of 10 000 pages would hold 10 000 such strings to the end of a scan)."""

    __slots__ = ("_codes",)

    def __init__(self, groups: Mapping[str, str]) -> None:
        codes: dict[str, str | int] = {}
        for address, group in groups.items():
            forms = _group_forms(address)
            codes[address] = forms.index(group) if group in forms else group
        self._codes = codes

    def __getitem__(self, address: str) -> str:
        value = self._codes[address]
        return value if isinstance(value, str) else _group_forms(address)[value]

    def get(self, address: str, default: str | None = None) -> str | None:  # type: ignore[override]
        value = self._codes.get(address)
        if value is None:
            return default
        return value if isinstance(value, str) else _group_forms(address)[value]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)
