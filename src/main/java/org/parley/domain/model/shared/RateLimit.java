package org.parley.domain.model.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rate per key: {@code burst} events at once, then one every {@code interval}; the generic cell
 * rate algorithm, so each key costs one number (the time its next event is due). Keys whose due
 * time has passed hold nothing a fresh key would not, and are dropped when the map grows.
 */
public final class RateLimit {

  private static final int SWEEP_ABOVE = 10_000;

  private final long intervalNanos;
  private final long toleranceNanos;
  private final Clock clock;
  private final Map<String, Long> due = new ConcurrentHashMap<>();
  private final AtomicLong operations = new AtomicLong();

  /**
   * @param burst how many events may come at once (at least 1)
   * @param interval the sustained spacing; zero means no limit but pauses
   */
  public RateLimit(int burst, Duration interval, Clock clock) {
    if (burst < 1 || interval.isNegative()) {
      throw new IllegalArgumentException("burst must be at least 1 and interval not negative");
    }
    this.intervalNanos = interval.toNanos();
    this.toleranceNanos = intervalNanos * (burst - 1);
    this.clock = clock;
  }

  /** Takes one event for {@code key} if the rate allows it now; else how long until it would. */
  public Duration tryTake(String key) {
    return take(key, false);
  }

  /** How long until an event for {@code key} would be allowed, taking nothing. */
  public Duration waitFor(String key) {
    long now = now();
    Long tat = due.get(key);
    return tat == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, tat - toleranceNanos - now));
  }

  /**
   * Reserves the next event for {@code key}, now or later; returns how long to wait before it (a
   * caller that must not drop the event waits, and the events after it wait behind it).
   */
  public Duration reserve(String key) {
    return take(key, true);
  }

  /**
   * The event's wait; without {@code queue} an event that would have to wait is refused and takes
   * nothing, with it the event is booked for when it is due.
   */
  private Duration take(String key, boolean queue) {
    long now = now();
    long[] wait = {0};
    due.compute(
        key,
        (k, tat) -> {
          long start = tat == null ? now : Math.max(tat, now);
          wait[0] = Math.max(0, start - toleranceNanos - now);
          if (wait[0] > 0 && !queue) {
            return tat;
          }
          // without a rate only a pause is worth remembering
          return intervalNanos == 0 && start <= now ? null : start + intervalNanos;
        });
    sweep(now);
    return Duration.ofNanos(wait[0]);
  }

  /** No event for {@code key} before {@code pause} has passed (a platform's Retry-After). */
  public void pause(String key, Duration pause) {
    long until = now() + pause.toNanos() + toleranceNanos;
    due.merge(key, until, Math::max);
  }

  private long now() {
    return clock.millis() * 1_000_000L;
  }

  private void sweep(long now) {
    if (due.size() > SWEEP_ABOVE && operations.incrementAndGet() % 1024 == 0) {
      due.values().removeIf(tat -> tat <= now);
    }
  }
}
