"""Whole-command ingest throughput by store and engine: SQLite and PostgreSQL in one process, and
PostgreSQL with the Ray engine at 1, 2, ... workers.

Usage: python benchmarks/engine_throughput.py ARTICLES.jsonl [--embedder e5-small]
                                             [--runs sqlite,postgresql,ray:1,ray:2] [--folder /tmp/engine-bench]

Runs: ``sqlite`` and ``postgresql`` as the command runs by default (an input of several batches enriched
in a worker process beside the writer, docs/pipeline.md "Engines"); ``sqlite-one`` and
``postgresql-one`` with ``STORYLINE_ENRICH_AHEAD=0`` (everything in one process); ``ray:N``.

Each run is one fresh ``storyline ingest`` process into a new, empty store (PostgreSQL: a new database
on a private server from the pgserver package, started once in FOLDER and not counted), timed as a
whole (start-up, model loading and, for Ray, starting the local Ray cluster included). Prints wall
seconds, articles/s, articles stored and peak memory (the largest sum of the process tree's resident
memory, sampled; for Ray, the command's own processes, not Ray's) per run, and the scaling efficiency
of each Ray run against the one-worker run (speed-up / workers).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pg_temp import ensure_database, temporary_postgres  # noqa: E402
from scale import tree_peak_while_running  # noqa: E402

STORYLINE = [sys.executable, "-m", "storyline"]


def ingest(
    articles: Path, location: str, embedder: str, engine_arguments: list[str], environment: dict[str, str]
) -> tuple[float, int, float]:
    """(wall seconds, articles stored, peak MiB) of one ingest process."""
    command = [*STORYLINE, "ingest", str(articles), "--db", location, "--embedder", embedder]
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, *engine_arguments], stdout=output, stderr=output, env={**os.environ, **environment}
        )
        peak = tree_peak_while_running(process, include_child=True) / 2**20
        process.wait()
        seconds = time.perf_counter() - started
        output.seek(0)
        printed = output.read().decode(errors="replace")
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {printed[-2000:]}")
    summary = re.search(r"stored (\d+)", printed)
    if summary is None:
        raise RuntimeError(f"{' '.join(command)}: no summary line in its output: {printed[-2000:]}")
    return seconds, int(summary.group(1)), peak


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
            store, _dash, one = run.partition("-")
            environment = {"STORYLINE_ENRICH_AHEAD": "0"} if one == "one" else {}
            if store == "sqlite":
                location = str(args.folder / f"sqlite-{uuid.uuid4().hex[:8]}.db")
                engine: list[str] = []
            else:
                location = ensure_database(server_url, f"run_{uuid.uuid4().hex[:8]}")
                workers = run.partition(":")[2]
                engine = ["--engine", "ray", "--workers", workers] if run.startswith("ray") else []
            seconds, stored, peak = ingest(args.articles, location, args.embedder, engine, environment)
            results[run] = seconds
            line = (
                f"{run:15} {seconds:8.1f} s  {stored / seconds:6.2f} articles/s  stored {stored}  peak {peak:.0f} MiB"
            )
            if run.startswith("ray:") and "ray:1" in results and run != "ray:1":
                workers_count = int(run.partition(":")[2])
                speed_up = results["ray:1"] / seconds
                line += f"  speed-up {speed_up:.2f}x over ray:1, efficiency {speed_up / workers_count:.0%}"
            print(line, flush=True)


if __name__ == "__main__":
    main()
