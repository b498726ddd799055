"""The ``storyline`` command. Presentation only: the work happens in the core modules."""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from storyline import entity_views, queries
from storyline.export import FORMATS, export_rows
from storyline.models import Article, Rejection
from storyline.settings import EMBEDDER_NAMES, Settings, load_settings
from storyline.store import (
    Store,
    StoreBusy,
    StoreError,
    display_location,
    open_existing_store,
    open_store,
    remove_store,
)
from storyline.wording import date_label, plural

# Imported where they are used: the evaluation modules load scipy, and the ingest path loads
# trafilatura, feedparser, dateparser and simplemma (half a second), which reading commands never need.
if TYPE_CHECKING:
    from storyline.evaluation.pairs import LabeledPair
    from storyline.pipeline import IngestReport
    from storyline.stages.embed import Embedder

DB_HELP = "Store: a SQLite file or a postgresql://USER@HOST:PORT/DBNAME URL (default: $STORYLINE_DB or ./storyline.db)."
db_option = click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)


class StoreId(click.ParamType):
    """A story, storyline or entity number as the listings show it (1 to the databases' largest integer)."""

    name = "ID"

    def __init__(self, what: str, listing: str) -> None:
        self.what, self.listing = what, listing

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 2**63 - 1:
            self.fail(
                f"{value!r} is not a {self.what} id: {self.what} ids are whole numbers from 1, as `{self.listing}` shows them"
            )
        return number


