"""How many articles a second the store's one writer sustains on its own: the map work (near-duplicates,
grouping, storing, storylines, entity links) over articles enriched beforehand, as the Ray engine's
writer receives them.

Usage: python benchmarks/writer_speed.py ARTICLES.jsonl [--embedder hashing] [--backends sqlite,postgresql]
                                        [--repeat 3] [--folder /tmp/writer-bench] [--into STORE ...]
                                        [--pg-row-by-row] [--pg-setting NAME=VALUE ...]
                                        [--link-apart | --together]

The articles are read and enriched once (cached in FOLDER), then written into a new store of each
backend ``--repeat`` times (PostgreSQL: a private server from the pgserver package, in FOLDER); each
figure is the median. Prints map seconds and articles/s per backend. ``--pg-row-by-row``: PostgreSQL's
many-row upserts, updates and deletes one statement a row, as before store/pg_bulk.py (to compare).
``--link-apart``: the writer leaves entity linking to a linker (grouping/linking.py), timed alone after it;
``--together``: a linker process runs beside the writer, and the figure is the wall time until both are done.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import pickle
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pg_temp import temporary_postgres  # noqa: E402

from storyline.engines.linker import LinkerProcess  # noqa: E402
from storyline.grouping.linking import follow_links  # noqa: E402
from storyline.ingest.sources import read_sources  # noqa: E402
from storyline.models import Article  # noqa: E402
from storyline.pipeline import Ingestor, IngestReport, enrich, enrichment_stages, read_batches, unseen  # noqa: E402
from storyline.settings import Settings, load_settings  # noqa: E402
from storyline.stages.clean import clean_text  # noqa: E402
from storyline.stages.embed import make_embedder  # noqa: E402
from storyline.store import open_store, remove_store  # noqa: E402


def enriched_batches(path: Path, settings: Settings, folder: Path) -> list[list[Article]]:
    """The file's articles, read, cleaned and enriched in the batches ingest makes (cached)."""
    stages = ",".join(name for name, _stage in enrichment_stages(settings, make_embedder("hashing")))
    recipe = f"{settings.embedder}|{stages}|{settings.batch_size}".encode()
    key = hashlib.sha256(path.read_bytes() + recipe).hexdigest()[:16]
    cache = folder / f"enriched-{key}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    embedder = make_embedder(settings.embedder)
    report = IngestReport()
    batches = [
        enrich(clean_text(batch), settings, embedder)
        for batch in read_batches(read_sources([str(path)]), settings, report, lambda _r: None, lambda _n: None)
    ]
    cache.write_bytes(pickle.dumps(batches))
    return batches


def write_all(location: str, batches: list[list[Article]], settings: Settings, together: bool = False) -> Written:
    """The map work's seconds and the articles stored, for one new store. With ``settings.link_apart`` the
    writer leaves the entities to a linker: run after it here, timed alone, or (``together``) in a process
    beside it, the two timed together until every entity is linked."""
    report = IngestReport()
    with open_store(location) as store:
        writer = Ingestor(store, settings.with_changes(db=location), make_embedder(settings.embedder))
        began = time.perf_counter()
        with LinkerProcess(location) if together else contextlib.nullcontext(), writer.writing(report):
            for batch in batches:
                fresh = unseen(batch, store, report)
                if fresh:
                    writer.store_enriched(fresh, report)
        both = time.perf_counter() - began
        linking = 0.0
        if settings.link_apart and not together:
            began = time.perf_counter()
            with store.linking():
                follow_links(store, lambda: True)
            linking = time.perf_counter() - began
        assert store.unlinked_count() == 0
    return Written(report.timings["map"], report.stored, linking, both if together else 0.0)


@dataclass
class Written:
    map_seconds: float
    stored: int
    link_seconds: float  # the linker alone, after the writer (``--link-apart``)
    together_seconds: float  # writer and linker process from the first batch until all is linked (``--together``)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/writer-bench"))
    parser.add_argument(
        "--into", nargs="+", metavar="STORE", help="write once into each of these existing stores (copies: they grow)"
    )
    parser.add_argument("--pg-row-by-row", action="store_true", help="no temporary tables for many-row writes")
    parser.add_argument(
        "--pg-setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a server setting for the private PostgreSQL (e.g. wal_buffers=64MB, as docs/deploy.md advises)",
    )
    parser.add_argument(
        "--link-apart",
        action="store_true",
        help="the writer leaves entity linking; a linker links after it, timed alone",
    )
    parser.add_argument(
        "--together", action="store_true", help="the writer with a linker process beside it, timed until all is linked"
    )
    args = parser.parse_args()
    if args.pg_row_by_row:
        from storyline.store.pg_connection import PgConnection

        PgConnection._bulk = lambda _self, _cursor, _sql: None  # type: ignore[method-assign]  # noqa: SLF001
    args.folder.mkdir(parents=True, exist_ok=True)
    settings = load_settings().with_embedder(args.embedder)  # STORYLINE_BATCH_SIZE and the like apply
    batches = enriched_batches(args.articles, settings, args.folder)
    print(f"{sum(len(b) for b in batches)} articles in {len(batches)} batches, embedder {args.embedder}")
    if args.link_apart or args.together:
        settings = settings.with_changes(link_apart=True)
    for location in args.into or ():
        written = write_all(location, batches, settings, args.together)
        spent, stored = written.map_seconds, written.stored
        print(
            f"{location}: map work {spent:.2f} s  {stored / spent:7.1f} articles/s  {1000 * spent / stored:6.2f} ms/article"
        )
    if args.into:
        return
    for backend in args.backends.split(","):
        runs: list[Written] = []
        for run in range(args.repeat):
            if backend == "sqlite":
                location = str(args.folder / f"writer-{run}.db")
                remove_store(location)
                runs.append(write_all(location, batches, settings, args.together))
                remove_store(location)
            else:
                pg_folder = args.folder / "postgres"
                shutil.rmtree(pg_folder, ignore_errors=True)
                server_settings = dict(setting.split("=", 1) for setting in args.pg_setting)
                with temporary_postgres(pg_folder, server_settings=server_settings) as url:
                    runs.append(write_all(url, batches, settings, args.together))
        stored = runs[0].stored
        _print_median(backend, "map work", [run.map_seconds for run in runs], stored)
        if args.link_apart:
            _print_median(backend, "linker alone", [run.link_seconds for run in runs], stored)
        if args.together:
            _print_median(backend, "both, at once", [run.together_seconds for run in runs], stored)


def _print_median(backend: str, what: str, seconds: list[float], stored: int) -> None:
    median = statistics.median(seconds)
    print(
        f"{backend:10} {what} {median:7.2f} s (runs: {', '.join(f'{s:.2f}' for s in seconds)})"
        f"  {stored / median:7.1f} articles/s  {1000 * median / stored:6.2f} ms/article"
    )


if __name__ == "__main__":
    main()
