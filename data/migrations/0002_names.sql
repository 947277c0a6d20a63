-- Case schema 2: each event's actors and tags, packed into one column beside the event,
-- so the timeline reads a million events in one sequential pass instead of joining
-- millions of link rows. The link tables stay the truth for filters and names; this
-- column is kept equal to them by every write. Packing: actors separated by U+001F,
-- then U+001E, then tags separated by U+001F, each list in its own order.
ALTER TABLE events ADD COLUMN names TEXT NOT NULL DEFAULT '';

UPDATE events SET names =
    coalesce((SELECT group_concat(name, char(31)) FROM
        (SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
         WHERE ea.event_id = events.id ORDER BY ea.pos)), '')
    || char(30) ||
    coalesce((SELECT group_concat(name, char(31)) FROM
        (SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
         WHERE et.event_id = events.id ORDER BY et.pos)), '');
