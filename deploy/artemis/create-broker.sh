#!/usr/bin/env bash
# Makes one broker of Parley's ActiveMQ Artemis primary/backup pair: `artemis create` with a shared-store
# HA policy, then Parley's queues and settings (parley-broker.properties next to this script) as the
# instance's etc/broker.properties. Start it with <instance>/bin/artemis run.
#
#   create-broker.sh primary|backup <instance-dir>
#
# The primary and the backup share one journal (PARLEY_BROKER_DATA, on storage both can reach: a local
# directory on one machine, NFSv4 or a SAN volume on two). The backup waits on the journal's lock and
# takes over, with every message, duplicate id and group of the primary, when the primary goes.
#
# Environment:
#   ARTEMIS_HOME                the unpacked apache-artemis distribution (the build unpacks it in
#                               target/artemis/apache-artemis-<version>)
#   PARLEY_BROKER_USER          the user Parley's nodes connect as (required)
#   PARLEY_BROKER_PASSWORD      its password (required)
#   PARLEY_BROKER_HOST          the address this broker listens on and announces to clients (required)
#   PARLEY_BROKER_PORT          its port (61616)
#   PARLEY_BROKER_PEER          the other broker, host:port (required)
#   PARLEY_BROKER_DATA          the shared journal directory (required)
#   PARLEY_BROKER_CLUSTER_USER / PARLEY_BROKER_CLUSTER_PASSWORD
#                               what the two brokers use between themselves (default: the user above)
#   PARLEY_BROKER_MEMORY        the broker's heap (1G)
set -euo pipefail

role="${1:?usage: create-broker.sh primary|backup <instance-dir>}"
instance="${2:?usage: create-broker.sh primary|backup <instance-dir>}"
here="$(cd "$(dirname "$0")" && pwd)"
: "${ARTEMIS_HOME:?ARTEMIS_HOME must name the unpacked Artemis distribution}"
: "${PARLEY_BROKER_USER:?}" "${PARLEY_BROKER_PASSWORD:?}" "${PARLEY_BROKER_HOST:?}"
: "${PARLEY_BROKER_PEER:?}" "${PARLEY_BROKER_DATA:?}"

case "$role" in
  primary) ha=() ;;
  backup) ha=(--backup) ;;
  *) echo "create-broker.sh: the role is primary or backup, not '$role'" >&2; exit 2 ;;
esac

bash "$ARTEMIS_HOME/bin/artemis" create "$instance" --silent --force \
  --name "parley-$role" \
  --user "$PARLEY_BROKER_USER" --password "$PARLEY_BROKER_PASSWORD" --require-login \
  --host "$PARLEY_BROKER_HOST" --default-port "${PARLEY_BROKER_PORT:-61616}" \
  --clustered --staticCluster "tcp://$PARLEY_BROKER_PEER" \
  --cluster-user "${PARLEY_BROKER_CLUSTER_USER:-$PARLEY_BROKER_USER}" \
  --cluster-password "${PARLEY_BROKER_CLUSTER_PASSWORD:-$PARLEY_BROKER_PASSWORD}" \
  --shared-store --failover-on-shutdown "${ha[@]}" \
  --data "$PARLEY_BROKER_DATA" \
  --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
  --nio --no-autotune --java-memory "${PARLEY_BROKER_MEMORY:-1G}" > /dev/null

cp "$here/parley-broker.properties" "$instance/etc/broker.properties"
echo "Artemis $role broker created in $instance (start it with $instance/bin/artemis run)"
