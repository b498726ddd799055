"""Entity links and the counts derived from them, kept by deltas: a part of ``Store``.

``apply_link_changes`` moves each changed mention from its old entity to its new one, adjusting
only those two entities' counts (variants, articles, stories, the key's usual entity); then the
touched entities' names, types and variant lists are recomputed from their variant counts.
``rebuild_entities`` computes everything from scratch (migrations, and the tests' reference).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.grouping.entities import (
    READ_BACK_LANGUAGES,
    MentionRow,
    VariantCount,
    anchor_of,
    choice_key,
    is_anchor,
    is_foreign_bare,
    is_full_name,
    link_entities,
    store_choice,
    summarise,
)
from storyline.grouping.entity_updates import LinkChange, MentionId
from storyline.stages.keys import (
    acronym_key,
    earlier_acronym_keys,
    earlier_given_keys,
    earlier_name_keys,
    given_key,
    is_mixed_case_acronym,
    name_key,
)
from storyline.store.base import StoreBase

RENAME_CHUNK = 2_000  # entities renamed a statement round at a time (``rename_entities``)
COLUMNS = (
    "SELECT e.article_id, m.story_id, e.key, e.given, e.kind, e.surface, e.lemma, e.mentions, a.language, a.published"
)
_MENTIONS_FROM = (
    " FROM article_entities e JOIN articles a ON a.id=e.article_id LEFT JOIN memberships m ON m.article_id=e.article_id"
)
QUEUED_MENTIONS = COLUMNS + ", e.rowid" + _MENTIONS_FROM  # with the row number, for the relink queue
_MENTION_COLUMNS = COLUMNS + _MENTIONS_FROM
# SQLite's CROSS JOIN keeps the story's members as the outer loop: the cost is the story's size, not
# the number of mentions of the key in the whole store (PostgreSQL's planner chooses by statistics).
_STORY_MENTIONS = (
    COLUMNS + " FROM memberships m {ordered_join} article_entities e ON e.article_id=m.article_id"
    " JOIN articles a ON a.id=e.article_id WHERE m.story_id=? AND e.key=? AND e.given=''"
)

# A story's persons in the languages whose names in characters are read back, member by member (the
# languages are the constant codes of ``READ_BACK_LANGUAGES``, written into the statement).
_READ_BACK = ",".join(f"'{language}'" for language in sorted(READ_BACK_LANGUAGES))
_STORY_NAMES_READ_BACK = (
    COLUMNS + " FROM memberships m {ordered_join} articles a ON a.id=m.article_id"
    " JOIN article_entities e ON e.article_id=m.article_id"
    f" WHERE m.story_id=? AND a.language IN ({_READ_BACK}) AND e.kind='person'"
)


class EntityLinks(StoreBase):
    """Mixed into ``Store``."""

    # ---- MentionStore -------------------------------------------------------------------------

    def mentions_of_articles(self, article_ids: Sequence[str]) -> list[MentionRow]:
        return [
            MentionRow(*row)
            for row in self._rows_for_ids(_MENTION_COLUMNS + " WHERE e.article_id IN ({marks})", article_ids)
        ]

    def count_full_names(self, rows: Sequence[MentionRow]) -> set[tuple[int, str]]:
        """Count the anchors (full names and Latin spellings, ``entities.is_anchor``); returns the (story,
        surname key) pairs that got a full name they had not."""
        anchors = Counter((row.key, anchor_of(row)) for row in rows if is_anchor(row))  # one row a name
        self._db.executemany(
            "INSERT INTO entity_full_names VALUES (?,?,?) ON CONFLICT(key, identity) DO UPDATE SET"
            " rows=entity_full_names.rows+excluded.rows",
            [(key, identity, count) for (key, identity), count in anchors.items()],
        )
        full = [row for row in rows if is_full_name(row)]
        in_stories = Counter((row.story_id, row.key, anchor_of(row)) for row in full if row.story_id is not None)
        had = self.story_names(sorted({story_id for story_id, _key, _identity in in_stories}))
        existing = {(story_id, key, identity) for story_id, names in had.items() for key, identity in names}
        self._db.executemany(
            "INSERT INTO story_full_names VALUES (?,?,?,?) ON CONFLICT(story_id, key, identity) DO UPDATE SET"
            " rows=story_full_names.rows+excluded.rows",
            [(story_id, key, identity, count) for (story_id, key, identity), count in in_stories.items()],
        )
        return {(story_id, key) for story_id, key, identity in in_stories if (story_id, key, identity) not in existing}

    def full_name_counts(self, keys: Sequence[str]) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for row in self._rows_for_ids("SELECT key, identity, rows FROM entity_full_names WHERE key IN ({marks})", keys):
            counts.setdefault(row[0], {})[row[1]] = row[2]
        return counts

    def foreign_bare_counts(self, choices: Sequence[str]) -> dict[str, int]:
        return {
            row[0]: int(row[1])
            for row in self._rows_for_ids("SELECT key, rows FROM foreign_bare_names WHERE key IN ({marks})", choices)
        }

    def count_foreign_bare(self, rows: Sequence[MentionRow]) -> None:
        counts = Counter(choice_key(row) for row in rows)
        self._db.executemany(
            "INSERT INTO foreign_bare_names VALUES (?,?) ON CONFLICT(key) DO UPDATE SET"
            " rows=foreign_bare_names.rows+excluded.rows",
            sorted(counts.items()),
        )

    def surname_choices(self, keys: Sequence[str]) -> dict[str, str | None]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids("SELECT key, identity FROM surname_choices WHERE key IN ({marks})", keys)
        }

    def set_surname_choices(self, choices: Mapping[str, str | None]) -> None:
        self._db.executemany(
            "INSERT INTO surname_choices VALUES (?,?) ON CONFLICT(key) DO UPDATE SET identity=excluded.identity",
            list(choices.items()),
        )

    def full_names_in_stories(self, places: Sequence[tuple[int, str]]) -> dict[tuple[int, str], set[str]]:
        """Per (story, surname key): the full names with that surname its articles use."""
        found: dict[tuple[int, str], set[str]] = {place: set() for place in places}
        for row in self._rows_for_pairs(
            "SELECT story_id, key, identity FROM story_full_names WHERE {pairs}", ("story_id", "key"), sorted(found)
        ):
            found[(int(row[0]), row[1])].add(row[2])
        return found

    def bare_mentions(self, places: Sequence[tuple[int, str]]) -> list[MentionRow]:
        """The bare mentions (surname alone) of each (story, surname key), place by place (each a walk
        over the story's members; PostgreSQL reads them all in one statement per chunk)."""
        sql = _STORY_MENTIONS.format(ordered_join=self._sql.ordered_join)
        return [MentionRow(*row) for story_id, key in places for row in self._db.execute(sql, (story_id, key))]

    def story_names(self, story_ids: Sequence[int]) -> dict[int, set[tuple[str, str]]]:
        """Per story: its full names, as (surname key, anchor) pairs (``entities.read_back`` reads a name in
        Chinese characters against them)."""
        found: dict[int, set[tuple[str, str]]] = {story_id: set() for story_id in story_ids}
        for row in self._rows_for_ids(
            "SELECT story_id, key, identity FROM story_full_names WHERE story_id IN ({marks})", story_ids
        ):
            found[int(row[0])].add((row[1], row[2]))
        return found

    def names_read_back(self, story_ids: Sequence[int]) -> list[MentionRow]:
        """The persons' names of these stories' articles in a language whose names in characters are read
        back (``entities.READ_BACK_LANGUAGES``): only stories with such articles are walked, each over its
        members."""
        stories = sorted(
            {
                int(row[0])
                for row in self._rows_for_ids(
                    f"SELECT story_id FROM story_languages WHERE language IN ({_READ_BACK}) AND story_id IN ({{marks}})",
                    story_ids,
                )
            }
        )
        sql = _STORY_NAMES_READ_BACK.format(ordered_join=self._sql.ordered_join)
        return [MentionRow(*row) for story_id in stories for row in self._db.execute(sql, (story_id,))]

    def queue_relinks(self, keys: Sequence[str]) -> None:
        """Every bare mention of these surnames is to be decided again (from the first one stored on)."""
        self._db.executemany(
            "INSERT INTO relink_queue VALUES (?, 0) ON CONFLICT(key) DO UPDATE SET after_seq=0",
            [(key,) for key in keys],
        )

    def next_queued_mentions(self, limit: int) -> list[MentionRow]:
        """Up to ``limit`` queued bare mentions, in the order they were stored; the queue moves past them.
        The keys are read ``_QUEUED_KEYS_PER_READ`` at a time (a key's rows are cut to what is still wanted)."""
        found: list[MentionRow] = []
        done: list[tuple[str]] = []
        queue = [
            (str(key), int(after))
            for key, after in self._db.execute("SELECT key, after_seq FROM relink_queue ORDER BY key")
        ]
        for start in range(0, len(queue), self._QUEUED_KEYS_PER_READ):
            chunk = queue[start : start + self._QUEUED_KEYS_PER_READ]
            rows_of = self._queued_rows(chunk, limit - len(found))
            for key, _after in chunk:
                rows = rows_of.get(key, [])[: limit - len(found)]
                found += [MentionRow(*row[:-1]) for row in rows]
                if len(found) < limit:
                    done.append((key,))
                else:
                    self._db.execute("UPDATE relink_queue SET after_seq=? WHERE key=?", (rows[-1][-1], key))
                    break
            if len(found) >= limit:
                break
        self._db.executemany("DELETE FROM relink_queue WHERE key=?", done)  # one pipelined round on PostgreSQL
        return found

    _QUEUED_KEYS_PER_READ = 1  # SQLite: a statement costs no round trip

    def _queued_rows(self, queue: Sequence[tuple[str, int]], limit: int) -> dict[str, list[Any]]:
        """Per queued (key, after), up to ``limit`` of its bare mentions stored after ``after``, in order
        (with their row number last). The key's index holds its rows in the order they were stored."""
        return {
            key: self._db.execute(
                QUEUED_MENTIONS + " WHERE e.key=? AND e.rowid>? AND e.given='' ORDER BY e.rowid LIMIT ?",
                (key, after, limit),
            ).fetchall()
            for key, after in queue
        }

    def queued_relinks(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM relink_queue").fetchone()[0])

    # ---- how far linking has got (grouping/linking.py) ------------------------------------------

    def linked_through(self) -> int:
        """Every article up to this seq has its mentions linked (articles are linked in the order stored)."""
        return int(self._meta("linked_seq") or 0)

    def unlinked_articles(self, limit: int) -> list[tuple[int, str]]:
        """The next ``limit`` articles (seq, id) whose mentions are not linked yet, in the order stored."""
        rows = self._db.execute(
            "SELECT seq, id FROM articles WHERE seq>? ORDER BY seq LIMIT ?", (self.linked_through(), limit)
        )
        return [(int(seq), str(article_id)) for seq, article_id in rows]

    def unlinked_count(self) -> int:
        return int(
            self._db.execute("SELECT COUNT(*) FROM articles WHERE seq>?", (self.linked_through(),)).fetchone()[0]
        )

    def set_linked_through(self, seq: int) -> None:
        self._set_meta("linked_seq", seq)

    def mention_links(self, mentions: Sequence[MentionId]) -> dict[MentionId, str]:
        wanted = set(mentions)
        found: dict[MentionId, str] = {}
        for row in self._rows_for_ids(
            "SELECT em.article_id, em.key, em.given, e.identity FROM entity_mentions em"
            " JOIN entities e ON e.id=em.entity_id WHERE em.article_id IN ({marks})",
            sorted({article_id for article_id, _key, _given in wanted}),
        ):
            if (row[0], row[1], row[2]) in wanted:
                found[(row[0], row[1], row[2])] = row[3]
        return found

    def apply_link_changes(self, changes: Sequence[LinkChange]) -> None:
        """Move each changed mention to its new entity and carry every count along, in a few
        statements for the whole batch (``_Deltas``), whatever the number of mentions."""
        if not changes:
            return
        ids = self._entity_ids({identity for change in changes for identity in (change.old, change.new) if identity})
        deltas = _Deltas(self._linked_counts({change.row.article_id for change in changes}))
        for change in changes:
            if change.old is not None:
                deltas.unlink(change.row, ids[change.old], ids[change.new])
            deltas.link(change.row, ids[change.new])
        self._db.executemany(
            "DELETE FROM entity_mentions WHERE article_id=? AND key=? AND given=?",
            [(change.row.article_id, change.row.key, change.row.given) for change in changes if change.old is not None],
        )
        self._db.executemany(
            "INSERT INTO entity_mentions VALUES (?,?,?,?)",
            [(ids[change.new], change.row.article_id, change.row.key, change.row.given) for change in changes],
        )
        counts = self._apply_counts(deltas)
        self._summarise(sorted(deltas.touched), deltas.moved_to, counts)

    # ---- deltas -----------------------------------------------------------------------------

    def _entity_ids(self, identities: Iterable[str]) -> dict[str, int]:
        """Ids of these identities, new entities made for the ones the store does not have."""
        wanted = sorted(identities)
        sql = "SELECT identity, id FROM entities WHERE identity IN ({marks})"
        ids = {row[0]: int(row[1]) for row in self._rows_for_ids(sql, wanted)}
        missing = [identity for identity in wanted if identity not in ids]
        if missing:
            self._db.executemany(
                "INSERT INTO entities (identity, name, kind, articles, stories, variants) VALUES (?,?,?,0,0,'[]')",
                [(identity, identity, "misc") for identity in missing],
            )
            ids.update({row[0]: int(row[1]) for row in self._rows_for_ids(sql, missing)})
        return ids

    def _linked_counts(self, article_ids: set[str]) -> dict[tuple[int, str], int]:
        """Per (entity, article) of these articles: how many of the article's mentions link there."""
        return {
            (int(row[0]), row[1]): int(row[2])
            for row in self._rows_for_ids(
                "SELECT entity_id, article_id, COUNT(*) FROM entity_mentions WHERE article_id IN ({marks})"
                " GROUP BY entity_id, article_id",
                sorted(article_ids),
            )
        }

    def _apply_counts(self, deltas: _Deltas) -> dict[int, tuple[int, int]]:
        """The counts' tables brought up to date; returns each entity's change in (articles, stories),
        which ``_summarise`` writes with its name."""
        variants = [(*variant, mentions, rows) for variant, (mentions, rows) in deltas.variants.items()]
        self._db.executemany(
            "INSERT INTO entity_variants VALUES (?,?,?,?,?,?,?) ON CONFLICT(entity_id, surface, language, lemma, kind)"
            " DO UPDATE SET mentions=entity_variants.mentions+excluded.mentions, rows=entity_variants.rows+excluded.rows",
            variants,
        )
        self._db.executemany(
            "DELETE FROM entity_variants WHERE entity_id=? AND surface=? AND language=? AND lemma=? AND kind=?"
            " AND rows<=0",
            [variant[:5] for variant in variants if variant[6] < 0],
        )
        keys = [(key, entity_id, rows) for (key, entity_id), rows in deltas.keys.items()]
        self._db.executemany(
            "INSERT INTO key_entities VALUES (?,?,?) ON CONFLICT(key, entity_id) DO UPDATE SET"
            " rows=key_entities.rows+excluded.rows",
            keys,
        )
        self._db.executemany(
            "DELETE FROM key_entities WHERE key=? AND entity_id=? AND rows<=0",
            [(key, entity_id) for key, entity_id, rows in keys if rows < 0],
        )
        stories_before = self._entity_story_counts(list(deltas.stories))
        story_changes: dict[int, int] = {}
        for (entity_id, story_id), change in deltas.stories.items():
            before = stories_before.get((entity_id, story_id), 0)
            story_changes[entity_id] = story_changes.get(entity_id, 0) + (before + change > 0) - (before > 0)
        self._db.executemany(
            "INSERT INTO entity_stories VALUES (?,?,?) ON CONFLICT(entity_id, story_id) DO UPDATE SET"
            " articles=entity_stories.articles+excluded.articles",
            [(entity_id, story_id, change) for (entity_id, story_id), change in deltas.stories.items() if change],
        )
        self._db.executemany(
            "DELETE FROM entity_stories WHERE entity_id=? AND story_id=? AND articles<=0",
            [pair for pair, change in deltas.stories.items() if change < 0],
        )
        days = [(entity_id, day, change) for (entity_id, day), change in deltas.days.items() if change]
        self._db.executemany(
            "INSERT INTO entity_days VALUES (?,?,?) ON CONFLICT(entity_id, day) DO UPDATE SET"
            " articles=entity_days.articles+excluded.articles",
            days,
        )
        self._db.executemany(
            "DELETE FROM entity_days WHERE entity_id=? AND day=? AND articles<=0",
            [(entity_id, day) for entity_id, day, change in days if change < 0],
        )
        return {
            entity_id: (deltas.articles.get(entity_id, 0), story_changes.get(entity_id, 0))
            for entity_id in set(deltas.articles) | set(story_changes)
        }

    def _entity_story_counts(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], int]:
        return {
            (int(row[0]), int(row[1])): int(row[2])
            for row in self._rows_for_pairs(
                "SELECT entity_id, story_id, articles FROM entity_stories WHERE {pairs}",
                ("entity_id", "story_id"),
                sorted(set(pairs)),
            )
        }

    def _summarise(
        self, entity_ids: Sequence[int], moved_to: Mapping[int, set[int]], counts: Mapping[int, tuple[int, int]]
    ) -> None:
        """Names, types and variant lists of these entities, from their variant counts, written in one
        row update each with their changes in articles and stories (``counts``)."""
        written: dict[int, list[VariantCount]] = {entity_id: [] for entity_id in entity_ids}
        for row in self._rows_for_ids(
            "SELECT entity_id, surface, language, lemma, kind, mentions, rows FROM entity_variants"
            " WHERE entity_id IN ({marks})",
            entity_ids,
        ):
            written[row[0]].append(VariantCount(row[1], row[2] or None, row[3], row[4], row[5], row[6]))
        updates = []
        for row in self._rows_for_ids("SELECT id, identity, articles FROM entities WHERE id IN ({marks})", entity_ids):
            entity_id, identity = int(row[0]), row[1]
            articles, stories = counts.get(entity_id, (0, 0))
            summary = summarise(identity, written[entity_id])
            targets = moved_to.get(entity_id, set())
            merged = next(iter(targets)) if int(row[2]) + articles == 0 and len(targets) == 1 else None
            variants = json.dumps([[v.surface, v.language, v.count] for v in summary.variants], ensure_ascii=False)
            updates.append((articles, stories, summary.name, summary.kind, variants, merged, entity_id))
        self._db.executemany(
            "UPDATE entities SET articles=articles+?, stories=stories+?, name=?, kind=?, variants=?, merged_into=?"
            " WHERE id=?",
            updates,
        )

    def rename_entities(self) -> None:
        """Every linked entity's name, type and variant list made again from its variant counts, its links
        and counts as they are: for a migration whose rules change only how entities are shown."""
        ids = [int(row[0]) for row in self._db.execute("SELECT id FROM entities WHERE merged_into IS NULL ORDER BY id")]
        for start in range(0, len(ids), RENAME_CHUNK):
            self._summarise(ids[start : start + RENAME_CHUNK], {}, {})

    def rekey_mentions(self) -> None:
        """Every stored mention whose key or given-name key an earlier schema's rule made
        (``keys.earlier_name_keys``, ``keys.earlier_given_keys``, ``keys.earlier_acronym_keys``) keyed
        again by today's rule, rows of one
        article that now share a key and given name merged as the entity stage merges them; what is
        counted by key follows (the entity links' mentions, so that ``rebuild_entities`` keeps their
        entities' ids; the statements' keys, the keys' article counts, the stories' keys). For the
        migration only: it reads every full name of the store, and every mention whose key an earlier rule
        could have made otherwise (one ending in "s", or holding "drs": ``keys._foreign_letters``; an acronym's)."""
        rows = [
            StoredMention(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), str(row[5]), int(row[6]))
            for row in self._db.execute(
                "SELECT article_id, key, given, surface, lemma, kind, mentions FROM article_entities"
                " WHERE given<>'' OR key LIKE '%s' OR key LIKE '%drs%' OR key LIKE '#%' OR LENGTH(surface) <= 5"
            )
        ]
        removed, written, moved = rekeyed_mentions(rows)
        if not moved:
            return
        self._db.executemany("DELETE FROM article_entities WHERE article_id=? AND key=? AND given=?", removed)
        self._db.executemany(
            "INSERT INTO article_entities (article_id, key, surface, lemma, kind, mentions, given)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.article_id, m.key, m.surface, m.lemma, m.kind, m.mentions, m.given) for m in written],
        )
        self._db.executemany(
            "UPDATE entity_mentions SET key=?, given=? WHERE article_id=? AND key=? AND given=?",
            [(key, given, *old) for old, (key, given) in moved.items()],
        )
        renamed = {(old[0], old[1]): key for old, (key, _given) in moved.items() if key != old[1]}
        if renamed:
            self._rename_keys(renamed)

    def _rename_keys(self, renamed: Mapping[tuple[str, str], str]) -> None:
        """After mentions changed key (article, old key -> new key): the statements' keys, each changed
        key's article count and its stories' counts made again from the mentions."""
        articles = sorted({article_id for article_id, _key in renamed})
        updates = []
        for row in self._rows_for_ids(
            "SELECT article_id, position, entity_keys FROM statements WHERE article_id IN ({marks})", articles
        ):
            keys = json.loads(row[2])
            new = sorted({renamed.get((row[0], key), key) for key in keys})
            if new != keys:
                updates.append((json.dumps(new), row[0], row[1]))
        self._db.executemany("UPDATE statements SET entity_keys=? WHERE article_id=? AND position=?", updates)
        keys = sorted({key for _article, key in renamed} | set(renamed.values()))
        self._execute_for_ids("DELETE FROM entity_frequency WHERE key IN ({marks})", keys)
        self._execute_for_ids(
            "INSERT INTO entity_frequency SELECT key, COUNT(DISTINCT article_id) FROM article_entities"
            " WHERE key IN ({marks}) GROUP BY key",
            keys,
        )
        self._execute_for_ids("DELETE FROM story_entities WHERE key IN ({marks})", keys)
        self._execute_for_ids(
            "INSERT INTO story_entities SELECT m.story_id, e.key, COUNT(DISTINCT e.article_id), s.first_seen,"
            " s.last_seen FROM memberships m JOIN article_entities e ON e.article_id = m.article_id"
            " JOIN stories s ON s.id = m.story_id WHERE e.key IN ({marks}) GROUP BY m.story_id, e.key,"
            " s.first_seen, s.last_seen",
            keys,
        )

    # ---- from scratch ------------------------------------------------------------------------

    def mention_rows(self) -> list[MentionRow]:
        """Every mention of the store (for a rebuild from scratch): a store's names repeat (13,000 written
        forms in a million mentions), so each text is held once (``_compact``)."""
        return [_compact(row) for row in self._db.execute(_MENTION_COLUMNS + " ORDER BY a.seq")]

    def rebuild_entities(self) -> None:
        """Link every mention from scratch and recount everything (identities keep their ids).
        Reads the whole store: for migrations and checks, never for ingest."""
        rows = self.mention_rows()
        entities, links = link_entities(rows)
        votes = self._keep_ids(links)
        for table in ("entity_mentions", "entity_variants", "entity_stories", "entity_days", "key_entities"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.execute("DELETE FROM entity_full_names")
        self._db.execute("DELETE FROM story_full_names")
        self._db.execute("DELETE FROM relink_queue")
        self._db.execute("DELETE FROM surname_choices")
        self._db.execute("DELETE FROM foreign_bare_names")
        self._db.execute("UPDATE entities SET articles=0, stories=0, variants='[]', merged_into=NULL")
        self.count_full_names(rows)
        self.count_foreign_bare([row for row in rows if is_foreign_bare(row)])
        anchors = {choice_key(row): row for row in rows if is_anchor(row)}
        counts = self.full_name_counts(sorted({row.key for row in anchors.values()}))
        self.set_surname_choices(
            {choice: store_choice(row, counts.get(row.key, {})) for choice, row in anchors.items()}
        )
        by_mention = {(row.article_id, row.key, row.given): row for row in rows}
        self.apply_link_changes(
            [LinkChange(by_mention[mention], None, identity) for mention, identity in links.items()]
        )
        self.set_linked_through(int(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]))
        ids = {str(row[0]): int(row[1]) for row in self._db.execute("SELECT identity, id FROM entities")}
        went: dict[int, Counter[int]] = {}
        for (identity, entity_id), count in votes.items():
            if ids[identity] != entity_id:
                went.setdefault(entity_id, Counter())[ids[identity]] += count
        self._db.executemany(
            "UPDATE entities SET merged_into=? WHERE id=? AND articles=0",
            [(targets.most_common(1)[0][0], entity_id) for entity_id, targets in went.items()],
        )

    def _keep_ids(self, links: Mapping[MentionId, str]) -> Counter[tuple[str, int]]:
        """Before relinking from scratch: an identity the rule now writes differently (a new schema's
        spelling) takes the id of the entity most of its mentions were linked to, so pages and links to
        an entity stay where they were. Returns how many mentions go from each old entity to each
        identity (an entity left without mentions then points to the one most of them went to)."""
        ids = {str(row[0]): int(row[1]) for row in self._db.execute("SELECT identity, id FROM entities")}
        before = {  # the texts held once (a store's keys repeat), and no more than ``links`` asks for
            (sys.intern(row[0]), sys.intern(row[1]), sys.intern(row[2])): int(row[3])
            for row in self._db.execute("SELECT article_id, key, given, entity_id FROM entity_mentions")
        }
        votes = Counter((identity, before[mention]) for mention, identity in links.items() if mention in before)
        wanted = set(links.values())
        identity_of_id = {entity_id: identity for identity, entity_id in ids.items()}
        renamed: set[int] = set()
        for (identity, entity_id), _count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
            if identity in ids or entity_id in renamed or identity_of_id[entity_id] in wanted:
                continue
            self._db.execute("UPDATE entities SET identity=? WHERE id=?", (identity, entity_id))
            ids[identity] = entity_id
            renamed.add(entity_id)
        return votes


