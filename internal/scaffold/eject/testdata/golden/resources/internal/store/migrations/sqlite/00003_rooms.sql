-- The table of bb.yaml's resource rooms, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "rooms" (
    "slug" TEXT PRIMARY KEY,
    "title" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "topic" TEXT
);

-- +goose Down
DROP TABLE "rooms";
