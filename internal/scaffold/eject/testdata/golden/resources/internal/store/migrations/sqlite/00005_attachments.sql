-- The table of bb.yaml's resource attachments, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "attachments" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "labels" TEXT
);

-- +goose Down
DROP TABLE "attachments";
