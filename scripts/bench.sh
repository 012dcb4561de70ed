#!/usr/bin/env bash
# The performance run behind the README's "Performance" section, in one command:
#
#   bash scripts/bench.sh        # everything, about 15-20 minutes on 2 cores; the table and plot at the end
#
# 1. http: the same endpoints (hello, user/<name> with 200 extra routes, json, page, session) on five systems in
#    interleaved rounds: plain servlets (/raw, the least work a hand-written servlet can do for the same bytes),
#    Spring MVC (/spring) and flaskj (/flaskj) in one embedded Tomcat 11, Javalin 6 on its embedded Jetty 11
#    (/javalin, its own JVM), Flask 3.1 on gunicorn with gthread workers (/flask). Every body is first checked
#    byte for byte against raw's (the context path replaced). Medians of req/s, p99, server CPU per request
#    (user + system time of the server's processes over the requests served) and medians of per-round ratios.
# 2. vt: a blocking endpoint (the view sleeps 20 ms, standing for a database call) at 2 000 connections, raw and
#    flaskj, in Tomcat 11 and Jetty 12, each on virtual threads and on its default platform pool (200 threads),
#    run on a Java 21+ JDK (the build stays release 17). Every response echoes its request id; the wrk script
#    counts mismatches.
# 3. startup: filter init to first page response (200 routes, Thymeleaf) and the heap an idle app retains, in
#    fresh JVMs; 4. jmh: allocation per request per endpoint (DispatchBenchmark -prof gc) and the session codec
#    (SessionCodecBenchmark); 5. report: src-it/target/bench/table.md and docs/performance.png.
#
# The machine is shared and noisy: read the ratios and the CPU column, not absolute req/s. Each round runs every
# system seconds apart and the order rotates each round, so slow drifts of the machine cancel in the ratios.
#
# Installs what it needs when absent (as root): wrk (apt), gunicorn and matplotlib (pip, pinned; apt fallback).
# Knobs (environment): BENCH_PHASES ("http vt startup jmh"), BENCH_ROUNDS (12), BENCH_DURATION (1s),
# BENCH_WARMUP (1s, two passes), BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_PORT (18089; uses the next
# 20 ports), BENCH_GUNICORN_WORKERS (auto: the best of 2, 3, 4 on hello and json), BENCH_GUNICORN_THREADS (4),
# BENCH_VT_ROUNDS (3), BENCH_VT_DURATION (5s), BENCH_VT_CONNECTIONS (2000), BENCH_VT_JAVA (a Java 21+ binary;
# default: the newest JDK under /usr/lib/jvm), BENCH_STARTUP_RUNS (5), BENCH_JMH ("-f 1 -wi 3 -i 5 -w 1 -r 1"),
# BENCH_SKIP_BUILD=1, BENCH_MVN_ARGS (extra Maven arguments), BENCH_PAGE_JINJA (1: the page-jinja row, flaskj with
# TEMPLATE_ENGINE=jinja measured beside the Thymeleaf page; 0 leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PHASES=${BENCH_PHASES:-http vt startup jmh}
ROUNDS=${BENCH_ROUNDS:-12}
DURATION=${BENCH_DURATION:-1s}
WARMUP=${BENCH_WARMUP:-1s}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18089}
GUNICORN_WORKERS=${BENCH_GUNICORN_WORKERS:-auto}
GUNICORN_THREADS=${BENCH_GUNICORN_THREADS:-4}
VT_ROUNDS=${BENCH_VT_ROUNDS:-3}
VT_DURATION=${BENCH_VT_DURATION:-5s}
VT_CONNS=${BENCH_VT_CONNECTIONS:-2000}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
JMH_OPTS=${BENCH_JMH:--f 1 -wi 3 -i 5 -w 1 -r 1}
PAGE_JINJA=${BENCH_PAGE_JINJA:-1}
read -r -a MVN_ARGS <<<"${BENCH_MVN_ARGS:-}"   # extra Maven arguments, e.g. -o -Dmaven.repo.local=...
GUNICORN_VERSION=26.2.0
MATPLOTLIB_VERSION=3.11.2
JVM_FLAGS=(-Xms512m -Xmx512m -XX:+UseParallelGC -XX:+AlwaysPreTouch -Xss512k)
OUT=src-it/target/bench
PLOT=docs/performance.png
START=$(date +%s)
has_phase() { [[ " $PHASES " == *" $1 "* ]]; }
log() { echo "== $*"; }
die() { echo "bench: $*" >&2; exit 1; }

