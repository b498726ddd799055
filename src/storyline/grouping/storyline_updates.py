"""Keeping storylines current as stories change, at a cost that does not grow with the store.

After a batch, each changed (dated) story drops its links and is linked again against the stories
that share one of its probe keys within ``max_gap_days`` (``storylines.probe_keys``). Then the
storylines follow the links that changed, and only those:

- an added link joins two storylines (the older id survives, the other becomes its alias) or takes
  a story into one;
- a removed link may cut a storyline in two: a search from both of its ends over the links, the
  smaller frontier first, either meets (nothing to do) or runs out on one side, which is then the
  whole of that side. The part holding most of the storyline keeps its id.

So the work is proportional to what changed, not to the size of the storylines it touches. This
equals relinking everything from scratch (``storylines.link_storylines``; the tests compare them),
except where a probed key is so common that its stories in the gap pass ``STORIES_PER_PROBE_KEY``,
or a story's probed keys pass ``CANDIDATES_PER_STORY`` stories: then the latest ones are compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Protocol

from storyline.grouping.story_index import StoryIndex, StoryState
from storyline.grouping.storylines import (
    components,
    gap_reach,
    links_between,
    near,
    near_stories,
    probe_keys,
)
from storyline.models import StorylineLink
from storyline.settings import StorylineSettings

STORIES_PER_PROBE_KEY = 100  # per probed key, the stories of that key latest within the gap
CANDIDATES_PER_STORY = 400  # probing stops here: keys are probed heaviest (rarest) first

Pair = tuple[int, int]


class StorylineStore(Protocol):
    """What storyline upkeep reads from and writes to the store."""

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]: ...

    def link_pairs_of(self, story_ids: Collection[int]) -> set[Pair]: ...

    def replace_links(self, story_ids: Collection[int], links: Sequence[StorylineLink]) -> None: ...

    def linked_stories(self, story_ids: Collection[int]) -> dict[int, set[int]]: ...

    def storylines_of(self, story_ids: Collection[int]) -> dict[int, int | None]: ...

    def storyline_sizes(self, storyline_ids: Collection[int]) -> dict[int, int]: ...

    def allocate_storyline_id(self) -> int: ...

    def join_storylines(self, storyline_id: int, absorbed: Collection[int], stories: Collection[int]) -> None: ...

    def split_storyline(
        self, storyline_id: int, part: Collection[int], new_id: int | None, part_leaves: bool
    ) -> None: ...

    def widen_storylines(self, states: Sequence[StoryState]) -> None: ...


def refresh_storylines(
    store: StorylineStore, index: StoryIndex, changed: Collection[int], settings: StorylineSettings
) -> None:
    """Relink the changed stories and carry the storylines along."""
    dated = [state for state in index.states(changed).values() if state.first is not None]
    if not dated:
        return
    links = _links_of(store, index, dated, settings)
    changed_ids = {state.id for state in dated}
    before = store.link_pairs_of(changed_ids)
    after = {(link.earlier, link.later) for link in links}
    store.replace_links(changed_ids, links)
    _cut(store, before - after)  # first: a story that moves from one storyline to another leaves,
    _join(store, after - before)  # then joins (joining first would merge the two storylines' ids)
    store.widen_storylines(dated)


def _links_of(
    store: StorylineStore, index: StoryIndex, dated: Sequence[StoryState], settings: StorylineSettings
) -> list[StorylineLink]:
    changed_ids = {state.id for state in dated}
    candidates = {
        story_id: found - changed_ids for story_id, found in _probed_candidates(store, index, dated, settings).items()
    }
    table = index.outlines
    for story_id in changed_ids:  # joins drop them already; a state changed any other way is caught here
        table.drop(story_id)
    index.outline_rows({other for others in candidates.values() for other in others})
    close: dict[int, set[int]] = {}  # per changed story: its candidates close enough to weigh
    for state in dated:
        if found := near(table, state, settings, table.rows_of(candidates[state.id])):
            close[state.id] = found
    states = index.states({other for others in close.values() for other in others})
    pairs = [(state, states[other]) for state in dated for other in close.get(state.id, ()) if other in states]
    by_id = {state.id: state for state in dated}
    among = near_stories(dated, dated, settings)  # the changed stories among themselves
    pairs += [(by_id[first], by_id[second]) for first, seconds in among.items() for second in seconds]
    return links_between(pairs, index.stats, settings)


def _probed_candidates(
    store: StorylineStore, index: StoryIndex, dated: Sequence[StoryState], settings: StorylineSettings
) -> dict[int, set[int]]:
    """Per changed story, the stories that share one of its probe keys within the gap: its keys are
    probed heaviest first until it has ``CANDIDATES_PER_STORY``. The probes go in rounds, a round
    asking every story's next key at once (``stories_with_keys``: on PostgreSQL one statement per
    1,000 probes), so the look-ups made are those a story-by-story probe makes, in at most
    ``MAX_PROBE_KEYS`` rounds."""
    reach = dt.timedelta(days=gap_reach(settings))
    found: dict[int, set[int]] = {state.id: set() for state in dated}
    pending: dict[int, list[tuple[str, dt.date, dt.date]]] = {}
    for state in dated:
        assert state.first is not None and state.last is not None
        low, high = state.first - reach, state.last + reach
        if keys := probe_keys(state, index.stats, settings):
            pending[state.id] = [(key, low, high) for key in keys]
    while pending:
        answers = store.stories_with_keys([probes[0] for probes in pending.values()], STORIES_PER_PROBE_KEY)
        for story_id, probes in list(pending.items()):
            found[story_id].update(answers[probes.pop(0)])
            if not probes or len(found[story_id]) >= CANDIDATES_PER_STORY:
                del pending[story_id]
    return found


def _join(store: StorylineStore, added: set[Pair]) -> None:
    """Storylines (and lone stories) that an added link connects become one."""
    if not added:
        return
    lines = store.storylines_of({story for pair in added for story in pair})
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def unit(story: int) -> tuple[str, int]:
        line = lines.get(story)
        return ("line", line) if line is not None else ("story", story)

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for earlier, later in sorted(added):
        parent[root(unit(later))] = root(unit(earlier))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in list(parent):
        groups.setdefault(root(node), []).append(node)
    for members in groups.values():
        ids = sorted(number for kind, number in members if kind == "line")
        stories = [number for kind, number in members if kind == "story"]
        if len(ids) + len(stories) < 2:
            continue
        survivor = ids[0] if ids else store.allocate_storyline_id()
        store.join_storylines(survivor, ids[1:], stories)


def _cut(store: StorylineStore, removed: set[Pair]) -> None:
    """Storylines that the removed links cut apart are split. A storyline that falls apart leaves
    each of its pieces holding an end of a removed link, so checking that the ends left in each
    storyline still reach one another finds every cut, however many links one story lost."""
    pending = _representatives(store, {story for pair in removed for story in pair})
    while pending:
        lines = store.storylines_of(pending)
        first = pending[0]
        line = lines.get(first)
        same = [story for story in pending[1:] if line is not None and lines.get(story) == line]
        part = next((found for other in same if (found := _apart(store, first, other)) is not None), None)
        if part is None:  # its ends still hang together (or it is in no storyline): done with them
            pending = [story for story in pending[1:] if story not in same]
            continue
        assert line is not None
        # the search may have crossed into other storylines over new links (joined next): only
        # this storyline's stories move
        part = {story for story, other in store.storylines_of(part).items() if other == line}
        size = store.storyline_sizes([line]).get(line, 0)
        rest = next(iter(set(same) - part), first) if first in part else first
        part_leaves = 2 * len(part) < size or (2 * len(part) == size and min(part) > min({first, rest} - part))
        leaving = len(part) if part_leaves else size - len(part)
        new_id = store.allocate_storyline_id() if leaving >= 2 else None
        store.split_storyline(line, part, new_id, part_leaves)


def _representatives(store: StorylineStore, ends: set[int]) -> list[int]:
    """One end (the smallest) for each group of ends that plainly still hang together (in one
    storyline, and linked or linked to a common story), and every other end: the ends ``_cut`` must
    search between. One read of their links, where a search for each pair took a few."""
    if not ends:
        return []
    lines = store.storylines_of(ends)
    neighbours = store.linked_stories(ends)
    met: dict[tuple[int, int], int] = {}  # (storyline, a story next to or at an end) -> the first such end
    touching = [
        (met.setdefault((line, near), end), end)
        for end in sorted(ends)
        if (line := lines.get(end)) is not None
        for near in {end, *neighbours.get(end, ())}
    ]
    groups = components(ends, touching)
    grouped = set().union(*groups)
    return sorted({min(group) for group in groups} | (ends - grouped))


def _apart(store: StorylineStore, first: int, second: int) -> set[int] | None:
    """None when the two stories are still linked through others; else all the stories of the
    side that ran out first (searched from both ends at once, the smaller frontier first)."""
    seen = ({first}, {second})
    frontier = ({first}, {second})
    while frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        neighbours = store.linked_stories(frontier[side])
        found = {other for story in frontier[side] for other in neighbours.get(story, set())} - seen[side]
        if found & seen[1 - side]:
            return None
        seen[side].update(found)
        frontier = (found, frontier[1]) if side == 0 else (frontier[0], found)
    return seen[0] if not frontier[0] else seen[1]
