-- The seed records of bb.yaml's resource messages, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (1, 'larry', 'hello', '2026-11-30T10:00:00Z', FALSE, 1.5::DOUBLE PRECISION, '["greeting"]', '{"edited":false,"lang":"en"}', NULL);
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (2, 'ada', 'hi larry', '2026-11-30T10:01:00+02:00', TRUE, 2::DOUBLE PRECISION, '[]', NULL, 'first reply');
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (3, 'larry', 'how''s it going?', '2026-11-30T10:02:30.5Z', FALSE, -0.25::DOUBLE PRECISION, '["question","it''s"]', NULL, NULL);
SELECT setval(pg_get_serial_sequence('"messages"', 'id'), COALESCE((SELECT max("id") FROM "messages"), 0) + 1, false);
-- +goose StatementEnd
