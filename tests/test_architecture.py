"""Arrows point inward: the core never imports the CLI, the web layer or the store's driver."""

import ast
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
