#!/usr/bin/env bash
# JMH benchmarks of the router's hot path (decode -> route -> fallback -> encode, no network), with the GC profiler.
# Builds benchmarks/target/benchmarks.jar when it is missing or older than the sources, then runs it; every argument
# goes to JMH, and a default whose option is given is left out (JMH refuses an option twice).
#
#   bash bench/jmh.sh                                  # all benchmarks, short settings (~2 min on 2 cores)
#   bash bench/jmh.sh HotPath                          # benchmarks whose name matches a regexp
#   bash bench/jmh.sh -f 3 -i 10 -r 2s                 # longer, steadier runs
#   bash bench/jmh.sh -rf json -rff bench/out/jmh.json # machine-readable results
#   bash bench/jmh.sh -l                               # list the benchmarks
#
# Defaults: -wi 3 -i 5 -w 1s -r 1s -f 1 -prof gc. Knobs: NO_GC_PROFILER=1 leaves out -prof gc, SKIP_BUILD=1 runs the
# jar as it is.
# The modules the benchmarks use are taken from ~/.m2: after changing router-service, provider-adapters or contracts,
# install them first: ./mvnw -q -B -ntp install -DskipTests -pl contracts,provider-adapters,router-service
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
JAR="$REPO/benchmarks/target/benchmarks.jar"

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$JAR" ] || [ -n "$(find "$REPO/benchmarks/src" "$REPO/benchmarks/pom.xml" -newer "$JAR" -print -quit)" ]; then
    (cd "$REPO" && ./mvnw -q -B -ntp package -DskipTests -pl benchmarks)
  fi
fi

defaults=()
for pair in "-wi 3" "-i 5" "-w 1s" "-r 1s" "-f 1"; do
  option="${pair%% *}"
  given=0
  for arg in "$@"; do [ "$arg" = "$option" ] && given=1; done
  [ "$given" = 1 ] || defaults+=("$option" "${pair#* }")
done
[ "${NO_GC_PROFILER:-0}" = 1 ] || defaults+=(-prof gc)

exec "$JAVA_BIN" -jar "$JAR" "${defaults[@]}" "$@"
