import dataclasses
import datetime as dt
import random
from pathlib import Path

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
        whole = StoryState(id=0, vector_sum=np.zeros(4, dtype=np.float32))
        for article in articles:
            whole.add(article)
        known = [article if article.id in page else dataclasses.replace(article, entities=()) for article in articles]
        assert explain_members(known, stats, GroupingSettings(), only=page, whole=whole) == {
            article_id: fast[article_id] for article_id in fast if article_id in page
        }, "with the story's kept state, only the explained articles need their entities"
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


def test_a_stored_story_is_explained_from_its_kept_state_as_from_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import queries
    from storyline.ingest.records import record_to_article
    from storyline.pipeline import ingest
    from storyline.settings import Settings
    from storyline.stages.embed import HashingEmbedder
    from storyline.store import open_store

    location = str(tmp_path / "store.db")
    settings = Settings(db=location)
    records = [
        {
            "id": f"r{number}",
            "text": f"Dock workers in Varna and Burgas stopped the cranes on day {number} of the harbour strike,"
            f" the union of Bulgarian dockers said; talks with the port of Varna failed{' again' * number}.",
            "published": f"2025-10-1{number}",
            "language": ["en", "de", "en", "bg"][number],
        }
        for number in range(4)
    ]
    with open_store(location) as store:
        ingest([record_to_article(record, None) for record in records], store, settings, HashingEmbedder())
        (story,) = [row for row in store.story_rows() if row["size"] > 2]
        kept = queries.story_detail(store, story["id"], settings)
        monkeypatch.setattr(store, "story_states", lambda ids: {})  # summed from the articles instead
        summed = queries.story_detail(store, story["id"], settings)
    assert kept is not None and summed is not None
    for mine, theirs in zip(kept["articles"], summed["articles"], strict=True):
        assert mine["why"] is not None and theirs["why"] is not None
        assert mine["why"] == {**theirs["why"], "similarity": mine["why"]["similarity"], "score": mine["why"]["score"]}
        assert mine["why"]["similarity"] == pytest.approx(theirs["why"]["similarity"], abs=1e-5)
        assert mine["why"]["score"] == pytest.approx(theirs["why"]["score"], abs=2e-4)
