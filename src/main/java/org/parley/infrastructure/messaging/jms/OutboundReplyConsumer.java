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
 * parley.delivery.max-attempts} times, then to {@code parley.outbound.DLQ}.
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
  @Resource MessageDrivenContext context;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DELIVERY_MAX_ATTEMPTS,
      defaultValue = ConfigKeys.DELIVERY_MAX_ATTEMPTS_DEFAULT)
  int maxAttempts;

  @Override
  public void onMessage(Message message) {
    int attempt = Deliveries.attempt(message);
    OutboundReply reply;
    try {
      reply = JmsOutboundQueue.fromJson(((TextMessage) message).getText());
    } catch (JMSException | JsonbException | ClassCastException e) {
      fail(message, attempt, "unreadable reply: " + Deliveries.describe(e), null);
      return;
    }
    try {
      delivery.deliver(reply, attempt);
    } catch (RuntimeException e) {
      fail(message, attempt, Deliveries.describe(e), reply);
      LOG.log(Level.FINE, "Delivering " + reply.replyId() + " failed", e);
    }
  }

  private void fail(Message message, int attempt, String reason, OutboundReply reply) {
    context.setRollbackOnly();
    boolean last = attempt >= maxAttempts;
    LOG.warning(
        () ->
            String.format(
                "Reply %s (attempt %d of %d%s): %s",
                reply == null ? Deliveries.id(message) : reply.replyId(),
                attempt,
                maxAttempts,
                last ? ", goes to parley.outbound.DLQ" : ", redelivered",
                reason));
    if (reply != null) {
      try {
        delivery.failed(reply, reason, attempt);
      } catch (RuntimeException e) {
        LOG.fine(() -> "Could not record the failure: " + e);
      }
    }
    if (last) {
      metrics.deadLettered("parley.outbound");
    }
  }
}
