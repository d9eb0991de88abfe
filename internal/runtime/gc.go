package runtime

import (
	"runtime/debug"
	"runtime/metrics"
)

// smallHeap is the live heap below which bb serve lets the heap grow to five times its
// size between collections; from largeHeap up, to one and a half times.
const smallHeap, largeHeap = 8 << 20, 48 << 20

// TuneGC sets the collector's pace for the live heap: a stub server's heap is most often
// well under a megabyte, and with Go's default the collector then runs at its 4 MB floor,
// dozens of times a second under load; letting it grow to 5× costs at most 40 MB. A large
// spec's heap (about 85 MB at 10,000 endpoints) grows by half of itself between
// collections rather than doubling, so bb serve stays near 150 MiB under load; and what
// loading it built and dropped is handed back to the system at once, not minutes later.
// It runs after each load; GOGC in the environment wins.
func TuneGC() {
	live := liveHeap()
	if live >= largeHeap/2 {
		debug.FreeOSMemory() // a collection first: live is then what this spec holds
		live = liveHeap()
	}
	debug.SetGCPercent(gcPercent(live))
}

func gcPercent(live uint64) int {
	switch {
	case live > 0 && live < smallHeap:
		return 400
	case live >= largeHeap:
		return 50
	}
	return 100
}

// liveHeap is the heap the last collection found live, in bytes; 0 when unknown.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
