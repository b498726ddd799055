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
from collections.abc import Iterable
from dataclasses import dataclass

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


def identity_of(row: MentionRow) -> str:
    """The entity a mention names before linking: its place id, given+surname keys, or bare key."""
    return f"{row.given} {row.key}" if row.given and row.given != row.key else row.key


def link_entities(rows: Iterable[MentionRow]) -> tuple[list[Entity], dict[tuple[str, str, str], str]]:
    """Entities over all mentions, and each (article, key, given) mention's entity identity."""
    rows = list(rows)
    links = _link_bare_surnames(rows)
    members: dict[str, list[MentionRow]] = defaultdict(list)
    for row in rows:
        members[links[(row.article_id, row.key, row.given)]].append(row)
    entities = [_entity(identity, group) for identity, group in members.items()]
    return entities, links


def _link_bare_surnames(rows: list[MentionRow]) -> dict[tuple[str, str, str], str]:
    full_by_key: dict[str, Counter[str]] = defaultdict(Counter)
    full_by_story: dict[tuple[int | None, str], set[str]] = defaultdict(set)
    for row in rows:
        if row.given and row.given != row.key:
            full_by_key[row.key][identity_of(row)] += 1
            full_by_story[(row.story_id, row.key)].add(identity_of(row))
    links = {}
    for row in rows:
        identity = identity_of(row)
        if not row.given and row.kind != "place" and row.key in full_by_key:
            identity = (
                _context_choice(full_by_story.get((row.story_id, row.key), set()), full_by_key[row.key]) or identity
            )
        links[(row.article_id, row.key, row.given)] = identity
    return links


def _context_choice(in_story: set[str], in_store: Counter[str]) -> str | None:
    if len(in_story) == 1:
        return next(iter(in_story))
    ranked = in_store.most_common(2)
    if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]:
        return ranked[0][0]
    return None


def _entity(identity: str, rows: list[MentionRow]) -> Entity:
    variants: Counter[tuple[str, str | None]] = Counter()
    for row in rows:
        variants[(row.surface, row.language)] += row.count
    kinds = Counter(row.kind for row in rows if row.kind != "misc")
    return Entity(
        identity=identity,
        name=display_name(rows),
        kind=kinds.most_common(1)[0][0] if kinds else "misc",
        variants=tuple(
            EntityVariant(surface, language, count)
            for (surface, language), count in sorted(variants.items(), key=lambda item: (-item[1], item[0][0]))
        ),
        article_ids=tuple(sorted({row.article_id for row in rows})),
        story_ids=tuple(sorted({row.story_id for row in rows if row.story_id is not None})),
    )


def display_name(rows: list[MentionRow]) -> str:
    """The fullest name someone wrote in Latin script, else the fullest lemma transliterated.

    "Fullest" stops at three words: longer runs are usually two names glued by the page.
    """
    places = [row.lemma for row in rows if row.kind == "place" and ":" in row.key]
    if places:
        return places[0]
    lemmas: Counter[str] = Counter()
    for row in rows:
        lemmas[_POSSESSIVE.sub("", row.lemma)] += row.count
    latin_forms = [lemma for lemma in lemmas if is_latin(lemma)]
    pool = latin_forms or list(lemmas)
    chosen = max(
        pool,
        key=lambda lemma: (
            min(len(lemma.split()), MAX_NAME_WORDS) - (len(lemma.split()) > MAX_NAME_WORDS),
            lemmas[lemma],
        ),
    )
    return chosen if is_latin(chosen) else transliterate(chosen)


def is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in _char_name(ch) for ch in letters)


def transliterate(text: str) -> str:
    # anyascii drops the Bulgarian "ъ" (Тръмп -> "Trmp"); it is an "a" in English spellings.
    return latin(text.replace("ъ", "а").replace("Ъ", "А"))


def _char_name(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "")
