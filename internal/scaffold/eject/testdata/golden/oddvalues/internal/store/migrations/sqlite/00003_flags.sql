-- The table of bb.yaml's resource flags, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "flags" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "on" INTEGER NOT NULL,
    "off" INTEGER NOT NULL
);

-- +goose Down
DROP TABLE "flags";
