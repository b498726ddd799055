"""The ``storyline`` command. Presentation only: the work happens in the core modules."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import click

from storyline import queries
from storyline.export import FORMATS, export_rows
from storyline.ingest import read_sources
from storyline.models import Rejection
from storyline.pipeline import IngestReport, ingest
from storyline.settings import Settings, load_settings
from storyline.stages.embed import Embedder, make_embedder
from storyline.store import Store, StoreError

DB_HELP = "Store file (default: $STORYLINE_DB or ./storyline.db)."
db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """storyline: multilingual news articles into stories, storylines and entities."""


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--embedder", default=None, help="Embedding model name (default: e5-small).")
def ingest_command(paths: tuple[str, ...], db_path: str | None, embedder: str | None) -> None:
    """Read files, folders (recursively) or - (JSONL on stdin) into the store."""
    settings = _settings(db_path, embedder)
    report = _run_ingest(list(paths), settings)
    _print_report(report)
    sys.exit(1 if report.rejected else 0)


@main.command("stories")
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many stories.")
def stories_command(db_path: str | None, as_json: bool, limit: int | None) -> None:
    """Stories, newest first."""
    with _open_store(_settings(db_path)) as store:
        stories = queries.list_stories(store, limit)
    if as_json:
        _print_json(stories)
        return
    for story in stories:
        _print_story_line(story)


@main.command("show")
@click.argument("story_id", type=int)
@db_option
@json_option
def show_command(story_id: int, db_path: str | None, as_json: bool) -> None:
    """One story's articles by language, and why each is in the story."""
    settings = _settings(db_path)
    with _open_store(settings) as store:
        story = queries.story_detail(store, story_id, settings)
    if story is None:
        _fail(f"no story {story_id} in {settings.db_path}", code=1)
    assert story is not None
    if as_json:
        _print_json(story)
        return
    _print_story_line(story)
    for language, articles in story["by_language"].items():
        click.echo(f"\n  [{language}]")
        for article in articles:
            click.echo(f"  - {article['title']}")
            origin = article["url"] or article["path"] or article["id"]
            click.echo(
                f"    {article['published'] or 'date unknown'} · {article['source'] or 'unknown outlet'} · {origin}"
            )
            click.echo(f"    why: {_why_text(article['why'])}")


@main.command("storylines")
@db_option
@json_option
def storylines_command(db_path: str | None, as_json: bool) -> None:
    """Stories linked over time into storylines."""
    with _open_store(_settings(db_path)) as store:
        storylines = queries.list_storylines(store)
    if as_json:
        _print_json(storylines)
        return
    if not storylines:
        click.echo("no storylines yet (stories need dates and shared actors to be linked)")
    for storyline in storylines:
        click.echo(f"storyline {storyline['id']}: {storyline['first_seen']} .. {storyline['last_seen']}")
        for story in storyline["stories"]:
            click.echo(
                f"  story {story['id']:>4}  {story['first_seen'] or '?':10}  {story['articles']:>3} art.  {story['title']}"
            )
        for link in storyline["links"]:
            click.echo(
                f"  link {link['earlier']} -> {link['later']}: {link['gap_days']:.0f} days apart, shares {', '.join(link['shared_entities'])}"
            )


@main.command("search")
@click.argument("query")
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1), default=20)
def search_command(query: str, db_path: str | None, as_json: bool, limit: int) -> None:
    """Keyword search over all articles, in any language."""
    with _open_store(_settings(db_path)) as store:
        results = queries.search_articles(store, query, limit)
    if as_json:
        _print_json(results)
        return
    if not results:
        click.echo("no matches")
    for result in results:
        click.echo(f"story {result['story_id']}  [{result['language']}] {result['headline']}")
        click.echo(f"    {result['snippet']}")


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: standard output).",
)
@db_option
def export_command(fmt: str, out: Path | None, db_path: str | None) -> None:
    """Articles with their story ids."""
    if fmt == "parquet" and out is None:
        raise click.UsageError("--format parquet needs --out FILE")
    with _open_store(_settings(db_path)) as store:
        count = export_rows(store.export_rows(), fmt, stream=sys.stdout, path=out)
    if out is not None:
        click.echo(f"exported {count} articles to {out}", err=True)


@main.command("demo")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    default="storyline-demo.db",
    show_default=True,
    help="Fresh store to build (replaced if it exists).",
)
@json_option
def demo_command(db_path: str, as_json: bool) -> None:
    """Ingest the bundled sample corpus into a fresh store and print its stories."""
    for suffix in ("", "-wal", "-shm"):
        Path(db_path + suffix).unlink(missing_ok=True)
    settings = _settings(db_path)
    samples = resources.files("storyline").joinpath("samples")
    with resources.as_file(samples) as folder:
        report = _run_ingest([str(folder)], settings)
    _print_report(report)
    with _open_store(settings) as store:
        stories = queries.list_stories(store)
        storylines = queries.list_storylines(store)
    if as_json:
        _print_json({"stories": stories, "storylines": storylines})
        return
    click.echo("")
    for story in stories:
        _print_story_line(story)
    click.echo(
        f"\n{len(storylines)} storyline(s). Explore: storyline show ID --db {db_path}; storyline storylines --db {db_path}"
    )


