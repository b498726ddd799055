"""Storylines kept incrementally equal the from-scratch reference, with stable ids."""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Collection, Sequence

import numpy as np
import pytest

from storyline.grouping import storyline_updates
from storyline.grouping.evidence import EntityStats
from storyline.grouping.story_index import StoryIndex, StoryState
from storyline.grouping.storyline_updates import refresh_storylines
from storyline.grouping.storylines import link_storylines, probe_keys
from storyline.models import StorylineLink
from storyline.settings import StorylineSettings

SETTINGS = StorylineSettings()
DAY = dt.date(2025, 1, 1)


class MemoryStorylines:
    """The store's side of storyline upkeep, in memory, with the store's semantics."""

    def __init__(self, index: StoryIndex) -> None:
        self.index = index
        self.links: dict[tuple[int, int], StorylineLink] = {}
        self.line_of: dict[int, int] = {}
        self.aliases: dict[int, int] = {}
        self.next_id = 1
        self.probe_rounds: list[int] = []  # probes per ``stories_with_keys`` call

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]:
        found = [
            state
            for state in self.index.stories.values()
            if key in state.entity_counts
            and state.first is not None
            and state.last is not None
            and (low is None or high is None or (state.last >= low and state.first <= high))
        ]
        return [state.id for state in sorted(found, key=lambda s: (s.first, s.id), reverse=True)][:limit]

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]:
        self.probe_rounds.append(len(probes))
        return {probe: self.stories_with_key(*probe, limit) for probe in probes}

    def link_pairs_of(self, story_ids: Collection[int]) -> set[tuple[int, int]]:
        return {pair for pair in self.links if set(pair) & set(story_ids)}

    def replace_links(self, story_ids: Collection[int], links: Sequence[StorylineLink]) -> None:
        self.links = {pair: link for pair, link in self.links.items() if not set(pair) & set(story_ids)}
        self.links.update({(link.earlier, link.later): link for link in links})

    def linked_stories(self, story_ids: Collection[int]) -> dict[int, set[int]]:
        found: dict[int, set[int]] = {}
        for earlier, later in self.link_pairs_of(story_ids):
            found.setdefault(earlier, set()).add(later)
            found.setdefault(later, set()).add(earlier)
        return found

    def storylines_of(self, story_ids: Collection[int]) -> dict[int, int | None]:
        return {story_id: self.line_of.get(story_id) for story_id in story_ids}

    def storyline_sizes(self, storyline_ids: Collection[int]) -> dict[int, int]:
        return {line: sum(1 for other in self.line_of.values() if other == line) for line in storyline_ids}

    def allocate_storyline_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def join_storylines(self, storyline_id: int, absorbed: Collection[int], stories: Collection[int]) -> None:
        for story, line in list(self.line_of.items()):
            if line in absorbed:
                self.line_of[story] = storyline_id
        self.line_of.update({story: storyline_id for story in stories})
        for old in absorbed:
            self.aliases = {
                alias: (storyline_id if target == old else target) for alias, target in self.aliases.items()
            }
            self.aliases[old] = storyline_id

    def split_storyline(self, storyline_id: int, part: Collection[int], new_id: int | None, part_leaves: bool) -> None:
        members = [story for story, line in self.line_of.items() if line == storyline_id]
        leaving = [story for story in members if (story in part) == part_leaves]
        for story in leaving:
            self.line_of.pop(story)
            if new_id is not None:
                self.line_of[story] = new_id
        if sum(1 for line in self.line_of.values() if line == storyline_id) < 2:
            self.line_of = {story: line for story, line in self.line_of.items() if line != storyline_id}

    def widen_storylines(self, states: Sequence[StoryState]) -> None:
        pass

    def resolve(self, storyline_id: int) -> int | None:
        current = self.aliases.get(storyline_id, storyline_id)
        return current if current in self.line_of.values() else None


THEMES = 4


def _grow(state: StoryState, rng: random.Random, keys: list[str], theme: int) -> None:
    """One more article: mostly on the story's theme (its meaning and names), sometimes off it."""
    if rng.random() < 0.15:
        theme = rng.randrange(THEMES)  # a drifting story: links can break and storylines split
    direction = np.zeros(THEMES, dtype=np.float32)
    direction[theme] = 1.0
    state.vector_sum = state.vector_sum + direction + np.asarray([rng.gauss(0, 0.2) for _ in range(THEMES)], np.float32)
    state._centroid = None
    state._profile = None
    state.size += 1
    for key in rng.sample(keys[theme * 5 : theme * 5 + 5], 3):
        state.entity_counts[key] = state.entity_counts.get(key, 0) + 1
    day = DAY + dt.timedelta(days=rng.randrange(0, 400))
    state.first = min(state.first or day, day)
    state.last = max(state.last or day, day)