mkdir -p "$OUT"
rm -f "$OUT"/results.tsv "$OUT"/vt.tsv "$OUT"/startup.tsv "$OUT"/jmh.csv "$OUT"/meta.txt "$OUT"/table.md
meta() { printf '%s\t%s\n' "$1" "$2" >>"$OUT/meta.txt"; }
meta command "$(env | grep '^BENCH_' | sort | tr '\n' ' ')bash scripts/bench.sh"
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta machine "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
meta load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
meta phases "$PHASES"

# ---------------------------------------------------------------- prerequisites
apt_install() {
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    echo "bench: installing $* with apt-get" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        --no-upgrade "$@" >/dev/null
}
for tool in curl java mvn python3; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is missing"
done
if ! command -v wrk >/dev/null 2>&1; then
    apt_install wrk || die "wrk is missing: sudo apt-get install -y wrk"
fi
if has_phase http && ! python3 -c 'import flask' >/dev/null 2>&1; then
    die "python3 cannot import flask (pip install flask==3.1.3)"
fi
if has_phase http && ! python3 -c 'import gunicorn' >/dev/null 2>&1; then
    python3 -m pip install -q "gunicorn==$GUNICORN_VERSION" >&2 || apt_install python3-gunicorn || true
    python3 -c 'import gunicorn' >/dev/null 2>&1 || die "gunicorn is missing: pip install gunicorn==$GUNICORN_VERSION"
fi
if ! python3 -c 'import matplotlib' >/dev/null 2>&1; then
    python3 -m pip install -q "matplotlib==$MATPLOTLIB_VERSION" >&2 || apt_install python3-matplotlib || true
fi
VT_JAVA=${BENCH_VT_JAVA:-}
if has_phase vt && [ -z "$VT_JAVA" ]; then
    for candidate in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -V -r); do
        [ -x "$candidate/bin/java" ] || continue
        feature=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
            | sed -n 's/^ *java.specification.version = //p')
        if [ "${feature:-0}" -ge 21 ] 2>/dev/null; then VT_JAVA="$candidate/bin/java"; break; fi
    done
fi
if has_phase vt; then
    if [ -z "$VT_JAVA" ]; then
        echo "bench: no Java 21+ JDK found (set BENCH_VT_JAVA): skipping the virtual-thread phase" >&2
        PHASES=${PHASES//vt/}
    else
        # 2 000 connections: one descriptor each in wrk and in the server, plus the JVM's own.
        need=$((VT_CONNS + 1024))
        if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
            ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
        fi
        [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge "$need" ] \
            || die "ulimit -n is $(ulimit -n), $VT_CONNS connections need $need (raise the hard limit)"
        meta vt_java "$("$VT_JAVA" -version 2>&1 | head -1)"
        meta ulimit_n "$(ulimit -n)"
    fi
fi
meta java "$(java -version 2>&1 | head -1)"
meta jvm_flags "${JVM_FLAGS[*]}"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "build: mvn -B -ntp -q -Pbench -pl src-it,src-it/javalin -am package -DskipTests"
    mvn -B -ntp -q "${MVN_ARGS[@]}" -Pbench -pl src-it,src-it/javalin -am package -DskipTests
fi
CP="src-it/target/classes:$(cat src-it/target/bench.classpath)"
JAVALIN_CP="src-it/javalin/target/classes:$(cat src-it/javalin/target/bench.classpath)"

# ---------------------------------------------------------------- servers, stopped by PID on exit
PIDS=()
stop_pid() {
    local pid=$1 child
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
}
stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    PIDS=()
}
trap stop_all EXIT INT TERM

