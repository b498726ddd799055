"""How hard the reliability tests push: a quick run by default (CI), a long one on request.

STORYLINE_RELIABILITY=long pytest tests/reliability      # real model, 50 kills, 3 minutes of readers
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Scale:
    embedder: str
    hostile: int  # hostile inputs of the bad-input test
    good: int  # good articles beside them
    kills: int  # SIGKILLs of the crash test
    kill_window: tuple[float, float]  # seconds after start, for the kills that do not wait for a commit
    crash_good: int  # good articles of the crash test (enough batches for every kill to land in one)
    reader_seconds: float  # at least this long of readers beside a writer


QUICK = Scale("hashing", hostile=1000, good=100, kills=9, kill_window=(0.5, 3.0), crash_good=600, reader_seconds=10)
LONG = Scale("e5-small", hostile=3000, good=300, kills=25, kill_window=(1.0, 20.0), crash_good=1000, reader_seconds=180)


@pytest.fixture(scope="session")
def scale() -> Scale:
    return LONG if os.environ.get("STORYLINE_RELIABILITY") == "long" else QUICK


@pytest.fixture(scope="session")
def start_storyline(scale: Scale) -> Callable[..., subprocess.Popen[str]]:
    """Starts the storyline command in its own process (so that it can be killed), with the scale's
    embedder and any other environment given. ``quiet``: its output is dropped, for a process that is
    waited on without being read (one that fills a pipe nobody reads would stop there)."""

    def start(*args: str, quiet: bool = False, **environment: str) -> subprocess.Popen[str]:
        output = subprocess.DEVNULL if quiet else subprocess.PIPE
        return subprocess.Popen(
            [sys.executable, "-m", "storyline", *args],
            env={**os.environ, "STORYLINE_EMBEDDER": scale.embedder, **environment},
            stdout=output,
            stderr=output,
            text=True,
        )

    return start
