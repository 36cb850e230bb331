package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundQueue;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * {@code parley.outbound}: persistent, JSON, in the user's message group. Sent through the pooled
 * XA connection factory, so inside the inbound consumer the replies are queued exactly when the
 * message's handling commits. No broker duplicate id here: a duplicate inside a transaction makes
 * Artemis refuse the whole transaction; a resent reply is recognised by the consumer instead.
 */
@ApplicationScoped
public class JmsOutboundQueue implements OutboundQueue {

  /** The reply's id, for the admin console and the logs. */
  static final String REPLY_ID = "parley_reply_id";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Resource(lookup = Destinations.POOLED_CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.OUTBOUND)
  Queue outbound;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ORDERING_GROUPS,
      defaultValue = ConfigKeys.ORDERING_GROUPS_DEFAULT)
  int groups;

  @Override
  public void enqueue(OutboundReply reply) {
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage jms = context.createTextMessage(JSON.toJson(reply));
      jms.setStringProperty(
          "JMSXGroupID", MessageGroups.groupOf(reply.channel(), reply.userId(), groups));
      jms.setStringProperty(REPLY_ID, reply.replyId());
      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(outbound, jms);
    } catch (jakarta.jms.JMSException e) {
      throw new jakarta.jms.JMSRuntimeException("parley.outbound did not take the reply", null, e);
    }
  }

  /**
   * Puts a reply that came before its predecessor back at the end of the queue, in its group, in
   * the consumer's transaction ({@link OrderingGuard}). The copy is marked as resent, so that it is
   * looked up before it is sent, and keeps when it was first found early.
   */
  void requeue(OutboundReply reply, Instant heldSince) throws jakarta.jms.JMSException {
    try (JMSContext context = connectionFactory.createContext()) {
      TextMessage jms = context.createTextMessage(JSON.toJson(reply.resend()));
      jms.setStringProperty(
          "JMSXGroupID", MessageGroups.groupOf(reply.channel(), reply.userId(), groups));
      jms.setStringProperty(REPLY_ID, reply.replyId());
      jms.setLongProperty(Deliveries.HELD_SINCE, heldSince.toEpochMilli());
      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(outbound, jms);
    }
  }

  /** Reads a queued reply back. */
  public static OutboundReply fromJson(String json) {
    return JSON.fromJson(json, OutboundReply.class);
  }
}
