"""How the story map's cost grows with the store: batches of a realistic stream into one store.

Usage: python benchmarks/scale.py ARTICLES [--batch 2000] [--db /tmp/scale.db] [--embedder hashing]
                                  [--probes 50] [--json FILE] [--start N] [--probe-only N | --batch-only]
                                  [--fresh-process] [--beyond] [--warm-up N]
                                  [--pause-every N [--pause-seconds 2]] [--steps]

The stream comes from benchmarks/news_stream.py (deterministic; ../shared's pair articles are used
when present). Each batch is ingested by a fresh `storyline ingest` process, as a user would run it.
After each batch, one more article goes in through a fresh process (start-up included), an article
already stored is offered again (nothing to do), and ``--probes`` more go in one at a time through a
long-running ingest in this process, whose map work (everything after enrichment: near-duplicates,
grouping, storing, storylines, entities) is timed apart from enrichment and embedding.
Per batch it prints: articles/s, peak memory of the batch's process, store size on disk, and those
latencies. Rows are also written as JSON lines to ``--json``. ``--probe-only`` and ``--batch-only``
measure one probe or one batch in a copy of a store the run made (the batch in this process, its time
split into enrichment and map work, or with ``--fresh-process`` in a fresh ``storyline ingest`` as a run
makes it, which is faster: this process holds the whole generated stream); with ``--beyond``, into a store
that holds the whole stream, the articles a longer stream adds at its end. ``--pause-every N`` pauses
the probe after every N articles (a follower between rounds; the pauses untimed). ``--steps`` times the
probe's map work step by step (near-duplicates, grouping, the batch's rows, storylines, entity links, the
commit) and prints the steps of its slowest articles and each step's p99: where the tail goes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_stream import stream  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
GNU_TIME = "/usr/bin/time"
STORYLINE = [sys.executable, "-m", "storyline"]


def run_process(arguments: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak memory in MiB, exit status) of one child process and its own children.

    The peak is the larger of two readings: GNU time's (Debian's package ``time``; the rusage that
    ``wait4`` gives a child of this large process would start at this process's own peak, because Linux
    carries the high-water mark across ``exec``), which is the largest single process's; and the sum of
    the resident memory of the whole process tree (an ingest's enrichment worker beside its writer),
    sampled every 0.2 s."""
    with tempfile.NamedTemporaryFile("r") as peak_file, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(
            [GNU_TIME, "-f", "%M", "-o", peak_file.name, *arguments], stdout=subprocess.DEVNULL, stderr=errors
        )
        tree_peak = tree_peak_while_running(child)
        child.wait()
        seconds = time.perf_counter() - started
        peak_kib = int(peak_file.read().strip().splitlines()[-1])
        errors.seek(0)
        stderr = errors.read()
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(arguments)} failed ({child.returncode}): {stderr.decode()[-2000:]}")
    return seconds, max(peak_kib / 1024, tree_peak / 2**20), child.returncode


def tree_peak_while_running(child: subprocess.Popen[bytes], include_child: bool = False) -> int:
    """The largest sum of resident bytes of ``child``'s descendants, and of ``child`` itself if
    ``include_child`` (not when it is GNU time), seen while it runs."""
    import psutil

    peak = 0
    while child.poll() is None:
        try:
            root = psutil.Process(child.pid)
            processes = [root, *root.children(recursive=True)] if include_child else root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        total = 0
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.NoSuchProcess:
                continue
        peak = max(peak, total)
        time.sleep(0.2)
    return peak


