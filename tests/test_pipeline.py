import datetime as dt
import gc
import multiprocessing
import threading
from pathlib import Path

import pytest

from helpers import CountingEmbedder, DyingEmbedder, TableEmbedder
from storyline import pipeline
from storyline.ingest.records import record_to_article
from storyline.models import Article
from storyline.pipeline import Ingestor, ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import Store, open_store

BODY = "The summit in Vienna was postponed on Tuesday after the ministers failed to agree on an agenda."


def test_pipeline_same_content_after_cleaning_is_stored_once(tmp_path: Path, settings: Settings) -> None:
    first = Article(id="a", text=BODY + "\nRead more\nOther headline")
    second = Article(id="b", text=BODY + "\nShare\nComments 3")
    with open_store(settings.db) as store:
        report = ingest([first, second], store, settings, HashingEmbedder())
        assert (report.stored, report.already_stored) == (1, 1)
        again = ingest([second], store, settings, HashingEmbedder())
        assert (again.stored, again.already_stored) == (0, 1)


def test_pipeline_resumes_grouping_across_runs(tmp_path: Path, settings: Settings) -> None:
    embedder = TableEmbedder({"The summit": [1, 0, 0], "Vienna talks": [0.99, 0.1, 0], "Floods": [0, 1, 0]})
    with open_store(settings.db) as store:
        ingest([Article(id="a", text=BODY)], store, settings, embedder)
    with open_store(settings.db) as store:
        later = [
            Article(id="b", text="Vienna talks will resume next week, officials said."),
            Article(id="c", text="Floods hit the coast."),
        ]
        ingest(later, store, settings, embedder)
        rows = store.story_rows()
    assert sorted([a["id"] for a in row["articles"]] for row in rows) == [["a", "b"], ["c"]]


def _partition(store: Store) -> set[frozenset[str]]:
    return {frozenset(article["id"] for article in row["articles"]) for row in store.story_rows()}