STORY_ID = StoreId("story", "storyline stories")
STORYLINE_ID = StoreId("storyline", "storyline storylines")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def wait_option(busy: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--wait SECONDS``: how long to wait where ``busy`` (a lock another process holds)."""
    return click.option(
        "--wait",
        "wait_seconds",
        type=click.FloatRange(min=0),
        default=0.0,
        help=f"If {busy}, wait this many seconds for it (default: fail at once).",
    )


embedder_option = click.option(
    "--embedder",
    type=click.Choice(EMBEDDER_NAMES),
    default=None,
    help="Embedding model (default: $STORYLINE_EMBEDDER or e5-small; hashing: no model, for tests).",
)

model_option = click.option(
    "--model",
    "model",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="A tuned e5-small model folder from `storyline train pairs` (default: $STORYLINE_MODEL or the bundled model).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """storyline: multilingual news articles into stories, storylines and entities."""


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@embedder_option
@model_option
@wait_option("another ingest is writing to the store")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where the per-article work runs: this process, or a Ray cluster (docs/deploy.md).",
)
@click.option("--ray-address", default=None, help="Ray cluster to join (default: start Ray on this machine).")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Ray enrichment workers (default: one per CPU)."
)
@click.option(
    "--link-apart",
    is_flag=True,
    help="Link entities in a process of its own beside the writer (faster on PostgreSQL; docs/deploy.md).",
)
def ingest_command(
    paths: tuple[str, ...],
    db_path: str | None,
    embedder: str | None,
    model: Path | None,
    wait_seconds: float,
    engine: str,
    ray_address: str | None,
    workers: int | None,
    link_apart: bool,
) -> None:
    """Read files, folders (recursively) or - (JSONL on stdin) into the store.

    \b
    The summary at the end counts documents: read = stored + already stored + rejected.
      stored          new articles grouped into stories (duplicates: how many of them are
                      near-copies of an earlier article, kept and marked as copies)
      already stored  the same id, URL or text as a stored article: nothing changed
      rejected        not readable as an article; each gets one line naming the file and why
      cut             stored, but shortened to the size limit
    Exit status 1 when anything was rejected (the good input is stored all the same).
    """
    settings = _settings(db_path, embedder, model)
    if link_apart:
        settings = settings.with_changes(link_apart=True)
    if engine == "local" and (ray_address or workers):
        raise click.UsageError("--ray-address and --workers go with --engine ray")
    ray_options = _ray_options(ray_address, workers) if engine == "ray" else None
    report = _run_ingest(list(paths), settings, wait_seconds, ray_options)
    _print_report(report)
    sys.exit(1 if report.rejected else 0)


@main.command("link")
@db_option
@click.option(
    "--follow", is_flag=True, help="Keep linking what writers store, until Ctrl-C (they leave their linking to it)."
)
@wait_option("another process is linking the store")
@json_option
def link_command(db_path: str | None, follow: bool, wait_seconds: float, as_json: bool) -> None:
    """Link the entities of the articles stored without (`ingest --link-apart`), in the order stored.

    \b
    Without --follow: everything waiting, then exit. With --follow: as writers commit, until Ctrl-C
    (which rolls back only the chunk being linked: the next linker starts there).
    """
    from storyline.grouping.linking import LinkReport, follow_links

    settings = _settings(db_path)
    report = LinkReport()
    with _existing_store(settings, writable=True) as store, _progress("link") as bar:
        try:
            with store.linking(wait_seconds):
                bar.total = None if follow else store.unlinked_count()
                # Ctrl-C: the chunk being linked is rolled back whole, and the next linker starts there
                with contextlib.suppress(KeyboardInterrupt):
                    follow_links(store, lambda: not follow, on_chunk=bar.update, report=report)
        except StoreBusy as error:
            _fail(f"{error} (try again later, or pass --wait SECONDS)", code=1)
            raise
    if as_json:
        _print_json(report.as_dict())
    else:
        click.echo(
            f"linked the entities of {plural(report.articles, 'article')} in {report.seconds:.1f} s",
            err=True,
        )


@main.command("follow")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--every",
    default="10m",
    show_default=True,
    metavar="DURATION",
    help="Time between rounds: seconds, or with s, m or h (90s, 10m, 1h).",
)
@click.option("--once", is_flag=True, help="One round, then exit (for cron).")
@embedder_option
@model_option
@click.option(
    "--host-delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host.",
)
def follow_command(
    sources: tuple[str, ...],
    db_path: str | None,
    every: str,
    once: bool,
    embedder: str | None,
    model: Path | None,
    host_delay: float,
) -> None:
    """Follow feeds: poll them, fetch each new item's page, and ingest it, round after round.

    \b
    A SOURCE is an RSS or Atom feed URL, an OPML file of feeds, or a file listing feed URLs
    (one a line). Each round prints one line; each feed or page that fails prints one line
    and the others go on. Ctrl-C stops between two steps; what was stored stays, and the
    next run takes up what was not. Every feed's state (validators, last success, last
    error, items taken) is kept in the store: `storyline feeds` lists it.
    """
    from storyline.follow import follow
    from storyline.ingest.feed_list import feed_urls
    from storyline.ingest.fetch import FetchSettings, PoliteFetcher
    from storyline.pipeline import Ingestor

    seconds = _duration(every)
    urls, rejected = feed_urls(sources)
    for rejection in rejected:
        click.echo(f"rejected: {rejection.where}: {rejection.reason}", err=True)
    if not urls:
        _fail("no feed to follow", code=1)
    settings = _settings(db_path, embedder, model)
    fetcher = PoliteFetcher(FetchSettings(host_delay_seconds=host_delay))
    with _open_store(settings) as store, Ingestor(store, settings, _embedder(settings), keep_open=True) as ingestor:
        try:
            follow(urls, store, ingestor, fetcher, seconds, once=once, on_round=_print_round)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
        except StoreBusy as error:
            _fail(f"{error} (another writer holds the store)", code=1)
        finally:
            fetcher.close()


@main.command("feeds")
@db_option
@json_option
def feeds_command(db_path: str | None, as_json: bool) -> None:
    """The feeds followed, with their state: last success, last error, items taken."""
    with _reading(_settings(db_path)) as store:
        rows = store.feed_rows()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no feeds followed yet (storyline follow SOURCE...)")
    for row in rows:
        state = f"ok {row['last_success']}" if row["last_success"] else "never read"
        if row["failures"]:
            state += f"; failing x{row['failures']} since {row['last_error_at']}: {row['last_error']}"
        if row["wait_until"]:
            state += f"; asked to wait until {row['wait_until']}"
        if row["next_poll"]:
            state += f"; next read {row['next_poll']}"
        click.echo(f"{row['url']}  {plural(row['items_seen'], 'item')}  {state}")


@main.group("watch")
def watch_group() -> None:
    """Alerts: watch an entity or a query; hear when a new story matches, or a watched one grows."""


@watch_group.command("add")
@click.argument("name")
@click.option("--entity", default=None, help="An entity by name (any spelling, any script) or id.")
@click.option("--query", default=None, help="Keywords, matched as `storyline search` matches them.")
@click.option("--webhook", default=None, metavar="URL", help="POST each alert there as JSON (with retries).")
@click.option("--to", "to_file", default=None, metavar="FILE", help="Append each alert to FILE as a JSON line.")
@click.option(
    "--grow",
    "grow_by",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Alert again when a story gains this many outlets.",
)
@db_option
def watch_add_command(
    name: str,
    entity: str | None,
    query: str | None,
    webhook: str | None,
    to_file: str | None,
    grow_by: int,
    db_path: str | None,
) -> None:
    """Watch an entity or a query; alerts go to a webhook or a file. Only articles stored from now on count."""
    import datetime as dt

    if (entity is None) == (query is None):
        raise click.UsageError("give one of --entity or --query")
    if (webhook is None) == (to_file is None):
        raise click.UsageError("give one of --webhook or --to")
    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise click.UsageError("--webhook must be an http(s) URL")
    settings = _settings(db_path)
    with _open_store(settings) as store:
        entity_id = None
        watched = f"query {query!r}"
        if entity is not None:
            found = entity_views.find_entity(store, entity)
            if found is None:
                _fail(
                    f"no entity named {entity!r} in {display_location(settings.db)} (storyline entities lists them)",
                    code=1,
                )
                return
            entity_id = int(found["id"])
            watched = f"entity {found['name']} ({entity_id})"
        watch = {
            "name": name,
            "entity_id": entity_id,
            "query": query,
            "webhook": webhook,
            "to_file": str(Path(to_file).resolve()) if to_file else None,
            "grow_by": grow_by,
            "after_seq": store.last_seq(),
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        with store.writing(60.0), store.transaction():
            added = store.add_watch(watch)
    if not added:
        _fail(f"a watch named {name!r} exists (storyline watch remove {name})", code=1)
    click.echo(f"watching {name}: {watched}")


@watch_group.command("list")
@db_option
@json_option
def watch_list_command(db_path: str | None, as_json: bool) -> None:
    """The watches, with their alerts raised, sent and pending."""
    with _reading(_settings(db_path)) as store:
        watches = store.watch_rows()
        for watch in watches:
            alerts = store.alert_rows(watch["name"])
            watch["alerts"] = len(alerts)
            watch["pending"] = sum(1 for alert in alerts if not alert["sent_at"])
    if as_json:
        click.echo(json.dumps(watches, ensure_ascii=False, indent=2))
        return
    if not watches:
        click.echo("no watches (storyline watch add NAME --entity E --to FILE)")
    for watch in watches:
        what = f"entity {watch['entity_id']}" if watch["entity_id"] is not None else f"query {watch['query']!r}"
        where = watch["webhook"] or watch["to_file"]
        click.echo(
            f"{watch['name']}: {what} -> {where}; {plural(watch['alerts'], 'alert')}, {watch['pending']} pending"
        )


@watch_group.command("remove")
@click.argument("name")
@db_option
def watch_remove_command(name: str, db_path: str | None) -> None:
    """Stop a watch (its alerts stay in the store)."""
    with _open_store(_settings(db_path)) as store, store.writing(60.0), store.transaction():
        removed = store.remove_watch(name)
    if not removed:
        _fail(f"no watch named {name!r}", code=1)
    click.echo(f"removed {name}")


@watch_group.command("check")
@db_option
def watch_check_command(db_path: str | None) -> None:
    """Raise and deliver the alerts due now (`follow` does this after every round; this is for
    stores fed by `ingest`)."""
    from storyline.alerts import check_watches

    with _open_store(_settings(db_path)) as store:
        report = check_watches(store)
    click.echo(f"alerts: {report.raised} raised, {report.sent} sent, {report.failed} not delivered (kept for later)")
    sys.exit(1 if report.failed else 0)


@main.command("top")
@db_option
@click.option(
    "--since", "since", default="24h", show_default=True, metavar="DURATION", help="The window: 90m, 24h, 3d."
)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@json_option
def top_command(db_path: str | None, since: str, limit: int, as_json: bool) -> None:
    """What matters now: the stories of the articles stored lately, ranked by how many outlets report
    them, in how many languages, and how fast they grow; each says why."""
    import datetime as dt

    hours = _duration(since, "--since", days=True) / 3600
    with _reading(_settings(db_path)) as store:
        ranked = queries.top_stories(store, hours, dt.datetime.now(dt.UTC), limit)
    if as_json:
        click.echo(json.dumps(ranked, ensure_ascii=False, indent=2))
        return
    if not ranked:
        click.echo(f"no articles stored in the last {since}")
    for story in ranked:
        click.echo(f"{story['rank']:>3}. story {story['story_id']:>4}  {story['why']}  {story['title']}")


@main.command("stories")
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many stories.")
def stories_command(db_path: str | None, as_json: bool, limit: int | None) -> None:
    """Stories, newest first."""
    with _reading(_settings(db_path)) as store:
        stories = queries.list_stories(store, limit)
    if as_json:
        _print_json(stories)
        return
    if not stories:
        click.echo("no stories yet (ingest articles first, e.g. storyline demo)")
    for story in stories:
        _print_story_line(story)


@main.command("show")
@click.argument("story_id", type=STORY_ID)
@db_option
@json_option
def show_command(story_id: int, db_path: str | None, as_json: bool) -> None:
    """One story's articles by language, and why each is in the story."""
    settings = _settings(db_path)
    with _reading(settings) as store:
        story = queries.story_detail(store, story_id, settings)
    if story is None:
        _fail(f"no story {story_id} in {display_location(settings.db)}", code=1)
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
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many (latest first).")
def storylines_command(db_path: str | None, as_json: bool, limit: int | None) -> None:
    """Stories linked over time into storylines, latest first."""
    with _reading(_settings(db_path)) as store:
        storylines = queries.list_storylines(store, limit=limit)
    if as_json:
        _print_json(storylines)
        return
    if not storylines:
        click.echo("no storylines yet (stories need dates and shared actors to be linked)")
    for storyline in storylines:
        click.echo(f"storyline {storyline['id']}: {storyline['first_seen']} .. {storyline['last_seen']}")
        for story in storyline["stories"]:
            click.echo(
                f"  story {story['id']:>4}  {story['first_seen'] or '?':10}  {plural(story['articles'], 'article'):>12}"
                f"  {story['title']}"
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
    with _reading(_settings(db_path)) as store:
        results = queries.search_articles(store, query, limit)
    if as_json:
        _print_json(results)
        return
    if not results:
        click.echo("no matches")
    for result in results:
        click.echo(f"story {result['story_id']}  [{result['language']}] {result['headline']}")
        click.echo(f"    {result['snippet']}")


@main.command("entities")
@db_option
@json_option
@click.option("--type", "kind", type=click.Choice(["person", "org", "place", "misc"]), default=None)
@click.option("--story", "story_id", type=STORY_ID, default=None, help="Only entities of this story.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
def entities_command(db_path: str | None, as_json: bool, kind: str | None, story_id: int | None, limit: int) -> None:
    """People, organisations and places, by number of stories."""
    with _reading(_settings(db_path)) as store:
        entities = entity_views.list_entities(store, kind=kind, story_id=story_id, limit=limit)
    if as_json:
        _print_json(entities)
        return
    if not entities:
        scope = (f" of type {kind}" if kind else "") + (f" in story {story_id}" if story_id else "")
        click.echo(f"no entities{scope}" + ("" if story_id else " yet"))
    for entity in entities:
        variants = ", ".join(list(dict.fromkeys(v["surface"] for v in entity["variants"]))[:4])  # a spelling once
        click.echo(
            f"{entity['id']:>5}  {entity['type']:6}  {entity['name']:28}  {plural(entity['stories'], 'story'):>11}"
            f"  {plural(entity['articles'], 'article'):>13}  ({variants})"
        )


@main.command("entity")
@click.argument("name_or_id")
@db_option
@json_option
def entity_command(name_or_id: str, db_path: str | None, as_json: bool) -> None:
    """One entity: its names in every language, its stories and its timeline."""
    settings = _settings(db_path)
    with _reading(settings) as store:
        entity = entity_views.entity_detail(store, name_or_id)
    if entity is None:
        _fail(f"no entity {name_or_id!r} in {display_location(settings.db)}", code=1)
    assert entity is not None
    if as_json:
        _print_json(entity)
        return
    click.echo(
        f"{entity['name']} ({entity['type']}), {plural(entity['articles'], 'article')}"
        f" in {plural(entity['story_count'], 'story')}"
    )
    by_language: dict[str, list[str]] = {}
    for variant in entity["variants"]:
        by_language.setdefault(variant["language"] or "?", []).append(f"{variant['surface']} ×{variant['count']}")
    for language, forms in sorted(by_language.items()):
        click.echo(f"  [{language}] {', '.join(forms)}")
    shown = len(entity["stories"])
    click.echo("stories:" if shown == entity["story_count"] else f"the latest {shown} stories:")
    for story in entity["stories"]:
        click.echo(f"  story {story['id']:>4}  {story['first_seen'] or '?':10}  {story['title']}")
    _print_timeline(entity["timeline"])


@main.command("timeline")
@click.option("--story", "story_id", type=STORY_ID, default=None)
@click.option("--storyline", "storyline_id", type=STORYLINE_ID, default=None)
@click.option("--entity", "entity_name", default=None, help="Entity name (any spelling) or id.")
@db_option
@json_option
def timeline_command(
    story_id: int | None, storyline_id: int | None, entity_name: str | None, db_path: str | None, as_json: bool
) -> None:
    """Dated events of a story, a storyline or an entity, with who reported them."""
    chosen = [
        name
        for name, value in (("--story", story_id), ("--storyline", storyline_id), ("--entity", entity_name))
        if value is not None
    ]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one of --story, --storyline, --entity")
    settings = _settings(db_path)
    with _reading(settings) as store:
        if story_id is not None:
            entries = entity_views.story_timeline(store, story_id)
        elif storyline_id is not None:
            current = store.resolve_storyline(storyline_id)
            if current is not None and current != storyline_id:
                click.echo(f"storyline {storyline_id} was merged into storyline {current}", err=True)
            entries = entity_views.storyline_timeline(store, current) if current is not None else None
        else:
            entity = entity_views.find_entity(store, entity_name or "")
            entries = entity_views.entity_timeline(store, entity["id"]) if entity else None
    if entries is None:
        _fail(f"nothing found for {chosen[0]} in {display_location(settings.db)}", code=1)
    assert entries is not None
    if as_json:
        _print_json(entries)
        return
    _print_timeline(entries)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: standard output; parquet, being binary, only when it is redirected).",
)
@db_option
def export_command(fmt: str, out: Path | None, db_path: str | None) -> None:
    """Articles with their story ids."""
    if fmt == "parquet" and out is None and sys.stdout.isatty():
        raise click.UsageError("parquet is binary: give --out FILE, or redirect the output to a file")
    with _reading(_settings(db_path)) as store:
        binary = sys.stdout.buffer if fmt == "parquet" and out is None else None
        count = export_rows(store.export_rows(), fmt, stream=sys.stdout, path=out, binary=binary)
    if out is not None:
        click.echo(f"exported {count} articles to {out}", err=True)


