-- The table of bb.yaml's resource order, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "order" (
    "uuid" TEXT PRIMARY KEY,
    "id" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "default" INTEGER NOT NULL,
    "class" TEXT NOT NULL,
    "select" TEXT NOT NULL,
    "user" TEXT NOT NULL,
    "xmin_b90b4d21" REAL NOT NULL,
    "firstName" TEXT NOT NULL,
    "FirstName_0dd7bf3a" TEXT NOT NULL,
    "what?" TEXT NOT NULL,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" INTEGER NOT NULL,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" INTEGER NOT NULL,
    "order" TEXT
);

-- +goose Down
DROP TABLE "order";
