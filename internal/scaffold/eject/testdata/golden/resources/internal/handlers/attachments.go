package handlers

import (
	"context"
	"database/sql"

	"chat/internal/api"
	"chat/internal/store"
)

// The attachments, kept in the table attachments through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.AttachmentsHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetAttachment, then the merge patch checked, then a ReplaceAttachment. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListAttachments answers GET /attachments: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListAttachments(ctx context.Context, q *api.ListQuery) ([]api.Attachment, int64, error) {
	var p store.ListAttachmentsParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullString{String: f.Value.(string), Valid: true}
		case "name":
			p.Name = sql.NullString{String: f.Value.(string), Valid: true}
		case "size":
			p.Size = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "created_at":
			p.CreatedAt = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.Attachment
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountAttachments(ctx, store.CountAttachmentsParams{ID: p.ID, Name: p.Name, Size: p.Size, CreatedAt: p.CreatedAt}); err != nil {
			return err
		}
		rows, err = qs.ListAttachments(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Attachment, len(rows))
	for i, row := range rows {
		if out[i], err = attachmentOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetAttachment answers GET /attachments/{id}.
func (h *Handlers) GetAttachment(ctx context.Context, id string) (api.Attachment, error) {
	row, err := h.Store.Queries().GetAttachment(ctx, id)
	if err != nil {
		return api.Attachment{}, storeError(err)
	}
	return attachmentOf(row)
}

// CreateAttachment answers POST /attachments with the record stored.
// id is the new record's: the one the client sent, or a UUID the server drew.
func (h *Handlers) CreateAttachment(ctx context.Context, id string, in api.NewAttachment) (api.Attachment, error) {
	row, err := newAttachmentRow(in)
	if err != nil {
		return api.Attachment{}, err
	}
	created, err := h.Store.Queries().CreateAttachment(ctx, store.CreateAttachmentParams{ID: id, Name: row.Name, Size: row.Size, CreatedAt: row.CreatedAt, Labels: row.Labels})
	if err != nil {
		return api.Attachment{}, storeError(err)
	}
	return attachmentOf(created)
}

// ReplaceAttachment answers PUT /attachments/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceAttachment(ctx context.Context, id string, in api.NewAttachment) (api.Attachment, error) {
	row, err := newAttachmentRow(in)
	if err != nil {
		return api.Attachment{}, err
	}
	replaced, err := h.Store.Queries().ReplaceAttachment(ctx, store.ReplaceAttachmentParams{Name: row.Name, Size: row.Size, CreatedAt: row.CreatedAt, Labels: row.Labels, ID: id})
	if err != nil {
		return api.Attachment{}, storeError(err)
	}
	return attachmentOf(replaced)
}

// DeleteAttachment answers DELETE /attachments/{id}.
func (h *Handlers) DeleteAttachment(ctx context.Context, id string) error {
	n, err := h.Store.Queries().DeleteAttachment(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// attachmentOf is the record a row of attachments holds.
func attachmentOf(row store.Attachment) (api.Attachment, error) {
	var rec api.Attachment
	var err error
	rec.ID = row.ID
	rec.Name = row.Name
	rec.Size = row.Size
	if rec.CreatedAt, err = timeOf(row.CreatedAt); err != nil {
		return rec, err
	}
	if row.Labels.Valid {
		if err = fromJSON(row.Labels.String, &rec.Labels); err != nil {
			return rec, err
		}
	}
	return rec, err
}

// newAttachmentRow is the row that stores in, but for its id.
func newAttachmentRow(in api.NewAttachment) (store.Attachment, error) {
	var row store.Attachment
	var err error
	row.Name = in.Name
	row.Size = in.Size
	row.CreatedAt = timeText(in.CreatedAt)
	if in.Labels != nil {
		text, err := toJSON(in.Labels)
		if err != nil {
			return row, err
		}
		row.Labels = sql.NullString{String: text, Valid: true}
	}
	return row, err
}
