#!/usr/bin/env bash
# Start-up benchmark of the packaged jar with its embedded PostgreSQL (see bench/README.md): the way the
# README starts Kejiao (bin/kejiao: extracted jar, ahead-of-time cache, small-footprint JVM options) beside a
# plain `java -jar target/kejiao.jar`, in the same run, each on its own empty data folder.
#
#   bench/startup.sh [--runs N] [--no-build] [--only plain|launcher]
#
# 1. first start on an empty data folder (initdb, migrations, demo data) until /actuator/health is UP;
# 2. resident memory after start: the Java process, and PostgreSQL (postmaster and backends);
# 3. SIGTERM, time until the JVM has exited, and check that no PostgreSQL of that folder is left;
# 4. N later starts on the same folder (default 3): time to healthy, memory, shutdown; median.
# Prints a Markdown table per way of starting with PASS/FAIL per target, and the ratios launcher/plain.
# Needs bash, curl, ps, awk.
#
# Environment: KEJIAO_BENCH_JAVA_OPTS  extra JVM options (default none: a plain `java -jar`), to try flags;
#              KEJIAO_BENCH_SETTLE     seconds between healthy and the memory sample (default 2);
#              KEJIAO_BENCH_TIMEOUT    seconds a start may take before the run fails (default 300);
#              KEJIAO_BENCH_JAR        the jar to run (default target/kejiao.jar; e.g. an extracted one).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
build=1
only=""
usage() { echo "usage: bench/startup.sh [--runs N] [--no-build] [--only plain|launcher]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --no-build) build=0; shift ;;
    --only) [ $# -ge 2 ] || usage; only="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
case "$runs" in '' | *[!0-9]* | 0) echo "--runs needs a number >= 1" >&2; exit 2 ;; esac
settle="${KEJIAO_BENCH_SETTLE:-2}"
timeout="${KEJIAO_BENCH_TIMEOUT:-300}"
read -r -a java_opts <<<"${KEJIAO_BENCH_JAVA_OPTS:-}"

# The same JDK lookup as ./mvnw: exports JAVA_HOME to a JDK >= 21 (the java on PATH may be older).
. .mvn/find-jdk.sh
java="$JAVA_HOME/bin/java"
jar="${KEJIAO_BENCH_JAR:-target/kejiao.jar}"
if [ ! -f "$jar" ] && [ "$jar" = target/kejiao.jar ]; then
  if [ "$build" = 0 ]; then echo "$jar is missing (and --no-build was given)" >&2; exit 1; fi
  ./mvnw -q -B -DskipTests package
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kejiao-bench-data.XXXXXX")   # a data folder per way of starting, and the launcher's unpacked jar
data="$work/none"
logs=$(mktemp -d "${TMPDIR:-/tmp}/kejiao-bench-logs.XXXXXX")   # console output of each start
pid=""

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# PostgreSQL processes whose command line names this data folder (postgres -D <data>/pg ...)
pg_of_data_dir() {
  ps -C postgres -o pid=,args= | PG="-D $data/pg" awk '{ i = index($0, ENVIRON["PG"]); if (i == 0) next
    c = substr($0, i + length(ENVIRON["PG"]), 1); if (c == "" || c == " " || c == "/") print $1 }' || true
}
cleanup() {
  local rc=$? p
  trap - EXIT INT TERM
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do alive "$pid" || break; sleep 0.1; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  for p in $(pg_of_data_dir); do kill -INT "$p" 2>/dev/null || true; done   # fast shutdown
  for _ in $(seq 1 100); do [ -z "$(pg_of_data_dir)" ] && break; sleep 0.1; done
  for p in $(pg_of_data_dir); do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work" "$logs"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { echo "${EPOCHREALTIME/./}"; }            # bash 5: microseconds since the epoch
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e6 }'; }
fmt1() { awk -v v="$1" 'BEGIN { printf "%.1f", v }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -g | tail -n 1; }
mark() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0 ? "PASS" : "FAIL") }'; }

