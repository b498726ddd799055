"""Writing one ingest batch and keeping storylines: a part of ``Store``.

Each write touches only the rows of the batch's articles, their stories and those stories'
storylines, so a batch costs the same in an empty store and in a large one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from storyline.grouping.story_index import FUTURE_TOLERANCE, StoryIndex, StoryState, entity_keys
from storyline.grouping.storylines import pieces
from storyline.ingest.identity import content_hash
from storyline.models import Article, Membership, StorylineLink
from storyline.stages.chinese import WORDS_CUT_APART, spaced_words, word_parts
from storyline.stages.duplicates import band_hashes
from storyline.store.base import StoreBase, iso
from storyline.store.map_reads import LONG_STORY_DAYS
from storyline.store.transaction import Transaction

_PUT_STORYLINE = (
    "INSERT INTO storylines (id, first_seen, last_seen, stories) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
    " first_seen=excluded.first_seen, last_seen=excluded.last_seen, stories=excluded.stories"
)
_TITLE_ROWS = (
    "SELECT m.story_id, a.id, a.seq, a.headline, a.title, v.vector FROM memberships m JOIN articles a ON a.id=m.article_id"
    " LEFT JOIN article_vectors v ON v.article_id=a.id"
)
TITLE_RECOMPUTE_SIZE = 64  # stories up to this size choose their title among all members; larger ones among the new


class MapWrites(StoreBase):
    """Mixed into ``Store``."""

    def save_batch(
        self, articles: Sequence[Article], memberships: Sequence[Membership], index: StoryIndex, model: str, bands: int
    ) -> dict[str, int]:
        """Articles, their vectors, entities, signatures and story places, in one transaction (joined
        to the caller's when one is open). Returns each article's number (its vector's label)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        shards = index.pending_shards()
        joined: dict[int, list[Article]] = {}
        by_id = {article.id: article for article in articles}
        stories = {membership.article_id: membership.story_id for membership in memberships}
        with Transaction(self._db, self._sql.begin_write):
            labels = self._insert_articles(articles, model, bands, now, shards, stories)
            self._insert_memberships(memberships)
            for membership in memberships:
                if membership.article_id in by_id:
                    joined.setdefault(membership.story_id, []).append(by_id[membership.article_id])
            self._upsert_stories([(index.stories[story_id], members) for story_id, members in joined.items()])
            self._count_keys(articles, index)
        return labels

    def index_words(self) -> None:
        """The words of every stored article of a language written without spaces, cut apart for search
        (the migration to schema 21, which added them)."""
        languages = sorted(WORDS_CUT_APART)
        rows = self._db.execute(
            f"SELECT seq, headline, text FROM articles WHERE language IN ({', '.join('?' * len(languages))})"
            " AND seq NOT IN (SELECT seq FROM article_words)",
            languages,
        ).fetchall()
        self._write_words([(int(row[0]), str(row[1]), str(row[2])) for row in rows])

    def _write_words(self, articles: Sequence[tuple[int, str, str]]) -> None:
        """(seq, headline, text) of articles in a language written without spaces: their words, spaced."""
        self._db.executemany(
            "INSERT INTO article_words (seq, text, parts) VALUES (?, ?, ?)",
            [
                (seq, spaced_words(written), word_parts(written))
                for seq, headline, text in articles
                if (written := f"{headline}\n{text}")
            ],
        )

    def _insert_articles(
        self,
        articles: Sequence[Article],
        model: str,
        bands: int,
        now: str,
        shards: dict[str, int],
        stories: dict[str, int],
    ) -> dict[str, int]:
        """The batch's articles and everything read from them, a statement per table; returns each
        article's number (given by the database, in the batch's order)."""
        self._db.executemany(
            "INSERT INTO articles (id, url, content_hash, path, title, headline, text, source, published, published_from,"
            " language, language_confidence, boilerplate_removed, duplicate_of, metadata, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    article.url,
                    content_hash(article.text),
                    article.path,
                    article.title,
                    article.headline,
                    article.text,
                    article.source,
                    iso(article.published),
                    article.published_from,
                    article.language,
                    article.language_confidence,
                    int(article.boilerplate_removed),
                    article.duplicate_of,
                    json.dumps(article.metadata, ensure_ascii=False, default=str),
                    now,
                )
                for article in articles
            ],
        )
        sql = "SELECT id, seq FROM articles WHERE id IN ({marks})"
        labels = {row[0]: int(row[1]) for row in self._rows_for_ids(sql, [article.id for article in articles])}
        self._write_words([(labels[a.id], a.headline, a.text) for a in articles if a.language in WORDS_CUT_APART])
        self._db.executemany(
            "INSERT INTO article_vectors (article_id, model, vector, label, shard, story_id) VALUES (?,?,?,?,?,?)",
            [
                (
                    article.id,
                    model,
                    self._vector_value(article.embedding),
                    labels[article.id],
                    shards.get(article.id, 0),
                    stories.get(article.id),
                )
                for article in articles
                if article.embedding is not None
            ],
        )
        self._db.executemany(
            "INSERT INTO article_entities (article_id, key, surface, lemma, kind, mentions, given) VALUES (?,?,?,?,?,?,?)",
            [
                (article.id, m.key, m.surface, m.lemma or m.surface, m.kind, m.count, m.given)
                for article in articles
                for m in article.entities
            ],
        )
        self._db.executemany(
            "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    s.position,
                    s.text,
                    s.expression,
                    s.precision,
                    iso(s.date),
                    s.month,
                    s.day,
                    int(s.relative),
                    json.dumps(list(s.sources), ensure_ascii=False),
                    json.dumps(list(s.entity_keys)),
                )
                for article in articles
                for s in article.statements
            ],
        )
        signed = [article for article in articles if article.signature is not None]
        self._db.executemany(
            "INSERT INTO signatures VALUES (?,?)",
            [(a.id, a.signature.tobytes()) for a in signed],  # type: ignore[union-attr]
        )
        self._db.executemany(
            "INSERT INTO signature_bands VALUES (?,?)",
            [(band, a.id) for a in signed for band in band_hashes(a.signature, bands)],  # type: ignore[arg-type]
        )
        return labels

    def _insert_memberships(self, memberships: Sequence[Membership]) -> None:
        self._db.executemany(
            "INSERT INTO memberships VALUES (?,?,?,?,?,?,?) ON CONFLICT(article_id) DO UPDATE SET"
            " story_id=excluded.story_id, similarity=excluded.similarity, entity_overlap=excluded.entity_overlap,"
            " shared_entities=excluded.shared_entities, gap_days=excluded.gap_days, score=excluded.score",
            [
                (
                    membership.article_id,
                    membership.story_id,
                    _number(evidence.similarity) if evidence else None,
                    _number(evidence.entity_overlap) if evidence else None,
                    json.dumps(list(evidence.shared_entities)) if evidence else None,
                    _number(evidence.gap_days) if evidence else None,
                    _number(evidence.score) if evidence else None,
                )
                for membership in memberships
                for evidence in (membership.evidence,)
            ],
        )

    def _upsert_stories(self, changed: Sequence[tuple[StoryState, Sequence[Article]]]) -> None:
        """The stories a batch changed, with the articles each one got: a few statements for all of
        them (on PostgreSQL each statement is a round trip), their titles' candidates in two."""
        previous = {
            int(row["id"]): row
            for row in self._rows_for_ids(
                "SELECT id, first_seen, last_seen, title_article FROM stories WHERE id IN ({marks})",
                [state.id for state, _joined in changed],
            )
        }
        self._add_to_meta("stories", sum(state.id not in previous for state, _joined in changed))
        titles = self._story_titles(changed, {story_id: row["title_article"] for story_id, row in previous.items()})
        rows, languages, long_ones, keys, firsts, lasts = [], [], [], [], [], []
        for state, joined in changed:
            before = previous.get(state.id)
            title, title_article = titles[state.id]
            first, last = iso(state.first), iso(state.last)
            vector_sum = state.vector_sum.astype(np.float32).tobytes()
            rows.append(
                (
                    state.id,
                    title,
                    first,
                    last,
                    state.size,
                    vector_sum,
                    json.dumps(state.languages, sort_keys=True),
                    title_article,
                )
            )
            languages += [(language, state.id) for language in sorted({a.language for a in joined if a.language})]
            if state.first and state.last and (state.last - state.first).days > LONG_STORY_DAYS:
                long_ones.append((state.id, first, last))
            counts = Counter(key for article in joined for key in entity_keys(article))
            keys += [(state.id, key, count, first, last) for key, count in counts.items()]
            if before is not None and before["first_seen"] != first:
                firsts.append((first, state.id))
            if before is not None and before["last_seen"] != last:  # not indexed: rows of one story
                lasts.append((last, state.id))
        self._db.executemany(
            "INSERT INTO stories (id, title, first_seen, last_seen, size, vector_sum, languages, title_article)"
            " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,"
            " first_seen=excluded.first_seen, last_seen=excluded.last_seen, size=excluded.size,"
            " vector_sum=excluded.vector_sum, languages=excluded.languages, title_article=excluded.title_article",
            rows,
        )
        self._db.executemany("INSERT INTO story_languages VALUES (?,?) ON CONFLICT DO NOTHING", languages)
        self._db.executemany(
            "INSERT INTO long_stories VALUES (?,?,?) ON CONFLICT(story_id) DO UPDATE SET"
            " first_seen=excluded.first_seen, last_seen=excluded.last_seen",
            long_ones,
        )
        self._db.executemany(
            "INSERT INTO story_entities VALUES (?,?,?,?,?) ON CONFLICT(story_id, key) DO UPDATE SET"
            " articles=story_entities.articles+excluded.articles",
            keys,
        )
        self._db.executemany("UPDATE story_entities SET first_seen=? WHERE story_id=?", firsts)
        self._db.executemany("UPDATE story_entities SET last_seen=? WHERE story_id=?", lasts)

    def _story_titles(
        self, changed: Sequence[tuple[StoryState, Sequence[Article]]], current: dict[int, str | None]
    ) -> dict[int, tuple[str, str | None]]:
        """Per changed story, (headline, article id) of the member closest to its centroid, preferring
        real titles. Small stories (and those without a title yet) choose among all their members,
        larger ones between the current title and the new members; read in two statements for all."""
        whole = [
            state.id
            for state, _joined in changed
            if state.size <= TITLE_RECOMPUTE_SIZE or current.get(state.id) is None
        ]
        rows_of: dict[int, list[Any]] = {story_id: [] for story_id in whole}
        for row in self._rows_for_ids(_TITLE_ROWS + " WHERE m.story_id IN ({marks})", whole):
            rows_of[row["story_id"]].append(row)
        chosen = {
            state.id: {current[state.id], *(article.id for article in joined)}
            for state, joined in changed
            if state.id not in rows_of
        }
        wanted = sorted({article_id for ids in chosen.values() for article_id in ids if article_id})
        by_id = {row["id"]: row for row in self._rows_for_ids(_TITLE_ROWS + " WHERE a.id IN ({marks})", wanted)}
        for story_id, ids in chosen.items():
            rows_of[story_id] = [by_id[article_id] for article_id in ids if article_id in by_id]
        return {state.id: self._closest_title(state, rows_of[state.id]) for state, _joined in changed}

    def _closest_title(self, state: StoryState, rows: list[Any]) -> tuple[str, str | None]:
        if not rows:
            return "", None
        centroid = state.centroid

        def rank(row: Any) -> tuple[int, float, int]:
            vector = row["vector"]
            closeness = float(self._vector_of(vector) @ centroid) if vector is not None else 0.0
            return (1 if row["title"] else 0, closeness, -int(row["seq"]))  # a tie goes to the earliest stored

        best = max(rows, key=rank)
        return str(best["headline"]), str(best["id"])

    def _count_keys(self, articles: Sequence[Article], index: StoryIndex) -> None:
        """Entity frequencies, the number of articles and the newest date, for the next batch's weights."""
        counts = Counter(key for article in articles for key in entity_keys(article))
        self._db.executemany(
            "INSERT INTO entity_frequency VALUES (?,?) ON CONFLICT(key) DO UPDATE SET"
            " articles=entity_frequency.articles+excluded.articles",
            list(counts.items()),
        )
        languages = Counter(article.language for article in articles if article.language)
        self._db.executemany(
            "INSERT INTO language_counts VALUES (?,?) ON CONFLICT(language) DO UPDATE SET"
            " articles=language_counts.articles+excluded.articles",
            list(languages.items()),
        )
        self._add_to_meta("documents", len(articles))
        latest = dt.date.today() + FUTURE_TOLERANCE
        dates = [a.published for a in articles if a.published and a.published <= latest]
        newest = self._meta("newest_date")
        if dates and (newest is None or max(dates).isoformat() > newest):
            self._set_meta("newest_date", max(dates).isoformat())
        self._set_meta("generation", int(self._meta("generation") or 0) + 1)

    def generation(self) -> int:
        """Bumped by every batch: a writer that did not write the latest batch must forget its caches."""
        return int(self._meta("generation") or 0)

    # ---- StorylineStore -------------------------------------------------------------------------

    def replace_links(self, story_ids: Collection[int], links: Sequence[StorylineLink]) -> None:
        ids = list(story_ids)
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM storyline_links WHERE earlier IN ({marks}) OR later IN ({marks})", chunk * 2)
        self._db.executemany(
            "INSERT INTO storyline_links VALUES (?,?,?,?,?) ON CONFLICT(earlier, later) DO UPDATE SET"
            " shared_entities=excluded.shared_entities, similarity=excluded.similarity, gap_days=excluded.gap_days",
            [
                (
                    link.earlier,
                    link.later,
                    json.dumps(list(link.shared_entities)),
                    _number(link.similarity),
                    _number(link.gap_days),
                )
                for link in links
            ],
        )

    def storylines_of(self, story_ids: Collection[int]) -> dict[int, int | None]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids("SELECT id, storyline_id FROM stories WHERE id IN ({marks})", list(story_ids))
        }

    def link_pairs_of(self, story_ids: Collection[int]) -> set[tuple[int, int]]:
        ids = list(story_ids)
        pairs = {
            (row[0], row[1])
            for row in self._rows_for_ids("SELECT earlier, later FROM storyline_links WHERE earlier IN ({marks})", ids)
        }
        pairs |= {
            (row[0], row[1])
            for row in self._rows_for_ids("SELECT earlier, later FROM storyline_links WHERE later IN ({marks})", ids)
        }
        return pairs

    def linked_stories(self, story_ids: Collection[int]) -> dict[int, set[int]]:
        neighbours: dict[int, set[int]] = {}
        for earlier, later in self.link_pairs_of(story_ids):
            neighbours.setdefault(earlier, set()).add(later)
            neighbours.setdefault(later, set()).add(earlier)
        return neighbours

    def storyline_sizes(self, storyline_ids: Collection[int]) -> dict[int, int]:
        return {
            row[0]: row[1]
            for row in self._rows_for_ids(
                "SELECT id, stories FROM storylines WHERE id IN ({marks})", list(storyline_ids)
            )
        }

    def allocate_storyline_id(self) -> int:
        number = int(self._meta("next_storyline_id") or 1)
        self._set_meta("next_storyline_id", number + 1)
        return number

    def join_storylines(self, storyline_id: int, absorbed: Collection[int], stories: Collection[int]) -> None:
        """``absorbed`` storylines and lone ``stories`` join ``storyline_id`` (new or existing); the
        absorbed ids become its aliases. Its dates and count follow without reading its stories."""
        parts = [storyline_id, *absorbed]
        rows = list(
            self._rows_for_ids("SELECT first_seen, last_seen, stories FROM storylines WHERE id IN ({marks})", parts)
        )
        rows += list(
            self._rows_for_ids("SELECT first_seen, last_seen, 1 FROM stories WHERE id IN ({marks})", list(stories))
        )
        firsts = [row[0] for row in rows if row[0]]
        lasts = [row[1] for row in rows if row[1]]
        for old in absorbed:
            self._db.execute("UPDATE stories SET storyline_id=? WHERE storyline_id=?", (storyline_id, old))
            self._db.execute("UPDATE storyline_aliases SET storyline_id=? WHERE storyline_id=?", (storyline_id, old))
            self._db.execute(
                "INSERT INTO storyline_aliases VALUES (?,?) ON CONFLICT(id) DO UPDATE SET storyline_id=excluded.storyline_id",
                (old, storyline_id),
            )
            self._db.execute("DELETE FROM storylines WHERE id=?", (old,))
        self._db.executemany("UPDATE stories SET storyline_id=? WHERE id=?", [(storyline_id, s) for s in stories])
        self._db.execute(
            _PUT_STORYLINE,
            (storyline_id, min(firsts, default=None), max(lasts, default=None), sum(row[2] for row in rows)),
        )

    def split_storyline(self, storyline_id: int, part: Collection[int], new_id: int | None, part_leaves: bool) -> None:
        """Cut ``part`` from the rest of the storyline: the leaving side takes ``new_id`` (None: it is
        one story, in no storyline); a side of one story left behind leaves it too."""
        part_ids = sorted(part)
        marks = ",".join("?" * len(part_ids))
        if part_leaves:  # the usual case, a small part leaving a large storyline: work in the part's size
            self._db.execute(f"UPDATE stories SET storyline_id=? WHERE id IN ({marks})", [new_id, *part_ids])
            self._recount_after_leaving(storyline_id, part_ids)
            if new_id is not None:
                self._recount_storyline(new_id)
            return
        self._db.execute(
            f"UPDATE stories SET storyline_id=? WHERE storyline_id=? AND id NOT IN ({marks})",
            [new_id, storyline_id, *part_ids],
        )
        for number in (storyline_id, new_id):
            if number is not None:
                self._recount_storyline(number)

    def _recount_after_leaving(self, storyline_id: int, left: Sequence[int]) -> None:
        """A storyline's count and dates after the stories ``left`` (no longer in it) left it, without
        reading its other stories: the count goes down by theirs, the first date is one index step,
        and the last is read again only when one of them held it."""
        kept = self._db.execute("SELECT stories, last_seen FROM storylines WHERE id=?", (storyline_id,)).fetchone()
        if kept is None or kept[0] - len(left) < 2:
            self._recount_storyline(storyline_id)
            return
        marks = ",".join("?" * len(left))
        (left_last,) = self._db.execute(f"SELECT MAX(last_seen) FROM stories WHERE id IN ({marks})", left).fetchone()
        (first,) = self._db.execute(
            "SELECT MIN(first_seen) FROM stories WHERE storyline_id=?", (storyline_id,)
        ).fetchone()
        last = kept[1]
        if left_last is not None and (last is None or left_last >= last):
            (last,) = self._db.execute(
                "SELECT MAX(last_seen) FROM stories WHERE storyline_id=?", (storyline_id,)
            ).fetchone()
        self._db.execute(_PUT_STORYLINE, (storyline_id, first, last, kept[0] - len(left)))

    def storylines_in_pieces(self) -> dict[int, list[set[int]]]:
        """Storylines whose own links do not join all their stories (a store written before schema 6
        could hold some): storyline id -> its pieces, largest first. Reads every storyline."""
        members: dict[int, list[int]] = {}
        for story_id, line in self._db.execute("SELECT id, storyline_id FROM stories WHERE storyline_id IS NOT NULL"):
            members.setdefault(int(line), []).append(int(story_id))
        links: dict[int, list[tuple[int, int]]] = {}
        for earlier, later, line in self._db.execute(
            "SELECT l.earlier, l.later, s.storyline_id FROM storyline_links l JOIN stories s ON s.id=l.earlier"
            " WHERE s.storyline_id IS NOT NULL"
        ):
            links.setdefault(int(line), []).append((int(earlier), int(later)))
        found = {line: pieces(stories, links.get(line, [])) for line, stories in members.items()}
        return {line: groups for line, groups in found.items() if len(groups) > 1}

    def split_storylines_in_pieces(self) -> int:
        """Each storyline in pieces keeps its id for its largest piece; the others become storylines
        of their own (or lone stories). How many storylines were split."""
        broken = self.storylines_in_pieces()
        for line, groups in sorted(broken.items()):
            for group in groups[1:]:
                self.split_storyline(line, group, self.allocate_storyline_id() if len(group) >= 2 else None, True)
        return len(broken)

    def _recount_storyline(self, storyline_id: int) -> None:
        count, first, last = self._db.execute(
            "SELECT COUNT(*), MIN(first_seen), MAX(last_seen) FROM stories WHERE storyline_id=?", (storyline_id,)
        ).fetchone()
        if count < 2:  # a storyline of one story is none: the story leaves it, the id retires
            self._db.execute("UPDATE stories SET storyline_id=NULL WHERE storyline_id=?", (storyline_id,))
            self._db.execute("DELETE FROM storylines WHERE id=?", (storyline_id,))
            return
        self._db.execute(
            _PUT_STORYLINE,
            (storyline_id, first, last, count),
        )

    def widen_storylines(self, states: Sequence[StoryState]) -> None:
        """The changed stories' new dates, in their storylines' dates."""
        self._db.executemany(
            "UPDATE storylines SET first_seen=CASE WHEN first_seen IS NULL OR first_seen>? THEN ? ELSE first_seen END,"
            " last_seen=CASE WHEN last_seen IS NULL OR last_seen<? THEN ? ELSE last_seen END"
            " WHERE id=(SELECT storyline_id FROM stories WHERE id=?)",
            [
                (iso(state.first), iso(state.first), iso(state.last), iso(state.last), state.id)
                for state in states
                if state.first and state.last
            ],
        )


def _number(value: float | None) -> float | None:
    """A plain float (grouping hands numpy scalars, which not every driver takes)."""
    return None if value is None else float(value)
