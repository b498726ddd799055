"""Bringing a store of an older schema up to date, in one transaction: all the way, or not at all.

Each step has statements run before the schema file (to reshape old tables), statements run
after it (to fill new tables from old rows), and may ask for the entities to be rebuilt from
scratch (or only renamed, where only the display rules changed) or for storylines in pieces to be split. A store several versions behind runs every
step's "before", the schema file once, then every step's "after".

PostgreSQL stores start at schema 4 (``FIRST_POSTGRESQL_VERSION``): the steps from there on run on
both databases, so their statements are written in SQL both accept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from storyline.store.schema import render_schema, statements


@dataclass(frozen=True)
class Migration:
    columns: tuple[tuple[str, str, str], ...] = ()  # (table, column, declaration), added where the table exists
    before: str = ""
    after: str = ""
    rebuild_entities: bool = False
    rebuild_entities_with: str = ""  # a language: the entities are rebuilt where the store has articles in it
    rename_entities: bool = False  # names, types and variant lists made again from the variant counts
    split_storylines: bool = False  # storylines that fell into pieces are split (``split_storylines_in_pieces``)
    rekey_mentions: bool = False  # stored mentions' keys made again by today's rules (``rekey_mentions``)
    index_words: bool = False  # the words of stored Chinese articles cut apart for search (``index_words``)
    notices: tuple[tuple[str, str], ...] = ()  # (dialect, what the user should know after the upgrade)


# Shard numbers as grouping/window.py computes them (SHARD_DAYS = 7): day number // 7 for a dated
# article, -(ingest day number // 7) - 1 for an undated one. julianday - 1721424.5 is Python's toordinal.
_SHARD = (
    "CASE WHEN a.published IS NOT NULL THEN CAST(julianday(a.published) - 1721424.5 AS INTEGER) / 7"
    " ELSE -(CAST(julianday(substr(a.ingested_at, 1, 10)) - 1721424.5 AS INTEGER) / 7) - 1 END"
)

VACUUM_NOTICE = (
    "articles stored before this upgrade keep the columns pages read out of line until PostgreSQL rewrites them:"
    " run `VACUUM FULL articles, article_vectors` when the store may be locked for a while (docs/deploy.md)"
)

MIGRATIONS: dict[int, Migration] = {
    1: Migration(
        before="""
        ALTER TABLE article_entities RENAME TO article_entities_v1;
        CREATE TABLE article_entities (
            article_id  TEXT NOT NULL REFERENCES articles(id),
            key         TEXT NOT NULL,
            surface     TEXT NOT NULL,
            lemma       TEXT NOT NULL,
            kind        TEXT NOT NULL,
            mentions    INTEGER NOT NULL,
            given       TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, key, given)
        );
        INSERT INTO article_entities (article_id, key, surface, lemma, kind, mentions)
            SELECT article_id, key, surface, lemma, kind, mentions FROM article_entities_v1;
        DROP TABLE article_entities_v1;
        DROP INDEX IF EXISTS article_entities_key;
        """
    ),
    # Version 3 only added an index, which the schema file creates.
    2: Migration(),
    # Version 4: everything derived is kept incrementally (story entity counts, entity frequencies,
    # entity counts, storylines with stable ids), and vectors carry their index label and shard.
    3: Migration(
        columns=(
            ("article_vectors", "label", "INTEGER NOT NULL DEFAULT 0"),
            ("article_vectors", "shard", "INTEGER NOT NULL DEFAULT 0"),
            ("article_vectors", "story_id", "INTEGER"),
            ("entities", "merged_into", "INTEGER"),
            ("stories", "languages", "TEXT NOT NULL DEFAULT '{}'"),
            ("stories", "title_article", "TEXT"),
            ("stories", "storyline_id", "INTEGER"),
        ),
        before=f"""
        UPDATE article_vectors SET
            label = (SELECT a.seq FROM articles a WHERE a.id = article_vectors.article_id),
            shard = (SELECT {_SHARD} FROM articles a WHERE a.id = article_vectors.article_id),
            story_id = (SELECT m.story_id FROM memberships m WHERE m.article_id = article_vectors.article_id);
        DROP INDEX IF EXISTS entity_mentions_entity;
        DROP INDEX IF EXISTS entity_mentions_key;
        ALTER TABLE storyline_links RENAME TO storyline_links_v3;
        ALTER TABLE storylines RENAME TO storylines_v3;
        """,
        after="""
        UPDATE stories SET storyline_id = (
            SELECT l.storyline_id FROM storyline_links_v3 l WHERE l.earlier = stories.id OR l.later = stories.id LIMIT 1);
        INSERT INTO storylines (id, first_seen, last_seen, stories)
            SELECT storyline_id, MIN(first_seen), MAX(last_seen), COUNT(*) FROM stories
            WHERE storyline_id IS NOT NULL GROUP BY storyline_id;
        INSERT OR IGNORE INTO storyline_links
            SELECT earlier, later, shared_entities, similarity, gap_days FROM storyline_links_v3;
        DROP TABLE storyline_links_v3;
        DROP TABLE storylines_v3;
        UPDATE stories SET languages = COALESCE((
            SELECT json_group_object(language, n) FROM (
                SELECT a.language AS language, COUNT(*) AS n FROM memberships m JOIN articles a ON a.id = m.article_id
                WHERE m.story_id = stories.id AND a.language IS NOT NULL GROUP BY a.language)), '{}');
        INSERT INTO story_entities
            SELECT m.story_id, e.key, COUNT(DISTINCT e.article_id), s.first_seen, s.last_seen
            FROM memberships m JOIN article_entities e ON e.article_id = m.article_id JOIN stories s ON s.id = m.story_id
            GROUP BY m.story_id, e.key;
        INSERT INTO entity_frequency SELECT key, COUNT(DISTINCT article_id) FROM article_entities GROUP BY key;
        INSERT OR IGNORE INTO story_languages
            SELECT a.language, m.story_id FROM memberships m JOIN articles a ON a.id = m.article_id
            WHERE a.language IS NOT NULL;
        INSERT INTO language_counts
            SELECT language, COUNT(*) FROM articles WHERE language IS NOT NULL GROUP BY language;
        INSERT OR REPLACE INTO meta SELECT 'documents', COUNT(*) FROM articles;
        INSERT OR REPLACE INTO meta SELECT 'newest_date', MAX(published) FROM articles
            WHERE published <= date('now', '+1 day') HAVING MAX(published) IS NOT NULL;
        INSERT OR REPLACE INTO meta SELECT 'next_storyline_id', COALESCE(MAX(id), 0) + 1 FROM storylines;
        INSERT INTO long_stories SELECT id, first_seen, last_seen FROM stories
            WHERE julianday(last_seen) - julianday(first_seen) > 60;
        """,
        rebuild_entities=True,
    ),
    # Version 5: a storyline's stories indexed in date order (the schema file creates the new index);
    # entities' articles counted per publication date.
    4: Migration(
        before="DROP INDEX IF EXISTS stories_storyline;",
        after="""
        INSERT INTO entity_days
            SELECT em.entity_id, a.published, COUNT(DISTINCT a.id) FROM entity_mentions em
            JOIN articles a ON a.id = em.article_id WHERE a.published IS NOT NULL GROUP BY em.entity_id, a.published;
        """,
    ),
    # Version 6: storyline upkeep cuts before it joins and checks every end of a removed link; a
    # store written before could hold a storyline in pieces that no link joins: they are split.
    5: Migration(split_storylines=True),
    # Version 7: the number of stories is kept as the documents are (the front page read it with a
    # COUNT(*) that walks a whole index on PostgreSQL).
    6: Migration(after="UPDATE meta SET value=(SELECT CAST(COUNT(*) AS TEXT) FROM stories) WHERE key='stories';"),
    # Version 8: an entity's identity carries its name's spelling (grouping/entities.py), so names
    # whose phonetic keys collide are no longer one entity; the store-wide surname choices are kept
    # per key and spelling. The feeds `storyline follow` polls get their tables (the schema file's), and
    # the entity listing's index ends with the id (entities of one name and counts list in one order).
    7: Migration(before="DROP INDEX IF EXISTS entities_rank;", rebuild_entities=True),
    # Version 9: a bare name in Latin script joins a full name of another story only where the store writes it
    # in two articles or more, and Latin spellings keep "g" apart from "h" (grouping/entities.py,
    # stages/keys.py): every mention is linked again.
    8: Migration(rebuild_entities=True),
    # Version 10 only adds an index, which the schema file creates: the long stories by last date
    # (map_reads.py).
    9: Migration(),
    # Version 11: a full name written in a script without vowels (Arabic, Hebrew) takes no bare Latin
    # name (grouping/entities.py): every mention is linked again.
    10: Migration(rebuild_entities=True),
    # Version 12: Latin spellings keep a vowel written twice and a "j" or "y" before a word's first vowel
    # ("Choose" is not "Chose", "Jak" not "Ak"), and a name that is not a person's and opens with a
    # common word carries all its words' spelling ("Audio Snack" is not "Udo's Snack"): every mention
    # is linked again.
    11: Migration(rebuild_entities=True),
    # Version 13: a name of several words in a language whose names take no case endings, or in German,
    # is shown as an article wrote it ("Las Vegas", "Europäische Union"; grouping/entities.py), so every
    # entity's name is made again from its variant counts (the links stay as they are).
    12: Migration(rename_entities=True),
    # Version 14: the index of mentions by key holds their form too (the schema file makes it again), so
    # that the relink queue's next bare mentions of a surname are one index range (entity_links.py).
    13: Migration(before="DROP INDEX IF EXISTS article_entities_key;"),
    # Version 15: a person whom Latin-script text names by the surname alone is shown with the given
    # names another script's articles write ("Volodymyr Zelensky"; grouping/entities.py): names again.
    14: Migration(rename_entities=True),
    # Version 16: a foreign person's name transcribed into Cyrillic is shown in its own spelling ("Donald
    # Trump" for Дональд Трамп; stages/latin_names.py): names again.
    15: Migration(rename_entities=True),
    # Version 17: a name that is not a person's and opens with a listed first name carries all its words'
    # spelling only where its own language's dictionary writes that name in lowercase (English's lists
    # "Angela": German "Angela Merkel", untyped, was another name than the person; grouping/entities.py):
    # every mention is linked again.
    16: Migration(rebuild_entities=True),
    # Version 18: a given name's key reads "h" and "j" as no consonant (George is Джордж, John Джон,
    # Javier Хавьер; stages/keys.given_key), so every stored mention's given-name key is made again from
    # the name it was made from; and a name's last "e" alone after a consonant no longer marks it as
    # ending in a vowel ("Lagarde" is Лагард; stages/keys.spelling). Every mention is linked again.
    17: Migration(rekey_mentions=True, rebuild_entities=True),
    # Version 19: German "z" after "l", "n" or "r" at a name's end is "ts" (Scholz is Шольц, Merz Мерц),
    # Polish "drz" "dzh" (Andrzej is Анджей), a given name's last German "ich" "ikh" (Friedrich is
    # Фридрих; stages/keys._foreign_letters): every stored key such a word made is made again, with what
    # counts by key (statements, article counts, the stories' keys), and every mention is linked again.
    18: Migration(rekey_mentions=True, rebuild_entities=True),
    # Version 20: an acronym's entity is not named by a run that holds the acronym among other words
    # ("Indian Express AP", a credit line, named the Associated Press's "AP"; grouping/entities.py), and a
    # transcribed foreign first name is found where the Cyrillic shortens it or another country lists
    # its romanisation ("Майкл": Michael, "Джеймс": James, "Пол": Paul; stages/latin_names.py): names again.
    19: Migration(rename_entities=True),
    # Version 21: Chinese articles are searched by their words (article_words, stages/chinese.py): the
    # words of the Chinese articles stored are cut apart. (Their names, which the entity stage now finds,
    # are found for the articles stored from then on; nothing already stored is read again.)
    20: Migration(index_words=True),
    # Version 22: a person's name in Chinese characters is the person its story's full names in other
    # scripts read it back as, when they read it as one (特朗普 beside "Donald Trump";
    # grouping/entities.read_back): a store with Chinese articles has every mention linked again. A
    # foreign surname in Bulgarian writes its last syllable's ъ before н, р, л, м as "e" (Блинкън:
    # Blinken; stages/latin_names.py): names again in the others.
    21: Migration(rebuild_entities_with="zh", rename_entities=True),
    # Version 23: Latin spellings keep the affricates ("ch", "ts", "tz") apart from "k" (stages/keys.py:
    # a bare "Church" had joined Sebastian Kurz, "Merck" would join Friedrich Merz), and an acronym's key
    # keeps its digits (G7 is not G20, the A380 not the road A46): every acronym's stored key is made again
    # from the word it was made from, and every mention is linked again.
    22: Migration(rekey_mentions=True, rebuild_entities=True),
    # Version 24: the index on when each article was stored, which only SQLite stores had, on PostgreSQL
    # too: the ranked front page and `storyline top` read a whole PostgreSQL store's articles without it
    # (2.5-4.6 s at 200,000 articles). The schema file makes it.
    23: Migration(),
    # Version 25: PostgreSQL keeps the article columns pages read, and the vectors, in the row (the schema
    # file sets their storage); rows already stored keep their layout until `VACUUM FULL` rewrites them.
    24: Migration(notices=(("postgresql", VACUUM_NOTICE),)),
    # Version 26: a person the articles name by a first name alone is shown as that first name where the
    # census ranks it ("Меланія": Melania, was "Melaniia"; stages/latin_names.py): names again.
    25: Migration(rename_entities=True),
    # Version 27: a signature's bands and a mention's link reference nothing (schema.sql says why);
    # PostgreSQL drops the references, SQLite keeps them in the stores that have them (it cannot drop one
    # in place). A first name before a family name of the region's own form is romanised even where no list
    # holds it ("Румен Радев": Rumen, was "Roman"), and Bulgarian -ие may spell French -ier ("Дидие": Didier;
    # stages/latin_names.py): names again.
    26: Migration(
        rename_entities=True,
        before="-- begin postgresql\n"
        "ALTER TABLE signature_bands DROP CONSTRAINT IF EXISTS signature_bands_article_id_fkey;\n"
        "ALTER TABLE entity_mentions DROP CONSTRAINT IF EXISTS entity_mentions_entity_id_fkey;\n"
        "ALTER TABLE entity_mentions DROP CONSTRAINT IF EXISTS entity_mentions_article_id_fkey;\n"
        "-- end\n",
    ),
    # Version 28: entities may be linked by a process of their own, after the writer (grouping/linking.py):
    # the store records how far linking has got (meta 'linked_seq'; the schema file sets it to the last
    # article, which older stores had linked).
    27: Migration(),
    # Version 29: a city the articles write by its official name's opening words is shown so ("Frankfurt"
    # for Frankfurt am Main, "Xalapa" for Xalapa de Enríquez; grouping/entities._short_city_name): names again.
    28: Migration(rename_entities=True),
    # Version 30: a city whose own name has letters English does not write is shown by the name the English
    # articles write more ("Cologne" for Köln; grouping/entities._english_exonym), and a region never by its
    # name with its noun ("Adamawa state"): names again.
    29: Migration(rename_entities=True),
    # Version 31: a country's region is shown by its English name where the ISO catalogues give only its own
    # ("Lower Saxony" for Niedersachsen, from the countries-states-cities database; stages/gazetteer.py), and a
    # country by GeoNames' English name where CLDR's has letters English does not write (Turkey): names again.
    30: Migration(rename_entities=True),
}

# The first schema a PostgreSQL store was written with: its steps start there.
FIRST_POSTGRESQL_VERSION = 4


def migrate(
    db: Any,
    version: int,
    target: int,
    schema: str,
    rebuild_entities: Callable[[], None],
    dialect: str = "sqlite",
    split_storylines: Callable[[], object] = lambda: None,
    rename_entities: Callable[[], object] = lambda: None,
    rekey_mentions: Callable[[], object] = lambda: None,
    index_words: Callable[[], object] = lambda: None,
) -> list[str]:
    """Run the steps from ``version`` to ``target`` inside the caller's transaction (on SQLite with
    foreign keys off: tables are renamed and rebuilt); KeyError when a step is missing. ``schema`` is
    the schema file rendered for ``dialect``. Returns what the user should know after the upgrade."""
    steps = [MIGRATIONS[step] for step in range(version, target)]
    for step in steps:
        for table, column, declaration in step.columns:
            add_column(db, table, column, declaration, dialect)
        run_script(db, render_schema(dialect, step.before), dialect)
    run_script(db, schema, dialect)
    for step in steps:
        run_script(db, render_schema(dialect, step.after), dialect)
    if any(step.index_words for step in steps):
        index_words()
    if any(step.rekey_mentions for step in steps):
        rekey_mentions()
    if any(step.rebuild_entities or _holds_language(db, step.rebuild_entities_with) for step in steps):
        rebuild_entities()  # names too
    elif any(step.rename_entities for step in steps):
        rename_entities()
    if any(step.split_storylines for step in steps):
        split_storylines()
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(target),))
    return [text for step in steps for where, text in step.notices if where == dialect]


def _holds_language(db: Any, language: str) -> bool:
    """Whether the store has articles in ``language`` (none asked: no)."""
    if not language:
        return False
    row = db.execute("SELECT articles FROM language_counts WHERE language=?", (language,)).fetchone()
    return bool(row and row[0])


def add_column(db: Any, table: str, column: str, declaration: str, dialect: str = "sqlite") -> None:
    """Add a column to an existing table that lacks it (a missing table is created whole by the schema)."""
    if dialect == "postgresql":
        db.execute(
            render_schema(dialect, f"ALTER TABLE IF EXISTS {table} ADD COLUMN IF NOT EXISTS {column} {declaration}")
        )
        return
    existing = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    if existing and column not in existing:
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


def run_script(db: Any, script: str, dialect: str = "sqlite") -> None:
    """Execute statements one by one inside the caller's transaction (executescript would commit it)."""
    if dialect == "postgresql":
        for statement in statements(script):
            db.execute(statement)
        return
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)
