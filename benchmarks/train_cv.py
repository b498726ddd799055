"""Cross-validated fine-tuning: does a tuned e5-small group the held-out pairs better than the bundled one?

Usage:
    python benchmarks/train_cv.py ../shared/data/pairs/semeval2022-task8-dev.jsonl [--folds 5]
        [--objective cosent] [--epochs 2] [--layers 6] [--learning-rate 2e-5] [--quick] [--only-folds 0,1]
        [--out results.json]

Folds are made of whole groups of pairs that share an article (``pair_folds``): no article is in both
a training fold and its test fold. For each fold, a model is trained on the other folds' pairs, then
both it and the bundled model are measured on the fold's pairs:

- cosine: Pearson of the plain cosine with the human score, and F1 / event-level precision and recall
  at the cosine threshold that is best on the training folds (no peeking at the test fold);
- story map (left out with ``--quick``): the grouping coefficients are fitted on the training folds'
  pairs (entity overlaps from one ingest of every article with the bundled model, cosines of the model
  being measured), then the test fold's articles are ingested into a fresh store with that model and
  those coefficients, and `storyline eval pairs`' figures are read: F1, Pearson of the combined evidence,
  event-level precision and recall.

Prints one line per fold and the mean and spread over folds; ``--out`` keeps everything as JSON.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from storyline.encoders.e5_encoder import PASSAGE_PREFIX, E5Encoder, bundled_model_path
from storyline.encoders.e5_file import E5File
from storyline.encoders.e5_tuned import load_weights
from storyline.evaluation import metrics
from storyline.evaluation.fit import fit_grouping
from storyline.evaluation.pairs import LabeledPair, articles_in_order, pair_rows, read_pairs, summarise
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import E5SmallEmbedder, embedding_text
from storyline.store import open_store
from storyline.training.export import save_trained
from storyline.training.pair_data import pair_folds, training_set
from storyline.training.train import TrainOptions, train_encoder

MODELS = ("bundled", "tuned")


def main() -> None:
    args = _arguments()
    pairs = read_pairs(args.pairs)
    fold_of = pair_folds(pairs, args.folds, seed=args.seed)
    options = TrainOptions(
        objective=args.objective,
        epochs=args.epochs,
        trained_layers=args.layers,
        learning_rate=args.learning_rate,
        batch_pairs=args.batch_pairs,
        seed=args.seed,
    )
    settings = Settings()
    base = load_weights(E5File(bundled_model_path()), None)
    wanted = range(args.folds) if args.only_folds is None else [int(f) for f in args.only_folds.split(",")]
    results: list[dict[str, Any]] = []
    pooled: dict[str, list[dict[str, Any]]] = {
        f"{name}.{part}": [] for name in MODELS for part in ("cosine", "story_map")
    }
    with tempfile.TemporaryDirectory(prefix="storyline-cv-") as folder:
        work = Path(folder)
        bundled_vectors = _vectors(E5Encoder(), pairs, settings.max_embed_chars)
        base_rows = None if args.quick else _rows_of_every_pair(pairs, settings, work / "all.db")
        for fold in wanted:
            train = [pair for pair, f in zip(pairs, fold_of, strict=True) if f != fold]
            test = [pair for pair, f in zip(pairs, fold_of, strict=True) if f == fold]
            started = time.perf_counter()
            trained = train_encoder(training_set(train, base, settings.max_embed_chars), base, options)
            model_folder = work / f"fold{fold}"
            save_trained(trained, base, model_folder, {"cross_validation_fold": fold})
            tuned_vectors = _vectors(E5Encoder(tuned=model_folder), pairs, settings.max_embed_chars)
            row: dict[str, Any] = {"fold": fold, "train_pairs": len(train), "test_pairs": len(test)}
            row["training"] = trained.report()
            for name, vectors in (("bundled", bundled_vectors), ("tuned", tuned_vectors)):
                row[name] = {"cosine": _cosine_figures(train, test, vectors, pooled[f"{name}.cosine"])}
                if base_rows is not None:
                    model = None if name == "bundled" else model_folder
                    row[name]["story_map"] = _story_map(
                        train, test, vectors, base_rows, settings, model, work, pooled[f"{name}.story_map"]
                    )
            row["seconds"] = round(time.perf_counter() - started, 1)
            results.append(row)
            print(_fold_line(row), flush=True)
    summary = {
        "pairs": str(args.pairs),
        "folds": args.folds,
        "options": {key: str(value) if isinstance(value, Path) else value for key, value in vars(args).items()},
        "per_fold": results,
        "mean": _summary(results),
        "pooled": _pooled(pooled),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(summary["mean"], indent=2))
    print(json.dumps(summary["pooled"], indent=2))
    print(f"peak RSS {summary['peak_rss_mib']} MiB")
    if args.out:
        args.out.write_text(json.dumps(summary, indent=2) + "\n")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only-folds", default=None, help="comma-separated fold numbers to run (default: all)")
    parser.add_argument("--objective", default="cosent")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=2e-5)
    parser.add_argument("--batch-pairs", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="cosine figures only (no ingest)")
    parser.add_argument("--out", type=Path, default=None)
    return parser.parse_args()


def _vectors(encoder: E5Encoder, pairs: list[LabeledPair], max_chars: int) -> dict[str, np.ndarray]:
    articles = articles_in_order(pairs)
    embedded = encoder.embed([embedding_text(article, max_chars) for article in articles], prefix=PASSAGE_PREFIX)
    return {article.id: vector for article, vector in zip(articles, embedded, strict=True)}


def _cosines(pairs: list[LabeledPair], vectors: dict[str, np.ndarray]) -> np.ndarray:
    return np.array([float(vectors[pair.a.id] @ vectors[pair.b.id]) for pair in pairs])


def _cosine_figures(
    train: list[LabeledPair], test: list[LabeledPair], vectors: dict[str, np.ndarray], pooled: list[dict[str, Any]]
) -> dict[str, float]:
    labeled_train = [pair for pair in train if pair.label is not None]
    _f1, threshold = metrics.best_threshold_f1(
        _cosines(labeled_train, vectors), np.array([pair.label == 1 for pair in labeled_train])
    )
    cosines = _cosines(test, vectors)
    decided = cosines >= threshold
    labeled = np.array([pair.label is not None for pair in test])
    gold = np.array([pair.label == 1 for pair in test])
    scores = [pair.score for pair in test]
    scored = np.array([score is not None for score in scores])
    figures = metrics.classification(decided[labeled].tolist(), gold[labeled].tolist())
    events = metrics.event_level(decided.tolist(), scores)
    target = -np.array([score for score in scores if score is not None], dtype=float)
    for pair, cosine, decision in zip(test, cosines, decided, strict=True):
        pooled.append(
            {
                "id": pair.id,
                "similarity": float(cosine),
                "same_story": bool(decision),
                "score": pair.score,
                "label": pair.label,
            }
        )
    return {
        "pearson": metrics.pearson(cosines[scored], target),
        "f1": figures["f1"],
        "precision": figures["precision"],
        "recall": figures["recall"],
        "event_precision": events["event_precision"],
        "event_recall": events["event_recall"],
        "threshold": threshold,
    }


def _rows_of_every_pair(pairs: list[LabeledPair], settings: Settings, path: Path) -> dict[str, dict[str, Any]]:
    """Every pair's evidence from one ingest with the bundled model: the entity overlaps the fits use."""
    with open_store(str(path)) as store:
        ingest(articles_in_order(pairs), store, replace(settings, db=str(path)), E5SmallEmbedder())
        return {row["id"]: row for row in pair_rows(pairs, store, settings)}


