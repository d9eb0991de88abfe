package handlers

import (
	"context"
	"database/sql"

	"chat/internal/api"
	"chat/internal/store"
)

// The rooms, kept in the table rooms through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.RoomsHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetRoom, then the merge patch checked, then a ReplaceRoom. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListRooms answers GET /rooms: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListRooms(ctx context.Context, q *api.ListQuery) ([]api.Room, int64, error) {
	var p store.ListRoomsParams
	for _, f := range q.Filters {
		switch f.Field {
		case "slug":
			p.Slug = sql.NullString{String: f.Value.(string), Valid: true}
		case "title":
			p.Title = sql.NullString{String: f.Value.(string), Valid: true}
		case "members":
			p.Members = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "topic":
			p.Topic = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.Room
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountRooms(ctx, store.CountRoomsParams{Slug: p.Slug, Title: p.Title, Members: p.Members, Topic: p.Topic}); err != nil {
			return err
		}
		rows, err = qs.ListRooms(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Room, len(rows))
	for i, row := range rows {
		if out[i], err = roomOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetRoom answers GET /rooms/{slug}.
func (h *Handlers) GetRoom(ctx context.Context, id string) (api.Room, error) {
	row, err := h.Store.Queries().GetRoom(ctx, id)
	if err != nil {
		return api.Room{}, storeError(err)
	}
	return roomOf(row)
}

// CreateRoom answers POST /rooms with the record stored.
// id is the one the client sent; a record with it already is a 409.
func (h *Handlers) CreateRoom(ctx context.Context, id string, in api.NewRoom) (api.Room, error) {
	row, err := newRoomRow(in)
	if err != nil {
		return api.Room{}, err
	}
	created, err := h.Store.Queries().CreateRoom(ctx, store.CreateRoomParams{Slug: id, Title: row.Title, Members: row.Members, Topic: row.Topic})
	if err != nil {
		return api.Room{}, storeError(err)
	}
	return roomOf(created)
}

// ReplaceRoom answers PUT /rooms/{slug}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceRoom(ctx context.Context, id string, in api.NewRoom) (api.Room, error) {
	row, err := newRoomRow(in)
	if err != nil {
		return api.Room{}, err
	}
	replaced, err := h.Store.Queries().ReplaceRoom(ctx, store.ReplaceRoomParams{Title: row.Title, Members: row.Members, Topic: row.Topic, Slug: id})
	if err != nil {
		return api.Room{}, storeError(err)
	}
	return roomOf(replaced)
}

// DeleteRoom answers DELETE /rooms/{slug}.
func (h *Handlers) DeleteRoom(ctx context.Context, id string) error {
	n, err := h.Store.Queries().DeleteRoom(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// roomOf is the record a row of rooms holds.
func roomOf(row store.Room) (api.Room, error) {
	var rec api.Room
	var err error
	rec.Slug = row.Slug
	rec.Title = row.Title
	rec.Members = row.Members
	if row.Topic.Valid {
		v := row.Topic.String
		rec.Topic = &v
	}
	return rec, err
}

// newRoomRow is the row that stores in, but for its id.
func newRoomRow(in api.NewRoom) (store.Room, error) {
	var row store.Room
	var err error
	row.Title = in.Title
	row.Members = in.Members
	row.Topic = sql.NullString{String: deref(in.Topic), Valid: in.Topic != nil}
	return row, err
}
