"""Fit the grouping decision's coefficients on labeled pairs, with cross-validated figures.

The decision is a logistic model over the evidence (embedding similarity, entity overlap,
cross-lingual flag). Fitting it on labeled pairs, and reporting cross-validated F1 and
Pearson with their spread over repeated folds, is how the defaults in
``GroupingSettings`` were chosen; `storyline eval fit` does the same on any pair file.
The time term is not fitted (pair files carry no dates) and keeps its prior.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
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
    f1s, pearsons = [], []
    for repeat in range(repeats):
        fold_of = np.random.default_rng(repeat).permutation(len(rows)) % folds
        logits = np.zeros(len(rows))
        for fold in range(folds):
            train = labeled & (fold_of != fold)
            weights = fit_logistic(standard[train], labels[train].astype(float))
            test = fold_of == fold
            logits[test] = np.hstack([np.ones((test.sum(), 1)), standard[test]]) @ weights
        f1s.append(metrics.f1_score(logits[labeled] >= 0, labels[labeled] == 1))
        with_score = ~np.isnan(scores)
        pearsons.append(metrics.pearson(logits[with_score], -scores[with_score]))
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
        "coefficients": {
            "intercept": fitted.intercept,
            **{_SETTING_FOR_FEATURE[n]: getattr(fitted, _SETTING_FOR_FEATURE[n]) for n in FEATURES},
        },
    }
    return fitted, report
