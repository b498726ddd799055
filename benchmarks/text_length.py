"""What the embedding should see: grouping quality for several lengths of embedded text.

Usage: python benchmarks/text_length.py PAIRS.jsonl [CHARS ...]

For each length (default: 300, 600 and 0 = the whole text, windowed past 512 tokens) ingests the pair
file's articles into a fresh store with ``max_embed_chars`` set to it, then reports the grouping's
F1 and Pearson with the shipped coefficients, the cross-validated figures of coefficients refitted
for that length (``storyline eval fit``'s recipe), plain cosine's oracle F1 and Pearson, embedding
throughput, and the stories the five bundled sample articles form.
"""

from __future__ import annotations

import json
import sys
import tempfile
from importlib import resources
from pathlib import Path

from storyline.evaluation.fit import fit_grouping
from storyline.evaluation.pairs import evaluate_pairs, pair_rows, read_pairs
from storyline.ingest.sources import read_sources
from storyline.pipeline import ingest
from storyline.settings import Settings, load_settings
from storyline.stages.embed import Embedder, make_embedder
from storyline.store import open_store

WHOLE = 10**9


def seed_stories(settings: Settings, embedder: Embedder) -> list[list[str]]:
    samples = str(resources.files("storyline").joinpath("samples"))
    with open_store(settings.db) as store:
        ingest(read_sources([samples]), store, settings, embedder)
        stories = [[Path(row["path"]).name[:3] for row in story["articles"]] for story in store.story_rows()]
    return sorted(sorted(story) for story in stories)


def main(path: str, lengths: list[int]) -> None:
    pairs = read_pairs(Path(path))
    embedder = make_embedder("e5-small")
    for chars in lengths:
        with tempfile.TemporaryDirectory() as folder:
            settings = load_settings(Path(folder) / "eval.db", environ={}).with_changes(max_embed_chars=chars or WHOLE)
            with open_store(settings.db) as store:
                result = evaluate_pairs(pairs, store, settings, embedder, baseline=True)
                _fitted, cv = fit_grouping(pair_rows(pairs, store, settings), settings.grouping)
            seeds = seed_stories(settings.with_changes(db=Path(folder) / "seeds.db"), embedder)
        summary = {
            "chars": chars or "whole",
            "f1": result["f1"],
            "pearson": result["pearson"],
            "cv_f1": f"{cv['cv_f1_mean']:.3f} ± {cv['cv_f1_std']:.3f}",
            "cv_pearson": f"{cv['cv_pearson_mean']:.3f} ± {cv['cv_pearson_std']:.3f}",
            "cosine_f1": result["baseline"]["f1"],
            "cosine_pearson": result["baseline"]["pearson"],
            "articles_per_second": result["articles_per_second"],
            "seed_stories": seeds,
        }
        print(json.dumps(summary, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], [int(value) for value in sys.argv[2:]] or [300, 600, 0])
