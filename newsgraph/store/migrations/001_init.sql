-- 001: articles and everything the per-article step finds in them.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT, title TEXT, publisher TEXT, published TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    words INTEGER NOT NULL,
    source_group TEXT            -- syndicated copies share one group (set by resolve)
);
-- Full-text search over title and text: FTS5 on SQLite, a tsvector on PostgreSQL
-- (store/dialect.py: a `-- dialect:` line starts a block for one dialect only).
-- dialect: sqlite
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
-- dialect: postgresql
ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, text), 'B')) STORED;
CREATE INDEX articles_fts ON articles USING GIN (fts);
-- dialect: all

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    kb_id TEXT, local TEXT NOT NULL, extractor TEXT NOT NULL,
    entity TEXT                  -- set by resolve
);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES articles(id),
    subject TEXT NOT NULL, predicate TEXT NOT NULL, object TEXT, object_text TEXT,
    valid_from TEXT, valid_to TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX relations_doc ON relations(doc);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES articles(id),
    type TEXT NOT NULL, mode TEXT, trigger TEXT NOT NULL,
    date TEXT, date_precision TEXT, date_text TEXT, date_start INTEGER, date_end INTEGER,
    location_json TEXT,          -- model.Location as JSON
    actor_text TEXT, target_text TEXT,   -- JSON lists
    fatalities INTEGER, injuries INTEGER, toll_source TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    extractor TEXT NOT NULL,
    cluster TEXT                 -- set by resolve
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_cluster ON events(cluster);

CREATE TABLE event_participants (
    event TEXT NOT NULL REFERENCES events(id),
    mention TEXT NOT NULL,
    role TEXT NOT NULL,          -- actor | target
    PRIMARY KEY (event, mention, role)
);
CREATE INDEX event_participants_mention ON event_participants(mention);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES articles(id),
    speaker TEXT, speaker_text TEXT, verb TEXT NOT NULL,
    statement TEXT NOT NULL, statement_start INTEGER NOT NULL, statement_end INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    extractor TEXT NOT NULL
);
CREATE INDEX claims_doc ON claims(doc);

CREATE TABLE loaded_terms (
    doc TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (doc, start, "end")
);

CREATE TABLE places (
    doc TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    location_json TEXT NOT NULL,
    PRIMARY KEY (doc, start, "end")
);

-- Written by resolve over the whole store (deterministic, so rebuilding is idempotent).
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, type TEXT NOT NULL, sector TEXT, country TEXT,
    wikidata TEXT, kb_id TEXT,
    aliases TEXT NOT NULL        -- JSON list
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,
    about TEXT NOT NULL, field TEXT NOT NULL,
    values_json TEXT NOT NULL    -- [{"value":..., "evidence":[{doc,start,end,text}]}]
);
