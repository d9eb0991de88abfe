// Command server is the Inventory backend, ejected from bb.yaml by bb. It is yours: bb
// never touches this file again.
//
// Settings come from the environment: PORT (default 4000), HOST (default every
// interface; 127.0.0.1 keeps it on this machine), CORS_ORIGINS (default none: web pages
// of other origins may not call it; * allows all), DATABASE_URL (default sqlite:data.db;
// a postgres:// URL uses PostgreSQL), and the database pool's DB_MAX_CONNS,
// DB_MAX_IDLE_CONNS, DB_CONN_MAX_LIFETIME and DB_CONN_MAX_IDLE_TIME (see store.Pool).
package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"inventory/internal/api"
	"inventory/internal/contract"
	"inventory/internal/handlers"
	"inventory/internal/store"
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

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := st.Ping(r.Context()); err != nil {
			api.WriteError(w, http.StatusServiceUnavailable, "database unreachable")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"ok"}`))
	})
	mux.Handle("/", api.NewServer(handlers.New(st), api.Options{
		MaxBodyBytes: 1 << 20, // requests with a larger body get 413
	}))

	port := os.Getenv("PORT")
	if port == "" {
		port = "4000"
	}
	srv := &http.Server{
		Addr:              net.JoinHostPort(os.Getenv("HOST"), port),
		Handler:           api.LogRequests(log, api.CORS(os.Getenv("CORS_ORIGINS"), mux)),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		return err
	}
	errc := make(chan error, 1)
	go func() {
		log.Info("listening", "addr", srv.Addr, "database", st.Dialect())
		// StrictListener refuses, with 400, a request framed both by Content-Length and
		// by Transfer-Encoding, and closes its connection, which net/http alone keeps open.
		errc <- srv.Serve(contract.StrictListener(ln))
	}()
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
