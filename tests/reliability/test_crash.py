"""Kill the ingest with SIGKILL at random moments, then finish it: nothing lost, nothing twice,
the store sound after every kill (docs/reliability.md)."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from storyline.evaluation.hostile import verify, write_corpus
from storyline.store import open_store

POLL_SECONDS = 0.02
BATCH = "32"  # articles per commit: many commits in the corpus, so that each kill can land between two


def test_crash_sigkill_at_random_moments_then_finish(
    tmp_path: Path,
    store_location: str,
    scale,
    start_storyline: Callable[..., subprocess.Popen[str]],  # type: ignore[no-untyped-def]
) -> None:
    corpus = write_corpus(
        tmp_path / "in", hostile=30, good=scale.crash_good, seed=11, big_files=False, languages=("en", "ru")
    )
    db = store_location
    with open_store(db):
        pass
    rng = random.Random(5)
    killed, progress = 0, [0]
    for attempt in range(scale.kills):
        # quiet: it is killed while the test waits for its commits (its rejections alone outgrow a pipe)
        process = start_storyline("ingest", str(corpus.folder), "--db", db, quiet=True, STORYLINE_BATCH_SIZE=BATCH)
        if attempt % 4 == 0:
            time.sleep(rng.uniform(*scale.kill_window))  # anywhere: start-up, reading, enriching
        else:
            _wait_for_a_commit(db, process, progress[-1])  # then kill it inside a later batch
            time.sleep(rng.uniform(0.0, 0.6))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.communicate()
        with open_store(db) as store:
            assert store.check() == [], f"store unsound after kill {killed}"
            stored = store.counts()["articles"]
        assert stored >= progress[-1], "a kill lost articles that were stored"
        progress.append(stored)

    finish = start_storyline("ingest", str(corpus.folder), "--db", db, STORYLINE_BATCH_SIZE=BATCH)
    _out, errors = finish.communicate(timeout=3600)
    assert finish.returncode in (0, 1), errors  # 1: the corpus has rejected inputs
    print(f"kills: {killed}; articles stored after each: {progress[1:]}")
    assert killed >= scale.kills * 3 // 4, f"only {killed} kills hit a running ingest"
    assert len(set(progress)) > scale.kills // 4, "the kills did not land between commits"
    with open_store(db) as store:
        assert store.check() == []
        texts = [row["text"] for row in store.export_rows()]
    verdict = verify(corpus, texts, set())
    assert verdict.missing == [] and verdict.stored_more_than_once == []


def _wait_for_a_commit(db: str, process: subprocess.Popen[str], stored: int) -> None:
    """Until the ingest has committed a batch beyond ``stored`` articles (or has ended)."""
    with open_store(db) as reader:
        while process.poll() is None:
            if reader.counts()["articles"] > stored:
                return
            time.sleep(POLL_SECONDS)
