"""The store's entity and timeline queries (a part of ``Store``, kept apart to stay readable)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from storyline.grouping.entities import MentionRow
from storyline.models import DatedStatement, Entity
from storyline.store.transaction import Transaction


class EntityQueries:
    """Mixed into ``Store``; uses its connection."""

    _db: sqlite3.Connection

    def _rows_for_ids(self, sql: str, ids: Sequence[str]) -> Iterator[sqlite3.Row]:
        """Run ``sql`` (with a ``{marks}`` placeholder) over ids in chunks SQLite accepts."""
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            yield from self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def mention_rows(self) -> Iterator[MentionRow]:
        """Every stored mention with its article's story and language, for linking."""
        for row in self._db.execute(
            "SELECT e.article_id, m.story_id, e.key, e.given, e.kind, e.surface, e.lemma, e.mentions, a.language"
            " FROM article_entities e JOIN articles a ON a.id=e.article_id"
            " LEFT JOIN memberships m ON m.article_id=e.article_id ORDER BY a.seq"
        ):
            yield MentionRow(*row)

    def replace_entities(self, entities: Sequence[Entity], links: dict[tuple[str, str, str], str]) -> None:
        """Store linked entities; an identity keeps its id from one rebuild to the next."""
        with Transaction(self._db):
            known = {row[0]: row[1] for row in self._db.execute("SELECT identity, id FROM entities")}
            next_id = max(known.values(), default=0) + 1
            ids: dict[str, int] = {}
            for entity in entities:
                if entity.identity in known:
                    ids[entity.identity] = known[entity.identity]
                else:
                    ids[entity.identity] = next_id
                    next_id += 1
            self._db.execute("DELETE FROM entity_mentions")
            self._db.execute("DELETE FROM entities")
            self._db.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        ids[e.identity],
                        e.identity,
                        e.name,
                        e.kind,
                        len(e.article_ids),
                        len(e.story_ids),
                        json.dumps([[v.surface, v.language, v.count] for v in e.variants], ensure_ascii=False),
                    )
                    for e in entities
                ],
            )
            self._db.executemany(
                "INSERT INTO entity_mentions VALUES (?,?,?,?)",
                [(ids[identity], article, key, given) for (article, key, given), identity in links.items()],
            )

    def entity_rows(
        self, kind: str | None = None, story_id: int | None = None, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Entities by number of stories, then articles."""
        clause, params = _entity_conditions(kind, story_id)
        return [
            _entity_dict(row)
            for row in self._db.execute(
                f"SELECT * FROM entities e {clause} ORDER BY e.stories DESC, e.articles DESC, e.name LIMIT ? OFFSET ?",
                [*params, -1 if limit is None else limit, offset],
            )
        ]

    def entity_count(self, kind: str | None = None, story_id: int | None = None) -> int:
        clause, params = _entity_conditions(kind, story_id)
        return int(self._db.execute(f"SELECT COUNT(*) FROM entities e {clause}", params).fetchone()[0])

    def find_entity(self, name_or_id: str) -> dict[str, Any] | None:
        """An entity by id, by display name, or by any written variant (most articles first)."""
        if name_or_id.isdigit() and int(name_or_id) < 2**63:
            row = self._db.execute("SELECT * FROM entities WHERE id=?", (int(name_or_id),)).fetchone()
            if row:
                return _entity_dict(row)
        row = self._db.execute(
            "SELECT * FROM entities WHERE name=? COLLATE NOCASE ORDER BY articles DESC LIMIT 1", (name_or_id,)
        ).fetchone()
        if row is None:
            row = self._db.execute(
                "SELECT e.* FROM entities e JOIN entity_mentions em ON em.entity_id=e.id"
                " JOIN article_entities ae ON ae.article_id=em.article_id AND ae.key=em.key AND ae.given=em.given"
                " WHERE ae.surface=? COLLATE NOCASE OR ae.lemma=? COLLATE NOCASE ORDER BY e.articles DESC LIMIT 1",
                (name_or_id, name_or_id),
            ).fetchone()
        return _entity_dict(row) if row else None

    def find_entity_by_key(self, key: str, given: str = "") -> dict[str, Any] | None:
        """The entity most articles link a mention key (and given-name key, when known) to."""
        row = self._db.execute(
            "SELECT e.*, COUNT(*) AS n FROM entity_mentions em JOIN entities e ON e.id=em.entity_id"
            " WHERE em.key=? AND (?='' OR em.given=?) GROUP BY e.id ORDER BY n DESC LIMIT 1",
            (key, given, given),
        ).fetchone()
        return _entity_dict(row) if row else None

    def entity_articles(self, entity_id: int) -> list[dict[str, Any]]:
        return [
            dict(row)
            for row in self._db.execute(
                "SELECT DISTINCT a.id, a.headline, a.language, a.published, a.source, a.url, m.story_id"
                " FROM entity_mentions em JOIN articles a ON a.id=em.article_id"
                " LEFT JOIN memberships m ON m.article_id=a.id WHERE em.entity_id=? ORDER BY a.published, a.seq",
                (entity_id,),
            )
        ]

    def entity_keys(self, entity_id: int) -> set[str]:
        return {
            row[0]
            for row in self._db.execute("SELECT DISTINCT key FROM entity_mentions WHERE entity_id=?", (entity_id,))
        }

    def entity_names(self, article_ids: Sequence[str]) -> dict[tuple[str, str], tuple[int, str]]:
        """(article, key) -> (entity id, display name), for naming the keys statements carry."""
        names: dict[tuple[str, str], tuple[int, str]] = {}
        for row in self._rows_for_ids(
            "SELECT em.article_id, em.key, e.id, e.name FROM entity_mentions em JOIN entities e ON e.id=em.entity_id"
            " WHERE em.article_id IN ({marks}) ORDER BY e.articles",
            article_ids,
        ):
            names[(row[0], row[1])] = (row[2], row[3])
        return names

    def key_names(self, keys: Sequence[str]) -> dict[str, str]:
        """Per mention key, the name of the entity most articles link it to."""
        return {key: name for key, (_id, name) in self.key_entities(keys).items()}

    def key_entities(self, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
        """Per mention key, (id, name) of the entity most articles link it to."""
        found: dict[str, tuple[int, str]] = {}
        best: dict[str, int] = {}
        for row in self._rows_for_ids(
            "SELECT em.key, e.id, e.name, COUNT(*) AS n FROM entity_mentions em JOIN entities e ON e.id=em.entity_id"
            " WHERE em.key IN ({marks}) GROUP BY em.key, e.id",
            keys,
        ):
            if row["n"] > best.get(row["key"], 0):
                best[row["key"]], found[row["key"]] = row["n"], (row["id"], row["name"])
        return found

    def statements_of(self, article_ids: Sequence[str]) -> list[DatedStatement]:
        return [
            _statement(row)
            for row in self._rows_for_ids(
                "SELECT * FROM statements WHERE article_id IN ({marks}) ORDER BY article_id, position", article_ids
            )
        ]


def _entity_conditions(kind: str | None, story_id: int | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if kind:
        where.append("e.kind=?")
        params.append(kind)
    if story_id is not None:
        where.append(
            "e.id IN (SELECT em.entity_id FROM entity_mentions em JOIN memberships m ON m.article_id=em.article_id"
            " WHERE m.story_id=?)"
        )
        params.append(story_id)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _entity_dict(row: sqlite3.Row) -> dict[str, Any]:
    entity = dict(row)
    entity["variants"] = [
        {"surface": surface, "language": language, "count": count}
        for surface, language, count in json.loads(entity["variants"])
    ]
    return entity


def _statement(row: sqlite3.Row) -> DatedStatement:
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
