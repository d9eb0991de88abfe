#!/usr/bin/env bash
# Load test: the server `bb eject` writes for bench/workload against bench/bare, the same
# two endpoints answered by plain net/http, under the same wrk load on loopback, one after
# the other: POST /api/get_messages (a JSON body, matched on body.user) and GET
# /api/messages (a static answer). Prints the median requests/s of each server on each
# endpoint and their ratios; exits 1 when the ejected server serves fewer than MIN_RATIO
# (0.90) of bare's requests per second on either.
#
#   bench/eject.sh                       # 3 runs of 10s each, alternated, after a warm-up
#   LOG=off bench/eject.sh               # the ejected server's LOG_REQUESTS (default all)
#   PIN=1 bench/eject.sh                 # server on CPU 0, wrk on CPU 1 (taskset)
#   DURATION=5 RUNS=5 bench/eject.sh     # also THREADS, CONNS, WARMUP, MIN_RATIO
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
RUNS=${RUNS:-3}
MIN_RATIO=${MIN_RATIO:-0.90}
LOG=${LOG:-all}
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

echo "building bb and bare, ejecting bench/workload and building its server"
go build -o "$tmp/bb" ./cmd/bb
go build -o "$tmp/bare" ./bench/bare
"$tmp/bb" eject bench/workload --out "$tmp/ejected" --no-build >/dev/null
(cd "$tmp/ejected" && go build -o "$tmp/server" ./cmd/server)

ej_port=$(free_port)
PORT=$ej_port HOST=$HOST LOG_REQUESTS=$LOG "${on_server[@]}" "$tmp/server" >/dev/null 2>&1 &
ej_pid=$!
pids+=("$ej_pid")
bare_port=$(free_port)
"${on_server[@]}" "$tmp/bare" -addr "$HOST:$bare_port" >/dev/null 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
for s in "$ej_port ejected" "$bare_port bare"; do
	set -- $s
	check_answer "http://$HOST:$1/api/get_messages" "$2" "$WANT_BODY" "$REQ_BODY"
	check_answer "http://$HOST:$1/api/messages" "$2" "$WANT_BODY"
done

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s, $RUNS runs each, alternated, after a ${WARMUP}s warm-up; LOG_REQUESTS=$LOG"
declare -A rps cpu
status=0
for ep in post get; do
	path=/api/messages script=
	[ $ep = post ] && path=/api/get_messages script=$bench/post.lua
	load "http://$HOST:$ej_port$path" "$WARMUP" "$ej_pid" "$script" >/dev/null
	load "http://$HOST:$bare_port$path" "$WARMUP" "$bare_pid" "$script" >/dev/null
	for i in $(seq 1 "$RUNS"); do
		for s in "$ej_port $ej_pid ejected" "$bare_port $bare_pid bare"; do
			set -- $s
			read -r r c < <(load "http://$HOST:$1$path" "$DURATION" "$2" "$script")
			rps[$3 $ep]+="$r " cpu[$3 $ep]+="$c "
			printf '%-4s run %d  %-8s %10s req/s  %6s µs CPU/req\n' "$ep" "$i" "$3" "$r" "$c"
		done
	done
	ej=$(median ${rps[ejected $ep]}) bare=$(median ${rps[bare $ep]})
	r=$(ratio "$ej" "$bare")
	cr=$(ratio "$(median ${cpu[bare $ep]})" "$(median ${cpu[ejected $ep]})")
	echo "$ep median ejected $ej req/s ($(median ${cpu[ejected $ep]}) µs CPU/req), bare $bare req/s ($(median ${cpu[bare $ep]}) µs CPU/req)"
	echo "$ep ratio ejected/bare $r req/s (goal >= $MIN_RATIO); CPU per request bare/ejected $cr"
	if below "$r" "$MIN_RATIO"; then
		echo "FAIL: on $ep the ejected server serves less than $MIN_RATIO of bare's requests per second" >&2
		status=1
	fi
done
[ $status = 0 ] && echo ok
exit $status
