"""Entity linking in a process of its own beside the writer (``storyline ingest --link-apart``).

The writer groups and stores each batch and commits it; this process links the committed articles'
entities after it, chunk by chunk in the order stored (``grouping/linking.follow_links``), on a
connection of its own. On PostgreSQL the writer's transactions no longer carry the linking's
statements, and the two processes work at once. When the ingest ends, the linker links what is
still waiting and stops, so the ingest returns with every entity linked, as without it.

A linker that dies (killed, out of memory) loses nothing: the store records how far linking got in
each chunk's transaction, and the next linker (the next ingest's writer, or ``storyline link``)
starts there. Where another process links the store already, this one leaves it to that one.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import queue
import signal
import threading
from typing import Any

from storyline.engines.second_core import exit_with_parent
from storyline.errors import StoreBusy
from storyline.grouping.linking import LINK_CHUNK, LinkReport, follow_links

RESULT_SECONDS = 10.0  # how long ``close`` waits for the linker's report once it has exited


class LinkerProcess:
    """A linker process for the store at ``location`` while the caller writes to it."""

    def __init__(self, location: str, chunk: int = LINK_CHUNK) -> None:
        context = multiprocessing.get_context("spawn")  # the writer may hold threads and open files
        self._finish = context.Event()
        self._results: Any = context.Queue()
        self._process = context.Process(
            target=_link_apart,
            args=(location, chunk, self._finish, self._results, os.getpid()),
            name="storyline-linker",
            daemon=True,
        )
        self.problem: str | None = None  # why the linker did not link, if it did not
        self.report: LinkReport | None = None  # what it did, once closed

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def __enter__(self) -> LinkerProcess:
        self._process.start()
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.report = self.close(finished=exc_type is None)

    def close(self, finished: bool = True) -> LinkReport | None:
        """Stop the linker: once everything committed is linked when ``finished``, at once otherwise
        (what it had not committed is linked by the next linker). Returns its report, if it gave one."""
        if not self._process.is_alive() and self._process.exitcode is None:
            return None  # never started
        if finished:
            self._finish.set()
        else:
            self._process.terminate()
        self._process.join()
        exited_well = finished and self._process.exitcode == 0
        try:
            kind, value = self._results.get(timeout=RESULT_SECONDS if exited_well else 0.1)
        except queue.Empty:
            self.problem = (
                f"the entity linker stopped without a report (exit code {self._process.exitcode});"
                " `storyline link` links what it left"
            )
            return None
        if kind == "busy":
            self.problem = f"{value}: that process links what this one stored"
            return None
        if kind != "done":
            self.problem = f"{value}; `storyline link` links what it left"
            return None
        return LinkReport(**value)


def _link_apart(location: str, chunk: int, finish: Any, results: Any, writer: int) -> None:
    """The linker process: link as the writer commits, until told the writer has finished."""
    from storyline.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's to handle: it stops this one
    threading.Thread(target=exit_with_parent, args=(writer,), name="storyline-writer-watch", daemon=True).start()
    try:
        with open_store(location) as store, store.linking():
            report = follow_links(store, finish.is_set, limit=chunk)
        results.put(("done", dataclasses.asdict(report)))
    except StoreBusy as error:
        results.put(("busy", str(error)))
    except Exception as error:  # reported by the writer, in one line
        results.put(("error", f"{location}: entity linker failed: {type(error).__name__}: {error}"))
