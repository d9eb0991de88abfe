package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/spec"
)

// TestServeConfigPrecedence: flags > BB_* environment > the spec's server section > defaults.
func TestServeConfigPrecedence(t *testing.T) {
	withPort := "version: 1\nserver: {port: 4100, host: 0.0.0.0}\nendpoints:\n  p: {method: GET, path: /p, responses: [{status: 204}]}\n"
	without := "version: 1\nendpoints:\n  p: {method: GET, path: /p, responses: [{status: 204}]}\n"
	for _, c := range []struct {
		name    string
		spec    string
		env     map[string]string
		args    []string
		port    int
		host    string
		maxBody int64
		noCORS  bool
	}{
		{name: "defaults", spec: without, port: 4000, host: "127.0.0.1", maxBody: 1 << 20},
		{name: "spec", spec: withPort, port: 4100, host: "0.0.0.0", maxBody: 1 << 20},
		{name: "env over spec", spec: withPort, env: map[string]string{"BB_PORT": "4200", "BB_HOST": "127.0.0.2", "BB_MAX_BODY": "10", "BB_NO_CORS": "true"}, port: 4200, host: "127.0.0.2", maxBody: 10, noCORS: true},
		{name: "flag over env", spec: withPort, env: map[string]string{"BB_PORT": "4200"}, args: []string{"--port", "4300", "--host", "localhost", "--max-body", "99", "--no-cors"}, port: 4300, host: "localhost", maxBody: 99, noCORS: true},
		{name: "flag over spec", spec: withPort, args: []string{"-p", "4400"}, port: 4400, host: "0.0.0.0", maxBody: 1 << 20},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"BB_PORT", "BB_HOST", "BB_MAX_BODY", "BB_NO_CORS"} {
				t.Setenv(k, "")
				os.Unsetenv(k)
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			file := filepath.Join(t.TempDir(), "bb.yaml")
			os.WriteFile(file, []byte(c.spec), 0o644)
			s, err := spec.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			cmd := &cobra.Command{}
			opts := &ServeOptions{}
			v := bindServeFlags(cmd, opts)
			if err := cmd.ParseFlags(c.args); err != nil {
				t.Fatal(err)
			}
			if err := mergeServeConfig(v, s, opts); err != nil {
				t.Fatal(err)
			}
			if opts.Port != c.port || opts.Host != c.host || opts.MaxBody != c.maxBody || opts.NoCORS != c.noCORS {
				t.Errorf("got port %d host %q max-body %d no-cors %v; want %d %q %d %v", opts.Port, opts.Host, opts.MaxBody, opts.NoCORS, c.port, c.host, c.maxBody, c.noCORS)
			}
		})
	}
}
