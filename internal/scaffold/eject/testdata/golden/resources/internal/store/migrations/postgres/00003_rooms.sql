-- The table of bb.yaml's resource rooms, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "rooms" (
    "slug" TEXT COLLATE "C" PRIMARY KEY,
    "title" TEXT COLLATE "C" NOT NULL,
    "members" BIGINT NOT NULL,
    "topic" TEXT COLLATE "C"
);

-- +goose Down
DROP TABLE "rooms";
