"""The house's floors: no import circles, and no module imports one that
runs later in the flow (read → parse → Document → checks → findings → filter →
format). Every import counts, those inside functions and under TYPE_CHECKING
too: a circle hidden in a function is still a circle."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"

#: Each module's floor; a module may import only from its own floor or below.
#: docs/architecture.md shows the same table.
FLOORS: dict[str, int] = {
    # 0: the model and helpers that import nothing of ours
    "model": 0,
    "options": 0,
    "patterns": 0,
    "paths": 0,
    "yamlfile": 0,
    "tomlfile": 0,
    "lexicon": 0,
    "starter": 0,
    "files": 0,
    "usercache": 0,
    "compiled": 0,
    "safetext": 0,
    "dictionary": 0,
    # 1: text helpers and the prefilter reader, on strings and spans
    "text": 1,
    "authority": 1,
    "prefilter": 1,
    # 2: the Document
    "document": 2,
    # 3: read and parse
    "readers": 3,
    # 4: checks, and the term index they use
    "terms": 4,
    "checks": 4,
    # 5: rules and configs
    "rules": 5,
    "config": 6,
    # 7: findings and the filter
    "engine": 7,
    "suppressions": 7,
    # 8: the Linter, which puts them together
    "linter": 8,
    "walk": 8,
    "schema": 8,
    "examples": 9,
    # 9: files, fixes, baselines, caches, formats
    "fixes": 9,
    "baseline": 9,
    "cache": 9,
    "checking": 9,
    "formats": 10,
    # 11: running many files
    "forking": 10,
    "parallel": 11,
    "progress": 0,
    "gitdiff": 0,
    "run": 12,
    # the language server and the HTTP service, beside the run
    "server": 12,
    # 12: learning from an archive, and piloting rules on it (walks, reads, lints)
    "learn": 12,
    # 13: the command line on top
    "cli": 13,
    "entry": 14,
    "__main__": 14,
    # the public API (newslint.lint_text, newslint.Linter) is the package itself, on top
    "": 15,
    "version": 0,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(part for part in parts if part != "__init__")


def top(module: str) -> str:
    """The floor table's name for a module: its first part below newslint."""
    return module.split(".")[0] if module else ""


@cache
def imports(path: Path) -> set[str]:
    """newslint modules ``path`` imports, as names below ``newslint``."""
    found: set[str] = set()
    package_parts = module_name(path).split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = package_parts[: len(package_parts) - node.level + (1 if path.name == "__init__.py" else 0)]
                module = ".".join([*base, node.module] if node.module else base)
                found.add(module)
            elif node.module and node.module.startswith("newslint"):
                module = node.module.removeprefix("newslint").lstrip(".")
                found.update(f"{module}.{alias.name}".lstrip(".") for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix("newslint.") for alias in node.names if alias.name.startswith("newslint.")
            )
    return found


@cache
def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        edges[name] = {top(target) for target in imports(path)} - {top(name)}
    return edges


def test_every_module_has_a_floor() -> None:
    assert {top(name) for name in graph()} | {target for targets in graph().values() for target in targets} <= set(
        FLOORS
    )


def test_no_module_imports_a_higher_floor() -> None:
    upward = [
        f"{name} (floor {FLOORS[top(name)]}) imports {target} (floor {FLOORS[target]})"
        for name, targets in graph().items()
        for target in targets
        if FLOORS[target] > FLOORS[top(name)]
    ]
    assert upward == []


@cache
def module_graph() -> dict[str, set[str]]:
    """Module -> the newslint modules it imports (packages as their __init__)."""
    paths = list(PACKAGE.rglob("*.py"))
    known = {module_name(path) for path in paths}
    edges: dict[str, set[str]] = {}
    for path in paths:
        name = module_name(path)
        targets = set()
        for target in imports(path):
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target != name:
                targets.add(target)
        edges[name] = targets
    return edges


def circles(edges: dict[str, set[str]]) -> list[str]:
    """Every module from which an import path leads back to itself."""
    found = []
    for start in edges:
        stack, seen = [(start, (start,))], set()
        while stack:
            node, trail = stack.pop()
            for target in edges.get(node, ()):
                if target == start:
                    found.append(" -> ".join((*trail, target)))
                elif target not in seen:
                    seen.add(target)
                    stack.append((target, (*trail, target)))
    return found


def test_no_import_circles_between_modules() -> None:
    """Modules, not just floors: two modules on one floor may not import each other."""
    assert circles(module_graph()) == []


def test_the_checks_can_fail() -> None:
    """The checks above find what they look for (they are not vacuous)."""
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        "a -> b -> c -> a",
        "b -> c -> a -> b",
        "c -> a -> b -> c",
    ]
    assert "engine" in graph()["linter"] and "model" in module_graph()["engine"]


def test_each_check_kind_lives_in_the_module_of_its_name() -> None:
    """A run imports only the kinds its rules use, by name: checks/<kind>.py."""
    from newslint.checks import load_checks

    for name, kind in load_checks().items():
        assert kind.__module__ == f"newslint.checks.{name.replace('-', '_')}", name
