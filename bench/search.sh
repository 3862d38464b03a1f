#!/usr/bin/env bash
# Search benchmark: bench/search.sh [--achievements N] [--instruments M] [--queries Q] [--like-queries L]
# --keep DIR loads and indexes into DIR once and reuses it on later runs.
# Defaults: 1,000,000 achievements, 50,000 instruments, 200 queries (40 for the LIKE baseline, which is slow).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
./mvnw -q -B -DskipTests test-compile
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
# the benchmark runs from a copy of the classes, so that a build meanwhile does not change them under it
snapshot=$(mktemp -d -t kejiao-bench-classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes target/test-classes "$snapshot"/
"$JAVA_HOME/bin/java" -Xmx4g ${KEJIAO_BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp "$snapshot/test-classes:$snapshot/classes:$cp" \
  cn.kejiao.bench.SearchBenchmark --csl ../shared/data/csl "$@"