def _compact(row: Sequence[Any]) -> MentionRow:
    """A mention row whose repeated texts (article, key, given name, kind, surface, lemma, language, date) are
    the interpreter's one copy of each: a rebuild holds every mention of the store at once."""
    article_id, story_id, key, given, kind, surface, lemma, count, language, published = row
    return MentionRow(
        sys.intern(article_id),
        story_id,
        sys.intern(key),
        sys.intern(given),
        sys.intern(kind),
        sys.intern(surface),
        sys.intern(lemma),
        count,
        language if language is None else sys.intern(language),
        published if published is None else sys.intern(published),
    )


@dataclass(frozen=True)
class StoredMention:
    """A row of ``article_entities``."""

    article_id: str
    key: str
    given: str
    surface: str
    lemma: str
    kind: str
    mentions: int


MentionKey = tuple[str, str, str]  # (article, key, given): a row of ``article_entities``


def rekeyed_mentions(
    rows: Sequence[StoredMention],
) -> tuple[list[MentionKey], list[StoredMention], dict[MentionKey, tuple[str, str]]]:
    """What ``rekey_mentions`` does to these rows: the (article, key, given) rows it removes, the rows it
    writes in their place, and each moved mention's new (key, given). A row's key is made again from
    the word it was made from (its lemma's last word or its surface's, or either written as one word)
    when an earlier rule gives that word the row's key; its given name likewise from its lemma's first
    word or its surface's. A first name alone (its given name its key) keeps the two equal; a full name
    whose new given key would be its key keeps its old one (it would read as a first name alone)."""
    moved: dict[MentionKey, tuple[str, str]] = {}
    for row in rows:
        if row.key.startswith("#") or is_mixed_case_acronym(row.surface):  # an acronym's (schema 23)
            key = _again(row.key, _key_words(row), earlier_acronym_keys, acronym_key)
        else:
            key = _again(row.key, _key_words(row), earlier_name_keys, name_key)
        if row.given == row.key and " " not in row.lemma:
            given = key
        elif row.given:
            firsts = [words[0] for words in (row.lemma.split(), row.surface.split()) if words]
            given = _again(row.given, firsts, earlier_given_keys, given_key)
            given = row.given if given == key else given
        else:
            given = ""
        if (key, given) != (row.key, row.given):
            moved[(row.article_id, row.key, row.given)] = (key, given)
    groups: dict[MentionKey, list[StoredMention]] = {}
    for row in rows:
        key, given = moved.get((row.article_id, row.key, row.given), (row.key, row.given))
        groups.setdefault((row.article_id, key, given), []).append(row)
    removed: list[MentionKey] = []
    written: list[StoredMention] = []
    for (_article, key, given), group in groups.items():
        if all((row.article_id, row.key, row.given) not in moved for row in group):
            continue
        removed += [(row.article_id, row.key, row.given) for row in group]
        written.append(_merged(group, key, given))
    return removed, written, moved


