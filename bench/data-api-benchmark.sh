#!/usr/bin/env bash
# GET /data latency, API beside the MongoDB driver, on 100,000 dialogs (README.md, "Benchmarks").
#   bench/data-api-benchmark.sh [--dialogs N] [--iterations N]
# With MONGODB_URI set, Parley and the benchmark both use that MongoDB; otherwise Parley starts its
# embedded development store on 127.0.0.1:27999 (data in target/bench, kept between runs).
# The server runs from a copy of target/server's standalone directory (target/bench/standalone) on port
# offset 200 (HTTP 8280), so it disturbs neither a running Parley nor the ITs' server.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
source bench/embedded-parley.sh

java -Xmx1g -cp "$(cat target/bench-classpath.txt)" bench/DataApiBenchmark.java \
  --url http://127.0.0.1:8280 --mongo "$store_uri" "$@"
