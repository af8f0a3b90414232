"""The Python API, in one stable place: ``from transcheck.api import check_paths, …``.

The modules behind it may move between layers (see the README's package map); these names
stay. Findings are :class:`Finding` values, sorted, with 1-based lines.
"""

from __future__ import annotations

from transcheck.checking.engine import PairResult, check_documents, check_paths, check_texts
from transcheck.document.model import Document
from transcheck.document.read import parse_file, parse_text
from transcheck.findings import Finding, Location, Rule, Severity
from transcheck.pair.settings import Settings
from transcheck.rules import RULES, rule

__all__ = [
    "Document", "Finding", "Location", "PairResult", "RULES", "Rule", "Settings", "Severity",
    "check_documents", "check_paths", "check_texts", "parse_file", "parse_text", "rule",
]
