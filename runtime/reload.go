package runtime

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/backwards-backend/bb/spec"
)

// DefaultDebounce is how long the reloader waits after the last file event before it
// reloads: long enough to see an editor's save as one event, short enough to feel instant.
const DefaultDebounce = 20 * time.Millisecond

// Reloader watches a spec and the files it points to and swaps a freshly compiled router
// into the server after each real change. A spec that fails to load or compile is reported
// and the server keeps answering from the last good one.
type Reloader struct {
	File     string // the spec file
	Server   *Server
	Options  Options
	Debounce time.Duration

	// Report receives one line per reload outcome: a summary of the change, or the errors.
	Report func(msg string, err error)
	// OnReload runs after each successful swap, e.g. to regenerate a client package.
	OnReload func(rt *Router, c Change)

	lastHash [32]byte
}

// Run watches until ctx ends. The watch is on folders, not files, because editors save by
// writing a new file and renaming it over the old one.
func (rl *Reloader) Run(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if rl.Debounce <= 0 {
		rl.Debounce = DefaultDebounce
	}
	file, err := filepath.Abs(rl.File)
	if err != nil {
		return err
	}
	rl.lastHash = rl.hash(rl.Server.Router())
	watched := map[string]bool{}
	watchDirs := func(rt *Router) {
		dirs := []string{filepath.Dir(file)}
		for path := range rt.Files() {
			if abs, err := filepath.Abs(path); err == nil {
				dirs = append(dirs, filepath.Dir(abs))
			}
		}
		for _, d := range dirs {
			if !watched[d] {
				if err := w.Add(d); err == nil {
					watched[d] = true
				}
			}
		}
	}
	watchDirs(rl.Server.Router())

	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if rl.relevant(file, ev.Name) {
				timer.Reset(rl.Debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			rl.Report("", err)
		case <-timer.C:
			if rt := rl.reload(); rt != nil {
				watchDirs(rt)
			}
		}
	}
}

// relevant reports whether a file event may change what the server answers: the spec
// itself or any bodyFile it serves.
func (rl *Reloader) relevant(specFile, name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	if abs == specFile {
		return true
	}
	for path := range rl.Server.Router().Files() {
		if p, err := filepath.Abs(path); err == nil && p == abs {
			return true
		}
	}
	// A bodyFile the last good spec could not read yet, or one a failed edit named,
	// may appear later; any JSON file nearby is worth a look, and the hash check keeps
	// the look cheap when nothing changed.
	return filepath.Ext(abs) == ".json"
}

// reload loads, validates and compiles the spec; only a complete new router is swapped in.
func (rl *Reloader) reload() *Router {
	data, err := os.ReadFile(rl.File)
	if err != nil {
		if os.IsNotExist(err) {
			return nil // mid-rename; the create event that follows brings it back
		}
		rl.Report("", err)
		return nil
	}
	if len(data) == 0 {
		return nil // an editor truncated the file and has not written it yet
	}
	s, err := spec.Parse(rl.File, data)
	var rt *Router
	if err == nil {
		rt, err = Compile(s, rl.Options)
	}
	h := hashOf(data, rt)
	if h == rl.lastHash {
		return nil
	}
	rl.lastHash = h
	if err != nil {
		rl.Report("", err)
		return nil
	}
	c := rl.Server.Swap(rt)
	rl.Report(c.String(), nil)
	if rl.OnReload != nil {
		rl.OnReload(rt, c)
	}
	return rt
}

func (rl *Reloader) hash(rt *Router) [32]byte {
	data, _ := os.ReadFile(rl.File)
	return hashOf(data, rt)
}

// hashOf identifies the spec text together with the bodyFiles it serves, so a save that
// changes nothing does not reload.
func hashOf(data []byte, rt *Router) [32]byte {
	h := sha256.New()
	h.Write(data)
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
