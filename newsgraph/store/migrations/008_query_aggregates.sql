-- 008: queries at 100k articles (bench/api_latency.py). Aggregates written by resolve
-- (store/writer.py refresh_aggregates, in the resolution's transaction) so that a page
-- reads a few rows instead of counting over the whole store, and an index that serves
-- the events list in its own order. Filled here too, for stores built before.
CREATE TABLE entity_counts (
    entity TEXT PRIMARY KEY,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL
);
CREATE INDEX entity_counts_mentions ON entity_counts(mentions);
CREATE INDEX entities_type ON entities(type);
INSERT INTO entity_counts (entity, mentions, documents)
    SELECT e.id, count(m.id), count(DISTINCT m.doc) FROM entities e
    LEFT JOIN mentions m ON m.entity = e.id GROUP BY e.id;

-- whole-store figures of GET /api/stats as JSON (name 'stats'), written by resolve
CREATE TABLE aggregates (
    name TEXT PRIMARY KEY,
    value_json TEXT NOT NULL
);

-- the entities taking part in each event (actor or target), for the actor filters
CREATE TABLE event_entities (
    entity TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (entity, event)
);
INSERT INTO event_entities (entity, event)
    SELECT DISTINCT m.entity, p.event FROM event_participants p
    JOIN mentions m ON m.id = p.mention WHERE m.entity IS NOT NULL;

-- every piece of evidence on a side of a contradiction, by article (filled by resolve)
CREATE TABLE contradiction_spans (
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    contradiction TEXT NOT NULL
);
CREATE INDEX contradiction_spans_doc ON contradiction_spans(doc);

-- the lists' own orders (events: undated last, by date, doc, start; incidents likewise)
CREATE INDEX events_page_order ON events((date IS NULL), date, doc, start);
CREATE INDEX events_type_page_order ON events(type, (date IS NULL), date, doc, start);
CREATE INDEX incidents_page_order ON incidents((date_from IS NULL), date_from, id);
CREATE INDEX incidents_type_page_order ON incidents(type, (date_from IS NULL), date_from, id);
CREATE INDEX incidents_status_page_order ON incidents(status, (date_from IS NULL), date_from, id);
