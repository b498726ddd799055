import datetime as dt
import random

import numpy as np
import pytest

from storyline.grouping.evidence import EntityStats
from storyline.grouping.explain import explain_members
from storyline.grouping.stories import StoryState, story_evidence
from storyline.models import Article, EntityMention
from storyline.settings import GroupingSettings


def _by_definition(articles: list[Article], stats: EntityStats, settings: GroupingSettings) -> dict:  # type: ignore[type-arg]
    """Each article against a story built from scratch out of all the others."""
    found = {}
    for article in articles:
        others = [other for other in articles if other.id != article.id]
        state = StoryState(id=0, vector_sum=np.zeros(4, dtype=np.float32))
        for other in others:
            state.add(other)
        scored = [
            (float(other.embedding @ article.embedding), other.id)
            for other in others
            if other.embedding is not None and article.embedding is not None
        ]
        found[article.id] = story_evidence(article, state, max(scored) if scored else (0.0, None), stats, settings)
    return found


def test_explain_leave_one_out_equals_rebuilding_the_story_without_each_article() -> None:
    rng = random.Random(3)
    stats = EntityStats(documents=100, lookup=lambda keys: {key: 1 + sum(map(ord, key)) % 7 for key in keys})
    for _round in range(20):
        articles = []
        for number in range(rng.randint(2, 12)):
            vector = np.array([rng.random() for _ in range(4)], dtype=np.float32)
            day = rng.choice([None, dt.date(2025, 1, rng.randint(1, 9))])
            keys = {f"k{rng.randrange(6)}" for _ in range(rng.randrange(4))}
            articles.append(
                Article(
                    id=f"a{number}",
                    text="",
                    language=rng.choice([None, "bg", "en"]),
                    published=day,
                    embedding=None if rng.random() < 0.1 else vector / np.linalg.norm(vector),
                    entities=tuple(EntityMention(key=key, surface=key, kind="misc") for key in sorted(keys)),
                )
            )
        fast = explain_members(articles, stats, GroupingSettings())
        slow = _by_definition(articles, stats, GroupingSettings())
        page = {article.id for article in rng.sample(articles, rng.randint(1, len(articles)))}
        assert explain_members(articles, stats, GroupingSettings(), only=page) == {
            article_id: fast[article_id] for article_id in fast if article_id in page
        }, "a page of the story is explained exactly as the whole story's members are"
        for article in articles:
            got, want = fast[article.id], slow[article.id]
            assert got is not None and want is not None
            assert got.similarity == pytest.approx(want.similarity, abs=2e-4)
            assert got.closest_article == want.closest_article or got.similarity == pytest.approx(want.similarity)
            assert (got.entity_overlap, got.shared_entities, got.gap_days, got.cross_lingual) == (
                pytest.approx(want.entity_overlap),
                want.shared_entities,
                want.gap_days,
                want.cross_lingual,
            )
            assert got.score == pytest.approx(want.score, abs=2e-4)  # rounded to 4 places, float sums differ
