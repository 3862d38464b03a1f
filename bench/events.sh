#!/usr/bin/env bash
# Event registration burst: bench/events.sh [--people N] [--capacity C] [--no-build]
# Over HTTP against the packaged jar (target/kejiao.jar, built first unless --no-build), started by the benchmark as
# `java -jar` on a free port and a fresh data folder with its embedded PostgreSQL and the demo organisations and
# accounts (no demo catalog). Through the API it registers N enterprises (default 1,000) with a user each, has the
# platform admin verify them with no public-notice period and takes a token per user; 嘉定's admin opens a matchmaking
# session with C places (default 200). Then all N people register for it at the same moment, each on its own
# kept-alive connection. Prints a Markdown table: registrations/s, latency p50/p95/p99, admitted by SQL (= C), and
# whether the waiting positions answered are 1..N−C without gap, in the registrations' arrival (lock) order.
# Environment: KEJIAO_BENCH_APP_OPTS JVM options for Kejiao; KEJIAO_BENCH_JAR another jar;
#              KEJIAO_BENCH_JAVA_OPTS options for the benchmark's own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_jar_benchmark 1g cn.kejiao.bench.EventBenchmark "$@"
