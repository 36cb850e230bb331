package org.parley.infrastructure.persistence.mongodb;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Ready only while the document store answers a ping: without it no turn can be stored. The ping
 * runs on a managed thread and is waited for at most {@code parley.health.store-timeout-ms}: a
 * store that stops answering (a hung socket, not a refused one) held the driver's first ping for
 * ~11 s although it was given 2 s (SingleNodeFaultIT, fault (b)), and a probe must answer within
 * its own timeout. While a ping is still unanswered no second one is started.
 */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

  static final String NAME = "document-store";

  @Inject MongoDocumentStore store;

  @Resource ManagedExecutorService executor;

  private final AtomicReference<Future<?>> pending = new AtomicReference<>();

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
    Future<?> unanswered = pending.get();
    if (unanswered != null && !unanswered.isDone()) {
      return response.down().withData("error", "the last ping is still unanswered").build();
    }
    Future<?> ping = executor.submit(() -> store.ping(timeoutMillis));
    pending.set(ping);
    try {
      ping.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return response.up().build();
    } catch (TimeoutException e) {
      return response.down().withData("error", "no answer in " + timeoutMillis + " ms").build();
    } catch (ExecutionException e) {
      return response.down().withData("error", e.getCause().getClass().getSimpleName()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    }
  }
}
