import json
from pathlib import Path

import pytest

from storyline.evaluation.pairs import PairFileError, evaluate_pairs, read_pairs
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import open_store


def _side(article_id: str, text: str, lang: str = "en") -> dict[str, str]:
    return {"id": article_id, "lang": lang, "text": text}


FLOODS = "Heavy floods hit Valencia overnight, killing dozens and cutting roads across the region."
FLOODS_AGAIN = "Heavy floods hit Valencia overnight, killing dozens and cutting roads across the region of Valencia."
ELECTION = "Poland held parliamentary elections on Sunday with record turnout, the electoral commission said."


def _write(tmp_path: Path, lines: list[dict]) -> Path:  # type: ignore[type-arg]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_pairs_evaluation_reports_required_fields(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"id": "p1", "a": _side("1", FLOODS), "b": _side("2", FLOODS_AGAIN), "score": 1.0, "label": 1},
            {"id": "p2", "a": _side("1", FLOODS), "b": _side("3", ELECTION), "score": 4.0, "label": 0},
            {"id": "p3", "a": _side("2", FLOODS_AGAIN), "b": _side("3", ELECTION), "score": 2.5, "label": None},
        ],
    )
    settings = Settings(db=tmp_path / "e.db", languages=("en", "de"))
    with open_store(settings.db) as store:
        result = evaluate_pairs(read_pairs(path), store, settings, HashingEmbedder(), baseline=True)
    for key in (
        "pairs",
        "labeled",
        "precision",
        "recall",
        "f1",
        "accuracy",
        "pearson",
        "spearman",
        "articles_per_second",
        "by_language",
    ):
        assert key in result
    assert result["pairs"] == 3 and result["labeled"] == 2 and result["articles"] == 3
    assert result["by_language"]["en-en"]["pairs"] == 3
    assert result["baseline"]["f1"] == 1.0


def test_pairs_without_scores_give_null_pearson(tmp_path: Path) -> None:
    path = _write(tmp_path, [{"a": _side("1", FLOODS), "b": _side("3", ELECTION), "label": 0}])
    settings = Settings(db=tmp_path / "e.db", languages=("en", "de"))
    with open_store(settings.db) as store:
        result = evaluate_pairs(read_pairs(path), store, settings, HashingEmbedder())
    assert result["pearson"] is None and result["accuracy"] == 1.0


def test_pairs_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": {"id": "1", "text": "x"}}\n', encoding="utf-8")
    with pytest.raises(PairFileError, match=r"bad.jsonl:1"):
        read_pairs(path)
