"""Ingest with the per-article stages on a Ray cluster, and the map in this process.

The work per article (reading, cleaning, language, dates, entities, statements, embedding) runs as
Ray Data ``map_batches`` over the cluster: reading in tasks (one input file or standard-input chunk
each), the rest in a pool of actors that load the embedder once each. Results stream back in input
order to this process, the store's one writer, which groups and stores them exactly as a
single-process ingest does: the same batches (``settings.batch_size`` articles read), the same
"already stored" rule, the same stage functions (``pipeline.timed_enrich``, ``clean_text``,
``within_size``), so the stories equal the single-process ones.

Each actor also opens the store to skip articles already in it before spending a model on them
(when the store is reachable from the worker: a PostgreSQL URL, or a SQLite file on a machine that
sees it); this process checks again before writing, so nothing is stored twice either way. A worker
that dies is replaced and its batch run again (Ray's task retries and actor restarts).

Ray is an optional extra (``pip install storyline[cluster]``), imported only here.
"""

from __future__ import annotations

import logging
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from storyline.ingest.sources import iter_files, read_file
from storyline.models import Article, Notice, Rejection
from storyline.pipeline import Ingestor, IngestReport, Store, timed_enrich, unseen, within_size
from storyline.settings import Settings
from storyline.stages.clean import clean_text
from storyline.stages.embed import make_embedder

STDIN_CHUNK_LINES = 2000  # JSON lines of standard input per read task
# Articles per enrichment batch on the workers: small, so that a few thousand articles spread over
# every worker and the writer gets its first batch early (it still commits ``settings.batch_size``).
WORK_BATCH = 128


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide: ``address`` None starts Ray in this process's machine."""

    address: str | None = None
    workers: int | None = None  # enrichment actors; None: one per CPU the cluster has
    read_cpus: float = 0.25  # Ray's CPU share of a read task: reading is light

    def actor_cpus(self, cluster_cpus: float) -> tuple[int, float]:
        """(actors, Ray's CPU share of each): one actor per CPU, each leaving room for a read task
        beside it on its node (an actor pool that took every CPU would leave no room to read)."""
        return self.workers or max(1, round(cluster_cpus)), 1.0 - self.read_cpus


@dataclass
class _Unit:
    """One read task's input: a file, a chunk of standard input, or a path that does not exist."""

    path: str | None = None
    lines: list[str] = field(default_factory=list)
    first_line: int = 1
    missing: str | None = None


def ingest_with_ray(
    paths: Sequence[str],
    store: Store,
    store_location: str,
    settings: Settings,
    options: RayOptions,
    on_rejection: Callable[[Rejection], None] = lambda _r: None,
    on_progress: Callable[[int], None] = lambda _n: None,
    wait_seconds: float = 0.0,
    stdin: Any = None,
) -> IngestReport:
    """Ingest ``paths`` (files, folders, ``-``) into ``store`` with the per-article work on Ray."""
    import ray

    started_here = not ray.is_initialized()
    if started_here:
        _start_ray(options)
    try:
        report = IngestReport()
        embedder = make_embedder(settings.embedder, settings.model)  # the model loads only if needed
        writer = Ingestor(store, settings, embedder)
        units = _units(paths, stdin)
        with writer.writing(report, wait_seconds):
            rows = _pipeline(units, settings, store_location, options) if units else iter(())
            for batch in _read_batches(rows, settings, report, on_rejection, on_progress):
                fresh = unseen([prepared for prepared, _enriched in batch], store, report)
                enriched = _enriched_for(fresh, batch, writer, report)
                if enriched:
                    writer.store_enriched(enriched, report)
        return report
    finally:
        if started_here:
            ray.shutdown()


# ---- the cluster's side ------------------------------------------------------------------------


def read_units(batch: dict[str, np.ndarray], chunk: int) -> Iterator[dict[str, list[Any]]]:
    """Read task: each unit's items (articles and rejections), in order, pickled, in blocks of
    ``chunk`` (one block per batch, so that the enrichment actors share a large file's articles)."""
    payloads: list[bytes] = []
    for blob in batch["unit"]:
        unit: _Unit = pickle.loads(blob)
        for item in _read(unit):
            payloads.append(pickle.dumps(item))
            if len(payloads) >= chunk:
                yield {"item": payloads}
                payloads = []
    if payloads:
        yield {"item": payloads}


class Enricher:
    """Actor: cut, clean, skip what the store has, and run the enrichment stages (the embedder is
    loaded once per actor, by its first batch). Configured by ``enricher_for``."""

    settings: Settings
    store_location: str

    def __init__(self) -> None:
        self.embedder = make_embedder(self.settings.embedder, self.settings.model)
        self.store = _open_for_reading(self.store_location)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[Any]]:
        items = [pickle.loads(blob) for blob in batch["item"]]
        prepared: list[tuple[int, Article]] = []
        cuts: dict[int, bytes] = {}
        for number, item in enumerate(items):
            if isinstance(item, Article):
                notices: list[Notice] = []
                article = clean_text([within_size(item, self.settings.max_article_chars, notices)])[0]
                prepared.append((number, article))
                if notices:
                    cuts[number] = pickle.dumps(notices[0])
        fresh = [(number, article) for number, article in prepared if not self._stored(article)]
        enriched, timings = timed_enrich([article for _, article in fresh], self.settings, self.embedder)
        by_number = dict(zip([number for number, _ in fresh], enriched, strict=True))
        share = {name: seconds / max(1, len(fresh)) for name, seconds in timings.items()}
        out: dict[str, list[Any]] = {"item": [], "prepared": [], "enriched": [], "cut": [], "seconds": []}
        articles = dict(prepared)
        for number, blob in enumerate(batch["item"]):
            out["item"].append(blob if number not in articles else b"")
            out["prepared"].append(pickle.dumps(articles[number]) if number in articles else b"")
            out["enriched"].append(pickle.dumps(by_number[number]) if number in by_number else b"")
            out["cut"].append(cuts.get(number, b""))
            out["seconds"].append(pickle.dumps(share if number in by_number else {}))
        return out

    @classmethod
    def enricher_for(cls, settings: Settings, store_location: str) -> type[Enricher]:
        """The actor class for one run: its configuration travels with the class, not as
        constructor arguments (which Ray would keep in its object store for restarts)."""
        return type("Enricher", (cls,), {"settings": settings, "store_location": store_location})

    def _stored(self, article: Article) -> bool:
        try:
            return self.store is not None and self.store.already_stored(article)
        except Exception:  # noqa: BLE001 - a store that went away only costs the pre-check
            self.store = None
            return False


