-- The tables of bb.yaml's resources, one per resource. Add 0003_….sql beside it to
-- change the schema; never edit a migration that has run.

CREATE TABLE "messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "user" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "tags" TEXT NOT NULL,
    "meta" TEXT,
    "note" TEXT
);

CREATE TABLE "rooms" (
    "slug" TEXT PRIMARY KEY,
    "title" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "topic" TEXT
);

CREATE TABLE "attachments" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "labels" TEXT
);
