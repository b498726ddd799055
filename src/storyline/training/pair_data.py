"""Labeled pairs as training examples: token ids of each side, the human score, and folds by article.

What the encoder is trained on is what the grouping embeds: an article's title and lead
(``embedding_text``, the first ``max_chars`` characters) with e5's "passage: " prefix. Pairs that
share an article belong to one group (a connected component of the pair graph), and folds are made of
whole groups, so that no article is in both a training fold and its test fold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyline.encoders.e5_encoder import PASSAGE_PREFIX
from storyline.encoders.e5_tokenizer import UnigramTokenizer
from storyline.encoders.e5_tuned import E5Weights
from storyline.evaluation.pairs import LabeledPair
from storyline.stages.embed import embedding_text


@dataclass(frozen=True)
class TrainingPair:
    left: int  # index into the examples' token lists
    right: int
    score: float  # 1 = same event ... 4 = unrelated
    group: int  # pairs sharing an article share a group


@dataclass(frozen=True)
class TrainingSet:
    tokens: list[list[int]]  # one list of ids (begin marker, pieces, end marker) per distinct article
    pairs: list[TrainingPair]


def training_set(pairs: Sequence[LabeledPair], model: E5Weights, max_chars: int) -> TrainingSet:
    """The scored pairs (a pair without a score is skipped) with each distinct article tokenised once."""
    tokenizer = UnigramTokenizer(model.tokenizer)
    room = model.config.max_positions - 2
    index_of: dict[str, int] = {}
    tokens: list[list[int]] = []
    scored = [pair for pair in pairs if pair.score is not None]
    groups = article_groups(scored)
    examples = []
    for pair in scored:
        sides = []
        for article in (pair.a, pair.b):
            if article.id not in index_of:
                index_of[article.id] = len(tokens)
                content = tokenizer.content_ids(PASSAGE_PREFIX + embedding_text(article, max_chars))
                tokens.append([model.tokenizer.bos, *content[:room], model.tokenizer.eos])
            sides.append(index_of[article.id])
        assert pair.score is not None
        examples.append(TrainingPair(sides[0], sides[1], pair.score, groups[pair.a.id]))
    return TrainingSet(tokens, examples)


def article_groups(pairs: Sequence[LabeledPair]) -> dict[str, int]:
    """Each article's group: the connected component of the graph whose edges are the pairs."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for pair in pairs:
        parent[root(pair.a.id)] = root(pair.b.id)
    numbers: dict[str, int] = {}
    return {node: numbers.setdefault(root(node), len(numbers)) for node in list(parent)}


def pair_folds(pairs: Sequence[LabeledPair], folds: int, seed: int = 0) -> list[int]:
    """A fold number per pair such that pairs sharing an article are in the same fold.

    Groups are dealt, largest first, to the fold with the fewest pairs so far (ties broken at random),
    which keeps folds near equal in size even when one group is large.
    """
    groups = article_groups(pairs)
    sizes: dict[int, int] = {}
    for pair in pairs:
        sizes[groups[pair.a.id]] = sizes.get(groups[pair.a.id], 0) + 1
    random = np.random.default_rng(seed)
    order = sorted(sizes, key=lambda group: (-sizes[group], random.random()))
    load = np.zeros(folds)
    fold_of_group = {}
    for group in order:
        fold = int(np.argmin(load + random.random(folds) * 1e-3))
        fold_of_group[group] = fold
        load[fold] += sizes[group]
    return [fold_of_group[groups[pair.a.id]] for pair in pairs]