# ---- this process's side ---------------------------------------------------------------------


def _start_ray(options: RayOptions) -> None:
    """Join the cluster at ``address``, or start one on this machine (storyline must be installed
    wherever a worker runs: the workers import it)."""
    import ray

    if options.address:
        ray.init(address=options.address, log_to_driver=False, logging_level=logging.ERROR)
    else:
        # "local": a new Ray of this process's own, even where `ray start` left a cluster file behind (a
        # stale one made ray.init wait for a server that no longer runs)
        ray.init(address="local", include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)


def _pipeline(units: list[_Unit], settings: Settings, store_location: str, options: RayOptions) -> Iterator[Any]:
    import ray
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)  # no per-run chatter on the command's output
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results come back in input order
    context.enable_progress_bars = False
    workers, cpus = options.actor_cpus(float(ray.cluster_resources().get("CPU", 1)))
    units_dataset = ray.data.from_items(
        [{"unit": pickle.dumps(unit)} for unit in units], override_num_blocks=len(units)
    )
    # Ray Data retries a read task, and restarts an actor and reruns its batch, when a worker dies.
    work_batch = min(WORK_BATCH, settings.batch_size)
    read: Callable[[dict[str, np.ndarray]], Iterator[dict[str, list[Any]]]] = partial(read_units, chunk=work_batch)
    dataset = units_dataset.map_batches(read, batch_size=1, num_cpus=options.read_cpus)
    dataset = dataset.map_batches(
        Enricher.enricher_for(settings, store_location),
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=workers),
        batch_size=work_batch,
        num_cpus=cpus,
    )
    yield from dataset.iter_rows()


def _read_batches(
    rows: Iterator[Any],
    settings: Settings,
    report: IngestReport,
    on_rejection: Callable[[Rejection], None],
    on_progress: Callable[[int], None],
) -> Iterator[list[tuple[Article, Article | None]]]:
    """Batches of (prepared, enriched or None) as ``pipeline.read_batches`` makes them."""
    batch: list[tuple[Article, Article | None]] = []
    for row in rows:
        on_progress(1)
        if row["item"]:
            rejection: Rejection = pickle.loads(row["item"])
            report.rejected.append(rejection)
            on_rejection(rejection)
            continue
        report.read += 1
        if row["cut"]:
            report.cut.append(pickle.loads(row["cut"]))
        for name, seconds in pickle.loads(row["seconds"]).items():
            report.timings[name] += seconds
        enriched = pickle.loads(row["enriched"]) if row["enriched"] else None
        batch.append((pickle.loads(row["prepared"]), enriched))
        if len(batch) >= settings.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _enriched_for(
    fresh: list[Article], batch: list[tuple[Article, Article | None]], writer: Ingestor, report: IngestReport
) -> list[Article]:
    """The workers' enriched articles for what is fresh; any they skipped is enriched here."""
    done = {id(prepared): enriched for prepared, enriched in batch}
    missing = [article for article in fresh if done.get(id(article)) is None]
    if missing:
        began = time.perf_counter()
        for article, enriched in zip(missing, timed_enrich(missing, writer.settings, writer.embedder)[0], strict=True):
            done[id(article)] = enriched
        report.timings["enrich"] += time.perf_counter() - began
    return [done[id(article)] for article in fresh]  # type: ignore[misc]


def _units(paths: Sequence[str], stdin: Any) -> list[_Unit]:
    units: list[_Unit] = []
    for raw in paths:
        if raw == "-":
            units += _stdin_units(stdin or sys.stdin)
        elif not Path(raw).exists():
            units.append(_Unit(missing=raw))
        else:
            units += [_Unit(path=str(path)) for path in iter_files([raw])]
    return units


def _stdin_units(stream: Any) -> list[_Unit]:
    units: list[_Unit] = []
    lines: list[str] = []
    first = 1
    for number, line in enumerate(stream, start=1):
        lines.append(line)
        if len(lines) >= STDIN_CHUNK_LINES:
            units.append(_Unit(lines=lines, first_line=first))
            lines, first = [], number + 1
    if lines:
        units.append(_Unit(lines=lines, first_line=first))
    return units


def _read(unit: _Unit) -> Iterator[Article | Rejection]:
    from storyline.ingest.records import read_json_lines

    if unit.missing is not None:
        yield Rejection(unit.missing, "no such file or folder")
    elif unit.path is not None:
        yield from read_file(Path(unit.path))
    else:
        yield from read_json_lines(unit.lines, "<stdin>", unit.first_line)


def _open_for_reading(location: str) -> Any:
    from storyline.store import open_store

    try:
        return open_store(location) if "://" in location or Path(location).exists() else None
    except Exception:  # noqa: BLE001 - unreachable from this worker: the writer checks instead
        return None
