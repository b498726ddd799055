"""Timelines: dated statements of several articles merged into one entry per event.

Two statements are the same event when they name the same date at the same precision and
share an entity (a person, place or organisation, matched across scripts), come from the
same article, or are the same sentence. A statement written with a day and month but no year
("15 серпня") in an undated article takes its year from the story's dates (shown as
``year_inferred``).

A sentence has one date: of the dates it names, the event's (one not after its article's own
date, the most precise, the first written) rather than a plan it mentions. The same sentence in
several articles has one date too: the one read against the earliest article (a copy published
later would place "on Thursday" a week later). A date after every reporting article's own date is
a plan, not an event: its entry is marked ``planned``. Sources that name a person are speakers,
shown apart from the outlets and agencies that reported.
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
    person_name: Callable[[str, str], str | None] = lambda _article, _name: None,
    entity_of: Callable[[str, str], int | None] = lambda _article, _key: None,
) -> list[TimelineEntry]:
    """Entries in date order. ``reference(article_id)`` dates an undated article's story;
    ``entity_name(article_id, key)`` names an entity key; ``person_name(article_id, name)`` tells a
    source that is a person (a speaker) from an outlet or agency: the person's entity name, or None;
    ``entity_of(article_id, key)`` is the entity a key links to there, where the store linked it (an
    entity shared across scripts whose keys differ, 特朗普 and Trump, makes one event as a key does)."""
    dated = [placed for statement in statements if (placed := _place(statement, reference)) is not None]
    dated = _one_date_per_text(_one_date_per_sentence(dated, facts), facts)
    groups: dict[tuple[dt.date, str], list[DatedStatement]] = {}
    for statement in dated:
        assert statement.date is not None
        groups.setdefault((statement.date, statement.precision), []).append(statement)
    entries = []
    for (date, precision), group in groups.items():
        for cluster in _same_events(group, entity_of):
            entries.append(_entry(date, precision, cluster, facts, entity_name, person_name))
    entries.sort(key=lambda e: (e.date, _PRECISION_ORDER.get(e.precision, 9), -len(e.articles), e.text))
    return entries


def is_planned(statement: DatedStatement, facts: dict[str, ArticleFacts]) -> bool:
    """Whether the statement's date (the start of its period) lies after its article's own date."""
    fact = facts.get(statement.article_id)
    return bool(fact and fact.published and statement.date and statement.date > fact.published)


def _one_date_per_sentence(statements: list[DatedStatement], facts: dict[str, ArticleFacts]) -> list[DatedStatement]:
    """Of the dates one sentence names, the event's: not a plan if it names an event, then the most
    precise, then the first written. A period still going on when the article was written ("this
    week") is no event beside a plan in the same sentence ("not next week, but they could talk again
    this week"): the sentence speaks of what is to come."""
    best: dict[tuple[str, int], tuple[tuple[bool, int, int], DatedStatement]] = {}
    plans: dict[tuple[str, int], DatedStatement] = {}
    for number, statement in enumerate(statements):
        planned = is_planned(statement, facts)
        rank = (planned, -_PRECISION_ORDER.get(statement.precision, -1), number)
        place = (statement.article_id, statement.position)
        if place not in best or rank < best[place][0]:
            best[place] = (rank, statement)
        if planned:
            plans.setdefault(place, statement)
    return [
        plans[place] if place in plans and _going_on(statement, facts) else statement
        for place, (_rank, statement) in best.items()
    ]


def _going_on(statement: DatedStatement, facts: dict[str, ArticleFacts]) -> bool:
    """Whether the statement names a week, month or year that holds its article's own date."""
    fact = facts.get(statement.article_id)
    if not (fact and fact.published and statement.date) or statement.precision == "day":
        return False
    return statement.date <= fact.published <= _period_end(statement.date, statement.precision)


def _period_end(start: dt.date, precision: str) -> dt.date:
    if precision == "week":
        return start + dt.timedelta(days=6)
    if precision == "month":
        following = start.replace(day=28) + dt.timedelta(days=4)
        return following - dt.timedelta(days=following.day)
    return start.replace(month=12, day=31)


def _one_date_per_text(statements: list[DatedStatement], facts: dict[str, ArticleFacts]) -> list[DatedStatement]:
    """The same sentence in several articles takes one date: a written date before one read against
    an article's date, then the one read against the earliest article."""

    def rank(statement: DatedStatement) -> tuple[bool, dt.date, int]:
        fact = facts.get(statement.article_id)
        published = fact.published if fact and fact.published else dt.date.max
        return (statement.relative, published, fact.order if fact else 1 << 30)

    chosen: dict[str, DatedStatement] = {}
    for statement in statements:
        text = same_text(statement.text)
        if text not in chosen or rank(statement) < rank(chosen[text]):
            chosen[text] = statement
    placed = []
    for statement in statements:
        winner = chosen[same_text(statement.text)]
        if (winner.date, winner.precision) != (statement.date, statement.precision):
            statement = dataclasses.replace(statement, date=winner.date, precision=winner.precision)
        placed.append(statement)
    return placed


def same_text(text: str) -> str:
    """A sentence as compared across articles (case and spacing aside)."""
    return " ".join(text.casefold().split())


def _place(statement: DatedStatement, reference: Callable[[str], dt.date | None]) -> DatedStatement | None:
    if statement.date is not None:
        return statement
    if statement.month is None:
        return None
    expression = Expression(statement.expression, statement.precision, None, statement.month, statement.day)
    date = resolve(expression, reference(statement.article_id))
    return dataclasses.replace(statement, date=date) if date else None


def _same_events(
    group: list[DatedStatement], entity_of: Callable[[str, str], int | None] = lambda _article, _key: None
) -> list[list[DatedStatement]]:
    """Union-find over statements of one date: a shared entity (by key, or by the entity the store
    linked the key to), the same article or the same sentence joins them."""
    parent = list(range(len(group)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    # each statement joins the first one seen with its article or any of its entity keys: the same
    # components as comparing every pair, in time linear in the statements (a storyline's date can hold
    # thousands of them)
    first_with: dict[tuple[str, object], int] = {}
    for index, statement in enumerate(group):
        marks: list[tuple[str, object]] = [("article", statement.article_id), ("text", same_text(statement.text))]
        marks += [("key", key) for key in statement.entity_keys]
        linked = (entity_of(statement.article_id, key) for key in statement.entity_keys)
        marks += [("entity", entity) for entity in linked if entity is not None]
        for mark in marks:
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
    person_name: Callable[[str, str], str | None],
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
    named = _distinct(source for statement in cluster for source in statement.sources)
    persons = {(s.article_id, name): person_name(s.article_id, name) for s in cluster for name in s.sources}
    people = {name.casefold() for (_article, name), person in persons.items() if person is not None}
    return TimelineEntry(
        date=date,
        precision=precision,
        text=first.text,
        language=facts[first.article_id].language if first.article_id in facts else None,
        entities=tuple(name for name, _ in names.most_common()),
        articles=tuple(articles),
        sources=tuple(name for name in named if name.casefold() not in people),
        outlets=_distinct(facts[a].outlet or "" for a in articles if a in facts),
        statements=tuple(cluster),
        speakers=_distinct(person for person in persons.values() if person is not None),  # one name a person
        planned=all(is_planned(statement, facts) for statement in cluster),
    )


def _distinct(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())
