#!/usr/bin/env bash
# The admin console's pages on 100,000 dialogs (README.md, "Benchmarks"):
#   bench/console-benchmark.sh [--dialogs N] [--iterations N] [--pages N]
# Loads the dialogs as bench/data-api-benchmark.sh does (the same store, so either loads them once),
# signs in as the development admin and times the conversations list under each filter, a walk back
# through --pages pages, a transcript and the dashboard. Server and store as in embedded-parley.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
source bench/embedded-parley.sh

classes=target/bench/classes
rm -rf "$classes" && mkdir -p "$classes"
javac --release 17 -cp "$(cat target/bench-classpath.txt)" -d "$classes" \
  bench/DataApiBenchmark.java bench/ConsoleBenchmark.java
java -Xmx1g -cp "$classes:$(cat target/bench-classpath.txt)" ConsoleBenchmark \
  --url http://127.0.0.1:8280 --mongo "$store_uri" "$@"
