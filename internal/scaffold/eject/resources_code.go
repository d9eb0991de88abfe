package eject

import (
	"fmt"
	"strings"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/tables"
)

// The Go code of internal/store for the resources, in the shape sqlc generates from
// queries.sql: models.go (a row struct per table), queries.sql.go (each query's text,
// its Params struct and its method on Queries); and postgres.go, the PostgreSQL texts of
// the same queries. db.go and dialect.go are templates.

// filterNames are the Go fields of a list's Params: the options first, then a filter
// per scalar column.
func (r *resourceData) filterNames() map[string]string {
	names := uniqueNames{"Sort": true, "Limit": true, "Offset": true}
	out := map[string]string{}
	for _, c := range r.columns {
		if !c.JSON() {
			out[c.Key] = names.claim(c.Name)
		}
	}
	return out
}

// filterType is the Go type a list binds a filter on c with.
func filterType(c columnData) string {
	switch {
	case c.ID && c.RowType == "string", c.Kind == contract.KindString, c.Kind == contract.KindDateTime:
		return "sql.NullString"
	case c.Kind == contract.KindBool:
		return "sql.NullBool"
	case c.Kind == contract.KindInt:
		return "sql.NullInt64"
	}
	return "sql.NullFloat64"
}

func (r *resourceData) column(key string) columnData {
	for _, c := range r.columns {
		if c.Key == key {
			return c
		}
	}
	panic("eject: resource " + r.Name + " has no column " + key)
}

// storeQueries is <base>.sql.go: the row struct of the resource's table (sqlc writes
// it in models.go; here each table's comes with its queries, so that a resource added
// later brings its own), and each query's text in SQLite's dialect, which conn swaps
// for its twin in <base>_postgres.go on PostgreSQL, its Params and its method.
func storeQueries(header string, r *resourceData) string {
	var b strings.Builder
	b.WriteString(header + "package store\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n)\n\n")
	fmt.Fprintf(&b, "// %s is a row of the table %s. A date-time is the text stored (RFC 3339, as Go's\n// time.Time writes it in JSON), an object or a list its JSON text.\ntype %s struct {\n", r.Row, r.Name, r.Row)
	for _, c := range r.columns {
		fmt.Fprintf(&b, "\t%s %s\n", c.Name, c.RowType)
	}
	b.WriteString("}\n")
	{
		filters := r.filterNames()
		for _, q := range r.table.Queries(tables.SQLite) {
			c := queryConst(q)
			fmt.Fprintf(&b, "\nconst %s = %s\n", c, rawString(annotation(q)+"\n"+q.SQL+"\n"))
			var args, fields []string
			seen := map[string]bool{}
			field := func(name, typ string) {
				if !seen[name] {
					seen[name] = true
					fields = append(fields, name+" "+typ)
				}
			}
			for _, p := range q.Params {
				switch p.Kind {
				case tables.ParamFilter:
					col := r.column(p.Column)
					args = append(args, "arg."+filters[p.Column])
					field(filters[p.Column], filterType(col))
				case tables.ParamSort:
					args = append(args, "arg.Sort")
					field("Sort", "sql.NullString // \"<column> asc\" or \"<column> desc\"; NULL keeps the id order")
				case tables.ParamLimit:
					args = append(args, "arg.Limit")
					field("Limit", "sql.NullInt64 // NULL for no limit")
				case tables.ParamOffset:
					args = append(args, "arg.Offset")
					field("Offset", "int64")
				case tables.ParamID:
					args = append(args, "arg."+r.IDName)
					field(r.IDName, r.IDType)
				case tables.ParamValue:
					col := r.column(p.Column)
					args = append(args, "arg."+col.Name)
					field(col.Name, col.RowType)
				}
			}
			scan := make([]string, len(r.columns))
			for i, col := range r.columns {
				scan[i] = "&i." + col.Name
			}
			argList := strings.Join(args, ", ")
			params := "arg " + q.Name + "Params"
			single := len(q.Params) == 1 && q.Params[0].Kind == tables.ParamID
			if single {
				params, argList = "id "+r.IDType, "id"
			} else {
				fmt.Fprintf(&b, "\ntype %sParams struct {\n\t%s\n}\n", q.Name, strings.Join(fields, "\n\t"))
			}
			if argList != "" {
				argList = ", " + argList
			}
			switch annotation(q)[len("-- name: "+q.Name+" "):] {
			case ":many":
				fmt.Fprintf(&b, `
func (q *Queries) %s(ctx context.Context, %s) ([]%s, error) {
	rows, err := q.db.QueryContext(ctx, %s%s)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var items []%s
	for rows.Next() {
		var i %s
		if err := rows.Scan(%s); err != nil {
			return nil, err
		}
		items = append(items, i)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return items, nil
}
`, q.Name, params, r.Row, c, argList, r.Row, r.Row, strings.Join(scan, ", "))
			case ":execrows":
				fmt.Fprintf(&b, `
func (q *Queries) %s(ctx context.Context, %s) (int64, error) {
	result, err := q.db.ExecContext(ctx, %s%s)
	if err != nil {
		return 0, err
	}
	return result.RowsAffected()
}
`, q.Name, params, c, argList)
			default:
				if strings.HasPrefix(q.Name, "Count") {
					fmt.Fprintf(&b, `
func (q *Queries) %s(ctx context.Context, %s) (int64, error) {
	row := q.db.QueryRowContext(ctx, %s%s)
	var count int64
	err := row.Scan(&count)
	return count, err
}
`, q.Name, params, c, argList)
					continue
				}
				fmt.Fprintf(&b, `
func (q *Queries) %s(ctx context.Context, %s) (%s, error) {
	row := q.db.QueryRowContext(ctx, %s%s)
	var i %s
	err := row.Scan(%s)
	return i, err
}
`, q.Name, params, r.Row, c, argList, r.Row, strings.Join(scan, ", "))
			}
		}
	}
	return b.String()
}

