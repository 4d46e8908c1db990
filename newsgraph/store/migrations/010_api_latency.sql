-- 010: every API call within 50 ms at 100k articles (bench/api_latency.py, docs/storage.md).
-- Aggregates written by resolve (store/writer.py refresh_aggregates: store/ties.py,
-- store/keys.py, store/digests.py; facet counts, outlet profiles and place names as
-- JSON in `aggregates`); a store built before fills them at its next build (until then
-- the readers compute live, as before).

-- Entity-level text relations ("ties"), grouped once: status, independent sources and
-- the first quotes of each; `target` is the graph node of the object (the entity, or
-- 'office:' + the office); `node_rank` the larger rank of the two ends among the most
-- connected nodes (NULL past store/ties.py MAX_RANK): the whole-store network of the N
-- most connected nodes is `node_rank <= N`.
CREATE TABLE relation_groups (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT,
    object_text TEXT,
    target TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    evidence_count INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    status TEXT NOT NULL,
    evidence_json TEXT NOT NULL,
    node_rank INTEGER
);
CREATE INDEX relation_groups_subject ON relation_groups(subject, sources);
CREATE INDEX relation_groups_object ON relation_groups(object, sources);
CREATE INDEX relation_groups_rank ON relation_groups(node_rank);
CREATE INDEX relation_groups_strength ON relation_groups(sources DESC, id);

-- graph nodes (entities and offices) by number of ties: rank 1 the most connected
CREATE TABLE graph_nodes (
    node TEXT PRIMARY KEY,
    degree INTEGER NOT NULL,
    node_rank INTEGER NOT NULL
);
CREATE INDEX graph_nodes_rank ON graph_nodes(node_rank);

-- A stored place (store/keys.py place_key: name|admin1|country) and every place that
-- contains it, itself included (folded names: the place, its region, its country's
-- names, and for a site each stored place named inside its name).
CREATE TABLE place_ancestors (
    place TEXT NOT NULL,
    ancestor TEXT NOT NULL,
    PRIMARY KEY (place, ancestor)
);
CREATE INDEX place_ancestors_ancestor ON place_ancestors(ancestor);

-- The filter keys of each event in the events list's own order ('a:' + an entity taking
-- part, 'p:' + a place containing the event's place): a filtered page is one index range
-- and its total one index count. `seq` is the event's rowid (ties in text order).
CREATE TABLE event_keys (
    key TEXT NOT NULL,
    event TEXT NOT NULL,
    undated INTEGER NOT NULL,
    date TEXT,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, event)
);
CREATE INDEX event_keys_order ON event_keys(key, undated, date, doc, start, seq);

CREATE INDEX event_entities_event ON event_entities(event);   -- an event's entities

-- the same for incidents (actor and place keys), in the incident list's order
CREATE TABLE incident_keys (
    key TEXT NOT NULL,
    incident TEXT NOT NULL,
    undated INTEGER NOT NULL,
    date_from TEXT,
    PRIMARY KEY (key, incident)
);
CREATE INDEX incident_keys_order ON incident_keys(key, undated, date_from, incident);

-- Claims of each speaker entity in text order (the profile's claims).
CREATE TABLE speaker_claims (
    entity TEXT NOT NULL,
    claim TEXT NOT NULL,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (entity, claim)
);
CREATE INDEX speaker_claims_order ON speaker_claims(entity, doc, start, seq);

-- The claims list in its default order (article date, missing first; text order), by
-- key: '*' every claim, 'a:' + the speaker entity, 'o:' + the article's outlet.
CREATE TABLE claim_keys (
    key TEXT NOT NULL,
    claim TEXT NOT NULL,
    dated INTEGER NOT NULL,
    published TEXT,
    doc TEXT NOT NULL,
    start INTEGER NOT NULL,
    PRIMARY KEY (key, claim)
);
CREATE INDEX claim_keys_order ON claim_keys(key, dated, published, doc, start);

-- The articles that mention each entity, with how often ("articles that mention this
-- actor", most mentions first).
CREATE TABLE entity_articles (
    entity TEXT NOT NULL,
    doc TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    dated INTEGER NOT NULL,
    published TEXT,
    PRIMARY KEY (entity, doc)
);
CREATE INDEX entity_articles_order ON entity_articles(entity, mentions DESC, dated, published, doc);

-- Every name and alias of each entity, folded (store/keys.py fold): the actor filters'
-- exact-name lookup.
CREATE TABLE entity_names (
    name TEXT NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (name, entity)
);

-- The lists' other orders and the date filters.
CREATE INDEX incidents_from_to ON incidents(date_from, date_to);
CREATE INDEX events_toll_order ON events((fatalities IS NULL), fatalities DESC, (date IS NOT NULL), date, doc, start);
CREATE INDEX articles_published_order ON articles((published IS NULL), published DESC, id);
CREATE INDEX articles_title_order ON articles((title IS NOT NULL), title, id);
CREATE INDEX articles_publisher_order ON articles(publisher, (published IS NULL), published DESC, id);
CREATE INDEX contradictions_page_order ON contradictions(about, field, id);