def _partition(line_of: dict[int, int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for story, line in line_of.items():
        groups.setdefault(line, set()).add(story)
    return {frozenset(group) for group in groups.values()}


@functools.cache
def _follow(seed: int) -> tuple[int, int]:
    """60 rounds of random growth, checked against the from-scratch reference after each; the number
    of storylines at the end and how many times one was split."""
    rng = random.Random(seed)
    keys = [f"k{number}" for number in range(5 * THEMES)]
    stats = EntityStats(documents=300, frequency={key: 5 + 3 * number for number, key in enumerate(keys)})
    index = StoryIndex(dim=THEMES)
    index.stats = stats
    store = MemoryStorylines(index)
    themes: dict[int, int] = {}
    splits = 0
    reference = []
    for _step in range(60):
        changed: set[int] = set()
        for _ in range(rng.randint(1, 4)):
            if index.stories and rng.random() < 0.5:
                state = index.stories[rng.choice(sorted(index.stories))]
            else:
                state = index.new_story()
                themes[state.id] = rng.randrange(THEMES)
            _grow(state, rng, keys, themes[state.id])
            changed.add(state.id)
        before = _partition(store.line_of)
        ids_before = dict(store.line_of)
        refresh_storylines(store, index, changed, SETTINGS)
        reference = link_storylines(list(index.stories.values()), stats, SETTINGS)
        assert set(store.links) == {(link.earlier, link.later) for r in reference for link in r.links}
        after = _partition(store.line_of)
        assert after == {frozenset(r.story_ids) for r in reference}
        splits += sum(1 for group in before if sum(1 for other in after if group & other) > 1)
        for old_line in set(ids_before.values()):
            stories = {story for story, line in ids_before.items() if line == old_line}
            grown = [group for group in after if stories <= group]
            if grown:  # the storyline only grew or merged: its id still leads to it
                (group,) = grown
                assert store.resolve(old_line) == store.line_of[next(iter(group))]
    return len(reference), splits


@pytest.mark.parametrize("seed", range(16))
def test_storyline_updates_equal_the_from_scratch_reference_at_every_step(seed: int) -> None:
    _follow(seed)


def test_the_random_growth_forms_storylines_and_splits_them() -> None:
    """The scenarios above are worth checking: most form several storylines, and many cut one apart."""
    outcomes = [_follow(seed) for seed in range(16)]
    assert sum(1 for lines, _splits in outcomes if lines >= 2) >= 8
    assert sum(splits for _lines, splits in outcomes) >= 10


def test_candidates_are_probed_in_rounds_and_equal_story_by_story_probing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each round asks every pending story's next key in one read; a story stops as soon as it has
    ``CANDIDATES_PER_STORY``, exactly where probing it alone, key after key, stops."""
    monkeypatch.setattr(storyline_updates, "CANDIDATES_PER_STORY", 4)
    rng = random.Random(3)
    keys = [f"k{number}" for number in range(5 * THEMES)]
    index = StoryIndex(dim=THEMES)
    index.stats = EntityStats(documents=300, frequency={key: 2 + 4 * number for number, key in enumerate(keys)})
    store = MemoryStorylines(index)
    for _ in range(40):
        state = index.new_story()
        for _ in range(rng.randint(1, 4)):
            _grow(state, rng, keys, rng.randrange(THEMES))
    unnamed = index.new_story()  # a story without names has nothing to probe
    unnamed.first = unnamed.last = DAY
    dated = [*list(index.stories.values())[:10], unnamed]
    reach = dt.timedelta(days=storyline_updates.gap_reach(SETTINGS))

    def alone(state: StoryState) -> set[int]:
        assert state.first is not None and state.last is not None
        found: set[int] = set()
        for key in probe_keys(state, index.stats, SETTINGS):
            found.update(store.stories_with_key(key, state.first - reach, state.last + reach, 100))
            if len(found) >= 4:
                break
        return found

    rounds = storyline_updates._probed_candidates(store, index, dated, SETTINGS)
    assert rounds == {state.id: alone(state) for state in dated}
    assert any(len(found) >= 4 for found in rounds.values())  # some stopped early
    assert len(store.probe_rounds) <= max(len(probe_keys(state, index.stats, SETTINGS)) for state in dated)
    assert store.probe_rounds[0] == len(dated) - 1 and store.probe_rounds == sorted(store.probe_rounds, reverse=True)
