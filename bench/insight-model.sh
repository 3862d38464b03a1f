#!/usr/bin/env bash
# Read model at volume: bench/insight-model.sh [--orders N] [--runs R]
# Defaults: a year of 200,000 service orders (and a quarter as many bookings, a tenth as many contracts and panel
# seats, a twentieth as many match verdicts) between ten regions, written straight into the modules' tables on top of
# the demo data; the insight read model rebuilt from the facades (timed); then a region's figures, months and flows
# from the read model against the same orders figure by a direct SQL aggregate, 30 runs each after warm-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
echo "load before the run: $(uptime)"
run_benchmark 2g cn.kejiao.bench.InsightModelBench "$@"
