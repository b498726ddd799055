"""How far the bundled models' signals go: candidate pair signals, alone and added to the shipped ones.

Usage: python benchmarks/signal_ceiling.py PAIRS.jsonl

Ingests the pair file's articles with the shipped settings (the shipped lead cosine, the entity overlap and
the cross-lingual flag come from that store, exactly as `storyline eval pairs` computes them), then computes
further views of every article with the bundled models and prints one markdown table row per signal:

- alone: Pearson against -score and F1 at the best threshold (an oracle: it sees the labels);
- added to the shipped features: cross-validated F1 at probability 0.5, F1 with the threshold chosen in
  each fold's training rows, and the held-out probability's Pearson (10 folds x 5 repeats, mean);
- the same, fitted to the graded scores instead of the binary labels.

Signals: e5 on title + whole text; e5 on the title alone; e5 on the text after the lead; Universal Sentence
Encoder (use-m3) on the lead; the lead's tokens pooled from one pass over title + 1,500 characters (the lead
read in its context); token alignment (BERTScore-style greedy matching of e5's last-layer token vectors,
idf-weighted); the lead cosine after subtracting each language's mean vector (means over the whole file,
future articles included: an upper bound for a streaming version). Text as read from the file (the
shipped cosine embeds the cleaned text). About 15 minutes on 2 cores.
"""

from __future__ import annotations

import math
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from storyline.encoders.e5_encoder import PASSAGE_PREFIX, E5Encoder
from storyline.evaluation import metrics
from storyline.evaluation.fit import cross_validate
from storyline.evaluation.pairs import LabeledPair, articles_in_order, evaluate_pairs, pair_rows, read_pairs
from storyline.models import Article
from storyline.settings import load_settings
from storyline.stages.embed import embedding_text, make_embedder, normalise_rows
from storyline.store import open_store

LEAD = 600
CONTEXT = 1500
SHIPPED = ("cosine", "entity_overlap", "cross_lingual")
COLUMNS = ("CV F1 (p 0.5)", "CV F1 (tuned)", "CV Pearson", "graded F1 (p 0.5 / tuned)", "graded Pearson")


def article_views(articles: Sequence[Article], encoder: E5Encoder) -> dict[str, np.ndarray]:
    """One unit vector per article for each whole-vector view."""

    def e5(texts: list[str]) -> np.ndarray:
        return encoder.embed(texts, PASSAGE_PREFIX)

    views = {
        "e5 title + whole text": e5([embedding_text(a, 10**9) for a in articles]),
        "e5 title only": e5([a.title or a.text[:150] for a in articles]),
        "e5 text after the lead": e5([a.text[LEAD:] or a.text for a in articles]),
        "use-m3 lead": make_embedder("use-m3").embed([embedding_text(a, LEAD) for a in articles]),
        "e5 lead read in context": lead_in_context(articles, encoder),
    }
    return views


def lead_in_context(articles: Sequence[Article], encoder: E5Encoder) -> np.ndarray:
    """Mean of the lead's token states from one pass over title + CONTEXT characters."""
    states = encoder.token_states([embedding_text(a, CONTEXT) for a in articles], PASSAGE_PREFIX)
    vectors = []
    for article, state in zip(articles, states, strict=True):
        lead_tokens = len(encoder.tokenizer.content_ids(PASSAGE_PREFIX + embedding_text(article, LEAD)))
        vectors.append(state[: lead_tokens + 1].mean(axis=0))  # the begin marker and the lead's pieces
    return normalise_rows(np.stack(vectors))


def token_alignment(articles: Sequence[Article], encoder: E5Encoder) -> Callable[[int, int], float]:
    """BERTScore-style F between two articles' lead tokens (centred, idf-weighted), by article position."""
    texts = [embedding_text(a, LEAD) for a in articles]
    states = encoder.token_states(texts, PASSAGE_PREFIX)
    prefix = len(encoder.tokenizer.content_ids(PASSAGE_PREFIX.rstrip()))  # its space joins the next word
    ids = [np.array(encoder.tokenizer.content_ids(PASSAGE_PREFIX + t)[prefix:], dtype=np.int64) for t in texts]
    kept = [state[1 + prefix : -1] for state in states]  # without the markers and the prefix
    centre = np.concatenate([k for k in kept if len(k)]).mean(axis=0)
    unit = [normalise_rows(k - centre) for k in kept]
    frequency = Counter(piece for row in ids for piece in set(row.tolist()))
    idf = [np.array([math.log((len(ids) + 1) / (frequency[p] + 1)) for p in row.tolist()]) for row in ids]

    def score(left: int, right: int) -> float:
        if not len(unit[left]) or not len(unit[right]):
            return 0.0
        similarity = unit[left] @ unit[right].T
        recall = float((similarity.max(axis=1) * idf[left]).sum() / max(idf[left].sum(), 1e-9))
        precision = float((similarity.max(axis=0) * idf[right]).sum() / max(idf[right].sum(), 1e-9))
        return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0

    return score


