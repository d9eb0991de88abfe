package dbkit

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestPoolFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	p, err := PoolFromEnv(env(nil))
	if err != nil || p != (Pool{}) {
		t.Errorf("unset: %+v %v", p, err)
	}
	p, err = PoolFromEnv(env(map[string]string{"DB_MAX_CONNS": "7", "DB_MAX_IDLE_CONNS": "2", "DB_CONN_MAX_LIFETIME": "1h", "DB_CONN_MAX_IDLE_TIME": "90s"}))
	if err != nil || p != (Pool{MaxConns: 7, MaxIdleConns: 2, ConnMaxLifetime: time.Hour, ConnMaxIdleTime: 90 * time.Second}) {
		t.Errorf("set: %+v %v", p, err)
	}
	for _, bad := range []map[string]string{{"DB_MAX_CONNS": "0"}, {"DB_MAX_CONNS": "x"}, {"DB_MAX_IDLE_CONNS": "-1"}, {"DB_CONN_MAX_LIFETIME": "soon"}, {"DB_CONN_MAX_IDLE_TIME": "0s"}} {
		if _, err := PoolFromEnv(env(bad)); err == nil {
			t.Errorf("%v: no error", bad)
		} else {
			for k, v := range bad {
				if !strings.Contains(err.Error(), k+"=\""+v+"\"") {
					t.Errorf("%v: the error %q does not name the setting", bad, err)
				}
			}
		}
	}
}

// noConnector opens a *sql.DB that never connects: enough to read its pool settings.
type noConnector struct{}

func (noConnector) Connect(context.Context) (driver.Conn, error) {
	return nil, errors.New("no database")
}
func (noConnector) Driver() driver.Driver { return nil }

func TestPoolDefaults(t *testing.T) {
	db := sql.OpenDB(noConnector{})
	defer db.Close()
	Pool{}.apply(db, 10)
	if n := db.Stats().MaxOpenConnections; n != 10 {
		t.Errorf("default max conns %d", n)
	}
	Pool{MaxConns: 3}.apply(db, 10)
	if n := db.Stats().MaxOpenConnections; n != 3 {
		t.Errorf("max conns %d", n)
	}
}

func TestRebind(t *testing.T) {
	pg := &Store{dialect: "postgres"}
	if got := pg.Rebind("SELECT * FROM t WHERE a = ? AND b = ?"); got != "SELECT * FROM t WHERE a = $1 AND b = $2" {
		t.Errorf("postgres: %s", got)
	}
	lite := &Store{dialect: "sqlite"}
	if got := lite.Rebind("a = ?"); got != "a = ?" {
		t.Errorf("sqlite: %s", got)
	}
}

// A store whose database does not answer is closed, and the error names the dialect.
func TestStartFails(t *testing.T) {
	db := sql.OpenDB(noConnector{})
	s := &Store{DB: db, Read: db, dialect: "postgres"}
	err := s.Start(context.Background(), fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "connecting to the postgres database") {
		t.Errorf("Start: %v", err)
	}
	if err := db.Ping(); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("the store was not closed: %v", err)
	}
}

// The package is copied into projects whose go.mod bb writes: it may import the
// standard library and goose only (the drivers are the store's).
func TestImportsGooseOnly(t *testing.T) {
	entries, _ := Files.ReadDir(".")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue // not copied
		}
		src, _ := Files.ReadFile(e.Name())
		f, err := parser.ParseFile(token.NewFileSet(), e.Name(), src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(strings.Split(p, "/")[0], ".") && !strings.HasPrefix(p, "github.com/pressly/goose/v3") {
				t.Errorf("%s imports %s", e.Name(), p)
			}
		}
	}
}

// TestConn: a Conn runs a query's PostgreSQL twin, or its text renumbered, on
// PostgreSQL, the text as written on SQLite, and reads on the read pool.
func TestConn(t *testing.T) {
	twins := map[string]string{"SELECT a FROM t WHERE b = ?": "SELECT a FROM t WHERE b = $1::text"}
	pg := (&Store{dialect: "postgres"}).Conn(twins)
	lite := (&Store{dialect: "sqlite"}).Conn(twins)
	for _, tt := range []struct {
		c          Conn
		query, out string
	}{
		{pg, "SELECT a FROM t WHERE b = ?", "SELECT a FROM t WHERE b = $1::text"},
		{pg, "UPDATE t SET a = ? WHERE b = ?", "UPDATE t SET a = $1 WHERE b = $2"},
		{lite, "SELECT a FROM t WHERE b = ?", "SELECT a FROM t WHERE b = ?"},
	} {
		if got := tt.c.Text(tt.query); got != tt.out {
			t.Errorf("%q: %q, want %q", tt.query, got, tt.out)
		}
	}
	var w, r sql.DB
	c := Conn{write: &w, read: &r}
	for q, want := range map[string]DBTX{"-- name: ListT :many\nSELECT 1": &r, "  select 1": &r, "INSERT INTO t VALUES (1) RETURNING a": &w, "DELETE FROM t": &w} {
		if c.on(q) != want {
			t.Errorf("%q runs on the wrong pool", q)
		}
	}
}

type coded int

func (c coded) Error() string { return "constraint" }
func (c coded) Code() int     { return int(c) }

type state string

func (s state) Error() string    { return "pg" }
func (s state) SQLState() string { return string(s) }

func TestIsDuplicate(t *testing.T) {
	for err, want := range map[error]bool{coded(1555): true, coded(2067): true, coded(19): false, state("23505"): true, state("23503"): false, errors.New("x"): false} {
		if IsDuplicate(fmt.Errorf("insert: %w", err)) != want {
			t.Errorf("%v: want %v", err, want)
		}
	}
}
