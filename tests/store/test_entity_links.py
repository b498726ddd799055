"""Entity links kept by deltas equal linking every mention from scratch, batch after batch."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import numpy as np
import pytest

from storyline.grouping import entity_updates, linking
from storyline.grouping.entities import link_entities
from storyline.grouping.entity_updates import relink_after
from storyline.grouping.linking import follow_links, link_next
from storyline.grouping.stories import assign_stories
from storyline.models import Article, EntityMention
from storyline.settings import GroupingSettings, Settings
from storyline.store import Store, open_store

# Each surname in Latin script, in Cyrillic, and in a second Latin spelling with other vowels (which a
# bare Latin name keeps apart, and a full name written so is counted under).
SURNAMES = {
    "trmp": ("Trump", "Тръмп", "Tramp"),
    "lvrv": ("Lavrov", "Лавров", "Lavrow"),
    "mln": ("Meloni", "Мелони", "Melani"),
}
GIVEN = {"dnld": "Donald", "mlnia": "Melania", "srh": "Sergey", "jrj": "Giorgia"}
# Each surname in Chinese characters (keyed by them, read back as the Latin keys above), with a full name
CHINESE = {
    "trmp": ("特朗普", "tnnd", "唐纳德·特朗普"),
    "lvrv": ("拉夫罗夫", "srk", "谢尔盖·拉夫罗夫"),
    "mln": ("梅洛尼", "", ""),
}
GROUPS = 5


def _chinese_mention(rng: random.Random) -> EntityMention:
    bare, given, full = CHINESE[rng.choice(list(CHINESE))]
    if given and rng.random() < 0.3:
        return EntityMention(key=bare, surface=full, kind="person", lemma=full, given=given)
    return EntityMention(key=bare, surface=bare, kind="person", lemma=bare)


def _mention(rng: random.Random, language: str) -> EntityMention:
    if language == "zh":
        return _chinese_mention(rng)
    if rng.random() < 0.15:
        return EntityMention(
            key="geo:3054643", surface=rng.choice(["Budapest", "Будапеща"]), kind="place", lemma="Budapest"
        )
    if rng.random() < 0.15:  # an acronym, spelled out by some articles in one of two ways, or not at all
        lemma = rng.choice(["FT", "FT", "Financial Times", "Fast Track"])
        return EntityMention(key="#ft", surface="FT", kind="org", lemma=lemma)
    key = rng.choice(list(SURNAMES))
    latin, cyrillic, other = SURNAMES[key]
    given = rng.choice(["", "", *GIVEN])
    surface = f"{GIVEN[given]} {rng.choice([latin, latin, other])}" if given else rng.choice([latin, cyrillic, other])
    return EntityMention(key=key, surface=surface, kind="person", count=rng.randint(1, 3), lemma=surface, given=given)


def _article(number: int, rng: random.Random) -> Article:
    group = rng.randrange(GROUPS)
    vector = np.zeros(GROUPS, dtype=np.float32)
    vector[group] = 1.0  # articles of one group join one story
    language = rng.choice(["en", "bg", "zh"])
    mentions = {(m.key, m.given): m for m in (_mention(rng, language) for _ in range(rng.randint(1, 4)))}
    return Article(
        id=f"a{number}",
        text=f"article {number}",
        language=language,
        published=dt.date(2025, 3, 1) + dt.timedelta(days=number % 3),  # entity_days: a few dates
        embedding=vector,
        entities=tuple(mentions.values()),
    )


def _incremental(store: Store) -> tuple[dict[tuple[str, str, str], str], set[tuple[object, ...]]]:
    db = store._db
    links = {
        (row[0], row[1], row[2]): row[3]
        for row in db.execute(
            "SELECT em.article_id, em.key, em.given, e.identity FROM entity_mentions em JOIN entities e ON e.id=em.entity_id"
        )
    }
    entities = {
        (row["identity"], row["name"], row["kind"], row["articles"], row["stories"], row["variants"])
        for row in db.execute("SELECT * FROM entities WHERE articles>0")
    }
    return links, entities


def _reference(store: Store) -> tuple[dict[tuple[str, str, str], str], set[tuple[object, ...]]]:
    entities, links = link_entities(store.mention_rows())
    return links, {
        (
            e.identity,
            e.name,
            e.kind,
            len(e.article_ids),
            len(e.story_ids),
            json.dumps([[v.surface, v.language, v.count] for v in e.variants], ensure_ascii=False),
        )
        for e in entities
    }


def _drain(store: Store) -> int:
    """Work through the queue of surnames to re-link, as the next batches would; returns the batches."""
    batches = 0
    while store.queued_relinks():
        with store.transaction():
            relink_after(store, [])
        batches += 1
    return batches


@pytest.mark.parametrize("budget", [128, 2])
def test_entity_links_by_delta_equal_linking_from_scratch(store_location: str, budget: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(entity_updates, "RELINK_PER_ARTICLE", 0)
    monkeypatch.setattr(entity_updates, "RELINK_MIN", budget)
    rng = random.Random(11)
    tipped = drained = 0
    with open_store(store_location) as store:
        index = store.open_story_index(GROUPS, "table", Settings())
        number = 0
        for _batch in range(25):
            articles = [_article(number + offset, rng) for offset in range(rng.randint(1, 5))]
            number += len(articles)
            memberships = assign_stories(articles, index, GroupingSettings())
            with store.transaction():
                labels = store.save_batch(articles, memberships, index, "table", bands=32)
                changes = relink_after(store, [article.id for article in articles])
            index.committed(labels)
            tipped += sum(1 for change in changes if change.old is not None)
            drained += _drain(store)
            assert _incremental(store) == _reference(store)
        assert store.check() == []
        links, _ = _incremental(store)
    han = {bare for bare, _given, _full in CHINESE.values()}
    read = {identity for (_article, key, _given), identity in links.items() if key in han and "~" in identity}
    assert any(not any("\u4e00" <= char <= "\u9fff" for char in identity) for identity in read), (
        "some names in characters should have been read back as a Latin full name of their story"
    )
    assert any(any("\u4e00" <= char <= "\u9fff" for char in identity) for identity in read)
    assert tipped > 0, "some mentions should have moved entity as full names arrived"
    assert (drained > 0) == (budget == 2), "a small budget leaves work for later batches"


def test_entity_links_an_emptied_entity_points_where_its_mentions_went(tmp_path: Path) -> None:
    bare = EntityMention(key="lvrv", surface="Лавров", kind="person", lemma="Лавров")
    full = EntityMention(key="lvrv", surface="Sergey Lavrov", kind="person", lemma="Sergey Lavrov", given="srh")
    first = Article(id="a", text="one", embedding=np.array([1.0, 0.0], np.float32), entities=(bare,))
    second = Article(id="b", text="two", embedding=np.array([0.0, 1.0], np.float32), entities=(full,))
    third = Article(id="c", text="three", embedding=np.array([0.0, 1.0], np.float32), entities=(full,))
    with open_store(tmp_path / "e.db") as store:
        index = store.open_story_index(2, "table", Settings())
        for article in (first, second, third):  # two articles write the full name (MIN_SUPPORT)
            memberships = assign_stories([article], index, GroupingSettings())
            with store.transaction():
                index_labels = store.save_batch([article], memberships, index, "table", bands=32)
                relink_after(store, [article.id])
            index.committed(index_labels)
        bare_entity = store._db.execute("SELECT id FROM entities WHERE identity='lvrv~lvrv'").fetchone()[0]
        found = store.find_entity(str(bare_entity))
        assert found is not None and found["identity"] == "srh lvrv~lvrv" and found["articles"] == 3


def _write_unlinked(store: Store, index, articles: list[Article]) -> None:  # type: ignore[no-untyped-def]
    memberships = assign_stories(articles, index, GroupingSettings())
    with store.transaction():
        labels = store.save_batch(articles, memberships, index, "table", bands=32)
    index.committed(labels)


@pytest.mark.parametrize(("link_every", "chunk"), [(1, 512), (4, 3)])
def test_entity_links_made_after_the_writer_equal_linking_from_scratch(
    store_location: str, link_every: int, chunk: int
) -> None:
    """A linker of its own (grouping/linking.py) links after the writer has committed, a chunk at a time and
    falling behind while later batches are stored; once caught up, the links are the writer's own."""
    rng = random.Random(5)
    behind = 0
    with open_store(store_location) as store:
        index = store.open_story_index(GROUPS, "table", Settings())
        number = 0
        for batch in range(25):
            articles = [_article(number + offset, rng) for offset in range(rng.randint(1, 5))]
            number += len(articles)
            _write_unlinked(store, index, articles)
            if batch % link_every == link_every - 1:
                with store.transaction():
                    link_next(store, chunk)  # one chunk: the linker may fall behind
            behind = max(behind, store.unlinked_count())
            assert store.check() == [], "articles waiting to be linked are no problem"
        assert (behind > 0) == (link_every > 1)
        report = follow_links(store, lambda: True, limit=chunk)
        assert store.unlinked_count() == 0 and (report.articles > 0) == (link_every > 1)
        _drain(store)
        assert _incremental(store) == _reference(store)
        assert store.check() == []


def test_entity_links_a_linker_that_fails_mid_chunk_loses_nothing(store_location: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A chunk's links and the point linking has got to are committed together: a linker that fails in
    a chunk leaves it whole for the next one, and nothing is linked twice."""
    rng = random.Random(8)
    with open_store(store_location) as store:
        index = store.open_story_index(GROUPS, "table", Settings())
        _write_unlinked(store, index, [_article(number, rng) for number in range(12)])
        calls = {"n": 0}
        original = linking.relink_after

        def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls["n"] += 1
            if calls["n"] == 2:
                original(*args, **kwargs)  # its writes are made, then the chunk fails: all rolled back
                raise OSError("killed")
            return original(*args, **kwargs)

        monkeypatch.setattr(linking, "relink_after", failing)
        with pytest.raises(OSError):
            follow_links(store, lambda: True, limit=5)
        assert store.linked_through() > 0 and store.unlinked_count() == 7
        assert store.check() == []
        follow_links(store, lambda: True, limit=5)
        assert store.unlinked_count() == 0
        _drain(store)
        assert _incremental(store) == _reference(store)
        assert store.check() == []