start_server() { # log-file command... -> starts it, waits for READY, sets STARTED_PID
    local logfile=$1
    shift
    "$@" >"$logfile" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
    for _ in $(seq 1 240); do
        grep -q '^READY' "$logfile" && return 0
        kill -0 "$STARTED_PID" 2>/dev/null || { tail -30 "$logfile" >&2; die "a server died: $*"; }
        sleep 0.25
    done
    die "not ready in 60 s: $*"
}
wait_http() { # url: gunicorn prints nothing when ready
    for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 0.25; done
    die "no answer from $1"
}

TICKS=$(getconf CLK_TCK)
tree_ticks() { # pid -> user + system ticks of the process (all its threads) and of its child processes
    local pids=$1 p
    for p in $(cat /proc/"$1"/task/*/children 2>/dev/null); do pids="$pids $p"; done
    for p in $pids; do cat /proc/"$p"/stat 2>/dev/null || true; done \
        | awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}

run_wrk() { # pid duration connections url [wrk args...] -> "rps p99-ms cpu-us-per-request errors mismatches"
    local pid=$1 duration=$2 conns=$3 url=$4 before after out
    shift 4
    before=$(tree_ticks "$pid")
    out=$(wrk -t"$THREADS" -c"$conns" -d"$duration" --latency "$@" "$url" 2>&1)
    after=$(tree_ticks "$pid")
    awk -v cpu="$(( after - before ))" -v ticks="$TICKS" '
        /requests in/ { requests = $1 }
        /Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { bad += $NF }
        /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
        /^MISMATCHES/ { mismatches = $2 }
        $1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
                      p99 = (u == "us") ? v / 1000 : (u == "s") ? v * 1000 : (u == "m") ? v * 60000 : v }
        END { if (requests == 0) { print "0 0 0 1 0"; exit }
              printf "%s %.2f %.1f %d %s\n", rps, p99, 1e6 * cpu / ticks / requests, bad, mismatches == "" ? "-" : mismatches }' <<<"$out"
}

# ================================================================ 1. http
if has_phase http; then
    TOMCAT_PORT=$PORT JAVALIN_PORT=$((PORT + 1)) FLASK_PORT=$((PORT + 2))
    TOMCAT_CONTEXTS=raw,spring,flaskj
    if [ "$PAGE_JINJA" = 1 ]; then TOMCAT_CONTEXTS=$TOMCAT_CONTEXTS,flaskj-jinja; fi
    log "start: Tomcat 11 ($TOMCAT_CONTEXTS), Javalin 6, Flask on gunicorn"
    start_server "$OUT/server.log" java "${JVM_FLAGS[@]}" -cp "$CP" dev.flaskj.bench.BenchServer "$TOMCAT_PORT" \
        tomcat platform "$TOMCAT_CONTEXTS"
    TOMCAT_PID=$STARTED_PID
    start_server "$OUT/javalin.log" java "${JVM_FLAGS[@]}" -cp "$JAVALIN_CP" dev.flaskj.bench.javalin.JavalinBench \
        "$JAVALIN_PORT"
    JAVALIN_PID=$STARTED_PID
    meta javalin "Javalin $(ls src-it/javalin/target/bench.classpath >/dev/null && tr ':' '\n' \
        <src-it/javalin/target/bench.classpath | sed -n 's#.*/javalin-\([0-9.]*\)\.jar#\1#p' | head -1) on Jetty $(tr ':' '\n' \
        <src-it/javalin/target/bench.classpath | sed -n 's#.*/jetty-server-\([0-9.]*\)\.jar#\1#p' | head -1)"

    start_gunicorn() { # workers
        (cd src-it/src/bench/python && SCRIPT_NAME=/flask exec python3 -m gunicorn -k gthread -w "$1" \
            --threads "$GUNICORN_THREADS" -b "127.0.0.1:$FLASK_PORT" --log-level warning --backlog 2048 \
            flask_bench:app) >"$OUT/gunicorn.log" 2>&1 &
        FLASK_PID=$!
        PIDS+=("$FLASK_PID")
        wait_http "http://127.0.0.1:$FLASK_PORT/flask/hello"
    }
    if [ "$GUNICORN_WORKERS" = auto ]; then
        # gunicorn's docs suggest (2 x cores) + 1 workers for a machine of its own; wrk shares these cores, so
        # the count is measured: the most hello + json requests per second in two 2-second runs each.
        best=0
        for w in 2 3 4; do
            start_gunicorn "$w"
            run_wrk "$FLASK_PID" 1s "$CONNS" "http://127.0.0.1:$FLASK_PORT/flask/hello" >/dev/null
            total=0
            for ep in hello json hello json; do
                read -r rps _ < <(run_wrk "$FLASK_PID" 2s "$CONNS" "http://127.0.0.1:$FLASK_PORT/flask/$ep")
                total=$(awk -v a="$total" -v b="$rps" 'BEGIN { print a + b }')
            done
            echo "   gunicorn -k gthread -w $w --threads $GUNICORN_THREADS: hello + json $(awk -v t="$total" 'BEGIN { printf "%.0f", t / 4 }') req/s (mean of 4 runs)"
            if awk -v a="$total" -v b="$best" 'BEGIN { exit !(a > b) }'; then best=$total GUNICORN_WORKERS=$w; fi
            stop_pid "$FLASK_PID"
        done
        meta gunicorn_tuning "workers 2, 3, 4 tried on hello + json; $GUNICORN_WORKERS was fastest"
    fi
    start_gunicorn "$GUNICORN_WORKERS"
    meta gunicorn "gunicorn $(python3 -c 'import gunicorn; print(gunicorn.__version__)') -k gthread -w $GUNICORN_WORKERS --threads $GUNICORN_THREADS, Flask $(python3 -c 'import importlib.metadata as m; print(m.version("flask"))'), $(python3 --version 2>&1)"

    declare -A SYS_PID SYS_BASE
    SYS_PID=([raw]=$TOMCAT_PID [spring]=$TOMCAT_PID [flaskj]=$TOMCAT_PID [flaskj-jinja]=$TOMCAT_PID
             [javalin]=$JAVALIN_PID [flask]=$FLASK_PID)
    SYS_BASE=([raw]="http://127.0.0.1:$TOMCAT_PORT/raw" [spring]="http://127.0.0.1:$TOMCAT_PORT/spring"
              [flaskj]="http://127.0.0.1:$TOMCAT_PORT/flaskj" [flaskj-jinja]="http://127.0.0.1:$TOMCAT_PORT/flaskj-jinja"
              [javalin]="http://127.0.0.1:$JAVALIN_PORT/javalin" [flask]="http://127.0.0.1:$FLASK_PORT/flask")
    SYSTEMS=(raw spring flaskj javalin flask)
    ENDPOINTS=(hello user/alice json page session)

    # ------------------------------------------------ bodies first: every system answers the same bytes
    SESSION_COOKIE=$(curl -s -D - -o /dev/null "${SYS_BASE[raw]}/session" | tr -d '\r' \
        | sed -n 's/^[Ss]et-[Cc]ookie: session=\([^;]*\);.*/\1/p' | head -1)
    [ -n "$SESSION_COOKIE" ] || die "/raw/session set no cookie"
    body_file() { # system endpoint -> file with the body, the context path replaced by /CTX/
        local f="$OUT/body-$1-${2//\//_}" ctx=${SYS_BASE[$1]##*/} extra=()
        [ "$2" = session ] && extra=(-H "Cookie: session=$SESSION_COOKIE")
        curl -s -f "${extra[@]}" "${SYS_BASE[$1]}/$2" -o "$f.orig" || : >"$f.orig"
        sed "s#/$ctx/#/CTX/#g" "$f.orig" >"$f"
        echo "$f"
    }
    expect() {
        case "$1" in
            hello) printf 'Hello, World!' ;;
            user/alice) printf 'User alice' ;;
            json) printf '{"active":true,"id":42,"name":"flaskj","tags":["a","b","c"]}\n' ;;
            session) printf 'count=2' ;;
        esac
    }
    checked=0
    for ep in "${ENDPOINTS[@]}"; do
        ref=$(body_file raw "$ep")
        if [ "$ep" = page ]; then
            grep -qF 'Hello, <span>&lt;World&gt;</span>!' "$ref" && grep -qF 'href="/CTX/static/style.css"' "$ref" \
                || die "/raw/page answered unexpectedly: $(head -c 300 "$ref")"
        else
            cmp -s "$ref" <(expect "$ep") || die "/raw/$ep answered unexpectedly: $(head -c 200 "$ref")"
        fi
        others=("${SYSTEMS[@]:1}")
        [ "$ep" = page ] && others+=("flaskj page-direct")
        [ "$ep" = page ] && [ "$PAGE_JINJA" = 1 ] && others+=(flaskj-jinja)
        for other in "${others[@]}"; do
            read -r sys e <<<"$other"
            body=$(body_file "$sys" "${e:-$ep}")
            if ! cmp -s "$ref" "$body"; then
                echo "bench: /$sys/${e:-$ep} differs from /raw/$ep (bytes $(wc -c <"$ref") vs $(wc -c <"$body")):" >&2
                diff "$ref" "$body" | head -10 >&2 || true
                exit 1
            fi
            checked=$((checked + 1))
        done
    done
    log "bodies byte-identical to raw's: $checked system/endpoint pairs (${ENDPOINTS[*]})"
    meta bodies_checked "$checked"
    [ "$PAGE_JINJA" = 1 ] || echo "   page-jinja: left out (BENCH_PAGE_JINJA=0)"

    targets() { # endpoint round -> "system endpoint" lines, the order rotated by round
        local pairs=() n i
        for sys in "${SYSTEMS[@]}"; do pairs+=("$sys $1"); done
        [ "$1" = page ] && pairs+=("flaskj page-direct")
        [ "$1" = page ] && [ "$PAGE_JINJA" = 1 ] && pairs+=("flaskj-jinja page")
        n=${#pairs[@]}
        for i in $(seq 0 $((n - 1))); do echo "${pairs[$(( (i + $2) % n ))]}"; done
    }
    measure() { # duration system endpoint
        local hdr=()
        [ "$3" = session ] && hdr=(-H "Cookie: session=$SESSION_COOKIE")
        run_wrk "${SYS_PID[$2]}" "$1" "$CONNS" "${SYS_BASE[$2]}/$3" "${hdr[@]}"
    }
    # Two passes: the JIT needs several seconds of load per code path (Spring's most of all), and a second pass
    # compiles what the first pass's later endpoints made polymorphic.
    log "warm-up: 2 passes of $WARMUP per endpoint and system"
    for pass in 1 2; do
        for ep in "${ENDPOINTS[@]}"; do
            while read -r sys e; do measure "$WARMUP" "$sys" "$e" >/dev/null; done < <(targets "$ep" "$pass")
        done
    done
    meta load_http "$(cut -d' ' -f1-3 /proc/loadavg)"
    log "$ROUNDS interleaved rounds: wrk -t$THREADS -c$CONNS -d$DURATION --latency"
    for round in $(seq 1 "$ROUNDS"); do
        for ep in "${ENDPOINTS[@]}"; do
            while read -r sys e; do
                read -r rps p99 cpu errors _ < <(measure "$DURATION" "$sys" "$e")
                [ "$errors" = 0 ] || die "/$sys/$e: $errors failed or non-2xx responses"
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "${e%%/*}" "$sys" "$rps" "$p99" "$cpu" >>"$OUT/results.tsv"
                printf '   round %2s  %-12s %-13s %10s req/s  p99 %7s ms  server CPU %7s us/req\n' \
                    "$round" "${e%%/*}" "$sys" "$rps" "$p99" "$cpu"
            done < <(targets "$ep" "$((round - 1))")
        done
    done
    meta load_http_end "$(cut -d' ' -f1-3 /proc/loadavg)"
    stop_all
fi

# ================================================================ 2. vt
if has_phase vt; then
    log "virtual threads: $("$VT_JAVA" -version 2>&1 | head -1), $VT_CONNS connections, blocking endpoint (20 ms)"
    declare -A VT_PID VT_PORT
    i=0
    for container in tomcat jetty; do
        for threads in platform virtual; do
            key="$container-$threads"
            VT_PORT[$key]=$((PORT + 10 + i))
            i=$((i + 1))
            start_server "$OUT/vt-$key.log" "$VT_JAVA" "${JVM_FLAGS[@]}" -cp "$CP" dev.flaskj.bench.BenchServer \
                "${VT_PORT[$key]}" "$container" "$threads" raw,flaskj
            VT_PID[$key]=$STARTED_PID
        done
    done
    VT_TARGETS=()
    for key in tomcat-platform tomcat-virtual jetty-platform jetty-virtual; do
        for ctx in raw flaskj; do VT_TARGETS+=("$key $ctx"); done
    done
    LUA=src-it/src/bench/wrk/echo-id.lua
    vt_measure() { # duration key ctx
        run_wrk "${VT_PID[$2]}" "$1" "$VT_CONNS" "http://127.0.0.1:${VT_PORT[$2]}/$3/blocking" --timeout 10s -s "$LUA"
    }
    log "warm-up: 3 s per server and context"
    for t in "${VT_TARGETS[@]}"; do read -r key ctx <<<"$t"; vt_measure 3s "$key" "$ctx" >/dev/null; done
    meta load_vt "$(cut -d' ' -f1-3 /proc/loadavg)"
    n=${#VT_TARGETS[@]}
    for round in $(seq 1 "$VT_ROUNDS"); do
        for j in $(seq 0 $((n - 1))); do
            read -r key ctx <<<"${VT_TARGETS[$(( (j + round - 1) % n ))]}"
            read -r rps p99 cpu errors mismatches < <(vt_measure "$VT_DURATION" "$key" "$ctx")
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "${key%-*}" "${key#*-}" "$ctx" "$rps" "$p99" "$cpu" \
                "$mismatches" >>"$OUT/vt.tsv"
            printf '   round %s  %-16s %-7s %10s req/s  p99 %8s ms  server CPU %6s us/req  mismatches %s\n' \
                "$round" "$key" "$ctx" "$rps" "$p99" "$cpu" "$mismatches"
            [ "$mismatches" = 0 ] || die "$key /$ctx/blocking: $mismatches responses did not echo their own request id"
            [ "$errors" = 0 ] || die "$key /$ctx/blocking: $errors failed or non-2xx responses"
        done
    done
    stop_all
fi

# ================================================================ 3. startup and idle heap
if has_phase startup; then
    log "start-up: $STARTUP_RUNS fresh JVMs per context (filter init to the first page, retained heap)"
    for run in $(seq 1 "$STARTUP_RUNS"); do
        for ctx in flaskj raw; do
            line=$(java -Xms512m -Xmx512m -XX:+UseParallelGC -Xss512k -cp "$CP" dev.flaskj.bench.StartupProbe "$ctx" \
                "$((PORT + 19))" | grep '^STARTUP') || die "StartupProbe $ctx failed"
            echo "   $line"
            echo "$line" | awk -v run="$run" '{ printf "%s", run; for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "\t%s", kv[2] } print "" }' >>"$OUT/startup.tsv"
        done
    done
fi

# ================================================================ 4. jmh
if has_phase jmh; then
    log "JMH: DispatchBenchmark and SessionCodecBenchmark $JMH_OPTS -prof gc"
    mvn -B -ntp -q "${MVN_ARGS[@]}" -Pjmh -pl framework test-compile exec:exec \
        -Djmh.args="DispatchBenchmark SessionCodecBenchmark $JMH_OPTS -prof gc -rf csv -rff $ROOT/$OUT/jmh.csv" \
        | tee "$OUT/jmh.log" | grep -E '^(Benchmark|DispatchBenchmark|SessionCodecBenchmark)' || true
    [ -s "$OUT/jmh.csv" ] || die "JMH wrote no results (see $OUT/jmh.log)"
fi

# ================================================================ 5. report
meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"
meta took_s "$(( $(date +%s) - START ))"
meta http_config "$ROUNDS rounds of wrk -t$THREADS -c$CONNS -d$DURATION --latency, 2 warm-up passes of $WARMUP"
meta vt_config "$VT_ROUNDS rounds of wrk -t$THREADS -c$VT_CONNS -d$VT_DURATION, Tomcat/Jetty default pools of 200 platform threads"
python3 src-it/src/bench/python/report.py "$OUT" "$PLOT"
echo "(table: $OUT/table.md, plot: $PLOT, raw results: $OUT/*.tsv, $OUT/jmh.csv; took $(( $(date +%s) - START )) s)"
