-- The seed records of bb.yaml's resource rooms, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ('general', 'General', 3, NULL);
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ('random', 'Random talk', 1, 'anything');
-- +goose StatementEnd
