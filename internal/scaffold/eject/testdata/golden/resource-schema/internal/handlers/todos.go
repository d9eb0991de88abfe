package handlers

import (
	"context"
	"database/sql"

	"todo/internal/api"
	"todo/internal/store"
)

// The todos, kept in the table todos through the queries of internal/store. bb wrote
// these handlers once; they are yours. The contract kernel calls them through
// api.TodosHandler once it has read and checked the request, exactly as bb serve
// answers: a PATCH is a GetTodo, then the merge patch checked, then a ReplaceTodo. Return
// api.ErrNoRecord for an id that has no record (a 404), api.ErrDuplicateID for a
// client's id that is taken (a 409), and api.Error(status, msg) for any other answer
// (a 403, say); any other error is a 500.

// ListTodos answers GET /todos: one page of the records q keeps (its filters, order and
// paging, as json-server names them), and how many it keeps in all.
func (h *Handlers) ListTodos(ctx context.Context, q *api.ListQuery) ([]api.Todo, int64, error) {
	var p store.ListTodosParams
	for _, f := range q.Filters {
		switch f.Field {
		case "id":
			p.ID = sql.NullInt64{Int64: f.Value.(int64), Valid: true}
		case "title":
			p.Title = sql.NullString{String: f.Value.(string), Valid: true}
		case "done":
			p.Done = sql.NullBool{Bool: f.Value.(bool), Valid: true}
		case "due":
			p.Due = sql.NullString{String: f.Value.(string), Valid: true}
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
	var rows []store.Todo
	err := h.Store.ReadTx(ctx, func(qs *store.Queries) error {
		var err error
		if total, err = qs.CountTodos(ctx, store.CountTodosParams{ID: p.ID, Title: p.Title, Done: p.Done, Due: p.Due}); err != nil {
			return err
		}
		rows, err = qs.ListTodos(ctx, p)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	out := make([]api.Todo, len(rows))
	for i, row := range rows {
		if out[i], err = todoOf(row); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// GetTodo answers GET /todos/{id}.
func (h *Handlers) GetTodo(ctx context.Context, id int64) (api.Todo, error) {
	row, err := h.Store.Queries().GetTodo(ctx, id)
	if err != nil {
		return api.Todo{}, storeError(err)
	}
	return todoOf(row)
}

// CreateTodo answers POST /todos with the record stored.
// The server assigns the id.
func (h *Handlers) CreateTodo(ctx context.Context, in api.NewTodo) (api.Todo, error) {
	row, err := newTodoRow(in)
	if err != nil {
		return api.Todo{}, err
	}
	created, err := h.Store.Queries().CreateTodo(ctx, store.CreateTodoParams{Title: row.Title, Done: row.Done, Due: row.Due, Extra: row.Extra, Weights: row.Weights})
	if err != nil {
		return api.Todo{}, storeError(err)
	}
	return todoOf(created)
}

// ReplaceTodo answers PUT /todos/{id}, and PATCH once the patch is merged: every field
// but the id becomes in's.
func (h *Handlers) ReplaceTodo(ctx context.Context, id int64, in api.NewTodo) (api.Todo, error) {
	row, err := newTodoRow(in)
	if err != nil {
		return api.Todo{}, err
	}
	replaced, err := h.Store.Queries().ReplaceTodo(ctx, store.ReplaceTodoParams{Title: row.Title, Done: row.Done, Due: row.Due, Extra: row.Extra, Weights: row.Weights, ID: id})
	if err != nil {
		return api.Todo{}, storeError(err)
	}
	return todoOf(replaced)
}

// DeleteTodo answers DELETE /todos/{id}.
func (h *Handlers) DeleteTodo(ctx context.Context, id int64) error {
	n, err := h.Store.Queries().DeleteTodo(ctx, id)
	if err != nil {
		return storeError(err)
	}
	if n == 0 {
		return api.ErrNoRecord
	}
	return nil
}

// todoOf is the record a row of todos holds.
func todoOf(row store.Todo) (api.Todo, error) {
	var rec api.Todo
	var err error
	rec.ID = row.ID
	rec.Title = row.Title
	rec.Done = row.Done
	if row.Due.Valid {
		t, err := timeOf(row.Due.String)
		if err != nil {
			return rec, err
		}
		rec.Due = &t
	}
	if row.Extra.Valid {
		if err = fromJSON(row.Extra.String, &rec.Extra); err != nil {
			return rec, err
		}
	}
	if row.Weights.Valid {
		if err = fromJSON(row.Weights.String, &rec.Weights); err != nil {
			return rec, err
		}
	}
	return rec, err
}

// newTodoRow is the row that stores in, but for its id.
func newTodoRow(in api.NewTodo) (store.Todo, error) {
	var row store.Todo
	var err error
	row.Title = in.Title
	row.Done = in.Done
	row.Due = sql.NullString{String: timeText(deref(in.Due)), Valid: in.Due != nil}
	if in.Extra != nil {
		text, err := toJSON(in.Extra)
		if err != nil {
			return row, err
		}
		row.Extra = sql.NullString{String: text, Valid: true}
	}
	if in.Weights != nil {
		text, err := toJSON(in.Weights)
		if err != nil {
			return row, err
		}
		row.Weights = sql.NullString{String: text, Valid: true}
	}
	return row, err
}
