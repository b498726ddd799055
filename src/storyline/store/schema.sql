-- storyline store schema. The version below is the one place it is recorded; bump it and
-- add a migration in sqlite.py whenever this file changes.
-- schema_version: 3

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

CREATE TABLE IF NOT EXISTS article_vectors (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    model       TEXT NOT NULL,
    vector      BLOB NOT NULL
);

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
CREATE INDEX IF NOT EXISTS article_entities_key ON article_entities(key);

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

-- Linked entities, rebuilt after each ingest; ids stay stable for the same identity.
CREATE TABLE IF NOT EXISTS entities (
    id        INTEGER PRIMARY KEY,
    identity  TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    articles  INTEGER NOT NULL,
    stories   INTEGER NOT NULL,
    variants  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS entity_mentions (
    entity_id   INTEGER NOT NULL REFERENCES entities(id),
    article_id  TEXT NOT NULL REFERENCES articles(id),
    key         TEXT NOT NULL,
    given       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_mentions_entity ON entity_mentions(entity_id);
CREATE INDEX IF NOT EXISTS entity_mentions_article ON entity_mentions(article_id, key);
CREATE INDEX IF NOT EXISTS entity_mentions_key ON entity_mentions(key);

CREATE TABLE IF NOT EXISTS signature_bands (
    band_hash   INTEGER NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id)
);
CREATE INDEX IF NOT EXISTS signature_bands_hash ON signature_bands(band_hash);

CREATE TABLE IF NOT EXISTS signatures (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id),
    signature   BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT,
    size        INTEGER NOT NULL,
    vector_sum  BLOB NOT NULL
);

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

CREATE TABLE IF NOT EXISTS storylines (
    id        INTEGER PRIMARY KEY,
    entities  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS storyline_links (
    storyline_id     INTEGER NOT NULL REFERENCES storylines(id),
    earlier          INTEGER NOT NULL REFERENCES stories(id),
    later            INTEGER NOT NULL REFERENCES stories(id),
    shared_entities  TEXT NOT NULL,
    similarity       REAL NOT NULL,
    gap_days         REAL
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.headline, new.text);
END;
