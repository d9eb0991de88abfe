package eject

import (
	"fmt"
	"go/format"
	"strconv"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// A spec's resources become tables in the ejected project. bb writes, once, into code
// the developer owns: the migrations that create the tables (and an optional one that
// fills them with the seeds), the queries in the shape sqlc generates (queries.sql,
// sqlc.yaml and the Go code sqlc would write from them), and one handler file per
// resource that implements its CRUD through those queries. bb's generated glue in
// internal/api adapts the handlers to the contract kernel's ResourceServer, which answers
// the routes exactly as bb serve does.

// resourceData is one resource, as the templates write it.
type resourceData struct {
	Name, Item                         string // messages, message
	Path                               string // the list's path
	Summary                            string
	Var                                string // the contract.Resource variable in package api: resMessages
	Handler                            string // the interface its handlers implement: MessagesHandler
	Adapter                            string // the contract.Records adapter: messagesRecords
	Record                             string // api.Message
	Input                              string // api.NewMessage
	Row                                string // store.Message
	IDType                             string // int64 or string
	ClientID                           bool   // create takes the id: a uuid the server draws, or a string the client sends
	IDKind                             string // contract.IDInt …
	IDKey                              string // the id field's key
	IDName                             string // its Go field: ID
	List, Get, Create, Replace, Delete string // the handler methods
	// The store's queries, as tables names them: ListMessages, CountMessages …
	SList, SCount, SGet, SCreate, SReplace, SDelete string
	SeedCount                                       int
	Routes                                          []resourceRoute
	Lit                                             string // the contract.Resource literal
	File                                            string // internal/handlers/<file>

	table   *tables.Table
	columns []columnData
	seed    []spec.Value
}

type resourceRoute struct{ Op, Pattern, OpConst string }

// columnData is one field of a record: a column of the table, a field of the store's
// row struct and of the api record.
type columnData struct {
	tables.Column
	Name      string // the Go field, in the row and in the api record
	InputName string // the Go field in the api input; "" when the input lacks it (an assigned id)
	RowType   string // the row field's Go type: int64, sql.NullString …
	apiPtr    bool   // the api field is a pointer (optional or nullable)
	apiAny    bool   // the api field is any
}

// storeNames are the names package store declares besides the resources' rows.
var storeNames = map[string]bool{"Store": true, "Queries": true, "Pool": true, "DBTX": true, "New": true,
	"Open": true, "OpenPool": true, "PoolFromEnv": true, "IsDuplicate": true}

var opConsts = map[contract.ResourceOp]string{
	contract.OpList: "contract.OpList", contract.OpGet: "contract.OpGet", contract.OpCreate: "contract.OpCreate",
	contract.OpReplace: "contract.OpReplace", contract.OpUpdate: "contract.OpUpdate", contract.OpDelete: "contract.OpDelete",
}

var idKinds = map[contract.IDKind]string{contract.IDInt: "contract.IDInt", contract.IDUUID: "contract.IDUUID", contract.IDString: "contract.IDString"}

// resources lays out each resource of the spec for the templates.
// files holds the handler files the endpoints take.
func (g *generator) resources(files map[string]bool) []*resourceData {
	var out []*resourceData
	for _, r := range g.spec.Resources {
		rt := g.types.Resource(r)
		if rt == nil {
			continue
		}
		res := r.Contract(g.types)
		item := spec.UpperCamel(spec.Words(r.Item()))
		plural := goName(r.Name)
		rd := &resourceData{
			Name: r.Name, Item: r.Item(), Path: res.Path, Summary: r.Summary,
			Var: "res" + plural, Handler: plural + "Handler", Adapter: lowerFirst(plural) + "Records",
			Record: rt.Record.Object.Name, Input: rt.Input.Object.Name, Row: item,
			IDType: "int64", ClientID: r.IDKind != contract.IDInt, IDKind: idKinds[r.IDKind], IDKey: r.ID,
			table: tables.New(res), seed: r.Seed,
		}
		if r.IDKind != contract.IDInt {
			rd.IDType = "string"
		}
		if storeNames[rd.Row] {
			rd.Row += "Row" // a resource named stores: its rows are StoreRow
		}
		names := map[contract.ResourceOp]*string{contract.OpList: &rd.List, contract.OpGet: &rd.Get, contract.OpCreate: &rd.Create, contract.OpReplace: &rd.Replace, contract.OpDelete: &rd.Delete}
		for _, e := range r.Endpoints {
			if n := names[e.Op]; n != nil {
				*n = opName(e.Name)
			}
			rd.Routes = append(rd.Routes, resourceRoute{Op: e.Name, Pattern: e.Pattern(), OpConst: opConsts[e.Op]})
		}
		qs := rd.table.Queries(tables.SQLite)
		rd.SList, rd.SCount, rd.SGet, rd.SCreate, rd.SReplace, rd.SDelete = qs[0].Name, qs[1].Name, qs[2].Name, qs[3].Name, qs[4].Name, qs[5].Name
		rd.SeedCount = len(r.Seed)
		rd.Lit = fmt.Sprintf("&contract.Resource{Name: %q, Item: %q, Path: %q, Param: %q, ID: %q, IDKind: %s, Record: %s}",
			res.Name, res.Item, res.Path, res.Param, res.ID, rd.IDKind, g.lit.schema(res.Record))
		file := fileName(r.Name)
		for files[file] {
			file = strings.TrimSuffix(file, ".go") + "_2.go"
		}
		files[file] = true
		rd.File = file

		record := g.object(rt.Record.Object)
		input := g.object(rt.Input.Object)
		inputNames := map[string]string{}
		for i, f := range rt.Input.Object.Fields {
			inputNames[f.Key] = input.Fields[i].Name
		}
		for i, c := range rd.table.Columns {
			f := rt.Record.Object.Fields[i]
			cd := columnData{Column: c, Name: record.Fields[i].Name, InputName: inputNames[c.Key], RowType: rowType(c, r.IDKind)}
			cd.apiAny = f.Type.Kind == spec.TypeAny
			cd.apiPtr = !cd.apiAny && (f.Optional || f.Type.Nullable)
			if c.ID {
				rd.IDName = cd.Name
			}
			rd.columns = append(rd.columns, cd)
		}
		out = append(out, rd)
	}
	return out
}

// resourceHelpers names the handler file of what the resource handlers share.
func resourceHelpers(files map[string]bool) string {
	name := "resources.go"
	for files[name] {
		name = strings.TrimSuffix(name, ".go") + "_2.go"
	}
	files[name] = true
	return name
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// rowType is the Go type of a column's field in the store's row struct, as sqlc types
// it: NULL-able columns are sql.Null*, date-times and JSON are the text stored.
func rowType(c tables.Column, id contract.IDKind) string {
	if c.ID {
		if id == contract.IDInt {
			return "int64"
		}
		return "string"
	}
	base, null := "string", "sql.NullString"
	switch c.Kind {
	case contract.KindBool:
		base, null = "bool", "sql.NullBool"
	case contract.KindInt:
		base, null = "int64", "sql.NullInt64"
	case contract.KindNumber:
		base, null = "float64", "sql.NullFloat64"
	}
	if c.NotNull {
		return base
	}
	return null
}

// nullField is the field of a sql.Null* type holding the value: String, Int64 …
func nullField(rowType string) string { return strings.TrimPrefix(rowType, "sql.Null") }

// queryConst is the Go constant holding a query's text, as sqlc names it.
func queryConst(q tables.Query) string { return lowerFirst(q.Name) }

// rawString is s as a Go string literal, raw when it can be.
func rawString(s string) string {
	if strings.ContainsAny(s, "`\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}

// annotation is sqlc's comment naming a query and what it returns.
func annotation(q tables.Query) string {
	kind := ":one"
	switch {
	case strings.HasPrefix(q.Name, "List"):
		kind = ":many"
	case strings.HasPrefix(q.Name, "Delete"):
		kind = ":execrows"
	}
	return "-- name: " + q.Name + " " + kind
}

// queriesSQL is queries.sql (or queries.postgres.sql): every resource's queries in d.
func queriesSQL(rs []*resourceData, d tables.Dialect) string {
	var b strings.Builder
	if d == tables.SQLite {
		b.WriteString("-- The queries of the tables, in SQLite's dialect, annotated for sqlc (see sqlc.yaml).\n")
		b.WriteString("-- queries.postgres.sql holds the same queries in PostgreSQL's.\n")
	} else {
		b.WriteString("-- The queries of queries.sql in PostgreSQL's dialect: postgres.go runs these texts\n")
		b.WriteString("-- in their place when DATABASE_URL names a PostgreSQL database.\n")
	}
	for _, r := range rs {
		for _, q := range r.table.Queries(d) {
			fmt.Fprintf(&b, "\n%s\n%s;\n", annotation(q), q.SQL)
		}
	}
	return b.String()
}

// migrationSQL creates every resource's table in d.
func migrationSQL(rs []*resourceData, d tables.Dialect) string {
	var b strings.Builder
	b.WriteString("-- The tables of bb.yaml's resources, one per resource. Add 0003_….sql beside it to\n")
	b.WriteString("-- change the schema; never edit a migration that has run.\n")
	for _, r := range rs {
		b.WriteString("\n" + r.table.CreateSQL(d))
	}
	return b.String()
}

// seedSQL fills the tables with the seeds of bb.yaml, or is "" when no resource has one.
func seedSQL(rs []*resourceData, d tables.Dialect) (string, error) {
	var b strings.Builder
	b.WriteString("-- The seed records of bb.yaml, so this server starts with the records bb serve does.\n")
	b.WriteString("-- To start with empty tables instead, delete this file before the first run; once it\n")
	b.WriteString("-- has run, delete the records (or drop this file and the database) yourself.\n")
	any := false
	for _, r := range rs {
		seed := r.seed
		if len(seed) == 0 {
			continue
		}
		any = true
		b.WriteString("\n")
		for _, v := range seed {
			stmt, err := r.table.InsertSQL(d, v.JSON())
			if err != nil {
				return "", fmt.Errorf("resource %s: seed: %w", r.Name, err)
			}
			b.WriteString(stmt)
		}
		if q := r.table.SeedSQL(d); q != "" {
			b.WriteString(q + ";\n")
		}
	}
	if !any {
		return "", nil
	}
	return b.String(), nil
}

// sqlcHeader opens the Go files of internal/store written in sqlc's shape.
const sqlcHeader = "// Code in the shape sqlc (https://sqlc.dev) generates from queries.sql; bb wrote it\n" +
	"// once, and it is yours: edit it, or regenerate it with sqlc (see sqlc.yaml).\n\n"

// renderResources adds the resources' files: bb's glue in internal/api, and, once, the
// developer's handlers, queries and migrations.
func renderResources(p *Project, data *projectData, render func(into map[string][]byte, file, name string, d any) error) error {
	rs := data.Resources
	for _, f := range []struct {
		into       map[string][]byte
		file, tmpl string
	}{
		{p.Generated, "internal/api/resources.gen.go", "resources.gen.go.tmpl"},
		{p.Owned, "internal/handlers/" + data.ResourceHelpers, "handlers_records.go.tmpl"},
		{p.Owned, "internal/store/db.go", "store_db.go.tmpl"},
		{p.Owned, "internal/store/dialect.go", "store_dialect.go.tmpl"},
		{p.Owned, "internal/store/sqlc.yaml", "sqlc.yaml.tmpl"},
		{p.Owned, "internal/store/store_test.go", "store_tables_test.go.tmpl"},
	} {
		if err := render(f.into, f.file, f.tmpl, data); err != nil {
			return err
		}
	}
	code := map[string]string{
		"internal/store/models.go":      storeModels(sqlcHeader, rs),
		"internal/store/queries.sql.go": storeQueries(sqlcHeader, rs),
		"internal/store/postgres.go":    storePostgres(sqlcHeader, rs),
	}
	for _, r := range rs {
		code["internal/handlers/"+r.File] = handlerCode(data.Module, r)
	}
	for file, src := range code {
		out, err := format.Source([]byte(src))
		if err != nil {
			return fmt.Errorf("formatting %s: %w\n%s", file, err, src)
		}
		p.Owned[file] = out
	}
	p.Owned["internal/store/queries.sql"] = []byte(queriesSQL(rs, tables.SQLite))
	p.Owned["internal/store/queries.postgres.sql"] = []byte(queriesSQL(rs, tables.Postgres))
	create, seeds := data.Migrations, data.SeedMigration
	for _, d := range []struct {
		on      bool
		dialect tables.Dialect
	}{{data.Store.SQLite, tables.SQLite}, {data.Store.Postgres, tables.Postgres}} {
		if !d.on {
			continue
		}
		dir := "internal/store/migrations/" + string(d.dialect) + "/"
		p.Owned[dir+create] = []byte(migrationSQL(rs, d.dialect))
		seed, err := seedSQL(rs, d.dialect)
		if err != nil {
			return err
		}
		if seed != "" {
			p.Owned[dir+seeds] = []byte(seed)
		}
	}
	return nil
}

// migrationNames are the files that create the tables and fill them with the seeds,
// named after the tables: 0001_messages_rooms.sql and 0002_messages_rooms_seed.sql. A
// database records the migrations it ran by name, so another project's on the same
// database cannot pass for these.
func migrationNames(rs []*resourceData) (create, seed string) {
	var b strings.Builder
	for _, r := range rs {
		name := strings.ToLower(strings.Join(spec.Words(r.Name), "_"))
		if b.Len()+len(name) > 40 {
			b.WriteString("_etc")
			break
		}
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(name)
	}
	return "0001_" + b.String() + ".sql", "0002_" + b.String() + "_seed.sql"
}
