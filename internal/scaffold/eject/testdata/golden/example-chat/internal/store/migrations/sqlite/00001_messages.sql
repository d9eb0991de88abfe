-- The table of bb.yaml's resource messages, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "user" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "reply_to" INTEGER
);

-- +goose Down
DROP TABLE "messages";
