"""The enrichment worker beside the writer (engines/second_core.py): a writer killed outright takes
it along. (That it stores what one process stores, survives its worker's death and stops with an
error: tests/test_pipeline.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from storyline.encoders.e5_encoder import available_cpus

WAIT_SECONDS = 60.0


def _articles(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            text = f"Report {number}: the council of town {number} met on budget item {number * 7} today."
            out.write(json.dumps({"id": f"a{number}", "title": f"Town {number}", "text": text}) + "\n")
    return path


def _worker_of(writer: psutil.Process) -> psutil.Process | None:
    for child in writer.children():
        try:
            if any("spawn_main" in part for part in child.cmdline()):
                return child
        except psutil.NoSuchProcess:
            continue
    return None


def test_second_core_worker_exits_when_its_writer_is_killed(tmp_path: Path) -> None:
    if available_cpus() < 2:
        pytest.skip("one CPU: an ingest starts no worker")
    source = _articles(tmp_path / "in.jsonl", 3000)
    environment = {**os.environ, "STORYLINE_BATCH_SIZE": "4", "STORYLINE_ENRICH_AHEAD": "1"}
    command = [sys.executable, "-m", "storyline", "ingest", str(source), "--db", str(tmp_path / "s.db")]
    writer = subprocess.Popen(
        [*command, "--embedder", "hashing"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        worker = None
        while worker is None and writer.poll() is None and time.monotonic() < deadline:
            worker = _worker_of(psutil.Process(writer.pid))
            time.sleep(0.05)
        assert worker is not None, "the ingest of many batches started no worker"
        writer.kill()
        writer.wait()
        _gone, alive = psutil.wait_procs([worker], timeout=10)
        assert alive == [], "the worker outlived its killed writer"
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
