#!/usr/bin/env bash
# Side-by-side HTTP benchmark: plain servlets (/raw), Spring MVC (/spring) and flaskj (/flaskj) in ONE embedded
# Tomcat 11 on 127.0.0.1, measured in interleaved rounds (raw, spring, flaskj, raw, ...). The machine is shared
# and noisy: read the ratios, not the absolute numbers. Each ratio is the median of the per-round ratios, each
# taken from runs seconds apart, so slow drifts of the machine cancel; the context order rotates every round.
#
#   bash scripts/bench.sh            # build, check bodies, warm up, 12 rounds, print the table (about 4.5 minutes)
#
# Needs wrk (Debian: apt-get install -y wrk) and curl. Knobs (environment): BENCH_ROUNDS (12), BENCH_DURATION (1s),
# BENCH_WARMUP (1s, two passes), BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_PORT (18089), BENCH_SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${BENCH_ROUNDS:-12}
DURATION=${BENCH_DURATION:-1s}
WARMUP=${BENCH_WARMUP:-1s}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18089}
JVM_FLAGS=(-Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss512k)
BASE="http://127.0.0.1:${PORT}"
CONTEXTS=(raw spring flaskj)
ENDPOINTS=(hello user/alice json page session)
OUT=src-it/target/bench
START=$(date +%s)

for tool in wrk curl java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench: '$tool' is missing." >&2
        [ "$tool" = wrk ] && echo "Install it with: sudo apt-get install -y wrk   (Debian/Ubuntu package 'wrk')" >&2
        exit 2
    fi
done

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "== build: mvn -B -ntp -q -Pbench -pl src-it -am package -DskipTests"
    mvn -B -ntp -q -Pbench -pl src-it -am package -DskipTests
fi
mkdir -p "$OUT"
rm -f "$OUT"/results.tsv

SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
}
trap stop_server EXIT INT TERM

echo "== start: java ${JVM_FLAGS[*]} dev.flaskj.bench.BenchServer $PORT"
java "${JVM_FLAGS[@]}" -cp "src-it/target/classes:$(cat src-it/target/bench.classpath)" \
    dev.flaskj.bench.BenchServer "$PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
    grep -q '^READY' "$OUT/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench: the server died:" >&2; tail -30 "$OUT/server.log" >&2; exit 1; }
    sleep 0.5
done
grep -q '^READY' "$OUT/server.log" || { echo "bench: the server did not start in 60 s" >&2; exit 1; }

# ---------------------------------------------------------------- bodies first: every context answers the same
SESSION_COOKIE=$(curl -s -D - -o /dev/null "$BASE/raw/session" | tr -d '\r' \
    | sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\);.*/\1/p' | head -1)
fetch() { # context endpoint -> body with the context path replaced by /CTX, (trailing newlines dropped by $(...))
    local extra=()
    [ "$2" = session ] && extra=(-H "Cookie: session=$SESSION_COOKIE")
    curl -s -f "${extra[@]}" "$BASE/$1/$2" | sed "s#/$1/#/CTX/#g"
}
expect() { # endpoint, a string the raw body must contain
    case "$1" in
        hello) echo "Hello, World!" ;;
        user/alice) echo "User alice" ;;
        json) echo '{"active":true,"id":42,"name":"flaskj","tags":["a","b","c"]}' ;;
        page) echo "Hello, <span>&lt;World&gt;</span>!" ;;
        session) echo "count=2" ;;
    esac
}
ACTIVE=()
for ep in "${ENDPOINTS[@]}"; do
    ok=1
    ref=$(fetch raw "$ep" || true)
    if [ -z "$ref" ] || ! grep -qF -- "$(expect "$ep")" <<<"$ref"; then
        echo "bench: /raw/$ep answered unexpectedly: $(head -c 200 <<<"$ref")" >&2
        ok=0
    fi
    for ctx in spring flaskj; do
        body=$(fetch "$ctx" "$ep" || true)
        if [ "$body" != "$ref" ]; then
            echo "bench: /$ctx/$ep differs from /raw/$ep:" >&2
            diff <(echo "$ref") <(echo "$body") | head -10 >&2 || true
            ok=0
        fi
    done
    if [ "$ep" = page ] && [ "$(fetch flaskj page-direct)" != "$ref" ]; then
        echo "bench: /flaskj/page-direct differs from /raw/page" >&2
        ok=0
    fi
    if [ $ok = 1 ]; then
        ACTIVE+=("$ep")
    elif [ "$ep" = session ]; then
        echo "bench: skipping the session row (see above)" >&2
    else
        exit 1
    fi
done
echo "== bodies identical in all contexts for: ${ACTIVE[*]}"

targets() { # endpoint [round] -> the context/endpoint pairs measured for it, the order rotated by round
    local pairs=() n i
    for ctx in "${CONTEXTS[@]}"; do pairs+=("$ctx $1"); done
    [ "$1" = page ] && pairs+=("flaskj page-direct")
    n=${#pairs[@]}
    for i in $(seq 0 $((n - 1))); do echo "${pairs[$(( (i + ${2:-0}) % n ))]}"; done
}

TICKS=$(getconf CLK_TCK)
server_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; } # utime + stime, all threads

