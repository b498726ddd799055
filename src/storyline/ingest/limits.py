"""Per-document limits, so that no single input can stall an ingest or exhaust memory."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

MAX_FILE_BYTES = 64 * 1024 * 1024  # a whole file (JSONL and feeds hold many articles)
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024  # one article: a text or HTML file, or one JSON record
DOCUMENT_SECONDS = 20.0  # reading one document (HTML extraction is the slow part)

Result = TypeVar("Result")


class DocumentTimeout(ValueError):
    """Reading one document took too long; the message is the one-line reason."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in the block after ``seconds``. Only the main thread can be
    interrupted (signals); elsewhere the block runs unlimited, bounded by the size limits."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise DocumentTimeout(f"reading took longer than {seconds:g} s; skipped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within_limits(read: Callable[[], Result], size: int, seconds: float = DOCUMENT_SECONDS) -> Result:
    """``read()`` for one document of ``size`` bytes, or ValueError with the reason."""
    if size > MAX_DOCUMENT_BYTES:
        raise ValueError(f"too large for one article ({_mib(size)}; limit {_mib(MAX_DOCUMENT_BYTES)})")
    with time_limit(seconds):
        return read()


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"
