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


def _modules_after_import(module: str) -> set[str]:
    import subprocess
    import sys

    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in result.stdout.split()}


def test_architecture_reading_commands_do_not_load_the_ingest_libraries() -> None:
    """`storyline stories` and `--help` start in a third of a second because the CLI module loads
    neither the readers' nor the enrichment stages' libraries (they are imported where used)."""
    loaded = _modules_after_import("storyline.cli")
    heavy = {"trafilatura", "feedparser", "dateparser", "simplemma", "lingua", "onnxruntime", "scipy", "pyarrow"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_architecture_ingest_does_not_load_scipy() -> None:
    """The pipeline's own MinHash keeps datasketch (and the scipy it imports) out of every ingest."""
    loaded = _modules_after_import("storyline.pipeline")
    assert not loaded & {"scipy", "datasketch", "trafilatura", "feedparser"}, sorted(loaded)
