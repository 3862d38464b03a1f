#!/usr/bin/env bash
# Start-up benchmark: time from launching the packaged jar to a healthy /actuator/health, for a first
# start on an empty data folder (initdb, migrations, demo data) and for later starts; resident memory
# after start; shutdown time. Usage: bench/startup.sh [--runs N] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "usage: bench/startup.sh [--runs N] [--no-build]" >&2; exit 2 ;;
  esac
done
. .mvn/find-jdk.sh
if [ "$build" = 1 ] || [ ! -f target/kejiao.jar ]; then
  ./mvnw -q -B -DskipTests package
fi
data=$(mktemp -d /tmp/kejiao-bench.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; fi
  pkill -f -- "-D $data/pg" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080; }
now() { date +%s.%N; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
descendants() { local children; children=$(pgrep -P "$1" || true); for c in $children; do echo "$c"; descendants "$c"; done; }
# PostgreSQL daemonises: find the postmaster by its pid file, then add up it and its backends.
pg_rss_mb() {
  local master total=0
  master=$(head -1 "$data/pg/postmaster.pid" 2>/dev/null || true)
  [ -n "$master" ] || { echo 0; return; }
  for p in "$master" $(descendants "$master"); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}

start() {
  port=$(free_port)
  local t0; t0=$(now)
  "$JAVA_HOME/bin/java" -jar target/kejiao.jar --kejiao.data-dir="$data" --server.port="$port" >"$data/console-$1.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "Kejiao exited; see $data/console-$1.log" >&2; cat "$data/console-$1.log" >&2; exit 1; fi
    sleep 0.1
  done
  started=$(echo "$(now) - $t0" | bc)
  sleep 1
  java_rss=$(rss_mb "$pid"); pg_rss=$(pg_rss_mb)
}
stop() {
  local t0; t0=$(now)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  stopped=$(echo "$(now) - $t0" | bc)
  pid=""
  if pgrep -f -- "$data/pg" >/dev/null; then echo "PostgreSQL still running after shutdown" >&2; exit 1; fi
}

start first; first=$started; first_java=$java_rss; first_pg=$pg_rss
# the demo catalog (thousands of entries) fills in the background after the first start: let it finish
t0=$(now); catalog_loaded="-"
for _ in $(seq 1 1800); do
  if grep -q "Demo catalog loaded" "$data/console-first.log"; then catalog_loaded=$(echo "$(now) - $t0" | bc); break; fi
  sleep 0.1
done
stop; shutdown1=$stopped
later=(); rss=(); pgs=()
for i in $(seq 1 "$runs"); do start "later-$i"; later+=("$started"); rss+=("$java_rss"); pgs+=("$pg_rss"); stop; done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
later_median=$(median "${later[@]}"); rss_max=$(printf '%s\n' "${rss[@]}" "$first_java" | sort -n | tail -1)
mark() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "PASS" : "FAIL") }'; }
fmt() { printf '%.1f' "$1"; }

echo "Kejiao start-up — $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "| measurement | value | target | |"
echo "|---|---|---|---|"
echo "| first start to healthy (s) — initdb, migrations, demo data | $(fmt "$first") | ≤ 20 | $(mark "$first" 20) |"
echo "| later start to healthy (s), median of $runs | $(fmt "$later_median") ($(for v in "${later[@]}"; do printf '%s ' "$(fmt "$v")"; done | sed 's/ $//')) | ≤ 8 | $(mark "$later_median" 8) |"
echo "| Java RSS after start (MB), highest | $rss_max | ≤ 600 | $(mark "$rss_max" 600) |"
echo "| PostgreSQL RSS after start (MB) | $first_pg (later: ${pgs[*]}) | | |"
echo "| shutdown on SIGTERM (s) | $(fmt "$shutdown1") | | |"
[ "$catalog_loaded" != "-" ] && echo "| demo catalog filled in the background after the first start (s) | $(fmt "$catalog_loaded") | | |"
true
