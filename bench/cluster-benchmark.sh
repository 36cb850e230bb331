#!/usr/bin/env bash
# One Parley node against two, with the broker pair's own ceiling in the same run (README.md, "Running several
# nodes"):
#   bench/cluster-benchmark.sh [users] [messages per user]     (default 50 x 40)
# Runs ClusterBenchmark through Failsafe (it needs the fake platforms the ITs start): two nodes on
# standalone-cluster.xml, an Artemis primary/backup pair made by deploy/artemis/create-broker.sh, and a
# mongo-java-server process standing in for MongoDB. Prints a "Cluster benchmark" block.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package
./mvnw -B verify -Dparley.skip.provisioning=true -Dspotless.check.skip=true \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterBenchmark \
  -Dbench.users="${1:-50}" -Dbench.messages="${2:-40}" | sed -n '/Cluster benchmark/,/ceiling/p'
