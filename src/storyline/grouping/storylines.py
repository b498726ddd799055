"""Storylines: stories that share their main actors and follow one another in time.

Reads story states (centroid, entity profile, dates); returns links and storylines. Two stories
are linked when both are dated, lie within ``max_gap_days`` of each other, share at least
``min_shared_entities`` entity keys with enough weight, and mean much the same; linked stories
form storylines (connected components), ordered in time.

The map keeps them incrementally: only stories that changed are linked again, against the
stories that share one of their ``probe_keys`` (a prefix filter: a story sharing none of them
cannot reach ``min_entity_overlap``), and only the storylines they touch are recomputed.
``link_storylines`` is the from-scratch reference the incremental path
(``storyline_updates``) must equal.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import numpy as np

from storyline.grouping.evidence import EntityStats, entity_overlap
from storyline.grouping.outline_table import UNDATED, Outlines, OutlineTable
from storyline.grouping.story_index import StoryState
from storyline.models import Storyline, StorylineLink
from storyline.settings import StorylineSettings

TOP_ENTITIES = 6
MAX_PROBE_KEYS = 20  # a story with a very long tail of entities is probed on its heaviest ones


def link_storylines(states: Sequence[StoryState], stats: EntityStats, settings: StorylineSettings) -> list[Storyline]:
    """Every pair compared: the reference for the incremental path (and fine for a few thousand stories)."""
    dated = sorted((state for state in states if state.first is not None), key=lambda s: (s.first, s.id))
    links = []
    for position, earlier in enumerate(dated):
        for later in dated[position + 1 :]:
            link = story_link(earlier, later, stats, settings)
            if link is not None:
                links.append(link)
    by_id = {state.id: state for state in dated}
    groups = components({state.id for state in dated}, [(link.earlier, link.later) for link in links])
    ordered = sorted(groups, key=lambda group: min((by_id[i].first, i) for i in group))
    storylines = []
    for number, group in enumerate(ordered, start=1):
        story_ids = sorted(group, key=lambda i: (by_id[i].first, i))
        storylines.append(
            Storyline(
                id=number,
                story_ids=tuple(story_ids),
                links=tuple(link for link in links if link.earlier in group),
                entities=common_entities([by_id[i].entity_counts for i in story_ids], stats),
            )
        )
    return storylines


def story_link(
    first: StoryState, second: StoryState, stats: EntityStats, settings: StorylineSettings
) -> StorylineLink | None:
    """The link between two dated stories, earlier first, or None when they do not continue one another."""
    if not close_enough(first, second, settings):
        return None
    earlier, later = sorted((first, second), key=lambda state: (state.first, state.id))
    gap = story_gap(earlier, later)
    similarity = float(np.dot(earlier.centroid, later.centroid))
    cross_lingual = (
        bool(earlier.languages and later.languages) and not earlier.languages.keys() & later.languages.keys()
    )
    overlap, shared = entity_overlap(earlier.profile(), later.profile(), stats, cross_lingual)
    if len(shared) < settings.min_shared_entities or overlap < settings.min_entity_overlap:
        return None
    return StorylineLink(earlier.id, later.id, shared[:TOP_ENTITIES], round(similarity, 4), gap)


class Dated(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def first(self) -> dt.date | None: ...

    @property
    def last(self) -> dt.date | None: ...

    @property
    def centroid(self) -> np.ndarray: ...


def story_gap(earlier: Dated, later: Dated) -> float:
    assert earlier.last is not None and later.first is not None
    return max(0.0, float((later.first - earlier.last).days))


def close_enough(first: Dated, second: Dated, settings: StorylineSettings) -> bool:
    """The conditions of a link that need no entities: both dated, near in time, near in meaning."""
    if first.first is None or second.first is None or first.id == second.id:
        return False
    earlier, later = sorted((first, second), key=lambda state: (state.first, state.id))
    if story_gap(earlier, later) > settings.max_gap_days:
        return False
    return float(np.dot(earlier.centroid, later.centroid)) >= settings.min_similarity


def near_stories(states: Sequence[Dated], others: Sequence[Dated], settings: StorylineSettings) -> dict[int, set[int]]:
    """Per id of ``states``, the ids among ``others`` that ``close_enough`` could accept, computed
    for all at once (a hair of tolerance on the cosine: ``story_link`` decides exactly)."""
    dated = [other for other in others if other.first is not None]
    table = OutlineTable(len(dated[0].centroid) if dated else 0, capacity=max(1, len(dated)))
    table.put(Outlines.of([(o.id, o.first, o.last) for o in dated], [o.centroid for o in dated], table.dim))
    everything = table.rows_of(table.row)
    return {state.id: found for state in states if (found := near(table, state, settings, everything))}


def near(table: OutlineTable, state: Dated, settings: StorylineSettings, rows: np.ndarray) -> set[int]:
    """The ids of the table's ``rows`` that ``close_enough`` could accept for ``state``."""
    if state.first is None or state.last is None or not len(rows):
        return set()
    firsts, lasts, ids = table.firsts[rows], table.lasts[rows], table.ids[rows]
    mine_first, mine_last = state.first.toordinal(), state.last.toordinal()
    dated = firsts != UNDATED
    firsts, lasts = np.where(dated, firsts, mine_first), np.where(dated, lasts, mine_first)
    earlier = (firsts < mine_first) | ((firsts == mine_first) & (ids < state.id))
    gaps = np.where(earlier, mine_first - lasts, firsts - mine_last).clip(min=0)
    keep = dated & (gaps <= settings.max_gap_days) & (ids != state.id)
    similarity = table.centroids[rows[keep]] @ state.centroid
    found = ids[keep][similarity >= settings.min_similarity - 1e-4]
    return {int(story_id) for story_id in found}


