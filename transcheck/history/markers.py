"""What a one-pair check needs of the history layer without loading it: the front-matter flag
by which a page says it drifted, and a look at the folders (no git call) that tells when a file
cannot be in a git repository, so that a check outside one never starts git."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from transcheck.resolved import remembered_in_run

# A front-matter flag by which a site's own tooling says the page is behind its source
# (opentelemetry.io's drifted_from_default: true).
DRIFT_KEYS: tuple[str, ...] = ("drifted_from_default",)
# The front-matter entry by which a translation records the source commit it follows: such a
# page follows its source, the version its site's editors write first.
SOURCE_MARKER_KEYS: tuple[str, ...] = ("default_lang_commit", "l10n.sourceCommit")


def declared_drift(entries: Sequence[Any]) -> Any | None:
    """The front-matter entry by which a page says it drifted from its source, else None."""
    for entry in entries:
        if entry.key.lower() in DRIFT_KEYS and (entry.value is True or str(entry.value).lower() == "true"):
            return entry
    return None


def follows_source(entries: Sequence[Any]) -> bool:
    """Does the page record the source commit it follows (a :data:`SOURCE_MARKER_KEYS` entry,
    the dotted one inside its table)?"""
    for entry in entries:
        key = entry.key.lower()
        for marker in SOURCE_MARKER_KEYS:
            top, _, inner = marker.lower().partition(".")
            if key == marker.lower() and _recorded(entry.value) or key == top and inner and isinstance(entry.value, dict) \
                    and any(str(k).lower() == inner and _recorded(v) for k, v in entry.value.items()):
                return True
    return False


def _recorded(value: Any) -> bool:
    """A marker's value that names a commit (an empty one records nothing)."""
    return isinstance(value, (str, int)) and not isinstance(value, bool) and bool(str(value).strip())


def may_be_in_repository(path: Path) -> bool:
    """False only when git could find no repository for ``path``: no ``.git`` (folder or file)
    and no bare repository at or above its folder, and no GIT_DIR in the environment."""
    if os.environ.get("GIT_DIR"):
        return True
    try:
        return _repository_above(os.path.abspath(path if path.is_dir() else path.parent))
    except (OSError, RuntimeError):
        return True


@remembered_in_run
def _repository_above(given: str) -> bool:
    """:func:`may_be_in_repository` of a folder (each pair of a source asks again)."""
    folder = Path(given).resolve()
    for current in (folder, *folder.parents):
        try:
            if (current / ".git").exists() or ((current / "HEAD").is_file() and (current / "objects").is_dir()):
                return True
        except OSError:
            return True
    return False
