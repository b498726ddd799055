"""Data built once per installation from the packages' own files, kept pickled in the user's cache
folder (``$XDG_CACHE_HOME/storyline``, else ``~/.cache/storyline``) under a name that changes with
the packages' versions, so a new version builds it again."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_folder() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "storyline"


def built_once(path: Path, build: Callable[[], T], kind: type) -> T:
    """The value pickled at ``path`` when it is there and of ``kind``; else ``build()``'s, written there
    atomically (write, then rename) for next time. A read-only home builds it each time."""
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, kind):
            return cached  # type: ignore[return-value]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass
    return value
