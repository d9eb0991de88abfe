-- The seed records of bb.yaml's resource messages, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "reply_to")
VALUES (1, 'larry', 'hello', '2026-11-30T10:00:00Z', 0, NULL);
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "reply_to")
VALUES (2, 'sergey', 'hi larry', '2026-11-30T10:01:00Z', 1, NULL);
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "reply_to")
VALUES (3, 'larry', 'lunch?', '2026-11-30T10:02:00Z', 0, 2);
-- +goose StatementEnd
