// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it
// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).

package store

import "database/sql"

// Message is a row of the table messages. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Message struct {
	ID     int64
	User   string
	Text   string
	SentAt string
	Read   bool
	Score  float64
	Tags   string
	Meta   sql.NullString
	Note   sql.NullString
}

// Room is a row of the table rooms. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Room struct {
	Slug    string
	Title   string
	Members int64
	Topic   sql.NullString
}

// Attachment is a row of the table attachments. A date-time is the text stored (RFC 3339, as Go's
// time.Time writes it in JSON), an object or a list its JSON text.
type Attachment struct {
	ID        string
	Name      string
	Size      int64
	CreatedAt string
	Labels    sql.NullString
}
