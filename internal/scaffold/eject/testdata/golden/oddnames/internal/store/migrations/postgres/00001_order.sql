-- The table of bb.yaml's resource order, created by goose (github.com/pressly/goose)
-- at start. Change the schema with a new migration numbered after the last one
-- (goose -s create NAME sql); never edit a migration that has run.

-- +goose Up
CREATE TABLE "order" (
    "uuid" TEXT COLLATE "C" PRIMARY KEY,
    "id" BIGINT NOT NULL,
    "type" TEXT COLLATE "C" NOT NULL,
    "default" BOOLEAN NOT NULL,
    "class" TEXT COLLATE "C" NOT NULL,
    "select" TEXT COLLATE "C" NOT NULL,
    "user" TEXT COLLATE "C" NOT NULL,
    "xmin_b90b4d21" DOUBLE PRECISION NOT NULL,
    "firstName" TEXT COLLATE "C" NOT NULL,
    "FirstName_0dd7bf3a" TEXT COLLATE "C" NOT NULL,
    "what?" TEXT COLLATE "C" NOT NULL,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b" BIGINT NOT NULL,
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b" BIGINT NOT NULL,
    "order" JSONB
);

-- +goose Down
DROP TABLE "order";
