package handlers

import (
	"context"
	"database/sql"

	"oddnames/internal/api"
	"oddnames/internal/store"
)

// The default, kept in the table default through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.DefaultHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetDefault, then the merge patch checked, then a ReplaceDefault. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListDefault answers GET /api/users: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListDefault(ctx context.Context, q *api.ListQuery) ([]api.Default, int64, error) {
	var p store.ListDefaultParams
	for _, f := range q.Filters {
		switch f.Field {
		case "type":
			p.Type = sql.NullString{String: f.Value.(string), Valid: true}
		case "class":
			p.Class = sql.NullString{String: f.Value.(string), Valid: true}
		case "n":
			p.N = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		}
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
	var rows []store.Default
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountDefault(ctx, store.CountDefaultParams{Type: p.Type, Class: p.Class, N: p.N}); err != nil {
			return err
		}
		rows, err = qs.ListDefault(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Default, len(rows))
	for i, row := range rows {
		if out[i], err = defaultOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetDefault answers GET /api/users/{type}.
func (h *Handlers) GetDefault(ctx context.Context, id string) (api.Default, error) {
	row, err := h.Store.Queries().GetDefault(ctx, id)
	if err != nil {
		return api.Default{}, storeError(err)
	}
	return defaultOf(row)
}

// CreateDefault answers POST /api/users with the record stored.
// id is the one the client sent; a record with it already is a 409.
func (h *Handlers) CreateDefault(ctx context.Context, id string, in api.NewDefault) (api.Default, error) {
	row, err := newDefaultRow(in)
	if err != nil {
		return api.Default{}, err
	}
	created, err := h.Store.Queries().CreateDefault(ctx, store.CreateDefaultParams{Type: id, Class: row.Class, N: row.N})
	if err != nil {
		return api.Default{}, storeError(err)
	}
	return defaultOf(created)
}

// ReplaceDefault answers PUT /api/users/{type}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceDefault(ctx context.Context, id string, in api.NewDefault) (api.Default, error) {
	row, err := newDefaultRow(in)
	if err != nil {
		return api.Default{}, err
	}
	replaced, err := h.Store.Queries().ReplaceDefault(ctx, store.ReplaceDefaultParams{Class: row.Class, N: row.N, Type: id})
	if err != nil {
		return api.Default{}, storeError(err)
	}
	return defaultOf(replaced)
}

// DeleteDefault answers DELETE /api/users/{type}.
func (h *Handlers) DeleteDefault(ctx context.Context, id string) error {
	n, err := h.Store.Queries().DeleteDefault(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// defaultOf is the record a row of default holds.
func defaultOf(row store.Default) (api.Default, error) {
	var rec api.Default
	var err error
	rec.Type = row.Type
	rec.Class = row.Class
	rec.N = row.N
	return rec, err
}

// newDefaultRow is the row that stores in, but for its id.
func newDefaultRow(in api.NewDefault) (store.Default, error) {
	var row store.Default
	var err error
	row.Class = in.Class
	row.N = in.N
	return row, err
}