@main.group("eval")
def eval_group() -> None:
    """Measure grouping quality on labeled data."""


@eval_group.command("pairs")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@click.option("--baseline", is_flag=True, help="Also report plain embedding cosine (best threshold).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N pairs of the file.")
@click.option("--embedder", default=None, help="Embedding model name (default: e5-small).")
def eval_pairs_command(file: Path, as_json: bool, baseline: bool, limit: int | None, embedder: str | None) -> None:
    """Ingest every article of a pair file into a fresh store and score the stories against the labels."""
    import tempfile

    from tqdm import tqdm

    from storyline.evaluation.pairs import PairFileError, evaluate_pairs, read_pairs

    try:
        pairs = read_pairs(file, limit)
    except PairFileError as error:
        _fail(str(error), code=1)
        return
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as folder:
        settings = _settings(str(Path(folder) / "eval.db"), embedder)
        model = _embedder(settings)
        with (
            _open_store(settings) as store,
            tqdm(unit=" art", desc="eval", disable=not sys.stderr.isatty(), file=sys.stderr) as bar,
        ):
            result = evaluate_pairs(pairs, store, settings, model, baseline=baseline, on_progress=bar.update)
    if as_json:
        _print_json(result)
        return
    _print_eval(result)


# ---- helpers ------------------------------------------------------------------------------


def _settings(db_path: str | None, embedder: str | None = None) -> Settings:
    settings = load_settings(db_path)
    return settings.with_changes(embedder=embedder) if embedder else settings


def _open_store(settings: Settings) -> Store:
    try:
        return Store(settings.db_path)
    except StoreError as error:
        _fail(str(error), code=1)
        raise


def _run_ingest(paths: list[str], settings: Settings) -> IngestReport:
    from tqdm import tqdm

    try:
        embedder = make_embedder(settings.embedder)
    except ValueError as error:
        raise click.UsageError(str(error)) from error
    with (
        _open_store(settings) as store,
        tqdm(unit=" docs", desc="ingest", disable=not sys.stderr.isatty(), file=sys.stderr) as bar,
    ):

        def reject(rejection: Rejection) -> None:
            bar.write(f"rejected: {rejection.where}: {rejection.reason}", file=sys.stderr)

        return ingest(read_sources(paths), store, settings, embedder, on_rejection=reject, on_progress=bar.update)


def _embedder(settings: Settings) -> Embedder:
    try:
        return make_embedder(settings.embedder)
    except ValueError as error:
        raise click.UsageError(str(error)) from error


def _print_eval(result: dict[str, Any]) -> None:
    def line(name: str, figures: dict[str, Any]) -> str:
        pearson = "n/a" if figures.get("pearson") is None else f"{figures['pearson']:.3f}"
        return (
            f"{name:10} pairs {figures['pairs']:>4}  labeled {figures['labeled']:>4}  P {figures['precision']:.3f}"
            f"  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}  acc {figures['accuracy']:.3f}  pearson {pearson}"
        )

    click.echo(line("all", result))
    intervals = result.get("intervals", {})
    click.echo(f"{'':10} 95% intervals: F1 {intervals.get('f1')}  pearson {intervals.get('pearson')}")
    for name, figures in result["by_language"].items():
        click.echo(line(name, figures))
    if "baseline" in result:
        base = result["baseline"]
        click.echo(
            f"baseline   plain cosine: best-threshold F1 {base['f1']:.3f} (at {base['threshold']}),"
            f" pearson {base['pearson']}, spearman {base['spearman']}"
        )
    click.echo(
        f"{result['articles']} articles into {result['stories']} stories in {result['seconds']} s"
        f" ({result['articles_per_second']} articles/s, embedder {result['embedder']})"
    )


def _print_report(report: IngestReport) -> None:
    summary = report.as_dict()
    click.echo(
        f"read {summary['read']}, stored {summary['stored']}, duplicates {summary['duplicates']},"
        f" already stored {summary['already_stored']}, rejected {summary['rejected']} ({summary['seconds']} s)",
        err=True,
    )


def _print_story_line(story: dict[str, Any]) -> None:
    dates = f"{story['first_seen'] or '?'} .. {story['last_seen'] or '?'}"
    entities = ", ".join(entity["name"] for entity in story["entities"][:5])
    click.echo(
        f"story {story['id']:>4}  {dates:24}  {','.join(story['languages']) or '-':12}  "
        f"{story['article_count']} article(s), {len(story['sources'])} outlet(s)  {story['title']}"
    )
    if entities:
        click.echo(f"{'':11}entities: {entities}")


def _why_text(why: dict[str, Any] | None) -> str:
    if why is None:
        return "only article in this story"
    gap = "date unknown" if why["gap_days"] is None else f"{why['gap_days']:.0f} days from the others"
    shared = ", ".join(why["shared_entities"]) or "no shared entities"
    return f"similarity {why['similarity']:.3f}, entity overlap {why['entity_overlap']:.2f} ({shared}), {gap}; score {why['score']:.2f}"


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _fail(message: str, code: int) -> None:
    click.echo(f"storyline: {message}", err=True)
    sys.exit(code)
