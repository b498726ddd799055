"""Combined evidence that an article belongs with a story (or with another article).

Three signals, each explainable on its own: meaning (embedding cosine), shared named
entities (weighted by rarity, so that "Trump" in every article counts little and
"Budapest" counts a lot) and time (distance in days, when both dates are known). A logistic
model turns them into one probability; its coefficients live in ``GroupingSettings``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storyline.models import Evidence
from storyline.settings import GroupingSettings
from storyline.stages.chinese import latin_keys

SHOWN_ENTITIES = 8
MAX_PROFILES_KEPT = 100_000  # profiles whose norms ``EntityStats`` keeps (until the counts next change)


class Profile(dict[str, float]):
    """A story's entity profile (each key's share of its members) that keeps the keys it writes in
    characters once asked (``in_characters``): a story's profile is asked at every article that may join
    it, and what is kept goes with the profile when the story changes (kept apart, stale profiles of
    long stories piled up in a follower's memory)."""

    __slots__ = ("written",)

    def __init__(self, shares: Mapping[str, float]) -> None:
        super().__init__(shares)
        self.written: tuple[str, ...] | None = None


def in_characters(profile: Mapping[str, float]) -> tuple[str, ...]:
    """The keys of a profile not written in Latin letters (names in Chinese characters), in its order;
    () for most profiles. A story's ``Profile`` keeps the answer; an article's, made for each question,
    is read again."""
    if not isinstance(profile, Profile):
        return _in_characters(profile)
    if profile.written is None:
        profile.written = _in_characters(profile)
    return profile.written


@dataclass
class EntityStats:
    """Document frequencies of entity keys over everything seen so far.

    ``frequency`` holds the keys asked about so far; with a ``lookup`` (the store's counts), a key
    not in it is fetched when first needed, so no run loads the frequencies of the whole store.
    """

    documents: int = 0
    frequency: dict[str, int] = field(default_factory=dict)
    lookup: Callable[[Sequence[str]], dict[str, int]] | None = field(default=None, compare=False, repr=False)
    # Weights and profile norms, valid until the counts change (``add`` clears them).
    _weights: dict[str, float] = field(default_factory=dict, init=False, compare=False, repr=False)
    _norms: dict[int, tuple[Mapping[str, float], float]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def weight(self, key: str) -> float:
        """Inverse document frequency: rare keys weigh more."""
        found = self._weights.get(key)
        if found is None:
            if key not in self.frequency and self.lookup is not None:
                self.prefetch([key])
            found = math.log(1.0 + (self.documents + 1) / (self.frequency.get(key, 0) + 1))
            self._weights[key] = found
        return found

    def norm(self, profile: Mapping[str, float]) -> float:
        """Length of a profile weighted by rarity (kept per profile object until the counts change)."""
        cached = self._norms.get(id(profile))
        if cached is not None and cached[0] is profile:
            return cached[1]
        self.prefetch(profile)
        value = math.sqrt(sum((share * self.weight(key)) ** 2 for key, share in profile.items()))
        if len(self._norms) > MAX_PROFILES_KEPT:
            self._norms.clear()
        self._norms[id(profile)] = (profile, value)
        return value

    def add(self, keys: set[str]) -> None:
        self.prefetch(keys)
        self.documents += 1
        for key in keys:
            self.frequency[key] = self.frequency.get(key, 0) + 1
        self._weights.clear()
        self._norms.clear()

    def prefetch(self, keys: Iterable[str]) -> None:
        """Fetch the counts of keys not known yet, in one call."""
        if self.lookup is None:
            return
        missing = sorted({key for key in keys if key not in self.frequency})
        if missing:
            found = self.lookup(missing)
            for key in missing:
                self.frequency[key] = found.get(key, 0)

    def trim(self, limit: int) -> None:
        """Forget fetched counts past ``limit`` keys (only when they can be fetched again)."""
        if self.lookup is not None and len(self.frequency) > limit:
            self.frequency.clear()
            self._weights.clear()
            self._norms.clear()


def entity_overlap(
    left: Mapping[str, float], right: Mapping[str, float], stats: EntityStats, cross_lingual: bool = False
) -> tuple[float, tuple[str, ...]]:
    """Cosine of idf-weighted entity profiles, and the shared keys, rarest first.

    A profile maps a key to its share of a unit: 1.0 for an article that mentions it, the
    fraction of member articles for a story. Between sides that share no language
    (``cross_lingual``), a name written in Chinese characters on one side counts as the name in
    Latin script on the other that it reads back as (``across_scripts``); two Chinese sides share
    their names' characters.
    """
    if cross_lingual and (written := (in_characters(left), in_characters(right))) != ((), ()):
        left, right = across_scripts(left, right, *written)
    shared = left.keys() & right.keys()
    if not shared:
        return 0.0, ()
    stats.prefetch(shared)  # (``norm`` fetches a profile's other keys when it is not known yet)
    weight = stats.weight
    dot = sum(left[key] * right[key] * weight(key) ** 2 for key in shared)
    ranked = tuple(sorted(shared, key=lambda key: (-weight(key), key)))
    return dot / (stats.norm(left) * stats.norm(right)), ranked


def across_scripts(
    left: Mapping[str, float],
    right: Mapping[str, float],
    left_written: Sequence[str] | None = None,
    right_written: Sequence[str] | None = None,
) -> tuple[Mapping[str, float], Mapping[str, float]]:
    """The two profiles with each key in Chinese characters that the other side lacks (a person's name:
    特朗普) renamed to the one key of the other side it may be read back as (``chinese.latin_keys``:
    "trmp", Trump's). Chinese news transcribes foreign names by their sounds, and writes its own in
    characters that English news spells in pinyin; no key made from the characters alone can be the
    Latin one, but beside a story's names the reading back is seldom in doubt. A key that may be read
    as two of the other side's, or as one this side has already, stays as it is. The profiles are
    returned as they are where nothing changes (the common case: keys are Latin letters).
    ``left_written``, ``right_written``: each side's keys in characters, where already known
    (``in_characters``)."""
    left_written = _in_characters(left) if left_written is None else left_written
    right_written = _in_characters(right) if right_written is None else right_written
    return _read_back(left, left_written, right), _read_back(right, right_written, left)


def _in_characters(profile: Mapping[str, float]) -> tuple[str, ...]:
    return () if "".join(profile).isascii() else tuple(key for key in profile if not key.isascii())


def _read_back(profile: Mapping[str, float], written: Sequence[str], other: Mapping[str, float]) -> Mapping[str, float]:
    waiting = tuple(key for key in written if key not in other)
    if not waiting:
        return profile
    readings = _readings(waiting)
    matches: dict[str, list[str]] = {}
    for latin in other.keys() & readings.keys():
        if latin in profile:
            continue
        for name in readings[latin]:
            matches.setdefault(name, []).append(latin)
    renamed: dict[str, float] | None = None
    for key in waiting:  # (two names of this side read back as one: the second stays as written)
        found = [latin for latin in matches.get(key, ()) if renamed is None or latin not in renamed]
        if len(found) == 1:
            renamed = renamed if renamed is not None else dict(profile)
            renamed[found[0]] = renamed.pop(key)
    return profile if renamed is None else renamed


@lru_cache(maxsize=1 << 12)
def _readings(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each Latin key these names in characters may be read back as -> the names (``chinese.latin_keys``),
    kept per set of names: an article's are asked about at every story it may join. Not to be changed."""
    readings: dict[str, list[str]] = {}
    for name in names:
        for latin in latin_keys(name):
            readings.setdefault(latin, []).append(name)
    return {latin: tuple(found) for latin, found in readings.items()}


def gap_in_days(date: dt.date | None, first: dt.date | None, last: dt.date | None) -> float | None:
    """Days between a date and a range (0 inside it); None when either side is unknown."""
    if date is None or first is None or last is None:
        return None
    if date < first:
        return float((first - date).days)
    if date > last:
        return float((date - last).days)
    return 0.0


def combine(
    similarity: float, overlap: float, gap_days: float | None, settings: GroupingSettings, cross_lingual: bool = False
) -> float:
    """Probability of "same story" from the signals (unknown time is neutral)."""
    logit = settings.intercept + settings.weight_similarity * similarity + settings.weight_entities * overlap
    if cross_lingual:
        logit += settings.weight_cross_lingual
    if gap_days is not None:
        logit -= settings.weight_gap_week * max(0.0, gap_days - settings.gap_grace_days) / 7.0
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, logit))))


def weigh_evidence(
    similarity: float,
    profile: Mapping[str, float],
    other_profile: Mapping[str, float],
    gap_days: float | None,
    stats: EntityStats,
    settings: GroupingSettings,
    cross_lingual: bool = False,
    closest_article: str | None = None,
) -> Evidence:
    """All signals, and the probability they add up to, in one record."""
    overlap, shared = entity_overlap(profile, other_profile, stats, cross_lingual)
    return Evidence(
        similarity=round(similarity, 4),
        entity_overlap=round(overlap, 4),
        shared_entities=shared[:SHOWN_ENTITIES],
        gap_days=gap_days,
        score=round(combine(similarity, overlap, gap_days, settings, cross_lingual), 4),
        cross_lingual=cross_lingual,
        closest_article=closest_article,
    )


def cosine(left: np.ndarray, right: np.ndarray) -> float:
    return float(np.dot(left, right) / ((np.linalg.norm(left) * np.linalg.norm(right)) or 1.0))
