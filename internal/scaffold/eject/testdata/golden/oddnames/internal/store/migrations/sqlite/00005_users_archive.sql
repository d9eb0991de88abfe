-- The table of bb.yaml's resource users_archive, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "users_archive" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "func" TEXT NOT NULL,
    "Error" TEXT NOT NULL
);

-- +goose Down
DROP TABLE "users_archive";
