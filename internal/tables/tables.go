// Package tables lays a resource's records out as a SQL table: its columns, the
// statement that creates it, and the queries that list, count, get, insert, update and
// delete its records, for SQLite and PostgreSQL. bb serve runs these very queries
// against its state file (Store), and bb eject writes them into the project's
// migrations and query code, so both keep records alike: the same columns, the same
// filters, the same order.
package tables

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
)

// Dialect is a SQL dialect bb writes.
type Dialect string

// The dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Column is one field of a record stored in a column of its own.
type Column struct {
	Key string // the JSON key
	// Name is the column's name when it is not the key: a key that a database
	// refuses as a name, or that clashes with another column's (see columnNames).
	Name string        `json:",omitempty"`
	Kind contract.Kind // a scalar kind, or an object, array, map or any value held as JSON text
	// NotNull: every record has the field, never null.
	NotNull bool
	// Optional: a record may leave the field out. A NULL in the column is then left
	// out of the record; in a required field it is null.
	Optional bool
	ID       bool // the record's id, the primary key
}

// JSON reports whether the column holds JSON text rather than a scalar.
func (c Column) JSON() bool {
	switch c.Kind {
	case contract.KindBool, contract.KindInt, contract.KindNumber, contract.KindString, contract.KindDateTime:
		return false
	}
	return true
}

// Table is a resource's records as a table.
type Table struct {
	Resource *contract.Resource
	Name     string   // the table: the resource's name
	Columns  []Column // in the record's field order; the id among them
}

// New lays out res.
func New(res *contract.Resource) *Table {
	t := &Table{Resource: res, Name: res.Name}
	for _, f := range res.Record.Fields {
		t.Columns = append(t.Columns, Column{Key: f.Key, Kind: f.Schema.Kind,
			NotNull: f.Required && !f.Schema.Nullable, Optional: !f.Required, ID: f.Key == res.ID})
	}
	columnNames(t.Columns)
	return t
}

// maxName is the longest name PostgreSQL keeps: it cuts longer ones to 63 bytes,
// so two long keys alike in their first 63 would name one column.
const maxName = 63

// pgSystemColumns are the names PostgreSQL refuses for a column of its own.
var pgSystemColumns = map[string]bool{"tableoid": true, "xmin": true, "cmin": true, "xmax": true, "cmax": true, "ctid": true}

// columnNames names each column after its key, as long as the name is one both
// databases take and no other column's: SQLite matches names without regard to ASCII
// case (firstName and FirstName are one column), PostgreSQL cuts them at 63 bytes and
// keeps a few for itself, and neither takes an empty one. A key that fails gets a
// name of its letters, digits and _ with a hash of the key after them. The id keeps
// its key when it can, then the columns in order.
func columnNames(cols []Column) {
	taken := map[string]bool{}
	fits := func(name string) bool {
		return name != "" && len(name) <= maxName && !pgSystemColumns[strings.ToLower(name)] && !taken[strings.ToLower(name)]
	}
	order := make([]int, 0, len(cols))
	for i, c := range cols {
		if c.ID {
			order = append([]int{i}, order...)
		} else {
			order = append(order, i)
		}
	}
	for _, i := range order {
		name := cols[i].Key
		if !fits(name) {
			name = derivedName(name)
			for n := 2; !fits(name); n++ {
				name = fmt.Sprintf("%s_%d", derivedName(cols[i].Key), n)
			}
		}
		taken[strings.ToLower(name)] = true
		if name != cols[i].Key {
			cols[i].Name = name
		}
	}
}

