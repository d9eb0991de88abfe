-- The table of bb.yaml's resource notes, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "notes" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "big" INTEGER NOT NULL,
    "ratio" REAL NOT NULL
);

-- +goose Down
DROP TABLE "notes";
