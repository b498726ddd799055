"""Timelines: dated statements of several articles merged into one entry per event.

Two statements are the same event when they name the same date at the same precision and
share an entity (a person, place or organisation, matched across scripts), or come from the
same article. A statement written with a day and month but no year ("15 серпня") in an
undated article takes its year from the story's dates (shown as ``year_inferred``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from storyline.models import DatedStatement, TimelineEntry
from storyline.stages.date_expressions import Expression, resolve

_PRECISION_ORDER = {"year": 0, "month": 1, "week": 2, "day": 3}


@dataclass(frozen=True)
class ArticleFacts:
    """What a timeline needs to know about an article."""

    id: str
    language: str | None
    published: dt.date | None
    outlet: str | None
    order: int  # position in the story (earlier articles first)


def build_timeline(
    statements: Sequence[DatedStatement],
    facts: dict[str, ArticleFacts],
    reference: Callable[[str], dt.date | None],
    entity_name: Callable[[str, str], str],
) -> list[TimelineEntry]:
    """Entries in date order. ``reference(article_id)`` dates an undated article's story;
    ``entity_name(article_id, key)`` names an entity key."""
    dated = [placed for statement in statements if (placed := _place(statement, reference)) is not None]
    groups: dict[tuple[dt.date, str], list[DatedStatement]] = {}
    for statement in dated:
        assert statement.date is not None
        groups.setdefault((statement.date, statement.precision), []).append(statement)
    entries = []
    for (date, precision), group in groups.items():
        for cluster in _same_events(group):
            entries.append(_entry(date, precision, cluster, facts, entity_name))
    entries.sort(key=lambda e: (e.date, _PRECISION_ORDER.get(e.precision, 9), -len(e.articles), e.text))
    return entries


def _place(statement: DatedStatement, reference: Callable[[str], dt.date | None]) -> DatedStatement | None:
    if statement.date is not None:
        return statement
    if statement.month is None:
        return None
    expression = Expression(statement.expression, statement.precision, None, statement.month, statement.day)
    date = resolve(expression, reference(statement.article_id))
    return dataclasses.replace(statement, date=date) if date else None


def _same_events(group: list[DatedStatement]) -> list[list[DatedStatement]]:
    """Union-find over statements of one date: a shared entity or the same article joins them."""
    parent = list(range(len(group)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    # each statement joins the first one seen with its article or any of its entity keys: the same
    # components as comparing every pair, in time linear in the statements (a storyline's date can hold
    # thousands of them)
    first_with: dict[tuple[str, str], int] = {}
    for index, statement in enumerate(group):
        for mark in (("article", statement.article_id), *(("key", key) for key in statement.entity_keys)):
            earlier = first_with.setdefault(mark, index)
            if earlier != index:
                parent[root(index)] = root(earlier)
    clusters: dict[int, list[DatedStatement]] = {}
    for index, statement in enumerate(group):
        clusters.setdefault(root(index), []).append(statement)
    return list(clusters.values())


def _entry(
    date: dt.date,
    precision: str,
    cluster: list[DatedStatement],
    facts: dict[str, ArticleFacts],
    entity_name: Callable[[str, str], str],
) -> TimelineEntry:
    def order(statement: DatedStatement) -> tuple[int, int]:
        fact = facts.get(statement.article_id)
        return (fact.order if fact else 1 << 30, statement.position)

    cluster = sorted(cluster, key=order)
    first = cluster[0]
    names: Counter[str] = Counter()
    for statement in cluster:
        for key in statement.entity_keys:
            names[entity_name(statement.article_id, key)] += 1
    articles = list(dict.fromkeys(statement.article_id for statement in cluster))
    return TimelineEntry(
        date=date,
        precision=precision,
        text=first.text,
        language=facts[first.article_id].language if first.article_id in facts else None,
        entities=tuple(name for name, _ in names.most_common()),
        articles=tuple(articles),
        sources=_distinct(source for statement in cluster for source in statement.sources),
        outlets=_distinct(facts[a].outlet or "" for a in articles if a in facts),
        statements=tuple(cluster),
    )


def _distinct(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())
