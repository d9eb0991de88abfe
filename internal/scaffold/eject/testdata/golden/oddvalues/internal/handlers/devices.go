package handlers

import (
	"context"
	"database/sql"

	"oddvalues/internal/api"
	"oddvalues/internal/store"
)

// The devices, kept in the table devices through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.DevicesHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetDevice, then the merge patch checked, then a ReplaceDevice. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListDevices answers GET /devices: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListDevices(ctx context.Context, q *api.ListQuery) ([]api.Device, int64, error) {
	var p store.ListDevicesParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullString{String: f.Value.(string), Valid: true}
		case "push":
			p.Push = sql.NullBool{Bool: f.Value.(bool), Valid: true}
		case "platform":
			p.Platform = sql.NullString{String: f.Value.(string), Valid: true}
		case "seen_at":
			p.SeenAt = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.Device
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountDevices(ctx, store.CountDevicesParams{ID: p.ID, Push: p.Push, Platform: p.Platform, SeenAt: p.SeenAt}); err != nil {
			return err
		}
		rows, err = qs.ListDevices(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Device, len(rows))
	for i, row := range rows {
		if out[i], err = deviceOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetDevice answers GET /devices/{id}.
func (h *Handlers) GetDevice(ctx context.Context, id string) (api.Device, error) {
	row, err := h.Store.Queries().GetDevice(ctx, id)
	if err != nil {
		return api.Device{}, storeError(err)
	}
	return deviceOf(row)
}

// CreateDevice answers POST /devices with the record stored.
// id is the new record's: the one the client sent, or a UUID the server drew.
func (h *Handlers) CreateDevice(ctx context.Context, id string, in api.NewDevice) (api.Device, error) {
	row, err := newDeviceRow(in)
	if err != nil {
		return api.Device{}, err
	}
	created, err := h.Store.Queries().CreateDevice(ctx, store.CreateDeviceParams{ID: id, Push: row.Push, Platform: row.Platform, SeenAt: row.SeenAt, Meta: row.Meta, List: row.List})
	if err != nil {
		return api.Device{}, storeError(err)
	}
	return deviceOf(created)
}

// ReplaceDevice answers PUT /devices/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceDevice(ctx context.Context, id string, in api.NewDevice) (api.Device, error) {
	row, err := newDeviceRow(in)
	if err != nil {
		return api.Device{}, err
	}
	replaced, err := h.Store.Queries().ReplaceDevice(ctx, store.ReplaceDeviceParams{Push: row.Push, Platform: row.Platform, SeenAt: row.SeenAt, Meta: row.Meta, List: row.List, ID: id})
	if err != nil {
		return api.Device{}, storeError(err)
	}
	return deviceOf(replaced)
}

// DeleteDevice answers DELETE /devices/{id}.
func (h *Handlers) DeleteDevice(ctx context.Context, id string) error {
	n, err := h.Store.Queries().DeleteDevice(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// deviceOf is the record a row of devices holds.
func deviceOf(row store.Device) (api.Device, error) {
	var rec api.Device
	var err error
	rec.ID = row.ID
	rec.Push = row.Push
	rec.Platform = row.Platform
	if row.SeenAt.Valid {
		t, err := timeOf(row.SeenAt.String)
		if err != nil {
			return rec, err
		}
		rec.SeenAt = &t
	}
	if row.Meta.Valid {
		if err = fromJSON(row.Meta.String, &rec.Meta); err != nil {
			return rec, err
		}
	}
	if row.List.Valid {
		if err = fromJSON(row.List.String, &rec.List); err != nil {
			return rec, err
		}
	}
	return rec, err
}

// newDeviceRow is the row that stores in, but for its id.
func newDeviceRow(in api.NewDevice) (store.Device, error) {
	var row store.Device
	var err error
	row.Push = in.Push
	row.Platform = in.Platform
	row.SeenAt = sql.NullString{String: timeText(deref(in.SeenAt)), Valid: in.SeenAt != nil}
	if in.Meta != nil {
		text, err := toJSON(in.Meta)
		if err != nil {
			return row, err
		}
		row.Meta = sql.NullString{String: text, Valid: true}
	}
	if in.List != nil {
		text, err := toJSON(in.List)
		if err != nil {
			return row, err
		}
		row.List = sql.NullString{String: text, Valid: true}
	}
	return row, err
}
