#!/usr/bin/env bash
# Search benchmark: bench/search.sh [--achievements N] [--instruments M] [--queries Q] [--like-queries L]
# Defaults: 1,000,000 achievements, 50,000 instruments, 200 queries (40 for the LIKE baseline, which is slow).
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
./mvnw -q -B -DskipTests test-compile
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
exec "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$cp" \
  cn.kejiao.bench.SearchBenchmark --csl ../shared/data/csl "$@"