@main.command("check")
@db_option
@json_option
def check_command(db_path: str | None, as_json: bool) -> None:
    """Check the store: the database's integrity check and storyline's own rules (exit 1 on a problem).
    An older store is upgraded first; what the upgrade leaves to do is printed as a note."""
    settings = _settings(db_path)
    with _existing_store(settings) as store:
        problems = store.check()
        counts = store.counts()
        notices = list(store.upgrade_notices)
    if as_json:
        _print_json({"ok": not problems, "problems": problems, "notices": notices, **counts})
    else:
        for notice in notices:
            click.echo(f"note: {notice}", err=True)
        if counts["unlinked"]:
            click.echo(
                f"note: {plural(counts['unlinked'], 'article')} stored with entities not linked yet"
                " (`storyline link` links them)",
                err=True,
            )
        for problem in problems:
            click.echo(f"problem: {problem}")
        if not problems:
            click.echo(
                f"ok: {plural(counts['articles'], 'article')}, {plural(counts['stories'], 'story')},"
                f" {plural(counts['storylines'], 'storyline')}"
            )
    sys.exit(1 if problems else 0)


@main.command("copy")
@click.argument("source", metavar="SOURCE")
@click.argument("target", metavar="TARGET")
@json_option
def copy_command(source: str, target: str, as_json: bool) -> None:
    """Copy a whole store (a SQLite file or a postgresql:// URL) into a new, empty one: every row and id."""
    from storyline.store.copy import CopyError, copy_store

    with (
        _open_store(_settings(source)) as origin,
        _open_store(_settings(target)) as destination,
        _progress("copy") as bar,
    ):
        try:
            copied = copy_store(origin, destination, on_rows=bar.update)
        except CopyError as error:
            _fail(str(error), code=1)
            raise
        problems = destination.check(integrity=False)
    summary = {"source": display_location(source), "target": display_location(target), "rows": copied}
    if as_json:
        _print_json({**summary, "problems": problems})
    else:
        click.echo(
            f"copied {plural(copied.get('articles', 0), 'article')}, {plural(copied.get('stories', 0), 'story')},"
            f" {plural(copied.get('entities', 0), 'entity')} ({plural(sum(copied.values()), 'row')})"
            f" into {summary['target']}"
        )
        for problem in problems:
            click.echo(f"problem: {problem}", err=True)
    sys.exit(1 if problems else 0)


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="STORYLINE_TOKEN",
    default=None,
    help="Allow POST /api/articles with 'Authorization: Bearer TOKEN' (default: $STORYLINE_TOKEN; unset: read-only).",
)
@click.option("--max-body-mb", type=click.FloatRange(min=0.001), default=10.0, show_default=True)
def serve_command(db_path: str | None, host: str, port: int, token: str | None, max_body_mb: float) -> None:
    """Browse the store in a web browser, and serve the JSON API (docs at /docs)."""
    import uvicorn

    from storyline.web import ServerOptions, create_app

    settings = _settings(db_path)
    if token is not None and len(token) < 16:
        raise click.UsageError("--token must be at least 16 characters")
    try:
        app = create_app(settings, ServerOptions(ingest_token=token, max_body_bytes=int(max_body_mb * 1024 * 1024)))
    except StoreError as error:
        _fail(str(error), code=1)
        raise
    mode = "ingest over HTTP on (token required)" if token else "read-only"
    click.echo(
        f"storyline: {display_location(settings.db)} at http://{host}:{port}/ ({mode}); API docs at /docs", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
    settings = _settings(db_path)
    remove_store(db_path, settings.index)
    samples = resources.files("storyline").joinpath("samples")
    with resources.as_file(samples) as folder:
        report = _run_ingest([str(folder)], settings)
    _print_report(report)
    with _reading(settings) as store:
        stories = queries.list_stories(store)
        storylines = queries.list_storylines(store)
        largest = max(stories, key=lambda story: story["article_count"], default=None)
        timeline = entity_views.story_timeline(store, largest["id"]) if largest else None
    if as_json:
        _print_json({"stories": stories, "storylines": storylines, "timeline": timeline})
        return
    click.echo("")
    for story in stories:
        _print_story_line(story)
    if largest and timeline:
        click.echo(f"\ntimeline of story {largest['id']}:")
        _print_timeline(timeline)
    click.echo(
        f"\n{plural(len(storylines), 'storyline')}. Explore: storyline show ID, storyline timeline --story ID,"
        f" storyline entities, storyline entity NAME (each with --db {db_path})"
    )


@main.group("eval")
def eval_group() -> None:
    """Measure grouping quality on labeled data."""


_eval_options = [
    click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
    json_option,
    click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N pairs of the file."),
    click.option(
        "--embedder",
        type=click.Choice(EMBEDDER_NAMES),
        default=None,
        help="Embedding model (default: $STORYLINE_EMBEDDER or e5-small).",
    ),
    model_option,
    click.option("--keep-db", type=click.Path(dir_okay=False), default=None, help="Build the store here and keep it."),
]


def eval_options(command: Any) -> Any:
    for option in reversed(_eval_options):
        command = option(command)
    return command


@eval_group.command("pairs")
@eval_options
@click.option("--baseline", is_flag=True, help="Also report plain embedding cosine (best threshold).")
def eval_pairs_command(
    file: Path,
    as_json: bool,
    limit: int | None,
    embedder: str | None,
    model: Path | None,
    keep_db: str | None,
    baseline: bool,
) -> None:
    """Ingest every article of a pair file into a fresh store and score the stories against the labels."""
    from storyline.evaluation.pairs import evaluate_pairs

    pairs = _read_pair_file(file, limit)
    with _eval_store(keep_db, embedder, model) as (store, settings), _progress("eval") as bar:
        result = evaluate_pairs(pairs, store, settings, _embedder(settings), baseline=baseline, on_progress=bar.update)
    if as_json:
        _print_json(result)
        return
    _print_eval(result)


@eval_group.command("fit")
@eval_options
def eval_fit_command(
    file: Path, as_json: bool, limit: int | None, embedder: str | None, model: Path | None, keep_db: str | None
) -> None:
    """Fit the grouping coefficients on a pair file, with cross-validated F1 and Pearson."""
    from storyline.evaluation.fit import fit_grouping
    from storyline.evaluation.pairs import articles_in_order, pair_rows
    from storyline.pipeline import ingest

    pairs = _read_pair_file(file, limit)
    with _eval_store(keep_db, embedder, model) as (store, settings):
        with _progress("fit") as bar:
            ingest(articles_in_order(pairs), store, settings, _embedder(settings), on_progress=bar.update)
        rows = pair_rows(pairs, store, settings)
    try:
        _fitted, report = fit_grouping(rows, settings.grouping)
    except ValueError as error:
        _fail(f"{file}: {error}", code=1)
        return
    if as_json:
        _print_json(report)
        return
    click.echo(
        f"{report['labeled']} labeled pairs, {report['folds']}-fold cross-validation repeated {report['repeats']} times:"
    )
    click.echo(
        f"  F1 {report['cv_f1_mean']:.3f} ± {report['cv_f1_std']:.3f}"
        f"   Pearson {report['cv_pearson_mean']:.3f} ± {report['cv_pearson_std']:.3f}"
    )
    click.echo("coefficients fitted on all labeled pairs (GroupingSettings):")
    for name, value in report["coefficients"].items():
        click.echo(f"  {name} = {value}")


@main.group("train")
def train_group() -> None:
    """Fine-tune the encoder on labeled pairs (needs PyTorch: pip install 'storyline[train]')."""


@train_group.command("pairs")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("storyline-model"),
    show_default=True,
    help="Model folder to write (use it with --model or $STORYLINE_MODEL).",
)
@click.option("--epochs", type=click.IntRange(min=1), default=None, help="Passes over the pairs (default 2).")
@click.option(
    "--objective",
    type=click.Choice(["cosent", "contrastive"]),
    default=None,
    help="cosent: order the cosines as the scores (default); contrastive: InfoNCE on same-story pairs.",
)
@click.option(
    "--layers",
    type=click.IntRange(min=1, max=12),
    default=None,
    help="Top transformer layers to train (default 6 of 12).",
)
@click.option("--learning-rate", type=click.FloatRange(min=0, min_open=True), default=None)
@click.option("--seed", type=int, default=None)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Use only the first N pairs of the file.")
@click.option(
    "--fit/--no-fit",
    default=True,
    show_default=True,
    help="Fit the grouping coefficients for the trained model (one ingest of the file's articles).",
)
@json_option
def train_pairs_command(
    file: Path,
    out: Path,
    epochs: int | None,
    objective: str | None,
    layers: int | None,
    learning_rate: float | None,
    seed: int | None,
    limit: int | None,
    fit: bool,
    as_json: bool,
) -> None:
    """Fine-tune e5-small on a labeled pair file (as `storyline eval pairs` reads) and write a model folder.

    \b
    The word-embedding table stays as bundled; the top transformer layers learn which articles
    report the same story. Runs on the CPU (796 pairs: about 12 minutes on 2 cores, 3 GB).
    """
    try:
        from storyline.training.recipe import default_options, fit_for_model, train_and_save
    except ImportError as error:
        raise click.UsageError(f"training needs PyTorch: pip install 'storyline[train]' ({error})") from error

    pairs = _read_pair_file(file, limit)
    settings = _settings(None)
    options = default_options(
        epochs=epochs, objective=objective, trained_layers=layers, learning_rate=learning_rate, seed=seed
    )
    with _progress_steps("train") as bar:

        def on_step(step: int, total: int, loss: float) -> None:
            bar.total = total
            bar.set_postfix(loss=f"{loss:.3f}", refresh=False)
            bar.update(1)

        try:
            report: dict[str, Any] = {"training": train_and_save(pairs, file, out, settings, options, on_step)}
        except ValueError as error:
            _fail(f"{file}: {error}", code=1)
            return
    if fit:
        with _progress("fit") as bar:
            try:
                report["grouping"] = fit_for_model(pairs, out, settings, on_progress=bar.update)
            except ValueError as error:
                _fail(f"{file}: cannot fit the grouping coefficients: {error}", code=1)
                return
    report["model"] = str(out)
    if as_json:
        _print_json(report)
        return
    training = report["training"]
    losses = ", ".join(f"{loss:.3f}" for loss in training["epoch_losses"])
    click.echo(f"trained {training['steps']} steps in {training['seconds']} s; loss per epoch: {losses}")
    if "grouping" in report:
        fitted = report["grouping"]
        click.echo(
            f"grouping fitted: cross-validated F1 {fitted['cv_f1_mean']:.3f}, Pearson {fitted['cv_pearson_mean']:.3f}"
            " (on the pairs it was trained on: optimistic; benchmarks/train_cv.py measures held-out folds)"
        )
    click.echo(f"model written to {out}; use it with --model {out} or STORYLINE_MODEL={out}")


