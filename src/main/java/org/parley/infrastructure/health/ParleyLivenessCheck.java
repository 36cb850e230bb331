package org.parley.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the JVM has deadlocked threads: the one state a restart cures. Deliberately
 * independent of the store and the broker, whose outages make Parley unready, not dead (restarting
 * would not help).
 */
@Liveness
@ApplicationScoped
public class ParleyLivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = threads.findDeadlockedThreads();
    int count = deadlocked == null ? 0 : deadlocked.length;
    return HealthCheckResponse.named("parley")
        .status(count == 0)
        .withData("deadlockedThreads", count)
        .build();
  }
}
