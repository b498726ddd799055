"""Fit the grouping decision's coefficients on labeled pairs, with cross-validated figures.

The decision is a logistic model over the evidence (embedding similarity, entity overlap,
cross-lingual flag). Fitting it on labeled pairs, and reporting cross-validated F1 and
Pearson with their spread over repeated folds, is how the defaults in
``GroupingSettings`` were chosen; `storyline eval fit` does the same on any pair file.
The time term is not fitted (pair files carry no dates) and keeps its prior.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from storyline.evaluation import metrics
from storyline.settings import GroupingSettings

FEATURES = ("cosine", "entity_overlap", "cross_lingual")
_SETTING_FOR_FEATURE = {
    "cosine": "weight_similarity",
    "entity_overlap": "weight_entities",
    "cross_lingual": "weight_cross_lingual",
}


def feature_matrix(rows: Sequence[dict[str, Any]]) -> np.ndarray:
    return np.array([[float(row[name]) for name in FEATURES] for row in rows], dtype=float)


def fit_logistic(features: np.ndarray, labels: np.ndarray, l2: float = 1e-2, iterations: int = 50) -> np.ndarray:
    """Weights (intercept first) of an L2-regularised logistic regression, by Newton's method.

    Features should be standardised; the intercept is not penalised.
    """
    design = np.hstack([np.ones((len(features), 1)), features])
    weights = np.zeros(design.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(design.shape[1] - 1)])
    for _ in range(iterations):
        probability = 1.0 / (1.0 + np.exp(-np.clip(design @ weights, -60, 60)))
        gradient = design.T @ (probability - labels) + penalty @ weights
        hessian = design.T @ (design * (probability * (1 - probability))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return weights


@dataclass(frozen=True)
class CrossValidated:
    """Figures of one recipe, one value per repeat of the folds."""

    f1: list[float]
    pearson_logit: list[float]  # of the held-out logit against -score
    pearson_probability: list[float]  # of the held-out probability against -score


def cross_validate(
    features: np.ndarray,
    labels: np.ndarray,
    scores: np.ndarray,
    folds: int = 10,
    repeats: int = 5,
    graded: bool = False,
    tune_threshold: bool = False,
) -> CrossValidated:
    """Held-out figures of a logistic model over standardised ``features``, over repeated random folds.

    ``labels`` holds 1, 0 or -1 (unlabeled); ``scores`` the human score (1 same event ... 4 unrelated)
    or NaN. ``graded`` fits the model to (4 - score) / 3 on every scored row instead of the binary labels;
    ``tune_threshold`` decides at the logit threshold with the best F1 on each fold's training rows
    instead of at probability 0.5.
    """
    labeled = labels >= 0
    with_score = ~np.isnan(scores)
    target = np.where(with_score, (4.0 - np.nan_to_num(scores)) / 3.0, labels) if graded else labels.astype(float)
    usable = with_score | labeled if graded else labeled
    design = np.hstack([np.ones((len(features), 1)), features])
    result = CrossValidated([], [], [])
    for repeat in range(repeats):
        fold_of = np.random.default_rng(repeat).permutation(len(features)) % folds
        logits = np.zeros(len(features))
        decided = np.zeros(len(features), dtype=bool)
        for fold in range(folds):
            train, test = usable & (fold_of != fold), fold_of == fold
            weights = fit_logistic(features[train], target[train])
            logits[test] = design[test] @ weights
            threshold = 0.0
            if tune_threshold:
                seen = labeled & (fold_of != fold)
                _f1, threshold = metrics.best_threshold_f1(design[seen] @ weights, labels[seen] == 1)
            decided[test] = logits[test] >= threshold
        result.f1.append(metrics.f1_score(decided[labeled], labels[labeled] == 1))
        result.pearson_logit.append(metrics.pearson(logits[with_score], -scores[with_score]))
        probability = 1.0 / (1.0 + np.exp(-np.clip(logits[with_score], -60, 60)))
        result.pearson_probability.append(metrics.pearson(probability, -scores[with_score]))
    return result


def fit_grouping(
    rows: Sequence[dict[str, Any]], base: GroupingSettings, folds: int = 10, repeats: int = 5
) -> tuple[GroupingSettings, dict[str, Any]]:
    """Coefficients fitted on all labeled rows, and cross-validated figures of the same recipe."""
    features = feature_matrix(rows)
    labels = np.array([-1 if row["label"] is None else int(row["label"]) for row in rows])
    scores = np.array([np.nan if row["score"] is None else float(row["score"]) for row in rows])
    mean, spread = features.mean(axis=0), features.std(axis=0) + 1e-9
    standard = (features - mean) / spread
    labeled = labels >= 0
    if labeled.sum() < folds or len(set(labels[labeled])) < 2:
        raise ValueError("need labeled pairs of both classes, at least one per fold")
    held_out = cross_validate(standard, labels, scores, folds, repeats)
    f1s, pearsons = held_out.f1, held_out.pearson_logit
    weights = fit_logistic(standard[labeled], labels[labeled].astype(float))
    raw = weights[1:] / spread
    intercept = float(weights[0] - np.sum(weights[1:] * mean / spread))
    changes: dict[str, Any] = {
        _SETTING_FOR_FEATURE[name]: round(float(w), 3) for name, w in zip(FEATURES, raw, strict=True)
    }
    fitted = replace(base, intercept=round(intercept, 3), **changes)
    report = {
        "labeled": int(labeled.sum()),
        "folds": folds,
        "repeats": repeats,
        "cv_f1_mean": round(float(np.mean(f1s)), 4),
        "cv_f1_std": round(float(np.std(f1s)), 4),
        "cv_pearson_mean": round(float(np.nanmean(pearsons)), 4),
        "cv_pearson_std": round(float(np.nanstd(pearsons)), 4),
        "cv_pearson_probability_mean": round(float(np.nanmean(held_out.pearson_probability)), 4),
        "coefficients": {
            "intercept": fitted.intercept,
            **{_SETTING_FOR_FEATURE[n]: getattr(fitted, _SETTING_FOR_FEATURE[n]) for n in FEATURES},
        },
    }
    return fitted, report
