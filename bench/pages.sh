#!/usr/bin/env bash
# Pages benchmark: bench/pages.sh [--rounds N] [--warmup W] [--catalog full|small]
# The main pages, each as the persona who uses it (signed in through the login form), over HTTP;
# prints p50/p95/max per page against the 300 ms p95 target. Defaults: 100 fetches after 30 warm-up ones,
# the full demo catalog.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_benchmark 1g cn.kejiao.bench.PagesBenchmark "$@"