def _key_words(row: StoredMention) -> list[str]:
    """The words a mention's key may have been made from: its lemma's last word or its surface's, or
    either written as one word (a club's name, ``stages/entities._club_mention``: its words after the first)."""
    lemma, surface = row.lemma.split(), row.surface.split()
    return [*lemma[-1:], *surface[-1:], "".join(lemma), "".join(surface[1:])]


def _again(
    key: str, words: Iterable[str], earlier: Callable[[str], frozenset[str]], today: Callable[[str], str]
) -> str:
    """The key today's rule gives the first of these words an earlier rule gave ``key``; ``key`` if none."""
    return next((today(word) for word in words if word and key in earlier(word)), key)


def _merged(group: Sequence[StoredMention], key: str, given: str) -> StoredMention:
    """One article's rows of one key and given name as one, as the entity stage merges its mentions: the
    longest, then most frequent, surface and lemma, the kind most mentions give that is not "misc"."""
    surface = max(group, key=lambda row: (len(row.surface.split()), row.mentions)).surface
    lemma = max(group, key=lambda row: (len(row.lemma.split()), row.mentions)).lemma
    kinds: Counter[str] = Counter()
    for row in group:
        kinds[row.kind] += row.mentions
    typed = [(count, kind) for kind, count in kinds.items() if kind not in ("misc", "given")]
    kind = max(typed)[1] if typed else "misc"
    return StoredMention(group[0].article_id, key, given, surface, lemma, kind, sum(r.mentions for r in group))


