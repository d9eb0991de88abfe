package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"
	"time"

	"github.com/backwards-backend/bb/internal/contract"
	"github.com/backwards-backend/bb/internal/spec"
)

// Config is everything `bb serve` needs, already merged from flags, environment and spec.
type Config struct {
	File    string // the spec file
	Host    string
	Port    int
	Options Options
	NoWatch bool
	Spec    spec.Options // how reloads load the spec: its size limits

	Out io.Writer // the banner
	Log io.Writer // one line per request, reload summaries and errors

	// OnReload runs after the first load and after each successful reload, e.g. to
	// regenerate a client package; what it returns is logged in line with the requests.
	OnReload func(rt *Router) (string, error)
	// Ready, when set, receives the address the server listens on.
	Ready func(addr string)
	// Notes are lines the banner adds before saying where it listens.
	Notes []string
	// LogLevel says which requests are logged; "" logs all. Reloads and errors are
	// always logged.
	LogLevel LogLevel
	// TuneGC paces the collector for the live heap after each load (see TuneGC).
	TuneGC bool
	// Inspector, when set, serves the inspector's page at InspectorPath; nil turns it off.
	Inspector *InspectorOptions
	// ResetState puts every resource back to its seed records before serving.
	ResetState bool
}

// compile is Compile, given up when ctx ends first: a spec near the size limits takes a
// second or more to compile, and a signal to stop must not wait for it.
func compile(ctx context.Context, s *spec.Spec, opt Options, prev *Router) (*Router, error) {
	done := make(chan *Router, 1)
	go func() { done <- compileFrom(s, opt, prev) }()
	select {
	case rt := <-done:
		return rt, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// PortInUseError says the chosen port is taken, and how to choose another.
type PortInUseError struct {
	Addr string
}

// Error names the address and the flag to choose another port.
func (e *PortInUseError) Error() string {
	return fmt.Sprintf("cannot listen on %s: the port is already in use; stop the other server or choose another port with --port (or BB_PORT)", e.Addr)
}

// Serve loads the spec, listens and answers until ctx ends, then shuts down gracefully.
func Serve(ctx context.Context, s *spec.Spec, cfg Config) error {
	changes, err := SyncState(ctx, cfg.Options.Store, s)
	if err != nil {
		return err
	}
	if cfg.ResetState && cfg.Options.Store != nil {
		if err := cfg.Options.Store.Reset(ctx); err != nil {
			return fmt.Errorf("resetting %s: %w", StatePath(s), err)
		}
		changes = append(changes, "every resource back to its seed records (--reset)")
	}
	rt, err := compile(ctx, s, cfg.Options, nil)
	if err != nil {
		return nil // stopped before serving
	}
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return &PortInUseError{Addr: addr}
		}
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	log := NewLineWriter(cfg.Log, 50*time.Millisecond)
	defer log.Flush()
	var reqLog *LineWriter
	if cfg.LogLevel != LogOff {
		reqLog = log
	}
	srv := NewServer(rt, reqLog)
	srv.Errors = cfg.LogLevel == LogErrors
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      11 * time.Minute, // responses may be delayed up to 10m on purpose
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	var insp *Inspector
	if cfg.Inspector != nil {
		o := *cfg.Inspector
		o.File, o.Log = cfg.File, log.Printf
		insp = NewInspector(srv, o)
		srv.Inspect(insp)
		hs.RegisterOnShutdown(insp.Close) // open pages must not hold the shutdown up
	}
	afterLoad := func(rt *Router) {
		if cfg.TuneGC {
			go TuneGC() // a collection, for a large spec: not before the first answer
		}
		if cfg.OnReload == nil {
			return
		}
		msg, err := cfg.OnReload(rt)
		stamp := time.Now().Format("15:04:05.000")
		if err != nil {
			log.Printf("%s %v", stamp, err)
		} else if msg != "" {
			log.Printf("%s %s", stamp, msg)
		}
	}
	var rl *Reloader
	if !cfg.NoWatch {
		rl = &Reloader{
			File:    cfg.File,
			Server:  srv,
			Options: cfg.Options,
			Spec:    cfg.Spec,
			Report: func(msg string, err error) {
				// Through the request log, so reloads and requests appear in the order they happened.
				stamp := time.Now().Format("15:04:05.000")
				if err != nil {
					log.Printf("%s reload failed; still serving the last good spec:\n%v", stamp, err)
					if insp != nil {
						insp.Failed(err, time.Now())
					}
					return
				}
				log.Printf("%s reloaded %s", stamp, msg)
			},
			OnReload: func(rt *Router, c Change) {
				if insp != nil {
					insp.Loaded(rt, c, time.Now())
				}
				afterLoad(rt)
			},
		}
		// Watch before saying we are ready, so that no save after that goes unseen.
		if err := rl.Start(); err != nil {
			ln.Close()
			return fmt.Errorf("cannot watch %s for changes (run with --no-watch to serve without reloading): %w", cfg.File, err)
		}
	}
	printBanner(cfg.Out, s, ln.Addr().(*net.TCPAddr), cfg.Host, !cfg.NoWatch)
	for _, n := range cfg.Notes {
		fmt.Fprintln(cfg.Out, n)
	}
	if len(s.Resources) > 0 && cfg.Options.Store != nil {
		fmt.Fprintf(cfg.Out, "records: %s (POST %s or --reset restores the seeds)\n", StatePath(s), ResetPath)
		for _, c := range changes {
			fmt.Fprintln(cfg.Out, "  "+c)
		}
	}
	if insp != nil {
		fmt.Fprintf(cfg.Out, "inspector: http://localhost:%d%s (open it on this machine)\n", ln.Addr().(*net.TCPAddr).Port, InspectorPath)
	}
	afterLoad(rt)
	if cfg.Ready != nil {
		cfg.Ready(ln.Addr().String())
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchDone := make(chan error, 1)
	if rl != nil {
		go func() { watchDone <- rl.Run(ctx) }()
	} else {
		close(watchDone)
	}

	serveErr := make(chan error, 1)
	sl := contract.StrictListener(ln)
	hs.RegisterOnShutdown(sl.CloseFresh) // so Ctrl-C stops an idle server at once
	go func() { serveErr <- hs.Serve(sl) }()
	select {
	case err := <-serveErr:
		return err
	case <-ctx.Done():
	}
	log.Printf("%s shutting down", time.Now().Format("15:04:05.000"))
	shutdownCtx, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	err = hs.Shutdown(shutdownCtx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = hs.Close()
	}
	cancel()
	<-watchDone
	return err
}

// The banner lists every endpoint of a spec of up to bannerMax, else the first
// bannerShown.
const bannerMax, bannerShown = 40, 20

func printBanner(w io.Writer, s *spec.Spec, addr *net.TCPAddr, host string, watching bool) {
	noun := "endpoints"
	if len(s.Endpoints) == 1 {
		noun = "endpoint"
	}
	fmt.Fprintf(w, "bb serving %s: %d %s from %s\n", s.Name, len(s.Endpoints), noun, s.File)
	// A large spec is summarized: its first endpoints, then how many more.
	shown := s.Endpoints
	if len(shown) > bannerMax {
		shown = shown[:bannerShown]
	}
	width := 0
	for _, e := range shown {
		width = max(width, len(e.Method)+1+len(e.Path))
	}
	for _, e := range shown {
		fmt.Fprintf(w, "  %-*s  %s\n", width, e.Method+" "+e.Path, e.Name)
	}
	if more := len(s.Endpoints) - len(shown); more > 0 {
		fmt.Fprintf(w, "  … and %d more; bb check %s lists them all\n", more, s.File)
	}
	port := addr.Port
	if ip := addr.IP; ip.IsUnspecified() {
		fmt.Fprintf(w, "listening on http://localhost:%d\n", port)
		lan := LANAddresses()
		if len(lan) == 0 {
			fmt.Fprintln(w, "no LAN address found; is this machine on a network?")
		}
		for _, ip := range lan {
			fmt.Fprintf(w, "  on your phone (same Wi-Fi): http://%s\n", net.JoinHostPort(ip, strconv.Itoa(port)))
		}
	} else {
		fmt.Fprintf(w, "listening on http://%s\n", net.JoinHostPort(hostForURL(host, ip), strconv.Itoa(port)))
	}
	if watching {
		fmt.Fprintf(w, "watching %s for changes; press Ctrl-C to stop\n", s.File)
	}
}

func hostForURL(host string, ip net.IP) string {
	if host == "" || host == "localhost" {
		return ip.String()
	}
	return host
}

// LANAddresses lists this machine's non-loopback IPv4 addresses: where a phone on the
// same network can reach a server bound to 0.0.0.0.
func LANAddresses() []string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var out []string
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLinkLocalUnicast() {
				out = append(out, ipn.IP.String())
			}
		}
	}
	return out
}
