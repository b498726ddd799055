import numpy as np

from storyline.evaluation.fit import fit_grouping, fit_logistic
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
