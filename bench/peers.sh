#!/usr/bin/env bash
# The README's bench table: every server answering the bench workload
# (bench/workload/bb.yaml), loaded with wrk one after the other on loopback, in one run:
#
#   bb serve     bb's stub server, with live reload and its request log (to /dev/null)
#   ejected      the server `bb eject` writes, built with go build, LOG_REQUESTS=all
#   bare         bench/bare: the same answers by hand with net/http, the floor
#   json-server  json-server (npm), GET only: it has no answers chosen by the body
#   Prism        @stoplight/prism-cli (npm) mocking bb's OpenAPI export of the workload
#   Mockoon      @mockoon/cli (npm) mocking the same OpenAPI document
#
# The npm packages are installed into a temporary folder (versions below, or
# JSON_SERVER, PRISM and MOCKOON). Each server is checked to answer both endpoints with
# JSON first. Prints a Markdown table of the median requests/s of each server on each
# endpoint and its ratio to bare, then the machine it ran on.
#
#   bench/peers.sh                       # 3 runs of 10s per server and endpoint
#   DURATION=5 RUNS=1 bench/peers.sh     # also THREADS, CONNS, WARMUP, PIN=1 (see serve.sh)
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
RUNS=${RUNS:-3}
JSON_SERVER=${JSON_SERVER:-json-server@0.17.4}
PRISM=${PRISM:-@stoplight/prism-cli@5.16.0}
MOCKOON=${MOCKOON:-@mockoon/cli@9.9.0}
HOST=127.0.0.1
REQ_BODY='{"user":"larry"}'
WANT_BODY='{"messages":["test1","test2"]}'

cd "$(dirname "$0")/.."
bench=$PWD/bench
source "$bench/lib.sh"
pin_cpus
need_wrk
for tool in node npm; do
	command -v $tool >/dev/null || { echo "peers.sh needs $tool (Node.js) for json-server, Prism and Mockoon" >&2; exit 1; }
done

tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "building bb, bare and the ejected server; installing $JSON_SERVER $PRISM $MOCKOON from npm"
go build -o "$tmp/bb" ./cmd/bb
go build -o "$tmp/bare" ./bench/bare
"$tmp/bb" eject bench/workload --out "$tmp/ejected" --no-build >/dev/null
(cd "$tmp/ejected" && go build -o "$tmp/server" ./cmd/server)
mkdir "$tmp/npm" "$tmp/spec"
npm install --prefix "$tmp/npm" --no-audit --no-fund --loglevel=error "$JSON_SERVER" "$PRISM" "$MOCKOON" >/dev/null
npx=$tmp/npm/node_modules/.bin
cp bench/workload/bb.yaml "$tmp/spec/"
"$tmp/bb" gen openapi bench/workload --openapi 3.0 --out "$tmp/openapi.json" >/dev/null
echo "$WANT_BODY" >"$tmp/db.json"
echo '{"/api/messages": "/db"}' >"$tmp/routes.json"

names=() ports=() serverpids=()
# start NAME PORT CMD... starts a server listening on PORT and waits until it answers.
start() {
	local name=$1 port=$2
	shift 2
	(cd "$tmp" && exec "${on_server[@]}" "$@" >/dev/null 2>&1) &
	pids+=($!)
	names+=("$name") ports+=("$port") serverpids+=($!)
	check_answer "http://$HOST:$port/api/messages" "$name" -
	[ "$name" = json-server ] || check_answer "http://$HOST:$port/api/get_messages" "$name" - "$REQ_BODY"
}
p=$(free_port)
start "bb serve" "$p" "$tmp/bb" serve "$tmp/spec" --host "$HOST" --port "$p"
p=$(free_port)
start ejected "$p" env PORT="$p" HOST="$HOST" LOG_REQUESTS=all "$tmp/server"
p=$(free_port)
start bare "$p" "$tmp/bare" -addr "$HOST:$p"
p=$(free_port)
start json-server "$p" "$npx/json-server" db.json --routes routes.json --host "$HOST" --port "$p" --quiet
p=$(free_port)
start Prism "$p" "$npx/prism" mock -h "$HOST" -p "$p" openapi.json
p=$(free_port)
start Mockoon "$p" "$npx/mockoon-cli" start -d openapi.json -l "$HOST" -p "$p" -X

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s, $RUNS runs per server and endpoint, alternated, after a ${WARMUP}s warm-up"
declare -A rps cpu
for ep in post get; do
	path=/api/messages script=
	[ $ep = post ] && path=/api/get_messages script=$bench/post.lua
	for k in "${!names[@]}"; do
		[ $ep = post ] && [ "${names[k]}" = json-server ] && continue
		load "http://$HOST:${ports[k]}$path" "$WARMUP" "${serverpids[k]}" "$script" >/dev/null || true
	done
	for i in $(seq 1 "$RUNS"); do
		for k in "${!names[@]}"; do
			name=${names[k]}
			[ $ep = post ] && [ "$name" = json-server ] && continue
			# The Node.js servers time out on some requests under this load: count them.
			ok=
			[ "$k" -ge 3 ] && ok=1
			if ! read -r r c < <(LOAD_ERRORS_OK=$ok load "http://$HOST:${ports[k]}$path" "$DURATION" "${serverpids[k]}" "$script"); then
				echo "$name failed on $ep" >&2
				continue
			fi
			rps[$name $ep]+="$r " cpu[$name $ep]+="$c "
			printf '%-4s run %d  %-12s %10s req/s  %8s µs CPU/req\n' "$ep" "$i" "$name" "$r" "$c"
		done
	done
done

cell() { # cell NAME EP prints the median req/s and the ratio to bare, or "—"
	local v=${rps[$1 $2]:-}
	if [ -z "$v" ]; then
		printf '| — | — '
		return
	fi
	local m b
	m=$(median $v)
	b=$(median ${rps[bare $2]})
	printf '| %s | %s× ' "$(awk -v m="$m" 'BEGIN {printf "%.0f", m}')" "$(awk -v a="$m" -v b="$b" 'BEGIN {printf "%.2f", a/b}')"
}
echo
echo "| server | POST req/s | vs bare | GET req/s | vs bare |"
echo "|---|--:|--:|--:|--:|"
for name in "${names[@]}"; do
	printf '| %s ' "$name"
	cell "$name" post
	cell "$name" get
	echo "|"
done
echo
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
echo "$(nproc) CPUs ($cpu_model), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg) at the end;" \
	"$(go version | cut -d' ' -f3), node $(node --version), ${JSON_SERVER}, ${PRISM}, ${MOCKOON};" \
	"wrk -t$THREADS -c$CONNS, $RUNS × ${DURATION}s per cell, median; $(date -u +%Y-%m-%d)."
