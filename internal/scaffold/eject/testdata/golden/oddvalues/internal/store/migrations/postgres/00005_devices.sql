-- The table of bb.yaml's resource devices, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "devices" (
    "id" TEXT COLLATE "C" PRIMARY KEY,
    "push" BOOLEAN NOT NULL,
    "platform" TEXT COLLATE "C" NOT NULL,
    "seen_at" TEXT COLLATE "C",
    "meta" JSONB,
    "list" JSONB
);

-- +goose Down
DROP TABLE "devices";
