#!/usr/bin/env bash
# Profiles one endpoint of the side-by-side benchmark server with JDK Flight Recorder: starts the server with
# JFR on, loads the endpoint with wrk, and prints the hottest methods (top frames and, separately, frames inside
# dev.flaskj) and the classes allocated most.
#
#   bash scripts/bench-profile.sh flaskj json        # context (raw|spring|flaskj) and endpoint
#
# Run scripts/bench.sh once first (it builds the server). Knobs: BENCH_PORT (18089), PROFILE_SECONDS (15), TOP (25).
set -euo pipefail
cd "$(dirname "$0")/.."
CTX=${1:?context: raw, spring or flaskj}
EP=${2:?endpoint: hello, user/alice, json, page, page-direct or session}
PORT=${BENCH_PORT:-18089}
SECONDS_=${PROFILE_SECONDS:-15}
TOP=${TOP:-25}
OUT=src-it/target/bench
JFR="$OUT/profile-$CTX-${EP//\//_}.jfr"
mkdir -p "$OUT"
[ -f src-it/target/bench.classpath ] || { echo "run scripts/bench.sh first (it builds the server)" >&2; exit 2; }

SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
}
trap stop_server EXIT INT TERM

java -Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss512k \
    -cp "src-it/target/classes:$(cat src-it/target/bench.classpath)" dev.flaskj.bench.BenchServer "$PORT" \
    >"$OUT/profile-server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do grep -q '^READY' "$OUT/profile-server.log" && break; sleep 0.5; done
grep -q '^READY' "$OUT/profile-server.log" || { echo "the server did not start" >&2; exit 1; }

HDR=()
if [ "$EP" = session ]; then
    COOKIE=$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/raw/session" | tr -d '\r' \
        | sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\);.*/\1/p' | head -1)
    HDR=(-H "Cookie: session=$COOKIE")
fi
URL="http://127.0.0.1:$PORT/$CTX/$EP"
wrk -t2 -c32 -d5s "${HDR[@]}" "$URL" >/dev/null
jcmd "$SERVER_PID" JFR.start name=bench settings=profile filename="$(pwd)/$JFR" >/dev/null
wrk -t2 -c32 -d"${SECONDS_}s" "${HDR[@]}" "$URL" | grep -E 'Requests/sec'
jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null
stop_server

echo "== top frames (self time), $URL"
jfr print --events jdk.ExecutionSample --stack-depth 1 "$JFR" \
    | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); n[$0]++; t++ }
           END { for (k in n) printf "%6.2f%%  %s\n", 100 * n[k] / t, k }' | sort -rn | head -"$TOP"
echo "== samples with a dev.flaskj frame on the stack (inclusive), by the innermost dev.flaskj method"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR" \
    | awk '/stackTrace = \[/ { inside = 1; found = ""; t++; next }
           inside && /^[ \t]*\]/ { inside = 0; if (found != "") n[found]++; next }
           inside && found == "" && /dev\.flaskj\./ && !/dev\.flaskj\.bench\./ {
               f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); found = f }
           END { for (k in n) printf "%6.2f%%  %s\n", 100 * n[k] / t, k }' | sort -rn | head -"$TOP"
echo "== allocation (sampled weight) by class"
jfr print --events jdk.ObjectAllocationSample --stack-depth 1 "$JFR" \
    | awk '/objectClass = / { c = $3 } /weight = / { w = $3; u = $4; m = (u ~ /^kB/) ? 1e3 : (u ~ /^MB/) ? 1e6 : (u ~ /^GB/) ? 1e9 : 1; a[c] += w * m; t += w * m }
           END { for (k in a) printf "%6.2f%%  %s\n", 100 * a[k] / t, k }' | sort -rn | head -"$TOP"
echo "(recording: $JFR)"
