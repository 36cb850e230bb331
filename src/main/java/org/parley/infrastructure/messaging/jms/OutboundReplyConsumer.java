package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.bind.JsonbException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundReply;
import org.parley.application.PipelineMetrics;
import org.parley.application.ReplyDelivery;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Takes replies off {@code parley.outbound}, one reply of a user at a time, and delivers them. The
 * platform client retries inside the delivery (Fault Tolerance); if it still fails the transaction
 * rolls back and the broker redelivers at once, keeping the user's order, up to {@code
 * parley.delivery.max-attempts} failed attempts (counted with the stored reply), then it moves to
 * {@code parley.outbound.DLQ} in the same transaction ({@link DeadLettering}).
 *
 * <p>On several nodes the {@link OrderingGuard} first checks that the reply it follows has been
 * delivered.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.OUTBOUND),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = "${parley.outbound.consumers:8}")
    })
public class OutboundReplyConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(OutboundReplyConsumer.class.getName());

  @Inject ReplyDelivery delivery;
  @Inject PipelineMetrics metrics;
  @Inject DeadLettering deadLettering;
  @Inject OrderingGuard ordering;
  @Inject JmsOutboundQueue queue;
  @Resource MessageDrivenContext context;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DELIVERY_MAX_ATTEMPTS,
      defaultValue = ConfigKeys.DELIVERY_MAX_ATTEMPTS_DEFAULT)
  int maxAttempts;

  @Override
  public void onMessage(Message message) {
    OutboundReply reply;
    try {
      reply = JmsOutboundQueue.fromJson(((TextMessage) message).getText());
    } catch (JMSException | JsonbException | ClassCastException e) {
      LOG.log(Level.FINE, "Unreadable reply " + Deliveries.id(message), e);
      fail(message, "unreadable reply: " + Deliveries.describe(e), Deliveries.kinds(e), null);
      return;
    }
    try {
      ordering.admit(reply, Deliveries.heldSince(message));
      delivery.deliver(reply, Deliveries.attempt(message));
      ordering.delivered(reply);
    } catch (OrderingGuard.Early e) {
      putBehind(message, reply, e);
    } catch (RuntimeException | JMSException e) {
      fail(message, Deliveries.describe(e), Deliveries.kinds(e), reply);
      LOG.log(Level.FINE, "Delivering " + reply.replyId() + " failed", e);
    }
  }

  /** Buries the reply after its last attempt, in this transaction; else rolls back. */
  private void fail(Message message, String reason, String kinds, OutboundReply reply) {
    int attempt = reply == null ? maxAttempts : recorded(reply, reason);
    boolean last = attempt >= maxAttempts;
    LOG.warning(
        () ->
            String.format(
                "Reply %s (%s%s): %s",
                reply == null ? Deliveries.id(message) : reply.replyId(),
                attempt == 0 ? "not stored" : "attempt " + attempt + " of " + maxAttempts,
                last ? ", goes to parley.outbound.DLQ" : ", redelivered",
                kinds));
    if (last) {
      deadLettering.buryOutbound(message);
      metrics.deadLettered("parley.outbound");
      if (reply != null) {
        passOver(reply);
      }
    } else {
      context.setRollbackOnly();
    }
  }

  /** Sends a copy to the end of the queue, in this transaction, which then commits. */
  private void putBehind(Message message, OutboundReply reply, OrderingGuard.Early early) {
    try {
      if (Deliveries.heldSince(message) != null) { // again: the predecessor is not there yet
        OrderingGuard.pause(OrderingGuard.REQUEUE_PAUSE);
      }
      queue.requeue(reply, early.since());
      LOG.fine(() -> early.getMessage() + ": put behind it");
    } catch (JMSException | RuntimeException e) {
      LOG.fine(() -> early.getMessage() + "; not put behind it: " + e);
      context.setRollbackOnly();
    }
  }

  /** The user's next reply need not wait for the buried one. */
  private void passOver(OutboundReply reply) {
    try {
      ordering.delivered(reply);
    } catch (RuntimeException e) { // it then waits parley.ordering.wait
      LOG.fine(() -> "Could not pass over " + reply.replyId() + ": " + e);
    }
  }

  private int recorded(OutboundReply reply, String reason) {
    try {
      return delivery.failed(reply, reason);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not record the failure: " + e);
      return 0;
    }
  }
}
