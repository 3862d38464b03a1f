#!/usr/bin/env bash
# Booking benchmark: bench/booking.sh [--seconds S] [--clients N] [--contended K] [--spread M] [--fetches F]
# Defaults: 20 s per phase, 64 clients, half of them booking 4 contended instruments (the next two weeks), the
# others 60 instruments (the year ahead); then 400 fetches of a week's availability; and, in the same run, an
# authenticated GET /api/v1/me with as many clients as this machine's HTTP floor. Over HTTP (kept-alive blocking
# connections) against Kejiao started from the compiled classes with the small demo catalog.
# Prints a Markdown table: booking attempts/s against 50% of the floor, overlapping bookings found by SQL (0),
# wrong outcomes (0), the availability p95 against 20 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
echo "load before the run: $(uptime)"
run_benchmark 2g cn.kejiao.bench.BookingBenchmark "$@"
