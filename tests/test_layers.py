"""The package layers: a module imports only from its own package or from lower layers.

Lower layers never import higher ones, so there are no import cycles between packages and a
reader can learn the code bottom up. Imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "transcheck"

# lowest first; packages on one rank must not import each other
LAYERS: dict[str, int] = {
    "lazyre": -1,  # compiling regular expressions: below everything, scripts included
    "textdiff": -1,  # difflib's SequenceMatcher (CyDifflib): below wording, which uses it
    "__init__": 0, "__version__": 0, "findings": 0, "wording": 0, "scripts": 0, "resolved": 0,
    "document": 1,
    "languages": 2, "values": 2,
    "align": 3,
    "pair": 4, "history": 4,
    "rules": 5,
    "checking": 6,
    "site": 7,
    "report": 8,
    "cli": 9, "api": 9, "__main__": 10,
}


def _unit(module: str) -> str:
    """``transcheck.document.model`` → ``document``; ``transcheck.cli`` → ``cli``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "transcheck":  # from transcheck import x: x is the unit
                found += [(node.lineno, f"transcheck.{alias.name}") for alias in node.names]
            elif target.startswith("transcheck."):
                found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("transcheck.")]
    return found


def test_every_unit_has_a_layer() -> None:
    units = {_unit(_module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert units - set(LAYERS) == set(), "a new package or top-level module needs a layer here"


def test_no_module_imports_a_higher_layer_or_a_sibling_package() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _unit(_module_name(path))
        for line, target in _imports(path):
            there = _unit(target)
            if there == here or there == "__init__":
                continue
            if LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({here}, layer {LAYERS[here]}) imports "
                             f"{target} ({there}, layer {LAYERS[there]})")
    assert wrong == []


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = PACKAGE / "document" / "read.py"
    assert any(target.startswith("transcheck.document") for _, target in _imports(sample))
