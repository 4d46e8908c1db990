-- 007 (analyst review marks, web UI): what an analyst has checked, kept apart from the
-- extracted data. Rows are keyed by the record's stable content-hash id (a dispute's
-- contradiction id, an event cluster id, a relation key, a claim id), so a rebuild,
-- which rewrites the extracted tables, leaves the marks in place. Plain portable SQL.
CREATE TABLE reviews (
    kind TEXT NOT NULL,          -- contradiction | cluster | relation | claim
    target TEXT NOT NULL,        -- the record's stable id
    status TEXT NOT NULL,        -- reviewed | disputed | wrong
    note TEXT,
    updated_at TEXT NOT NULL,    -- ISO 8601 UTC
    PRIMARY KEY (kind, target)
);
