package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.bind.JsonbBuilder;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.DeadLetters;
import org.parley.application.DeadLetters.DeadLetter;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.application.WebChatReplies;
import org.parley.infrastructure.messaging.jms.MessageGroups;
import org.parley.it.failing.FailingPlugin;

/**
 * Inside the WAR: a message that always fails lands on parley.inbound.DLQ and is listed with the
 * reason and attempts recorded on its turn; a replayed dead letter goes back onto its queue and is
 * handled (a poison one fails again and returns; a good one is answered); a discarded one is gone.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLetterIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war()
        .addClasses(DeadLetterIT.class, TestEnvironment.class, Await.class, WebChatMessages.class)
        .addPackage(FailingPlugin.class.getPackage())
        .addAsResource(
            new File("src/test/resources/test-plugins/failing/plugin.yaml"),
            "plugins/failing/plugin.yaml")
        .addAsResource(
            new File("src/test/resources/test-plugins/failing/intents/selfdestruct.txt"),
            "plugins/failing/intents/selfdestruct.txt");
  }

  private static final Duration LIMIT = Duration.ofSeconds(60);

  @Inject DeadLetters deadLetters;
  @Inject InboundQueue queue;
  @Inject WebChatReplies replies;

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "java:/jms/queue/parley.inbound.DLQ")
  Queue inboundDlq;

  @Test
  void aPoisonMessageIsListedWithItsReasonReplayedBackOntoItsQueueAndDiscarded() {
    String user = UUID.randomUUID().toString();
    InboundMessage poison = WebChatMessages.text(user, "m1", "please self destruct now");
    queue.enqueue(poison);

    DeadLetter dead = Await.value("the dead letter", LIMIT, () -> find(poison.deduplicationId()));
    assertEquals(DeadLetters.Queue.INBOUND, dead.queue());
    assertEquals("webchat", dead.channel());
    assertEquals(user, dead.userId());
    assertEquals("please self destruct now", dead.text());
    assertTrue(dead.reason().contains("the failing plugin always fails"), dead.reason());
    assertEquals(5, dead.attempts());
    assertNotNull(dead.failedAt());

    assertTrue(deadLetters.replay(DeadLetters.Queue.INBOUND, dead.id()));
    assertFalse(deadLetters.replay(DeadLetters.Queue.INBOUND, dead.id()), "taken off the DLQ");
    DeadLetter again =
        Await.value(
            "the replayed poison back on the DLQ",
            LIMIT,
            () -> find(poison.deduplicationId()).filter(d -> !d.id().equals(dead.id())));
    assertNotEquals(dead.id(), again.id(), "it went through the queue again");

    assertTrue(deadLetters.discard(DeadLetters.Queue.INBOUND, again.id()));
    assertTrue(find(poison.deduplicationId()).isEmpty(), "discarded");
    assertFalse(deadLetters.discard(DeadLetters.Queue.INBOUND, again.id()));
    assertFalse(deadLetters.discard(DeadLetters.Queue.INBOUND, "ID:' OR 1=1 OR '"), "not an id");
  }

  @Test
  void aReplayedDeadLetterIsAnsweredInItsUsersFlow() throws Exception {
    String user = UUID.randomUUID().toString();
    InboundMessage hello = WebChatMessages.text(user, "m1", "hello");
    // as the broker would have left it: on the DLQ, in the user's group
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage letter = context.createTextMessage(JsonbBuilder.create().toJson(hello));
      letter.setStringProperty("JMSXGroupID", MessageGroups.groupOf("webchat", user, 1024));
      context.createProducer().send(inboundDlq, letter);
    }
    DeadLetter dead = Await.value("the dead letter", LIMIT, () -> find(hello.deduplicationId()));
    assertEquals(null, dead.reason(), "nothing recorded: it never failed here");

    assertTrue(deadLetters.replay(DeadLetters.Queue.INBOUND, dead.id()));
    List<WebChatReplies.Delivered> answered =
        Await.value(
            "the reply",
            LIMIT,
            () -> Optional.of(replies.after(user, 0, 10)).filter(list -> !list.isEmpty()));
    assertEquals("m1", answered.get(0).reply().replyToRef());
    assertTrue(find(hello.deduplicationId()).isEmpty());
  }

  @Test
  void replayingAllTakesWhatIsThereOnceAndAnswersTheGoodOnes() throws Exception {
    String user = UUID.randomUUID().toString();
    InboundMessage hello = WebChatMessages.text(user, "m1", "hello");
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage letter = context.createTextMessage(JsonbBuilder.create().toJson(hello));
      letter.setStringProperty("JMSXGroupID", MessageGroups.groupOf("webchat", user, 1024));
      context.createProducer().send(inboundDlq, letter);
    }
    InboundMessage poison = WebChatMessages.text(user + "-p", "m1", "please self destruct now");
    queue.enqueue(poison);
    DeadLetter dead =
        Await.value("the poison's dead letter", LIMIT, () -> find(poison.deduplicationId()));
    Await.await("the good dead letter", LIMIT, () -> find(hello.deduplicationId()).isPresent());
    int there = deadLetters.list(DeadLetters.Queue.INBOUND, 10_000).size();

    assertEquals(there, deadLetters.replayAll(DeadLetters.Queue.INBOUND, 10_000), "each once");
    Await.await("the reply", LIMIT, () -> !replies.after(user, 0, 10).isEmpty());
    assertTrue(find(hello.deduplicationId()).isEmpty(), "the good one is not back");
    DeadLetter back =
        Await.value(
            "the poison back on the DLQ",
            LIMIT,
            () -> find(poison.deduplicationId()).filter(d -> !d.id().equals(dead.id())));
    assertEquals(
        1,
        deadLetters.list(DeadLetters.Queue.INBOUND, 10_000).stream()
            .filter(d -> poison.deduplicationId().equals(d.key()))
            .count(),
        "replayed once, so back once");
    assertTrue(deadLetters.discard(DeadLetters.Queue.INBOUND, back.id()));
  }

  private Optional<DeadLetter> find(String key) {
    return deadLetters.list(DeadLetters.Queue.INBOUND, 1000).stream()
        .filter(d -> key.equals(d.key()))
        .findFirst();
  }
}
