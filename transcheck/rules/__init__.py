"""Layer 5, the rules. Each module here holds a rule or a small family of rules: their code,
name, default severity and documentation (``RULES``) and the checks that report them
(``CHECKS``). This registry finds the modules by itself, so adding a rule is adding a module
(and its test cases under ``tests/cases/<rule>/``); nothing else lists rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from transcheck.findings import Rule
from transcheck.pair.comparison import Check


def _rule_modules() -> list[ModuleType]:
    """Every module of this package that defines rules, in name order (so the order of the
    checks never depends on how the files happen to be listed)."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return [module for module in modules if hasattr(module, "RULES")]


_MODULES = _rule_modules()

RULES: tuple[Rule, ...] = tuple(sorted((r for m in _MODULES for r in m.RULES), key=lambda r: r.code))
# every check of every module, in module order; each reports the rules it names
CHECKS: tuple[Check, ...] = tuple(check for m in _MODULES for check in getattr(m, "CHECKS", ()))

BY_NAME: dict[str, Rule] = {}
for _rule in RULES:
    BY_NAME[_rule.name] = _rule
    for _alias in _rule.aliases:
        BY_NAME[_alias] = _rule
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def rule(name: str) -> Rule:
    """The rule of a name (or of an old name it kept as alias)."""
    return BY_NAME[name]


def resolve(selector: str) -> list[Rule]:
    """Rules named by a code, a name, or a prefix of a code (``TC1``) or name (``shortcode-``)."""
    text = selector.strip()
    if text.upper() in BY_CODE:
        return [BY_CODE[text.upper()]]
    if text in BY_NAME:
        return [BY_NAME[text]]
    return [r for r in RULES if r.code.startswith(text.upper()) or r.name.startswith(text)]


def _check_registry() -> None:
    """Codes and names are unique and every rule a check reports is registered: a mistake in
    a new rule module fails at import, with its name, not later in a user's run."""
    codes = [r.code for r in RULES]
    names = [n for r in RULES for n in (r.name, *r.aliases)]
    for values, what in ((codes, "code"), (names, "name")):
        twice = sorted({v for v in values if values.count(v) > 1})
        if twice:
            raise RuntimeError(f"rule {what}s defined twice: {', '.join(twice)}")
    for check in CHECKS:
        for reported in check.reports:
            if BY_NAME.get(reported.name) is not reported:
                raise RuntimeError(f"{check.run.__name__} reports {reported.name}, which no module lists in RULES")


_check_registry()
