-- The seed records of bb.yaml, so this server starts with the records bb serve does.
-- To start with empty tables instead, delete this file before the first run; once it
-- has run, delete the records (or drop this file and the database) yourself.

INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (1, 'larry', 'hello', '2026-11-30T10:00:00Z', FALSE, 1.5::DOUBLE PRECISION, '["greeting"]', '{"edited":false,"lang":"en"}', NULL);
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (2, 'ada', 'hi larry', '2026-11-30T10:01:00+02:00', TRUE, 2::DOUBLE PRECISION, '[]', NULL, 'first reply');
INSERT INTO "messages" ("id", "user", "text", "sent_at", "read", "score", "tags", "meta", "note")
VALUES (3, 'larry', 'how''s it going?', '2026-11-30T10:02:30.5Z', FALSE, -0.25::DOUBLE PRECISION, '["question","it''s"]', NULL, NULL);
SELECT setval(pg_get_serial_sequence('"messages"', 'id'), COALESCE((SELECT max("id") FROM "messages"), 0) + 1, false);

INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ('general', 'General', 3, NULL);
INSERT INTO "rooms" ("slug", "title", "members", "topic")
VALUES ('random', 'Random talk', 1, 'anything');

INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES ('3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11', 'photo.jpg', 20480, '2026-11-30T10:00:00Z', '{"kind":"image"}');
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES ('9b2e7c1a-0d4f-4e8b-8a1c-5f6e7d8c9b0a', 'notes.txt', 12, '2026-11-29T09:00:00Z', NULL);
