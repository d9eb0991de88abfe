package handlers

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"oddnames/internal/api"
	"oddnames/internal/store"
)

// What the resource handlers share: how a record's fields are stored. A date-time is
// stored as the text Go's time.Time writes in JSON, an object or a list as its JSON
// text, so this server and bb serve keep and answer records alike.

// storeError turns the store's errors into the ones the kernel answers: no row is a
// 404, a duplicate primary key a 409.
func storeError(err error) error {
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return api.ErrNoRecord
	case store.IsDuplicate(err):
		return api.ErrDuplicateID
	}
	return err
}

// sortKey is how a list query names its order to the store: "<field> asc" or
// "<field> desc".
func sortKey(q *api.ListQuery) string {
	if q.Desc {
		return q.Sort + " desc"
	}
	return q.Sort + " asc"
}

func timeOf(text string) (time.Time, error) { return time.Parse(time.RFC3339Nano, text) }

func timeText(t time.Time) string { return t.Format(time.RFC3339Nano) }

func toJSON(v any) (string, error) {
	data, err := json.Marshal(v)
	return string(data), err
}

// fromJSON reads stored JSON text into v, keeping numbers as they were written.
func fromJSON(text string, v any) error {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	return dec.Decode(v)
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
