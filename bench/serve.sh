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
PIN=${PIN:-0}
HOST=127.0.0.1
REQ_BODY='{"user":"larry"}'
WANT_BODY='{"messages":["test1","test2"]}'

cd "$(dirname "$0")/.."
bench=$PWD/bench

# With PIN=1 each server gets CPU 0 to itself (so GOMAXPROCS=1) and wrk runs on CPU 1,
# so the figures measure the server rather than how the scheduler shares two cores.
on_server=()
on_client=()
if [ "$PIN" = 1 ]; then
	on_server=(taskset -c 0)
	on_client=(taskset -c 1)
	THREADS=1
fi

if ! command -v wrk >/dev/null; then
	sudo=
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	echo "installing wrk with apt-get" >&2
	$sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
fi

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

# free_port prints a loopback port nothing listens on, below Linux's ephemeral range.
free_port() {
	local p
	for _ in $(seq 1 100); do
		p=$((20000 + RANDOM % 10000))
		if ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	echo "no free port found" >&2
	return 1
}

# check_answer waits until the server on port $1 answers, then checks it sends the
# expected bytes and Content-Type, so both servers are known to do the same job.
check_answer() {
	local url="http://$HOST:$1/api/get_messages" body ctype
	for _ in $(seq 1 100); do
		if body=$(curl -fsS --max-time 2 -o - -D "$tmp/headers" -H 'Content-Type: application/json' -d "$REQ_BODY" "$url" 2>/dev/null); then
			ctype=$(grep -i '^content-type:' "$tmp/headers" | tr -d '\r' | cut -d' ' -f2-)
			if [ "$body" != "$WANT_BODY" ] || [ "$ctype" != application/json ]; then
				echo "$2 answered $ctype $body, want application/json $WANT_BODY" >&2
				return 1
			fi
			return 0
		fi
		sleep 0.05
	done
	echo "$2 did not answer on $url" >&2
	return 1
}

# cpu_ticks prints the user+system CPU time process $1 has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# load runs wrk against port $1 for $2 seconds and prints its requests/s and the CPU
# time server $3 spent per request, in microseconds. The CPU figure holds up better than
# requests/s when something else is busy on the machine.
load() {
	local out before after
	before=$(cpu_ticks "$3")
	out=$(timeout $(($2 + 30)) "${on_client[@]}" wrk -t"$THREADS" -c"$CONNS" -d"$2s" --timeout 2s -s "$bench/post.lua" "http://$HOST:$1/api/get_messages")
	after=$(cpu_ticks "$3")
	if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
		echo "$out" >&2
		echo "wrk saw errors" >&2
		return 1
	fi
	awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
		/ requests in / {n = $1}
		/^Requests\/sec:/ {rps = $2}
		END {printf "%s %.1f\n", rps, ticks / hz * 1e6 / n}' <<<"$out"
}

bb_port=$(free_port)
"${on_server[@]}" "$tmp/bb" serve "$tmp/messages" --host "$HOST" --port "$bb_port" >/dev/null 2>&1 &
bb_pid=$!
pids+=("$bb_pid")
check_answer "$bb_port" "bb serve"
bare_port=$(free_port)
"${on_server[@]}" "$tmp/bare" -addr "$HOST:$bare_port" >/dev/null 2>&1 &
bare_pid=$!
pids+=("$bare_pid")
check_answer "$bare_port" bare

echo "wrk -t$THREADS -c$CONNS -d${DURATION}s -s bench/post.lua, $RUNS runs each, alternated, after a ${WARMUP}s warm-up"
load "$bb_port" "$WARMUP" "$bb_pid" >/dev/null
load "$bare_port" "$WARMUP" "$bare_pid" >/dev/null
bb_rps=() bb_cpu=() bare_rps=() bare_cpu=()
for i in $(seq 1 "$RUNS"); do
	read -r rps cpu < <(load "$bb_port" "$DURATION" "$bb_pid")
	bb_rps+=("$rps") bb_cpu+=("$cpu")
	printf 'run %d  bb   %10s req/s  %6s µs CPU/req\n' "$i" "$rps" "$cpu"
	read -r rps cpu < <(load "$bare_port" "$DURATION" "$bare_pid")
	bare_rps+=("$rps") bare_cpu+=("$cpu")
	printf 'run %d  bare %10s req/s  %6s µs CPU/req\n' "$i" "$rps" "$cpu"
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
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
