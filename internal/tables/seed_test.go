package tables

import "testing"

// TestInsertSQL writes records as a seed migration's literals, stored as Store binds
// them: booleans 0/1 on SQLite, date-times as TimeText, JSON as its text, quotes doubled.
func TestInsertSQL(t *testing.T) {
	tb := New(messages())
	for _, tt := range []struct {
		d    Dialect
		rec  string
		want string
	}{
		{SQLite, `{"id":1,"user":"o'brien","sent_at":"2026-11-30t10:00:00.500z","read":true,"score":2.0,"tags":["it's"]}`,
			`INSERT INTO "messages" ("id", "user", "sent_at", "read", "score", "tags")
VALUES (1, 'o''brien', '2026-11-30T10:00:00.5Z', 1, 2, '["it''s"]');
`},
		{Postgres, `{"id":2,"user":"ada","sent_at":"2026-11-30T10:00:00+02:00","read":false,"score":-0.25}`,
			`INSERT INTO "messages" ("id", "user", "sent_at", "read", "score", "tags")
VALUES (2, 'ada', '2026-11-30T10:00:00+02:00', FALSE, -0.25::DOUBLE PRECISION, NULL);
`},
		{SQLite, `{"id":3,"user":"a\u0000b","sent_at":"2026-11-30T10:00:00Z","read":false}`,
			`INSERT INTO "messages" ("id", "user", "sent_at", "read", "score", "tags")
VALUES (3, CAST(X'610062' AS TEXT), '2026-11-30T10:00:00Z', 0, NULL, NULL);
`},
		{Postgres, `{"id":4,"user":"z","sent_at":"2026-11-30T10:00:00Z","read":false,"score":-0.0}`,
			`INSERT INTO "messages" ("id", "user", "sent_at", "read", "score", "tags")
VALUES (4, 'z', '2026-11-30T10:00:00Z', FALSE, 0::DOUBLE PRECISION, NULL);
`},
	} {
		got, err := tb.InsertSQL(tt.d, []byte(tt.rec))
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("%s %s:\n%s\nwant\n%s", tt.d, tt.rec, got, tt.want)
		}
	}
	if _, err := tb.InsertSQL(SQLite, []byte(`[1]`)); err == nil {
		t.Error("a record that is not an object: no error")
	}
}
