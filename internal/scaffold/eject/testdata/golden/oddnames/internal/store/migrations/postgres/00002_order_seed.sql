-- The seed records of bb.yaml's resource order, so this server starts with the
-- records bb serve does. To start with an empty table instead, delete this file
-- before the first run; once it has run, delete the records yourself. goose runs
-- the block as one statement, so a text value may hold a ; at the end of a line.

-- +goose Up
-- +goose StatementBegin
INSERT INTO "order" ("uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order")
VALUES ('3f0c2a9e-8b1d-4c52-9a6e-2d7b1f0e4c11', 7, 'a', TRUE, 'x', 's', 'u', 1.5::DOUBLE PRECISION, 'a', 'b', 'q', 1, 2, '{"id":1,"items":[{"qty":1,"sku":"a"}]}');
INSERT INTO "order" ("uuid", "id", "type", "default", "class", "select", "user", "xmin_b90b4d21", "firstName", "FirstName_0dd7bf3a", "what?", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_5904740b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_8b03414b", "order")
VALUES ('9b2e7c1a-0d4f-4e8b-8a1c-5f6e7d8c9b0a', 8, 'b', FALSE, 'y', 't', 'v', -2::DOUBLE PRECISION, 'c', 'd', 'r', 3, 4, NULL);
-- +goose StatementEnd