def _corpus() -> list[Article]:
    """Articles of a few events, some near in time and meaning, in two languages."""
    events = [
        ("Vienna talks", "The talks in Vienna between the ministers Lavrov and Rubio", "2025-03-04"),
        ("Floods", "Floods hit the coast of Valencia after days of rain", "2025-03-05"),
        ("Vienna talks", "Lavrov and Rubio ended the Vienna talks without a statement", "2025-03-06"),
        ("Summit", "A summit in Budapest between Trump and Putin was announced", "2025-04-20"),
        ("Floods", "Valencia counts the damage of the floods on the coast", "2025-03-07"),
        ("Summit", "The Budapest summit of Trump and Putin was postponed", "2025-05-02"),
    ]
    articles = []
    for number in range(24):
        title, text, day = events[number % len(events)]
        published = dt.date.fromisoformat(day) + dt.timedelta(days=number // len(events))
        record = {"id": f"n{number}", "title": f"{title} {number // len(events)}", "published": published.isoformat()}
        articles.append(record_to_article({**record, "text": f"{text}, officials said on day {number}."}, None))
    return articles


def test_pipeline_nothing_new_does_nothing(tmp_path: Path, settings: Settings) -> None:
    with open_store(settings.db) as store:
        ingest(_corpus(), store, settings, HashingEmbedder())
        generation, counts = store.generation(), store.counts()
        files = _index_files(store)
        embedder = CountingEmbedder()
        again = ingest(_corpus(), store, settings, embedder)
        assert (again.stored, again.already_stored) == (0, len(_corpus()))
        assert embedder.texts == 0, "nothing new: nothing embedded"
        assert store.generation() == generation and store.counts() == counts
        assert _index_files(store) == files


def _with_repeats() -> list[Article]:
    """The corpus with texts again under new ids: the 5th right after it (in the next batch of 5, read
    while the batch before is still being enriched), and the first three at the end."""
    corpus = _corpus()
    again = [article.evolve(id=f"again-{article.id}") for article in corpus]
    return corpus[:5] + [again[4]] + corpus[5:] + again[:3]


def _what_one_process_stores(tmp_path: Path, settings: Settings) -> tuple[set[frozenset[str]], int, int]:
    location = tmp_path / "one-process.db"
    with open_store(location) as store:
        one = settings.with_changes(db=location, enrich_ahead=False)
        report = ingest(_with_repeats(), store, one, HashingEmbedder())
        return _partition(store), report.stored, report.already_stored


def test_pipeline_second_core_enriches_ahead_and_stores_what_one_process_stores(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "available_cpus", lambda: 2)  # as on any machine of two CPUs or more
    small = settings.with_changes(batch_size=5)  # 28 articles: six batches
    expected = _what_one_process_stores(tmp_path, small)
    embedder = CountingEmbedder()
    with open_store(small.db) as store:
        report = ingest(_with_repeats(), store, small, embedder)
        assert (_partition(store), report.stored, report.already_stored) == expected
        assert store.check() == []
    assert embedder.texts == 0, "every batch embedded in the worker"
    assert report.timings["embed"] > 0  # the worker's seconds are reported
    assert multiprocessing.active_children() == []


def test_pipeline_second_core_that_dies_costs_nothing_but_time(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "available_cpus", lambda: 2)
    small = settings.with_changes(batch_size=5)
    expected = _what_one_process_stores(tmp_path, small)
    embedder = DyingEmbedder()  # the worker dies on its first batch
    with open_store(small.db) as store:
        report = ingest(_with_repeats(), store, small, embedder)
        assert (_partition(store), report.stored, report.already_stored) == expected
        assert store.check() == []
    assert embedder.texts == expected[1], "every batch enriched here after the worker died"


def test_pipeline_second_core_stops_with_the_writer(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "available_cpus", lambda: 2)
    small = settings.with_changes(batch_size=5)
    stored = Ingestor.store_enriched

    def second_batch_fails(self: Ingestor, enriched: list[Article], report: pipeline.IngestReport) -> None:
        if report.stored:
            raise KeyboardInterrupt
        stored(self, enriched, report)

    monkeypatch.setattr(Ingestor, "store_enriched", second_batch_fails)
    with open_store(small.db) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest(_with_repeats(), store, small, HashingEmbedder())
        assert store.counts()["articles"] == 5  # the first batch stays stored, whole
        assert store.check() == []
    assert multiprocessing.active_children() == []


def test_pipeline_small_input_starts_no_worker(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "available_cpus", lambda: 2)
    started: list[bool] = []
    monkeypatch.setattr(pipeline.SecondCore, "start", lambda self: started.append(True))
    with open_store(settings.db) as store:
        assert ingest(_corpus(), store, settings, HashingEmbedder()).stored == len(_corpus())
    assert started == []  # one batch, not full: nothing to overlap


def _index_files(store: Store) -> dict[Path, int]:
    """The vector shard files beside a SQLite store and their times (PostgreSQL keeps none)."""
    folder = getattr(store, "index_folder", None)
    return {} if folder is None else {path: path.stat().st_mtime_ns for path in folder.iterdir()}


def _checkpoint_threads() -> int:
    return sum(thread.name == "storyline-checkpoints" for thread in threading.enumerate())


def _blas_threads() -> set[int]:
    from threadpoolctl import threadpool_info

    return {int(library["num_threads"]) for library in threadpool_info() if library["user_api"] == "blas"}


def test_pipeline_long_running_ingestor_groups_as_one_run(tmp_path: Path, settings: Settings) -> None:
    with open_store(tmp_path / "once.db") as store:
        ingest(_corpus(), store, settings.with_changes(db=tmp_path / "once.db"), HashingEmbedder())
        expected = _partition(store)
    with open_store(tmp_path / "kept.db") as store:
        kept = settings.with_changes(db=tmp_path / "kept.db")
        blas_before = _blas_threads()
        with Ingestor(store, kept, HashingEmbedder(), keep_open=True) as ingestor:
            for article in _corpus():
                report = ingestor.ingest([article])
                assert report.stored == 1 and report.timings["map"] > 0
                assert gc.get_freeze_count() > 0  # what it keeps is out of the collector's full passes
                assert _checkpoint_threads() == 1  # held from the first call to close, not one per call
                assert _blas_threads() == {1}  # no idle BLAS thread spinning beside the checkpoints
        assert gc.get_freeze_count() == 0  # closed: everything collectable again
        assert _checkpoint_threads() == 0
        assert _blas_threads() == blas_before
        assert _partition(store) == expected
        assert store.check() == []


def test_pipeline_long_running_ingestor_sees_what_another_writer_stored(tmp_path: Path, settings: Settings) -> None:
    embedder = TableEmbedder({"The summit": [1, 0, 0], "Vienna talks": [0.99, 0.1, 0], "Floods": [0, 1, 0]})
    with open_store(settings.db) as store, Ingestor(store, settings, embedder, keep_open=True) as ingestor:
        ingestor.ingest([Article(id="a", text="Floods hit the coast.")])
        with open_store(settings.db) as other:
            ingest([Article(id="b", text=BODY)], other, settings, embedder)
        ingestor.ingest([Article(id="c", text="Vienna talks will resume next week, officials said.")])
        assert sorted(sorted(group) for group in _partition(store)) == [["a"], ["b", "c"]]


def _storyline_article(story: str, day: str, names: str) -> Article:
    """One article of a story: its own words (not a near-duplicate of the others), the same names."""
    words = " ".join(f"{story.lower()}{day.replace('-', '')}w{number}" for number in range(12))
    text = f"{story}: {names} met again, officials said. {words}."
    return record_to_article({"id": f"{story}-{day}", "title": story, "text": text, "published": day}, None)


def test_pipeline_storyline_ids_survive_growth_and_merges(tmp_path: Path, settings: Settings) -> None:
    embedder = TableEmbedder({"A": [1, 0, 0], "B": [0.95, 0.31, 0], "C": [0.9, 0.1, 0.42], "D": [0.95, 0, 0.31]})
    names = "Sergey Lavrov and Marco Rubio in Budapest"
    with open_store(settings.db) as store:
        run = [_storyline_article("A", "2025-01-01", names), _storyline_article("B", "2025-03-01", names)]
        ingest(run, store, settings, embedder)
        (first,) = store.storyline_rows()
        ingest([_storyline_article("A", "2025-04-30", names)], store, settings, embedder)
        (grown,) = store.storyline_rows()
        assert grown["id"] == first["id"] and len(grown["story_ids"]) == 3
        ingest(
            [_storyline_article("D", "2025-10-01", names), _storyline_article("D", "2025-12-01", names)],
            store,
            settings,
            embedder,
        )
        lines = {row["id"]: row for row in store.storyline_rows()}
        assert len(lines) == 2
        later = max(lines)
        ingest([_storyline_article("C", "2025-07-15", names)], store, settings, embedder)  # bridges the two
        (merged,) = store.storyline_rows()
        assert merged["id"] == first["id"] and store.resolve_storyline(later) == first["id"]
        assert store.check() == []
        # a long storyline is read by its latest stories, with its whole count and dates
        (latest,) = store.storyline_rows(latest_stories=2)
        dates = {row["id"]: row["first_seen"] for row in store.story_rows(merged["story_ids"])}
        assert latest["story_count"] == len(merged["story_ids"]) > 2
        assert latest["story_ids"] == sorted(sorted(merged["story_ids"], key=lambda s: (dates[s], s))[-2:])
        assert (latest["first_seen"], latest["last_seen"]) == (merged["first_seen"], merged["last_seen"])
        assert all({link["earlier"], link["later"]} <= set(latest["story_ids"]) for link in latest["links"])


def test_pipeline_undated_article_finds_its_dated_story_among_many(tmp_path: Path, settings: Settings) -> None:
    """Undated articles are compared with the window of the newest date seen, and with recent undated ones."""
    embedder = TableEmbedder({"Summit": [1, 0, 0], "Floods": [0, 1, 0], "Budget": [0, 0, 1]})
    dated = [
        record_to_article(
            {
                "id": f"{title}-{day}",
                "title": title,
                "text": f"{title} report {day}.",
                "published": f"2025-{month:02d}-0{day}",
            },
            None,
        )
        for month, title in ((1, "Floods"), (5, "Budget"), (9, "Summit"))
        for day in range(1, 4)
    ]
    with open_store(settings.db) as store:
        ingest(dated, store, settings, embedder)
        ingest([Article(id="undated", title="Summit", text="Summit talks, no date given.")], store, settings, embedder)
        ingest(
            [Article(id="undated-2", title="Summit", text="More summit talks, undated too.")], store, settings, embedder
        )
        groups = _partition(store)
    assert {"undated", "undated-2", "Summit-1", "Summit-2", "Summit-3"} in groups
