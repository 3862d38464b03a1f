#!/usr/bin/env bash
# Matching benchmark: bench/matching.sh [--keep DIR] [--achievements N] [--instruments M] [--demands D] [--rounds R]
# Latency of matching one demand (top 20 over all types, with reasons) against the search benchmark's catalog
# (1,000,000 achievements + 50,000 instruments by default). --keep DIR reuses a catalog built by
# `bench/search.sh --keep DIR` (or builds it there once).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_benchmark 4g cn.kejiao.bench.MatchingBenchmark --csl ../shared/data/csl "$@"
