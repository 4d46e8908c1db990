-- 003: the sentence an event's toll was read from, when it is not the event's own
-- ("... US forces launched an attack. During the raids, 41 were killed.").
ALTER TABLE events ADD COLUMN toll_start INTEGER;
ALTER TABLE events ADD COLUMN toll_end INTEGER;
ALTER TABLE events ADD COLUMN toll_text TEXT;
