import numpy as np

from storyline.evaluation.fit import cross_validate, fit_grouping, fit_logistic
from storyline.grouping.evidence import combine
from storyline.settings import GroupingSettings


def test_fit_logistic_recovers_a_separating_direction() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 2))
    y = (x[:, 0] - 0.5 * x[:, 1] + rng.normal(0, 0.3, 400) > 0).astype(float)
    weights = fit_logistic(x, y)
    assert weights[1] > 0 > weights[2]


def test_fit_grouping_coefficients_drive_the_same_decision() -> None:
    rng = np.random.default_rng(1)
    rows = []
    for _ in range(300):
        same = rng.random() < 0.5
        cosine = rng.normal(0.9 if same else 0.8, 0.03)
        rows.append(
            {
                "cosine": cosine,
                "entity_overlap": rng.random() * 0.2,
                "cross_lingual": False,
                "label": int(same),
                "score": 1.0 if same else 4.0,
            }
        )
    fitted, report = fit_grouping(rows, GroupingSettings(), folds=5, repeats=2)
    assert report["cv_f1_mean"] > 0.8 and report["labeled"] == 300
    assert combine(0.92, 0.1, None, fitted) > 0.5 > combine(0.78, 0.1, None, fitted)
    assert fitted.weight_gap_week == GroupingSettings().weight_gap_week  # the time prior is kept


def _overlapping_pairs(count: int, positive_share: float, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    same = rng.random(count) < positive_share
    feature = rng.normal(np.where(same, 1.0, 0.0), 0.8)[:, None]
    scores = np.where(same, rng.uniform(1.0, 2.0, count), rng.uniform(3.0, 4.0, count))
    return feature, same.astype(int), scores


def test_cross_validate_threshold_tuning_lifts_f1_of_a_rare_positive_class() -> None:
    features, labels, scores = _overlapping_pairs(600, 0.2, seed=3)
    at_half = cross_validate(features, labels, scores, folds=5, repeats=2)
    tuned = cross_validate(features, labels, scores, folds=5, repeats=2, tune_threshold=True)
    assert np.mean(tuned.f1) > np.mean(at_half.f1) + 0.05
    assert len(tuned.f1) == len(tuned.pearson_probability) == 2


def test_cross_validate_graded_fit_learns_from_unlabeled_scored_pairs() -> None:
    rng = np.random.default_rng(4)
    scores = rng.uniform(1.0, 4.0, 400)
    features = np.column_stack([(4.0 - scores) + rng.normal(0, 0.5, 400), rng.normal(0, 1.0, 400)])
    labels = np.full(400, -1)
    labels[:12] = (scores[:12] <= 2.5).astype(int)  # a dozen labels; every pair keeps its score
    binary = cross_validate(features, labels, scores, folds=3, repeats=3)
    graded = cross_validate(features, labels, scores, folds=3, repeats=3, graded=True)
    assert np.mean(graded.pearson_logit) > 0.8
    assert np.mean(graded.pearson_logit) > np.mean(binary.pearson_logit) + 0.05
