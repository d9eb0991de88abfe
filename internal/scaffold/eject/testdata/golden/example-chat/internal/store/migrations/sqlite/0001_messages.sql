-- The table of bb.yaml's resource messages. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "user" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "reply_to" INTEGER
);
