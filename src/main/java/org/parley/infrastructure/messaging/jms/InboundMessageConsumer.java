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
 * holds). The failed attempts are counted with the turn, together with the reason; the one that
 * uses up {@code parley.delivery.max-attempts} moves the message to {@code parley.inbound.DLQ}
 * ({@link DeadLettering}: not the broker's delivery count, which also counts deliveries to
 * consumers that died first).
 *
 * <p>On several nodes the {@link OrderingGuard} first checks that the user's previous message has
 * been handled.
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
  @Inject DeadLettering deadLettering;
  @Inject OrderingGuard ordering;
  @Inject JmsInboundQueue queue;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DELIVERY_MAX_ATTEMPTS,
      defaultValue = ConfigKeys.DELIVERY_MAX_ATTEMPTS_DEFAULT)
  int maxAttempts;

  @Override
  public void onMessage(Message message) {
    InboundMessage inbound;
    try {
      inbound = JmsInboundQueue.fromJson(((TextMessage) message).getText());
    } catch (JMSException | JsonbException | ClassCastException e) {
      // no attempt will read it better
      LOG.log(Level.FINE, "Unreadable message " + Deliveries.id(message), e);
      fail(message, "unreadable message: " + Deliveries.describe(e), Deliveries.kinds(e), null);
      return;
    }
    try {
      InboundMessage admitted = ordering.admit(inbound, Deliveries.heldSince(message));
      long lastReply = conversations.handle(admitted, JmsInboundQueue.receivedAt(message));
      ordering.handled(admitted, lastReply);
    } catch (OrderingGuard.Early e) {
      putBehind(message, inbound, e);
    } catch (RuntimeException | JMSException e) {
      LOG.log(Level.FINE, "Handling " + inbound.deduplicationId() + " failed", e);
      fail(message, Deliveries.describe(e), Deliveries.kinds(e), inbound);
    }
  }

  /** Buries the message after its last attempt (the delivery then commits), else rolls back. */
  private void fail(Message message, String reason, String kinds, InboundMessage inbound) {
    int attempt = inbound == null ? maxAttempts : recorded(inbound, reason);
    boolean last = attempt >= maxAttempts;
    LOG.warning(
        () ->
            String.format(
                "%s (%s%s): %s",
                inbound == null ? Deliveries.id(message) : inbound.deduplicationId(),
                attempt == 0 ? "not stored" : "attempt " + attempt + " of " + maxAttempts,
                last ? ", goes to parley.inbound.DLQ" : ", redelivered",
                kinds));
    if (last) {
      deadLettering.buryInbound(message);
      metrics.deadLettered("parley.inbound");
      if (inbound != null) {
        passOver(inbound);
      }
      return;
    }
    throw new RedeliveryRequested(reason);
  }

  /**
   * Sends the message to the end of the queue, then lets this delivery commit. A crash in between
   * leaves both, and the copy is then a duplicate that the turn's claim recognises.
   */
  private void putBehind(Message message, InboundMessage inbound, OrderingGuard.Early early) {
    try {
      if (Deliveries.heldSince(message) != null) { // again: the predecessor is not there yet
        OrderingGuard.pause(OrderingGuard.REQUEUE_PAUSE);
      }
      queue.requeue(inbound, message, early.since());
      LOG.fine(() -> early.getMessage() + ": put behind it");
    } catch (JMSException | RuntimeException e) {
      throw new RedeliveryRequested(early.getMessage() + "; not put behind it: " + e);
    }
  }

  /** The user's next message need not wait for the buried one. */
  private void passOver(InboundMessage inbound) {
    try {
      ordering.handled(inbound, 0);
    } catch (RuntimeException e) { // it then waits parley.ordering.wait
      LOG.fine(() -> "Could not pass over " + inbound.deduplicationId() + ": " + e);
    }
  }

  /** The failed attempts counted with the turn, this one included (0 if none could be). */
  private int recorded(InboundMessage inbound, String reason) {
    try {
      return conversations.failed(inbound, reason);
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not record the failure: " + e);
      return 0;
    }
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
