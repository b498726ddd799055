import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from helpers import make_article
from storyline.grouping.stories import StoryIndex, assign_stories
from storyline.settings import GroupingSettings, Settings
from storyline.store import Store, StoreError

SETTINGS = Settings()


def _save(store: Store, articles, index: StoryIndex) -> None:  # type: ignore[no-untyped-def]
    memberships = assign_stories(articles, index, GroupingSettings())
    index.committed(store.save_batch(articles, memberships, index, "table", bands=32))


def _index(store: Store, space: str = "table") -> StoryIndex:
    return store.open_story_index(3, space, SETTINGS)


def test_sqlite_story_index_resumes_from_the_store(tmp_path: Path) -> None:
    a = make_article("a", [1, 0, 0], ["bdpst"], dt.date(2025, 10, 21), text="Budapest summit postponed")
    with Store(tmp_path / "s.db") as store:
        _save(store, [a], _index(store))
    with Store(tmp_path / "s.db") as store:
        index = _index(store)
        assert index.story_of("a") == 1
        state = index.states([1])[1]
        assert state.size == 1 and state.entity_counts == {"bdpst": 1}
        assert index.stats.documents == 1 and index.stats.weight("bdpst") < index.stats.weight("other")
        assert store.story_rows()[0]["title"] == "Budapest summit postponed"


