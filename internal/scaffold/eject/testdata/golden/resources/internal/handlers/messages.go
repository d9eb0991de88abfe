package handlers

import (
	"context"
	"database/sql"

	"chat/internal/api"
	"chat/internal/store"
)

// The messages, kept in the table messages through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.MessagesHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetMessage, then the merge patch checked, then a ReplaceMessage. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListMessages answers GET /api/messages: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListMessages(ctx context.Context, q *api.ListQuery) ([]api.Message, int64, error) {
	var p store.ListMessagesParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "user":
			p.User = sql.NullString{String: f.Value.(string), Valid: true}
		case "text":
			p.Text = sql.NullString{String: f.Value.(string), Valid: true}
		case "sent_at":
			p.SentAt = sql.NullString{String: f.Value.(string), Valid: true}
		case "read":
			p.Read = sql.NullBool{Bool: f.Value.(bool), Valid: true}
		case "score":
			p.Score = sql.NullFloat64{Float64: f.Value.(float64), Valid: true}
		case "note":
			p.Note = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.Message
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountMessages(ctx, store.CountMessagesParams{ID: p.ID, User: p.User, Text: p.Text, SentAt: p.SentAt, Read: p.Read, Score: p.Score, Note: p.Note}); err != nil {
			return err
		}
		rows, err = qs.ListMessages(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Message, len(rows))
	for i, row := range rows {
		if out[i], err = messageOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetMessage answers GET /api/messages/{id}.
func (h *Handlers) GetMessage(ctx context.Context, id int64) (api.Message, error) {
	row, err := h.Store.Queries().GetMessage(ctx, id)
	if err != nil {
		return api.Message{}, storeError(err)
	}
	return messageOf(row)
}

// CreateMessage answers POST /api/messages with the record stored.
// The server assigns the id.
func (h *Handlers) CreateMessage(ctx context.Context, in api.NewMessage) (api.Message, error) {
	row, err := newMessageRow(in)
	if err != nil {
		return api.Message{}, err
	}
	created, err := h.Store.Queries().CreateMessage(ctx, store.CreateMessageParams{User: row.User, Text: row.Text, SentAt: row.SentAt, Read: row.Read, Score: row.Score, Tags: row.Tags, Meta: row.Meta, Note: row.Note})
	if err != nil {
		return api.Message{}, storeError(err)
	}
	return messageOf(created)
}

// ReplaceMessage answers PUT /api/messages/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceMessage(ctx context.Context, id int64, in api.NewMessage) (api.Message, error) {
	row, err := newMessageRow(in)
	if err != nil {
		return api.Message{}, err
	}
	replaced, err := h.Store.Queries().ReplaceMessage(ctx, store.ReplaceMessageParams{User: row.User, Text: row.Text, SentAt: row.SentAt, Read: row.Read, Score: row.Score, Tags: row.Tags, Meta: row.Meta, Note: row.Note, ID: id})
	if err != nil {
		return api.Message{}, storeError(err)
	}
	return messageOf(replaced)
}

// DeleteMessage answers DELETE /api/messages/{id}.
func (h *Handlers) DeleteMessage(ctx context.Context, id int64) error {
	n, err := h.Store.Queries().DeleteMessage(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// messageOf is the record a row of messages holds.
func messageOf(row store.Message) (api.Message, error) {
	var rec api.Message
	var err error
	rec.ID = row.ID
	rec.User = row.User
	rec.Text = row.Text
	if rec.SentAt, err = timeOf(row.SentAt); err != nil {
		return rec, err
	}
	rec.Read = row.Read
	rec.Score = row.Score
	if err = fromJSON(row.Tags, &rec.Tags); err != nil {
		return rec, err
	}
	if row.Meta.Valid {
		if err = fromJSON(row.Meta.String, &rec.Meta); err != nil {
			return rec, err
		}
	}
	if row.Note.Valid {
		v := row.Note.String
		rec.Note = &v
	}
	return rec, err
}

// newMessageRow is the row that stores in, but for its id.
func newMessageRow(in api.NewMessage) (store.Message, error) {
	var row store.Message
	var err error
	row.User = in.User
	row.Text = in.Text
	row.SentAt = timeText(in.SentAt)
	row.Read = in.Read
	row.Score = in.Score
	if row.Tags, err = toJSON(in.Tags); err != nil {
		return row, err
	}
	if in.Meta != nil {
		text, err := toJSON(in.Meta)
		if err != nil {
			return row, err
		}
		row.Meta = sql.NullString{String: text, Valid: true}
	}
	row.Note = sql.NullString{String: deref(in.Note), Valid: in.Note != nil}
	return row, err
}
