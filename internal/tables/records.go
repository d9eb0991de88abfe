package tables

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/dbkit"
)

// records are one resource's records in the store, as the kernel's ResourceServer
// reads and writes them.
type records struct {
	store *Store
	t     *table
}

func (r *records) q(i int) Query { return r.t.queries[i] }

// bindList binds a list or count query's parameters from q.
func (r *records) bindList(qu Query, q *contract.ListQuery) []any {
	args := make([]any, len(qu.Params))
	for i, p := range qu.Params {
		switch p.Kind {
		case ParamFilter:
			if v, ok := q.Filter(p.Column); ok {
				args[i] = r.t.column(p.Column).bind(filterJSON(v))
			}
		case ParamSort:
			if q.Sort != "" {
				dir := " asc"
				if q.Desc {
					dir = " desc"
				}
				args[i] = q.Sort + dir
			}
		case ParamLimit:
			if q.Limit > 0 {
				args[i] = int64(q.Limit)
			}
		case ParamOffset:
			args[i] = int64(q.Offset)
		}
	}
	return args
}

// filterJSON turns a parsed filter value back into what Decode gives, for bind.
func filterJSON(v any) any {
	switch v := v.(type) {
	case int64:
		return jsonNumber(v)
	case float64:
		return jsonFloat(v)
	}
	return v
}

func (t *Table) column(key string) Column {
	for _, c := range t.Columns {
		if c.Key == key {
			return c
		}
	}
	return Column{Key: key, Kind: contract.KindString}
}

func (r *records) List(ctx context.Context, q *contract.ListQuery) (page []byte, total int64, err error) {
	// The count and the page come from one snapshot, so a write or a reload's migration
	// between the two cannot pair one state's total with another's records.
	err = r.store.db.ReadTx(ctx, nil, func(c dbkit.Conn) error {
		list, count := r.q(0), r.q(1)
		if err := c.QueryRowContext(ctx, count.SQL, r.bindList(count, q)...).Scan(&total); err != nil {
			return err
		}
		rows, err := c.QueryContext(ctx, list.SQL, r.bindList(list, q)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		page = append(page, '[')
		vals := make([]any, len(r.t.Columns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for n := 0; rows.Next(); n++ {
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			if n > 0 {
				page = append(page, ',')
			}
			page = r.t.appendRecord(page, vals)
		}
		page = append(page, ']')
		return rows.Err()
	})
	if err != nil {
		return nil, 0, err
	}
	return page, total, nil
}

func (r *records) one(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]byte, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, storeError(err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, storeError(err)
		}
		return nil, contract.ErrNoRecord
	}
	rec, err := r.t.scan(rows)
	if err != nil {
		return nil, err
	}
	rows.Close()
	return rec, storeError(rows.Err())
}

func (r *records) Get(ctx context.Context, id any) ([]byte, error) {
	return r.one(ctx, r.store.db.Read, r.q(2).SQL, id)
}

func (r *records) Create(ctx context.Context, id any, in []byte) ([]byte, error) {
	args, err := r.t.args(in, false)
	if err != nil {
		return nil, err
	}
	if id != nil {
		args, err = r.withID(in, id)
		if err != nil {
			return nil, err
		}
	}
	return r.one(ctx, r.store.db.DB, r.q(3).SQL, args...)
}

// withID binds an insert's values when the server or the client gives the id: the id
// in its column's place.
func (r *records) withID(in []byte, id any) ([]any, error) {
	q := r.q(3)
	doc, err := contract.Decode(in, "record")
	if err != nil {
		return nil, err
	}
	obj, _ := doc.(map[string]any)
	args := make([]any, len(q.Params))
	for i, p := range q.Params {
		if p.Kind == ParamID {
			args[i] = id
			continue
		}
		args[i] = r.t.column(p.Column).bind(obj[p.Column])
	}
	return args, nil
}

func (r *records) Replace(ctx context.Context, id any, in []byte) ([]byte, error) {
	q := r.q(4)
	doc, err := contract.Decode(in, "record")
	if err != nil {
		return nil, err
	}
	obj, _ := doc.(map[string]any)
	args := make([]any, len(q.Params))
	for i, p := range q.Params {
		if p.Kind == ParamID {
			args[i] = id
			continue
		}
		args[i] = r.t.column(p.Column).bind(obj[p.Column])
	}
	return r.one(ctx, r.store.db.DB, q.SQL, args...)
}

func (r *records) Delete(ctx context.Context, id any) error {
	res, err := r.store.db.DB.ExecContext(ctx, r.q(5).SQL, id)
	if err != nil {
		return storeError(err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return contract.ErrNoRecord
	}
	return nil
}

// storeError names a duplicate primary key as the kernel knows it.
func storeError(err error) error {
	if dbkit.IsDuplicate(err) {
		return contract.ErrDuplicateID
	}
	return err
}

func jsonNumber(n int64) any  { return json.Number(strconv.FormatInt(n, 10)) }
func jsonFloat(f float64) any { return json.Number(strconv.FormatFloat(f, 'g', -1, 64)) }
