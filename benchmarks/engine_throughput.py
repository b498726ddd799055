"""Whole-command ingest throughput by store and engine: SQLite and PostgreSQL in one process, and
PostgreSQL with the Ray engine at 1, 2, ... workers.

Usage: python benchmarks/engine_throughput.py ARTICLES.jsonl [--embedder e5-small]
                                             [--runs sqlite,postgresql,ray:1,ray:2] [--folder /tmp/engine-bench]

Each run is one fresh ``storyline ingest`` process into a new, empty store (PostgreSQL: a new database
on a private server from the pgserver package, started once in FOLDER and not counted), timed as a
whole (start-up, model loading and, for Ray, starting the local Ray cluster included). Prints wall
seconds, articles/s and articles stored per run, and the scaling efficiency of each Ray run against
the one-worker run (speed-up / workers).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pg_temp import ensure_database, temporary_postgres  # noqa: E402

STORYLINE = [sys.executable, "-m", "storyline"]


def ingest(articles: Path, location: str, embedder: str, engine_arguments: list[str]) -> tuple[float, int]:
    """(wall seconds, articles stored) of one ingest process."""
    command = [*STORYLINE, "ingest", str(articles), "--db", location, "--embedder", embedder]
    started = time.perf_counter()
    done = subprocess.run([*command, *engine_arguments], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr[-2000:]}")
    summary = re.search(r"stored (\d+)", done.stderr + done.stdout)
    if summary is None:
        raise RuntimeError(f"{' '.join(command)}: no summary line in its output: {done.stderr[-2000:]}")
    return seconds, int(summary.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--embedder", default="e5-small")
    parser.add_argument("--runs", default="sqlite,postgresql,ray:1,ray:2")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/engine-bench"))
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    results: dict[str, float] = {}
    with temporary_postgres(args.folder / "postgres") as server_url:
        for run in args.runs.split(","):
            if run == "sqlite":
                location = str(args.folder / f"sqlite-{uuid.uuid4().hex[:8]}.db")
                engine: list[str] = []
            else:
                location = ensure_database(server_url, f"run_{uuid.uuid4().hex[:8]}")
                workers = run.partition(":")[2]
                engine = ["--engine", "ray", "--workers", workers] if run.startswith("ray") else []
            seconds, stored = ingest(args.articles, location, args.embedder, engine)
            results[run] = seconds
            line = f"{run:12} {seconds:8.1f} s  {stored / seconds:6.2f} articles/s  stored {stored}"
            if run.startswith("ray:") and "ray:1" in results and run != "ray:1":
                workers_count = int(run.partition(":")[2])
                speed_up = results["ray:1"] / seconds
                line += f"  speed-up {speed_up:.2f}x over ray:1, efficiency {speed_up / workers_count:.0%}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
