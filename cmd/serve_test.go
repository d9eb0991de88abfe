package cmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/backwards-backend/bb/internal/spec"
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

// TestServeCORSOrigins: --cors-origin (repeated or a comma list) > BB_CORS_ORIGINS >
// the spec's server.cors.origins, which runtime reads itself when neither is set.
func TestServeCORSOrigins(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bb.yaml")
	os.WriteFile(file, []byte("version: 1\nserver: {cors: {origins: [http://spec.test]}}\nendpoints:\n  p: {method: GET, path: /p, responses: [{status: 204}]}\n"), 0o644)
	s, err := spec.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		env     string
		args    []string
		want    string
		wantErr string
	}{
		{name: "none: the spec's", want: ""},
		{name: "flags", args: []string{"--cors-origin", "http://a.test", "--cors-origin", "http://b.test, HTTP://C.test:80/"}, want: "http://a.test,http://b.test,http://c.test"},
		{name: "env", env: "http://e.test,https://f.test", want: "http://e.test,https://f.test"},
		{name: "flag over env", env: "http://e.test", args: []string{"--cors-origin=http://a.test"}, want: "http://a.test"},
		{name: "not an origin", args: []string{"--cors-origin", "localhost:3000"}, wantErr: `origin "localhost:3000" is not scheme://host[:port]`},
		{name: "null", env: "null", wantErr: `origin "null" is what sandboxed frames`},
		{name: "with --no-cors", args: []string{"--no-cors", "--cors-origin", "http://a.test"}, wantErr: "--no-cors turns CORS off"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("BB_CORS_ORIGINS", c.env)
			if c.env == "" {
				os.Unsetenv("BB_CORS_ORIGINS")
			}
			cmd := &cobra.Command{}
			opts := &ServeOptions{}
			v := bindServeFlags(cmd, opts)
			if err := cmd.ParseFlags(c.args); err != nil {
				t.Fatal(err)
			}
			err := mergeServeConfig(v, s, opts)
			if c.wantErr != "" {
				var ue *usageError
				if err == nil || !strings.Contains(err.Error(), c.wantErr) || !errors.As(err, &ue) {
					t.Errorf("error %v, want a usage error with %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(opts.CORSOrigins, ","); got != c.want {
				t.Errorf("origins %q, want %q", got, c.want)
			}
		})
	}
}

func TestNetworkWarning(t *testing.T) {
	for host, warns := range map[string]bool{
		"127.0.0.1": false, "127.0.0.2": false, "localhost": false, "::1": false, "[::1]": false,
		"0.0.0.0": true, "::": true, "": true, "192.168.1.20": true, "mybox.local": true,
	} {
		w := networkWarning(host)
		if (w != "") != warns {
			t.Errorf("host %q: warning %q", host, w)
		}
		if warns && (!strings.Contains(w, "every device on the network reach these stubs") || strings.Contains(w, "\n")) {
			t.Errorf("host %q: warning %q", host, w)
		}
	}
}
