"""`storyline train pairs`: train, save, and fit the grouping coefficients for the trained model.

The coefficients of the grouping decision depend on the similarity scale of the encoder, so a tuned
model gets its own: every article of the pair file is ingested into a temporary store with the tuned
model, and the logistic decision is fitted on the pairs' evidence as `storyline eval fit` does.
``benchmarks/train_cv.py`` measures this recipe (training, then fitting on the same pairs) on held-out
folds.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from storyline.encoders.e5_encoder import bundled_model_path
from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_tuned import MODEL_JSON, file_sha256, load_weights, read_model_info
from storyline.evaluation.fit import fit_grouping
from storyline.evaluation.pairs import LabeledPair, articles_in_order, pair_rows
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import E5SmallEmbedder
from storyline.store import open_store
from storyline.training.export import save_trained
from storyline.training.pair_data import training_set
from storyline.training.train import TrainOptions, train_encoder


def train_and_save(
    pairs: Sequence[LabeledPair],
    source: Path,
    folder: Path,
    settings: Settings,
    options: TrainOptions,
    on_step: Callable[[int, int, float], None] = lambda _step, _total, _loss: None,
) -> dict[str, Any]:
    """Train on ``pairs`` (read from ``source``) and write the model folder; returns the training report."""
    base = load_weights(E5File(bundled_model_path()), None)
    data = training_set(pairs, base, settings.max_embed_chars)
    trained = train_encoder(data, base, options, on_step=on_step)
    info = {
        "data": {"file": source.name, "sha256": file_sha256(source), "pairs": len(data.pairs)},
        "embedded_text": f"title + first {settings.max_embed_chars} characters, 'passage: ' prefix",
    }
    save_trained(trained, base, folder, info)
    return trained.report()


def fit_for_model(
    pairs: Sequence[LabeledPair],
    folder: Path,
    settings: Settings,
    on_progress: Callable[[int], None] = lambda _n: None,
) -> dict[str, Any]:
    """Fit the grouping coefficients for the model in ``folder`` and record them in its model.json."""
    with tempfile.TemporaryDirectory(prefix="storyline-fit-") as work:
        path = str(Path(work) / "fit.db")
        run = replace(settings, db=path, embedder="e5-small", model=str(folder))
        with open_store(path) as store:
            ingest(articles_in_order(pairs), store, run, E5SmallEmbedder(folder), on_progress=on_progress)
            rows = pair_rows(pairs, store, run)
    fitted, report = fit_grouping(rows, settings.grouping)
    info = read_model_info(folder)
    info["grouping"] = {key: value for key, value in asdict(fitted).items() if key in report["coefficients"]}
    info["grouping_fit"] = {key: value for key, value in report.items() if key != "coefficients"}
    (folder / MODEL_JSON).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def default_options(**changes: Any) -> TrainOptions:
    return replace(TrainOptions(), **{key: value for key, value in changes.items() if value is not None})
