-- The table of bb.yaml's resource todos, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "todos" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "due" TEXT,
    "extra" TEXT,
    "weights" TEXT
);

-- +goose Down
DROP TABLE "todos";
