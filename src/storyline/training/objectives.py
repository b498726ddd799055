"""What training asks of the encoder, given a batch of scored pairs and their vectors.

- ``cosent``: the cosines must be ordered as the human scores are (CoSENT: a pairwise ranking loss
  over every two pairs of the batch with different scores). Pairs of different articles taken across
  the batch ("in-batch negatives") join as unrelated (score 4) unless they share a group. It uses
  every graded pair, not only the clear-cut ones, and it asks for an order, not for values, which is
  what the grouping's fitted threshold needs.
- ``contrastive``: InfoNCE over the batch: each pair scored as the same story (score <= 2) must be
  closer than its left side is to every right side of the batch from another group. Only
  positive pairs teach it.
"""

from __future__ import annotations

from collections.abc import Callable

import torch

SCALE = 20.0  # CoSENT's scale (its authors' value)
TEMPERATURE = 0.05  # InfoNCE's temperature, as e5 was trained with (0.01) relaxed for a small batch
SAME_STORY = 2.0  # scores at or under this are "same story", as the pair files' labels
UNRELATED = 4.0

Objective = Callable[[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor]


def cosent(left: torch.Tensor, right: torch.Tensor, scores: torch.Tensor, groups: torch.Tensor) -> torch.Tensor:
    """CoSENT over the batch's pairs and its cross pairs (unit vectors [n, d]; scores and groups [n])."""
    similarities = left @ right.T
    foreign = groups[:, None] != groups[None, :]
    target = torch.where(foreign, torch.full_like(similarities, UNRELATED), torch.full_like(similarities, -1.0))
    target = target.clone()
    target.fill_diagonal_(0.0)
    target = target + torch.diag(scores)
    usable = target > 0  # a cross pair within one group has no known score
    cosines, graded = similarities[usable], target[usable]
    # pair i should be more similar than pair j wherever its score is lower
    ordered = graded[:, None] < graded[None, :]
    differences = (cosines[None, :] - cosines[:, None]) * SCALE
    differences = differences.masked_fill(~ordered, float("-inf"))
    zero = torch.zeros(1, dtype=differences.dtype)
    return torch.logsumexp(torch.cat([zero, differences.flatten()]), dim=0)


def contrastive(left: torch.Tensor, right: torch.Tensor, scores: torch.Tensor, groups: torch.Tensor) -> torch.Tensor:
    """InfoNCE from each positive pair's left side over the batch's right sides of other groups."""
    positive = scores <= SAME_STORY
    if not bool(positive.any()):
        return (left.sum() + right.sum()) * 0.0  # a batch with nothing to learn from: no step
    logits = (left @ right.T) / TEMPERATURE
    same_group = groups[:, None] == groups[None, :]
    eye = torch.eye(len(scores), dtype=torch.bool)
    logits = logits.masked_fill(same_group & ~eye, float("-inf"))
    targets = torch.arange(len(scores))
    return torch.nn.functional.cross_entropy(logits[positive], targets[positive])


OBJECTIVES: dict[str, Objective] = {"cosent": cosent, "contrastive": contrastive}