# ---- helpers ------------------------------------------------------------------------------


def _settings(db_path: str | None, embedder: str | None = None, model: Path | None = None) -> Settings:
    try:
        settings = load_settings(db_path)
        if embedder:
            settings = settings.with_embedder(embedder)
        if model and embedder and embedder != "e5-small":
            raise click.UsageError(f"--model is a tuned e5-small: it cannot run as --embedder {embedder}")
        return settings.with_model(model) if model else settings
    except ValueError as error:  # a model folder that cannot be used
        raise click.UsageError(str(error)) from error


@contextlib.contextmanager
def _reading(settings: Settings) -> Iterator[Store]:
    """The store, read in one snapshot (a concurrent ingest's commits do not show halfway), opened
    without writing: a command that only reads never creates or changes a store."""
    with _open_store(settings, read_only=True) as store, store.snapshot():
        yield store


def _existing_store(settings: Settings, writable: bool = False) -> Store:
    """The store, which must exist; upgraded if it is of an older schema (the one thing `check` writes)."""
    try:
        return open_existing_store(settings.db, writable)
    except StoreError as error:
        _fail(str(error), code=1)
        raise


def _open_store(settings: Settings, read_only: bool = False) -> Store:
    try:
        return open_store(settings.db, read_only=read_only)
    except StoreError as error:
        _fail(str(error), code=1)
        raise


