-- 004: the source map. origin is where an article was read: the file's absolute path,
-- or "<jsonl path>#<record id>". An edited source replaces its article, a source that
-- no longer yields one is reported (and removed with `build --prune`).
ALTER TABLE articles ADD COLUMN origin TEXT;
CREATE INDEX articles_origin ON articles(origin);
