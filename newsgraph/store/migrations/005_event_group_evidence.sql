-- 005 (article-level events, nlp/events/group): the further sentences of an article
-- telling the same happening, and the sentences an event's date and place were read
-- from when they are not the event's own. JSON: {"more": [evidence...], "date":
-- evidence|null, "place": evidence|null}, each evidence {doc,start,end,text}; NULL for
-- an event read from one sentence.
ALTER TABLE events ADD COLUMN group_evidence_json TEXT;
