"""Arrows point inward: the core never imports the CLI, the web layer or the store's driver."""

import ast
import re
from pathlib import Path

import storyline

PACKAGE = Path(storyline.__file__).parent
OUTER = {"storyline.cli", "storyline.web"}
DRIVERS = {"sqlite3", "psycopg", "psycopg2"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_architecture_core_does_not_import_outer_layers_or_drivers() -> None:
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ("cli.py", "__main__.py") or relative.startswith(("web/", "store/")):
            continue
        imported = _imports(path)
        assert not any(name == outer or name.startswith(outer + ".") for name in imported for outer in OUTER), relative
        assert not imported & DRIVERS, relative


def _declared_requirements() -> set[str]:
    import tomllib

    project = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = list(project["dependencies"]) + [
        name for extra in project["optional-dependencies"].values() for name in extra
    ]
    return {_normalise(re.split(r"[<>=!~\[; ]", name, maxsplit=1)[0]) for name in names}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_architecture_every_third_party_import_is_a_declared_dependency() -> None:
    """A module installed by hand passes here and fails on a fresh machine: every import is declared."""
    import sys
    from importlib.metadata import packages_distributions

    distributions = packages_distributions()
    declared = _declared_requirements()
    for path in PACKAGE.rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "storyline" or top in sys.stdlib_module_names:
                continue
            assert top in distributions, f"{path.name} imports {top}, which no installed package provides"
            provided_by = {_normalise(dist) for dist in distributions[top]}
            assert provided_by & declared, (
                f"{path.name} imports {top} ({', '.join(provided_by)}), not in pyproject.toml"
            )


def test_architecture_every_declared_dependency_is_pinned_in_the_lock() -> None:
    lock = (PACKAGE.parents[1] / "requirements.lock").read_text(encoding="utf-8")
    pinned = {_normalise(line.split("==")[0]) for line in lock.splitlines() if "==" in line}
    assert _declared_requirements() - pinned == set()
