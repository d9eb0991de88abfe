-- The table of bb.yaml's resource attachments. Change the schema with a new file beside
-- it (0003_….sql); never edit a migration that has run.

CREATE TABLE "attachments" (
    "id" TEXT COLLATE "C" PRIMARY KEY,
    "name" TEXT COLLATE "C" NOT NULL,
    "size" BIGINT NOT NULL,
    "created_at" TEXT COLLATE "C" NOT NULL,
    "labels" JSONB
);
