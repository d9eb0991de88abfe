-- The tables of bb.yaml's resources, one per resource. Add 0003_….sql beside it to
-- change the schema; never edit a migration that has run.

CREATE TABLE "todos" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "due" TEXT,
    "extra" TEXT,
    "weights" TEXT
);
