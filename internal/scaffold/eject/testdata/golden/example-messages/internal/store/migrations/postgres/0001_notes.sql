-- The worked example's table. Add 0002_….sql beside it for your own schema.
CREATE TABLE notes (
	id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	text       TEXT NOT NULL,
	created_at TIMESTAMPTZ NOT NULL
);
