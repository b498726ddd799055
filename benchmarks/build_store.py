"""Write scale.py's stream into one store quickly, to measure on: one long-running writer, with the
enrichment of the next articles running in a second process meanwhile.

Usage: python benchmarks/build_store.py ARTICLES --db FILE [--probes 0] [--chunk 1000]
                                        [--copy-at N ...] [--shared ../shared]

The articles are those ``scale.py ARTICLES --probes P`` ingests (its ``--batch-only --start N`` and
``--beyond`` measure into copies of this store when given the same ARTICLES and ``--probes``). Each
chunk goes through ``pipeline.Ingestor`` (kept open) in batches of the store's batch size, as an
ingest would; per chunk it prints the articles stored so far, the seconds since the start and the
writer's map work for the chunk. ``--copy-at N`` keeps a copy of the store (FILE.N and its side
files) once N articles are in, between chunks.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import SHARED, split_stream  # noqa: E402

from storyline.ingest.records import record_to_article  # noqa: E402
from storyline.models import Article  # noqa: E402
from storyline.pipeline import Ingestor, IngestReport, timed_enrich  # noqa: E402
from storyline.settings import Settings, load_settings  # noqa: E402
from storyline.stages.clean import clean_text  # noqa: E402
from storyline.stages.embed import Embedder, make_embedder  # noqa: E402
from storyline.store import open_store  # noqa: E402

_worker: tuple[Settings, Embedder] | None = None


def _start_worker(db: str, embedder: str) -> None:
    global _worker
    _worker = (load_settings(db).with_embedder(embedder), make_embedder(embedder))


def _enriched(records: list[dict[str, Any]]) -> list[Article]:
    assert _worker is not None
    settings, embedder = _worker
    return timed_enrich(clean_text([record_to_article(record, None) for record in records]), settings, embedder)[0]


def copy_store(db: Path, stored: int) -> None:
    """FILE and its side files (-wal, -shm, .index) as FILE.N: consistent, as no write is under way."""
    for side in ("", "-wal", "-shm", ".index"):
        path, target = db.parent / f"{db.name}{side}", db.parent / f"{db.name}.{stored}{side}"
        if path.is_dir():
            shutil.copytree(path, target)
        elif path.exists():
            shutil.copy2(path, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--db", type=Path, required=True, help="a new SQLite file")
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--probes", type=int, default=0, help="as scale.py's: which articles are set aside")
    parser.add_argument("--batch", type=int, default=2000, help="as scale.py's: which articles are set aside")
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--copy-at", type=int, nargs="*", default=[])
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()

    _records, articles, _aside = split_stream(args.articles, args.batch, args.probes, args.shared)
    chunks = [articles[start : start + args.chunk] for start in range(0, len(articles), args.chunk)]
    settings = load_settings(args.db).with_embedder(args.embedder)
    started, stored = time.perf_counter(), 0
    with (
        ProcessPoolExecutor(1, initializer=_start_worker, initargs=(str(args.db), args.embedder)) as pool,
        open_store(args.db) as store,
    ):
        ahead: list[Future[list[Article]]] = [pool.submit(_enriched, chunk) for chunk in chunks[:2]]
        ingestor = Ingestor(store, settings, make_embedder(args.embedder), keep_open=True)
        for number in range(len(chunks)):
            enriched = ahead[number].result()
            if number + 2 < len(chunks):
                ahead.append(pool.submit(_enriched, chunks[number + 2]))
            report = IngestReport()
            with ingestor.writing(report):
                for start in range(0, len(enriched), settings.batch_size):
                    ingestor.store_enriched(enriched[start : start + settings.batch_size], report)
            stored += len(chunks[number])
            print(stored, round(time.perf_counter() - started), round(report.timings["map"], 1), flush=True)
            if stored in args.copy_at:
                ingestor.close()  # the shards written, the checkpoint thread stopped
                copy_store(args.db, stored)
                ingestor = Ingestor(store, settings, make_embedder(args.embedder), keep_open=True)
        ingestor.close()


if __name__ == "__main__":
    main()
