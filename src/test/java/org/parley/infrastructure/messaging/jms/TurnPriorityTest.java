package org.parley.infrastructure.messaging.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TurnPriorityTest {

  @Test
  void turnWorkRunsAtTheLowestPriorityAndThePooledThreadGetsItsOwnBack() throws Exception {
    AtomicInteger during = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    Thread pooled =
        new Thread(
            () -> {
              int priority = TurnPriority.lower();
              try {
                during.set(Thread.currentThread().getPriority());
              } finally {
                TurnPriority.restore(priority);
              }
              after.set(Thread.currentThread().getPriority());
            });
    pooled.setPriority(Thread.NORM_PRIORITY + 2);
    pooled.start();
    pooled.join();

    assertEquals(Thread.MIN_PRIORITY, during.get());
    assertEquals(Thread.NORM_PRIORITY + 2, after.get());
  }
}
