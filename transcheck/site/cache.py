"""A cache of each pair's findings, so a rerun of an unchanged site only reads and hashes files.

An entry is keyed by everything the findings depend on: both files' bytes (SHA-256), their
paths and expected languages, the settings and rule selection, the site's page map, and the
code of transcheck itself (a digest of its modules, so no entry outlives a change of version
or of a single line). Entries are JSON files written atomically (a temporary file renamed
into place), so concurrent runs and ``-j N`` workers never see half an entry; one that cannot
be read is treated as missing. The folder is bounded: past ``MAX_ENTRIES`` the oldest entries
are removed. It holds a ``.gitignore`` of its own, so it is never committed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict

from functools import lru_cache
from pathlib import Path
from typing import Any

from msgspec.structs import fields

from transcheck.findings import Finding, Location, Severity
from transcheck.align.semantic import enabled as semantic_enabled

CACHE_DIR_NAME = ".transcheck_cache"
FORMAT = 1
MAX_ENTRIES = 50_000


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of transcheck's own modules: any change of code is a new cache."""
    digest = hashlib.sha256(str(FORMAT).encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


def file_digest(path: str) -> str | None:
    """SHA-256 of a file's bytes; None when it cannot be read (then nothing is cached)."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def settings_digest(settings: Any, page_map: Any) -> str:
    """What of the settings and the site changes findings: everything but the page map object
    itself, which is represented by its addresses."""
    parts: dict[str, Any] = {f.name: getattr(settings, f.name) for f in fields(settings) if f.name != "page_map"}
    parts["semantic"] = semantic_enabled()  # the embedding backend finds other sentence-replaced
    if page_map is not None:
        parts["page_map"] = [sorted(page_map.urls.items()), sorted(page_map.page_urls.items()),
                             sorted(page_map.languages), page_map.content_dirs]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=repr).encode()).hexdigest()


def pair_key(translation: str, source: str, languages: tuple[str | None, str | None],
             digests: tuple[str, str], settings: str) -> str:
    text = json.dumps([code_digest(), translation, source, languages, digests, settings])
    return hashlib.sha256(text.encode()).hexdigest()


_PATH_SAFE = "surrogatepass"  # entries name files whose names may not be UTF-8 (lone surrogates)


class PairCache:
    """Findings per pair key in a folder; every failure to read or write is a miss, never an error."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8", errors=_PATH_SAFE))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) and data.get("format") == FORMAT else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _ensure_gitignore(self.folder)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8", errors=_PATH_SAFE) as out:
                    json.dump({"format": FORMAT, **value}, out, ensure_ascii=False)
                os.replace(temporary, target)
            except BaseException:
                try:
                    os.unlink(temporary)
                except OSError:
                    pass
                raise
        except (OSError, ValueError):
            pass  # a read-only or full disk: the scan still works, only slower next time

    def prune(self, keep: int = MAX_ENTRIES) -> None:
        """Remove the oldest entries past ``keep`` (by modification time)."""
        try:
            entries = [p for p in self.folder.glob("*/*.json")]
            if len(entries) <= keep:
                return
            entries.sort(key=lambda p: p.stat().st_mtime)
            for path in entries[: len(entries) - keep]:
                path.unlink(missing_ok=True)
        except OSError:
            pass


def _ensure_gitignore(folder: Path) -> None:
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            ignore.write_text("# transcheck's cache: never committed\n*\n", encoding="utf-8")
        except OSError:
            pass


def finding_to_json(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["severity"] = int(finding.severity)
    data["related"] = [[r.path, r.line] for r in finding.related]
    return data


def finding_from_json(data: dict[str, Any]) -> Finding:
    related = tuple(Location(path, line) for path, line in data.pop("related"))
    severity = Severity(data.pop("severity"))
    return Finding(related=related, severity=severity, **data)
