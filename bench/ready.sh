# Sourced by the benchmark scripts: waits (up to 3 minutes) until the benchmark's Parley on
# management port 10190 reports ready, or stops the script.
await_ready() {
  for _ in $(seq 1 180); do
    if curl -sf http://127.0.0.1:10190/health/ready > /dev/null; then return 0; fi
    sleep 1
  done
  echo "Parley did not become ready (see target/bench/server.out)"
  exit 1
}
