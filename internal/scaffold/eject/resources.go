package eject

import (
	"fmt"
	"go/format"
	"path"
	"slices"
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
	// Base names the resource's files in internal/store: <base>.sql.go, queries/<base>.sql …
	Base string
	// Migration and SeedMigration create its table and fill it with the seeds, as
	// goose migrations numbered in the spec's order: 00001_<base>.sql and
	// 00002_<base>_seed.sql for the first resource, and so on (SeedMigration is "" for a
	// resource without seeds). eject --update numbers a resource added later after
	// the project's last migration (see addResources).
	Migration, SeedMigration string

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
	version := 0 // the last migration's
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
		rd.Base = baseName(r.Name)
		version++
		rd.Migration = fmt.Sprintf("%05d_%s.sql", version, rd.Base)
		if len(r.Seed) > 0 {
			version++
			rd.SeedMigration = fmt.Sprintf("%05d_%s_seed.sql", version, rd.Base)
		}

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

// queriesSQL is a resource's queries in d, annotated for sqlc: queries/<name>.sql in
// SQLite's dialect, postgres/<name>.sql in PostgreSQL's.
func queriesSQL(r *resourceData, d tables.Dialect) string {
	var b strings.Builder
	if d == tables.SQLite {
		fmt.Fprintf(&b, "-- The queries of the table %s, in SQLite's dialect, annotated for sqlc (see\n", r.Name)
		fmt.Fprintf(&b, "-- sqlc.yaml). ../postgres/%s.sql holds the same queries in PostgreSQL's.\n", r.Base)
	} else {
		fmt.Fprintf(&b, "-- The queries of ../queries/%s.sql in PostgreSQL's dialect: %s_postgres.go runs\n", r.Base, r.Base)
		b.WriteString("-- these texts in their place when DATABASE_URL names a PostgreSQL database.\n")
	}
	for _, q := range r.table.Queries(d) {
		fmt.Fprintf(&b, "\n%s\n%s;\n", annotation(q), q.SQL)
	}
	return b.String()
}

// migrationSQL creates a resource's table in d.
func migrationSQL(r *resourceData, d tables.Dialect) string {
	return fmt.Sprintf("-- The table of bb.yaml's resource %s, created by goose (github.com/pressly/goose)\n"+
		"-- at start. Change the schema with a new migration numbered after the last one\n"+
		"-- (goose -s create NAME sql); never edit a migration that has run.\n\n"+
		"-- +goose Up\n%s\n-- +goose Down\nDROP TABLE %s;\n", r.Name, r.table.CreateSQL(d), tables.Quote(r.table.Name))
}

// seedSQL fills a resource's table with its seeds, or is "" when it has none.
func seedSQL(r *resourceData, d tables.Dialect) (string, error) {
	if len(r.seed) == 0 {
		return "", nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- The seed records of bb.yaml's resource %s, so this server starts with the\n", r.Name)
	b.WriteString("-- records bb serve does. To start with an empty table instead, delete this file\n")
	b.WriteString("-- before the first run; once it has run, delete the records yourself. goose runs\n")
	b.WriteString("-- the block as one statement, so a text value may hold a ; at the end of a line.\n\n")
	b.WriteString("-- +goose Up\n-- +goose StatementBegin\n")
	for _, v := range r.seed {
		stmt, err := r.table.InsertSQL(d, v.JSON())
		if err != nil {
			return "", fmt.Errorf("resource %s: seed: %w", r.Name, err)
		}
		b.WriteString(stmt)
	}
	if q := r.table.SeedSQL(d); q != "" {
		b.WriteString(q + ";\n")
	}
	b.WriteString("-- +goose StatementEnd\n")
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
		if f.into != nil && f.file != "internal/api/resources.gen.go" {
			p.ResourceShared = append(p.ResourceShared, f.file)
		}
	}
	before := make(map[string]bool, len(p.Owned))
	for f := range p.Owned {
		before[f] = true
	}
	code := map[string]string{}
	for _, r := range rs {
		code["internal/handlers/"+r.File] = handlerCode(data.Module, r)
		code["internal/store/"+r.Base+".sql.go"] = storeQueries(sqlcHeader, r)
		code["internal/store/"+r.Base+"_postgres.go"] = storePostgres(sqlcHeader, r)
	}
	for file, src := range code {
		out, err := format.Source([]byte(src))
		if err != nil {
			return fmt.Errorf("formatting %s: %w\n%s", file, err, src)
		}
		p.Owned[file] = out
	}
	for _, r := range rs {
		p.Owned["internal/store/queries/"+r.Base+".sql"] = []byte(queriesSQL(r, tables.SQLite))
		p.Owned["internal/store/postgres/"+r.Base+".sql"] = []byte(queriesSQL(r, tables.Postgres))
		for _, d := range []struct {
			on      bool
			dialect tables.Dialect
		}{{data.Store.SQLite, tables.SQLite}, {data.Store.Postgres, tables.Postgres}} {
			if !d.on {
				continue
			}
			dir := "internal/store/migrations/" + string(d.dialect) + "/"
			p.Owned[dir+r.Migration] = []byte(migrationSQL(r, d.dialect))
			seed, err := seedSQL(r, d.dialect)
			if err != nil {
				return err
			}
			if seed != "" {
				p.Owned[dir+r.SeedMigration] = []byte(seed)
			}
		}
	}
	p.Resources = map[string][]string{}
	for _, r := range rs {
		for f := range p.Owned {
			if !before[f] && ownedBy(f, r) {
				p.Resources[r.Name] = append(p.Resources[r.Name], f)
			}
		}
		slices.Sort(p.Resources[r.Name])
	}
	return nil
}

// ownedBy reports whether the file f of the developer's belongs to the resource r.
func ownedBy(f string, r *resourceData) bool {
	base := path.Base(f)
	return f == "internal/handlers/"+r.File || base == r.Base+".sql" || base == r.Base+".sql.go" ||
		base == r.Base+"_postgres.go" || base == r.Migration || (r.SeedMigration != "" && base == r.SeedMigration)
}

// baseName is a resource's name in its files: messages, chat_rooms.
func baseName(name string) string { return strings.ToLower(strings.Join(spec.Words(name), "_")) }
