-- The seed records of bb.yaml's resource attachments, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES ('3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11', 'photo.jpg', 20480, '2026-11-30T10:00:00Z', '{"kind":"image"}');
INSERT INTO "attachments" ("id", "name", "size", "created_at", "labels")
VALUES ('9b2e7c1a-0d4f-4e8b-8a1c-5f6e7d8c9b0a', 'notes.txt', 12, '2026-11-29T09:00:00Z', NULL);
-- +goose StatementEnd
