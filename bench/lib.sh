# Shared by the bench scripts (sourced, not run): wrk, free ports, checking an answer,
# one wrk round with the server's CPU time, medians. They expect HOST, THREADS, CONNS,
# tmp (a scratch folder) and the arrays on_server and on_client (taskset prefixes, empty
# unless PIN=1) to be set.

# pin_cpus sets on_server and on_client: with PIN=1 each server gets CPU 0 to itself (so
# GOMAXPROCS=1) and wrk runs on CPU 1, so the figures measure the server rather than how
# the scheduler shares two cores.
pin_cpus() {
	on_server=()
	on_client=()
	if [ "${PIN:-0}" = 1 ]; then
		on_server=(taskset -c 0)
		on_client=(taskset -c 1)
		THREADS=1
	fi
}

# need_wrk installs wrk with apt-get when it is missing.
need_wrk() {
	command -v wrk >/dev/null && return 0
	local sudo=
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	echo "installing wrk with apt-get" >&2
	$sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
}

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

# check_answer URL NAME WANT [BODY] waits until NAME answers URL (a POST of BODY when
# given, else a GET), then checks it sends WANT as application/json, so every server is
# known to do the same job. WANT "-" accepts any JSON answer with status 200.
check_answer() {
	local url=$1 name=$2 want=$3 body ctype args=(-H 'Content-Type: application/json')
	[ $# -ge 4 ] && args+=(-d "$4")
	for _ in $(seq 1 600); do
		if body=$(curl -fsS --max-time 2 -o - -D "$tmp/headers" "${args[@]}" "$url" 2>/dev/null); then
			ctype=$(grep -i '^content-type:' "$tmp/headers" | tr -d '\r' | cut -d' ' -f2- | cut -d';' -f1)
			if { [ "$want" != - ] && [ "$body" != "$want" ]; } || [ "$ctype" != application/json ]; then
				echo "$name answered $ctype $body, want application/json $want" >&2
				return 1
			fi
			return 0
		fi
		sleep 0.05
	done
	echo "$name did not answer on $url" >&2
	return 1
}

# cpu_ticks prints the user+system CPU time process $1 has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# load URL SECONDS PID [SCRIPT] runs wrk against URL for SECONDS (with the wrk Lua
# SCRIPT, when given) and prints its requests/s and the CPU time server PID (and its
# children) spent per request, in microseconds. The CPU figure holds up better than
# requests/s when something else is busy on the machine.
load() {
	local out before after script=()
	[ -n "${4:-}" ] && script=(-s "$4")
	before=$(tree_ticks "$3")
	out=$(timeout $(($2 + 30)) "${on_client[@]}" wrk -t"$THREADS" -c"$CONNS" -d"$2s" --timeout 2s "${script[@]}" "$1")
	after=$(tree_ticks "$3")
	if grep -qE 'Non-2xx|Socket errors' <<<"$out"; then
		echo "$out" >&2
		if [ -z "${LOAD_ERRORS_OK:-}" ]; then
			echo "wrk saw errors" >&2
			return 1
		fi
		echo "wrk saw errors; the run counts, as LOAD_ERRORS_OK is set" >&2
	fi
	awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
		/ requests in / {n = $1}
		/^Requests\/sec:/ {rps = $2}
		END {printf "%s %.1f\n", rps, ticks / hz * 1e6 / n}' <<<"$out"
}

# tree_ticks is cpu_ticks of process $1 and of its children (a server started through
# npx or node runs as one).
tree_ticks() {
	local sum=0 p
	for p in $1 $(pgrep -P "$1" 2>/dev/null); do
		[ -r "/proc/$p/stat" ] && sum=$((sum + $(cpu_ticks "$p")))
	done
	echo "$sum"
}

# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# ratio A B prints A/B with three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }

# below R MIN succeeds when R < MIN.
below() { awk -v r="$1" -v m="$2" 'BEGIN {exit !(r < m)}'; }
