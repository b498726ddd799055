"""The store's entity and timeline queries (a part of ``Store``, kept apart to stay readable)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from storyline.models import DatedStatement
from storyline.store import base
from storyline.store.base import NO_LIMIT, StoreBase, member_of, row_dict


class EntityQueries(StoreBase):
    """Mixed into ``Store``; uses its connection. Entities with no articles left (their mentions
    were linked to another entity) are not listed; looked up by id they lead where they went."""

    def entity_rows(
        self, kind: str | None = None, story_id: int | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Entities by number of stories, then articles, name and id (one order on either database)."""
        clause, params = _entity_conditions(kind, story_id)
        return [
            _entity_dict(row)
            for row in self._db.execute(
                f"SELECT * FROM entities e {clause} ORDER BY e.stories DESC, e.articles DESC, e.name, e.id LIMIT ? OFFSET ?",
                [*params, NO_LIMIT if limit is None else limit, offset],
            )
        ]

    def entity_count(self, kind: str | None = None, story_id: int | None = None) -> int:
        clause, params = _entity_conditions(kind, story_id)
        return int(self._db.execute(f"SELECT COUNT(*) FROM entities e {clause}", params).fetchone()[0])

    def find_entity(self, name_or_id: str) -> dict[str, Any] | None:
        """An entity by id, by display name, or by any written variant (most articles first)."""
        if name_or_id.isdigit() and int(name_or_id) < 2**63:
            row = self._db.execute("SELECT * FROM entities WHERE id=?", (int(name_or_id),)).fetchone()
            if row and not row["articles"] and row["merged_into"]:
                row = self._db.execute("SELECT * FROM entities WHERE id=?", (row["merged_into"],)).fetchone()
            if row and row["articles"]:
                return _entity_dict(row)
        row = self._db.execute(
            f"SELECT * FROM entities WHERE {self._sql.nocase_equals('name')} AND articles>0 ORDER BY articles DESC LIMIT 1",
            (name_or_id,),
        ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT e.* FROM entity_variants v JOIN entities e ON e.id=v.entity_id"
                f" WHERE ({self._sql.nocase_equals('v.surface')} OR {self._sql.nocase_equals('v.lemma')})"
                " AND e.articles>0 ORDER BY e.articles DESC, e.id LIMIT 1",
                (name_or_id, name_or_id),
            ).fetchone()
        return _entity_dict(row) if row else None

    def find_entity_by_key(self, key: str, given: str = "", spelled: str = "") -> dict[str, Any] | None:
        """The entity most articles link a mention key (and given-name key and surname spelling, when
        known) to."""
        row = None
        if given and spelled:
            row = self._db.execute(
                "SELECT * FROM entities WHERE identity=? AND articles>0", (f"{given} {key}~{spelled}",)
            ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT e.* FROM key_entities k JOIN entities e ON e.id=k.entity_id WHERE k.key=? AND e.articles>0"
                " ORDER BY k.rows DESC, e.id LIMIT 1",
                (key,),
            ).fetchone()
        return _entity_dict(row) if row else None

    def entity_articles(self, entity_id: int, limit: int | None = None) -> list[dict[str, Any]]:
        """The entity's articles, latest first (undated last). An entity named in many articles
        walks the articles newest first and keeps its own (the cost follows ``limit``); one named in
        few reads them all and sorts."""
        walk = limit is not None and self._entity_size(entity_id, "articles") > base.SORT_LIMIT
        mentioned = member_of("a.id", "entity_mentions", "entity_id", "article_id", walk)
        return [
            row_dict(row)
            for row in self._db.execute(
                "SELECT a.id, a.headline, a.language, a.published, a.source, a.url, m.story_id, a.seq"
                f" FROM articles a LEFT JOIN memberships m ON m.article_id=a.id WHERE {mentioned}"
                " ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT ?",
                (entity_id, NO_LIMIT if limit is None else limit),
            )
        ]

    def entity_article_dates(self, entity_id: int) -> dict[str, int]:
        """Number of the entity's articles per publication date (kept by the entity links)."""
        return {
            row[0]: row[1]
            for row in self._db.execute("SELECT day, articles FROM entity_days WHERE entity_id=?", (entity_id,))
        }

    def entity_story_rows(self, entity_id: int, limit: int | None = None) -> list[dict[str, Any]]:
        """The entity's stories, latest first: id, title, dates, number of articles (walked in date
        order like ``entity_articles`` when the entity has many)."""
        walk = limit is not None and self._entity_size(entity_id, "stories") > base.SORT_LIMIT
        named = member_of("s.id", "entity_stories", "entity_id", "story_id", walk)
        return [
            row_dict(row)
            for row in self._db.execute(
                f"SELECT s.id, s.title, s.first_seen, s.last_seen, s.size AS articles FROM stories s WHERE {named}"
                " ORDER BY s.last_seen DESC NULLS LAST, s.id DESC LIMIT ?",
                (entity_id, NO_LIMIT if limit is None else limit),
            )
        ]

    def _entity_size(self, entity_id: int, column: str) -> int:
        row = self._db.execute(f"SELECT {column} FROM entities WHERE id=?", (entity_id,)).fetchone()
        return int(row[0]) if row else 0

    def entity_keys(self, entity_id: int) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT key FROM key_entities WHERE entity_id=?", (entity_id,))}

    def entity_names(self, article_ids: Sequence[str]) -> dict[tuple[str, str], tuple[int, str, str]]:
        """(article, key) -> (entity id, display name, type), for naming the keys statements carry."""
        names: dict[tuple[str, str], tuple[int, str, str]] = {}
        for row in self._rows_for_ids(
            "SELECT em.article_id, em.key, e.id, e.name, e.kind FROM entity_mentions em"
            " JOIN entities e ON e.id=em.entity_id WHERE em.article_id IN ({marks}) ORDER BY e.articles",
            article_ids,
        ):
            names[(row[0], row[1])] = (row[2], row[3], row[4])
        return names

    def entity_kinds(self, entity_ids: Sequence[int]) -> dict[int, str]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids("SELECT id, kind FROM entities WHERE id IN ({marks})", entity_ids)
        }

    def key_names(self, keys: Sequence[str]) -> dict[str, str]:
        """Per mention key, the name of the entity most articles link it to."""
        return {key: name for key, (_id, name) in self.key_entities(keys).items()}

    def key_entities(self, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
        """Per mention key, (id, name) of the entity most articles link it to (on a tie, the older)."""
        return {
            row["key"]: (row["id"], row["name"])
            for row in self._rows_for_ids(
                # the winner chosen in the database, and only its name looked up (an index probe each):
                # a key can be linked to dozens of entities
                "SELECT x.key, x.id, (SELECT e.name FROM entities e WHERE e.id=x.id) AS name FROM ("
                " SELECT k.key, k.entity_id AS id,"
                " ROW_NUMBER() OVER (PARTITION BY k.key ORDER BY k.rows DESC, k.entity_id) AS place"
                " FROM key_entities k WHERE k.key IN ({marks})) x WHERE x.place = 1",
                keys,
            )
        }

    def statements_of(self, article_ids: Sequence[str]) -> list[DatedStatement]:
        return [
            _statement(row)
            for row in self._rows_for_ids(
                "SELECT * FROM statements WHERE article_id IN ({marks}) ORDER BY article_id, position", article_ids
            )
        ]


def _entity_conditions(kind: str | None, story_id: int | None) -> tuple[str, list[Any]]:
    where: list[str] = ["e.articles>0"]
    params: list[Any] = []
    if kind:
        where.append("e.kind=?")
        params.append(kind)
    if story_id is not None:
        where.append("e.id IN (SELECT entity_id FROM entity_stories WHERE story_id=?)")
        params.append(story_id)
    return f"WHERE {' AND '.join(where)}", params


def _entity_dict(row: Any) -> dict[str, Any]:
    entity = row_dict(row)
    entity["variants"] = [
        {"surface": surface, "language": language, "count": count}
        for surface, language, count in json.loads(entity["variants"])
    ]
    return entity


def _statement(row: Any) -> DatedStatement:
    import datetime as dt

    return DatedStatement(
        article_id=row["article_id"],
        position=row["position"],
        text=row["text"],
        expression=row["expression"],
        precision=row["precision"],
        date=dt.date.fromisoformat(row["date"]) if row["date"] else None,
        month=row["month"],
        day=row["day"],
        relative=bool(row["relative"]),
        sources=tuple(json.loads(row["sources"])),
        entity_keys=tuple(json.loads(row["entity_keys"])),
    )
