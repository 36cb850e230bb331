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
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.ConversationService;
import org.parley.application.InboundMessage;
import org.parley.application.PipelineMetrics;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Takes messages off {@code parley.inbound}, one message of a user at a time (the broker pins each
 * message group to one of the {@code maxSession} consumers), and hands them to the conversation
 * service inside the delivery's transaction. A failure rolls the transaction back: the broker
 * redelivers at once (delay 0, so the user's order holds), and after {@code
 * parley.delivery.max-attempts} moves the message to {@code parley.inbound.DLQ}; the reason is
 * recorded on the turn.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = Destinations.INBOUND),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "maxSession",
          propertyValue = "${parley.inbound.consumers:8}")
    })
public class InboundMessageConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(InboundMessageConsumer.class.getName());

  @Inject ConversationService conversations;
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
    InboundMessage inbound;
    try {
      inbound = JmsInboundQueue.fromJson(((TextMessage) message).getText());
    } catch (JMSException | JsonbException | ClassCastException e) {
      fail(message, attempt, "unreadable message: " + Deliveries.describe(e), null);
      return;
    }
    try {
      conversations.handle(inbound, Instant.ofEpochMilli(message.getJMSTimestamp()));
    } catch (RuntimeException | JMSException e) {
      fail(message, attempt, Deliveries.describe(e), inbound);
      LOG.log(Level.FINE, "Handling " + inbound.deduplicationId() + " failed", e);
    }
  }

  private void fail(Message message, int attempt, String reason, InboundMessage inbound) {
    context.setRollbackOnly();
    boolean last = attempt >= maxAttempts;
    LOG.warning(
        () ->
            String.format(
                "%s (attempt %d of %d%s): %s",
                inbound == null ? Deliveries.id(message) : inbound.deduplicationId(),
                attempt,
                maxAttempts,
                last ? ", goes to parley.inbound.DLQ" : ", redelivered",
                reason));
    if (inbound != null) {
      try {
        conversations.failed(inbound, reason, attempt);
      } catch (RuntimeException e) {
        LOG.fine(() -> "Could not record the failure: " + e);
      }
    }
    if (last) {
      metrics.deadLettered("parley.inbound");
    }
  }
}
