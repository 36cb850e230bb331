package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.InboundMessage;
import org.parley.application.InboundQueue;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * {@code parley.inbound}: persistent messages, JSON bodies, grouped per user ({@code JMSXGroupID}),
 * with Artemis' duplicate-detection id {@code channel:platformMessageId}, so a platform's
 * redelivery that reaches the broker again is dropped there.
 */
@ApplicationScoped
public class JmsInboundQueue implements InboundQueue {

  /** Artemis drops a message whose value it has seen on this address recently. */
  static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

  /** On a copy put back behind its predecessor: when the webhook took the original (epoch ms). */
  static final String RECEIVED_AT = "parley_received_at";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = Destinations.POOLED_CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.INBOUND)
  Queue inbound;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ORDERING_GROUPS,
      defaultValue = ConfigKeys.ORDERING_GROUPS_DEFAULT)
  int groups;

  @Inject OrderingGuard ordering;

  @Override
  public void enqueue(InboundMessage unnumbered) {
    InboundMessage message;
    try {
      message = ordering.numbered(unnumbered);
    } catch (RuntimeException e) {
      throw new QueueUnavailableException("the user's place in the queue could not be stored", e);
    }
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage jms = context.createTextMessage(JSON.toJson(message));
      jms.setStringProperty(
          "JMSXGroupID", MessageGroups.groupOf(message.channel(), message.userId(), groups));
      jms.setStringProperty(DUPLICATE_DETECTION_ID, message.deduplicationId());
      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(inbound, jms);
    } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
      throw new QueueUnavailableException("parley.inbound did not take the message", e);
    }
  }

  /**
   * Puts a message that came before its predecessor back at the end of the queue, in its group, so
   * that the predecessor comes first ({@link OrderingGuard}). The copy keeps when the webhook took
   * the message and when it was first found early; its duplicate-detection id names the delivery it
   * copies, so that a redelivery of that one, moved again, is dropped by the broker.
   */
  void requeue(InboundMessage message, jakarta.jms.Message original, Instant heldSince)
      throws jakarta.jms.JMSException {
    String body = ((TextMessage) original).getText();
    String deduplicationId = message.deduplicationId();
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage jms = context.createTextMessage(body);
      jms.setStringProperty(
          "JMSXGroupID", MessageGroups.groupOf(message.channel(), message.userId(), groups));
      jms.setStringProperty(
          DUPLICATE_DETECTION_ID, "behind:" + deduplicationId + "@" + original.getJMSMessageID());
      jms.setLongProperty(RECEIVED_AT, receivedAt(original).toEpochMilli());
      jms.setLongProperty(Deliveries.HELD_SINCE, heldSince.toEpochMilli());
      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(inbound, jms);
    } catch (JMSRuntimeException e) {
      throw new QueueUnavailableException("parley.inbound did not take the message back", e);
    }
  }

  /** When the webhook took the message (a copy keeps the original's time). */
  static Instant receivedAt(jakarta.jms.Message message) throws jakarta.jms.JMSException {
    return message.propertyExists(RECEIVED_AT)
        ? Instant.ofEpochMilli(message.getLongProperty(RECEIVED_AT))
        : Instant.ofEpochMilli(message.getJMSTimestamp());
  }

  /** Reads a queued message back (the consumer's side of the format). */
  public static InboundMessage fromJson(String json) {
    return JSON.fromJson(json, InboundMessage.class);
  }
}
