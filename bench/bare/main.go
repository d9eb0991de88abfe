// Command bare is the floor bb serve and the ejected server are measured against: a
// plain net/http server that answers the bench workload (bench/workload/bb.yaml: the
// messages example's POST and a static GET) the way a hand-written backend would. It
// reads and parses the same JSON body and writes the same bytes with the same
// Content-Type as `bb serve`, and nothing more: no CORS headers, no request log, no live
// reload, no checks of the request against the spec.
//
//	go run ./bench/bare -addr 127.0.0.1:4001
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

var (
	found    = []byte(`{"messages":["test1","test2"]}`)
	notFound = []byte(`{"error":"no user found"}`)
)

func getMessages(w http.ResponseWriter, r *http.Request) {
	var in struct {
		User string `json:"user"`
	}
	// The same 1 MiB limit bb applies by default.
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
	if err == nil {
		err = json.Unmarshal(data, &in)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if in.User == "larry" {
		w.Write(found)
		return
	}
	w.WriteHeader(http.StatusNotFound)
	w.Write(notFound)
}

func listMessages(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(found)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:4001", "address to listen on (port 0 picks a free one)")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stdout, "listening on http://%s\n", ln.Addr())
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/get_messages", getMessages)
	mux.HandleFunc("GET /api/messages", listMessages)
	// The same server timeouts as bb serve, so both servers run the same connection code.
	srv := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      11 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    1 << 20,
	}
	log.Fatal(srv.Serve(ln))
}