def _ray_options(address: str | None, workers: int | None) -> Any:
    try:
        from storyline.engines.ray_engine import RayOptions
    except ImportError as error:
        raise click.UsageError(f"--engine ray needs Ray: pip install 'storyline[cluster]' ({error})") from error
    return RayOptions(address=address, workers=workers)


def _run_ingest(
    paths: list[str], settings: Settings, wait_seconds: float = 0.0, ray_options: Any = None
) -> IngestReport:
    from storyline.ingest.sources import read_sources
    from storyline.pipeline import IngestReport, ingest

    items = read_sources(paths) if ray_options is None else iter(())
    leading = _until_first_article(items)
    if ray_options is None and not any(isinstance(item, Article) for item in leading):
        # Nothing can be stored: say why, and create no store (nor its lock) for nothing.
        for rejection in leading:
            click.echo(f"rejected: {rejection.where}: {rejection.reason}", err=True)
        return IngestReport(read=len(leading), rejected=list(leading))
    embedder = _embedder(settings)
    with _open_store(settings) as store, _progress("ingest") as bar, _linker_apart(settings):

        def reject(rejection: Rejection) -> None:
            bar.write(f"rejected: {rejection.where}: {rejection.reason}", file=sys.stderr)

        try:
            if ray_options is not None:
                from storyline.engines.ray_engine import ingest_with_ray

                return ingest_with_ray(
                    paths,
                    store,
                    settings.db,
                    settings,
                    ray_options,
                    on_rejection=reject,
                    on_progress=bar.update,
                    wait_seconds=wait_seconds,
                )
            return ingest(
                itertools.chain(leading, items),
                store,
                settings,
                embedder,
                on_rejection=reject,
                on_progress=bar.update,
                wait_seconds=wait_seconds,
            )
        except StoreBusy as error:
            _fail(f"{error} (try again later, or pass --wait SECONDS)", code=1)
            raise
        except StoreError as error:
            _fail(str(error), code=1)
            raise


