-- The worked example's table, created by goose (github.com/pressly/goose) at start.
-- For your own schema add 00002_….sql beside it (goose -s create NAME sql), and never
-- edit a migration that has run.

-- +goose Up
CREATE TABLE notes (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	text       TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE notes;
