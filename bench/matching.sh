#!/usr/bin/env bash
# Matching benchmark: bench/matching.sh [--keep DIR] [--achievements N] [--instruments M] [--demands D] [--rounds R]
# Latency of matching one demand (top 20 over all types, with reasons) against the search benchmark's catalog
# (1,000,000 achievements + 50,000 instruments by default). --keep DIR reuses a catalog built by
# `bench/search.sh --keep DIR` (or builds it there once).
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
  cn.kejiao.bench.MatchingBenchmark --csl ../shared/data/csl "$@"