def language_centred(vectors: np.ndarray, languages: Sequence[str]) -> np.ndarray:
    centred = vectors.astype(np.float64).copy()
    names = np.array(languages)
    for language in set(languages):
        centred[names == language] -= vectors[names == language].mean(axis=0)
    return normalise_rows(centred)


def evaluate(features: np.ndarray, labels: np.ndarray, scores: np.ndarray) -> list[str]:
    standard = (features - features.mean(axis=0)) / (features.std(axis=0) + 1e-9)
    binary = cross_validate(standard, labels, scores)
    tuned = cross_validate(standard, labels, scores, tune_threshold=True)
    graded = cross_validate(standard, labels, scores, graded=True)
    graded_tuned = cross_validate(standard, labels, scores, graded=True, tune_threshold=True)
    return [
        f"{np.mean(binary.f1):.3f} ± {np.std(binary.f1):.3f}",
        f"{np.mean(tuned.f1):.3f}",
        f"{np.mean(binary.pearson_probability):.3f}",
        f"{np.mean(graded.f1):.3f} / {np.mean(graded_tuned.f1):.3f}",
        f"{np.mean(graded.pearson_probability):.3f}",
    ]


def main(path: str) -> None:
    pairs = read_pairs(Path(path))
    articles = articles_in_order(pairs)
    position = {article.id: index for index, article in enumerate(articles)}
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(Path(folder) / "eval.db", environ={})
        with open_store(settings.db) as store:
            evaluate_pairs(pairs, store, settings, make_embedder("e5-small"))
            rows = pair_rows(pairs, store, settings)
    by_id = {pair.id: pair for pair in pairs}
    kept: list[LabeledPair] = [by_id[row["id"]] for row in rows]
    left = np.array([position[pair.a.id] for pair in kept])
    right = np.array([position[pair.b.id] for pair in kept])
    labels = np.array([-1 if row["label"] is None else int(row["label"]) for row in rows])
    scores = np.array([np.nan if row["score"] is None else float(row["score"]) for row in rows])
    shipped = np.array([[float(row[name]) for name in SHIPPED] for row in rows])

    encoder = E5Encoder()
    signals = {name: (v[left] * v[right]).sum(axis=1) for name, v in article_views(articles, encoder).items()}
    align = token_alignment(articles, encoder)
    signals["e5 lead token alignment"] = np.array([align(a, b) for a, b in zip(left, right, strict=True)])
    lead = encoder.embed([embedding_text(a, LEAD) for a in articles], PASSAGE_PREFIX)
    centred = language_centred(lead, [str(a.metadata.get("declared_language") or a.language) for a in articles])
    signals["e5 lead, language means removed"] = (centred[left] * centred[right]).sum(axis=1)

    labeled, scored = labels >= 0, ~np.isnan(scores)
    print_row(["signal", "Pearson alone", "oracle F1 alone", *COLUMNS])
    print_row(["---"] * (3 + len(COLUMNS)))
    print_row(["shipped: lead cosine + entities + cross-lingual", "", "", *evaluate(shipped, labels, scores)])
    for name, values in signals.items():
        pearson = metrics.pearson(values[scored], -scores[scored])
        oracle_f1, _threshold = metrics.best_threshold_f1(values[labeled], labels[labeled] == 1)
        added = evaluate(np.column_stack([shipped, values]), labels, scores)
        print_row([f"+ {name}", f"{pearson:.3f}", f"{oracle_f1:.3f}", *added])
    everything = np.column_stack([shipped, *signals.values()])
    print_row(["shipped + every signal above", "", "", *evaluate(everything, labels, scores)])


def print_row(cells: Sequence[str]) -> None:
    print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
