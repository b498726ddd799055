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
    kills: int
    kill_window: tuple[float, float]  # seconds after start
    good: int
    hostile: int
    reader_seconds: float


QUICK = Scale(embedder="hashing", kills=20, kill_window=(0.5, 3.0), good=800, hostile=30, reader_seconds=20.0)
LONG = Scale(embedder="e5-small", kills=30, kill_window=(1.0, 20.0), good=1500, hostile=200, reader_seconds=180.0)


@pytest.fixture(scope="session")
def scale() -> Scale:
    return LONG if os.environ.get("STORYLINE_RELIABILITY") == "long" else QUICK


@pytest.fixture(scope="session")
def start_storyline(scale: Scale) -> Callable[..., subprocess.Popen[str]]:
    """Starts the storyline command in its own process (so that it can be killed), with the scale's embedder."""

    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "storyline", *args],
            env={**os.environ, "STORYLINE_EMBEDDER": scale.embedder},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    return start
