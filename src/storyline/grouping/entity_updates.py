"""Keeping entity links current as articles arrive, at a cost that does not grow with the store.

Only bare surnames depend on context (``entities.decide``): on the full names their story holds,
and on the full name the whole store makes dominant for that surname. So after a batch only
these mentions can change entity:

- the batch's own mentions;
- bare mentions of a surname in a story that just got a full name with that surname it did not have;
- names in Chinese characters in a story that just got a full name it did not have (``entities.read_back``:
  the story's full names in other scripts are what they are read back as);
- every bare mention of a surname whose store-wide dominant full name changed (the balance between
  two full names tipped), or of a name whose dominant Latin spelling changed where the store holds
  the name written in another script (the only mentions that follow it). There can be many, so they are queued and re-decided a few per new
  article (``RELINK_PER_ARTICLE``, at least ``RELINK_MIN``): a batch never pays for the size of the
  store, a single article (the long-running HTTP ingest) pays for a few, and a surname with thousands
  of bare mentions settles over a few batches.

Everything else keeps its link. Once the queue is empty the result equals ``entities.link_entities``
run from scratch over the same mentions (the tests compare them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from storyline.grouping.entities import (
    MentionRow,
    choice_key,
    decide,
    identity_of,
    is_anchor,
    is_foreign_bare,
    latin_part_only_changed,
    mention_id,
    read_back,
    reads_back,
    store_choice,
)

MentionId = tuple[str, str, str]  # (article, key, given)
RELINK_PER_ARTICLE = 1  # queued bare mentions re-decided per article stored (128 a batch: about 10 ms)
RELINK_MIN = 8


@dataclass(frozen=True, slots=True)
class LinkChange:
    """A mention that gets an entity, or moves from one to another."""

    row: MentionRow
    old: str | None  # the identity it was linked to; None for a new mention
    new: str


class MentionStore(Protocol):
    """What relinking reads from and writes to the store."""

    def mentions_of_articles(self, article_ids: Sequence[str]) -> list[MentionRow]: ...

    def count_full_names(self, rows: Sequence[MentionRow]) -> set[tuple[int, str]]: ...

    def full_name_counts(self, keys: Sequence[str]) -> dict[str, dict[str, int]]: ...

    def foreign_bare_counts(self, choices: Sequence[str]) -> dict[str, int]: ...

    def count_foreign_bare(self, rows: Sequence[MentionRow]) -> None: ...

    def surname_choices(self, keys: Sequence[str]) -> dict[str, str | None]: ...

    def set_surname_choices(self, choices: Mapping[str, str | None]) -> None: ...

    def full_names_in_stories(self, places: Sequence[tuple[int, str]]) -> dict[tuple[int, str], set[str]]: ...

    def bare_mentions(self, places: Sequence[tuple[int, str]]) -> list[MentionRow]: ...

    def story_names(self, story_ids: Sequence[int]) -> dict[int, set[tuple[str, str]]]: ...

    def names_read_back(self, story_ids: Sequence[int]) -> list[MentionRow]: ...

    def queue_relinks(self, keys: Sequence[str]) -> None: ...

    def next_queued_mentions(self, limit: int) -> list[MentionRow]: ...

    def mention_links(self, mentions: Sequence[MentionId]) -> dict[MentionId, str]: ...

    def apply_link_changes(self, changes: Sequence[LinkChange]) -> None: ...


def relink_after(store: MentionStore, article_ids: Sequence[str]) -> list[LinkChange]:
    """Link the mentions of newly stored articles, re-decide the ones they can change, and work
    through the queue of surnames whose dominant full name changed."""
    new_rows = store.mentions_of_articles(article_ids)
    full_rows = [row for row in new_rows if is_anchor(row)]
    widened = store.count_full_names(full_rows)  # (story, key): a full name the story did not have
    keys = sorted({row.key for row in new_rows})
    in_store = store.full_name_counts(keys)
    changed = {choice_key(row): row for row in full_rows}  # per surname key and spelling
    before = store.surname_choices(sorted(changed))
    after = {choice: store_choice(row, in_store.get(row.key, {})) for choice, row in changed.items()}
    waiting = store.foreign_bare_counts(sorted(changed))  # stored before this batch

    def tipped(choice: str) -> bool:
        if before.get(choice) == after[choice]:
            return False
        return waiting.get(choice, 0) > 0 or not latin_part_only_changed(before.get(choice), after[choice])

    store.count_foreign_bare([row for row in new_rows if is_foreign_bare(row)])
    store.set_surname_choices(after)
    store.queue_relinks(sorted({row.key for choice, row in changed.items() if tipped(choice)}))

    to_decide: dict[MentionId, MentionRow] = {mention_id(row): row for row in new_rows}
    to_decide.update({mention_id(row): row for row in store.bare_mentions(sorted(widened))})
    read_again = store.names_read_back(sorted({story_id for story_id, _key in widened}))
    to_decide.update({mention_id(row): row for row in read_again if reads_back(row)})
    queued = store.next_queued_mentions(max(RELINK_MIN, RELINK_PER_ARTICLE * len(article_ids)))
    to_decide.update({mention_id(row): row for row in queued})
    in_store.update(store.full_name_counts(sorted({row.key for row in to_decide.values()} - set(in_store))))
    read_in = store.story_names(
        sorted({row.story_id for row in to_decide.values() if row.story_id is not None and reads_back(row)})
    )

    def needs_context(row: MentionRow) -> bool:
        return not row.given and row.kind != "place" and bool(in_store.get(row.key))

    places = sorted(
        {(row.story_id, row.key) for row in to_decide.values() if row.story_id is not None and needs_context(row)}
    )
    in_story = store.full_names_in_stories(places)
    current = store.mention_links(list(to_decide))
    changes = []
    for mention, row in to_decide.items():
        read = read_back(row, read_in.get(row.story_id, set())) if row.story_id is not None else frozenset()
        if needs_context(row) or read:
            known = set() if row.story_id is None else in_story.get((row.story_id, row.key), set())
            identity = decide(row, known, in_store.get(row.key), read)
        else:
            identity = identity_of(row)
        if current.get(mention) != identity:
            changes.append(LinkChange(row, current.get(mention), identity))
    store.apply_link_changes(changes)
    return changes
