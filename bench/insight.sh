#!/usr/bin/env bash
# Insight dashboards on a simulated year: bench/insight.sh [--days D] [--enterprises N] [--no-build]
# Packages target/kejiao.jar (unless --no-build), runs `simulate --days D --enterprises N --seed 1` (default 365 and
# 5,000) into a fresh data folder and reports its run time and steps per second; then starts Kejiao on that folder
# and measures over HTTP, as the platform admin and the region admins (tokens from /api/v1/auth/tokens), the p50/p95
# of each dashboard data request (figures, trends, flows?kind=ORDERS, drill?figure=ORDERS&side=served) for 100000,
# 530000 and 310000, and of the public GET /api/v1/stats/regions/{code}; the same figure (a year's confirmed orders
# served in 云南) by direct SQL over voucher.service_order with the ratio; and the yearly Excel and PDF reports of
# 云南. Endpoints answering 404 are skipped with a note. Prints a Markdown table (cn.kejiao.bench.InsightBenchmark).
# Environment: KEJIAO_BENCH_APP_OPTS JVM options for Kejiao (default -Xmx2g); KEJIAO_BENCH_JAR another jar;
#              KEJIAO_BENCH_JAVA_OPTS options for the benchmark's own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_jar_benchmark 512m cn.kejiao.bench.InsightBenchmark "$@"
