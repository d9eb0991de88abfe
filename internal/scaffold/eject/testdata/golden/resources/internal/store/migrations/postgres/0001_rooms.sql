-- The table of bb.yaml's resource rooms. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "rooms" (
    "slug" TEXT COLLATE "C" PRIMARY KEY,
    "title" TEXT COLLATE "C" NOT NULL,
    "members" BIGINT NOT NULL,
    "topic" TEXT COLLATE "C"
);