def write_jsonl(records: list[dict[str, Any]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def store_bytes(db: Path) -> int:
    total = 0
    for path in db.parent.glob(db.name + "*"):
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
    return total


# the map work's steps in ``storyline.pipeline`` (``Ingestor._commit``), each timed apart by ``--steps``
MAP_STEPS = ("mark_near_duplicates", "assign_stories", "refresh_storylines", "link_waiting")


def _timed(function: Callable[..., Any], name: str, spent: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - began

    return timed


@contextmanager
def step_timers(store: Any) -> Iterator[dict[str, float]]:
    """Seconds spent in each map step while open, added up in the dict it yields (the caller empties
    it per article): ``MAP_STEPS``, the store's ``save_batch`` (the batch's rows) and the transaction's
    end (``commit``: SQLite's commit, with its full-text index merges and WAL writes)."""
    import storyline.pipeline as pipeline

    spent: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, name) for name in MAP_STEPS}
    for name, function in originals.items():
        setattr(pipeline, name, _timed(function, name, spent))
    store.save_batch = _timed(store.save_batch, "save_batch", spent)
    transaction = store.transaction

    @contextmanager
    def timed_transaction() -> Iterator[None]:
        held = transaction()
        held.__enter__()
        try:
            yield
        except BaseException:
            if not held.__exit__(*sys.exc_info()):
                raise
        else:
            began = time.perf_counter()
            held.__exit__(None, None, None)
            spent["commit"] += time.perf_counter() - began

    store.transaction = timed_transaction
    try:
        yield spent
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
        del store.save_batch, store.transaction


def step_summary(steps: list[dict[str, float]], map_ms: list[float], slowest: list[int]) -> dict[str, Any]:
    """Each step's p99 over the articles, and the steps of the slowest ones (``other``: the map work
    outside the timed steps: the index's reads of entity counts, its bookkeeping after the commit)."""
    names = sorted({name for spent in steps for name in spent})

    def p99(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]

    def breakdown(position: int) -> dict[str, float]:
        spent = {name: 1000 * steps[position].get(name, 0.0) for name in names}
        return {**spent, "other": map_ms[position] - sum(spent.values())}

    return {
        "step_ms_p99": {name: round(p99([1000 * spent.get(name, 0.0) for spent in steps]), 1) for name in names},
        "slowest_steps_ms": [
            {"position": position, **{name: round(ms, 1) for name, ms in breakdown(position).items()}}
            for position in slowest
        ],
    }


def long_running_probe(
    db: str | Path,
    embedder: str,
    records: list[dict[str, Any]],
    warm_up: int = 1,
    pause_every: int = 0,
    pause_seconds: float = 2.0,
    steps: bool = False,
) -> dict[str, Any] | None:
    """Map-work milliseconds per article (median, p99) and enrichment, in one process that stays open;
    the first ``warm_up`` records are ingested first, untimed (models, caches and index shards loaded).
    ``slowest``: the positions (0 = the first timed article) and milliseconds of the five slowest.
    ``pause_every``: after every so many timed articles the process waits ``pause_seconds`` (a follower
    between rounds), untimed; 0: the articles come back to back."""
    try:
        from storyline.ingest.records import record_to_article
        from storyline.pipeline import Ingestor
    except ImportError:
        return None
    from storyline.settings import load_settings
    from storyline.stages.embed import make_embedder
    from storyline.store import open_store

    settings = load_settings(db).with_embedder(embedder)
    map_ms, enrich_ms, embed_ms = [], [], []
    per_article: list[dict[str, float]] = []
    with (
        open_store(db) as store,
        store.background_checkpoints(),
        step_timers(store) if steps else nullcontext(defaultdict(float)) as spent,
        Ingestor(store, settings, make_embedder(embedder), keep_open=True) as ingestor,
    ):
        for record in records[:warm_up]:  # warm: models, caches and the shards these dates need loaded
            ingestor.ingest([record_to_article(record, "probe")])
        for position, record in enumerate(records[warm_up:]):
            if pause_every and position and position % pause_every == 0:
                time.sleep(pause_seconds)
            spent.clear()
            report = ingestor.ingest([record_to_article(record, "probe")])
            per_article.append(dict(spent))
            map_ms.append(1000 * report.timings["map"])
            enrich_ms.append(1000 * report.timings["enrich"])
            embed_ms.append(1000 * report.timings["embed"])
    ranked = sorted(range(len(map_ms)), key=lambda position: -map_ms[position])
    slow = [[position, round(map_ms[position], 1)] for position in ranked[:5]]
    details = step_summary(per_article, map_ms, ranked[:10]) if steps else {}
    map_ms.sort()
    return {
        **details,
        "warm_up": warm_up,
        "pause_every": pause_every,
        "slowest": slow,
        "map_ms_median": statistics.median(map_ms),
        "map_ms_p90": map_ms[int(round(0.9 * (len(map_ms) - 1)))],
        "map_ms_p99": map_ms[min(len(map_ms) - 1, int(round(0.99 * (len(map_ms) - 1))))],
        "map_ms_max": map_ms[-1],
        "enrich_ms_median": statistics.median(enrich_ms),
        "embed_ms_median": statistics.median(embed_ms),
    }


def one_batch(db: str | Path, embedder: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """One ingest call of ``records`` into ``db``: its seconds (start-up and model loading excluded)."""
    from storyline.ingest.records import record_to_article
    from storyline.pipeline import ingest
    from storyline.settings import load_settings
    from storyline.stages.embed import make_embedder
    from storyline.store import open_store

    settings = load_settings(db).with_embedder(embedder)
    articles = [record_to_article(record, None) for record in records]
    with open_store(db) as store:
        started = time.perf_counter()
        report = ingest(articles, store, settings, make_embedder(embedder))
        seconds = time.perf_counter() - started
    return {
        "stored": report.stored,
        "seconds": round(seconds, 1),
        **{k: round(v, 1) for k, v in report.timings.items()},
    }


def split_stream(
    articles: int, batch: int, probes: int, shared: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The run's whole stream, the ``articles`` it ingests in batches, and the articles set aside
    for the probes after each batch (one fresh-process article and ``probes`` long-running ones)."""
    reserve = -(-articles // batch) * (1 + probes)
    records = stream(articles + reserve, shared=shared if shared.exists() else None)
    step = len(records) // reserve
    set_aside = [record for number, record in enumerate(records) if number % step == step - 1][:reserve]
    aside_ids = {record["id"] for record in set_aside}
    return records, [record for record in records if record["id"] not in aside_ids][:articles], set_aside


def _rounded(figures: dict[str, Any], places: int = 1) -> dict[str, Any]:
    """The figures to ``places`` places; what is no float (a list of the slowest articles) as it is."""
    return {key: round(value, places) if isinstance(value, float) else value for key, value in figures.items()}


def articles_beyond(records: list[dict[str, Any]], count: int, shared: Path) -> list[dict[str, Any]]:
    """The last ``count`` articles, in arrival order, of those a longer stream adds to ``records``: the
    same generator goes on with new events over the same year, so these arrive at its end, as the next
    articles would for a store that holds the whole stream."""
    held = {record["id"] for record in records}
    longer = stream(len(records) + 20 * count, shared=shared if shared.exists() else None)
    return [record for record in longer if record["id"] not in held][-count:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument(
        "--db", default="/tmp/scale.db", help="a SQLite file (a PostgreSQL URL for --batch-only and --probe-only)"
    )
    parser.add_argument("--embedder", default="hashing")
    parser.add_argument("--probes", type=int, default=50, help="articles for the long-running probe per batch")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--start", type=int, default=0, help="resume: articles already in --db")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (pair articles)")
    parser.add_argument(
        "--probe-only",
        type=int,
        default=0,
        metavar="N",
        help="no batches: the N stream articles from position --start, one at a time into --db (a copy of a"
        " store of that many articles) through a long-running ingest; prints their map work (median, p99)",
    )
    parser.add_argument(
        "--warm-up",
        type=int,
        default=1,
        metavar="N",
        help="with --probe-only: the stream articles ingested first, untimed, in the long-running process",
    )
    parser.add_argument(
        "--pause-every",
        type=int,
        default=0,
        metavar="N",
        help="with --probe-only: a pause of --pause-seconds after every N timed articles (a follower's rounds)",
    )
    parser.add_argument("--pause-seconds", type=float, default=2.0)
    parser.add_argument(
        "--steps",
        action="store_true",
        help="with --probe-only: time each step of the map work and print the slowest articles' steps",
    )
    parser.add_argument(
        "--batch-only",
        action="store_true",
        help="no run: the --batch stream articles from position --start in one ingest call into --db (a copy"
        " of a store of that many articles, or a new one); prints its seconds and where they went",
    )
    parser.add_argument(
        "--fresh-process",
        action="store_true",
        help="with --batch-only: the ingest call made by a fresh `storyline ingest` process, as in a run; prints"
        " its whole seconds (start-up included) and peak memory",
    )
    parser.add_argument(
        "--beyond",
        action="store_true",
        help="with --probe-only or --batch-only, for a store that holds the whole stream: the next articles a"
        " longer stream adds at its end (new events), in arrival order",
    )
    args = parser.parse_args()

    records, main_stream, probes = split_stream(args.articles, args.batch, args.probes, args.shared)
    if args.batch_only:  # the next --batch articles from --start, in one ingest call into --db
        batch = (
            articles_beyond(records, args.batch, args.shared)
            if args.beyond
            else main_stream[args.start : args.start + args.batch]
        )
        if not args.fresh_process:
            print(json.dumps(one_batch(args.db, args.embedder, batch)))
            return
        with tempfile.TemporaryDirectory() as folder:
            ingest = [*STORYLINE, "ingest", "--db", args.db, "--embedder", args.embedder]
            seconds, peak, _code = run_process([*ingest, str(write_jsonl(batch, Path(folder) / "batch.jsonl"))])
        print(json.dumps({"articles": len(batch), "seconds": round(seconds, 1), "peak_mib": round(peak)}))
        return
    if args.probe_only and args.beyond:
        beyond = articles_beyond(records, args.probe_only + args.warm_up, args.shared)
        probe = long_running_probe(
            args.db, args.embedder, beyond, args.warm_up, args.pause_every, args.pause_seconds, args.steps
        )
        print(json.dumps(_rounded(probe or {})))
        return
    if args.probe_only:  # the stream's articles from --start on (not yet in a store of --start articles)
        wanted = main_stream[args.start : args.start + args.probe_only + args.warm_up]
        probe = long_running_probe(
            args.db, args.embedder, wanted, args.warm_up, args.pause_every, args.pause_seconds, args.steps
        )
        print(json.dumps(_rounded(probe or {})))
        return
    if args.start == 0:
        for path in Path(args.db).parent.glob(Path(args.db).name + "*"):
            subprocess.run(["rm", "-rf", str(path)], check=True)
    out = args.json.open("a", encoding="utf-8") if args.json else None
    header = (
        f"{'stored':>8} {'batch s':>8} {'art/s':>7} {'peak MiB':>8} {'store MiB':>9} "
        f"{'+1 fresh s':>10} {'+1 MiB':>7} {'no-op s':>7} {'map ms p50':>10} {'p99':>7} {'enrich ms':>9}"
    )
    print(
        f"{args.articles} articles in batches of {args.batch}, embedder {args.embedder}, store {args.db},"
        f" sentences from the samples{' and ' + str(args.shared) if args.shared.exists() else ' only'}"
    )
    print(header, flush=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for number in range(args.start // args.batch, -(-args.articles // args.batch)):
            batch = main_stream[number * args.batch : (number + 1) * args.batch]
            mine = probes[number * (1 + args.probes) : (number + 1) * (1 + args.probes)]
            ingest = [*STORYLINE, "ingest", "--db", args.db, "--embedder", args.embedder]
            seconds, peak, _code = run_process([*ingest, str(write_jsonl(batch, work / "batch.jsonl"))])
            one_seconds, one_peak, _ = run_process([*ingest, str(write_jsonl(mine[:1], work / "one.jsonl"))])
            noop_seconds, _, _ = run_process([*ingest, str(write_jsonl(batch[:1], work / "again.jsonl"))])
            probe = long_running_probe(args.db, args.embedder, mine[1:]) if args.probes else None
            row = {
                "stored_before": number * args.batch,
                "batch_seconds": round(seconds, 2),
                "articles_per_second": round(len(batch) / seconds, 1),
                "peak_mib": round(peak),
                "store_mib": round(store_bytes(Path(args.db)) / 2**20, 1),
                "one_fresh_seconds": round(one_seconds, 2),
                "one_fresh_peak_mib": round(one_peak),
                "noop_seconds": round(noop_seconds, 2),
                **(_rounded(probe, 2) if probe else {}),
            }
            print(
                f"{row['stored_before']:>8} {seconds:8.1f} {row['articles_per_second']:7.1f} {peak:8.0f}"
                f" {row['store_mib']:9.1f} {one_seconds:10.2f} {one_peak:7.0f} {noop_seconds:7.2f}"
                + (
                    f" {probe['map_ms_median']:10.1f} {probe['map_ms_p99']:7.1f} {probe['enrich_ms_median']:9.1f}"
                    if probe
                    else ""
                ),
                flush=True,
            )
            if out:
                out.write(json.dumps(row) + "\n")
                out.flush()


if __name__ == "__main__":
    main()