def test_sqlite_refuses_vectors_of_another_embedder(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _save(store, [make_article("a", [1, 0, 0], [], None, text="First")], _index(store))
        with pytest.raises(StoreError, match="embedded with table, this ingest embeds with other"):
            _index(store, "other")


def test_sqlite_already_stored_by_id_url_or_content(tmp_path: Path) -> None:
    a = make_article("a", [1, 0, 0], [], None, text="Same words").evolve(url="https://x.org/1")
    with Store(tmp_path / "s.db") as store:
        _save(store, [a], _index(store))
        assert store.already_stored(a.evolve(id="other"))
        assert store.already_stored(a.evolve(id="other", url=None))
        assert store.already_stored(a.evolve(text="Different words"))
        assert not store.already_stored(a.evolve(id="other", url=None, text="Different  words"))


def test_sqlite_failed_batch_leaves_store_unchanged(tmp_path: Path) -> None:
    a = make_article("a", [1, 0, 0], [], None, text="First")
    with Store(tmp_path / "s.db") as store:
        index = _index(store)
        _save(store, [a], index)
        with pytest.raises(sqlite3.IntegrityError):
            _save(store, [make_article("b", [0, 1, 0], [], None, text="Second"), a], index)
        assert store.counts()["articles"] == 1


def test_sqlite_search_finds_inflected_forms(tmp_path: Path) -> None:
    a = make_article("a", [1, 0, 0], [], None, text="Срещата на върха в Будапеща беше отложена.")
    with Store(tmp_path / "s.db") as store:
        _save(store, [a], _index(store))
        assert [r["id"] for r in store.search("Будапешт")] == ["a"]
        assert store.search('"unbalanced (query') == []


def test_sqlite_refuses_foreign_and_newer_files(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(StoreError, match="not a storyline store"):
        Store(other)
    newer = tmp_path / "newer.db"
    Store(newer).close()
    db = sqlite3.connect(newer)
    db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer than this storyline"):
        Store(newer)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(garbage)


def test_store_upgrades_a_schema_1_store_keeping_its_rows(tmp_path: Path) -> None:
    import sqlite3

    from storyline.store.sqlite import SCHEMA_VERSION

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript((Path(__file__).parent / "schema_v1.sql").read_text(encoding="utf-8"))
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.execute(
        "INSERT INTO articles (id, content_hash, headline, text, ingested_at) VALUES ('a', 'h', 'Title', 'Text', 'now')"
    )
    db.execute("INSERT INTO article_entities VALUES ('a', 'lvrv', 'Лавров', 'Лавров', 'person', 2)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.counts()["articles"] == 1
        (row,) = list(store.mention_rows())
        assert (row.key, row.given, row.count) == ("lvrv", "", 2)
        assert store.statements_of(["a"]) == []
    check = sqlite3.connect(path)
    assert check.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sqlite_check_finds_broken_rules(tmp_path: Path) -> None:
    a = make_article("a", [1, 0, 0], [], None, text="First")
    with Store(tmp_path / "s.db") as store:
        _save(store, [a], _index(store))
        assert store.check() == []
    raw = sqlite3.connect(tmp_path / "s.db")
    raw.execute("DELETE FROM memberships")
    raw.commit()
    raw.close()
    with Store(tmp_path / "s.db") as store:
        assert store.check() == [
            "1 article(s) in no story",
            "1 story(ies) whose size is not their number of articles",
        ]


def test_sqlite_one_writer_at_a_time(tmp_path: Path) -> None:
    from storyline.store import StoreBusy

    with (
        Store(tmp_path / "s.db") as first,
        Store(tmp_path / "s.db") as second,
        first.writing(),
        pytest.raises(StoreBusy, match="store is busy"),
        second.writing(wait_seconds=0.3),
    ):
        pass
    with Store(tmp_path / "s.db") as store, store.writing():
        pass  # released by the first writer


def test_sqlite_snapshot_hides_commits_made_meanwhile(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as writer, Store(tmp_path / "s.db") as reader:
        with reader.snapshot():
            before = reader.counts()["articles"]
            _save(writer, [make_article("a", [1, 0, 0], [], None, text="First")], _index(writer))
            assert reader.counts()["articles"] == before == 0
        assert reader.counts()["articles"] == 1


def test_store_migrates_a_schema_3_store_keeping_ids_and_groupings(tmp_path: Path) -> None:
    """A store written by storyline's schema 3 (the five samples, e5-small), upgraded in place."""
    import gzip

    from storyline.grouping.entity_updates import relink_after
    from storyline.grouping.storyline_updates import refresh_storylines
    from storyline.models import EntityMention

    path = tmp_path / "v3.db"
    path.write_bytes(gzip.decompress((Path(__file__).parent / "store_v3.db.gz").read_bytes()))
    raw = sqlite3.connect(path)
    entities = {row[0]: row[1:] for row in raw.execute("SELECT identity, id, articles, stories FROM entities")}
    stories = {row[0]: row[1] for row in raw.execute("SELECT article_id, story_id FROM memberships")}
    lines = {
        (row[0], row[1], row[2]) for row in raw.execute("SELECT storyline_id, earlier, later FROM storyline_links")
    }
    raw.close()
    with Store(path) as store:
        assert store.check() == []
        after = {row[0]: row[1:] for row in store._db.execute("SELECT identity, id, articles, stories FROM entities")}
        assert after == entities
        assert {row[0]: row[1] for row in store._db.execute("SELECT article_id, story_id FROM memberships")} == stories
        (storyline,) = store.storyline_rows()
        assert {(storyline["id"], link["earlier"], link["later"]) for link in storyline["links"]} == lines
        # The map goes on from the upgraded store: an article close to story 1 joins it.
        index = store.open_story_index(384, "e5-small/passage", SETTINGS)
        (centroid,) = [state.centroid for state in index.states([1]).values()]
        article = make_article("new", list(centroid), ["lvrv", "rb"], dt.date(2025, 10, 22), text="Rubio, Lavrov")
        article = article.evolve(entities=(EntityMention(key="lvrv", surface="Lavrov", kind="person", lemma="Lavrov"),))
        memberships = assign_stories([article], index, GroupingSettings())
        with store.transaction():
            labels = store.save_batch([article], memberships, index, "e5-small/passage", bands=32)
            refresh_storylines(store, index, index.touched, SETTINGS.storylines)
            relink_after(store, ["new"])
        index.committed(labels)
        assert memberships[0].story_id == 1 and store.check() == []
