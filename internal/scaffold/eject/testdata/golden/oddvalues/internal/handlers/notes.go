package handlers

import (
	"context"
	"database/sql"

	"oddvalues/internal/api"
	"oddvalues/internal/store"
)

// The notes, kept in the table notes through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.NotesHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetNote, then the merge patch checked, then a ReplaceNote. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListNotes answers GET /notes: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListNotes(ctx context.Context, q *api.ListQuery) ([]api.Note, int64, error) {
	var p store.ListNotesParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "text":
			p.Text = sql.NullString{String: f.Value.(string), Valid: true}
		case "author":
			p.Author = sql.NullString{String: f.Value.(string), Valid: true}
		case "at":
			p.At = sql.NullString{String: f.Value.(string), Valid: true}
		case "big":
			p.Big = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "ratio":
			p.Ratio = sql.NullFloat64{Float64: f.Value.(float64), Valid: true}
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
	var rows []store.Note
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountNotes(ctx, store.CountNotesParams{ID: p.ID, Text: p.Text, Author: p.Author, At: p.At, Big: p.Big, Ratio: p.Ratio}); err != nil {
			return err
		}
		rows, err = qs.ListNotes(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Note, len(rows))
	for i, row := range rows {
		if out[i], err = noteOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetNote answers GET /notes/{id}.
func (h *Handlers) GetNote(ctx context.Context, id int64) (api.Note, error) {
	row, err := h.Store.Queries().GetNote(ctx, id)
	if err != nil {
		return api.Note{}, storeError(err)
	}
	return noteOf(row)
}

// CreateNote answers POST /notes with the record stored.
// The server assigns the id.
func (h *Handlers) CreateNote(ctx context.Context, in api.NewNote) (api.Note, error) {
	row, err := newNoteRow(in)
	if err != nil {
		return api.Note{}, err
	}
	created, err := h.Store.Queries().CreateNote(ctx, store.CreateNoteParams{Text: row.Text, Author: row.Author, At: row.At, Big: row.Big, Ratio: row.Ratio})
	if err != nil {
		return api.Note{}, storeError(err)
	}
	return noteOf(created)
}

// ReplaceNote answers PUT /notes/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceNote(ctx context.Context, id int64, in api.NewNote) (api.Note, error) {
	row, err := newNoteRow(in)
	if err != nil {
		return api.Note{}, err
	}
	replaced, err := h.Store.Queries().ReplaceNote(ctx, store.ReplaceNoteParams{Text: row.Text, Author: row.Author, At: row.At, Big: row.Big, Ratio: row.Ratio, ID: id})
	if err != nil {
		return api.Note{}, storeError(err)
	}
	return noteOf(replaced)
}

// DeleteNote answers DELETE /notes/{id}.
func (h *Handlers) DeleteNote(ctx context.Context, id int64) error {
	n, err := h.Store.Queries().DeleteNote(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// noteOf is the record a row of notes holds.
func noteOf(row store.Note) (api.Note, error) {
	var rec api.Note
	var err error
	rec.ID = row.ID
	rec.Text = row.Text
	rec.Author = row.Author
	if rec.At, err = timeOf(row.At); err != nil {
		return rec, err
	}
	rec.Big = row.Big
	rec.Ratio = row.Ratio
	return rec, err
}

// newNoteRow is the row that stores in, but for its id.
func newNoteRow(in api.NewNote) (store.Note, error) {
	var row store.Note
	var err error
	row.Text = in.Text
	row.Author = in.Author
	row.At = timeText(in.At)
	row.Big = in.Big
	row.Ratio = in.Ratio
	return row, err
}
