-- storyline store schema, for SQLite and PostgreSQL. The version below is the one place it is
-- recorded; bump it and add a migration in migrations.py whenever this file changes.
-- schema_version: 31
--
-- Written in SQLite's types; store/schema.py renders it for PostgreSQL (BIGINT, DOUBLE PRECISION,
-- BYTEA, identity keys, deferrable foreign keys). What only one of them has sits between
-- "-- begin sqlite" / "-- begin postgresql" and "-- end".
--
-- Everything derived (stories' entity counts, entity frequencies, entities and their counts,
-- storylines) is kept up to date by each ingest batch, in the batch's transaction, touching only
-- what the batch changes: no step of an ingest reads the whole store. Entities and their counts may
-- instead be kept by a linker of its own, a chunk of articles a transaction, after the batch's
-- commit (grouping/linking.py; meta 'linked_seq' below).

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    id                   TEXT NOT NULL UNIQUE,
    url                  TEXT UNIQUE,
    content_hash         TEXT NOT NULL UNIQUE,
    path                 TEXT,
    title                TEXT,
    headline             TEXT NOT NULL,
    text                 TEXT NOT NULL,
    source               TEXT,
    published            TEXT,
    published_from       TEXT,
    language             TEXT,
    language_confidence  REAL,
    boilerplate_removed  INTEGER NOT NULL DEFAULT 0,
    duplicate_of         TEXT,
    metadata             TEXT NOT NULL DEFAULT '{}',
    ingested_at          TEXT NOT NULL
);
-- Chinese articles' words, cut apart (stages/chinese.py) and written with spaces between them: Chinese
-- writes none, and the full-text tokenizers take a whole clause for one word. parts: the shorter words
-- inside the long ones (外交部 in 中国外交部). Search reads them for a query in Chinese; other articles
-- have no row here.
CREATE TABLE IF NOT EXISTS article_words (
    seq    INTEGER PRIMARY KEY REFERENCES articles(seq),
    text   TEXT NOT NULL,
    parts  TEXT NOT NULL
);
-- what arrived lately, newest first (the ranked front page, storyline top): on both databases
CREATE INDEX IF NOT EXISTS articles_stored ON articles(ingested_at);
-- articles newest first (an entity's latest articles walk it); undated ones last
-- begin sqlite
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- end
-- begin postgresql
CREATE INDEX IF NOT EXISTS articles_latest ON articles(published DESC NULLS LAST, seq DESC);
-- end

-- label: the article's seq (numbers only grow), the key in the vector index's shards;
-- shard: its time shard (grouping/window.py), the unit the vector index loads; story_id: its story
-- (an article never changes story), so that neighbours and a story's members need no join.
-- vector: float32 bytes in SQLite, a pgvector value in PostgreSQL (searched through an HNSW index
-- made for the embedder's dimension by the PostgreSQL store).
CREATE TABLE IF NOT EXISTS article_vectors (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    model       TEXT NOT NULL,
    vector      {vector} NOT NULL,
    label       INTEGER NOT NULL DEFAULT 0,
    shard       INTEGER NOT NULL DEFAULT 0,
    story_id    INTEGER
);
CREATE INDEX IF NOT EXISTS article_vectors_shard ON article_vectors(shard, label);
CREATE INDEX IF NOT EXISTS article_vectors_label ON article_vectors(label);
CREATE INDEX IF NOT EXISTS article_vectors_story ON article_vectors(story_id);

CREATE TABLE IF NOT EXISTS article_entities (
    article_id  TEXT NOT NULL REFERENCES articles(id),
    key         TEXT NOT NULL,
    surface     TEXT NOT NULL,
    lemma       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    given       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, key, given)
);
-- A key's mentions by form (bare surname: given=''), in the order they were stored: the relink queue
-- reads a surname's next bare mentions as one index range, not a walk over all the key's full names.
-- begin sqlite
CREATE INDEX IF NOT EXISTS article_entities_key ON article_entities(key, given);
-- end
-- begin postgresql
-- SQLite's implicit rowid, made explicit under the same name: the order mentions were stored in.
ALTER TABLE article_entities ADD COLUMN IF NOT EXISTS rowid BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX IF NOT EXISTS article_entities_key ON article_entities(key, given, rowid);
-- end

-- In how many articles each entity key appears (the weights of entity evidence).
CREATE TABLE IF NOT EXISTS entity_frequency (
    key       TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL
) WITHOUT ROWID;

-- Sentences that say when something happened (timelines are built from these at read time,
-- because an undated article takes the year of a day-and-month date from its story).
CREATE TABLE IF NOT EXISTS statements (
    article_id   TEXT NOT NULL REFERENCES articles(id),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    expression   TEXT NOT NULL,
    precision    TEXT NOT NULL,
    date         TEXT,
    month        INTEGER,
    day          INTEGER,
    relative     INTEGER NOT NULL,
    sources      TEXT NOT NULL,
    entity_keys  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);

-- Linked entities. An identity keeps its id for ever; one whose mentions all moved elsewhere keeps
-- its row with articles = 0 (hidden from lists), and merged_into names where they went.
CREATE TABLE IF NOT EXISTS entities (
    id           INTEGER PRIMARY KEY,
    identity     TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    articles     INTEGER NOT NULL,
    stories      INTEGER NOT NULL,
    variants     TEXT NOT NULL,
    merged_into  INTEGER
);
-- begin sqlite
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);
-- end
-- begin postgresql
CREATE INDEX IF NOT EXISTS entities_name ON entities(lower(name));
-- end
CREATE INDEX IF NOT EXISTS entities_rank ON entities(stories DESC, articles DESC, name, id);

