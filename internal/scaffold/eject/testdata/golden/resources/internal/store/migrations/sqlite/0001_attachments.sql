-- The table of bb.yaml's resource attachments. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "attachments" (
    "id" TEXT PRIMARY KEY,
    "name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "labels" TEXT
);
