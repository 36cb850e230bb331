#!/usr/bin/env bash
# The embedded NLU engine: training time, parses/s and p99 per message (README.md, "Benchmarks").
#   bench/nlu-benchmark.sh [rounds]   (default 20 rounds over ~570 messages)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile -Dparley.skip.provisioning=true
./mvnw -q -B exec:java -Dparley.skip.provisioning=true -Dexec.classpathScope=test \
  -Dexec.mainClass=org.parley.bench.NluBenchmark -Dexec.args="${1:-20}"
