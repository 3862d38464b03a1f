#!/usr/bin/env bash
# Search benchmark: bench/search.sh [--achievements N] [--instruments M] [--queries Q] [--like-queries L]
# --keep DIR loads and indexes into DIR once and reuses it on later runs.
# Defaults: 1,000,000 achievements, 50,000 instruments, 200 queries (40 for the LIKE baseline, which is slow).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_benchmark 4g cn.kejiao.bench.SearchBenchmark --csl ../shared/data/csl "$@"
