package handlers

import (
	"context"
	"database/sql"

	"oddvalues/internal/api"
	"oddvalues/internal/store"
)

// The flags, kept in the table flags through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.FlagsHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetFlag, then the merge patch checked, then a ReplaceFlag. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListFlags answers GET /flags: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListFlags(ctx context.Context, q *api.ListQuery) ([]api.Flag, int64, error) {
	var p store.ListFlagsParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "on":
			p.On = sql.NullBool{Bool: f.Value.(bool), Valid: true}
		case "off":
			p.Off = sql.NullBool{Bool: f.Value.(bool), Valid: true}
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
	var rows []store.Flag
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountFlags(ctx, store.CountFlagsParams{ID: p.ID, On: p.On, Off: p.Off}); err != nil {
			return err
		}
		rows, err = qs.ListFlags(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Flag, len(rows))
	for i, row := range rows {
		if out[i], err = flagOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetFlag answers GET /flags/{id}.
func (h *Handlers) GetFlag(ctx context.Context, id int64) (api.Flag, error) {
	row, err := h.Store.Queries().GetFlag(ctx, id)
	if err != nil {
		return api.Flag{}, storeError(err)
	}
	return flagOf(row)
}

// CreateFlag answers POST /flags with the record stored.
// The server assigns the id.
func (h *Handlers) CreateFlag(ctx context.Context, in api.NewFlag) (api.Flag, error) {
	row, err := newFlagRow(in)
	if err != nil {
		return api.Flag{}, err
	}
	created, err := h.Store.Queries().CreateFlag(ctx, store.CreateFlagParams{On: row.On, Off: row.Off})
	if err != nil {
		return api.Flag{}, storeError(err)
	}
	return flagOf(created)
}

// ReplaceFlag answers PUT /flags/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceFlag(ctx context.Context, id int64, in api.NewFlag) (api.Flag, error) {
	row, err := newFlagRow(in)
	if err != nil {
		return api.Flag{}, err
	}
	replaced, err := h.Store.Queries().ReplaceFlag(ctx, store.ReplaceFlagParams{On: row.On, Off: row.Off, ID: id})
	if err != nil {
		return api.Flag{}, storeError(err)
	}
	return flagOf(replaced)
}

// DeleteFlag answers DELETE /flags/{id}.
func (h *Handlers) DeleteFlag(ctx context.Context, id int64) error {
	n, err := h.Store.Queries().DeleteFlag(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// flagOf is the record a row of flags holds.
func flagOf(row store.Flag) (api.Flag, error) {
	var rec api.Flag
	var err error
	rec.ID = row.ID
	rec.On = row.On
	rec.Off = row.Off
	return rec, err
}

// newFlagRow is the row that stores in, but for its id.
func newFlagRow(in api.NewFlag) (store.Flag, error) {
	var row store.Flag
	var err error
	row.On = in.On
	row.Off = in.Off
	return row, err
}
