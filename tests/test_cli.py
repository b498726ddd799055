"""The storyline command, end to end, with the instant hashing embedder (no model)."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from storyline.cli import main


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> CliRunner:
    monkeypatch.setenv("STORYLINE_EMBEDDER", "hashing")
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "cli.db"))
    return CliRunner()


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(
        " date 2025-10-21 Summit in Vienna postponed\nThe summit in Vienna was postponed, officials said on Tuesday.\n",
        encoding="utf-8",
    )
    (folder / "sub" / "b.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "url": "https://ex.org/1",
                "title": "Floods in Valencia",
                "text": "Heavy floods hit Valencia overnight.",
                "published": "2025-11-02",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


def test_cli_ingest_then_stories_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["ingest", str(_corpus(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "stored 2" in result.output
    stories = json.loads(runner.invoke(main, ["stories", "--json"]).output)
    assert len(stories) == 2
    assert stories[0]["first_seen"] == "2025-11-02"  # newest first
    for key in ("id", "title", "first_seen", "last_seen", "languages", "entities", "articles"):
        assert key in stories[0]
    (newest,) = json.loads(runner.invoke(main, ["stories", "--json", "--limit", "1"]).output)
    assert newest["id"] == stories[0]["id"]
    article = stories[1]["articles"][0]
    assert article["path"].endswith("a.txt") and article["language"] == "en" and article["published"] == "2025-10-21"
    for key in ("id", "path", "url", "title", "language", "published", "source"):
        assert key in article


def test_cli_story_lines_name_outlets_only_when_known(runner: CliRunner, tmp_path: Path) -> None:
    """A story whose articles came from a URL counts its outlets; one of plain files names none
    (no "0 outlets", which reads as a fault)."""
    assert runner.invoke(main, ["ingest", str(_corpus(tmp_path))]).exit_code == 0
    lines = [line for line in runner.invoke(main, ["stories"]).output.splitlines() if line.startswith("story")]
    valencia, vienna = (next(line for line in lines if word in line) for word in ("Valencia", "Vienna"))
    assert "1 article, 1 outlet  " in valencia
    assert "1 article  " in vienna and "outlet" not in vienna


def test_cli_reingest_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    runner.invoke(main, ["ingest", str(corpus)])
    before = runner.invoke(main, ["export", "--format", "jsonl"]).output
    again = runner.invoke(main, ["ingest", str(corpus)])
    assert again.exit_code == 0 and "already stored 2" in again.output
    assert runner.invoke(main, ["export", "--format", "jsonl"]).output == before


def test_cli_rejections_exit_1_and_keep_good_input(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(corpus)])
    assert result.exit_code == 1
    assert "broken.jsonl:1: malformed JSON" in result.output
    assert "stored 2" in result.output and "rejected 1" in result.output


def test_cli_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["ingest"]).exit_code == 2
    assert runner.invoke(main, ["ingest", "x", "--embedder", "e6"]).exit_code == 2


def test_cli_stdin_jsonl(runner: CliRunner) -> None:
    line = json.dumps({"text": "Elections in Poland were held on Sunday.", "title": "Poland votes"})
    result = runner.invoke(main, ["ingest", "-"], input=line + "\n")
    assert result.exit_code == 0 and "stored 1" in result.output


def test_cli_show_search_storylines_and_exports(runner: CliRunner, tmp_path: Path) -> None:
    runner.invoke(main, ["ingest", str(_corpus(tmp_path))])
    story = json.loads(runner.invoke(main, ["show", "1", "--json"]).output)
    assert story["by_language"]["en"][0]["why"] is None  # a story of one has nothing to compare to
    assert runner.invoke(main, ["show", "99"]).exit_code == 1
    hits = json.loads(runner.invoke(main, ["search", "Valencia", "--json"]).output)
    assert hits[0]["id"] == "j1" and hits[0]["story_id"] is not None
    assert json.loads(runner.invoke(main, ["storylines", "--json"]).output) == []
    csv_out = runner.invoke(main, ["export", "--format", "csv"]).output
    assert csv_out.splitlines()[0].startswith("id,story_id,url")
    parquet = tmp_path / "out.parquet"
    assert runner.invoke(main, ["export", "--format", "parquet", "--out", str(parquet)]).exit_code == 0
    assert pq.read_table(parquet).num_rows == 2


def test_cli_unreadable_store_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    result = runner.invoke(main, ["stories", "--db", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("storyline:") and len(result.output.strip().splitlines()) == 1


def test_cli_entities_entity_and_timeline(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "events"
    folder.mkdir()
    (folder / "a.txt").write_text(
        " date 2025-10-21 Talks in Vienna\nOn Thursday Chancellor Friedrich Merz met President Emmanuel Macron in Vienna,"
        " Reuters reports. Merz said the talks went well.\n",
        encoding="utf-8",
    )
    assert runner.invoke(main, ["ingest", str(folder)]).exit_code == 0
    entities = json.loads(runner.invoke(main, ["entities", "--json", "--type", "person"]).output)
    names = {e["name"] for e in entities}
    assert {"Friedrich Merz", "Emmanuel Macron"} <= names
    merz = json.loads(runner.invoke(main, ["entity", "Merz", "--json"]).output)
    assert merz["name"] == "Friedrich Merz" and merz["timeline"][0]["date"] == "2025-10-16"
    story = merz["stories"][0]["id"]
    (entry,) = json.loads(runner.invoke(main, ["timeline", "--story", str(story), "--json"]).output)
    assert entry["precision"] == "day" and "Reuters" in entry["sources"]
    assert "Vienna" in json.loads(runner.invoke(main, ["timeline", "--entity", "Wien", "--json"]).output)[0]["entities"]
    text = runner.invoke(main, ["timeline", "--story", str(story)])
    assert text.exit_code == 0 and "2025-10-16" in text.output
    assert runner.invoke(main, ["timeline"]).exit_code == 2
    assert runner.invoke(main, ["entity", "Nobody At All"]).exit_code == 1


def test_cli_serve_starts_uvicorn_with_the_options(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: started.update(app=app, **kwargs))
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    result = runner.invoke(main, ["serve", "--port", "8123", "--token", "0123456789abcdef", "--max-body-mb", "1"])
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
    options = started["app"].state.options  # type: ignore[attr-defined]
    assert options.ingest_token == "0123456789abcdef" and options.max_body_bytes == 1024 * 1024
    assert runner.invoke(main, ["serve", "--token", "short"]).exit_code == 2
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    failed = runner.invoke(main, ["serve", "--db", str(bad)])
    assert failed.exit_code == 1 and failed.output.startswith("storyline:")


def test_cli_ingest_with_another_embedder_is_refused_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    runner.invoke(main, ["ingest", str(corpus)])
    before = runner.invoke(main, ["export", "--format", "jsonl"]).output
    (corpus / "c.txt").write_text("Another article about something else entirely.\n", encoding="utf-8")
    result = runner.invoke(main, ["ingest", str(corpus), "--embedder", "e5-small"])
    assert result.exit_code == 1
    message = result.output.strip().splitlines()[-1]
    assert "embedded with hashing" in message and "e5-small" in message
    assert runner.invoke(main, ["export", "--format", "jsonl"]).output == before


READING_COMMANDS = [
    ["stories"],
    ["storylines"],
    ["entities"],
    ["entity", "Lavrov"],
    ["search", "Vienna"],
    ["show", "1"],
    ["timeline", "--story", "1"],
    ["export", "--format", "jsonl"],
    ["check"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: c[0])
def test_cli_reading_a_missing_store_creates_nothing(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(main, [*command, "--db", str(missing)])
    assert result.exit_code == 1
    assert result.output.strip() == f"storyline: {missing}: no store here; ingest something first, e.g. storyline demo"
    assert list(tmp_path.iterdir()) == []


def test_cli_ingest_of_nothing_readable_creates_no_store(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "wp.db"
    result = runner.invoke(main, ["ingest", str(tmp_path / "nonexistent"), "--db", str(store)])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    assert "read 1, stored 0" in result.output and "rejected 1" in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_reads_a_store_it_cannot_write(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read-only media or another user's store: opened immutable, read, and left byte for byte."""
    import os

    from storyline.store import sqlite

    runner.invoke(main, ["ingest", str(_corpus(tmp_path))])
    store = Path(os.environ["STORYLINE_DB"])
    assert runner.invoke(main, ["check"]).exit_code == 0  # checkpoints the WAL: the file holds everything
    files = {path.name: path.read_bytes() for path in store.parent.iterdir() if path.is_file()}
    monkeypatch.setattr(sqlite.os, "access", lambda path, mode: False)  # as if nothing here were writable
    uri = sqlite._read_only_uri(store)
    assert uri.endswith("?mode=ro&immutable=1")
    listed = json.loads(runner.invoke(main, ["stories", "--json"]).output)
    assert len(listed) == 2 and runner.invoke(main, ["search", "Valencia"]).exit_code == 0
    assert {path.name: path.read_bytes() for path in store.parent.iterdir() if path.is_file()} == files


