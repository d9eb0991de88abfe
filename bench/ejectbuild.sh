#!/usr/bin/env bash
# Build time of an ejected project: ejects a spec of N endpoints (default 1,000, of the
# kinds internal/spec's BenchmarkParse loads: path parameters, request bodies, conditions,
# nested answers, an error fallback), then times `go build ./...` in it three ways, each
# with the module cache as it is:
#
#   cold      an empty GOCACHE: the standard library is compiled too
#   project   a GOCACHE holding only what bench/bare needs (net/http and the rest of the
#             standard library the project uses): the project's own packages, as after
#             a first `bb eject` on a machine that has built any Go server before
#   rebuild   after one handler file changed
#
# and prints each time (wall clock and CPU) and the compiler's peak memory.
#
#   bench/ejectbuild.sh            # 1,000 endpoints
#   N=200 bench/ejectbuild.sh
set -euo pipefail

N=${N:-1000}

cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

go build -o "$tmp/bb" ./cmd/bb
mkdir "$tmp/spec"
{
	printf 'version: 1\nname: Big\nendpoints:\n'
	methods=(GET POST PUT DELETE)
	for ((i = 0; i < N; i++)); do
		m=${methods[i % 4]}
		printf '  op%d:\n    method: %s\n    path: /api/r%d/{id}\n' "$i" "$m" "$i"
		if [ "$m" = POST ] || [ "$m" = PUT ]; then
			printf '    request:\n      body: {name: item%d, qty: %d, tags: [a, b]}\n' "$i" $((i % 7))
		fi
		printf '    responses:\n      - when: {path.id: 1}\n        body: {id: 1, name: item%d, price: 9.5, tags: [x], owner: {id: 7, name: ann}}\n      - status: 404\n        body: {error: not found}\n' "$i"
	done
} >"$tmp/spec/bb.yaml"
"$tmp/bb" eject "$tmp/spec" --out "$tmp/server" --no-build >/dev/null
gen=$(cat "$tmp/server"/internal/api/*.go "$tmp/server"/internal/api/stubs/*.go | wc -c)
echo "$N endpoints: $(find "$tmp/server" -name '*.go' | wc -l) Go files, $((gen / 1024)) KiB generated in internal/api"

# timed LABEL CMD... runs CMD in the project and prints its wall clock, CPU time and
# peak memory (of the largest process: the compiler).
timed() {
	local label=$1
	shift
	(cd "$tmp/server" && /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null)
	read -r wall user sys kb <"$tmp/time"
	awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" \
		'BEGIN {printf "%-8s %6.1f s wall  %6.1f s CPU  %5d MiB peak\n", l, w, u + s, k / 1024}'
}

echo "on $(nproc) CPUs, $(go version | cut -d' ' -f3), load $(cut -d' ' -f1-3 /proc/loadavg)"
export GOCACHE=$tmp/cache-cold
timed cold go build ./...
export GOCACHE=$tmp/cache-project
go build -o /dev/null ./bench/bare
timed project go build ./...
echo "// edited" >>"$tmp/server/internal/handlers/op1.go"
timed rebuild go build ./...
