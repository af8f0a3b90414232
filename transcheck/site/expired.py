"""Pages Hugo no longer publishes (past their expiry date), read at the edge: each page's
front matter alone. Used by ``scan`` for pages without a translation and by ``status``."""

from __future__ import annotations

from datetime import datetime

from transcheck.document.expiry import expiry_of, has_expired
from transcheck.document.read import read_front_matter
from transcheck.resolved import resolved
from transcheck.site.layout import PairPlan, SiteLayout


def page_expired(path: str, now: datetime, max_bytes: int) -> bool:
    """Is the page past its expiry date? A page that cannot be read is not: whatever its
    problem, it is reported."""
    try:
        return has_expired(expiry_of(read_front_matter(path, max_bytes)), now)
    except Exception:  # noqa: BLE001 - e.g. bad front matter: the page stays in the report
        return False


def built_expired(path: str, layouts: list[SiteLayout]) -> bool:
    """Does the site of ``path`` publish expired pages (Hugo's buildExpired)?"""
    for layout in layouts:
        if layout.build_expired:
            try:
                resolved(path).relative_to(layout.root)
                return True
            except ValueError:
                continue
    return False


def without_expired(plan: PairPlan, now: datetime, max_bytes: int) -> int:
    """Take out of ``plan`` the pairs whose two pages have expired, and the expired pages
    without a translation (in place); how many pairs went."""
    known: dict[str, bool] = {}

    def gone(path: str) -> bool:
        if path not in known:
            known[path] = not built_expired(path, plan.layouts) and page_expired(path, now, max_bytes)
        return known[path]

    kept = [(a, b) for a, b in plan.pairs if not (gone(a.path) and gone(b.path))]
    dropped = len(plan.pairs) - len(kept)
    plan.pairs = kept
    plan.orphans = [(page, missing) for page, missing in plan.orphans if not gone(page.path)]
    return dropped


__all__ = ["page_expired", "built_expired", "without_expired"]