def test_cli_ingest_summary_adds_up(runner: CliRunner, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "broken.jsonl").write_text("{oops\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    runner.invoke(main, ["ingest", str(corpus / "a.txt")])
    result = runner.invoke(main, ["ingest", str(corpus)])
    summary = result.output.strip().splitlines()[-1]
    numbers = dict(
        (name.strip().rsplit(" ", 1)[0], int(name.strip().rsplit(" ", 1)[1]))
        for name in summary.split("(")[0].split(",")
    )
    assert numbers["read"] == 4 and numbers["stored"] == 1 and numbers["already stored"] == 1
    assert numbers["read"] == numbers["stored"] + numbers["already stored"] + numbers["rejected"]


def test_cli_every_listing_of_an_empty_store_says_so_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    from storyline.store import open_store

    open_store(tmp_path / "cli.db").close()  # a store with nothing in it
    expected = {
        ("stories",): "no stories yet (ingest articles first, e.g. storyline demo)",
        ("storylines",): "no storylines yet (stories need dates and shared actors to be linked)",
        ("entities",): "no entities yet",
        ("entities", "--type", "misc"): "no entities of type misc yet",
        ("search", "Budapest"): "no matches",
    }
    for command, line in expected.items():
        result = runner.invoke(main, list(command))
        assert result.exit_code == 0 and result.output.splitlines() == [line], (command, result.output)


def test_cli_counts_read_in_the_right_number(runner: CliRunner, tmp_path: Path) -> None:
    from storyline.wording import plural

    assert [plural(n, "story") for n in (0, 1, 2)] == ["0 stories", "1 story", "2 stories"]
    assert plural(1, "entity") == "1 entity" and plural(3, "day") == "3 days" and plural(2, "entity") == "2 entities"
    runner.invoke(main, ["ingest", str(_corpus(tmp_path))])
    outputs = "".join(runner.invoke(main, command).output for command in (["stories"], ["check"], ["entities"]))
    assert "1 article," in outputs and "1 articles" not in outputs and "1 stories" not in outputs
    assert "(s)" not in outputs and "ok: 2 articles, 2 stories, 0 storylines" in outputs


def test_cli_a_story_id_that_is_not_a_number_is_explained(runner: CliRunner) -> None:
    result = runner.invoke(main, ["show", "abc"])
    assert result.exit_code == 2
    assert "'abc' is not a story id: story ids are whole numbers from 1, as `storyline stories` shows them" in (
        result.output
    )
    assert "is not a storyline id" in runner.invoke(main, ["timeline", "--storyline", "0"]).output


def test_cli_parquet_export_goes_to_a_redirected_output(runner: CliRunner, tmp_path: Path) -> None:
    import io

    runner.invoke(main, ["ingest", str(_corpus(tmp_path))])
    result = runner.invoke(main, ["export", "--format", "parquet"])  # the runner's output is not a terminal
    assert result.exit_code == 0
    assert pq.read_table(io.BytesIO(result.stdout_bytes)).num_rows == 2


def test_cli_readme_usage_names_every_choice_the_commands_take() -> None:
    import click

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = {"entities": "--type", "export": "--format", "ingest": "--embedder"}
    for command, option in commands.items():
        (parameter,) = [p for p in main.commands[command].params if option in getattr(p, "opts", [])]
        assert isinstance(parameter.type, click.Choice)
        choices = "|".join(parameter.type.choices)
        assert f"{option} {choices}" in readme or f"[{option} {choices}]" in readme, (command, option, choices)


def test_cli_timeline_dates_read_as_precisely_as_they_are_known(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        " date 2025-10-21 Talks on Ukraine\nThe ministers first met in August 2025 in Vienna, the ministry said."
        " Lavrov and Rubio spoke again on Thursday about the summit.\n",
        encoding="utf-8",
    )
    runner.invoke(main, ["ingest", str(article)])
    output = runner.invoke(main, ["timeline", "--story", "1"]).output
    assert "August 2025" in output and "2025-08-01" not in output
    assert "2025-10-16" in output  # "on Thursday" in an article of Tuesday 21 October


def test_cli_a_read_only_server_of_a_missing_store_creates_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: None)
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    missing = tmp_path / "typo.db"
    result = runner.invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 1 and "no store here" in result.output
    assert list(tmp_path.iterdir()) == []
    served = runner.invoke(main, ["serve", "--db", str(missing), "--token", "0123456789abcdef"])
    assert served.exit_code == 0 and missing.exists(), "a server that takes ingests starts a new store"


def test_cli_check_says_what_an_upgrade_leaves_to_do(runner: CliRunner, postgres) -> None:  # type: ignore[no-untyped-def]
    """`check` upgrades an older PostgreSQL store; crossing schema 25 it says to rewrite the older rows
    (a `note:` line, and `notices` in JSON), and the check itself still passes."""
    from storyline.store import open_store
    from storyline.store.migrations import VACUUM_NOTICE

    url = postgres.new_database()
    for as_json in (False, True):
        with open_store(url) as store, store.transaction():
            store._db.execute("UPDATE meta SET value='24' WHERE key='schema_version'")
        result = runner.invoke(main, ["check", "--db", url, *(["--json"] if as_json else [])])
        assert result.exit_code == 0, result.output
        if as_json:
            assert json.loads(result.stdout)["notices"] == [VACUUM_NOTICE]
        else:
            assert f"note: {VACUUM_NOTICE}" in result.stderr and result.stdout.startswith("ok:")
