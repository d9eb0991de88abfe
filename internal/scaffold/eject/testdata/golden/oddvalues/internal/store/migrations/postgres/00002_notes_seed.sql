-- The seed records of bb.yaml's resource notes, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "notes" ("id", "text", "author", "at", "big", "ratio")
VALUES (1, 'héllo 👋🏽 مرحبا שלום', 'Zoë', '2026-11-30T10:00:00.123456789+05:30', 9007199254740993, 0.1::DOUBLE PRECISION);
INSERT INTO "notes" ("id", "text", "author", "at", "big", "ratio")
VALUES (2, 'apple', 'zed', '2026-11-30T04:30:00Z', 1, 1::DOUBLE PRECISION);
INSERT INTO "notes" ("id", "text", "author", "at", "big", "ratio")
VALUES (3, 'Banana', 'Ángel', '2026-11-30T10:00:00Z', -5, 0::DOUBLE PRECISION);
INSERT INTO "notes" ("id", "text", "author", "at", "big", "ratio")
VALUES (4, 'line
break	"q" \ </script>', 'B', '1969-12-31T23:59:59.999Z', 0, 1e+300::DOUBLE PRECISION);
SELECT setval(pg_get_serial_sequence('"notes"', 'id'), COALESCE((SELECT max("id") FROM "notes"), 0) + 1, false);
-- +goose StatementEnd
