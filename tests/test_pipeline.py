from pathlib import Path

from helpers import TableEmbedder
from storyline.models import Article
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import HashingEmbedder
from storyline.store import Store

BODY = "The summit in Vienna was postponed on Tuesday after the ministers failed to agree on an agenda."


def test_pipeline_same_content_after_cleaning_is_stored_once(tmp_path: Path, settings: Settings) -> None:
    first = Article(id="a", text=BODY + "\nRead more\nOther headline")
    second = Article(id="b", text=BODY + "\nShare\nComments 3")
    with Store(settings.db_path) as store:
        report = ingest([first, second], store, settings, HashingEmbedder())
        assert (report.stored, report.already_stored) == (1, 1)
        again = ingest([second], store, settings, HashingEmbedder())
        assert (again.stored, again.already_stored) == (0, 1)


def test_pipeline_resumes_grouping_across_runs(tmp_path: Path, settings: Settings) -> None:
    embedder = TableEmbedder({"The summit": [1, 0, 0], "Vienna talks": [0.99, 0.1, 0], "Floods": [0, 1, 0]})
    with Store(settings.db_path) as store:
        ingest([Article(id="a", text=BODY)], store, settings, embedder)
    with Store(settings.db_path) as store:
        later = [
            Article(id="b", text="Vienna talks will resume next week, officials said."),
            Article(id="c", text="Floods hit the coast."),
        ]
        ingest(later, store, settings, embedder)
        rows = store.story_rows()
    assert sorted([a["id"] for a in row["articles"]] for row in rows) == [["a", "b"], ["c"]]
