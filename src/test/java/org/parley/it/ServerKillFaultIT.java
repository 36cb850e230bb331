package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault test (a): a Parley node killed with -9 under load and started again on the same data. 1,000
 * Telegram messages from 40 users, each sending one every ~0.4 s; the node is killed once 80 are
 * answered, while users are still sending. Every acknowledged message is answered, each user's
 * answers come in order, and a message is answered twice at most if it was in flight when the node
 * died. The node runs as its own process (NodeProcess) with its embedded broker, whose journal
 * survives the kill; the document store is a separate mongo-java-server process (StoreProcess),
 * standing in for MongoDB, which cannot run here. Prints its figures.
 */
class ServerKillFaultIT {

  private static final int USERS = 40;
  private static final int PER_USER = 25;

  @Test
  void everyAcknowledgedMessageIsAnsweredInOrderAfterAKill() throws Exception {
    try (StoreProcess store = StoreProcess.start("kill");
        NodeProcess node = NodeProcess.start("kill", 400, store.uri(), NodeProcess.FAST_TELEGRAM)) {
      long firstUser = 9_100_000_000L + (System.currentTimeMillis() % 1_000_000) * 100;
      try (TelegramLoad load =
          new TelegramLoad(
              firstUser, USERS, PER_USER, Duration.ofMillis(400), k -> node.http(""))) {
        load.start();
        Await.await("80 messages answered", Duration.ofMinutes(3), () -> load.answered() >= 80);

        int acknowledgedAtKill = load.acknowledged();
        int answeredAtKill = load.answered();
        Instant killed = Instant.now();
        node.kill();
        node.restart();
        Instant ready = Instant.now();

        load.awaitPosted(Duration.ofMinutes(5));
        Await.await(
            "every message answered", Duration.ofMinutes(5), () -> load.answered() == load.total());
        Instant allAnswered = Instant.now();

        int inFlight = acknowledgedAtKill - answeredAtKill;
        System.out.printf(
            "Fault (a) kill -9 under load: %d messages from %d users; killed at %d acknowledged,"
                + " %d answered (%d in flight); node ready again after %d ms; all answered %d ms"
                + " after the kill; lost 0; duplicates %d; out of order %d; posts sent again"
                + " while down %d%n",
            load.total(),
            USERS,
            acknowledgedAtKill,
            answeredAtKill,
            inFlight,
            Duration.between(killed, ready).toMillis(),
            Duration.between(killed, allAnswered).toMillis(),
            load.duplicates(),
            load.outOfOrderOrMissing().size(),
            load.resent());
        assertEquals(
            List.of(), load.storedWrongly(store.database()), "each message stored once, answered");
        Await.await(
            "every stored reply recorded as delivered (just after its send)",
            Duration.ofMinutes(1),
            () -> load.undelivered(store.database()).isEmpty());
        assertEquals(List.of(), load.outOfOrderOrMissing(), "each user's answers, 1..25 in order");
        assertEquals(load.total(), load.acknowledged());
        assertTrue(
            load.duplicates() <= inFlight,
            load.duplicates() + " duplicates, " + inFlight + " in flight at the kill");
      }
    }
  }
}
