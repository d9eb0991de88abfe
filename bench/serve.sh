#!/usr/bin/env bash
# Load test: `bb serve` on the messages example against bench/bare, the same request
# answered by plain net/http, one after the other under the same wrk load on loopback.
# Prints the median requests/s of each and their ratio; exits 1 when bb serves fewer than
# MIN_RATIO (0.90) of bare's requests per second.
#
#   bench/serve.sh                       # 3 runs of 10s each, alternated, after a warm-up
#   DURATION=5 RUNS=5 bench/serve.sh     # tune with THREADS, CONNS, DURATION, WARMUP, RUNS, MIN_RATIO
#   PIN=1 bench/serve.sh                 # server on CPU 0, wrk on CPU 1 (taskset): steadier figures
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
RUNS=${RUNS:-3}
MIN_RATIO=${MIN_RATIO:-0.90}
HOST=127.0.0.1
REQ_BODY='{"user":"larry"}'
WANT_BODY='{"messages":["test1","test2"]}'

cd "$(dirname "$0")/.."
bench=$PWD/bench
source "$bench/lib.sh"
pin_cpus
need_wrk

tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "building bb and bare"
go build -o "$tmp/bb" ./cmd/bb
go build -o "$tmp/bare" ./bench/bare
mkdir "$tmp/messages"
cp examples/messages/bb.yaml "$tmp/messages/"
url=/api/get_messages

bb_port=$(free_port)
"${on_server[@]}" "$tmp/bb" serve "$tmp/messages" --host "$HOST" --port "$bb_port" >/dev/null 2>&1 &
bb_pid=$!
pids+=("$bb_pid")
check_answer "http://$HOST:$bb_port$url" "bb serve" "$WANT_BODY" "$REQ_BODY"
bare_port=$(free_port)
"${on_server[@]}" "$tmp/bare" -addr "$HOST:$bare_port" >/dev/null 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
check_answer "http://$HOST:$bare_port$url" bare "$WANT_BODY" "$REQ_BODY"

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s -s bench/post.lua, $RUNS runs each, alternated, after a ${WARMUP}s warm-up"
load "http://$HOST:$bb_port$url" "$WARMUP" "$bb_pid" "$bench/post.lua" >/dev/null
load "http://$HOST:$bare_port$url" "$WARMUP" "$bare_pid" "$bench/post.lua" >/dev/null
bb_rps=() bb_cpu=() bare_rps=() bare_cpu=()
for i in $(seq 1 "$RUNS"); do
	read -r rps cpu < <(load "http://$HOST:$bb_port$url" "$DURATION" "$bb_pid" "$bench/post.lua")
	bb_rps+=("$rps") bb_cpu+=("$cpu")
	printf 'run %d  bb   %10s req/s  %6s µs CPU/req\n' "$i" "$rps" "$cpu"
	read -r rps cpu < <(load "http://$HOST:$bare_port$url" "$DURATION" "$bare_pid" "$bench/post.lua")
	bare_rps+=("$rps") bare_cpu+=("$cpu")
	printf 'run %d  bare %10s req/s  %6s µs CPU/req\n' "$i" "$rps" "$cpu"
done

bb_med=$(median "${bb_rps[@]}")
bare_med=$(median "${bare_rps[@]}")
ratio=$(awk -v a="$bb_med" -v b="$bare_med" 'BEGIN {printf "%.3f", a/b}')
cpu_ratio=$(awk -v a="$(median "${bare_cpu[@]}")" -v b="$(median "${bb_cpu[@]}")" 'BEGIN {printf "%.3f", a/b}')
echo "median bb   $bb_med req/s, $(median "${bb_cpu[@]}") µs CPU/req"
echo "median bare $bare_med req/s, $(median "${bare_cpu[@]}") µs CPU/req"
echo "ratio bb/bare $ratio req/s (goal >= $MIN_RATIO); CPU per request bare/bb $cpu_ratio"
if awk -v r="$ratio" -v m="$MIN_RATIO" 'BEGIN {exit !(r < m)}'; then
	echo "FAIL: bb serves less than $MIN_RATIO of bare's requests per second" >&2
	exit 1
fi
echo "ok"
