-- 011: the blocks of incremental resolution (resolve/blocks.py, docs/linking.md).
-- Written by every resolve; a batch finds through them the rows its new articles touch
-- instead of reading the whole store.
-- Each mention's entity unit after the article-level passes (state words, place
-- fragments, KB linking): a KB actor, or (type class, name) of an unlinked name.
CREATE TABLE resolve_items (
    mention TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    item TEXT NOT NULL,          -- 'kb:<actor id>' or 'n:<type class>|<name>'
    label TEXT NOT NULL,         -- the mention's label after the place-fragment pass
    kb_id TEXT                   -- the actor it is linked to, if any
);
CREATE INDEX resolve_items_item ON resolve_items(item);
CREATE INDEX resolve_items_doc ON resolve_items(doc);
-- Blocking keys: kind 'item' (name keys of an unlinked name), 'event' (the linker's
-- blocking keys of a report, its copy bin, its article), 'article' (MinHash bands and
-- publisher + title of an article). Two rows that share no key are never compared.
CREATE TABLE resolve_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (kind, key, id)
);
CREATE INDEX resolve_keys_id ON resolve_keys(kind, id);
