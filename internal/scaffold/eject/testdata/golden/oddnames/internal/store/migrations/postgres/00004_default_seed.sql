-- The seed records of bb.yaml's resource default, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "default" ("type", "class", "n")
VALUES ('a/b', 'slash', 1);
INSERT INTO "default" ("type", "class", "n")
VALUES ('café 🙂', 'accent', 2);
INSERT INTO "default" ("type", "class", "n")
VALUES ('100% ?#', 'query', 3);
-- +goose StatementEnd
