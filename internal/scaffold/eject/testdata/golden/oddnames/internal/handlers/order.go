package handlers

import (
	"context"
	"database/sql"

	"oddnames/internal/api"
	"oddnames/internal/store"
)

// The order, kept in the table order through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.OrderHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetOrder, then the merge patch checked, then a ReplaceOrder. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListOrder answers GET /api/v1/orders: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListOrder(ctx context.Context, q *api.ListQuery) ([]api.Order, int64, error) {
	var p store.ListOrderParams
	for _, f := range q.Filters {
		switch f.Field {
		case "uuid":
			p.UUID = sql.NullString{String: f.Value.(string), Valid: true}
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "type":
			p.Type = sql.NullString{String: f.Value.(string), Valid: true}
		case "default":
			p.Default = sql.NullBool{Bool: f.Value.(bool), Valid: true}
		case "class":
			p.Class = sql.NullString{String: f.Value.(string), Valid: true}
		case "select":
			p.Select = sql.NullString{String: f.Value.(string), Valid: true}
		case "user":
			p.User = sql.NullString{String: f.Value.(string), Valid: true}
		case "xmin":
			p.Xmin = sql.NullFloat64{Float64: f.Value.(float64), Valid: true}
		case "firstName":
			p.FirstName = sql.NullString{String: f.Value.(string), Valid: true}
		case "FirstName":
			p.FirstName2 = sql.NullString{String: f.Value.(string), Valid: true}
		case "what?":
			p.What = sql.NullString{String: f.Value.(string), Valid: true}
		case "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":
			p.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab":
			p.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
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
	var rows []store.Order
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountOrder(ctx, store.CountOrderParams{UUID: p.UUID, ID: p.ID, Type: p.Type, Default: p.Default, Class: p.Class, Select: p.Select, User: p.User, Xmin: p.Xmin, FirstName: p.FirstName, FirstName2: p.FirstName2, What: p.What, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: p.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab: p.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab}); err != nil {
			return err
		}
		rows, err = qs.ListOrder(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Order, len(rows))
	for i, row := range rows {
		if out[i], err = orderOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetOrder answers GET /api/v1/orders/{uuid}.
func (h *Handlers) GetOrder(ctx context.Context, id string) (api.Order, error) {
	row, err := h.Store.Queries().GetOrder(ctx, id)
	if err != nil {
		return api.Order{}, storeError(err)
	}
	return orderOf(row)
}

// CreateOrder answers POST /api/v1/orders with the record stored.
// id is the new record's: the one the client sent, or a UUID the server drew.
func (h *Handlers) CreateOrder(ctx context.Context, id string, in api.NewOrder) (api.Order, error) {
	row, err := newOrderRow(in)
	if err != nil {
		return api.Order{}, err
	}
	created, err := h.Store.Queries().CreateOrder(ctx, store.CreateOrderParams{UUID: id, ID: row.ID, Type: row.Type, Default: row.Default, Class: row.Class, Select: row.Select, User: row.User, Xmin: row.Xmin, FirstName: row.FirstName, FirstName2: row.FirstName2, What: row.What, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab: row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, Order: row.Order})
	if err != nil {
		return api.Order{}, storeError(err)
	}
	return orderOf(created)
}

// ReplaceOrder answers PUT /api/v1/orders/{uuid}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceOrder(ctx context.Context, id string, in api.NewOrder) (api.Order, error) {
	row, err := newOrderRow(in)
	if err != nil {
		return api.Order{}, err
	}
	replaced, err := h.Store.Queries().ReplaceOrder(ctx, store.ReplaceOrderParams{ID: row.ID, Type: row.Type, Default: row.Default, Class: row.Class, Select: row.Select, User: row.User, Xmin: row.Xmin, FirstName: row.FirstName, FirstName2: row.FirstName2, What: row.What, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab: row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab, Order: row.Order, UUID: id})
	if err != nil {
		return api.Order{}, storeError(err)
	}
	return orderOf(replaced)
}

// DeleteOrder answers DELETE /api/v1/orders/{uuid}.
func (h *Handlers) DeleteOrder(ctx context.Context, id string) error {
	n, err := h.Store.Queries().DeleteOrder(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// orderOf is the record a row of order holds.
func orderOf(row store.Order) (api.Order, error) {
	var rec api.Order
	var err error
	rec.UUID = row.UUID
	rec.ID = row.ID
	rec.Type = row.Type
	rec.Default = row.Default
	rec.Class = row.Class
	rec.Select = row.Select
	rec.User = row.User
	rec.Xmin = row.Xmin
	rec.FirstName = row.FirstName
	rec.FirstName2 = row.FirstName2
	rec.What = row.What
	rec.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
	rec.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab = row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
	if row.Order.Valid {
		if err = fromJSON(row.Order.String, &rec.Order); err != nil {
			return rec, err
		}
	}
	return rec, err
}

// newOrderRow is the row that stores in, but for its id.
func newOrderRow(in api.NewOrder) (store.Order, error) {
	var row store.Order
	var err error
	row.ID = in.ID
	row.Type = in.Type
	row.Default = in.Default
	row.Class = in.Class
	row.Select = in.Select
	row.User = in.User
	row.Xmin = in.Xmin
	row.FirstName = in.FirstName
	row.FirstName2 = in.FirstName2
	row.What = in.What
	row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa = in.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
	row.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab = in.Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
	if in.Order != nil {
		text, err := toJSON(in.Order)
		if err != nil {
			return row, err
		}
		row.Order = sql.NullString{String: text, Valid: true}
	}
	return row, err
}