// derivedName is a column name for key: its ASCII letters, digits and _ (others
// become _), at most 48 bytes of them, then _ and a hash of the whole key.
func derivedName(key string) string {
	var b strings.Builder
	for _, r := range key {
		if b.Len() >= 48 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return fmt.Sprintf("%s_%08x", b.String(), h.Sum32())
}

// column is the name of c's column.
func (c Column) column() string {
	if c.Name == "" {
		return c.Key
	}
	return c.Name
}

// Quote quotes a name for SQL: "name", with any " doubled.
func Quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// ID is the id column.
func (t *Table) ID() Column {
	for _, c := range t.Columns {
		if c.ID {
			return c
		}
	}
	panic("tables: resource " + t.Name + " has no id column")
}

// sqlType is the column's type in d.
func (d Dialect) sqlType(c Column) string {
	if d == Postgres {
		switch c.Kind {
		case contract.KindBool:
			return "BOOLEAN"
		case contract.KindInt:
			return "BIGINT"
		case contract.KindNumber:
			return "DOUBLE PRECISION"
		case contract.KindString, contract.KindDateTime:
			// Byte order, as SQLite sorts text, whatever the server's locale.
			return `TEXT COLLATE "C"`
		}
		return "JSONB"
	}
	switch c.Kind {
	case contract.KindBool, contract.KindInt:
		return "INTEGER"
	case contract.KindNumber:
		return "REAL"
	}
	return "TEXT"
}

// castType is the type a bound parameter is read as in d, so that PostgreSQL knows
// the type of a parameter it only compares with NULL.
func (d Dialect) castType(c Column) string {
	if d == SQLite {
		switch c.Kind {
		case contract.KindBool, contract.KindInt:
			return "INTEGER"
		case contract.KindNumber:
			return "REAL"
		}
		return "TEXT"
	}
	switch c.Kind {
	case contract.KindBool:
		return "BOOLEAN"
	case contract.KindInt:
		return "BIGINT"
	case contract.KindNumber:
		return "DOUBLE PRECISION"
	case contract.KindString, contract.KindDateTime:
		return "TEXT"
	}
	return "JSONB"
}

// CreateSQL creates the table.
func (t *Table) CreateSQL(d Dialect) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (\n", Quote(t.Name))
	for i, c := range t.Columns {
		b.WriteString("    " + Quote(c.column()) + " ")
		switch {
		case c.ID && t.Resource.IDKind == contract.IDInt && d == SQLite:
			// AUTOINCREMENT never hands out the id of a deleted record again.
			b.WriteString("INTEGER PRIMARY KEY AUTOINCREMENT")
		case c.ID && t.Resource.IDKind == contract.IDInt:
			b.WriteString("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
		case c.ID:
			b.WriteString(d.sqlType(c) + " PRIMARY KEY")
		default:
			b.WriteString(d.sqlType(c))
			if c.NotNull {
				b.WriteString(" NOT NULL")
			}
		}
		if i < len(t.Columns)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(");\n")
	return b.String()
}

// Param is what one ? of a query is bound to.
type Param struct {
	Kind   ParamKind
	Column string // the column a filter, a sort or a write is about
}

// ParamKind says where a bound value comes from.
type ParamKind int

// The values queries bind.
const (
	ParamFilter ParamKind = iota // the list's filter on Column, or NULL
	ParamSort                    // the list's sort: "<column> asc", "<column> desc", or NULL
	ParamLimit                   // the list's limit, or NULL for none
	ParamOffset                  // the list's offset
	ParamValue                   // the value of Column in the record written
	ParamID                      // the id of the record
)

// Query is one SQL statement with what its ? placeholders are bound to, in order.
type Query struct {
	Name   string // as sqlc names it: ListMessages, CountMessages …
	SQL    string
	Params []Param
}

// Queries are every query of the table in d, in order: list, count, get, insert,
// update and delete.
func (t *Table) Queries(d Dialect) []Query {
	noun := t.Resource.Name
	item := t.Resource.Item
	cols := t.columnList()
	var where []string
	var filters []Param
	for _, c := range t.Columns {
		if c.JSON() {
			continue
		}
		p := fmt.Sprintf("CAST(? AS %s)", d.castType(c))
		where = append(where, fmt.Sprintf("(%s IS NULL OR %s = %s)", p, Quote(c.column()), p))
		filters = append(filters, Param{Kind: ParamFilter, Column: c.Key}, Param{Kind: ParamFilter, Column: c.Key})
	}
	whereSQL := ""
	if len(where) > 0 {
		whereSQL = "\nWHERE " + strings.Join(where, "\n  AND ")
	}
	var order []string
	var sorts []Param
	for _, c := range t.Columns {
		if c.JSON() {
			continue
		}
		for _, dir := range []string{"asc", "desc"} {
			nulls := "FIRST"
			if dir == "desc" {
				nulls = "LAST"
			}
			order = append(order, fmt.Sprintf("CASE WHEN CAST(? AS TEXT) = '%s %s' THEN %s END %s NULLS %s",
				strings.ReplaceAll(c.Key, "'", "''"), dir, Quote(c.column()), strings.ToUpper(dir), nulls))
			sorts = append(sorts, Param{Kind: ParamSort, Column: c.Key})
		}
	}
	id := Quote(t.ID().column())
	order = append(order, id+" ASC")
	limit := "LIMIT COALESCE(CAST(? AS INTEGER), -1) OFFSET ?"
	if d == Postgres {
		limit = "LIMIT CAST(? AS BIGINT) OFFSET CAST(? AS BIGINT)"
	}
	list := Query{Name: "List" + upper(noun),
		SQL:    fmt.Sprintf("SELECT %s\nFROM %s%s\nORDER BY %s\n%s", cols, Quote(t.Name), whereSQL, strings.Join(order, ",\n  "), limit),
		Params: append(append(append([]Param{}, filters...), sorts...), Param{Kind: ParamLimit}, Param{Kind: ParamOffset})}
	count := Query{Name: "Count" + upper(noun), SQL: fmt.Sprintf("SELECT count(*)\nFROM %s%s", Quote(t.Name), whereSQL), Params: filters}
	get := Query{Name: "Get" + upper(item), SQL: fmt.Sprintf("SELECT %s\nFROM %s\nWHERE %s = ?", cols, Quote(t.Name), id), Params: []Param{{Kind: ParamID}}}

	var names, marks []string
	var values []Param
	for _, c := range t.Columns {
		if c.ID && t.Resource.Assigned() && t.Resource.IDKind == contract.IDInt {
			continue
		}
		names = append(names, Quote(c.column()))
		marks = append(marks, d.placeholder(c))
		if c.ID {
			values = append(values, Param{Kind: ParamID, Column: c.Key})
		} else {
			values = append(values, Param{Kind: ParamValue, Column: c.Key})
		}
	}
	insert := Query{Name: "Create" + upper(item),
		SQL:    fmt.Sprintf("INSERT INTO %s (%s)\nVALUES (%s)\nRETURNING %s", Quote(t.Name), strings.Join(names, ", "), strings.Join(marks, ", "), cols),
		Params: values}
	var sets []string
	var setParams []Param
	for _, c := range t.Columns {
		if c.ID {
			continue
		}
		sets = append(sets, Quote(c.column())+" = "+d.placeholder(c))
		setParams = append(setParams, Param{Kind: ParamValue, Column: c.Key})
	}
	update := Query{Name: "Replace" + upper(item),
		SQL:    fmt.Sprintf("UPDATE %s\nSET %s\nWHERE %s = ?\nRETURNING %s", Quote(t.Name), strings.Join(sets, ",\n    "), id, cols),
		Params: append(setParams, Param{Kind: ParamID})}
	if len(sets) == 0 {
		// A record that is only its id: replacing it changes nothing.
		update.SQL = fmt.Sprintf("SELECT %s\nFROM %s\nWHERE %s = ?", cols, Quote(t.Name), id)
		update.Params = []Param{{Kind: ParamID}}
	}
	del := Query{Name: "Delete" + upper(item), SQL: fmt.Sprintf("DELETE FROM %s\nWHERE %s = ?", Quote(t.Name), id), Params: []Param{{Kind: ParamID}}}
	qs := []Query{list, count, get, insert, update, del}
	if d == Postgres {
		for i := range qs {
			qs[i].SQL = rebind(qs[i].SQL)
		}
	}
	return qs
}

// placeholder is a written value's ?: JSON text is cast to JSONB on PostgreSQL.
func (d Dialect) placeholder(c Column) string {
	if d == Postgres && c.JSON() {
		return "CAST(? AS JSONB)"
	}
	return "?"
}

func (t *Table) columnList() string {
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = Quote(c.column())
	}
	return strings.Join(names, ", ")
}

// SeedSQL sets PostgreSQL's identity after seed records were inserted with their ids,
// so the next record created gets the id after the largest; "" when none is needed.
func (t *Table) SeedSQL(d Dialect) string {
	if d != Postgres || t.Resource.IDKind != contract.IDInt {
		return ""
	}
	id := Quote(t.ID().column())
	return fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', '%s'), COALESCE((SELECT max(%s) FROM %s), 0) + 1, false)",
		strings.ReplaceAll(Quote(t.Name), "'", "''"), strings.ReplaceAll(t.ID().column(), "'", "''"), id, Quote(t.Name))
}

// rebind numbers the ? placeholders $1, $2 … as PostgreSQL writes them; a ? inside a
// string literal or a quoted name (a key such as "what?") stays as it is.
func rebind(q string) string {
	var b strings.Builder
	n := 0
	var quote rune
	for _, r := range q {
		switch {
		case quote == 0 && (r == '\'' || r == '"'):
			quote = r
		case r == quote:
			quote = 0
		}
		if r == '?' && quote == 0 {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func upper(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if r == '_' || r == '-' || r == ' ' {
			up = true
			continue
		}
		if up {
			b.WriteString(strings.ToUpper(string(r)))
			up = false
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
