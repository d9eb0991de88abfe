package runtime

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/backwards-backend/bb/internal/spec"
)

// DefaultDebounce is how long the reloader waits after the last file event before it
// reloads: long enough to see an editor's save as one event, short enough to feel instant.
const DefaultDebounce = 20 * time.Millisecond

// maxWatchedDirs bounds how many project folders a reloader watches after a failed edit.
const maxWatchedDirs = 256

// Reloader watches a spec and the files it points to and swaps a freshly compiled router
// into the server after each real change. A spec that fails to load or compile is reported
// and the server keeps answering from the last good one.
type Reloader struct {
	File     string // the spec file
	Server   *Server
	Options  Options
	Spec     spec.Options // how each reload loads the spec: its size limits
	Debounce time.Duration

	// Report receives one line per reload outcome: the files whose saves it took in (the
	// spec, a bodyFile), a colon and a summary of the change; or the errors.
	Report func(msg string, err error)
	// OnReload runs after each successful swap, e.g. to regenerate a client package.
	OnReload func(rt *Router, c Change)

	w        *fsnotify.Watcher
	file     string // File, absolute
	watched  map[string]bool
	lastHash [32]byte
	gone     bool            // the spec file was found deleted, and that was reported
	failed   bool            // the last reload failed: any file in the project may be the fix
	saved    map[string]bool // the files saved since the last reload, absolute
	parses   int             // specs parsed, for tests: a save that changes nothing parses none
}

// Start begins watching. Once it returns, no save can go unnoticed: Run's first look
// compares the file with the text the server's spec was parsed from, so a save made
// between the server's first load and Start is picked up too. The watch is on folders, not files,
// because editors save by writing a new file and renaming it over the old one.
func (rl *Reloader) Start() error {
	if rl.w != nil {
		return nil
	}
	file, err := filepath.Abs(rl.File)
	if err != nil {
		return err
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	rl.w, rl.file, rl.watched = w, file, map[string]bool{}
	if rl.Debounce <= 0 {
		rl.Debounce = DefaultDebounce
	}
	if rl.Report == nil {
		rl.Report = func(string, error) {}
	}
	if err := rl.watch(filepath.Dir(file)); err != nil {
		w.Close()
		return err
	}
	rt := rl.Server.Router()
	rl.watchFiles(rt)
	rl.lastHash = hashOf(rt.Spec().Digest, rt)
	return nil
}

// Run watches until ctx ends, starting the watch first if Start was not called.
func (rl *Reloader) Run(ctx context.Context) error {
	if err := rl.Start(); err != nil {
		return err
	}
	defer rl.w.Close()
	timer := time.NewTimer(0) // the first look, at once
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case ev, ok := <-rl.w.Events:
			if !ok {
				return nil
			}
			if rl.failed && ev.Has(fsnotify.Create) {
				// A folder made while the spec is broken may be where the missing file goes.
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					rl.watch(ev.Name)
				}
			}
			if abs, ok := rl.relevant(ev.Name); ok {
				if rl.saved == nil {
					rl.saved = map[string]bool{}
				}
				rl.saved[abs] = true
				timer.Reset(rl.Debounce)
			}
		case err, ok := <-rl.w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				timer.Reset(rl.Debounce) // events were lost: look again rather than guess
				continue
			}
			rl.Report("", err)
		case <-timer.C:
			rl.reload(ctx)
		}
	}
}

func (rl *Reloader) watch(dir string) error {
	if rl.watched[dir] || len(rl.watched) >= maxWatchedDirs {
		return nil
	}
	if err := rl.w.Add(dir); err != nil {
		return err
	}
	rl.watched[dir] = true
	return nil
}

// watchFiles watches the folders of every bodyFile the router serves.
func (rl *Reloader) watchFiles(rt *Router) {
	for path := range rt.Files() {
		if abs, err := filepath.Abs(path); err == nil {
			rl.watch(filepath.Dir(abs))
		}
	}
}

// watchProject watches every folder of the project, so that after a failed edit the
// file that fixes it (a bodyFile not written yet, in a folder bb did not watch) is seen.
func (rl *Reloader) watchProject() {
	root := filepath.Dir(rl.file)
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if len(rl.watched) >= maxWatchedDirs {
			return filepath.SkipAll
		}
		rl.watch(path)
		return nil
	})
}

