-- 002: indexes for the HTTP API's per-entity reads (profile, graph, events by actor/date).
CREATE INDEX mentions_id_entity ON mentions(id, entity);       -- covering: mention -> entity
CREATE INDEX mentions_entity_doc ON mentions(entity, doc);     -- mentions/documents per entity
CREATE INDEX relations_subject ON relations(subject);
CREATE INDEX relations_object ON relations(object);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE INDEX events_date ON events(date);
CREATE INDEX contradictions_about ON contradictions(about);
