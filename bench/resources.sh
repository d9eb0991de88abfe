#!/usr/bin/env bash
# Load test of a resource of 10,000 records: a page of the list (filtered, sorted) and a
# create, on `bb serve` (its .bb/state.db) and on the server `bb eject` writes (SQLite),
# one after the other under the same wrk load on loopback. Prints requests/s and the p99
# latency of each. Each server starts from the 10,000 seed records; creates add to them.
#
#   bench/resources.sh                       # 10s per run, after a 3s warm-up
#   RECORDS=1000 DURATION=5 bench/resources.sh   # also THREADS, CONNS, WARMUP
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-16}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
RECORDS=${RECORDS:-10000}
HOST=127.0.0.1
LIST='/api/messages?user=user7&_sort=-sent_at&_limit=20&_page=2'

cd "$(dirname "$0")/.."
bench=$PWD/bench
source "$bench/lib.sh"
on_client=()
need_wrk

tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

mkdir "$tmp/spec"
{
	printf 'version: 1\nname: Chat\nresources:\n  messages:\n    path: /api/messages\n    seed:\n'
	awk -v n="$RECORDS" 'BEGIN { for (i = 1; i <= n; i++) printf "      - {id: %d, user: user%d, text: message %d, sent_at: \"2026-11-30T10:%02d:%02dZ\", read: %s}\n", i, i % 50, i, int(i / 60) % 60, i % 60, (i % 3 == 0 ? "true" : "false") }'
} >"$tmp/spec/bb.yaml"

echo "building bb, ejecting a resource of $RECORDS records and building its server"
go build -o "$tmp/bb" ./cmd/bb
"$tmp/bb" eject "$tmp/spec" --out "$tmp/ejected" --store sqlite --no-build >/dev/null
(cd "$tmp/ejected" && go build -o "$tmp/server" ./cmd/server)

# load_p99 runs wrk on URL $1 for $2 seconds (with script $3, if any) and prints its
# requests/s and p99 latency.
load_p99() {
	local args=(-t"$THREADS" -c"$CONNS" -d"$2s" --timeout 5s --latency)
	[ -n "${3:-}" ] && args+=(-s "$3")
	local out
	out=$(timeout $(($2 + 30)) wrk "${args[@]}" "$1")
	if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
		echo "$out" >&2
		echo "wrk saw errors" >&2
		return 1
	fi
	awk '/^Requests\/sec:/ {rps = $2} $1 == "99%" {p99 = $2} END {printf "%10s req/s  p99 %s\n", rps, p99}' <<<"$out"
}

bb_port=$(free_port)
"$tmp/bb" serve "$tmp/spec" --host "$HOST" --port "$bb_port" --log off --no-inspector --no-watch >/dev/null 2>&1 &
pids+=($!)
ej_port=$(free_port)
(cd "$tmp/ejected" && PORT=$ej_port HOST=$HOST LOG_REQUESTS=off DATABASE_URL="sqlite:$tmp/ejected.db" exec "$tmp/server") >/dev/null 2>&1 &
pids+=($!)
check_answer "http://$HOST:$bb_port$LIST" "bb serve" -
check_answer "http://$HOST:$ej_port$LIST" ejected -
a=$(curl -fsS "http://$HOST:$bb_port$LIST")
b=$(curl -fsS "http://$HOST:$ej_port$LIST")
if [ "$a" != "$b" ]; then
	echo "the two servers answer the list differently:" >&2
	echo "bb serve: $a" >&2
	echo "ejected:  $b" >&2
	exit 1
fi

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s --latency, after a ${WARMUP}s warm-up, $RECORDS records"
for s in "$bb_port bb-serve" "$ej_port ejected"; do
	set -- $s
	load_p99 "http://$HOST:$1$LIST" "$WARMUP" >/dev/null
	printf 'list    %-9s %s\n' "$2" "$(load_p99 "http://$HOST:$1$LIST" "$DURATION")"
	printf 'create  %-9s %s\n' "$2" "$(load_p99 "http://$HOST:$1/api/messages" "$DURATION" "$bench/resources/create.lua")"
done
