package org.parley.infrastructure.persistence.mongodb;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.parley.infrastructure.config.ConfigKeys;

/** Ready only while the document store answers a ping: without it no turn can be stored. */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

  static final String NAME = "document-store";

  @Inject MongoDocumentStore store;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.HEALTH_STORE_TIMEOUT_MS,
      defaultValue = ConfigKeys.HEALTH_STORE_TIMEOUT_MS_DEFAULT)
  long timeoutMillis;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named(NAME)
            .withData("database", store.database().getName())
            .withData("store", store.isEmbedded() ? "embedded-development" : "mongodb");
    try {
      store.ping(timeoutMillis);
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
