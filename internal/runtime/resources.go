package runtime

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
	"github.com/backwards-backend/bb/internal/tables"
)

// StatePath is where bb serve keeps the records of a spec's resources: .bb/state.db in
// the project folder, which bb init's .gitignore leaves out.
func StatePath(s *spec.Spec) string { return filepath.Join(s.Dir, ".bb", "state.db") }

// SyncState lays out the store's tables for the resources of s, keeping the records
// that still fit, and returns a line for each table it created or changed. A spec
// without resources leaves the store alone.
func SyncState(ctx context.Context, store *tables.Store, s *spec.Spec) ([]string, error) {
	if store == nil {
		return nil, nil
	}
	ts, err := s.Types()
	if err != nil {
		return nil, err
	}
	defs := make([]tables.Def, len(s.Resources))
	for i, r := range s.Resources {
		d := tables.Def{Resource: r.Contract(ts)}
		for _, v := range r.Seed {
			d.Seed = append(d.Seed, v.JSON())
		}
		defs[i] = d
	}
	changes, err := store.Sync(ctx, defs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", store.Path(), err)
	}
	var lines []string
	for _, c := range changes {
		if line := c.String(); line != "" {
			lines = append(lines, line)
		}
	}
	return lines, nil
}

// resourceHandler answers a resource's route from the store's records, through the
// kernel's ResourceServer as an ejected server does.
func (rt *Router) resourceHandler(ep *spec.Endpoint, ts *spec.TypeSet) http.HandlerFunc {
	res := ep.Resource
	var records contract.Records
	if rt.opt.Store != nil {
		records = rt.opt.Store.Records(res.Name)
	}
	if records == nil || ts == nil {
		return func(w http.ResponseWriter, r *http.Request) {
			note(w, ep.Name+": no state store")
			rt.writeError(w, http.StatusServiceUnavailable, "resource "+res.Name+" has no store: bb serve keeps records in "+filepath.Join(".bb", "state.db"))
		}
	}
	srv := &contract.ResourceServer{Resource: res.Contract(ts), Records: records, Rand: rt.opt.Play.Rand, BodyLimit: rt.opt.MaxBody,
		WriteError: func(w http.ResponseWriter, r *http.Request, e *contract.HTTPError) { rt.errors.Write(w, e) }}
	msg := fmt.Sprintf("%s → %s %s", ep.Name, res.Name, ep.Op)
	return func(w http.ResponseWriter, r *http.Request) {
		note(w, msg)
		srv.Serve(w, r, ep.Op)
	}
}
