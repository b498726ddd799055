"""The Ray engine gives the single-process result, on a real (local) Ray cluster, and survives a
worker killed mid-run (docs/deploy.md). Slow: each test starts Ray."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import SHARED
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings
from storyline.stages.embed import make_embedder
from storyline.store import Store, open_store

ray = pytest.importorskip("ray", reason="the Ray engine needs the cluster extra (pip install storyline[cluster])")
pytestmark = pytest.mark.slow
PAIRS = SHARED / "data" / "pairs" / "semeval2022-task8-dev.jsonl"
RAY = str(Path(sys.executable).with_name("ray"))


def map_of(store: Store) -> dict[str, Any]:
    """Everything the map decided: stories with their articles and explanations, storylines, entities."""
    return {
        "stories": store.story_rows(),
        "storylines": store.storyline_rows(),
        "entities": store.entity_rows(),
    }


def single_process(location: str, inputs: list[str], embedder: str) -> dict[str, Any]:
    settings = Settings(db=location).with_embedder(embedder)
    with open_store(location) as store:
        ingest(read_sources(inputs), store, settings, make_embedder(embedder))
        return map_of(store)


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "storyline", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_ray_engine_groups_the_seeds_as_one_process(store_location: str, tmp_path: Path, seeds_dir: Path) -> None:
    """The real model, Ray started by the command itself: the same stories, explanations, storylines."""
    expected = single_process(str(tmp_path / "one.db"), [str(seeds_dir)], "e5-small")
    process = run_cli("ingest", str(seeds_dir), "--db", store_location, "--engine", "ray", "--workers", "2")
    _out, errors = process.communicate(timeout=600)
    assert process.returncode == 0, errors
    assert "stored 5" in errors.splitlines()[-1]
    with open_store(store_location) as store:
        assert map_of(store) == expected
        assert store.check() == []


@pytest.fixture
def cluster(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A Ray cluster of two nodes on this machine (a head and a second worker node), with token
    authentication as docs/deploy.md sets it up; the token is in this process's environment, which
    the command under test inherits."""
    monkeypatch.setenv("RAY_AUTH_MODE", "token")
    monkeypatch.setenv("RAY_AUTH_TOKEN", secrets.token_hex(32))
    port = _free_port()
    address = f"127.0.0.1:{port}"
    common = ["--num-cpus", "1", "--disable-usage-stats"]
    subprocess.run([RAY, "start", "--head", "--port", str(port), "--include-dashboard=false", *common], check=True)
    try:
        subprocess.run([RAY, "start", "--address", address, *common], check=True)
        yield address
    finally:
        subprocess.run([RAY, "stop", "--force"], check=False, capture_output=True)


@pytest.mark.skipif(not PAIRS.exists(), reason="needs ../shared/data/pairs (the labeled pair file)")
def test_ray_engine_survives_a_killed_worker_and_equals_one_process(
    postgres,  # type: ignore[no-untyped-def]
    cluster: str,
    tmp_path: Path,
) -> None:
    """The dev pairs' 1,499 articles on a two-node cluster into PostgreSQL; one enrichment worker is
    killed while the actors work: its batch is redone, nothing lost or stored twice, and the map is
    the single-process one."""
    articles = _pair_articles(tmp_path / "pairs.jsonl")
    expected = single_process(str(tmp_path / "one.db"), [str(articles)], "hashing")
    location = postgres.new_database()
    process = run_cli(
        "ingest", str(articles), "--db", location, "--engine", "ray", "--ray-address", cluster, "--embedder", "hashing"
    )
    killed = _kill_a_worker_at_work(process)
    _out, errors = process.communicate(timeout=1200)
    assert process.returncode == 0, errors
    assert killed, "no enrichment worker was found to kill"
    with open_store(location) as store:
        assert store.check() == []
        assert store.counts()["articles"] == sum(story["size"] for story in expected["stories"]) > 1400
        assert map_of(store) == expected


def _pair_articles(path: Path) -> Path:
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        for line in PAIRS.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            for side in ("a", "b"):
                article = pair[side]
                if article["id"] not in seen:
                    seen.add(article["id"])
                    record = {key: article[key] for key in ("id", "title", "url", "text") if article.get(key)}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _kill_a_worker_at_work(process: subprocess.Popen[str]) -> bool:
    """SIGKILL one enrichment actor's process a few seconds after the actors start working."""
    started: float | None = None
    while process.poll() is None:
        workers = [
            int(line.split()[0])
            for line in subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout.splitlines()
            if "ray::MapWorker(MapBatches(Enricher" in line
        ]
        if workers and started is None:
            started = time.monotonic()
        if workers and started is not None and time.monotonic() - started > 3.0:
            os.kill(workers[0], signal.SIGKILL)
            return True
        time.sleep(0.2)
    return False


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_ray_engine_without_an_address_starts_its_own_ray(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a cluster found in Ray's files or $RAY_ADDRESS: a stale one would make the run wait forever."""
    import ray

    from storyline.engines.ray_engine import RayOptions, _start_ray

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(ray, "init", lambda **kwargs: calls.append(kwargs))
    _start_ray(RayOptions(address=None, workers=None))
    _start_ray(RayOptions(address="10.0.0.5:6379", workers=None))
    assert [call["address"] for call in calls] == ["local", "10.0.0.5:6379"]
