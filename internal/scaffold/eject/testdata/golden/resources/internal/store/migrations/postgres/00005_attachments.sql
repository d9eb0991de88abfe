-- The table of bb.yaml's resource attachments, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "attachments" (
    "id" TEXT COLLATE "C" PRIMARY KEY,
    "name" TEXT COLLATE "C" NOT NULL,
    "size" BIGINT NOT NULL,
    "created_at" TEXT COLLATE "C" NOT NULL,
    "labels" JSONB
);

-- +goose Down
DROP TABLE "attachments";
