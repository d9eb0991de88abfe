-- The seed records of bb.yaml's resource flags, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "flags" ("id", "on", "off")
VALUES (1, TRUE, FALSE);
INSERT INTO "flags" ("id", "on", "off")
VALUES (2, FALSE, TRUE);
SELECT setval(pg_get_serial_sequence('"flags"', 'id'), COALESCE((SELECT max("id") FROM "flags"), 0) + 1, false);
-- +goose StatementEnd
