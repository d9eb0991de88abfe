package eject

import (
	"fmt"
	"strings"
)

// Store says which databases an ejected project's internal/store speaks. With none,
// the project has no store and needs no module beyond Go's standard library, so it
// builds in seconds and offline; each database adds its driver.
type Store struct {
	SQLite   bool // modernc.org/sqlite, pure Go
	Postgres bool // github.com/jackc/pgx/v5
}

// StoreNames are the names ParseStore reads.
const StoreNames = "none, sqlite, postgres, or sqlite,postgres"

// ParseStore reads --store: "none", "sqlite", "postgres", or both of those.
func ParseStore(names []string) (Store, error) {
	var s Store
	none := false
	for _, n := range names {
		switch strings.ToLower(strings.TrimSpace(n)) {
		case "sqlite":
			s.SQLite = true
		case "postgres", "postgresql":
			s.Postgres = true
		case "none", "":
			none = true
		default:
			return Store{}, fmt.Errorf("--store %q: want %s", n, StoreNames)
		}
	}
	if none && s.Any() {
		return Store{}, fmt.Errorf("--store none does not go with a database; want %s", StoreNames)
	}
	return s, nil
}

// Any reports whether the project has a store.
func (s Store) Any() bool { return s.SQLite || s.Postgres }

// String is the --store value that makes s.
func (s Store) String() string {
	switch {
	case s.SQLite && s.Postgres:
		return "sqlite,postgres"
	case s.SQLite:
		return "sqlite"
	case s.Postgres:
		return "postgres"
	}
	return "none"
}

// Names names the databases in words, for the README.
func (s Store) Names() string {
	switch {
	case s.SQLite && s.Postgres:
		return "SQLite or PostgreSQL"
	case s.SQLite:
		return "SQLite"
	}
	return "PostgreSQL"
}

// Want says what DATABASE_URL may hold, for an error message.
func (s Store) Want() string {
	switch {
	case s.SQLite && s.Postgres:
		return "sqlite:PATH or a postgres:// URL"
	case s.SQLite:
		return "sqlite:PATH (this project was ejected with --store sqlite)"
	}
	return "a postgres:// URL (this project was ejected with --store postgres)"
}

// URLDoc is DATABASE_URL's default and meaning, for main.go's doc comment.
func (s Store) URLDoc() string {
	switch {
	case s.SQLite && s.Postgres:
		return "default sqlite:data.db; a postgres:// URL uses PostgreSQL"
	case s.SQLite:
		return "default sqlite:data.db"
	}
	return "a postgres:// URL, required"
}

// URLDefault is DATABASE_URL's default, for the README's table.
func (s Store) URLDefault() string {
	if s.SQLite {
		return "`sqlite:data.db`"
	}
	return "none: required"
}

// URLMeaning is what DATABASE_URL may hold, for the README's table.
func (s Store) URLMeaning() string {
	switch {
	case s.SQLite && s.Postgres:
		return "`sqlite:PATH`, or a `postgres://` URL for PostgreSQL"
	case s.SQLite:
		return "`sqlite:PATH`"
	}
	return "a `postgres://` URL"
}

// PackageDoc completes the store package's doc comment.
func (s Store) PackageDoc() string {
	switch {
	case s.SQLite && s.Postgres:
		return "SQLite in a local file\n// by default (pure Go, no C compiler needed), PostgreSQL when DATABASE_URL says so"
	case s.SQLite:
		return "SQLite in a local file\n// (pure Go, no C compiler needed)"
	}
	return "PostgreSQL, at the URL\n// DATABASE_URL holds"
}
