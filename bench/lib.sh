# Shared by the benchmark scripts (sourced after `cd` to the repository root and `. .mvn/find-jdk.sh`).
# run_benchmark HEAP MAIN_CLASS ARGS...: compiles, then runs the class with the test class path from a copy of
# the compiled classes, so that a build meanwhile does not change them under it (it does take CPU from them).
run_benchmark() {
  local heap=$1 main=$2
  shift 2
  ./mvnw -q -B -DskipTests test-compile
  local classpath
  classpath=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
  snapshot=$(mktemp -d -t kejiao-bench-classes.XXXXXX)
  trap 'rm -rf "$snapshot"' EXIT
  cp -r target/classes target/test-classes "$snapshot"/
  "$JAVA_HOME/bin/java" "-Xmx$heap" ${KEJIAO_BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED \
    -cp "$snapshot/test-classes:$snapshot/classes:$classpath" "$main" "$@"
}
