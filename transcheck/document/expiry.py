"""Whether Hugo still publishes a page: its expiry date, read from the front matter.

Hugo leaves a page out of the site once its expiry date has passed (``expiryDate``, or
``unpublishdate``; keys are case-insensitive), unless the site is built with
``buildExpired``. A pair of pages that have both expired is not on the site any more: its
differences are nobody's work, so a scan does not report them (``--include-expired`` does;
see site.scan). Pure functions: the clock is passed in, so the same input and clock give
the same answer.
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from typing import Any

from transcheck.document.model import FrontMatter

# Hugo's default [frontmatter] expiryDate keys, in the order it tries them
EXPIRY_KEYS = ("expirydate", "unpublishdate")


def expiry_of(front_matter: FrontMatter) -> str:
    """The page's expiry as an ISO 8601 time in UTC, or "" when it has none (or one that is
    no date: Hugo would refuse the page, and front matter rules say so)."""
    by_key = {entry.key.lower(): entry.value for entry in front_matter.entries}
    for key in EXPIRY_KEYS:
        value = by_key.get(key)
        if value is None or isinstance(value, str) and not value.strip():
            continue  # an empty value: the next key is tried, as Hugo does
        moment = _moment(value)
        return moment.isoformat() if moment is not None else ""
    return ""


def _moment(value: Any) -> datetime | None:
    """A front matter date as an aware time: a date alone is its midnight, a time without
    a zone is read as UTC (Hugo reads it in the site's timeZone, UTC by default), a whole
    number is Unix seconds (Hugo casts it so)."""
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, timezone.utc)
        except (OverflowError, OSError, ValueError):  # beyond what a time can hold
            return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            try:
                value = date.fromisoformat(text)
            except ValueError:
                return None
    try:
        if isinstance(value, datetime):
            return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        if isinstance(value, date):
            return datetime.combine(value, time(), timezone.utc)
    except (OverflowError, ValueError):  # "0001-01-01T00:00:00+01:00" is before the first UTC time
        return None
    return None


def has_expired(expires: str, now: datetime) -> bool:
    """Has a page with this expiry (from :func:`expiry_of`) left the site at ``now``?"""
    if not expires:
        return False
    try:
        moment = datetime.fromisoformat(expires)
    except ValueError:
        return False
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return moment < now


def parse_clock(text: str) -> datetime | None:
    """``--clock``: a date or an ISO 8601 time (as Hugo's ``--clock``), None when it is neither."""
    return _moment(text)
