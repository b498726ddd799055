"""1,000+ hostile inputs mixed with good articles: no crash, a one-line reason for each rejection,
every good article stored exactly once, legacy encodings decoded (docs/reliability.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.evaluation.hostile import verify, write_corpus
from storyline.ingest.sources import read_sources
from storyline.models import Rejection
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import open_store


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory, scale, module_store_location: str) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    folder = tmp_path_factory.mktemp("hostile")
    corpus = write_corpus(folder / "in", hostile=scale.hostile, good=scale.good, seed=7)
    settings = Settings(db=module_store_location).with_embedder(scale.embedder)
    rejections: list[Rejection] = []
    vanished: list[Path] = []

    def remove_vanishing(_count: int) -> None:
        # The folder has been listed by now: these files disappear between listing and reading,
        # every other one replaced by a folder of the same name (unreadable as a file).
        while corpus.vanishing:
            path = corpus.vanishing.pop()
            path.unlink()
            if len(vanished) % 2:
                path.mkdir()
            vanished.append(path)

    with open_store(settings.db) as store:
        report = ingest(
            read_sources([str(corpus.folder)]),
            store,
            settings,
            make_embedder(scale.embedder),
            on_rejection=rejections.append,
            on_progress=remove_vanishing,
        )
        texts = [row["text"] for row in store.export_rows()]
    return corpus, report, rejections, vanished, texts


def test_bad_input_every_good_article_stored_exactly_once(outcome: tuple) -> None:  # type: ignore[type-arg]
    corpus, _report, rejections, _vanished, texts = outcome
    assert corpus.hostile >= 1000
    verdict = verify(corpus, texts, {rejection.where for rejection in rejections})
    print(
        f"inputs: {corpus.hostile} hostile, {verdict.good} good; stored once: {verdict.stored_once};"
        f" rejected: {len(rejections)}; lost: {len(verdict.missing)}; twice: {len(verdict.stored_more_than_once)}"
    )
    assert verdict.good >= 100 and verdict.missing == [] and verdict.stored_more_than_once == []
    assert verdict.encodings_wrong == [], "cp1251 / koi8-r text must be decoded"
    assert verdict.not_rejected == []


def test_bad_input_each_rejection_is_one_line_with_the_file(outcome: tuple) -> None:  # type: ignore[type-arg]
    corpus, report, rejections, vanished, _texts = outcome
    assert len(report.rejected) == len(rejections) >= 300
    for rejection in rejections:
        assert rejection.where.startswith(str(corpus.folder)), rejection
        assert rejection.reason and "\n" not in rejection.reason and len(rejection.reason) < 300, rejection
    reasons = {rejection.where: rejection.reason for rejection in rejections}
    assert vanished and all(
        "cannot read" in reasons[str(path)] or "not a regular file" in reasons[str(path)] for path in vanished
    )
    assert any("not a regular file" in reasons[str(path)] for path in vanished)
    assert any("too large" in reason for reason in reasons.values())
    assert any("nested too deeply" in reason for reason in reasons.values())
    assert any("binary" in reason for reason in reasons.values())


def test_bad_input_long_text_is_cut_and_reported(outcome: tuple) -> None:  # type: ignore[type-arg]
    _corpus, report, _rejections, _vanished, texts = outcome
    assert len(report.cut) == 1 and "cut from" in report.cut[0].message
    assert max(len(text) for text in texts) <= Settings().max_article_chars


def test_bad_input_pipe_given_by_name_is_rejected_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    items = list(read_sources([str(pipe)]))
    assert items == [Rejection(str(pipe), "not a regular file (a pipe, device or socket); skipped")]
