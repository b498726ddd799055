"""What grouping knows about stories, loaded only as far as a decision needs it.

A ``StoryIndex`` is the working set of one writer: the states of the stories it has looked at, the
members placed since the last commit (searched exactly, in memory), and two sources behind small
protocols: ``StorySource`` (the store: story states, members, stories by entity, frequencies) and
``NeighbourSearch`` (the approximate-nearest-neighbour shards of committed vectors). Nothing is
loaded at start; what a new article needs is fetched (and kept, within bounds) when it needs it.
Without sources (tests, explanations) everything stays in memory and is searched exactly.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from storyline.grouping.evidence import EntityStats, Profile
from storyline.grouping.outline_table import Outlines, OutlineTable, ordinal
from storyline.grouping.window import search_window, shard_of
from storyline.models import Article

RARE_KEYS_FOR_CANDIDATES = 3
STORIES_PER_KEY = 50
FUTURE_TOLERANCE = dt.timedelta(days=1)  # a later date is a typo, not the news of the day


@dataclass
class StoryState:
    """What grouping remembers about one story."""

    id: int
    vector_sum: np.ndarray
    size: int = 0
    entity_counts: dict[str, int] = field(default_factory=dict)
    first: dt.date | None = None
    last: dt.date | None = None
    languages: dict[str, int] = field(default_factory=dict)
    _centroid: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)
    _profile: Profile | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def centroid(self) -> np.ndarray:
        if self._centroid is None:
            norm = float(np.linalg.norm(self.vector_sum))
            self._centroid = (self.vector_sum / (norm or 1.0)).astype(np.float32)
        return self._centroid

    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = Profile({key: count / self.size for key, count in self.entity_counts.items()})
        return self._profile

    def add(self, article: Article) -> None:
        if article.embedding is not None:
            self.vector_sum = self.vector_sum + article.embedding
            self._centroid = None
        self.size += 1
        self._profile = None
        for key in entity_keys(article):
            self.entity_counts[key] = self.entity_counts.get(key, 0) + 1
        if article.language:
            self.languages[article.language] = self.languages.get(article.language, 0) + 1
        if article.published is not None:
            self.first = min(self.first or article.published, article.published)
            self.last = max(self.last or article.published, article.published)


class StorySource(Protocol):
    """Stored stories, read on demand (the store implements it)."""

    def story_states(self, story_ids: Sequence[int]) -> dict[int, StoryState]: ...

    def members_of_stories(self, story_ids: Sequence[int]) -> dict[int, list[tuple[str, np.ndarray]]]: ...

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]: ...

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]: ...

    def story_outlines(self, story_ids: Sequence[int]) -> Outlines: ...

    def members_by_label(self, labels: Sequence[int]) -> dict[int, tuple[str, int]]: ...

    def stories_of_articles(self, article_ids: Sequence[str]) -> dict[str, int]: ...

    def entity_frequencies(self, keys: Sequence[str]) -> dict[str, int]: ...

    def document_count(self) -> int: ...

    def newest_date(self) -> dt.date | None: ...

    def next_story_id(self) -> int: ...


class NeighbourSearch(Protocol):
    """Nearest committed article vectors in time shards: (label, cosine), best first."""

    def search(
        self, vector: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[tuple[int, float]]: ...

    def search_many(
        self, vectors: np.ndarray, shards: Iterable[int] | None, limit: int, floor: float | None = None
    ) -> list[list[tuple[int, float]]]: ...

    def add(self, items: Sequence[tuple[int, int, np.ndarray]]) -> None: ...


class NothingStored:
    """The source of an index that is not backed by a store."""

    def story_states(self, story_ids: Sequence[int]) -> dict[int, StoryState]:
        return {}

    def members_of_stories(self, story_ids: Sequence[int]) -> dict[int, list[tuple[str, np.ndarray]]]:
        return {}

    def stories_with_key(self, key: str, low: dt.date | None, high: dt.date | None, limit: int) -> list[int]:
        return []

    def stories_with_keys(
        self, probes: Sequence[tuple[str, dt.date, dt.date]], limit: int
    ) -> dict[tuple[str, dt.date, dt.date], list[int]]:
        return {}

    def story_outlines(self, story_ids: Sequence[int]) -> Outlines:
        return Outlines.empty(0)

    def members_by_label(self, labels: Sequence[int]) -> dict[int, tuple[str, int]]:
        return {}

    def stories_of_articles(self, article_ids: Sequence[str]) -> dict[str, int]:
        return {}

    def entity_frequencies(self, keys: Sequence[str]) -> dict[str, int]:
        return {}

    def document_count(self) -> int:
        return 0

    def newest_date(self) -> dt.date | None:
        return None

    def next_story_id(self) -> int:
        return 1


@dataclass
class Pending:
    """One placed article not committed yet."""

    article_id: str
    story_id: int
    vector: np.ndarray | None
    shard: int


@dataclass
class MemberVectors:
    """A story's committed members' vectors, one row per member, for its closest member."""

    ids: list[str]
    matrix: np.ndarray  # (members, dim), float32

    def append(self, article_id: str, vector: np.ndarray) -> None:
        self.ids.append(article_id)
        self.matrix = np.vstack([self.matrix, vector.astype(np.float32)[None, :]])


class StoryIndex:
    """Story states and member vectors for candidate look-up and evidence."""

    def __init__(
        self,
        dim: int,
        source: StorySource | None = None,
        neighbours: NeighbourSearch | None = None,
        window_days: float | None = None,
        similarity_floor: float | None = None,
        today: dt.date | None = None,
        max_cached_stories: int = 20_000,
        max_cached_members: int = 50_000,
        keep_days: float | None = None,
    ) -> None:
        self.dim = dim
        self.source: StorySource = source or NothingStored()
        self.neighbours = neighbours
        self.window_days = window_days
        self.similarity_floor = similarity_floor  # nearest neighbours below it could never be joined
        self.today = today or dt.date.today()
        self.max_cached_stories = max_cached_stories
        self.max_cached_members = max_cached_members
        self.keep_days = keep_days  # stories that ended this long before the newest date leave memory
        self._horizon: dt.date | None = None
        self.stats = EntityStats(documents=self.source.document_count(), lookup=self.source.entity_frequencies)
        self.stories: OrderedDict[int, StoryState] = OrderedDict()  # least recently used first
        self.touched: set[int] = set()  # changed since the last commit
        self._touched_with_key: dict[str, dict[int, None]] = {}  # the same, by the entity keys they hold
        self.newest = self.source.newest_date()
        self._pending: list[Pending] = []
        self._pending_by_story: dict[int, list[Pending]] = {}  # the same, per story (with a vector)
        self._pending_matrix = np.zeros((0, dim), dtype=np.float32)
        self._placed: dict[str, int] = {}
        self._stored_places: dict[str, int | None] = {}  # prefetched story_of answers, until the next commit
        self._label_members: dict[int, tuple[str, int]] = {}  # the prefetched neighbours' articles and stories
        # committed members per story looked at, least recently used first; their number of vectors
        self._members: OrderedDict[int, MemberVectors] = OrderedDict()
        self._member_count = 0
        # dates and centroids of the stories looked at, for ruling most of them out at once
        self.outlines = OutlineTable(dim, capacity=3 * max_cached_stories)
        self._next_id: int | None = None
        self._prefetched: dict[str, tuple[tuple[int, ...] | None, list[tuple[int, float]]]] = {}
        self._key_stories: dict[tuple[str, dt.date, dt.date], list[int]] = {}  # prefetched, until the next commit

    # ---- states ------------------------------------------------------------------------------

    def states(self, story_ids: Iterable[int]) -> dict[int, StoryState]:
        """The states of these stories (loaded from the source when not in memory)."""
        wanted = list(dict.fromkeys(story_ids))
        missing = [story_id for story_id in wanted if story_id not in self.stories]
        for story_id in wanted:
            if story_id in self.stories:
                self.stories.move_to_end(story_id)
        if missing:
            loaded = self.source.story_states(missing)
            self.stories.update(loaded)
            self.stats.prefetch({key for state in loaded.values() for key in state.entity_counts})
        return {story_id: self.stories[story_id] for story_id in wanted if story_id in self.stories}

    def outline_rows(self, story_ids: Iterable[int]) -> tuple[np.ndarray, np.ndarray]:
        """The ids of these stories that exist and their rows in ``outlines`` (in the order given):
        stories in memory written from their states, the others read from the source."""
        wanted = list(dict.fromkeys(story_ids))
        self.outlines.keep(wanted)
        missing = self.outlines.missing(wanted)
        if missing:
            states = [self.stories[story_id] for story_id in missing if story_id in self.stories]
            if states:
                self.outlines.put(
                    Outlines.of([(s.id, s.first, s.last) for s in states], [s.centroid for s in states], self.dim)
                )
            rest = [story_id for story_id in missing if story_id not in self.stories]
            if rest:
                self.outlines.put(self.source.story_outlines(rest))
        rows = self.outlines.rows_of(wanted)
        return self.outlines.ids[rows], rows

    def story_of(self, article_id: str) -> int | None:
        if article_id in self._placed:
            return self._placed[article_id]
        if article_id in self._stored_places:
            return self._stored_places[article_id]
        return self.source.stories_of_articles([article_id]).get(article_id)

    def prefetch_places(self, article_ids: Iterable[str]) -> None:
        """The stored stories of these articles (a batch's own, and the originals its copies point
        at), read in one query for ``story_of``; until the next commit."""
        wanted = sorted(set(article_ids) - set(self._placed))
        found = self.source.stories_of_articles(wanted) if wanted else {}
        self._stored_places.update({article_id: found.get(article_id) for article_id in wanted})

    def new_story(self) -> StoryState:
        if self._next_id is None:
            self._next_id = self.source.next_story_id()
        state = StoryState(id=self._next_id, vector_sum=np.zeros(self.dim, dtype=np.float32))
        self._next_id += 1
        self.stories[state.id] = state
        self._members[state.id] = MemberVectors([], np.zeros((0, self.dim), dtype=np.float32))
        return state

    def join(self, state: StoryState, article: Article) -> None:
        state.add(article)
        self.outlines.drop(state.id)
        # the batch's changed stories by entity key, for ``candidates``: all of a story's keys when it
        # first changes, then each new member's (a story's keys only grow until the commit)
        for key in entity_keys(article) if state.id in self.touched else state.entity_counts:
            self._touched_with_key.setdefault(key, {})[state.id] = None
        self.touched.add(state.id)
        self._placed[article.id] = state.id
        self.newest = self._newest_after(self.newest, article)
        shard = shard_of(article.published, self.today)
        pending = Pending(article.id, state.id, article.embedding, shard)
        self._pending.append(pending)
        if pending.vector is not None:
            self._pending_by_story.setdefault(state.id, []).append(pending)
        if article.embedding is not None:
            self._pending_matrix = np.vstack([self._pending_matrix, article.embedding.astype(np.float32)[None, :]])

    # ---- candidates --------------------------------------------------------------------------

    def candidates(self, article: Article, limit: int) -> dict[int, tuple[float, str | None]]:
        """Stories worth comparing, with each one's closest member: the stories of the ``limit``
        nearest articles in the time window, and stories sharing one of the article's rarest entities."""
        chosen: dict[int, tuple[float, str | None]] = dict(self.nearest_members(article, limit))
        low, high = self._date_range(article, self.newest)
        extra: dict[int, None] = {}  # the stories found by their entities, in the order found
        for key in self._rare_keys(article):
            stored = self._key_stories.get((key, low, high)) if low and high else None
            found = (
                list(stored) if stored is not None else self.source.stories_with_key(key, low, high, STORIES_PER_KEY)
            )
            found += self._touched_with_key.get(key, {})
            extra.update(dict.fromkeys(story_id for story_id in found if story_id not in chosen))
        chosen.update(self.closest_members(article, list(extra)))
        return chosen

    def _rare_keys(self, article: Article) -> list[str]:
        """The article's rarest entity keys: their stories are candidates whatever their meaning."""
        keys = entity_keys(article)
        self.stats.prefetch(keys)
        return sorted(keys, key=lambda key: (-self.stats.weight(key), key))[:RARE_KEYS_FOR_CANDIDATES]

    def prefetch_key_stories(self, articles: Sequence[Article]) -> None:
        """The stored stories of a batch's rare keys around its articles' dates, read together
        (``candidates`` asks for them one article at a time; on PostgreSQL each was a round trip).
        Stored stories do not change while a batch is placed; the batch's own are added apart."""
        self._key_stories.clear()  # read afresh for each batch placed
        self.stats.prefetch({key for article in articles for key in entity_keys(article)})
        probes = []
        newest = self.newest  # as it will be when each article is placed: an undated one's window is around it
        for article in articles:
            if self._placed.get(article.id) is not None or self._stored_places.get(article.id) is not None:
                continue  # placed already: never searched for
            low, high = self._date_range(article, newest)
            if low and high:
                probes += [(key, low, high) for key in self._rare_keys(article)]
            newest = self._newest_after(newest, article)
        if probes:
            self._key_stories.update(self.source.stories_with_keys(probes, STORIES_PER_KEY))

    def prefetch_neighbours(self, articles: Sequence[Article], limit: int) -> None:
        """The committed neighbours of a batch's articles, searched together (one pass over each shard
        for all the articles that search it); ``nearest_members`` uses them while the window holds."""
        if self.neighbours is None:
            return
        groups: dict[tuple[int, ...] | None, list[Article]] = {}
        for article in articles:
            if article.embedding is not None and article.id not in self._placed:
                groups.setdefault(self._window_shards(article), []).append(article)
        for shards, members in groups.items():
            vectors = np.asarray([article.embedding for article in members], dtype=np.float32)
            for article, found in zip(
                members, self.neighbours.search_many(vectors, shards, limit, self.similarity_floor), strict=True
            ):
                self._prefetched[article.id] = (shards, found)
        labels = sorted({label for _shards, found in self._prefetched.values() for label, _score in found})
        self._label_members.update(self.source.members_by_label(labels) if labels else {})

    def _window_shards(self, article: Article) -> tuple[int, ...] | None:
        window = search_window(article.published, self.newest, self.today, self.window_days)
        return tuple(window.shards()) if window else None

    def nearest_members(self, article: Article, limit: int) -> dict[int, tuple[float, str]]:
        """For the stories of the ``limit`` nearest articles (those at or above the similarity floor):
        (similarity, article id) of the closest member."""
        if article.embedding is None:
            return {}
        vector = article.embedding.astype(np.float32)
        hits: list[tuple[float, str, int]] = []
        if self.neighbours is not None:
            shards = self._window_shards(article)
            cached = self._prefetched.pop(article.id, None)
            found = cached[1] if cached is not None and cached[0] == shards else None
            if found is None:
                found = self.neighbours.search(vector, shards, limit, self.similarity_floor)
            labels = [label for label, _score in found]
            members = {label: self._label_members[label] for label in labels if label in self._label_members}
            if len(members) < len(labels):
                members.update(self.source.members_by_label([label for label in labels if label not in members]))
            hits += [(score, *members[label]) for label, score in found if label in members]
        if len(self._pending_matrix):
            scores = self._pending_matrix @ vector
            rows = [pending for pending in self._pending if pending.vector is not None]
            for row in np.argsort(-scores)[:limit]:
                if self.similarity_floor is not None and scores[row] < self.similarity_floor:
                    break
                hits.append((float(scores[row]), rows[row].article_id, rows[row].story_id))
        hits.sort(key=lambda hit: -hit[0])
        closest: dict[int, tuple[float, str]] = {}
        for score, article_id, story_id in hits[:limit]:
            if story_id not in closest:
                closest[story_id] = (score, article_id)
        return closest

    def closest_member(self, article: Article, story_id: int) -> tuple[float, str | None]:
        """The story's member most similar to the article (similarity 0 when nothing to compare;
        on a tie the committed member, then the earlier one)."""
        return self.closest_members(article, [story_id])[story_id]

    def closest_members(self, article: Article, story_ids: Sequence[int]) -> dict[int, tuple[float, str | None]]:
        """``closest_member`` of each of these stories: their members read together (those not in
        memory in one query) and compared with the article in one product."""
        if article.embedding is None:
            return {story_id: (0.0, None) for story_id in story_ids}
        vector = np.asarray(article.embedding, dtype=np.float32)
        committed = self._committed_members(story_ids)
        sizes = np.fromiter((len(committed[story_id].ids) for story_id in story_ids), dtype=np.int64)
        bests = _best_per_segment(
            np.concatenate([committed[story_id].matrix for story_id in story_ids]) @ vector
            if sizes.sum()
            else np.zeros(0, dtype=np.float32),
            sizes,
        )
        found: dict[int, tuple[float, str | None]] = {}
        for story_id, (row, score) in zip(story_ids, bests, strict=True):
            best: tuple[float, str | None] = (0.0, None) if row < 0 else (score, committed[story_id].ids[row])
            pending = self._pending_by_story.get(story_id)
            if pending:
                more = np.asarray([p.vector for p in pending], dtype=np.float32) @ vector
                row = int(np.argmax(more))
                if best[1] is None or float(more[row]) > best[0]:
                    best = (float(more[row]), pending[row].article_id)
            found[story_id] = best
        return found

    def _committed_members(self, story_ids: Sequence[int]) -> dict[int, MemberVectors]:
        """The stored members of these stories (from memory, the others read in one call)."""
        found: dict[int, MemberVectors] = {}
        for story_id in story_ids:
            if (held := self._members.get(story_id)) is not None:
                self._members.move_to_end(story_id)
                found[story_id] = held
        missing = [story_id for story_id in dict.fromkeys(story_ids) if story_id not in found]
        read = self.source.members_of_stories(missing) if missing else {}
        for story_id in missing:
            rows = read.get(story_id, [])
            matrix = np.asarray([vector for _id, vector in rows], dtype=np.float32).reshape(len(rows), self.dim)
            found[story_id] = self._members[story_id] = MemberVectors([article_id for article_id, _ in rows], matrix)
            self._member_count += len(rows)
        return found

    def _newest_after(self, newest: dt.date | None, article: Article) -> dt.date | None:
        """The newest date placed, once ``article`` is (a date past tomorrow is a typo, not news)."""
        if article.published and article.published <= self.today + FUTURE_TOLERANCE:
            return max(newest or article.published, article.published)
        return newest

    def _date_range(self, article: Article, newest: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
        """The dates whose stories ``article`` may join: its own date's window, or an undated article's
        around ``newest``, the newest date placed before it."""
        centre = article.published or newest
        if centre is None or self.window_days is None:
            return None, None
        reach = dt.timedelta(days=int(self.window_days) + 1)
        return max(dt.date.min + reach, centre) - reach, min(dt.date.max - reach, centre) + reach

    # ---- commits -----------------------------------------------------------------------------

    def pending_shards(self) -> dict[str, int]:
        return {pending.article_id: pending.shard for pending in self._pending}

    def committed(self, labels: dict[str, int]) -> None:
        """The pending members are stored (``labels``: article id -> article number): hand their
        vectors to the neighbour search and keep memory within bounds."""
        if self.neighbours is None and self.source.__class__ is NothingStored:
            return  # nothing behind this index: everything stays in memory
        items = []
        for pending in self._pending:
            if pending.vector is None:
                continue
            if pending.story_id in self._members:
                self._members[pending.story_id].append(pending.article_id, pending.vector)
                self._member_count += 1
            if pending.article_id in labels:
                items.append((labels[pending.article_id], pending.shard, pending.vector))
        if self.neighbours is not None:
            self.neighbours.add(items)
        self._pending = []
        self._pending_by_story = {}
        self._pending_matrix = np.zeros((0, self.dim), dtype=np.float32)
        self._placed.clear()
        self._stored_places.clear()
        self._label_members.clear()
        self._prefetched.clear()
        self._key_stories.clear()
        self.touched.clear()
        self._touched_with_key.clear()
        self._trim()

    def _trim(self) -> None:
        self._forget_past()
        # the least recently used go first, a few at a time (emptying half of a cache at once made
        # the next articles reload what they had just dropped)
        while len(self.stories) > self.max_cached_stories:
            story_id, _state = self.stories.popitem(last=False)
            self._forget_members(story_id)
        if self._member_count > self.max_cached_members:  # the least recently used go first, to 3/4
            while self._members and self._member_count > self.max_cached_members * 3 // 4:
                self._forget_members(next(iter(self._members)))
        self.stats.trim(10 * self.max_cached_stories)

    def _forget_past(self) -> None:
        """Forget the stories that ended more than ``keep_days`` before the newest date (their states,
        member vectors and outlines): no new article near that date can join them or link to them,
        so a follower's memory holds the weeks the stream is in, not its history. A late article
        that needs one reads it from the store again."""
        if self.keep_days is None or self.newest is None:
            return
        horizon = self.newest - dt.timedelta(days=math.ceil(self.keep_days))
        if horizon == self._horizon:
            return  # looked through when the newest date last moved on (a late story read since stays a while)
        self._horizon = horizon
        past = [story_id for story_id, state in self.stories.items() if state.last is not None and state.last < horizon]
        for story_id in past:
            del self.stories[story_id]
            self._forget_members(story_id)
        self.outlines.forget_ended_before(ordinal(horizon))

    def _forget_members(self, story_id: int) -> None:
        dropped = self._members.pop(story_id, None)
        if dropped is not None:
            self._member_count -= len(dropped.ids)


def entity_keys(article: Article) -> set[str]:
    return {mention.key for mention in article.entities}


def _best_per_segment(scores: np.ndarray, sizes: np.ndarray) -> list[tuple[int, float]]:
    """For consecutive segments of ``scores`` of these sizes: (row of the highest within its segment,
    its score), the first on a tie; (-1, 0.0) for an empty segment."""
    if not len(scores):
        return [(-1, 0.0)] * len(sizes)
    starts = np.cumsum(sizes) - sizes
    segment = np.repeat(np.arange(len(sizes)), sizes)
    order = np.lexsort((-scores, segment))  # stable: per segment best first, the earliest on a tie
    first = order[np.minimum(starts, len(order) - 1)]
    return [
        (int(at - start), float(scores[at])) if size else (-1, 0.0)
        for at, start, size in zip(first.tolist(), starts.tolist(), sizes.tolist(), strict=True)
    ]
