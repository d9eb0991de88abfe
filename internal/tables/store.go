package tables

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver an ejected project uses too

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/dbkit"
)

// Def is a resource as the store keeps it: its layout and its seed records.
type Def struct {
	Resource *contract.Resource
	Seed     [][]byte // each a record as JSON, with its id
}

// Store keeps bb serve's resources in a SQLite file, through the queries an ejected
// server runs: its records outlive restarts and reloads. It is safe for concurrent use.
type Store struct {
	path string
	db   *dbkit.Store // nil until the first Sync with tables

	mu     sync.RWMutex
	tables map[string]*table // by resource name
	defs   []Def             // what the last Sync laid out, for Reset
}

type table struct {
	*Table
	queries []Query // SQLite's, in Queries order
	seed    string  // inserts a seed record, id included
}

// metaTable records the layout of each resource's table, so that the next start or
// reload can tell what changed.
const metaTable = "_bb_tables"

// Open returns the store of the state file at path. The file is opened, and created
// with its folder, by the first Sync that lays out a table: a spec without resources
// leaves no file behind.
func Open(path string) *Store {
	return &Store{path: path, tables: map[string]*table{}}
}

// open opens the state file; s.mu is held.
func (s *Store) open(ctx context.Context) error {
	if s.db != nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	db, err := dbkit.OpenSQLite(s.path, dbkit.Pool{})
	if err != nil {
		return err
	}
	// No migrations: the state file's tables follow the spec (see Sync).
	if err := db.Start(ctx, nil); err != nil {
		return fmt.Errorf("opening the state file %s: %w", s.path, err)
	}
	if _, err := db.DB.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+metaTable+` (name TEXT PRIMARY KEY, layout TEXT NOT NULL, seed TEXT NOT NULL)`); err != nil {
		db.Close()
		return fmt.Errorf("opening the state file %s: %w", s.path, err)
	}
	s.db = db
	return nil
}

// Path is the state file.
func (s *Store) Path() string { return s.path }

// Close closes the state file, if it was opened.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// Change says what Sync did to one resource's table.
type Change struct {
	Resource string
	Created  bool // a new table, filled with the seeds
	Migrated bool // the record's shape changed: the records that fit were kept
	Kept     int
	Dropped  int
	Why      string // why the first dropped record did not fit
	// Reseed: the seeds changed, and the records stay as they are until a reset.
	Reseed bool
}

// String says it in a line, or "" when nothing changed.
func (c Change) String() string {
	switch {
	case c.Created:
		return fmt.Sprintf("%s: a new table with %d seed records", c.Resource, c.Kept)
	case c.Migrated && c.Dropped > 0:
		return fmt.Sprintf("%s: the record's shape changed; kept %d records, dropped %d that no longer fit (first: %s)", c.Resource, c.Kept, c.Dropped, c.Why)
	case c.Migrated:
		return fmt.Sprintf("%s: the record's shape changed; kept all %d records", c.Resource, c.Kept)
	case c.Reseed:
		return fmt.Sprintf("%s: the seeds changed; the records stay as they are until a reset (POST /_bb/reset, or bb serve --reset)", c.Resource)
	}
	return ""
}

// Sync lays out a table for each of defs: a new resource gets one filled with its
// seeds; a resource whose record changed shape keeps the records that still fit;
// the others keep theirs as they are. Tables of resources the spec no longer names
// stay in the file, untouched. It is one transaction: on error nothing changed.
func (s *Store) Sync(ctx context.Context, defs []Def) ([]Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(defs) == 0 && s.db == nil {
		return nil, nil
	}
	if err := s.open(ctx); err != nil {
		return nil, err
	}
	tx, err := s.db.DB.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var changes []Change
	tables := map[string]*table{}
	for _, d := range defs {
		t := newTable(d.Resource)
		layout, seed := t.layout(), seedDigest(d.Seed)
		var old, oldSeed string
		err := tx.QueryRowContext(ctx, `SELECT layout, seed FROM `+metaTable+` WHERE name = ?`, t.Name).Scan(&old, &oldSeed)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			n, err := t.create(ctx, tx, d.Seed)
			if err != nil {
				return nil, err
			}
			changes = append(changes, Change{Resource: t.Name, Created: true, Kept: n})
		case err != nil:
			return nil, err
		case old != layout:
			c, err := t.migrate(ctx, tx, old)
			if err != nil {
				return nil, err
			}
			changes = append(changes, c)
		case oldSeed != seed:
			changes = append(changes, Change{Resource: t.Name, Reseed: true})
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+metaTable+` (name, layout, seed) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET layout = excluded.layout, seed = excluded.seed`, t.Name, layout, seed); err != nil {
			return nil, err
		}
		tables[t.Name] = t
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	s.tables, s.defs = tables, defs
	return changes, nil
}

