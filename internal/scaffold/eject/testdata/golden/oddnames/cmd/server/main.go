// Command server is the OddNames backend, ejected from bb.yaml by bb. It is yours: bb
// never touches this file again.
//
// Settings come from the environment: PORT (default 4000, the port bb serve uses, so
// the app needs no change), HOST (default 127.0.0.1, this machine only; 0.0.0.0 for every
// interface, as in the Dockerfile), CORS_ORIGINS (default none: web pages
// of other origins may not call it; * allows all), LOG_REQUESTS (all, errors or off;
// default all), DATABASE_URL
// (default sqlite:data.db; a postgres:// URL uses PostgreSQL), and the database pool's
// DB_MAX_CONNS, DB_MAX_IDLE_CONNS, DB_CONN_MAX_LIFETIME and DB_CONN_MAX_IDLE_TIME (see
// store.Pool).
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"oddnames/internal/api"
	"oddnames/internal/contract"
	"oddnames/internal/handlers"
	"oddnames/internal/store"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	slog.SetDefault(log)
	if err := run(log); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pool, err := store.PoolFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	st, err := store.OpenPool(ctx, os.Getenv("DATABASE_URL"), pool)
	if err != nil {
		return err
	}
	defer st.Close()

	// How the handlers that still give bb.yaml's stub answers play them: STUB_SCENARIO
	// answers every request as that scenario (a request's X-BB-Scenario header wins),
	// STUB_FAULTS=on lets responses with a fault or a chance answer (never by default),
	// STUB_SEED pins their random choices.
	stubs, err := contract.PlayFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	mux := api.NewServer(handlers.New(st), api.Options{
		MaxBodyBytes: 1 << 20, // requests with a larger body get 413
		Stubs:        stubs,
	})
	// The health check shares the API's router, so a request costs one route lookup.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := st.Ping(r.Context()); err != nil {
			api.WriteError(w, http.StatusServiceUnavailable, "database unreachable")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"ok"}`))
	})

	port := os.Getenv("PORT")
	if port == "" {
		port = "4000"
	}
	host := os.Getenv("HOST")
	if host == "" {
		host = "127.0.0.1"
	}
	// One JSON line per request: LOG_REQUESTS=all (the default), errors (status 400 and
	// above) or off. The lines are written together, at most 100 ms late, so a busy
	// server makes one write for many requests.
	logs := contract.NewLogBuffer(os.Stderr)
	defer logs.Close()
	requests, err := contract.NewRequestLog(logs, os.Getenv("LOG_REQUESTS"))
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              net.JoinHostPort(host, port),
		Handler:           requests.Handler(api.CORS(os.Getenv("CORS_ORIGINS"), mux)),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return fmt.Errorf("port %s is in use, perhaps by bb serve: stop it, or run with PORT=<another port>", port)
	}
	if err != nil {
		return err
	}
	// StrictListener refuses, with 400, a request framed both by Content-Length and by
	// Transfer-Encoding, and closes its connection, which net/http alone keeps open.
	sl := contract.StrictListener(ln)
	srv.RegisterOnShutdown(sl.CloseFresh) // so Ctrl-C stops an idle server at once
	log.Info("listening", "addr", "http://"+ln.Addr().String(), "database", st.Dialect())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(sl) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	stop() // a second signal ends the process at once
	log.Info("shutting down")
	// The signal's context is done, so shutdown gets a fresh one: finish what is in
	// flight, within bounds.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
