#!/usr/bin/env bash
# Voucher benchmark: bench/voucher.sh [--seconds S] [--clients 1,8,64]   (default 20 s per level of 1, 8 and 64 clients)
# Needs pgbench on the PATH (Debian: postgresql-client, or postgresql-contrib) for the database ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }
. .mvn/find-jdk.sh
./mvnw -q -B -DskipTests test-compile
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# the benchmark runs from a copy of the classes, so that a build meanwhile does not change them under it
snapshot=$(mktemp -d -t kejiao-bench-classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes target/test-classes "$snapshot"/
"$JAVA_HOME/bin/java" -Xmx2g ${KEJIAO_BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp "$snapshot/test-classes:$snapshot/classes:$cp" \
  cn.kejiao.bench.VoucherBenchmark "$@"
