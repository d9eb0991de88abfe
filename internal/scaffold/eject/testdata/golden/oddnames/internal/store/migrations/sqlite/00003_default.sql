-- The table of bb.yaml's resource default, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "default" (
    "type" TEXT PRIMARY KEY,
    "class" TEXT NOT NULL,
    "n" INTEGER NOT NULL
);

-- +goose Down
DROP TABLE "default";
