"""Quality gate: grouping on real labeled pairs must not fall below the pinned floors.

Runs `eval pairs` (the real pipeline, the real model) on the shared SemEval-2022 Task 8 dev file:
all of it (``sample_pairs`` null), or its first ``sample_pairs`` pairs in file order. Floors live in
quality_floors.json; raise them when quality improves, never lower them to let a change pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import SHARED
from storyline.evaluation.pairs import evaluate_pairs, read_pairs
from storyline.settings import load_settings
from storyline.stages.embed import make_embedder
from storyline.store import open_store

pytestmark = pytest.mark.slow

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
DEV_FILE = SHARED / "data" / "pairs" / "semeval2022-task8-dev.jsonl"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    if not DEV_FILE.exists():
        pytest.skip(f"quality gate needs the shared labeled pairs at {DEV_FILE} (not present here)")
    settings = load_settings(tmp_path_factory.mktemp("gate") / "gate.db", environ={})
    with open_store(settings.db) as store:
        return evaluate_pairs(
            read_pairs(DEV_FILE, FLOORS["sample_pairs"]), store, settings, make_embedder(settings.embedder)
        )


def test_quality_gate_f1_holds_its_floor(result: dict) -> None:  # type: ignore[type-arg]
    assert result["pairs"] == (FLOORS["sample_pairs"] or len(read_pairs(DEV_FILE)))
    assert result["f1"] >= FLOORS["f1"], f"F1 {result['f1']} fell below the floor {FLOORS['f1']}"


def test_quality_gate_pearson_holds_its_floor(result: dict) -> None:  # type: ignore[type-arg]
    assert result["pearson"] >= FLOORS["pearson"], (
        f"Pearson {result['pearson']} fell below the floor {FLOORS['pearson']}"
    )