// storePostgres is <base>_postgres.go: the PostgreSQL text of each query of
// <base>.sql.go, from postgres/<base>.sql, which conn runs in its place.
func storePostgres(header string, r *resourceData) string {
	var b strings.Builder
	b.WriteString(header + "package store\n\n")
	fmt.Fprintf(&b, "func init() {\n\t// The queries of %s.sql.go in PostgreSQL's dialect (see conn).\n", r.Base)
	for _, q := range r.table.Queries(tables.Postgres) {
		fmt.Fprintf(&b, "\tpostgresQueries[%s] = %sPostgres\n", queryConst(q), queryConst(q))
	}
	b.WriteString("}\n")
	for _, q := range r.table.Queries(tables.Postgres) {
		fmt.Fprintf(&b, "\nconst %sPostgres = %s\n", queryConst(q), rawString(annotation(q)+"\n"+q.SQL+"\n"))
	}
	return b.String()
}

// handlerCode is a resource's handler file: its CRUD through the store's queries.
func handlerCode(mod string, r *resourceData) string {
	var b strings.Builder
	fmt.Fprintf(&b, `package handlers

import (
	"context"
	"database/sql"

	"%s/internal/api"
	"%s/internal/store"
)

// The %s, kept in the table %s through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.%s once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a %s, then the merge patch checked, then a %s. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.
`, mod, mod, r.Name, r.Name, r.Handler, r.Get, r.Replace)
	filters := r.filterNames()
	// List.
	fmt.Fprintf(&b, `
// %s answers GET %s: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) %s(ctx context.Context, q *api.ListQuery) ([]api.%s, int64, error) {
	var p store.%sParams
	for _, f := range q.Filters {
		switch f.Field {
`, r.List, r.Path, r.List, r.Record, r.SList)
	var filterFields []string
	for _, c := range r.columns {
		if c.JSON() {
			continue
		}
		typ := filterType(c)
		goTyp := map[string]string{"sql.NullString": "string", "sql.NullBool": "bool", "sql.NullInt64": "int64", "sql.NullFloat64": "float64"}[typ]
		fmt.Fprintf(&b, "\t\tcase %q:\n\t\t\tp.%s = %s{%s: f.Value.(%s), Valid: true}\n", c.Key, filters[c.Key], typ, nullField(typ), goTyp)
		filterFields = append(filterFields, filters[c.Key]+": p."+filters[c.Key])
	}
	fmt.Fprintf(&b, `		}
	}
	if q.Sort != "" {
		p.Sort = sql.NullString{String: sortKey(q), Valid: true}
	}
	if q.Limit > 0 {
		p.Limit = sql.NullInt64{Int64: int64(q.Limit), Valid: true}
	}
	p.Offset = int64(q.Offset)
	// The total and the page come from one snapshot, so they agree under writes.
	var total int64
	var rows []store.%s
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.%s(ctx, store.%sParams{%s}); err != nil {
			return err
		}
		rows, err = qs.%s(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.%s, len(rows))
	for i, row := range rows {
		if out[i], err = %sOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}
`, r.Row, r.SCount, r.SCount, strings.Join(filterFields, ", "), r.SList, r.Record, lowerFirst(r.Row))
	of := lowerFirst(r.Row) + "Of"
	rowOf := "new" + r.Row + "Row"
	// Get.
	fmt.Fprintf(&b, `
// %s answers GET %s/{%s}.
func (h *Handlers) %s(ctx context.Context, id %s) (api.%s, error) {
	row, err := h.Store.Queries().%s(ctx, id)
	if err != nil {
		return api.%s{}, storeError(err)
	}
	return %s(row)
}
`, r.Get, r.Path, r.IDKey, r.Get, r.IDType, r.Record, r.SGet, r.Record, of)
	// Create and replace.
	var values, sets []string
	for _, q := range r.table.Queries(tables.SQLite) {
		if strings.HasPrefix(q.Name, "Create") || strings.HasPrefix(q.Name, "Replace") {
			var list []string
			for _, p := range q.Params {
				switch p.Kind {
				case tables.ParamID:
					list = append(list, r.IDName+": id")
				case tables.ParamValue:
					c := r.column(p.Column)
					list = append(list, c.Name+": row."+c.Name)
				}
			}
			if strings.HasPrefix(q.Name, "Create") {
				values = list
			} else {
				sets = list
			}
		}
	}
	createArgs, createDoc := "in api."+r.Input, "The server assigns the id."
	if r.ClientID {
		createArgs = "id " + r.IDType + ", in api." + r.Input
		createDoc = "id is the new record's: the one the client sent, or a UUID the server drew."
		if r.IDKind == idKinds[contract.IDString] {
			createDoc = "id is the one the client sent; a record with it already is a 409."
		}
	}
	replaceArgs, useRow := "id", ""
	if len(sets) > 1 {
		replaceArgs = "store." + r.SReplace + "Params{" + strings.Join(sets, ", ") + "}"
	} else {
		useRow = "\t_ = row // a record that is only its id: nothing to replace\n"
	}
	fmt.Fprintf(&b, `
// %s answers POST %s with the record stored.
// %s
func (h *Handlers) %s(ctx context.Context, %s) (api.%s, error) {
	row, err := %s(in)
	if err != nil {
		return api.%s{}, err
	}
	created, err := h.Store.Queries().%s(ctx, store.%sParams{%s})
	if err != nil {
		return api.%s{}, storeError(err)
	}
	return %s(created)
}

// %s answers PUT %s/{%s}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) %s(ctx context.Context, id %s, in api.%s) (api.%s, error) {
	row, err := %s(in)
	if err != nil {
		return api.%s{}, err
	}
%s	replaced, err := h.Store.Queries().%s(ctx, %s)
	if err != nil {
		return api.%s{}, storeError(err)
	}
	return %s(replaced)
}

// %s answers DELETE %s/{%s}.
func (h *Handlers) %s(ctx context.Context, id %s) error {
	n, err := h.Store.Queries().%s(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}
`, r.Create, r.Path, createDoc, r.Create, createArgs, r.Record, rowOf, r.Record, r.SCreate, r.SCreate, strings.Join(values, ", "), r.Record, of,
		r.Replace, r.Path, r.IDKey, r.Replace, r.IDType, r.Input, r.Record, rowOf, r.Record, useRow, r.SReplace, replaceArgs, r.Record, of,
		r.Delete, r.Path, r.IDKey, r.Delete, r.IDType, r.SDelete)

	// Conversions.
	fmt.Fprintf(&b, "\n// %s is the record a row of %s holds.\nfunc %s(row store.%s) (api.%s, error) {\n\tvar rec api.%s\n\tvar err error\n", of, r.Name, of, r.Row, r.Record, r.Record)
	for _, c := range r.columns {
		b.WriteString(fromRow(c))
	}
	b.WriteString("\treturn rec, err\n}\n")
	fmt.Fprintf(&b, "\n// %s is the row that stores in, but for its id.\nfunc %s(in api.%s) (store.%s, error) {\n\tvar row store.%s\n\tvar err error\n", rowOf, rowOf, r.Input, r.Row, r.Row)
	for _, c := range r.columns {
		if c.ID || c.InputName == "" {
			continue
		}
		b.WriteString(toRow(c))
	}
	b.WriteString("\treturn row, err\n}\n")
	return b.String()
}

