"""`storyline eval pairs`: the story map against human-labeled article pairs.

Every article of the pair file is ingested, in file order, as one stream into a fresh store,
through the same pipeline and grouping as ``storyline ingest``. A pair is predicted "same
story" when both articles ended up in the same story; the pair's similarity is the same
combined evidence the grouping decides on.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyline.evaluation import metrics
from storyline.grouping.evidence import EntityStats, cosine, gap_in_days, weigh_evidence
from storyline.grouping.stories import is_cross_lingual
from storyline.ingest.identity import content_hash
from storyline.ingest.records import record_to_article
from storyline.models import Article
from storyline.pipeline import Store, ingest
from storyline.settings import Settings
from storyline.stages.embed import Embedder


class EvalStore(Store, Protocol):
    """What evaluation reads back from the store it ingested into."""

    def resolve_article(self, article_id: str, url: str | None, text_hash: str) -> str | None: ...

    def article_facts(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]: ...

    def article_vectors(self, article_ids: Sequence[str]) -> dict[str, np.ndarray]: ...

    def article_entity_keys(self, article_ids: Sequence[str]) -> dict[str, set[str]]: ...

    def entity_stats(self, keys: Sequence[str] | None = None) -> EntityStats: ...

    def counts(self) -> dict[str, int]: ...


class PairFileError(ValueError):
    """The pair file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class LabeledPair:
    id: str
    a: Article
    b: Article
    score: float | None  # 1 = same event ... 4 = unrelated
    label: int | None  # 1 same story, 0 different


def read_pairs(path: Path, limit: int | None = None) -> list[LabeledPair]:
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                pairs.append(_pair(json.loads(line), str(path)))
            except (ValueError, KeyError, TypeError) as error:
                raise PairFileError(f"{path}:{number}: {error}") from error
            if limit is not None and len(pairs) >= limit:
                break
    return pairs


def _pair(record: dict[str, Any], path: str) -> LabeledPair:
    sides = []
    for side in ("a", "b"):
        raw = record[side]
        fields = {
            "id": raw["id"],
            "text": raw["text"],
            "title": raw.get("title"),
            "url": raw.get("url"),
            "language": raw.get("lang"),
        }
        sides.append(record_to_article({k: v for k, v in fields.items() if v is not None}, path))
    score = record.get("score")
    label = record.get("label")
    return LabeledPair(
        id=str(record.get("id") or f"{sides[0].id}_{sides[1].id}"),
        a=sides[0],
        b=sides[1],
        score=float(score) if score is not None else None,
        label=int(label) if label is not None else None,
    )


def articles_in_order(pairs: Sequence[LabeledPair]) -> list[Article]:
    """Each article once, in the order the file first mentions it."""
    seen: dict[str, Article] = {}
    for pair in pairs:
        for article in (pair.a, pair.b):
            seen.setdefault(article.id, article)
    return list(seen.values())


def evaluate_pairs(
    pairs: Sequence[LabeledPair],
    store: EvalStore,
    settings: Settings,
    embedder: Embedder,
    baseline: bool = False,
    on_progress: Callable[[int], None] = lambda _n: None,
) -> dict[str, Any]:
    """Ingest the pairs' articles as one stream, then score the stories against the labels."""
    started = time.perf_counter()
    articles = articles_in_order(pairs)
    report = ingest(articles, store, settings, embedder, on_progress=on_progress)
    seconds = time.perf_counter() - started
    rows = pair_rows(pairs, store, settings)
    result = summarise(rows, include_baseline=baseline)
    result.update(
        {
            "pairs": len(pairs),
            "articles": len(articles),
            "stored": report.stored,
            "stories": store.counts()["stories"],
            "articles_per_second": round(len(articles) / seconds, 2) if seconds else None,
            "seconds": round(seconds, 1),
            "embedder": embedder.name,
        }
    )
    return result


def pair_rows(pairs: Sequence[LabeledPair], store: EvalStore, settings: Settings) -> list[dict[str, Any]]:
    """One row per pair whose articles are both stored: the evidence, the decision, the labels."""
    stored = {a.id: store.resolve_article(a.id, a.url, content_hash(a.text)) for a in articles_in_order(pairs)}
    ids = sorted({value for value in stored.values() if value})
    facts = store.article_facts(ids)
    vectors = store.article_vectors(ids)
    keys = store.article_entity_keys(ids)
    stats = store.entity_stats(sorted(set().union(*keys.values())))
    rows = []
    for pair in pairs:
        left, right = stored.get(pair.a.id), stored.get(pair.b.id)
        if left and right:
            rows.append(_pair_row(pair, left, right, facts, vectors, keys, stats, settings))
    return rows


