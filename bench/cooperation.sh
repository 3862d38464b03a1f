#!/usr/bin/env bash
# Live figures benchmark: bench/cooperation.sh [--orders N] [--bookings N] [--contracts N] [--seats N] [--verdicts N] [--runs R]
# Defaults: a year of 200,000 service orders, 50,000 bookings, 20,000 contracts, 20,000 panel seats and 10,000 match
# verdicts between ten regions, written straight into the modules' tables on top of the demo data; then an agreement's
# live figures (AgreementFigures.between) and each module's flows between regions, read through the facades, 30 runs
# each after two warm-ups. Prints a Markdown table of p50 and p95 in milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
echo "load before the run: $(uptime)"
run_benchmark 2g cn.kejiao.bench.AgreementFiguresBench "$@"
