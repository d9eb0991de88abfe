package handlers

import (
	"context"
	"database/sql"

	"oddnames/internal/api"
	"oddnames/internal/store"
)

// The users_archive, kept in the table users_archive through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.UsersArchiveHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetUsersArchive, then the merge patch checked, then a ReplaceUsersArchive. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListUsersArchive answers GET /api/users-archive: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListUsersArchive(ctx context.Context, q *api.ListQuery) ([]api.UsersArchive, int64, error) {
	var p store.ListUsersArchiveParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "func":
			p.Func = sql.NullString{String: f.Value.(string), Valid: true}
		case "Error":
			p.Error = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.UsersArchive
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountUsersArchive(ctx, store.CountUsersArchiveParams{ID: p.ID, Func: p.Func, Error: p.Error}); err != nil {
			return err
		}
		rows, err = qs.ListUsersArchive(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.UsersArchive, len(rows))
	for i, row := range rows {
		if out[i], err = usersArchiveOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetUsersArchive answers GET /api/users-archive/{id}.
func (h *Handlers) GetUsersArchive(ctx context.Context, id int64) (api.UsersArchive, error) {
	row, err := h.Store.Queries().GetUsersArchive(ctx, id)
	if err != nil {
		return api.UsersArchive{}, storeError(err)
	}
	return usersArchiveOf(row)
}

// CreateUsersArchive answers POST /api/users-archive with the record stored.
// The server assigns the id.
func (h *Handlers) CreateUsersArchive(ctx context.Context, in api.NewUsersArchive) (api.UsersArchive, error) {
	row, err := newUsersArchiveRow(in)
	if err != nil {
		return api.UsersArchive{}, err
	}
	created, err := h.Store.Queries().CreateUsersArchive(ctx, store.CreateUsersArchiveParams{Func: row.Func, Error: row.Error})
	if err != nil {
		return api.UsersArchive{}, storeError(err)
	}
	return usersArchiveOf(created)
}

// ReplaceUsersArchive answers PUT /api/users-archive/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceUsersArchive(ctx context.Context, id int64, in api.NewUsersArchive) (api.UsersArchive, error) {
	row, err := newUsersArchiveRow(in)
	if err != nil {
		return api.UsersArchive{}, err
	}
	replaced, err := h.Store.Queries().ReplaceUsersArchive(ctx, store.ReplaceUsersArchiveParams{Func: row.Func, Error: row.Error, ID: id})
	if err != nil {
		return api.UsersArchive{}, storeError(err)
	}
	return usersArchiveOf(replaced)
}

// DeleteUsersArchive answers DELETE /api/users-archive/{id}.
func (h *Handlers) DeleteUsersArchive(ctx context.Context, id int64) error {
	n, err := h.Store.Queries().DeleteUsersArchive(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// usersArchiveOf is the record a row of users_archive holds.
func usersArchiveOf(row store.UsersArchive) (api.UsersArchive, error) {
	var rec api.UsersArchive
	var err error
	rec.ID = row.ID
	rec.Func = row.Func
	rec.Error = row.Error
	return rec, err
}

// newUsersArchiveRow is the row that stores in, but for its id.
func newUsersArchiveRow(in api.NewUsersArchive) (store.UsersArchive, error) {
	var row store.UsersArchive
	var err error
	row.Func = in.Func
	row.Error = in.Error
	return row, err
}
