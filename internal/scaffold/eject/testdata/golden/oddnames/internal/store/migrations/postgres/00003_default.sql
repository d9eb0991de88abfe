-- The table of bb.yaml's resource default, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "default" (
    "type" TEXT COLLATE "C" PRIMARY KEY,
    "class" TEXT COLLATE "C" NOT NULL,
    "n" BIGINT NOT NULL
);

-- +goose Down
DROP TABLE "default";
