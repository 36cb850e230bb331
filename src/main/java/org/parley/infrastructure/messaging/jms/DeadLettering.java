package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * Moves a message that used up Parley's attempts onto its dead-letter queue: a copy with its body
 * and properties, sent through the transaction-aware factory, so that inside the outbound
 * consumer's transaction the copy and the consumption commit together.
 *
 * <p>Why Parley and not the broker: the broker counts deliveries, and a consumer that dies (a node
 * killed, with its sessions closed one by one) counts a delivery for every message dispatched to
 * it, so a healthy message can reach the broker's limit without ever being tried. Parley counts
 * failed attempts with the turn; the broker's own limit ({@code parley.messaging.max-delivery-
 * attempts}, 20) stays as the safety net for a message that fails before anything is stored.
 */
@ApplicationScoped
public class DeadLettering {

  /** The id the broker drops a second copy of the same buried message by. */
  private static final String DUPLICATE_DETECTION_ID = "_AMQ_DUPL_ID";

  @Resource(lookup = Destinations.POOLED_CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.INBOUND_DLQ)
  Queue inboundDlq;

  @Resource(lookup = Destinations.OUTBOUND_DLQ)
  Queue outboundDlq;

  /**
   * For the inbound consumer, whose delivery is a local transaction of its own session: the copy is
   * sent first and on its own, then the delivery commits. Were the node to die in between, the
   * redelivered message would be buried again; the copy's duplicate id ({@code dead:<the platform's
   * id>@<the original's message id>}) makes the broker drop the second one, while a replayed copy
   * that fails again (a new message id) is buried again.
   */
  void buryInbound(Message message) {
    bury(inboundDlq, message, true);
  }

  /** For the outbound consumer: inside its transaction. */
  void buryOutbound(Message message) {
    bury(outboundDlq, message, false);
  }

  private void bury(Queue dlq, Message message, boolean deduplicate) {
    try (JMSContext context = connectionFactory.createContext()) {
      // an unreadable body (not text) is buried as it is: the DLQ is where an admin looks at it
      Message copy =
          message instanceof TextMessage text
              ? context.createTextMessage(text.getText())
              : context.createMessage();
      for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
        String name = (String) names.nextElement();
        if (!name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
          copy.setObjectProperty(name, message.getObjectProperty(name));
        }
      }
      String group = message.getStringProperty("JMSXGroupID");
      if (group != null) {
        copy.setStringProperty("JMSXGroupID", group);
      }
      if (deduplicate) {
        // the platform's id stays readable for whoever browses the DLQ on the broker
        String original = message.getStringProperty(DUPLICATE_DETECTION_ID);
        copy.setStringProperty(
            DUPLICATE_DETECTION_ID,
            "dead:" + (original == null ? "" : original) + "@" + message.getJMSMessageID());
      }
      context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(dlq, copy);
    } catch (JMSException e) {
      throw new JMSRuntimeException(
          "Could not move the message to its dead-letter queue", e.getErrorCode(), e);
    }
  }
}
