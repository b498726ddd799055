"""Pair metrics: precision/recall/F1 of same-story decisions, correlations, bootstrap intervals."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import stats

Metric = Callable[[np.ndarray, np.ndarray], float]


def classification(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of the positive class, and accuracy."""
    p = np.asarray(predicted, dtype=bool)
    g = np.asarray(gold, dtype=bool)
    true_pos = float(np.sum(p & g))
    precision = true_pos / float(np.sum(p)) if np.any(p) else 0.0
    recall = true_pos / float(np.sum(g)) if np.any(g) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float(np.mean(p == g)) if len(p) else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


SAME_EVENT_AT_MOST = 1.5  # a pair scored at or under this reports one event
OTHER_EVENT_AT_LEAST = 3.0  # a pair scored at or over this reports different events


def event_level(predicted: Sequence[bool], scores: Sequence[float | None]) -> dict[str, float]:
    """Precision and recall of "same" decisions on the clear-cut pairs only: same event (score <= 1.5)
    against different events (score >= 3); pairs in between or without a score are left out."""
    kept = [
        (bool(decision), score <= SAME_EVENT_AT_MOST)
        for decision, score in zip(predicted, scores, strict=True)
        if score is not None and (score <= SAME_EVENT_AT_MOST or score >= OTHER_EVENT_AT_LEAST)
    ]
    figures = classification([decision for decision, _ in kept], [gold for _, gold in kept])
    return {"event_pairs": float(len(kept)), "event_precision": figures["precision"], "event_recall": figures["recall"]}


def f1_score(predicted: np.ndarray, gold: np.ndarray) -> float:
    return classification(predicted.tolist(), gold.tolist())["f1"]


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(stats.pearsonr(x, y)[0])


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 3 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(stats.spearmanr(x, y)[0])


def bootstrap_interval(
    x: np.ndarray, y: np.ndarray, metric: Metric, resamples: int = 1000, seed: int = 7
) -> tuple[float, float] | None:
    """95% percentile interval of ``metric`` over resampled pairs (None when too few pairs)."""
    if len(x) < 10:
        return None
    generator = np.random.default_rng(seed)
    values = []
    for _ in range(resamples):
        rows = generator.integers(0, len(x), len(x))
        value = metric(x[rows], y[rows])
        if not np.isnan(value):
            values.append(value)
    if not values:
        return None
    low, high = np.percentile(values, [2.5, 97.5])
    return round(float(low), 4), round(float(high), 4)


def best_threshold_f1(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The threshold on ``scores`` with the highest F1 (an oracle: it sees the labels)."""
    best = (0.0, float(scores.min()) if len(scores) else 0.0)
    for threshold in np.unique(scores):
        value = f1_score(scores >= threshold, gold)
        if value > best[0]:
            best = (value, float(threshold))
    return best
