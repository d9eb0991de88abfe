-- The table of bb.yaml's resource todos. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "todos" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "due" TEXT,
    "extra" TEXT,
    "weights" TEXT
);
