"""How full the process's memoising caches are: every ``functools.lru_cache`` alive (storyline's own,
the e5 tokenizer's word pieces, simplemma's lemmas), by the function it wraps.

A long-running follower fills these as it meets new words and names; each has a bound, so they stop
growing once full. The memory benchmarks print this census beside the resident memory, so that growth
from a cache still filling is told apart from growth without a bound.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import random
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path


def census(smallest: int = 1000) -> dict[str, dict[str, int | None]]:
    """{wrapped function's module.qualname: {"entries": n, "bound": maxsize}} for caches holding at least
    ``smallest`` entries (the small ones do not matter to memory)."""
    found: dict[str, dict[str, int | None]] = {}
    for name, wrapper in live_caches():
        info = wrapper.cache_info()
        if info.currsize < smallest:
            continue
        entry = found.setdefault(name, {"entries": 0, "bound": info.maxsize})
        entry["entries"] = int(entry["entries"] or 0) + info.currsize
    return dict(sorted(found.items(), key=lambda item: -(item[1]["entries"] or 0)))


def live_caches() -> list[tuple[str, functools._lru_cache_wrapper[object]]]:
    """Every ``functools.lru_cache`` alive in the process, with its wrapped function's module.qualname."""
    frozen = gc.get_freeze_count() > 0  # a kept-open Ingestor freezes what survives each call (gc.freeze),
    if frozen:  # and frozen objects are not listed: thawed for the look, frozen again as the writer would
        gc.unfreeze()
    try:
        objects = gc.get_objects()
    finally:
        if frozen:
            gc.freeze()
    caches = []
    for thing in objects:
        if isinstance(thing, functools._lru_cache_wrapper):
            wrapped = getattr(thing, "__wrapped__", thing)
            name = f"{getattr(wrapped, '__module__', '?')}.{getattr(wrapped, '__qualname__', repr(wrapped))}"
            caches.append((name, thing))
    return caches


# How to call each large cache with a new argument of its usual kind (a made-up word): the caches a
# follower fills as it meets new words and names. Keyed by the wrapped function's module.qualname.
FILLERS: dict[str, Callable[[str, str], tuple[object, ...]]] = {
    "storyline.encoders.e5_tokenizer.UnigramTokenizer._segment": lambda latin, _cyr: ("\u2581" + latin.lower(),),
    "simplemma.lemmatizer.Lemmatizer._lemmatize": lambda latin, _cyr: (latin, "de" if len(latin) % 2 else "en"),
    "storyline.stages.entities._cyrillic_name_kind": lambda _latin, cyr: (cyr,),
    "storyline.stages.entities._morph_lemma": lambda _latin, cyr: (cyr, "ru"),
    "storyline.grouping.entities._spelled_words_of": lambda latin, _cyr: (latin.lower()[:5], latin, "", "misc", "en"),
    "storyline.stages.keys.name_key": lambda latin, _cyr: (latin,),
    "storyline.stages.keys.spelling": lambda latin, _cyr: (latin,),
    "storyline.stages.keys.is_latin": lambda latin, _cyr: (latin,),
    "storyline.stages.keys.vowel_pattern": lambda latin, _cyr: (latin.lower(),),
    "storyline.stages.name_filters._english_proper_noun": lambda latin, _cyr: (latin,),
    "storyline.stages.polish_grammar.readings": lambda latin, _cyr: (latin,),
    "storyline.stages.polish_grammar.known": lambda latin, _cyr: (latin,),
    "storyline.stages.polish_grammar.name_kind": lambda latin, _cyr: (latin,),
    "storyline.stages.polish_grammar._forms": lambda latin, _cyr: (latin.lower(),),
}


def made_up_words(count: int, seed: int = 17) -> list[tuple[str, str]]:
    """``count`` distinct made-up names, each in Latin and Cyrillic letters, 2-5 syllables (Kovarelin,
    Коварелин): the length and shape of the names and words a follower meets."""
    rng = random.Random(seed)
    latin_cyrillic = dict(zip("bdgklmnprstvzaeiou", "бдгклмнпрствзаеиоу", strict=True))
    consonants, vowels = "bdgklmnprstvz", "aeiou"
    seen: set[str] = set()
    words: list[tuple[str, str]] = []
    while len(words) < count:
        latin = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 5)))
        latin = latin + rng.choice(consonants) if rng.random() < 0.5 else latin
        if latin in seen:
            continue
        seen.add(latin)
        words.append((latin.title(), "".join(latin_cyrillic[letter] for letter in latin).title()))
    return words


def fill_to_bounds(smallest_bound: int = 1000) -> dict[str, dict[str, int | str | None]]:
    """Fill every large cache alive in the process to its bound with made-up words, as weeks of real
    news would (new names keep coming); afterwards a cache only replaces entries. Returns what each
    large cache (bound at least ``smallest_bound``, or none) holds after, and which could not be filled."""
    report: dict[str, dict[str, int | str | None]] = {}
    words: list[tuple[str, str]] = []
    for name, wrapper in live_caches():
        bound = wrapper.cache_info().maxsize
        if bound is not None and bound < smallest_bound:
            continue
        filler = FILLERS.get(name)
        if filler is None or bound is None:
            report[name] = {"entries": wrapper.cache_info().currsize, "bound": bound, "filled": "no"}
            continue
        if len(words) < 2 * bound:
            words = made_up_words(2 * bound)
        for latin, cyrillic in words:
            if wrapper.cache_info().currsize >= bound:
                break
            wrapper(*filler(latin, cyrillic))
        report[name] = {"entries": wrapper.cache_info().currsize, "bound": bound, "filled": "yes"}
    return report