# A port nothing listens on (TCP, IPv4 or IPv6), from /proc/net.
free_port() {
  local port hex
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000)); printf -v hex '%04X' "$port"
    if ! awk -v h=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == h { f = 1 } END { exit !f }' \
        /proc/net/tcp /proc/net/tcp6 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

descendants() { local c; for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done; }
kb() { awk -v k="$2" '$1 == k ":" { s += $2 } END { print s + 0 }' "$1" 2>/dev/null || echo 0; }
# PostgreSQL processes of this run: the JVM's descendants (initdb, pg_ctl while they run) and, because
# pg_ctl daemonises the server (its parent becomes init), the postmaster named in <data>/pg/postmaster.pid
# and its backends.
pg_pids() {
  local master
  master=$(head -n 1 "$data/pg/postmaster.pid" 2>/dev/null || true)
  { descendants "$pid"; if alive "$master"; then echo "$master"; descendants "$master"; fi; } | sort -un |
    while read -r p; do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = postgres ] && echo "$p"; done || true
}
java_rss_mb() { awk '$1 == "VmRSS:" { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
# summed VmRSS of the PostgreSQL processes (shared buffers counted in each process that touched them) and,
# for comparison, their summed PSS (shared pages divided among the processes that map them)
pg_mem() {
  local p rss=0 pss=0 n=0
  for p in $(pg_pids); do
    rss=$((rss + $(kb "/proc/$p/status" VmRSS))); pss=$((pss + $(kb "/proc/$p/smaps_rollup" Pss))); n=$((n + 1))
  done
  pg_rss=$((rss / 1024)); pg_pss=$((pss / 1024)); pg_n=$n
}

# start NAME: launch the jar, poll /actuator/health every 100 ms until 200 + "status":"UP".
start() {
  local name="$1" port t0 resp code
  port=$(free_port)
  log="$logs/$mode-$name.log"
  t0=$(now_us)
  if [ "$mode" = launcher ]; then
    KEJIAO_JAR="$jar" KEJIAO_APP_DIR="$work/app" bin/kejiao --kejiao.data-dir="$data" --server.port="$port" >"$log" 2>&1 &
  else
    "$java" ${java_opts[@]+"${java_opts[@]}"} -jar "$jar" --kejiao.data-dir="$data" --server.port="$port" >"$log" 2>&1 &
  fi
  pid=$!
  while :; do
    resp=$(curl -s --max-time 2 -w '\n%{http_code}' "http://localhost:$port/actuator/health" 2>/dev/null || true)
    code=${resp##*$'\n'}
    if [ "$code" = 200 ] && [[ "${resp%$'\n'*}" == *'"status":"UP"'* ]]; then break; fi
    if ! alive "$pid"; then
      echo "Kejiao exited during start ($name); last lines of its console:" >&2; tail -n 40 "$log" >&2; exit 1
    fi
    if [ $(( ($(now_us) - t0) / 1000000 )) -ge "$timeout" ]; then
      echo "Kejiao not healthy after ${timeout} s ($name); last lines of its console:" >&2; tail -n 40 "$log" >&2; exit 1
    fi
    sleep 0.1
  done
  healthy_at=$(now_us); started=$(secs "$t0" "$healthy_at")
  sleep "$settle"
  java_rss=$(java_rss_mb); pg_mem
  app_s=$(awk 'match($0, /Started KejiaoApplication in [0-9.]+ seconds/) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9.]/, "", s); print s; exit }' "$log")
  pg_ms=$(awk 'match($0, /Embedded PostgreSQL started in .*\([0-9]+ ms\)/) { s = substr($0, RSTART, RLENGTH); sub(/.*\(/, "", s); sub(/ ms\)/, "", s); print s; exit }' "$log")
  printf '  %-8s %-10s healthy after %6s s (Spring: %s s, of which embedded PostgreSQL %s ms); Java RSS %s MB, PostgreSQL RSS %s MB in %s processes; load %s\n' \
    "$mode" "$name" "$started" "${app_s:-?}" "${pg_ms:-?}" "$java_rss" "$pg_rss" "$pg_n" "$(cut -d ' ' -f 1 /proc/loadavg)" >&2
}

# stop: SIGTERM, time until the JVM has exited; then no PostgreSQL of the data folder may be left.
stop() {
  local t0 rc=0 left master
  master=$(head -n 1 "$data/pg/postmaster.pid" 2>/dev/null || true)
  t0=$(now_us)
  kill -TERM "$pid"
  wait "$pid" || rc=$?
  stopped=$(secs "$t0" "$(now_us)")
  pid=""
  # the postmaster (by its command line, and by the pid it had) and its backends must be gone
  leftovers() { pg_of_data_dir; if alive "$master" && [ "$(cat "/proc/$master/comm" 2>/dev/null)" = postgres ]; then
    echo "$master"; ps -o pid= --ppid "$master" 2>/dev/null || true; fi; }
  left=$(leftovers | sort -un)
  if [ -n "$left" ]; then
    sleep 2; left=$(leftovers | sort -un)   # give a postmaster that is just exiting a moment
  fi
  if [ -n "$left" ]; then
    pg_left="FAIL"
    echo "  PostgreSQL still running after shutdown: $(echo $left)" >&2
  fi
  printf '  stopped in %s s (exit status %s)\n' "$stopped" "$rc" >&2
}

jdk=$("$java" -version 2>&1 | awk 'NR == 1 { v = $0 } /Runtime Environment/ { r = $0 } END { print v "; " r }')
echo "Kejiao start-up benchmark: $jar ($(du -m "$jar" | awk '{ print $1 }') MB), JDK $JAVA_HOME" >&2

measure() {
mode="$1"
data="$work/$mode"; mkdir -p "$data"
echo "$mode: $( [ "$mode" = launcher ] && echo "bin/kejiao (unpacked into $work/app)" || echo "java ${KEJIAO_BENCH_JAVA_OPTS:-} -jar $jar"); load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)" >&2
load_before=$(cut -d ' ' -f 1 /proc/loadavg)
pg_left="PASS"

start first
first=$started; first_java=$java_rss; first_pg=$pg_rss; first_pss=$pg_pss
# The demo catalog fills in the background after the first start: wait for it (up to the timeout) so that
# the later starts find a complete data folder, and sample memory once it is in.
catalog=""
while [ $(( ($(now_us) - healthy_at) / 1000000 )) -lt "$timeout" ]; do
  if grep -q -e 'Demo catalog loaded' -e 'Demo catalog not loaded' "$log"; then catalog=$(secs "$healthy_at" "$(now_us)"); break; fi
  grep -q 'Demo organisations and accounts loaded' "$log" || break   # no demo data: nothing to wait for
  alive "$pid" || break
  sleep 0.2
done
catalog_java=$(java_rss_mb)
[ -n "$catalog" ] && echo "  demo catalog filled ${catalog} s after healthy; Java RSS then $catalog_java MB" >&2
stop
shutdowns=("$stopped")

later=(); javas=("$first_java"); pgs=("$first_pg"); psss=("$first_pss")
for i in $(seq 1 "$runs"); do
  start "later-$i"
  later+=("$started"); javas+=("$java_rss"); pgs+=("$pg_rss"); psss+=("$pg_pss")
  stop
  shutdowns+=("$stopped")
done

later_median=$(median "${later[@]}")
java_max=$(max "${javas[@]}")
shutdown_median=$(median "${shutdowns[@]}")
list() { local v out=""; for v in "$@"; do out+="$(fmt1 "$v") "; done; echo "${out% }"; }

echo
echo "### $mode: $( [ "$mode" = launcher ] && echo 'bin/kejiao (as the README starts Kejiao)' || echo 'plain java -jar')"
echo
echo "Machine: $(nproc) cores ($(awk -F ': *' '$1 ~ /^model name/ { print $2; exit }' /proc/cpuinfo))," \
  "$(awk '$1 == "MemTotal:" { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, load average $load_before before the run"
echo "JDK: $jdk"
if [ "$mode" = launcher ]; then
  echo "JVM options: those of bin/kejiao (extracted jar, -XX:AOTCache recorded on the first start, -XX:+UseSerialGC, -Xmx\${KEJIAO_HEAP:-400m}, MALLOC_ARENA_MAX=2, KEJIAO_JIT=${KEJIAO_JIT:-quick}); memory sampled ${settle} s after healthy"
else
  echo "JVM options: ${KEJIAO_BENCH_JAVA_OPTS:-none (plain java -jar)}; memory sampled ${settle} s after healthy"
fi
echo
echo "| measurement                  | value  | target  | result |"
echo "|------------------------------|--------|---------|--------|"
printf '| %-28s | %s | %s | %s |\n' \
  "first start to healthy (s)" "$(fmt1 "$first")" "<= 20" "$(mark "$first" 20)" \
  "later start to healthy (s)" "$(fmt1 "$later_median") (median of $runs: $(list "${later[@]}"))" "<= 8" "$(mark "$later_median" 8)" \
  "java RSS after start (MB)" "$java_max (highest; first $first_java, later ${javas[*]:1})" "<= 600" "$(mark "$java_max" 600)"
[ -n "$catalog" ] && printf '| %-28s | %s | %s | %s |\n' \
  "java RSS, demo catalog in (MB)" "$catalog_java (catalog filled ${catalog} s after first healthy)" "<= 600" "$(mark "$catalog_java" 600)"
printf '| %-28s | %s | %s | %s |\n' \
  "postgres RSS (MB)" "$(max "${pgs[@]}") (summed RSS; first $first_pg, later ${pgs[*]:1}; PSS $(max "${psss[@]}"))" "" "" \
  "shutdown (s)" "$(fmt1 "$shutdown_median") (median; first $(list "${shutdowns[0]}"), later $(list "${shutdowns[@]:1}"))" "" "" \
  "no postgres left after stop" "$( [ "$pg_left" = PASS ] && echo yes || echo no)" "yes" "$pg_left"

eval "${mode}_later=\$later_median ${mode}_java=\$java_max ${mode}_catalog=\${catalog_java:-} ${mode}_first=\$first ${mode}_load=\$load_before"
}

for m in plain launcher; do
  if [ -z "$only" ] || [ "$only" = "$m" ]; then measure "$m"; fi
done
if [ -z "$only" ]; then
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "?" }'; }
  echo
  echo "### launcher beside plain java -jar (same run)"
  echo
  echo "| measurement | plain java -jar | bin/kejiao | ratio | bin/kejiao vs target |"
  echo "|---|---|---|---|---|"
  echo "| first start (s) | $(fmt1 "$plain_first") | $(fmt1 "$launcher_first") | $(ratio "$launcher_first" "$plain_first") | |"
  echo "| later start, median (s) | $(fmt1 "$plain_later") | $(fmt1 "$launcher_later") | $(ratio "$launcher_later" "$plain_later") | $(mark "$launcher_later" 8) (<= 8) |"
  echo "| Java RSS after start, highest (MB) | $plain_java | $launcher_java | $(ratio "$launcher_java" "$plain_java") | $(mark "$launcher_java" 600) (<= 600) |"
  [ -n "$plain_catalog" ] && [ -n "$launcher_catalog" ] &&
    echo "| Java RSS, demo catalog in (MB) | $plain_catalog | $launcher_catalog | $(ratio "$launcher_catalog" "$plain_catalog") | $(mark "$launcher_catalog" 600) (<= 600) |"
  echo "| load average before | $plain_load | $launcher_load | | |"
fi
