# Sourced by ./mvnw and .ci/run: Kejiao needs a JDK >= 21. If JAVA_HOME (or the java on PATH)
# is older, pick the newest JDK >= 21 found in the usual install folders and export JAVA_HOME.
kejiao_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
kejiao_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(kejiao_java_major "$JAVA_HOME/bin/java"); [ "${v:-0}" -ge 21 ] && return 0
  elif [ -z "${JAVA_HOME-}" ] && command -v java >/dev/null 2>&1; then
    v=$(kejiao_java_major java); [ "${v:-0}" -ge 21 ] && return 0
  fi
  best=""; best_v=0
  case $- in *f*) noglob=1 ;; *) noglob=0 ;; esac
  set +f  # ./mvnw runs with globbing off
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/javac" ] || continue
    v=$(kejiao_java_major "$d/bin/java")
    if [ "${v:-0}" -ge 21 ] && [ "${v:-0}" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  [ "$noglob" = 1 ] && set -f
  if [ -n "$best" ]; then
    JAVA_HOME="$best"; export JAVA_HOME
  else
    echo "Kejiao needs a JDK 21 or newer: set JAVA_HOME to one." >&2
    return 1
  fi
}
kejiao_find_jdk || exit 1
