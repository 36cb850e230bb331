# Sourced by the benchmarks that read a loaded store: builds Parley and starts it from a copy of
# target/server's standalone directory (target/bench/standalone) on port offset 200 (HTTP 8280,
# management 10190), so it disturbs neither a running Parley nor the ITs' server. With MONGODB_URI
# set, Parley uses that MongoDB; otherwise its embedded development store on 127.0.0.1:27999 (data
# in target/bench/store.mv, kept between runs so the dialogs are loaded once). Sets store_uri and
# stops the server when the calling script exits.

./mvnw -q -B -DskipTests package
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt

base=target/bench/standalone
rm -rf "$base/configuration" "$base/deployments" "$base/tmp"
mkdir -p "$base"
cp -r target/server/standalone/configuration target/server/standalone/deployments "$base/"
cp target/parley.war "$base/deployments/parley.war"

store_uri="${MONGODB_URI:-mongodb://127.0.0.1:27999}"
server_args=(-Djboss.server.base.dir="$PWD/$base" -Djboss.socket.binding.port-offset=200)
if [ -z "${MONGODB_URI:-}" ]; then
  # a page cache that holds the 100,000 dialogs (the store scans for every query; see README.md)
  server_args+=(-Dparley.mongodb.embedded.port=27999 -Dparley.mongodb.embedded.file="$PWD/target/bench/store.mv"
    -Dparley.mongodb.embedded.cache-mb="${BENCH_STORE_CACHE_MB:-512}")
fi
# LAUNCH_JBOSS_IN_BACKGROUND: the script then forwards our TERM to the JVM instead of orphaning it
LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xmx2g" target/server/bin/standalone.sh --read-only-server-config=standalone.xml "${server_args[@]}" \
  > target/bench/server.out 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

source bench/ready.sh
await_ready