def _story_map(
    train: list[LabeledPair],
    test: list[LabeledPair],
    vectors: dict[str, np.ndarray],
    base_rows: dict[str, dict[str, Any]],
    settings: Settings,
    model: Path | None,
    work: Path,
    pooled: list[dict[str, Any]],
) -> dict[str, Any]:
    """Coefficients fitted on the training folds with this model's cosines; the test fold ingested."""
    rows = []
    for pair in train:
        if pair.id in base_rows:
            rows.append(base_rows[pair.id] | {"cosine": float(vectors[pair.a.id] @ vectors[pair.b.id])})
    fitted, _report = fit_grouping(rows, settings.grouping, folds=5, repeats=1)
    path = work / f"test-{model.name if model else 'bundled'}.db"
    path.unlink(missing_ok=True)
    run_settings = replace(settings, db=str(path), grouping=fitted, model=str(model) if model else None)
    with open_store(str(path)) as store:
        ingest(articles_in_order(test), store, run_settings, E5SmallEmbedder(model))
        rows = pair_rows(test, store, run_settings)
    pooled.extend(rows)
    result = summarise(rows)
    keep = ("f1", "precision", "recall", "pearson", "event_precision", "event_recall")
    return {key: result[key] for key in keep}


def _fold_line(row: dict[str, Any]) -> str:
    parts = [f"fold {row['fold']}: {row['train_pairs']} train / {row['test_pairs']} test pairs, {row['seconds']} s;"]
    for name in MODELS:
        cosine = row[name]["cosine"]
        text = f" {name}: cosine pearson {cosine['pearson']:.3f} F1 {cosine['f1']:.3f} event P {cosine['event_precision']:.3f}"
        if "story_map" in row[name]:
            story = row[name]["story_map"]
            text += f" | map F1 {story['f1']:.3f} pearson {story['pearson']:.3f} event P {story['event_precision']:.3f}"
        parts.append(text)
    return "".join(parts)


