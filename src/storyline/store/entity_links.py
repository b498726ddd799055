"""Entity links and the counts derived from them, kept by deltas: a part of ``Store``.

``apply_link_changes`` moves each changed mention from its old entity to its new one, adjusting
only those two entities' counts (variants, articles, stories, the key's usual entity); then the
touched entities' names, types and variant lists are recomputed from their variant counts.
``rebuild_entities`` computes everything from scratch (migrations, and the tests' reference).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence

from storyline.grouping.entities import MentionRow, VariantCount, dominant, is_full_name, link_entities, summarise
from storyline.grouping.entity_updates import LinkChange, MentionId
from storyline.store.base import StoreBase

_COLUMNS = "SELECT e.article_id, m.story_id, e.key, e.given, e.kind, e.surface, e.lemma, e.mentions, a.language"
_MENTION_COLUMNS = (
    _COLUMNS + " FROM article_entities e JOIN articles a ON a.id=e.article_id"
    " LEFT JOIN memberships m ON m.article_id=e.article_id"
)
# SQLite's CROSS JOIN keeps the story's members as the outer loop: the cost is the story's size, not
# the number of mentions of the key in the whole store (PostgreSQL's planner chooses by statistics).
_STORY_MENTIONS = (
    _COLUMNS + " FROM memberships m {ordered_join} article_entities e ON e.article_id=m.article_id"
    " JOIN articles a ON a.id=e.article_id WHERE m.story_id=? AND e.key=? AND e.given=''"
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
        """Count the full names; returns the (story, surname key) pairs that got a full name they had not."""
        full = [row for row in rows if is_full_name(row)]
        self._db.executemany(
            "INSERT INTO entity_full_names VALUES (?,?,1) ON CONFLICT(key, identity) DO UPDATE SET"
            " rows=entity_full_names.rows+1",
            [(row.key, f"{row.given} {row.key}") for row in full],
        )
        new: set[tuple[int, str]] = set()
        for row in full:
            if row.story_id is None:
                continue
            identity = f"{row.given} {row.key}"
            updated = self._db.execute(
                "UPDATE story_full_names SET rows=rows+1 WHERE story_id=? AND key=? AND identity=?",
                (row.story_id, row.key, identity),
            ).rowcount
            if not updated:
                self._db.execute("INSERT INTO story_full_names VALUES (?,?,?,1)", (row.story_id, row.key, identity))
                new.add((row.story_id, row.key))
        return new

    def full_name_counts(self, keys: Sequence[str]) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for row in self._rows_for_ids("SELECT key, identity, rows FROM entity_full_names WHERE key IN ({marks})", keys):
            counts.setdefault(row[0], {})[row[1]] = row[2]
        return counts

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

    def full_names_in_story(self, story_id: int, key: str) -> set[str]:
        return {
            row[0]
            for row in self._db.execute(
                "SELECT identity FROM story_full_names WHERE story_id=? AND key=?", (story_id, key)
            )
        }

    def bare_mentions(self, key: str, story_id: int) -> list[MentionRow]:
        sql = _STORY_MENTIONS.format(ordered_join=self._sql.ordered_join)
        return [MentionRow(*row) for row in self._db.execute(sql, (story_id, key))]

    def queue_relinks(self, keys: Sequence[str]) -> None:
        """Every bare mention of these surnames is to be decided again (from the first one stored on)."""
        self._db.executemany(
            "INSERT INTO relink_queue VALUES (?, 0) ON CONFLICT(key) DO UPDATE SET after_seq=0",
            [(key,) for key in keys],
        )

    def next_queued_mentions(self, limit: int) -> list[MentionRow]:
        """Up to ``limit`` queued bare mentions, in the order they were stored; the queue moves past them."""
        found: list[MentionRow] = []
        for key, after in self._db.execute("SELECT key, after_seq FROM relink_queue ORDER BY key").fetchall():
            rows = self._db.execute(  # the key's index holds its rows in the order they were stored
                _COLUMNS + ", e.rowid FROM article_entities e JOIN articles a ON a.id=e.article_id"
                " LEFT JOIN memberships m ON m.article_id=e.article_id"
                " WHERE e.key=? AND e.rowid>? AND e.given='' ORDER BY e.rowid LIMIT ?",
                (key, after, limit - len(found)),
            ).fetchall()
            found += [MentionRow(*row[:-1]) for row in rows]
            if len(found) < limit:
                self._db.execute("DELETE FROM relink_queue WHERE key=?", (key,))
            else:
                self._db.execute("UPDATE relink_queue SET after_seq=? WHERE key=?", (rows[-1][-1], key))
                break
        return found

    def queued_relinks(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM relink_queue").fetchone()[0])

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
        ids = self._entity_ids({identity for change in changes for identity in (change.old, change.new) if identity})
        touched: set[int] = set()
        moved_to: dict[int, set[int]] = {}
        for change in changes:
            if change.old is not None:
                self._unlink(change.row, ids[change.old])
                touched.add(ids[change.old])
                moved_to.setdefault(ids[change.old], set()).add(ids[change.new])
            self._link(change.row, ids[change.new])
            touched.add(ids[change.new])
        for entity_id in sorted(touched):
            self._summarise(entity_id, moved_to.get(entity_id, set()))

    # ---- deltas -----------------------------------------------------------------------------

    def _entity_ids(self, identities: Iterable[str]) -> dict[str, int]:
        ids: dict[str, int] = {}
        for identity in sorted(identities):
            row = self._db.execute("SELECT id FROM entities WHERE identity=?", (identity,)).fetchone()
            if row is None:
                ids[identity] = self._insert_returning(
                    "INSERT INTO entities (identity, name, kind, articles, stories, variants) VALUES (?,?,?,0,0,'[]')",
                    (identity, identity, "misc"),
                    "id",
                )
            else:
                ids[identity] = int(row[0])
        return ids

    def _link(self, row: MentionRow, entity_id: int) -> None:
        first_in_article = not self._article_linked(entity_id, row.article_id)
        self._db.execute(
            "INSERT INTO entity_mentions VALUES (?,?,?,?)", (entity_id, row.article_id, row.key, row.given)
        )
        self._count(entity_id, row, +1, first_in_article)

    def _unlink(self, row: MentionRow, entity_id: int) -> None:
        self._db.execute(
            "DELETE FROM entity_mentions WHERE article_id=? AND key=? AND given=?", (row.article_id, row.key, row.given)
        )
        self._count(entity_id, row, -1, not self._article_linked(entity_id, row.article_id))

    def _article_linked(self, entity_id: int, article_id: str) -> bool:
        found = self._db.execute(
            "SELECT 1 FROM entity_mentions WHERE entity_id=? AND article_id=? LIMIT 1", (entity_id, article_id)
        )
        return found.fetchone() is not None

    def _count(self, entity_id: int, row: MentionRow, sign: int, article_changes: bool) -> None:
        """Add (+1) or take away (-1) one mention's share of an entity's counts."""
        variant = (entity_id, row.surface, row.language or "", row.lemma, row.kind)
        self._db.execute(
            "INSERT INTO entity_variants VALUES (?,?,?,?,?,?,?) ON CONFLICT(entity_id, surface, language, lemma, kind)"
            " DO UPDATE SET mentions=entity_variants.mentions+excluded.mentions, rows=entity_variants.rows+excluded.rows",
            (*variant, sign * row.count, sign),
        )
        self._db.execute(
            "INSERT INTO key_entities VALUES (?,?,?) ON CONFLICT(key, entity_id) DO UPDATE SET"
            " rows=key_entities.rows+excluded.rows",
            (row.key, entity_id, sign),
        )
        if sign < 0:
            self._db.execute(
                "DELETE FROM entity_variants WHERE entity_id=? AND surface=? AND language=? AND lemma=? AND kind=?"
                " AND rows<=0",
                variant,
            )
            self._db.execute("DELETE FROM key_entities WHERE key=? AND entity_id=? AND rows<=0", (row.key, entity_id))
        if not article_changes:
            return
        self._db.execute("UPDATE entities SET articles=articles+? WHERE id=?", (sign, entity_id))
        if row.story_id is None:
            return
        self._db.execute(
            "INSERT INTO entity_stories VALUES (?,?,?) ON CONFLICT(entity_id, story_id) DO UPDATE SET"
            " articles=entity_stories.articles+excluded.articles",
            (entity_id, row.story_id, sign),
        )
        emptied = self._db.execute(
            "DELETE FROM entity_stories WHERE entity_id=? AND story_id=? AND articles<=0", (entity_id, row.story_id)
        ).rowcount
        arrived = (
            sign > 0
            and self._db.execute(
                "SELECT articles FROM entity_stories WHERE entity_id=? AND story_id=?", (entity_id, row.story_id)
            ).fetchone()[0]
            == 1
        )
        if emptied or arrived:
            self._db.execute("UPDATE entities SET stories=stories+? WHERE id=?", (sign, entity_id))

    def _summarise(self, entity_id: int, moved_to: set[int]) -> None:
        identity, articles = self._db.execute(
            "SELECT identity, articles FROM entities WHERE id=?", (entity_id,)
        ).fetchone()
        counts = [
            VariantCount(row[0], row[1] or None, row[2], row[3], row[4], row[5])
            for row in self._db.execute(
                "SELECT surface, language, lemma, kind, mentions, rows FROM entity_variants WHERE entity_id=?",
                (entity_id,),
            )
        ]
        summary = summarise(identity, counts)
        merged = next(iter(moved_to)) if articles == 0 and len(moved_to) == 1 else None
        self._db.execute(
            "UPDATE entities SET name=?, kind=?, variants=?, merged_into=? WHERE id=?",
            (
                summary.name,
                summary.kind,
                json.dumps([[v.surface, v.language, v.count] for v in summary.variants], ensure_ascii=False),
                merged if articles == 0 else None,
                entity_id,
            ),
        )

    # ---- from scratch ------------------------------------------------------------------------

    def mention_rows(self) -> list[MentionRow]:
        return [MentionRow(*row) for row in self._db.execute(_MENTION_COLUMNS + " ORDER BY a.seq")]

    def rebuild_entities(self) -> None:
        """Link every mention from scratch and recount everything (identities keep their ids).
        Reads the whole store: for migrations and checks, never for ingest."""
        rows = self.mention_rows()
        entities, links = link_entities(rows)
        for table in ("entity_mentions", "entity_variants", "entity_stories", "key_entities"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.execute("DELETE FROM entity_full_names")
        self._db.execute("DELETE FROM story_full_names")
        self._db.execute("DELETE FROM relink_queue")
        self._db.execute("DELETE FROM surname_choices")
        self._db.execute("UPDATE entities SET articles=0, stories=0, variants='[]', merged_into=NULL")
        self.count_full_names(rows)
        full_keys = sorted({row.key for row in rows if is_full_name(row)})
        counts = self.full_name_counts(full_keys)
        self.set_surname_choices({key: dominant(counts.get(key, {})) for key in full_keys})
        ids = self._entity_ids({entity.identity for entity in entities})
        by_mention = {(row.article_id, row.key, row.given): row for row in rows}
        for mention, identity in links.items():
            self._link(by_mention[mention], ids[identity])
        for entity_id in sorted(set(ids.values())):
            self._summarise(entity_id, set())
