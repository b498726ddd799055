"""The checkout stays clean: what the demo and the default store leave beside the code is ignored by
git and removed by `make clean`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = ("", "-wal", "-shm", ".lock", ".index/shard-1.voy")  # a store's files (store.remove_store)


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(), reason="not a git checkout")
@pytest.mark.parametrize("store", ["storyline-demo.db", "storyline.db"])
def test_repository_ignores_every_file_of_a_store_in_the_checkout(store: str) -> None:
    for suffix in SUFFIXES:
        found = subprocess.run(["git", "check-ignore", "-q", store + suffix], cwd=ROOT, check=False)
        assert found.returncode == 0, f"{store + suffix} is not ignored by .gitignore"


def test_repository_make_clean_removes_the_demo_store() -> None:
    clean = next(
        line
        for line in (ROOT / "Makefile").read_text(encoding="utf-8").split("\nclean:")[1].splitlines()
        if line.strip()
    )
    for suffix in SUFFIXES:
        assert "storyline-demo.db" + suffix.split("/")[0] in clean.split(), (
            f"make clean leaves storyline-demo.db{suffix}"
        )
