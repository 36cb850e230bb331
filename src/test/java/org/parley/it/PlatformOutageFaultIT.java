package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault test (c): the platform's API down for 60 s (the fake Bot API answers 503). Messages keep
 * being acknowledged and answered by Parley; the replies wait (retried inside each delivery, then
 * redelivered by the broker in each user's order, never dead-lettered within the attempts a 60 s
 * outage takes) and are all delivered after recovery, in order, once. Prints its figures.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformOutageFaultIT {

  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Test
  void repliesHeldByAPlatformOutageAreAllDeliveredInOrderAfterIt() throws Exception {
    Map<String, Long> depthsBefore = BrokerQueues.depths();
    long refusedBefore = FakePlatforms.refusedWhileDown();
    long firstUser = 9_300_000_000L + (System.currentTimeMillis() % 1_000_000) * 100;
    FakePlatforms.downFor(OUTAGE);
    Instant down = Instant.now();
    try (TelegramLoad load =
        new TelegramLoad(
            firstUser, 20, 5, Duration.ZERO, k -> TestEnvironment.http("").toString())) {
      load.start();
      load.awaitPosted(Duration.ofMinutes(1));
      int answeredWhileDown = load.answered();
      Instant recovered = down.plus(OUTAGE);

      Await.await(
          "every reply delivered after the outage",
          Duration.ofMinutes(4),
          () -> load.answered() == load.total());
      Instant allDelivered = Instant.now();

      System.out.printf(
          "Fault (c) platform down %d s: %d messages from 20 users acknowledged during it;"
              + " delivered while down %d; sends refused while down %d; all delivered %d ms after"
              + " recovery; lost 0; duplicates %d; out of order %d%n",
          OUTAGE.toSeconds(),
          load.total(),
          answeredWhileDown,
          FakePlatforms.refusedWhileDown() - refusedBefore,
          Duration.between(recovered, allDelivered).toMillis(),
          load.duplicates(),
          load.outOfOrderOrMissing().size());
      assertEquals(0, answeredWhileDown, "nothing reached the platform while it was down");
      assertTrue(FakePlatforms.refusedWhileDown() > refusedBefore, "Parley kept trying");
      Await.await(
          "every stored reply recorded as delivered (just after its send)",
          Duration.ofMinutes(1),
          () -> load.undelivered(TestDocumentStore.database()).isEmpty());
      assertEquals(List.of(), load.outOfOrderOrMissing(), "each user's replies, 1..5 in order");
      assertEquals(0, load.duplicates(), "a refused send is not a delivery: nothing twice");
      Await.await(
          "the queues drained",
          Duration.ofMinutes(1),
          () -> BrokerQueues.depths().get("parley.outbound") == 0);
      assertEquals(
          depthsBefore.get("parley.outbound.DLQ"),
          BrokerQueues.depths().get("parley.outbound.DLQ"),
          "no reply was dead-lettered");
    }
  }
}
