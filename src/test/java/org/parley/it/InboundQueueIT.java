package org.parley.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.infrastructure.messaging.jms.JmsInboundQueue;
import org.parley.infrastructure.messaging.jms.MessageGroups;

/**
 * Inside the WAR, on WildFly's Artemis: what the webhooks enqueue lands on parley.inbound
 * persistent, grouped per user, as JSON, and a redelivered platform message is dropped by the
 * broker's duplicate detection. (No consumer exists yet; the test drains what it sent.)
 */
@ExtendWith(ArquillianExtension.class)
class InboundQueueIT {

  @Deployment
  static WebArchive deployment() {
    return TestEnvironment.war();
  }

  @Inject InboundQueue queue;

  @Resource(lookup = "java:/ConnectionFactory")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "java:/jms/queue/parley.inbound")
  Queue inbound;

  @Test
  void messagesArePersistentGroupedPerUserAndARedeliveryIsDroppedByTheBroker() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    InboundMessage first = message(run, "ada", "1");
    InboundMessage second = message(run, "ada", "2");
    InboundMessage other = message(run, "bob", "3");

    queue.enqueue(first);
    queue.enqueue(second);
    queue.enqueue(other);
    queue.enqueue(first); // the platform delivered it again

    List<Message> received = drain("_AMQ_DUPL_ID LIKE 'telegram:" + run + "-%'");
    assertEquals(3, received.size(), "the redelivery was dropped");
    List<InboundMessage> bodies = new ArrayList<>();
    for (Message message : received) {
      assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
      InboundMessage body = JmsInboundQueue.fromJson(((TextMessage) message).getText());
      bodies.add(body);
      assertEquals(
          MessageGroups.groupOf("telegram", body.userId(), 1024),
          message.getStringProperty("JMSXGroupID"));
      assertEquals(body.deduplicationId(), message.getStringProperty("_AMQ_DUPL_ID"));
    }
    assertEquals(List.of(first, second, other), bodies, "every field round-trips, in order");
    assertEquals(
        received.get(0).getStringProperty("JMSXGroupID"),
        received.get(1).getStringProperty("JMSXGroupID"),
        "ada's two messages share a group");
  }

  private static InboundMessage message(String run, String user, String id) {
    return new InboundMessage(
        "telegram",
        run + "-" + user,
        run + "-" + id,
        InboundMessage.Type.TEXT,
        "hello " + id,
        null,
        null,
        "chat-" + user,
        id,
        "en",
        Instant.parse("2026-11-23T10:00:00Z").plusSeconds(Long.parseLong(id)));
  }

  private List<Message> drain(String selector) {
    List<Message> messages = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        JMSConsumer consumer = context.createConsumer(inbound, selector)) {
      Message message;
      while ((message = consumer.receive(2_000)) != null) {
        messages.add(message);
      }
    }
    return messages;
  }
}