def _summary(results: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    for name in MODELS:
        for part in ("cosine", "story_map"):
            keys = results[0][name].get(part, {}).keys() if results else []
            for key in keys:
                values = np.array([row[name][part][key] for row in results], dtype=float)
                summary[f"{name}.{part}.{key}"] = {
                    "mean": round(float(np.nanmean(values)), 4),
                    "std": round(float(np.nanstd(values)), 4),
                }
    return summary


def _pooled(pooled: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Every fold's held-out pairs together: each model's figures, and the tuned model's gain over the
    bundled one with a 95% interval from resampling the pairs (the same pairs for both models)."""
    result: dict[str, Any] = {}
    for part in ("cosine", "story_map"):
        bundled, tuned = pooled[f"bundled.{part}"], pooled[f"tuned.{part}"]
        if not bundled:
            continue
        by_id = {row["id"]: row for row in tuned}
        common = [(row, by_id[row["id"]]) for row in bundled if row["id"] in by_id]
        result[part] = {"pairs": len(common)}
        for name, side in (("bundled", 0), ("tuned", 1)):
            rows = [pair[side] for pair in common]
            result[part][name] = {key: round(value, 4) for key, value in _pooled_figures(rows).items()}
        result[part]["gain"] = _paired_gain(common)
    return result


def _pooled_figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    labeled = [row for row in rows if row["label"] is not None]
    scored = [row for row in rows if row["score"] is not None]
    figures = metrics.classification([row["same_story"] for row in labeled], [row["label"] == 1 for row in labeled])
    events = metrics.event_level([row["same_story"] for row in scored], [row["score"] for row in scored])
    similarity = np.array([row["similarity"] for row in scored], dtype=float)
    target = -np.array([row["score"] for row in scored], dtype=float)
    return {
        "f1": figures["f1"],
        "precision": figures["precision"],
        "recall": figures["recall"],
        "pearson": metrics.pearson(similarity, target),
        "event_precision": events["event_precision"],
        "event_recall": events["event_recall"],
    }


def _paired_gain(common: list[tuple[dict[str, Any], dict[str, Any]]], resamples: int = 1000) -> dict[str, Any]:
    """Tuned minus bundled for each figure, with the 2.5th and 97.5th percentiles over resampled pairs."""
    observed = _difference(common)
    random = np.random.default_rng(7)
    draws: dict[str, list[float]] = {key: [] for key in observed}
    for _ in range(resamples):
        sample = [common[index] for index in random.integers(0, len(common), len(common))]
        for key, value in _difference(sample).items():
            if not np.isnan(value):
                draws[key].append(value)
    return {
        key: {
            "gain": round(observed[key], 4),
            "interval": [
                round(float(np.percentile(draws[key], 2.5)), 4),
                round(float(np.percentile(draws[key], 97.5)), 4),
            ],
        }
        for key in observed
        if draws[key]
    }


def _difference(common: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, float]:
    bundled = _pooled_figures([pair[0] for pair in common])
    tuned = _pooled_figures([pair[1] for pair in common])
    return {key: tuned[key] - bundled[key] for key in ("f1", "pearson", "event_precision", "event_recall")}


if __name__ == "__main__":
    sys.exit(main())
