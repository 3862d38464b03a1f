#!/usr/bin/env bash
# Voucher benchmark: bench/voucher.sh [--seconds S] [--clients 1,8,64]   (default 20 s per level of 1, 8 and 64 clients)
# Needs pgbench on the PATH (Debian: postgresql-client, or postgresql-contrib) for the database ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
. .mvn/find-jdk.sh
. bench/lib.sh
run_benchmark 2g cn.kejiao.bench.VoucherBenchmark "$@"