def entry_bytes(pairs: Path, count: int) -> dict[str, dict[str, int]]:
    """Bytes one more entry costs in each large cache (tracemalloc, after a first call that loads what
    the function loads), filled with up to ``count`` distinct words of the pair file's texts."""
    from storyline.encoders.e5_encoder import E5Encoder
    from storyline.encoders.e5_tokenizer import METASPACE
    from storyline.stages import entities, keys, lemmas

    words: dict[str, set[str]] = {}
    for line in pairs.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for side in ("a", "b"):
            words.setdefault(record[side]["lang"], set()).update(re.findall(r"\w+", record[side]["text"][:2000]))
    everyone = sorted(set().union(*words.values()))[:count]
    tokenizer = E5Encoder().tokenizer
    measured = {
        "e5 tokenizer's word pieces": (lambda word: tokenizer.word_pieces(METASPACE + word), everyone),
        "keys.name_key": (keys.name_key, everyone),
        "keys.spelling": (keys.spelling, everyone),
        "keys.is_latin": (keys.is_latin, everyone),
        "keys.vowel_pattern": (
            keys.vowel_pattern,
            sorted({keys.spelling.__wrapped__(word, True) for word in everyone}),
        ),
        "simplemma's lemmas (German words)": (lambda word: lemmas.lemmatize(word, "de"), sorted(words["de"])),
        "entities._morph_lemma (the bundled samples' Cyrillic words)": (
            lambda word: entities._morph_lemma(word, "ru"),  # noqa: SLF001
            sorted(cyrillic_sample_words()),
        ),
        "entities._cyrillic_name_kind (the same words)": (
            entities._cyrillic_name_kind,  # noqa: SLF001
            sorted(cyrillic_sample_words()),
        ),
    }
    report = {}
    for name, (function, items) in measured.items():
        fresh = [str(item) for item in items]
        function(fresh.pop())  # the first call loads dictionaries: not an entry's cost
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        for item in fresh:
            function(item)
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        report[name] = {"entries": len(fresh), "bytes_per_entry": round(grown / max(len(fresh), 1))}
    return report


def cyrillic_sample_words() -> set[str]:
    from importlib import resources

    folder = resources.files("storyline") / "samples"
    texts = [item.read_text(encoding="utf-8") for item in folder.iterdir() if item.name.endswith(".txt")]
    return {word for text in texts for word in re.findall(r"[\u0400-\u04ff]+", text)}


def tokenizer_bounds(pairs: Path, bounds: list[int]) -> list[dict[str, float]]:
    """What the tokenizer's cache bound costs: the pair file's texts (6,000 characters each) tokenized in
    one cold pass with each bound: milliseconds per text and the share of words found in the cache."""
    from storyline.encoders.e5_encoder import PASSAGE_PREFIX, E5Encoder

    texts = [
        record[side]["text"][:6000]
        for record in map(json.loads, pairs.read_text(encoding="utf-8").splitlines())
        for side in ("a", "b")
    ]
    tokenizer = E5Encoder().tokenizer
    rows = []
    for bound in bounds:
        tokenizer.word_pieces = functools.lru_cache(maxsize=bound)(tokenizer._segment)  # noqa: SLF001
        started = time.perf_counter()
        for text in texts:
            tokenizer.content_ids(PASSAGE_PREFIX + text)
        seconds = time.perf_counter() - started
        info = tokenizer.word_pieces.cache_info()
        rows.append(
            {
                "bound": bound,
                "texts": len(texts),
                "ms_per_text": round(1000 * seconds / len(texts), 2),
                "hit_share": round(info.hits / max(info.hits + info.misses, 1), 3),
            }
        )
    return rows


def reading_cost() -> dict[str, float]:
    """Microseconds pymorphy3 takes to read one Cyrillic word form when it is not cached."""
    from storyline.stages import entities

    words = sorted(cyrillic_sample_words())
    entities._morph_lemma.__wrapped__(words[0], "ru")  # noqa: SLF001 (loads the dictionary)
    started = time.perf_counter()
    for word in words:
        entities._morph_lemma.__wrapped__(word, "ru")  # noqa: SLF001
    return {"words": len(words), "us_per_word": round(1e6 * (time.perf_counter() - started) / len(words), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path, nargs="?", default=Path("../shared/data/pairs/semeval2022-task8-dev.jsonl"))
    parser.add_argument("--count", type=int, default=15_000)  # under every bound measured
    parser.add_argument(
        "--tokenizer-bounds",
        default="",
        help="comma-separated bounds of the tokenizer's cache to time instead (e.g. 200000,50000,20000,10000)",
    )
    parser.add_argument("--reading-cost", action="store_true", help="time pymorphy3's uncached reading instead")
    args = parser.parse_args()
    if args.tokenizer_bounds:
        bounds = [int(bound) for bound in args.tokenizer_bounds.split(",")]
        print(json.dumps(tokenizer_bounds(args.pairs, bounds), indent=2))
    elif args.reading_cost:
        print(json.dumps(reading_cost()))
    else:
        print(json.dumps(entry_bytes(args.pairs, args.count), indent=2))


if __name__ == "__main__":
    main()
