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

# run_jar_benchmark HEAP MAIN_CLASS ARGS...: for the benchmarks that start the packaged jar themselves: packages it
# first unless ARGS hold --no-build (taken out of them), says the machine's load, then runs as run_benchmark.
run_jar_benchmark() {
  local heap=$1 main=$2
  shift 2
  local args=() build=1 arg
  for arg in "$@"; do
    if [ "$arg" = --no-build ]; then build=0; else args+=("$arg"); fi
  done
  if [ "$build" = 1 ]; then
    ./mvnw -q -B -DskipTests package
  fi
  echo "load before the run: $(uptime)"
  run_benchmark "$heap" "$main" ${args[@]+"${args[@]}"}
}
