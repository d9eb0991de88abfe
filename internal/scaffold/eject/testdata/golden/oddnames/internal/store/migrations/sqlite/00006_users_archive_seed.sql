-- The seed records of bb.yaml's resource users_archive, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "users_archive" ("id", "func", "Error")
VALUES (1, 'f', 'e');
-- +goose StatementEnd
