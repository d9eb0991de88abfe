package cmd

import (
	"fmt"

	"github.com/backwards-backend/bb/runtime"
)

// swiftRegenerator returns the reload hook behind `bb serve --swift-out`.
func swiftRegenerator(out string, streams *IO) func(rt *runtime.Router) {
	return func(rt *runtime.Router) {
		fmt.Fprintf(streams.Err, "bb: --swift-out is not available yet\n")
	}
}
