package org.parley.domain.model.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

class RateLimitTest {

  @Test
  void aBurstIsAllowedThenOneEventPerInterval() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    RateLimit limit = new RateLimit(3, Duration.ofSeconds(1), clock);
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limit.tryTake("a"), "event " + i + " of the burst");
    }
    assertEquals(Duration.ofSeconds(1), limit.tryTake("a"), "the fourth waits a whole interval");
    assertEquals(Duration.ZERO, limit.tryTake("b"), "other keys are not affected");
    clock.advance(Duration.ofMillis(400));
    assertEquals(Duration.ofMillis(600), limit.tryTake("a"), "a refused event takes nothing");
    clock.advance(Duration.ofMillis(600));
    assertEquals(Duration.ZERO, limit.tryTake("a"));
    assertEquals(Duration.ofSeconds(1), limit.waitFor("a"));
  }

  @Test
  void reservationsQueueEventsBehindEachOther() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    RateLimit limit = new RateLimit(2, Duration.ofSeconds(1), clock);
    assertEquals(Duration.ZERO, limit.reserve("chat"));
    assertEquals(Duration.ZERO, limit.reserve("chat"));
    assertEquals(Duration.ofSeconds(1), limit.reserve("chat"));
    assertEquals(Duration.ofSeconds(2), limit.reserve("chat"), "each one interval after the last");
  }

  @Test
  void aPauseHoldsTheKeyForItsWholeLengthThenAllowsOneEvent() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    RateLimit limit = new RateLimit(3, Duration.ofSeconds(1), clock);
    limit.pause("chat", Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(5), limit.waitFor("chat"));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(Duration.ZERO, limit.tryTake("chat"));
    assertEquals(Duration.ofSeconds(1), limit.tryTake("chat"), "no burst right after a pause");
  }

  @Test
  void aZeroIntervalIsNoLimitButItsPausesHold() {
    TestClock clock = new TestClock(Instant.parse("2026-12-01T12:00:00Z"));
    RateLimit limit = new RateLimit(1, Duration.ZERO, clock);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Duration.ZERO, limit.reserve("a"));
    }
    limit.pause("a", Duration.ofSeconds(3));
    assertEquals(Duration.ofSeconds(3), limit.waitFor("a"), "a 429 holds an unpaced chat too");
    assertEquals(Duration.ZERO, limit.tryTake("b"));
    clock.advance(Duration.ofSeconds(3));
    assertEquals(Duration.ZERO, limit.reserve("a"));
  }
}