run_wrk() { # duration ctx endpoint -> "req/s p99-ms server-cpu-us-per-request"
    local hdr=() before
    [ "$3" = session ] && hdr=(-H "Cookie: session=$SESSION_COOKIE")
    before=$(server_cpu_ticks)
    wrk -t"$THREADS" -c"$CONNS" -d"$1" --latency "${hdr[@]}" "$BASE/$2/$3" | awk -v before="$before" \
            -v after_file="/proc/$SERVER_PID/stat" -v ticks="$TICKS" '
        /requests in/ { requests = $1 }
        /Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad = $NF }
        $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                      p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
        END { getline stat < after_file; split(stat, f, " "); cpu = (f[14] + f[15] - before) / ticks
              if (bad > 0) { print "ERROR", bad } else { printf "%s %.2f %.1f\n", rps, p99, 1e6 * cpu / requests } }'
}

# Two passes: the JIT needs several seconds of load per code path (Spring's most of all), and a second pass
# compiles what the first pass's later endpoints made polymorphic.
echo "== warm-up: 2 passes of $WARMUP per endpoint and context"
for pass in 1 2; do
    for ep in "${ACTIVE[@]}"; do
        while read -r ctx e; do run_wrk "$WARMUP" "$ctx" "$e" >/dev/null; done < <(targets "$ep" "$pass")
    done
done

echo "== $ROUNDS interleaved rounds: wrk -t$THREADS -c$CONNS -d$DURATION --latency"
for round in $(seq 1 "$ROUNDS"); do
    for ep in "${ACTIVE[@]}"; do
        while read -r ctx e; do
            read -r rps p99 cpu < <(run_wrk "$DURATION" "$ctx" "$e")
            if [ "$rps" = ERROR ]; then
                echo "bench: /$ctx/$e answered $p99 non-2xx responses" >&2
                exit 1
            fi
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "${e%%/*}" "$ctx" "$rps" "$p99" "$cpu" >>"$OUT/results.tsv"
            printf '   round %s  %-12s %-7s %10s req/s  p99 %7s ms  server CPU %6s us/req\n' \
                "$round" "${e%%/*}" "$ctx" "$rps" "$p99" "$cpu"
        done < <(targets "$ep" "$((round - 1))")
    done
done
stop_server

# ---------------------------------------------------------------- the table
echo
echo "flaskj side-by-side benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $ROUNDS rounds of wrk -t$THREADS -c$CONNS -d$DURATION"
echo "JVM: $(java -version 2>&1 | head -1), ${JVM_FLAGS[*]}; Tomcat 11, one server, three contexts"
echo "req/s, p99 and server CPU (the JVM's user + system time over the requests served): medians over the rounds;"
echo "ratios: medians of the per-round ratios (the context order rotates each round)"
echo
awk -F'\t' -v rounds="$ROUNDS" '
    function median(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { key = $2 SUBSEP $3; rps[key] = rps[key] " " $4; p99[key] = p99[key] " " $5; cpu[key] = cpu[key] " " $6
      r[$1, $2, $3] = $4
      if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
    END {
        printf "| endpoint | raw req/s | spring req/s | flaskj req/s | flaskj/raw | flaskj/spring | spring/raw | p99 ms raw / spring / flaskj | server CPU µs/req raw / spring / flaskj | per-round flaskj/raw | per-round flaskj/spring |\n"
        printf "|---|---:|---:|---:|---:|---:|---:|---|---|---|---|\n"
        for (i = 1; i <= n; i++) {
            ep = order[i]
            if (ep == "page-direct") continue
            raw = median(rps[ep, "raw"]); sp = median(rps[ep, "spring"]); fl = median(rps[ep, "flaskj"])
            pr = ""; ps = ""; fr = ""; fs = ""; sr = ""
            for (k = 1; k <= rounds; k++) {
                pr = pr (k > 1 ? " " : "") sprintf("%.2f", r[k, ep, "flaskj"] / r[k, ep, "raw"])
                ps = ps (k > 1 ? " " : "") sprintf("%.2f", r[k, ep, "flaskj"] / r[k, ep, "spring"])
                fr = fr " " r[k, ep, "flaskj"] / r[k, ep, "raw"]
                fs = fs " " r[k, ep, "flaskj"] / r[k, ep, "spring"]
                sr = sr " " r[k, ep, "spring"] / r[k, ep, "raw"]
            }
            printf "| %s | %.0f | %.0f | %.0f | **%.2f** | **%.2f** | %.2f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %s | %s |\n",
                ep, raw, sp, fl, median(fr), median(fs), median(sr),
                median(p99[ep, "raw"]), median(p99[ep, "spring"]), median(p99[ep, "flaskj"]),
                median(cpu[ep, "raw"]), median(cpu[ep, "spring"]), median(cpu[ep, "flaskj"]), pr, ps
        }
        if (("page-direct", "flaskj") in rps) {
            d = median(rps["page-direct", "flaskj"]); f = median(rps["page", "flaskj"]); pr = ""; dr = ""
            for (k = 1; k <= rounds; k++) {
                pr = pr (k > 1 ? " " : "") sprintf("%.2f", r[k, "page-direct", "flaskj"] / r[k, "page", "flaskj"])
                dr = dr " " r[k, "page-direct", "flaskj"] / r[k, "page", "flaskj"]
            }
            printf "\nrenderTemplate vs TemplateEngine called directly in the flaskj context: page %.0f req/s, page-direct %.0f req/s, time per page renderTemplate/direct = %.2f (per round: %s)\n", f, d, median(dr), pr
        }
    }' "$OUT/results.tsv" | tee "$OUT/table.md"
echo
echo "(raw results: $OUT/results.tsv; server log: $OUT/server.log; took $(( $(date +%s) - START )) s)"
