#!/usr/bin/env bash
# Auction benchmark: bench/auction.sh [--seconds S] [--bidders N] [--watchers W] [--proxy-every P] [--warmup S] [--no-build]
# Over HTTP against the packaged jar (target/kejiao.jar, built first unless --no-build), started by the benchmark as
# `java -jar` on a free port and a fresh data folder with its embedded PostgreSQL and the demo organisations and
# accounts (no demo catalog). Through the API it registers N enterprises (default 100) with a user each, has the
# platform admin verify them with no public-notice period, takes a token per user, opens a session with a hot lot,
# registers every bidder for it and records their deposits. Then, S seconds each (default 20), after a warm-up
# (default 10 s; the bids on a lot of their own):
#  - the floor: N clients GET /api/v1/me with their tokens;
#  - the hot lot: N bidders read the lot and bid its minimum (every P-th a proxy maximum), while W watchers (default
#    500) follow its live stream (server-sent events);
# and afterwards it replays the recorded bids through the auction rules and compares. Prints a Markdown table:
# accepted bids/s against 50% of the floor, accepted bid p99 against 50 ms, SSE delivery p99 against 1 s, missed
# events (0), inconsistencies (0).
# Environment: KEJIAO_BENCH_APP_OPTS JVM options for Kejiao (default none: a plain `java -jar`);
#              KEJIAO_BENCH_JAR      another jar; KEJIAO_BENCH_JAVA_OPTS options for the benchmark's own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
. bench/lib.sh
run_jar_benchmark 1g cn.kejiao.bench.AuctionBenchmark "$@"
