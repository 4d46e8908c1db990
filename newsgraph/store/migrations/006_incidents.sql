-- 006: incidents (resolve/incidents.py), written by resolve with the clusters. One row
-- per incident (the cluster id; a lone event's id), the columns the API filters and
-- sorts on, and the whole incident (model.Incident, every facet with its evidence) as
-- JSON in facets_json. incident_events lists the event reports telling it.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    headline TEXT NOT NULL,
    date_from TEXT, date_to TEXT,
    place_name TEXT, place_admin1 TEXT, place_country TEXT,
    sources INTEGER NOT NULL,    -- independent outlets
    status TEXT NOT NULL,        -- corroborated | single-source | contested
    killed_min INTEGER, killed_max INTEGER,
    facets_json TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date_from);
CREATE INDEX incidents_type ON incidents(type);
CREATE INDEX incidents_status ON incidents(status);

CREATE TABLE incident_events (
    incident TEXT NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (incident, event)
);
CREATE INDEX incident_events_event ON incident_events(event);
