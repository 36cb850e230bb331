package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault test (b): the document store unreachable for 30 s under load. The store is a separate
 * mongo-java-server process (StoreProcess) that Parley reaches through {@code MONGODB_URI}; it
 * stands in for MongoDB, which cannot run here, and is stopped with SIGSTOP, so its connections
 * hang as across a broken network, then continued. Readiness goes DOWN while it is unreachable and
 * UP after; the webhooks keep acknowledging and queuing (the broker holds what the store cannot
 * take yet); every message is answered after recovery, in order, none lost. Prints its figures.
 */
class StoreOutageFaultIT {

  private static final int USERS = 40;
  private static final int PER_USER = 10;
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void messagesTakenDuringAStoreOutageAreAnsweredInOrderAfterIt() throws Exception {
    try (StoreProcess store = StoreProcess.start("outage");
        NodeProcess node =
            NodeProcess.start("outage", 500, store.uri(), NodeProcess.FAST_TELEGRAM)) {
      long firstUser = 9_200_000_000L + (System.currentTimeMillis() % 1_000_000) * 100;
      try (TelegramLoad load =
          new TelegramLoad(
              firstUser, USERS, PER_USER, Duration.ofMillis(500), k -> node.http(""))) {
        load.start();
        Await.await("40 messages answered", Duration.ofMinutes(3), () -> load.answered() >= 40);

        int acknowledgedBefore = load.acknowledged();
        int answeredBefore = load.answered();
        store.pause();
        Instant paused = Instant.now();
        Instant down = null;
        long slowestProbe = 0;
        while (Duration.between(paused, Instant.now()).compareTo(OUTAGE) < 0) {
          Instant asked = Instant.now();
          boolean ready = node.ready();
          slowestProbe = Math.max(slowestProbe, Duration.between(asked, Instant.now()).toMillis());
          if (down == null && !ready) {
            down = Instant.now();
          }
          Thread.sleep(100);
        }
        int acknowledgedDuring = load.acknowledged() - acknowledgedBefore;
        int answeredDuring = load.answered() - answeredBefore;
        store.resume();
        Instant resumed = Instant.now();
        Await.await("readiness UP again", Duration.ofMinutes(2), node::ready);
        Instant up = Instant.now();

        load.awaitPosted(Duration.ofMinutes(3));
        Await.await(
            "every message answered", Duration.ofMinutes(4), () -> load.answered() == load.total());
        Instant allAnswered = Instant.now();

        System.out.printf(
            "Fault (b) store unreachable %d s under load: %d messages from %d users; readiness DOWN"
                + " %s ms after the store stopped, UP %d ms after it came back; acknowledged while"
                + " it was down %d (answered %d), posts refused while down %d; all answered %d ms"
                + " after it came back; lost 0; duplicates %d; out of order %d; slowest readiness"
                + " answer %d ms%n",
            OUTAGE.toSeconds(),
            load.total(),
            USERS,
            down == null ? "never" : String.valueOf(Duration.between(paused, down).toMillis()),
            Duration.between(resumed, up).toMillis(),
            acknowledgedDuring,
            answeredDuring,
            load.resent(),
            Duration.between(resumed, allAnswered).toMillis(),
            load.duplicates(),
            load.outOfOrderOrMissing().size(),
            slowestProbe);
        assertTrue(down != null, "readiness went DOWN while the store was unreachable");
        assertTrue(acknowledgedDuring > 0, "the webhooks kept acknowledging and queuing");
        assertEquals(0, load.resent(), "no webhook call was refused during the outage");
        assertEquals(
            List.of(), load.storedWrongly(store.database()), "each message stored once, answered");
        Await.await(
            "every stored reply recorded as delivered (just after its send)",
            Duration.ofMinutes(1),
            () -> load.undelivered(store.database()).isEmpty());
        assertEquals(List.of(), load.outOfOrderOrMissing(), "each user's answers, 1..10 in order");
        assertTrue(
            load.duplicates() <= acknowledgedBefore - answeredBefore,
            "answered twice only if in flight when the store went: " + load.duplicates());
      }
    }
  }
}
