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

  @Override
  public void enqueue(InboundMessage message) {
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

  /** Reads a queued message back (the consumer's side of the format). */
  public static InboundMessage fromJson(String json) {
    return JSON.fromJson(json, InboundMessage.class);
  }
}