// Reset puts every resource back to its seed records, in one transaction.
func (s *Store) Reset(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	tx, err := s.db.DB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, d := range s.defs {
		t := s.tables[d.Resource.Name]
		if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS `+Quote(t.Name)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sqlite_sequence WHERE name = ?`, t.Name); err != nil && !strings.Contains(err.Error(), "no such table") {
			return err
		}
		if _, err := t.create(ctx, tx, d.Seed); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Records are the records of the resource name, or nil when Sync laid out none.
func (s *Store) Records(name string) contract.Records {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.tables[name]
	if t == nil {
		return nil
	}
	return &records{store: s, t: t}
}

func newTable(res *contract.Resource) *table {
	t := &table{Table: New(res)}
	t.queries = t.Queries(SQLite)
	var names, marks []string
	for _, c := range t.Columns {
		names = append(names, Quote(c.column()))
		marks = append(marks, "?")
	}
	t.seed = fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", Quote(t.Name), strings.Join(names, ", "), strings.Join(marks, ", "))
	return t
}

// layout is the table's columns as the meta table records them: what a migration
// compares and reads old records by.
func (t *table) layout() string {
	data, _ := json.Marshal(struct {
		Create  string
		Columns []Column
	}{t.CreateSQL(SQLite), t.Columns})
	return string(data)
}

func (t *table) create(ctx context.Context, tx *sql.Tx, seed [][]byte) (int, error) {
	if _, err := tx.ExecContext(ctx, t.CreateSQL(SQLite)); err != nil {
		return 0, fmt.Errorf("creating the table of %s: %w", t.Name, err)
	}
	for i, rec := range seed {
		args, err := t.args(rec, true)
		if err != nil {
			return 0, fmt.Errorf("%s: seed record %d: %w", t.Name, i+1, err)
		}
		if _, err := tx.ExecContext(ctx, t.seed, args...); err != nil {
			return 0, fmt.Errorf("%s: seed record %d: %w", t.Name, i+1, err)
		}
	}
	return len(seed), nil
}

// migrate moves the records of the table laid out as old into a table of the new
// layout, keeping those that fit the new record.
func (t *table) migrate(ctx context.Context, tx *sql.Tx, old string) (Change, error) {
	c := Change{Resource: t.Name, Migrated: true}
	var prev struct{ Columns []Column }
	if err := json.Unmarshal([]byte(old), &prev); err != nil {
		return c, fmt.Errorf("%s: the state file's layout is unreadable: %w", t.Name, err)
	}
	was := &Table{Name: t.Name, Columns: prev.Columns}
	rows, err := tx.QueryContext(ctx, "SELECT "+was.columnList()+" FROM "+Quote(t.Name)+" ORDER BY rowid")
	if err != nil {
		return c, err
	}
	var recs [][]byte
	for rows.Next() {
		rec, err := was.scan(rows)
		if err != nil {
			rows.Close()
			return c, err
		}
		recs = append(recs, rec)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	if _, err := tx.ExecContext(ctx, "DROP TABLE "+Quote(t.Name)); err != nil {
		return c, err
	}
	if _, err := tx.ExecContext(ctx, t.CreateSQL(SQLite)); err != nil {
		return c, err
	}
	for _, rec := range recs {
		doc, _ := contract.Decode(rec, "record")
		if ps := t.Resource.Record.CheckStrict(doc, "record").Errors(); len(ps) > 0 {
			if c.Dropped == 0 {
				c.Why = fmt.Sprintf("%s %s: %s", t.Resource.ID, idText(doc, t.Resource.ID), ps[0])
			}
			c.Dropped++
			continue
		}
		args, err := t.args(t.Resource.Record.Canonical(doc), true)
		if err != nil {
			return c, err
		}
		if _, err := tx.ExecContext(ctx, t.seed, args...); err != nil {
			return c, err
		}
		c.Kept++
	}
	return c, nil
}

func idText(doc any, id string) string {
	if obj, ok := doc.(map[string]any); ok {
		if v, ok := obj[id]; ok {
			data, _ := json.Marshal(v)
			return string(data)
		}
	}
	return "?"
}

// args are a record's column values to bind, in column order; the id among them only
// when withID.
func (t *Table) args(rec []byte, withID bool) ([]any, error) {
	doc, err := contract.Decode(rec, "record")
	if err != nil {
		return nil, err
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a record must be an object, not %s", contract.Describe(doc))
	}
	var out []any
	for _, c := range t.Columns {
		if c.ID && !withID {
			continue
		}
		out = append(out, c.bind(obj[c.Key]))
	}
	return out, nil
}

// bind is a JSON value as the column stores it.
func (c Column) bind(v any) any {
	if v == nil {
		return nil
	}
	switch c.Kind {
	case contract.KindBool:
		if b, _ := v.(bool); b {
			return int64(1)
		}
		return int64(0)
	case contract.KindInt:
		if n, ok := v.(json.Number); ok {
			if i, ok := contract.Int(string(n)); ok {
				return i
			}
		}
	case contract.KindNumber:
		if n, ok := v.(json.Number); ok {
			if f, ok := contract.Float(string(n)); ok {
				return f + 0 // -0 + 0 is 0: SQLite drops a zero's sign, PostgreSQL keeps it
			}
		}
	case contract.KindDateTime:
		if s, ok := v.(string); ok {
			return contract.TimeText(s)
		}
	case contract.KindString:
		if s, ok := v.(string); ok {
			return s
		}
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// scan reads the current row, selected with columnList, as a record in JSON.
func (t *Table) scan(rows *sql.Rows) ([]byte, error) {
	vals := make([]any, len(t.Columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	return t.appendRecord(nil, vals), nil
}

// appendRecord writes a row as the ejected server's Go types write it with
// encoding/json: fields in the record's order, an optional field that is NULL left
// out, a required one written null, JSON held in a column written as its Go type
// would write it.
func (t *Table) appendRecord(b []byte, vals []any) []byte {
	var fields []contract.Field
	if t.Resource != nil {
		fields = t.Resource.Record.Fields
	}
	b = append(b, '{')
	first := true
	for i, c := range t.Columns {
		v := vals[i]
		if v == nil && c.Optional {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSON(b, c.Key)
		b = append(b, ':')
		switch {
		case v == nil:
			b = append(b, "null"...)
		case c.JSON():
			text := asString(v)
			doc, err := contract.Decode([]byte(text), c.Key)
			if err != nil {
				b = append(b, "null"...)
				continue
			}
			var fs *contract.Schema
			if i < len(fields) {
				fs = fields[i].Schema
			}
			b = appendAs(b, fs, doc)
		default:
			b = appendScalar(b, c.Kind, v)
		}
	}
	return append(b, '}')
}

func asString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return fmt.Sprint(v)
}

func appendScalar(b []byte, k contract.Kind, v any) []byte {
	switch k {
	case contract.KindBool:
		n, _ := v.(int64)
		return strconv.AppendBool(b, n != 0)
	case contract.KindInt:
		switch n := v.(type) {
		case int64:
			return strconv.AppendInt(b, n, 10)
		case float64:
			return strconv.AppendInt(b, int64(n), 10)
		}
	case contract.KindNumber:
		switch n := v.(type) {
		case float64:
			return appendJSON(b, n)
		case int64:
			return appendJSON(b, float64(n))
		}
	}
	return appendJSON(b, asString(v))
}

// appendAs writes doc, which fits s, as encoding/json writes the Go type bb generates
// for s holding it.
func appendAs(b []byte, s *contract.Schema, doc any) []byte {
	if doc == nil || s == nil {
		return appendJSON(b, doc)
	}
	switch s.Kind {
	case contract.KindObject:
		obj, ok := doc.(map[string]any)
		if !ok {
			break
		}
		b = append(b, '{')
		first := true
		for _, f := range s.Fields {
			v, has := obj[f.Key]
			if !f.Required && (v == nil || !has) {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = appendJSON(b, f.Key)
			b = append(b, ':')
			b = appendAs(b, f.Schema, v)
		}
		return append(b, '}')
	case contract.KindMap:
		obj, ok := doc.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, k)
			b = append(b, ':')
			b = appendAs(b, s.Elem, obj[k])
		}
		return append(b, '}')
	case contract.KindArray:
		items, ok := doc.([]any)
		if !ok {
			break
		}
		b = append(b, '[')
		for i, item := range items {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendAs(b, s.Elem, item)
		}
		return append(b, ']')
	case contract.KindInt, contract.KindNumber:
		if n, ok := doc.(json.Number); ok {
			if s.Kind == contract.KindInt {
				if i, ok := contract.Int(string(n)); ok {
					return strconv.AppendInt(b, i, 10)
				}
			}
			if f, ok := contract.Float(string(n)); ok {
				return appendJSON(b, f)
			}
		}
	case contract.KindDateTime:
		if str, ok := doc.(string); ok {
			return appendJSON(b, contract.TimeText(str))
		}
	}
	return appendJSON(b, doc)
}

func appendJSON(b []byte, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		return append(b, "null"...)
	}
	return append(b, data...)
}

// seedDigest identifies a resource's seeds, to tell when they change.
func seedDigest(seed [][]byte) string {
	h := sha256.New()
	for _, rec := range seed {
		h.Write(rec)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
