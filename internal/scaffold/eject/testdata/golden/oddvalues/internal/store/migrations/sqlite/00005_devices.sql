-- The table of bb.yaml's resource devices, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "devices" (
    "id" TEXT PRIMARY KEY,
    "push" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "seen_at" TEXT,
    "meta" TEXT,
    "list" TEXT
);

-- +goose Down
DROP TABLE "devices";
