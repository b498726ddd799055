"""The README shows what the commands really print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.slow
def test_readme_demo_output_is_what_the_demo_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`storyline demo` with the default model, run where a newcomer runs it (a fresh checkout)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_EMBEDDER", raising=False)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    readme = README.read_text(encoding="utf-8")
    shown = re.search(r"how many storylines link\nthem .*?:\n\n```\n(.*?)\n```", readme, re.DOTALL)
    assert shown is not None, "the README's demo block moved: update this test"
    assert result.stdout.strip("\n") == shown.group(1), "regenerate the README's demo block from `storyline demo`"