-- Written forms of each entity with their counts (its name, type and variants are computed from these).
CREATE TABLE IF NOT EXISTS entity_variants (
    entity_id  INTEGER NOT NULL,
    surface    TEXT NOT NULL,
    language   TEXT NOT NULL,
    lemma      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    rows       INTEGER NOT NULL,
    PRIMARY KEY (entity_id, surface, language, lemma, kind)
) WITHOUT ROWID;
-- begin sqlite
CREATE INDEX IF NOT EXISTS entity_variants_surface ON entity_variants(surface COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS entity_variants_lemma ON entity_variants(lemma COLLATE NOCASE);
-- end
-- begin postgresql
CREATE INDEX IF NOT EXISTS entity_variants_surface ON entity_variants(lower(surface));
CREATE INDEX IF NOT EXISTS entity_variants_lemma ON entity_variants(lower(lemma));
-- end

-- Per entity and story: how many of the story's articles name it.
CREATE TABLE IF NOT EXISTS entity_stories (
    entity_id  INTEGER NOT NULL,
    story_id   INTEGER NOT NULL,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_stories_story ON entity_stories(story_id);

-- Per entity and publication date: how many of its articles appeared that day (its activity chart).
CREATE TABLE IF NOT EXISTS entity_days (
    entity_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    articles   INTEGER NOT NULL,
    PRIMARY KEY (entity_id, day)
) WITHOUT ROWID;

-- Per mention key: how many mentions are linked to each entity (a key's usual entity).
CREATE TABLE IF NOT EXISTS key_entities (
    key        TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    rows       INTEGER NOT NULL,
    PRIMARY KEY (key, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS key_entities_entity ON key_entities(entity_id);

-- Anchors (full names, and bare names in Latin script) per key: what bare names may join.
CREATE TABLE IF NOT EXISTS entity_full_names (
    key       TEXT NOT NULL,
    identity  TEXT NOT NULL,
    rows      INTEGER NOT NULL,
    PRIMARY KEY (key, identity)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS story_full_names (
    story_id  INTEGER NOT NULL,
    key       TEXT NOT NULL,
    identity  TEXT NOT NULL,
    rows      INTEGER NOT NULL,
    PRIMARY KEY (story_id, key, identity)
) WITHOUT ROWID;

-- Surnames whose dominant full name changed: their bare mentions are re-linked a few hundred per
-- batch, from the mention row after after_seq (article_entities' rowid) on.
CREATE TABLE IF NOT EXISTS relink_queue (
    key        TEXT PRIMARY KEY,
    after_seq  INTEGER NOT NULL
) WITHOUT ROWID;

-- Bare names in a script other than Latin, per key and plain spelling (grouping/entities.choice_key):
-- only where there are some does a change of the store's dominant Latin spelling relink anything.
CREATE TABLE IF NOT EXISTS foreign_bare_names (
    key   TEXT PRIMARY KEY,
    rows  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS surname_choices (
    key       TEXT PRIMARY KEY,  -- a surname's key and spelling (grouping/entities.choice_key)
    identity  TEXT
) WITHOUT ROWID;

-- Each mention's link to its entity: derived (the entity rebuild makes them all again from
-- article_entities), written only by relinking, which takes its entity ids from the entities table. No
-- references, as for signature_bands below: PostgreSQL checked two per row at each commit, and
-- `storyline check` finds a link to a missing entity or article instead.
CREATE TABLE IF NOT EXISTS entity_mentions (
    entity_id   INTEGER NOT NULL,
    article_id  TEXT NOT NULL,
    key         TEXT NOT NULL,
    given       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_mentions_article ON entity_mentions(article_id, key);
CREATE INDEX IF NOT EXISTS entity_mentions_entity_article ON entity_mentions(entity_id, article_id);

-- A signature's bands, the near-duplicate look-up's index: written only with their signature, in one
-- batch's statements, and never by anything else. No reference to articles: PostgreSQL checked one per
-- band row at each commit (32 an article), with the mentions' references above about a seventh of its
-- writer's time (docs/benchmarks.md); `storyline check` finds bands without their signature instead.
-- (SQLite stores made before schema 27 keep both tables' references: SQLite cannot drop one without
-- copying the table, and checks them cheaply.)
CREATE TABLE IF NOT EXISTS signature_bands (
    band_hash   INTEGER NOT NULL,
    article_id  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signature_bands_hash ON signature_bands(band_hash);

CREATE TABLE IF NOT EXISTS signatures (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    signature   BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    first_seen     TEXT,
    last_seen      TEXT,
    size           INTEGER NOT NULL,
    vector_sum     BLOB NOT NULL,
    languages      TEXT NOT NULL DEFAULT '{}',
    title_article  TEXT,
    storyline_id   INTEGER
);
CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
-- begin postgresql
-- the order of every story list (SQLite reads stories_last_seen backwards for it)
CREATE INDEX IF NOT EXISTS stories_latest ON stories(last_seen DESC NULLS LAST, id DESC);
-- end
-- a storyline's stories in date order (undated last): its latest ones are an index range, however
-- long it grows (SQLite reads this one backwards)
-- begin sqlite
CREATE INDEX IF NOT EXISTS stories_storyline_dates ON stories(storyline_id, first_seen, id);
-- end
-- begin postgresql
CREATE INDEX IF NOT EXISTS stories_storyline_dates ON stories(storyline_id, first_seen DESC NULLS LAST, id DESC);
-- end

-- Per story and entity key: how many of its articles name it, with the story's dates, so that
-- the stories naming a key around a date are one index range (by first date, which seldom changes:
-- a story's last date moves with every article, and re-indexing it would rewrite a page per key).
CREATE TABLE IF NOT EXISTS story_entities (
    story_id    INTEGER NOT NULL,
    key         TEXT NOT NULL,
    articles    INTEGER NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT,
    PRIMARY KEY (story_id, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_entities_key ON story_entities(key, first_seen);

-- Stories that span more than LONG_STORY_DAYS (map_reads.py): the few that the date range of
-- story_entities_key would miss, by last date: those still going on at a date are an index range.
CREATE TABLE IF NOT EXISTS long_stories (
    story_id    INTEGER PRIMARY KEY,
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS long_stories_last ON long_stories(last_seen);

-- The languages of each story's articles, and of the whole store (filters and their menus).
CREATE TABLE IF NOT EXISTS story_languages (
    language  TEXT NOT NULL,
    story_id  INTEGER NOT NULL,
    PRIMARY KEY (language, story_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS language_counts (
    language  TEXT PRIMARY KEY,
    articles  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS memberships (
    article_id       TEXT PRIMARY KEY REFERENCES articles(id),
    story_id         INTEGER NOT NULL REFERENCES stories(id),
    similarity       REAL,
    entity_overlap   REAL,
    shared_entities  TEXT,
    gap_days         REAL,
    score            REAL
);
CREATE INDEX IF NOT EXISTS memberships_story ON memberships(story_id);

-- Storylines keep their ids; a merged-away id resolves through storyline_aliases.
CREATE TABLE IF NOT EXISTS storylines (
    id          INTEGER PRIMARY KEY,
    first_seen  TEXT,
    last_seen   TEXT,
    stories     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS storylines_last_seen ON storylines(last_seen);

CREATE TABLE IF NOT EXISTS storyline_links (
    earlier          INTEGER NOT NULL REFERENCES stories(id),
    later            INTEGER NOT NULL REFERENCES stories(id),
    shared_entities  TEXT NOT NULL,
    similarity       REAL NOT NULL,
    gap_days         REAL,
    PRIMARY KEY (earlier, later)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storyline_links_later ON storyline_links(later);

CREATE TABLE IF NOT EXISTS storyline_aliases (
    id            INTEGER PRIMARY KEY,
    storyline_id  INTEGER NOT NULL
);

-- Feeds that `storyline follow` polls, with what it needs to ask politely and to resume after a
-- restart: the validators of the last answer, when it last worked, the last failure, how long the
-- host asked to be left alone (an ISO time), and the items already taken (docs/follow.md).
CREATE TABLE IF NOT EXISTS feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    last_polled    TEXT,
    last_success   TEXT,
    last_error     TEXT,
    last_error_at  TEXT,
    failures       INTEGER NOT NULL DEFAULT 0,
    items_seen     INTEGER NOT NULL DEFAULT 0,
    wait_until     TEXT,
    quiet          INTEGER NOT NULL DEFAULT 0,  -- polls in a row that brought nothing new
    next_poll      TEXT,  -- its own schedule: sooner while it brings news, up to 4 rounds apart when quiet
    asks_seconds   REAL  -- the wait between reads the feed asks for (RSS ttl, sy:updatePeriod), if it does
);

CREATE TABLE IF NOT EXISTS feed_items (
    feed_url    TEXT NOT NULL,
    item        TEXT NOT NULL,
    article_id  TEXT,
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (feed_url, item)
) WITHOUT ROWID;

-- Watches (`storyline watch`) and the alerts they raised. An alert row is written once, before it is
-- sent; sent_at is set once it was delivered (docs/follow.md).
CREATE TABLE IF NOT EXISTS watches (
    name        TEXT PRIMARY KEY,
    entity_id   INTEGER,
    query       TEXT,
    webhook     TEXT,
    to_file     TEXT,
    grow_by     INTEGER NOT NULL,
    after_seq   INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS watch_alerts (
    id          INTEGER PRIMARY KEY,
    watch       TEXT NOT NULL,
    story_id    INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    outlets     INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    UNIQUE (watch, story_id, kind, outlets)
);
CREATE INDEX IF NOT EXISTS watch_alerts_pending ON watch_alerts(sent_at, id);

-- Full-text search: words of any script, matched by prefix (docs/pipeline.md).
-- begin sqlite
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.headline, new.text);
END;
CREATE VIRTUAL TABLE IF NOT EXISTS article_words_fts USING fts5(
    text, parts, content='article_words', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS article_words_fts_insert AFTER INSERT ON article_words BEGIN
    INSERT INTO article_words_fts(rowid, text, parts) VALUES (new.seq, new.text, new.parts);
END;
-- end
-- begin postgresql
ALTER TABLE articles ADD COLUMN IF NOT EXISTS words tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', headline || ' ' || text)) STORED;
-- The words stay in the row (compressed), where ranking a search's matches reads them: out of line,
-- each match cost a look-up in the TOAST table (3,578 matches: 33 ms -> 18 ms at 200,000 articles).
-- Rows stored before schema 7 keep theirs out of line until rewritten (VACUUM FULL articles).
ALTER TABLE articles ALTER COLUMN words SET STORAGE MAIN;
-- With the words in the row, a row stays over PostgreSQL's 2 KB mark after its text is moved out, and
-- the server then moved every other value of more than 24 bytes out of line too: each title, headline,
-- URL or path a page shows cost a look-up in the TOAST table (843 articles' page columns: 13.8 -> 7.8 ms
-- at 200,000 articles). So the columns pages read stay in the row, as do the vectors (2 KB at 512
-- dimensions). Rows stored before schema 25 keep theirs out of line until rewritten (VACUUM FULL).
ALTER TABLE articles ALTER COLUMN id SET STORAGE MAIN, ALTER COLUMN url SET STORAGE MAIN,
    ALTER COLUMN content_hash SET STORAGE MAIN, ALTER COLUMN path SET STORAGE MAIN,
    ALTER COLUMN title SET STORAGE MAIN, ALTER COLUMN headline SET STORAGE MAIN,
    ALTER COLUMN source SET STORAGE MAIN, ALTER COLUMN published SET STORAGE MAIN,
    ALTER COLUMN published_from SET STORAGE MAIN, ALTER COLUMN language SET STORAGE MAIN,
    ALTER COLUMN duplicate_of SET STORAGE MAIN, ALTER COLUMN ingested_at SET STORAGE MAIN;
ALTER TABLE article_vectors ALTER COLUMN vector SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS articles_words ON articles USING gin(words);
ALTER TABLE article_words ADD COLUMN IF NOT EXISTS words tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || parts)) STORED;
CREATE INDEX IF NOT EXISTS article_words_words ON article_words USING gin(words);
-- end

-- Counters the map keeps (the schema version row is written by the store).
INSERT INTO meta VALUES ('store_id', {random_id}) ON CONFLICT DO NOTHING;
INSERT INTO meta VALUES ('documents', '0') ON CONFLICT DO NOTHING;
INSERT INTO meta VALUES ('stories', '0') ON CONFLICT DO NOTHING;
INSERT INTO meta VALUES ('generation', '0') ON CONFLICT DO NOTHING;
INSERT INTO meta VALUES ('next_storyline_id', '1') ON CONFLICT DO NOTHING;
-- Entities are linked article by article in the order stored (grouping/linking.py): every article up to
-- this seq has its mentions linked. A new store starts at 0; a store made before schema 28 had linked
-- every article it held.
INSERT INTO meta SELECT 'linked_seq', CAST(COALESCE(MAX(seq), 0) AS TEXT) FROM articles WHERE true ON CONFLICT DO NOTHING;