// relevant reports whether a file event may change what the server answers: the spec
// itself or any bodyFile it serves, or, while the last edit is broken, any file at all.
func (rl *Reloader) relevant(name string) (string, bool) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", false
	}
	if abs == rl.file || rl.failed {
		return abs, true
	}
	for path := range rl.Server.Router().Files() {
		if p, err := filepath.Abs(path); err == nil && p == abs {
			return abs, true
		}
	}
	return "", false
}

// savedNames names the files saved since the last reload, as the spec's path names its
// folder (chat/bb.yaml, chat/responses/books.json), and forgets them. With none known
// (the first look, or events lost), it names the spec.
func (rl *Reloader) savedNames(rt *Router) string {
	saved := rl.saved
	rl.saved = nil
	var names []string
	if saved[rl.file] || len(saved) == 0 {
		names = append(names, rl.File)
	}
	var files []string
	for path := range rt.Files() {
		if abs, err := filepath.Abs(path); err == nil && saved[abs] {
			if rel, err := filepath.Rel(filepath.Dir(rl.file), abs); err == nil {
				files = append(files, filepath.Join(filepath.Dir(rl.File), rel))
			}
		}
	}
	sort.Strings(files)
	names = append(names, files...)
	if len(names) == 0 {
		names = append(names, rl.File) // a save elsewhere that fixed the last edit
	}
	return strings.Join(names, ", ")
}

// reload loads, validates and compiles the spec; only a complete new router is swapped in.
// It gives up without a word when ctx ends.
func (rl *Reloader) reload(ctx context.Context) {
	data, err := rl.Spec.ReadFile(rl.File)
	if err != nil {
		if os.IsNotExist(err) {
			// Deleted, since a rename-save is over before the debounce ends. Say so once;
			// the create event that brings it back reloads.
			if !rl.gone {
				rl.gone = true
				rl.Report("", fmt.Errorf("%s was removed; put it back and bb reloads it", rl.File))
			}
			return
		}
		rl.Report("", err)
		return
	}
	rl.gone = false
	if len(data) == 0 {
		return // an editor truncated the file and has not written it yet
	}
	digest := sha256.Sum256(data)
	if cur := rl.Server.Router(); !rl.failed && digest == cur.Spec().Digest && sameFiles(cur) {
		rl.saved = nil // the text and the bodyFiles being served: the first look, or saves that change nothing
		return
	}
	rl.parses++
	s, err := rl.Spec.Parse(ctx, rl.File, data)
	if ctx.Err() != nil {
		return
	}
	var rt *Router
	var state []string
	if err == nil {
		state, err = SyncState(ctx, rl.Options.Store, s)
	}
	if err == nil {
		if rt, err = compile(ctx, s, rl.Options, rl.Server.Router()); err != nil {
			return
		}
	}
	h := hashOf(digest, rt)
	if err != nil {
		// A failed load depends on more than the spec text (a bodyFile missing, then
		// broken), so the error is part of what identifies it: each new error is reported.
		h = sha256.Sum256(append(h[:], err.Error()...))
	}
	if h == rl.lastHash {
		rl.saved = nil // saves that changed nothing
		return
	}
	rl.lastHash = h
	if err != nil {
		rl.failed = true
		rl.watchProject()
		rl.Report("", err)
		return
	}
	wasFailed := rl.failed
	rl.failed = false
	rl.watchFiles(rt)
	c := rl.Server.Swap(rt)
	names := rl.savedNames(rt)
	for _, line := range state {
		c.Notes = append(c.Notes, line)
	}
	if wasFailed && c.Empty() && len(c.Notes) == 0 {
		rl.Report(names+": back to the last good spec; "+c.String(), nil)
	} else {
		rl.Report(names+": "+c.String(), nil)
	}
	if rl.OnReload != nil {
		rl.OnReload(rt, c)
	}
}

// sameFiles reports whether every bodyFile rt serves still holds what it serves.
func sameFiles(rt *Router) bool {
	for path, served := range rt.files {
		data, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(data, served) {
			return false
		}
	}
	return true
}

// hashOf identifies the spec text together with the bodyFiles it serves, so a save that
// changes nothing does not reload.
func hashOf(specDigest [32]byte, rt *Router) [32]byte {
	h := sha256.New()
	h.Write(specDigest[:])
	if rt != nil {
		paths := make([]string, 0, len(rt.files))
		for p := range rt.files {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for _, p := range paths {
			h.Write([]byte("\x00" + p + "\x00"))
			h.Write(rt.files[p])
		}
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}
