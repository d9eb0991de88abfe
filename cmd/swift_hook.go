package cmd

import (
	"fmt"

	"github.com/backwards-backend/bb/internal/runtime"
	"github.com/backwards-backend/bb/internal/scaffold"
	"github.com/backwards-backend/bb/internal/scaffold/swift"
	"github.com/backwards-backend/bb/internal/spec"
)

// swiftRegenerator returns the reload hook behind `bb serve --swift-out`: after every
// good load it regenerates the Swift package, so Xcode sees each spec edit at once.
// After a failure, the next success says so even when no file changed, so the
// developer knows the package is good again.
func swiftRegenerator(out, name string) func(rt *runtime.Router) (string, error) {
	failed := false
	return func(rt *runtime.Router) (string, error) {
		files, err := swift.Generate(rt.Spec(), swift.Options{Name: name})
		if err != nil {
			failed = true
			return "", fmt.Errorf("swift package not regenerated: %w", err)
		}
		res, err := scaffold.WriteGenerated(out, files)
		if err != nil {
			failed = true
			return "", fmt.Errorf("swift package not written to %s: %w", out, err)
		}
		if failed {
			failed = false
			return fmt.Sprintf("swift package %s regenerated, good again: %s", out, res), nil
		}
		if !res.Changed() {
			return "", nil // nothing new to say, not even the files left alone again
		}
		return fmt.Sprintf("swift package %s: %s", out, res), nil
	}
}

// swiftCalls renders, for the inspector, each endpoint's call in the Swift client that
// bb gen swift writes; nil when the spec cannot be typed.
func swiftCalls(name string) func(s *spec.Spec) map[string]string {
	return func(s *spec.Spec) map[string]string {
		calls, _ := swift.Calls(s, swift.Options{Name: name})
		return calls
	}
}
