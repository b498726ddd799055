"""Link entity mentions across articles into entities: one per person, organisation or place.

Each article's mentions already carry keys that match across scripts and inflections (see
``stages/entities.py``). Linking decides which mentions are the same entity:

- places found in the gazetteer are one entity per place id;
- a full name (given name + surname) is one entity per pair of keys, so Donald Trump and
  Melania Trump stay apart;
- a bare surname ("Лавров" in an article that never says "Сергей") joins a full-name entity
  only when the context supports it: the only full name with that surname in the same story,
  else the only one in the whole store, else one named at least ``DOMINANCE`` times as often
  as every other. Otherwise it stays an entity of its own, marked by its bare key.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.models import Entity, EntityVariant
from storyline.stages.keys import latin

DOMINANCE = 3.0
MAX_NAME_WORDS = 3
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class MentionRow:
    """One article's mention of a key, as the store keeps it."""

    article_id: str
    story_id: int | None
    key: str
    given: str
    kind: str
    surface: str
    lemma: str
    count: int
    language: str | None
    published: str | None = None  # the article's date (ISO), for the entity's articles per day


def identity_of(row: MentionRow) -> str:
    """The entity a mention names before linking: its place id, given+surname keys, or bare key."""
    return f"{row.given} {row.key}" if row.given and row.given != row.key else row.key


def link_entities(rows: Iterable[MentionRow]) -> tuple[list[Entity], dict[tuple[str, str, str], str]]:
    """Entities over all mentions, and each (article, key, given) mention's entity identity.

    The from-scratch reference: the store keeps the same result incrementally (``decide`` is the
    one rule both use) and its tests compare the two.
    """
    rows = list(rows)
    full_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    full_by_story: dict[tuple[int | None, str], set[str]] = defaultdict(set)
    for row in rows:
        if is_full_name(row):
            full_by_key[row.key][identity_of(row)] += 1
            full_by_story[(row.story_id, row.key)].add(identity_of(row))
    links = {
        mention_id(row): decide(row, full_by_story.get((row.story_id, row.key), set()), full_by_key.get(row.key))
        for row in rows
    }
    members: dict[str, list[MentionRow]] = defaultdict(list)
    for row in rows:
        members[links[mention_id(row)]].append(row)
    entities = [_entity(identity, group) for identity, group in members.items()]
    return entities, links


def mention_id(row: MentionRow) -> tuple[str, str, str]:
    return (row.article_id, row.key, row.given)


def is_full_name(row: MentionRow) -> bool:
    """A given name and a surname: a bare surname may join it. A name that goes on in lowercase
    ("Белия дом", keyed by both its words) is no person's, and nothing bare joins it."""
    return bool(row.given) and row.given != row.key and not row.surface.rsplit(" ", 1)[-1][:1].islower()


def decide(row: MentionRow, full_in_story: set[str], full_in_store: Mapping[str, int] | None) -> str:
    """The entity a mention names: its own identity, except for a bare surname that has full names
    in the store, which joins the one its story or the store makes clear (see the module doc)."""
    identity = identity_of(row)
    if not row.given and row.kind != "place" and full_in_store:
        identity = context_choice(full_in_story, full_in_store) or identity
    return identity


def context_choice(in_story: set[str], in_store: Mapping[str, int]) -> str | None:
    if len(in_story) == 1:
        return next(iter(in_story))
    return dominant(in_store)


def dominant(in_store: Mapping[str, int]) -> str | None:
    """The full name written at least ``DOMINANCE`` times as often as any other, if one is."""
    ranked = sorted(in_store.items(), key=lambda item: (-item[1], item[0]))[:2]
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


@dataclass(frozen=True)
class VariantCount:
    """How often an entity is written one way: summed mentions, and the number of mention rows."""

    surface: str
    language: str | None
    lemma: str
    kind: str
    mentions: int
    rows: int


def variant_counts(rows: Iterable[MentionRow]) -> list[VariantCount]:
    counts: dict[tuple[str, str | None, str, str], list[int]] = {}
    for row in rows:
        found = counts.setdefault((row.surface, row.language, row.lemma, row.kind), [0, 0])
        found[0] += row.count
        found[1] += 1
    return [VariantCount(*key, mentions, number) for key, (mentions, number) in counts.items()]


@dataclass(frozen=True)
class EntitySummary:
    name: str
    kind: str
    variants: tuple[EntityVariant, ...]


def summarise(identity: str, counts: Sequence[VariantCount]) -> EntitySummary:
    """Name, type and written forms of an entity, from its variant counts (order does not matter)."""
    variants: Counter[tuple[str, str | None]] = Counter()
    for count in counts:
        variants[(count.surface, count.language)] += count.mentions
    kinds: Counter[str] = Counter()
    for count in counts:
        if count.kind != "misc":
            kinds[count.kind] += count.rows
    kind = min(kinds, key=lambda k: (-kinds[k], k)) if kinds else "misc"
    return EntitySummary(
        name=display_name(identity, counts),
        kind=kind,
        variants=tuple(
            EntityVariant(surface, language, number)
            for (surface, language), number in sorted(variants.items(), key=lambda i: (-i[1], i[0][0], i[0][1] or ""))
        ),
    )


def _entity(identity: str, rows: list[MentionRow]) -> Entity:
    summary = summarise(identity, variant_counts(rows))
    return Entity(
        identity=identity,
        name=summary.name,
        kind=summary.kind,
        variants=summary.variants,
        article_ids=tuple(sorted({row.article_id for row in rows})),
        story_ids=tuple(sorted({row.story_id for row in rows if row.story_id is not None})),
    )


def display_name(identity: str, counts: Sequence[VariantCount]) -> str:
    """A place's English name; else the fullest name someone wrote in Latin script, else the
    fullest lemma transliterated. "Fullest" stops at three words: longer runs are usually two
    names glued by the page."""
    if ":" in identity:
        places: Counter[str] = Counter()
        for count in counts:
            if count.kind == "place":
                places[count.lemma] += count.rows
        if places:
            return min(places, key=lambda lemma: (-places[lemma], lemma))
    lemmas: Counter[str] = Counter()
    for count in counts:
        lemmas[_POSSESSIVE.sub("", count.lemma)] += count.mentions
    latin_forms = [lemma for lemma in lemmas if is_latin(lemma)]
    pool = latin_forms or list(lemmas)
    if not pool:
        return identity

    def fullness(lemma: str) -> tuple[int, int, str]:
        words = len(lemma.split())
        return (min(words, MAX_NAME_WORDS) - (words > MAX_NAME_WORDS), lemmas[lemma], lemma)

    chosen = max(pool, key=fullness)
    return chosen if is_latin(chosen) else transliterate(chosen)


def is_latin(text: str) -> bool:
    if text.isascii():
        return any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(_latin_letter(ch) for ch in letters)


def transliterate(text: str) -> str:
    # anyascii drops the Bulgarian "ъ" (Тръмп -> "Trmp"); it is an "a" in English spellings.
    return latin(text.replace("ъ", "а").replace("Ъ", "А"))


@lru_cache(maxsize=4096)
def _latin_letter(ch: str) -> bool:
    import unicodedata

    return "LATIN" in unicodedata.name(ch, "")