// fromRow sets the record's field of c from the row.
func fromRow(c columnData) string {
	n := c.Name
	switch {
	case c.Kind == contract.KindDateTime && c.NotNull:
		return fmt.Sprintf("\tif rec.%s, err = timeOf(row.%s); err != nil {\n\t\treturn rec, err\n\t}\n", n, n)
	case c.Kind == contract.KindDateTime:
		return fmt.Sprintf("\tif row.%s.Valid {\n\t\tt, err := timeOf(row.%s.String)\n\t\tif err != nil {\n\t\t\treturn rec, err\n\t\t}\n\t\trec.%s = &t\n\t}\n", n, n, n)
	case c.JSON() && c.NotNull:
		return fmt.Sprintf("\tif err = fromJSON(row.%s, &rec.%s); err != nil {\n\t\treturn rec, err\n\t}\n", n, n)
	case c.JSON():
		return fmt.Sprintf("\tif row.%s.Valid {\n\t\tif err = fromJSON(row.%s.String, &rec.%s); err != nil {\n\t\t\treturn rec, err\n\t\t}\n\t}\n", n, n, n)
	case c.NotNull || c.ID:
		return fmt.Sprintf("\trec.%s = row.%s\n", n, n)
	}
	return fmt.Sprintf("\tif row.%s.Valid {\n\t\tv := row.%s.%s\n\t\trec.%s = &v\n\t}\n", n, n, nullField(c.RowType), n)
}

// toRow sets the row's field of c from the input.
func toRow(c columnData) string {
	n, in := c.Name, "in."+c.InputName
	switch {
	case c.Kind == contract.KindDateTime && c.NotNull:
		return fmt.Sprintf("\trow.%s = timeText(%s)\n", n, in)
	case c.Kind == contract.KindDateTime:
		return fmt.Sprintf("\trow.%s = sql.NullString{String: timeText(deref(%s)), Valid: %s != nil}\n", n, in, in)
	case c.JSON() && c.NotNull:
		return fmt.Sprintf("\tif row.%s, err = toJSON(%s); err != nil {\n\t\treturn row, err\n\t}\n", n, in)
	case c.JSON():
		return fmt.Sprintf("\tif %s != nil {\n\t\ttext, err := toJSON(%s)\n\t\tif err != nil {\n\t\t\treturn row, err\n\t\t}\n\t\trow.%s = sql.NullString{String: text, Valid: true}\n\t}\n", in, in, n)
	case c.NotNull:
		return fmt.Sprintf("\trow.%s = %s\n", n, in)
	}
	return fmt.Sprintf("\trow.%s = %s{%s: deref(%s), Valid: %s != nil}\n", n, c.RowType, nullField(c.RowType), in, in)
}
