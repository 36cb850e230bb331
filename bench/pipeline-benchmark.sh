#!/usr/bin/env bash
# The conversation pipeline under load (README.md, "Benchmarks"):
#   bench/pipeline-benchmark.sh [--memory-store] [--users 1000] [--messages 20] [--concurrency 64] [--ack-rate N]
# Starts its own Parley (a copy of target/server's standalone directory, port offset 200: HTTP 8280,
# management 10190) with the Telegram channel pointed at the benchmark's stand-in Bot API, deploys the
# bare-JMS ceiling (bench/jms-ceiling) beside it, and runs bench/PipelineBenchmark.java.
# With MONGODB_URI set Parley uses that MongoDB; otherwise a fresh embedded development store. With
# --memory-store, a store that costs next to nothing (bench/MemoryStore.java, in memory, a process of
# its own): Parley's own ceiling beside the default's.
# The server runs with a flight recording (JFR's default settings); at the end bench/ProfileStages.java
# prints the server's CPU per message by stage over the throughput run.
set -euo pipefail
cd "$(dirname "$0")/.."

memory_store=false
args=()
for a in "$@"; do
  if [ "$a" = "--memory-store" ]; then memory_store=true; else args+=("$a"); fi
done

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/bench-provided-classpath.txt
mkdir -p target/bench
if $memory_store; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/bench-compile-classpath.txt
  store_port=28017
  java -Xmx2g -cp "$(cat target/bench-compile-classpath.txt)" bench/MemoryStore.java "$store_port" > target/bench/store.out 2>&1 &
  store=$!
  for _ in $(seq 1 120); do grep -q ready target/bench/store.out 2>/dev/null && break; sleep 0.5; done
  export MONGODB_URI="mongodb://127.0.0.1:$store_port"
fi

# the ceiling: two MDBs and a servlet, compiled against the Jakarta EE API only
ceiling=target/bench/jms-ceiling
rm -rf "$ceiling" && mkdir -p "$ceiling/WEB-INF/classes"
javac -q --release 17 -cp "$(cat target/bench-provided-classpath.txt)" -d "$ceiling/WEB-INF/classes" \
  bench/jms-ceiling/bench/ceiling/*.java 2>/dev/null || javac --release 17 -cp "$(cat target/bench-provided-classpath.txt)" \
  -d "$ceiling/WEB-INF/classes" bench/jms-ceiling/bench/ceiling/*.java
(cd "$ceiling" && jar cf ../jms-ceiling.war WEB-INF)

base=target/bench/standalone
rm -rf "$base/configuration" "$base/deployments" "$base/tmp" "$base/data"
mkdir -p "$base"
cp -r target/server/standalone/configuration target/server/standalone/deployments "$base/"
cp target/parley.war "$base/deployments/parley.war"

# The stand-in Bot API has no rate to respect, and this measures what a turn costs: replies are not
# paced at Telegram's one a second per chat (README, "Limits"), and each user's burst of messages is
# below the per-user limit (60).
server_args=(-Djboss.server.base.dir="$PWD/$base" -Djboss.socket.binding.port-offset=200
  -Dparley.telegram.secret-token=bench-telegram-secret -Dparley.telegram.bot-token=1:bench
  -Dparley.telegram.api-url=http://127.0.0.1:28443 -Dparley.mongodb.embedded.file="$PWD/$base/data/store.mv"
  -Dparley.telegram.send-interval=PT0S)
recording="$PWD/target/bench/server.jfr"
rm -f "$recording"
LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xmx2g -XX:StartFlightRecording=name=bench,settings=default ${BENCH_JAVA_OPTS:-}" \
  target/server/bin/standalone.sh --read-only-server-config=standalone.xml "${server_args[@]}" > target/bench/server.out 2>&1 &
server=$!
trap 'kill $server ${store:-} 2>/dev/null; wait $server 2>/dev/null || true' EXIT

source bench/ready.sh
await_ready

# The ceiling's queues, with the address settings of Parley's own (wildfly/messaging.cli, the same
# size property): with the broker's 10 MB default its 20,000 messages paged, which Parley's queues do not.
cat > target/bench/ceiling.cli <<'CLI'
/subsystem=messaging-activemq/server=default/address-setting=jms.queue.bench.ceiling.#:add(redelivery-delay=0, address-full-policy=BLOCK, max-size-bytes="${parley.messaging.max-size-bytes:104857600}")
jms-queue add --queue-address=bench.ceiling.in --entries=java:/jms/queue/bench.ceiling.in
jms-queue add --queue-address=bench.ceiling.out --entries=java:/jms/queue/bench.ceiling.out
deploy target/bench/jms-ceiling.war
CLI
target/server/bin/jboss-cli.sh --connect --controller=127.0.0.1:10190 --file=target/bench/ceiling.cli > /dev/null

server_pid=$(pgrep -f -n "jboss.server.base.dir=$PWD/$base")
# The stand-in is the JDK's HttpServer: without TCP_NODELAY its responses wait up to 40 ms for the
# client's delayed ACK (headers and body are two writes), which no real platform does (#13).
java -Xmx1g -Dsun.net.httpserver.nodelay=true bench/PipelineBenchmark.java --url http://127.0.0.1:8280 --stand-in-port 28443 \
  --secret bench-telegram-secret --ceiling-url http://127.0.0.1:8280/jms-ceiling/ \
  --server-pid "$server_pid" --clk-tck "$(getconf CLK_TCK)" ${args[@]+"${args[@]}"} | tee target/bench/benchmark.out

# CPU per message by stage, over the throughput run
window=$(sed -n 's/^  profile window *//p' target/bench/benchmark.out)
if [ -n "$window" ]; then
  jcmd "$server_pid" JFR.dump name=bench filename="$recording" > /dev/null
  echo
  java bench/ProfileStages.java "$recording" $window
fi
