import threading
import time

import pytest

from storyline.ingest.limits import MAX_DOCUMENT_BYTES, DocumentTimeout, within_limits


def test_limits_slow_document_is_stopped_with_a_reason() -> None:
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="longer than 0.2 s"):
        within_limits(lambda: time.sleep(5), size=10, seconds=0.2)
    assert time.monotonic() - started < 2


def test_limits_oversized_document_is_refused_before_reading() -> None:
    calls = []
    with pytest.raises(ValueError, match="too large for one article"):
        within_limits(lambda: calls.append(1), size=MAX_DOCUMENT_BYTES + 1)
    assert calls == []


def test_limits_outside_the_main_thread_only_sizes_apply() -> None:
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(within_limits(lambda: "read", size=10, seconds=0.01)))
    worker.start()
    worker.join()
    assert results == ["read"]
