package store

import (
	"context"
	"time"
)

// Note is the worked example of a table: see migrations/*/00001_notes.sql. Replace it
// with your own tables, one query function each.
type Note struct {
	ID        int64
	Text      string
	CreatedAt time.Time
}

// AddNote stores a note and returns it with its id. Writes go through s.DB.
func (s *Store) AddNote(ctx context.Context, text string) (Note, error) {
	n := Note{Text: text, CreatedAt: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.DB.QueryRowContext(ctx,
		s.Rebind(`INSERT INTO notes (text, created_at) VALUES (?, ?) RETURNING id`),
		n.Text, n.CreatedAt).Scan(&n.ID)
	return n, err
}

// Notes returns the newest notes first, at most limit of them. Reads go through
// s.Read, which on SQLite does not wait for writes.
func (s *Store) Notes(ctx context.Context, limit int) ([]Note, error) {
	rows, err := s.Read.QueryContext(ctx,
		s.Rebind(`SELECT id, text, created_at FROM notes ORDER BY id DESC LIMIT ?`), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var notes []Note
	for rows.Next() {
		var n Note
		if err := rows.Scan(&n.ID, &n.Text, &n.CreatedAt); err != nil {
			return nil, err
		}
		notes = append(notes, n)
	}
	return notes, rows.Err()
}
