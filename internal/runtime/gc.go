package runtime

import (
	"runtime/debug"
	"runtime/metrics"
)

// smallHeap is the live heap below which bb serve lets the heap grow to five times its
// size between collections.
const smallHeap = 8 << 20

// TuneGC sets the collector's pace for the live heap: a stub server's heap is most often
// well under a megabyte, and with Go's default the collector then runs at its 4 MB floor,
// dozens of times a second under load; letting it grow to 5× costs at most 40 MB. A large
// spec's heap (hundreds of MB at 10,000 endpoints) keeps the default, so memory stays at
// about twice what is live. It runs after each load; GOGC in the environment wins.
func TuneGC() {
	debug.SetGCPercent(gcPercent(liveHeap()))
}

func gcPercent(live uint64) int {
	if live > 0 && live < smallHeap {
		return 400
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