@contextlib.contextmanager
def _linker_apart(settings: Settings) -> Iterator[None]:
    """With ``link_apart``: a linker process beside the writer while the ingest runs; one line on
    what it linked, or why it did not (what it left is linked by `storyline link` or the next ingest)."""
    if not settings.link_apart:
        yield
        return
    from storyline.engines.linker import LinkerProcess

    linker = LinkerProcess(settings.db)
    with linker:
        yield
    report = linker.report
    if report is not None:
        click.echo(f"entities linked apart: {plural(report.articles, 'article')} ({report.seconds:.1f} s)", err=True)
    elif linker.problem:
        click.echo(f"note: {linker.problem}", err=True)


def _duration(text: str, option: str = "--every", days: bool = False) -> float:
    """Seconds in "90", "90s", "10m", "1h" (and "3d" where ``days``)."""
    units = {"s": 1, "m": 60, "h": 3600, **({"d": 86400} if days else {})}
    number, unit = (text[:-1], text[-1]) if text[-1:] in units else (text, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a duration (90s, 10m, 1h)", param_hint=option) from None
    if seconds <= 0:
        raise click.BadParameter("must be more than 0", param_hint=option)
    return seconds


def _print_round(report: Any) -> None:
    for problem in report.problems:
        click.echo(f"failed: {problem}", err=True)
    click.echo(
        f"round {report.number}: {plural(report.feeds, 'feed')} ({report.not_modified} not modified,"
        f" {report.not_due} not due, {report.waiting} waiting, {report.failed} failed), {report.new_items} new items"
        f" ({report.pages} from their page), stored {report.stored}, already stored {report.already_stored},"
        f" rejected {report.rejected}"
        + (
            f", alerts sent {report.alerts_sent}, pending {report.alerts_pending}"
            if report.alerts_sent or report.alerts_pending
            else ""
        )
        + f" ({report.seconds} s)",
        err=True,
    )


def _until_first_article(items: Iterator[Any]) -> list[Any]:
    """The items read up to and including the first article (all of them when there is none)."""
    leading = []
    for item in items:
        leading.append(item)
        if isinstance(item, Article):
            break
    return leading


def _read_pair_file(file: Path, limit: int | None) -> list[LabeledPair]:
    from storyline.evaluation.pairs import PairFileError, read_pairs

    try:
        return read_pairs(file, limit)
    except PairFileError as error:
        _fail(str(error), code=1)
        raise


@contextlib.contextmanager
def _eval_store(keep_db: str | None, embedder: str | None, model: Path | None) -> Iterator[tuple[Store, Settings]]:
    """A fresh store for an evaluation: the kept path (emptied first) or a temporary one."""
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as folder:
        path = keep_db or str(Path(folder) / "eval.db")
        settings = _settings(path, embedder, model)
        remove_store(path, settings.index)
        with _open_store(settings) as store:
            yield store, settings


def _progress_steps(label: str) -> Any:
    from tqdm import tqdm

    return tqdm(unit=" steps", desc=label, disable=not sys.stderr.isatty(), file=sys.stderr)


def _progress(label: str) -> Any:
    from tqdm import tqdm

    return tqdm(unit=" docs", desc=label, disable=not sys.stderr.isatty(), file=sys.stderr)


def _embedder(settings: Settings) -> Embedder:
    from storyline.stages.embed import make_embedder

    try:
        return make_embedder(settings.embedder, settings.model)
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
    click.echo(
        f"{'':10} event level ({result['event_pairs']} pairs scored <= 1.5 or >= 3):"
        f" precision {result['event_precision']:.3f}  recall {result['event_recall']:.3f}"
    )
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
    for notice in report.cut:
        click.echo(f"cut: {notice.where}: {notice.message}", err=True)
    summary = report.as_dict()
    click.echo(
        f"read {summary['read']}, stored {summary['stored']}, duplicates {summary['duplicates']},"
        f" already stored {summary['already_stored']}, rejected {summary['rejected']}, cut {summary['cut']}"
        f" ({summary['seconds']} s)",
        err=True,
    )


def _print_story_line(story: dict[str, Any]) -> None:
    dates = f"{story['first_seen'] or '?'} .. {story['last_seen'] or '?'}"
    entities = ", ".join(entity["name"] for entity in story["entities"][:5])
    outlets = f", {plural(len(story['sources']), 'outlet')}" if story["sources"] else ""  # none known: said by none
    click.echo(
        f"story {story['id']:>4}  {dates:24}  {','.join(story['languages']) or '-':12}  "
        f"{plural(story['article_count'], 'article')}{outlets}  {story['title']}"
    )
    if entities:
        click.echo(f"{'':11}entities: {entities}")


def _why_text(why: dict[str, Any] | None) -> str:
    if why is None:
        return "only article in this story"
    gap = "no dates to compare" if why["gap_days"] is None else f"{why['gap_days']:.0f} days from the others"
    shared = ", ".join(why["shared_entities"]) or "no shared entities"
    closest = _shorten(why.get("closest_title") or why.get("closest_article") or "?", 60)
    language = ", across languages" if why.get("cross_lingual") else ""
    return (
        f'similarity {why["similarity"]:.3f} to "{closest}"{language}; entity overlap {why["entity_overlap"]:.2f}'
        f" ({shared}); {gap}; score {why['score']:.2f}"
    )


def _print_timeline(entries: list[dict[str, Any]]) -> None:
    if not entries:
        click.echo("no dated events")
    for entry in entries:
        date = date_label(entry["date"], entry["precision"])
        reported = ", ".join(entry["sources"] + entry["outlets"]) or "source unknown"
        speakers = f"; speakers: {', '.join(entry['speakers'])}" if entry["speakers"] else ""
        planned = "planned: " if entry["planned"] else ""
        click.echo(f"{date:19} [{entry['language']}] {planned}{_shorten(entry['text'], 160)}")
        click.echo(f"{'':19} {plural(len(entry['articles']), 'article')}; reported by: {reported}{speakers}")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _print_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _fail(message: str, code: int) -> None:
    click.echo(f"storyline: {message}", err=True)
    sys.exit(code)