def _pair_row(
    pair: LabeledPair,
    left: str,
    right: str,
    facts: dict[str, dict[str, Any]],
    vectors: dict[str, np.ndarray],
    keys: dict[str, set[str]],
    stats: EntityStats,
    settings: Settings,
) -> dict[str, Any]:
    left_date, right_date = _day(facts[left]["published"]), _day(facts[right]["published"])
    left_language = pair.a.metadata.get("declared_language") or facts[left]["language"]
    right_language = pair.b.metadata.get("declared_language") or facts[right]["language"]
    evidence = weigh_evidence(
        cosine(vectors[left], vectors[right]),
        {key: 1.0 for key in keys[left]},
        {key: 1.0 for key in keys[right]},
        gap_in_days(left_date, right_date, right_date),
        stats,
        settings.grouping,
        cross_lingual=is_cross_lingual(left_language, [right_language] if right_language else []),
    )
    return {
        "id": pair.id,
        "languages": "-".join(sorted([left_language or "?", right_language or "?"])),
        "same_story": facts[left]["story_id"] == facts[right]["story_id"],
        "similarity": evidence.score,
        "cosine": evidence.similarity,
        "entity_overlap": evidence.entity_overlap,
        "cross_lingual": evidence.cross_lingual,
        "gap_days": evidence.gap_days,
        "score": pair.score,
        "label": pair.label,
    }


def summarise(rows: Sequence[dict[str, Any]], include_baseline: bool = False) -> dict[str, Any]:
    """Overall figures, intervals and the breakdown by language pair."""
    result = _figures(rows, with_intervals=True)
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row["languages"], []).append(row)
    result["by_language"] = {name: _figures(group, with_intervals=False) for name, group in sorted(groups.items())}
    if include_baseline:
        result["baseline"] = _baseline(rows)
    return result


def _figures(rows: Sequence[dict[str, Any]], with_intervals: bool) -> dict[str, Any]:
    labeled = [row for row in rows if row["label"] is not None]
    scored = [row for row in rows if row["score"] is not None]
    predicted = np.array([row["same_story"] for row in labeled], dtype=bool)
    gold = np.array([row["label"] == 1 for row in labeled], dtype=bool)
    figures: dict[str, Any] = {"pairs": len(rows), "labeled": len(labeled), "scored": len(scored)}
    figures.update({k: round(v, 4) for k, v in metrics.classification(predicted.tolist(), gold.tolist()).items()})
    events = metrics.event_level([row["same_story"] for row in scored], [row["score"] for row in scored])
    figures["event_pairs"] = int(events["event_pairs"])
    figures["event_precision"] = round(events["event_precision"], 4)
    figures["event_recall"] = round(events["event_recall"], 4)
    similarity = np.array([row["similarity"] for row in scored], dtype=float)
    target = -np.array([row["score"] for row in scored], dtype=float)
    figures["pearson"] = _rounded(metrics.pearson(similarity, target)) if scored else None
    figures["spearman"] = _rounded(metrics.spearman(similarity, target)) if scored else None
    if with_intervals:
        figures["intervals"] = {
            "f1": metrics.bootstrap_interval(predicted, gold, metrics.f1_score),
            "pearson": metrics.bootstrap_interval(similarity, target, metrics.pearson) if scored else None,
        }
    return figures


def _baseline(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Plain embedding cosine: correlations, and F1 at the best threshold (an oracle)."""
    labeled = [row for row in rows if row["label"] is not None]
    scored = [row for row in rows if row["score"] is not None]
    cosine = np.array([row["cosine"] for row in labeled], dtype=float)
    gold = np.array([row["label"] == 1 for row in labeled], dtype=bool)
    f1, threshold = metrics.best_threshold_f1(cosine, gold) if labeled else (0.0, 0.0)
    chosen = metrics.classification((cosine >= threshold).tolist(), gold.tolist()) if labeled else {}
    scored_cosine = np.array([row["cosine"] for row in scored], dtype=float)
    target = -np.array([row["score"] for row in scored], dtype=float)
    return {
        "f1": round(f1, 4),
        "precision": round(chosen.get("precision", 0.0), 4),
        "recall": round(chosen.get("recall", 0.0), 4),
        "threshold": round(threshold, 4),
        "pearson": _rounded(metrics.pearson(scored_cosine, target)) if scored else None,
        "spearman": _rounded(metrics.spearman(scored_cosine, target)) if scored else None,
    }


def _rounded(value: float) -> float | None:
    return None if np.isnan(value) else round(value, 4)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
