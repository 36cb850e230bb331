package org.parley.infrastructure.messaging.jms;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
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
 * service. The delivery is a local transaction of the consumer's session, committed after {@link
 * #onMessage} returns: the replies are queued (durably) before it, so a message is never
 * acknowledged before its replies are queued. If the commit is lost after the replies were queued,
 * the redelivered message finds its turn stored and only undelivered replies are queued again,
 * marked as resent (the outbound consumer skips those already delivered). That replaces an XA
 * transaction over the two sessions: measured on the bare queues (bench/jms-ceiling), the two-phase
 * commit cut the throughput of this hop to a third.
 *
 * <p>A failure rolls the delivery back: the broker redelivers at once (delay 0, so the user's order
 * holds), and after {@code parley.delivery.max-attempts} moves the message to {@code
 * parley.inbound.DLQ}; the reason is recorded on the turn.
 */
@TransactionManagement(TransactionManagementType.BEAN)
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
          propertyValue = "${parley.inbound.consumers:8}"),
      @ActivationConfigProperty(propertyName = "useLocalTx", propertyValue = "true")
    })
public class InboundMessageConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(InboundMessageConsumer.class.getName());

  @Inject ConversationService conversations;
  @Inject PipelineMetrics metrics;

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
      LOG.log(Level.FINE, "Handling " + inbound.deduplicationId() + " failed", e);
      fail(message, attempt, Deliveries.describe(e), inbound);
    }
  }

  private void fail(Message message, int attempt, String reason, InboundMessage inbound) {
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
    throw new RedeliveryRequested(reason);
  }

  /**
   * Rolls the delivery back (the resource adapter does, for the session's local transaction). An
   * application exception: the container hands it on without logging it as a failure of the bean.
   */
  @ApplicationException
  static class RedeliveryRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedeliveryRequested(String reason) {
      super(reason, null, false, false);
    }
  }
}
