"""A deterministic, realistic multilingual news stream for scale benchmarks.

Usage: python benchmarks/news_stream.py N [--seed S] [--shared DIR] > stream.jsonl

Real sentences (the bundled sample articles and, when present, the articles of ../shared's pair
file: then the 7 languages with at least 150 sentences) are recombined into articles about events. An event has a language, a date in
a year, a few core sentences that carry its names and facts, and a heavy-tailed number of articles
(most events are reported once, a few dozens of times), each from one of 300 outlets; some events
continue an earlier one weeks later (a storyline). Articles arrive in date order with some late;
a few have no date. The same N and seed give the same stream, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")
START = dt.date(2025, 1, 1)
DAYS = 365
OUTLETS = 300
UNDATED_SHARE = 0.03
LATE_SHARE = 0.05
CONTINUES_SHARE = 0.15
SEED_LANGUAGES = ("bg", "ru", "bg", "uk", "en")  # the bundled samples, in file order
MIN_POOL = 150  # sentences a language needs to have events of its own


@dataclass(frozen=True)
class Event:
    number: int
    language: str
    day: dt.date
    core: tuple[str, ...]
    size: int


def sentence_pools(shared: Path | None) -> dict[str, list[str]]:
    """Sentences of 40-400 characters by language."""
    texts: list[tuple[str, str]] = []
    samples = resources.files("storyline").joinpath("samples")
    for language, name in zip(SEED_LANGUAGES, sorted(p.name for p in samples.iterdir()), strict=True):
        texts.append((language, samples.joinpath(name).read_text(encoding="utf-8")))
    pair_file = shared / "data" / "pairs" / "semeval2022-task8-dev.jsonl" if shared else None
    if pair_file and pair_file.exists():
        for line in pair_file.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            texts += [(pair[side]["lang"], pair[side]["text"]) for side in ("a", "b")]
    pools: dict[str, set[str]] = {}
    for language, text in texts:
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
        for sentence in SENTENCE_END.split(" ".join(text.split())):
            if 40 <= len(sentence) <= 400:
                pools.setdefault(language, set()).add(sentence)
    pools = {language: found for language, found in pools.items() if len(found) >= 8}
    # A language with a few dozen sentences would make every article in it look alike (one endless
    # story): with the pair file, only the languages it brings enough of.
    rich = {language: found for language, found in pools.items() if len(found) >= MIN_POOL}
    return {language: sorted(found) for language, found in sorted((rich or pools).items())}


def outlets(rng: random.Random) -> list[str]:
    first = ["Daily", "Morning", "Evening", "Free", "New", "Central", "National", "Local", "World", "City"]
    second = ["Herald", "Courier", "Post", "Times", "Gazette", "Observer", "Journal", "Chronicle", "Express", "News"]
    names = sorted({f"{rng.choice(first)} {rng.choice(second)} {number}" for number in range(OUTLETS)})
    return names[:OUTLETS]


def events(count: int, pools: dict[str, list[str]], rng: random.Random) -> Iterator[Event]:
    languages = sorted(pools)
    weights = [len(pools[language]) ** 0.5 for language in languages]
    made: list[Event] = []
    articles = 0
    while articles < count:
        size = min(80, int(rng.paretovariate(1.6)))
        if made and rng.random() < CONTINUES_SHARE:
            parent = made[rng.randrange(max(0, len(made) - 500), len(made))]
            language = parent.language
            day = parent.day + dt.timedelta(days=rng.randint(7, 60))
            core = (*rng.sample(parent.core, 2), rng.choice(pools[language]))
        else:
            language = rng.choices(languages, weights)[0]
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            core = tuple(rng.sample(pools[language], 3))
        event = Event(len(made), language, day, core, size)
        made.append(event)
        articles += size
        yield event


def article(event: Event, copy: int, outlet: str, pools: dict[str, list[str]], rng: random.Random) -> dict[str, str]:
    core = list(event.core)
    rng.shuffle(core)
    if len(core) > 2 and rng.random() < 0.3:
        core.pop()
    pool = pools[event.language]
    filler = [sentence for sentence in rng.sample(pool, min(len(pool), 9)) if sentence not in event.core]
    filler = filler[: rng.randint(3, 6)]
    text = " ".join(core + filler)
    title = event.core[0][:120].rstrip(" .")
    record = {
        "id": f"e{event.number}-{copy}",
        "title": title if copy % 3 else f"{title} ({outlet})",
        "text": text,
        "source": outlet,
        "url": f"https://{outlet.lower().replace(' ', '-')}.example/{event.number}/{copy}",
    }
    if rng.random() >= UNDATED_SHARE:
        record["published"] = (event.day + dt.timedelta(days=rng.randint(0, 2))).isoformat()
    return record


def stream(count: int, seed: int = 7, shared: Path | None = None) -> list[dict[str, str]]:
    """``count`` articles in arrival order."""
    rng = random.Random(seed)
    pools = sentence_pools(shared)
    names = outlets(rng)
    timed: list[tuple[dt.date, int, dict[str, str]]] = []
    for event in events(count, pools, rng):
        for copy in range(event.size):
            record = article(event, copy, rng.choice(names), pools, rng)
            arrival = event.day + dt.timedelta(days=rng.randint(0, 2))
            if rng.random() < LATE_SHARE:
                arrival += dt.timedelta(days=rng.randint(3, 10))
            timed.append((arrival, len(timed), record))
    timed.sort(key=lambda item: (item[0], item[1]))
    return [record for _arrival, _order, record in timed[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    shared = args.shared if args.shared.exists() else None
    for record in stream(args.count, args.seed, shared):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
