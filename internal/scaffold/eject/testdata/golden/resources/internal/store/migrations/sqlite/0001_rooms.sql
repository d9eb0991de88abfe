-- The table of bb.yaml's resource rooms. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "rooms" (
    "slug" TEXT PRIMARY KEY,
    "title" TEXT NOT NULL,
    "members" INTEGER NOT NULL,
    "topic" TEXT
);
