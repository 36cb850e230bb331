package org.parley.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what happens asynchronously, polling every 100 ms; fails after the limit (a bound
 * against hanging, not a speed requirement). In-container tests add this class to their deployment.
 */
final class Await {

  private Await() {}

  static void await(String what, Duration limit, BooleanSupplier condition) {
    value(what, limit, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  /** The first value the probe finds. */
  static <T> T value(String what, Duration limit, Supplier<Optional<T>> probe) {
    Instant end = Instant.now().plus(limit);
    while (true) {
      Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("Still not the case after " + limit + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }
}
