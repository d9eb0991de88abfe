-- The worked example's table. Add 0002_….sql beside it for your own schema.
CREATE TABLE notes (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	text       TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL
);
