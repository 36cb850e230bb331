# One broker of Parley's ActiveMQ Artemis primary/backup pair, made at start by deploy/artemis/create-broker.sh
# from the distribution the Maven build unpacked (target/artemis). Build from the repository root after
# `./mvnw -DskipTests package`:
#   docker build -f docker/artemis.Dockerfile -t parley-artemis .
# Run two of it on one shared journal volume, PARLEY_BROKER_ROLE=primary and =backup (docker/compose-cluster.yaml).
FROM eclipse-temurin:17-jre

ARG ARTEMIS_VERSION=2.44.0
RUN groupadd --system artemis && useradd --system --gid artemis --home-dir /var/lib/artemis --create-home artemis
COPY --chown=artemis:artemis target/artemis/apache-artemis-${ARTEMIS_VERSION} /opt/artemis
COPY --chown=artemis:artemis deploy/artemis /opt/parley-broker

USER artemis
ENV ARTEMIS_HOME=/opt/artemis PARLEY_BROKER_DATA=/var/lib/artemis/journal PARLEY_BROKER_PORT=61616
EXPOSE 61616
# The instance (configuration only) is made afresh at every start; the messages live in PARLEY_BROKER_DATA.
ENTRYPOINT ["bash", "-c", "/opt/parley-broker/create-broker.sh \"${PARLEY_BROKER_ROLE:?primary or backup}\" /var/lib/artemis/instance && exec /var/lib/artemis/instance/bin/artemis run"]
