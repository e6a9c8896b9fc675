#!/usr/bin/env bash
# Measures Switchboard (all-in-one: edge -> router -> OpenAI-protocol upstream) beside calling the mock upstream
# directly, nginx and Portkey, in one run of the shared harness (../shared/bench/run-peers.sh). Loopback only,
# bounded in time. Once per machine first: bash ../shared/bench/setup-peers.sh
#
#   bash bench/run.sh                                   # 3 interleaved rounds (~15 min on 2 cores)
#   ROUNDS=1 DURATION=5 RATE_DURATION=5 STREAM_DURATION=5 SLOW_DURATION=5 bash bench/run.sh   # smoke (~4 min)
#   TARGETS="direct switchboard" bash bench/run.sh      # fewer targets
#
# Knobs: SWITCHBOARD_BENCH_PORT (18092), SWITCHBOARD_JAVA_OPTS (-Xms256m -Xmx512m), HARNESS (the harness folder),
# ACCOUNTING (off | embedded: the all-in-one's accounting pipeline on the same machine);
# every knob of run-peers.sh (ROUNDS, CONC, RATES, ...) passes through.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"
HARNESS="${HARNESS:-$REPO/../shared/bench}"
PORT="${SWITCHBOARD_BENCH_PORT:-18092}"
# The gateway path alone by default; ACCOUNTING=embedded adds the all-in-one's Kafka + PostgreSQL + cost-service on
# the same cores (docs/performance.md reports both).
ACCOUNTING="${ACCOUNTING:-off}"

if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}java"
(cd "$REPO" && ./mvnw -q -B -ntp -DskipTests -pl all-in-one -am install)
JAR="$(ls "$REPO"/all-in-one/target/all-in-one-*-exec.jar | head -n 1)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-bench-XXXXXX")"
cat > "$WORK/start.sh" <<SCRIPT
#!/usr/bin/env bash
# Started by run-peers.sh with MOCK_OPENAI_BASE exported: point the upstream at the mock, then run the all-in-one.
cat > "$WORK/switchboard.yaml" <<YAML
providers:
  upstream: { kind: openai-compatible, base-url: \$MOCK_OPENAI_BASE }
models:
  gpt-4o-mini: upstream/gpt-4o-mini
YAML
export SWITCHBOARD_ADMIN_KEY=sk-mock SWITCHBOARD_DATA="$WORK/data" SWITCHBOARD_ACCOUNTING=$ACCOUNTING
exec "$JAVA_BIN" ${SWITCHBOARD_JAVA_OPTS:--Xms256m -Xmx512m} --enable-native-access=ALL-UNNAMED \
  -jar "$JAR" --server.port=$PORT --switchboard.config="$WORK/switchboard.yaml" \
  --logging.level.root=WARN
SCRIPT

export TARGET_NAME=switchboard TARGET_URL="http://127.0.0.1:$PORT" TARGET_CMD="bash $WORK/start.sh"
export TARGET_AUTH="Authorization: Bearer sk-mock" TARGET_MODEL=gpt-4o-mini
# A JVM compiles its hot path for about a minute on 2 cores before it runs at full speed.
export TARGET_WARMUP_S="${TARGET_WARMUP_S:-60}"
export TARGETS="${TARGETS:-direct nginx portkey switchboard}"
echo "switchboard under test: $JAR (work dir $WORK)" >&2
exec bash "$HARNESS/run-peers.sh"