class _Deltas:
    """What a batch of link changes does to the counts, mention by mention, in the order given (an
    article's first mention of an entity adds the article to it; its last one taken away removes it)."""

    def __init__(self, linked: dict[tuple[int, str], int]) -> None:
        self.linked = linked  # (entity, article) -> mentions linked there, as the changes go
        self.variants: dict[tuple[int, str, str, str, str], tuple[int, int]] = {}
        self.keys: dict[tuple[str, int], int] = {}
        self.articles: dict[int, int] = {}
        self.stories: dict[tuple[int, int], int] = {}
        self.days: dict[tuple[int, str], int] = {}  # (entity, publication date) -> articles
        self.touched: set[int] = set()
        self.moved_to: dict[int, set[int]] = {}

    def link(self, row: MentionRow, entity_id: int) -> None:
        first = self.linked.get((entity_id, row.article_id), 0) == 0
        self.linked[(entity_id, row.article_id)] = self.linked.get((entity_id, row.article_id), 0) + 1
        self._count(row, entity_id, +1, first)

    def unlink(self, row: MentionRow, entity_id: int, to: int) -> None:
        remaining = self.linked.get((entity_id, row.article_id), 0) - 1
        self.linked[(entity_id, row.article_id)] = remaining
        self._count(row, entity_id, -1, remaining <= 0)
        self.moved_to.setdefault(entity_id, set()).add(to)

    def _count(self, row: MentionRow, entity_id: int, sign: int, article_changes: bool) -> None:
        self.touched.add(entity_id)
        variant = (entity_id, row.surface, row.language or "", row.lemma, row.kind)
        mentions, rows = self.variants.get(variant, (0, 0))
        self.variants[variant] = (mentions + sign * row.count, rows + sign)
        self.keys[(row.key, entity_id)] = self.keys.get((row.key, entity_id), 0) + sign
        if not article_changes:
            return
        self.articles[entity_id] = self.articles.get(entity_id, 0) + sign
        if row.published is not None:
            day = (entity_id, row.published)
            self.days[day] = self.days.get(day, 0) + sign
        if row.story_id is not None:
            place = (entity_id, row.story_id)
            self.stories[place] = self.stories.get(place, 0) + sign
