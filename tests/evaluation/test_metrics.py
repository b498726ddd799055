import numpy as np
import pytest

from storyline.evaluation import metrics


def test_metrics_classification_known_values() -> None:
    figures = metrics.classification([True, True, False, False], [True, False, True, False])
    assert figures == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "accuracy": 0.5}


def test_metrics_no_positive_predictions_is_zero_not_error() -> None:
    assert metrics.classification([False, False], [True, False])["f1"] == 0.0


def test_metrics_correlations_and_interval() -> None:
    x = np.arange(50, dtype=float)
    y = x + np.random.default_rng(1).normal(0, 5, 50)
    assert metrics.pearson(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])
    low, high = metrics.bootstrap_interval(x, y, metrics.pearson)  # type: ignore[misc]
    assert low < metrics.pearson(x, y) < high
    assert metrics.bootstrap_interval(x[:5], y[:5], metrics.pearson) is None


def test_metrics_best_threshold_is_an_oracle() -> None:
    scores = np.array([0.9, 0.8, 0.3, 0.1])
    gold = np.array([True, True, False, False])
    assert metrics.best_threshold_f1(scores, gold) == (1.0, 0.8)


def test_metrics_event_level_counts_only_the_clear_cut_pairs() -> None:
    predicted = [True, True, False, True, True, False]
    scores = [1.0, 3.5, 1.5, 2.0, None, 4.0]  # 2.0 (between) and None are left out
    figures = metrics.event_level(predicted, scores)
    assert figures["event_pairs"] == 4
    assert figures["event_precision"] == 0.5  # same-event decisions: 1.0 (right) and 3.5 (wrong)
    assert figures["event_recall"] == 0.5  # same-event pairs 1.0 (found) and 1.5 (missed)
