"""Which articles get their entities linked, and when: by the writer in each batch's transaction, or
by a linker of its own after the writer has committed them.

Grouping reads each article's entity keys, never the entities they link to, and an article never
changes story once stored, so linking an article's mentions (``entity_updates.relink_after``) can
come after its batch is committed without changing any story. What it needs is the order: articles
are linked in the order they were stored, a chunk at a time, and the store records how far linking
has got (``linked_through``), in the same transaction as the links. So a linker killed at any point
starts again after the last chunk it committed, and nothing is linked twice or skipped.

Exactly one process links a store at a time (``store.linking``, a lock of its own beside the
writer's): by default the writer, inside each batch's transaction (the map and its entities change
together, as before); with ``link_apart`` a linker process of its own (``engines/linker.py``,
``storyline link``), which takes the linking off the writer's path. On PostgreSQL the two then run
at once, on two connections; on SQLite, which has one writer at a time, their transactions take turns.

Linking a chunk also decides again the mentions it can change in articles stored later but not
linked yet (a story's bare surnames, the queue's mentions); their own chunk decides them again, so
once the linker has caught up, the links are the ones the writer would have made itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from storyline.grouping.entity_updates import MentionStore, relink_after

LINK_CHUNK = 512  # articles a linker links in one transaction (the writer's batch size)
IDLE_SECONDS = 0.1  # a linker of its own looks again after this long when nothing is waiting


class LinkStore(MentionStore, Protocol):
    """What linking reads from and writes to the store, beyond relinking's own."""

    def unlinked_articles(self, limit: int) -> list[tuple[int, str]]: ...

    def set_linked_through(self, seq: int) -> None: ...

    def transaction(self) -> AbstractContextManager[object]: ...


@dataclass
class LinkReport:
    """What a linker of its own did."""

    articles: int = 0  # articles linked
    chunks: int = 0  # transactions committed
    seconds: float = 0.0  # time spent linking (waiting for articles not counted)

    def as_dict(self) -> dict[str, float | int]:
        return {"articles": self.articles, "chunks": self.chunks, "seconds": round(self.seconds, 2)}


def link_next(store: LinkStore, limit: int = LINK_CHUNK) -> int:
    """Link the next ``limit`` articles not linked yet, in the order stored, in the caller's
    transaction; returns how many there were."""
    waiting = store.unlinked_articles(limit)
    if waiting:
        relink_after(store, [article_id for _seq, article_id in waiting])
        store.set_linked_through(waiting[-1][0])
    return len(waiting)


def link_waiting(store: LinkStore, limit: int = LINK_CHUNK) -> int:
    """Link every article not linked yet, ``limit`` at a time, in the caller's transaction (the writer:
    its batch, and any left by a linker of its own that stopped early)."""
    linked = 0
    while True:
        count = link_next(store, limit)
        linked += count
        if count < limit:
            return linked


def follow_links(
    store: LinkStore,
    finished: Callable[[], bool],
    limit: int = LINK_CHUNK,
    on_chunk: Callable[[int], None] = lambda _n: None,
    wait: Callable[[float], object] = time.sleep,
    report: LinkReport | None = None,
) -> LinkReport:
    """As a linker of its own (the caller holds ``store.linking``): each chunk in a transaction of
    its own, as the writer commits articles; returns once ``finished()`` is true with nothing waiting
    (asked only when nothing is: whatever was committed before it became true is linked). ``report``,
    if given, is filled as it goes (what was done before an interruption)."""
    report = LinkReport() if report is None else report
    finishing = False
    while True:
        began = time.perf_counter()
        count = 0
        if store.unlinked_articles(1):  # a read: an idle linker opens no write transaction (SQLite's lock)
            with store.transaction():
                count = link_next(store, limit)
        if count:
            report.seconds += time.perf_counter() - began
            report.articles += count
            report.chunks += 1
            on_chunk(count)
        elif finishing:
            return report
        elif finished():
            finishing = True  # one more look: whatever was committed before it became true
        else:
            wait(IDLE_SECONDS)
