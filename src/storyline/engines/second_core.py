"""The next batch's enrichment on a second core, while the writer stores the batch before it.

A long ``storyline ingest`` on one machine spends most of its time on the per-article stages
(language, dates, entities, statements, the embedding) and the rest on the map work (grouping,
storing, storylines, entity links), one after the other on one core. Here the stages run in one
worker process, batch after batch in order, while this process (the store's one writer) stores
the batch enriched before: the two cores work at once, and the map work, which grows with the
store's time windows, hides behind the enrichment instead of adding to it.

The worker runs the same stage functions (``pipeline.timed_enrich``) on the same cleaned batches,
so the articles it returns are the ones this process would have made, and the store the same.
It is started only for an input of more than one batch (a small input would pay its start-up for
nothing), on a machine with a second CPU for it. A worker that dies (killed, out of memory) costs
nothing but time: its batch and the rest are enriched in this process, as without it.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from storyline.models import Article
from storyline.settings import Settings
from storyline.stages.embed import Embedder

Enriched = tuple[list[Article], dict[str, float]]  # the batch enriched, and seconds per kind of stage

_WORKER_STATE: dict[str, object] = {}  # in the worker process only: its settings and embedder
PARENT_CHECK_SECONDS = 0.5  # how often the worker looks whether its writer still lives


class SecondCore:
    """Enrichment of submitted batches in one worker process, in order; ``enrich_here`` is the
    fallback this process uses when no worker runs (none started, or it died)."""

    def __init__(
        self, settings: Settings, embedder: Embedder, enrich_here: Callable[[list[Article]], Enriched]
    ) -> None:
        self._settings = settings
        self._embedder = embedder
        self._enrich_here = enrich_here
        self._pool: ProcessPoolExecutor | None = None
        self._given_up = False  # no worker again in this run (it died, or the embedder cannot travel)

    @property
    def running(self) -> bool:
        return self._pool is not None

    def start(self) -> None:
        """Start the worker (it loads its models while this process goes on), unless it runs already,
        died in this run, or cannot receive the embedder."""
        if self._pool is not None or self._given_up:
            return
        embedder = portable(self._embedder)
        if embedder is None:
            self._given_up = True
            return
        # spawn, not fork: this process may hold threads (the store's checkpoints, BLAS) and open files
        context = multiprocessing.get_context("spawn")
        load = partial(_load_worker, self._settings, embedder, os.getpid())
        self._pool = ProcessPoolExecutor(1, context, initializer=load)

    def submit(self, batch: list[Article]) -> Future[Enriched]:
        """The batch's enrichment: in the worker when it runs, else here (a done future)."""
        if self._pool is not None:
            try:
                return self._pool.submit(_enrich_in_worker, batch)
            except BrokenProcessPool:
                self._lost()
        done: Future[Enriched] = Future()
        done.set_result(self._enrich_here(batch))
        return done

    def result(self, future: Future[Enriched], batch: list[Article]) -> Enriched:
        """The enriched batch; enriched here if the worker died before returning it."""
        try:
            return future.result()
        except BrokenProcessPool:
            self._lost()
            return self._enrich_here(batch)

    def close(self, finished: bool = True) -> None:
        """Stop the worker: after its last batch when ``finished``, at once otherwise (an error or
        Ctrl-C in this process: what it was enriching is not wanted)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not finished:
            # ProcessPoolExecutor offers no way to stop a running call before Python 3.14's
            # terminate_workers(); its process table is the one handle on the worker.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)

    def _lost(self) -> None:
        self._given_up = True
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def portable(embedder: Embedder) -> bytes | None:
    """The embedder as the worker receives it (the writer's own, so that both make the same vectors;
    the bundled models' embedders travel as their names and load again there), or None where it
    cannot travel (a test's embedder defined inside a function)."""
    try:
        return pickle.dumps(embedder)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def _load_worker(settings: Settings, embedder: bytes, writer: int) -> None:
    """Worker start-up: Ctrl-C is the writer's to handle (it stops the worker), and a writer killed
    outright (kill -9) takes its worker along (which would otherwise wait for work forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch = threading.Thread(target=exit_with_parent, args=(writer,), name="storyline-writer-watch", daemon=True)
    watch.start()
    _WORKER_STATE["settings"] = settings
    _WORKER_STATE["embedder"] = pickle.loads(embedder)


def exit_with_parent(writer: int) -> None:
    """In a helper process (run in a thread of its own): exit once the writer that started it is gone."""
    while os.getppid() == writer:  # an orphan is adopted by another process (even before it got here)
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _enrich_in_worker(batch: list[Article]) -> Enriched:
    from storyline.pipeline import timed_enrich

    settings = _WORKER_STATE["settings"]
    assert isinstance(settings, Settings)
    return timed_enrich(batch, settings, _WORKER_STATE["embedder"])  # type: ignore[arg-type]