def probe_keys(state: StoryState, stats: EntityStats, settings: StorylineSettings) -> list[str]:
    """The keys a linked story must share at least one of.

    By Cauchy-Schwarz the overlap with any story is at most sqrt(mass of the shared keys) / |profile|,
    where a key's mass is (share x weight)^2. So the most common keys, whose mass adds up to less
    than ``min_entity_overlap``^2 of the total, can be left out: a story sharing only those cannot
    be linked. The rest, heaviest first, at most ``MAX_PROBE_KEYS``.
    """
    profile = state.profile()
    stats.prefetch(profile)
    mass = {key: (share * stats.weight(key)) ** 2 for key, share in profile.items()}
    total = sum(mass.values())
    skippable = settings.min_entity_overlap**2 * total
    skipped = 0.0
    kept = []
    for key in sorted(mass, key=lambda key: (mass[key], key)):
        if skipped + mass[key] < skippable:
            skipped += mass[key]
        else:
            kept.append(key)
    kept.sort(key=lambda key: (-mass[key], key))
    return kept[:MAX_PROBE_KEYS]


def links_between(
    pairs: Iterable[tuple[StoryState, StoryState]], stats: EntityStats, settings: StorylineSettings
) -> list[StorylineLink]:
    """The links among the given pairs of stories (each pair once, whatever its order)."""
    found: dict[tuple[int, int], StorylineLink] = {}
    for state, other in pairs:
        link = story_link(state, other, stats, settings)
        if link is not None:
            found[(link.earlier, link.later)] = link
    return list(found.values())


def components(nodes: Iterable[int], links: Iterable[tuple[int, int]]) -> list[set[int]]:
    """Connected groups of two or more stories (``links``: (earlier, later) story pairs)."""
    parent: dict[int, int] = {node: node for node in nodes}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for earlier, later in links:
        parent[root(later)] = root(earlier)
    groups: dict[int, set[int]] = {}
    for node in list(parent):
        groups.setdefault(root(node), set()).add(node)
    return [group for group in groups.values() if len(group) > 1]


def pieces(members: Iterable[int], links: Iterable[tuple[int, int]]) -> list[set[int]]:
    """A storyline's stories grouped by what its own links join, largest first (then by first id):
    one group when the storyline hangs together."""
    stories = set(members)
    joined = components(stories, [(a, b) for a, b in links if a in stories and b in stories])
    alone = stories.difference(*joined) if joined else stories
    return sorted([*joined, *({story} for story in alone)], key=lambda group: (-len(group), min(group)))


def common_entities(profiles: Sequence[Mapping[str, int]], stats: EntityStats) -> tuple[str, ...]:
    """Keys named by more than one story, most stories first, then rarest."""
    counts: Counter[str] = Counter()
    for profile in profiles:
        counts.update(profile.keys())
    shared = [key for key, count in counts.items() if count > 1]
    stats.prefetch(shared)
    return tuple(sorted(shared, key=lambda k: (-counts[k], -stats.weight(k), k))[:TOP_ENTITIES])


def gap_reach(settings: StorylineSettings) -> int:
    """Days around a story in which a linked story can lie."""
    return int(math.ceil(settings.max_gap_days))
