"""Storylines: stories that share their main actors and follow one another in time.

Reads story states (centroid, entity profile, dates); returns ``Storyline`` records. Two
stories are linked when both are dated, lie within ``max_gap_days`` of each other, share at
least ``min_shared_entities`` entity keys with enough weight, and mean much the same; linked
stories form storylines (connected components), ordered in time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.grouping.evidence import EntityStats, entity_overlap
from storyline.grouping.stories import StoryState
from storyline.models import Storyline, StorylineLink
from storyline.settings import StorylineSettings

_TOP_ENTITIES = 6


def link_storylines(states: Sequence[StoryState], stats: EntityStats, settings: StorylineSettings) -> list[Storyline]:
    dated = sorted((state for state in states if state.first is not None), key=lambda s: (s.first, s.id))
    links = []
    for position, earlier in enumerate(dated):
        for later in dated[position + 1 :]:
            link = _link(earlier, later, stats, settings)
            if link is not None:
                links.append(link)
    return _components(links, {state.id: state for state in dated}, stats)


def _link(
    earlier: StoryState, later: StoryState, stats: EntityStats, settings: StorylineSettings
) -> StorylineLink | None:
    assert earlier.last is not None and later.first is not None
    gap = max(0.0, float((later.first - earlier.last).days))
    if gap > settings.max_gap_days:
        return None
    overlap, shared = entity_overlap(earlier.profile(), later.profile(), stats)
    if len(shared) < settings.min_shared_entities or overlap < settings.min_entity_overlap:
        return None
    similarity = float(np.dot(earlier.centroid, later.centroid))
    if similarity < settings.min_similarity:
        return None
    return StorylineLink(earlier.id, later.id, shared[:_TOP_ENTITIES], round(similarity, 4), gap)


def _components(links: list[StorylineLink], states: dict[int, StoryState], stats: EntityStats) -> list[Storyline]:
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        parent[root(link.later)] = root(link.earlier)
    groups: dict[int, list[StorylineLink]] = {}
    for link in links:
        groups.setdefault(root(link.earlier), []).append(link)
    storylines = []
    for number, group in enumerate(sorted(groups.values(), key=lambda g: min(l.earlier for l in g)), start=1):
        story_ids = sorted({l.earlier for l in group} | {l.later for l in group}, key=lambda i: (states[i].first, i))
        counts: dict[str, int] = {}
        for story_id in story_ids:
            for key in states[story_id].entity_counts:
                counts[key] = counts.get(key, 0) + 1
        common = sorted(
            (key for key, count in counts.items() if count > 1), key=lambda k: (-counts[k], -stats.weight(k))
        )
        storylines.append(
            Storyline(id=number, story_ids=tuple(story_ids), links=tuple(group), entities=tuple(common[:_TOP_ENTITIES]))
        )
    return storylines
