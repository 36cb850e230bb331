package org.parley.infrastructure.messaging.jms;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Instant;

/** What the consumers read off a delivery: which attempt it is, and a failure in one line. */
final class Deliveries {

  /**
   * On a copy put back behind its predecessor ({@link OrderingGuard}): when the message or reply
   * was first found early (epoch ms).
   */
  static final String HELD_SINCE = "parley_held_since";

  private Deliveries() {}

  /** When the message was first found before its predecessor (null if it never was). */
  static Instant heldSince(Message message) throws JMSException {
    return message.propertyExists(HELD_SINCE)
        ? Instant.ofEpochMilli(message.getLongProperty(HELD_SINCE))
        : null;
  }

  /** The broker's delivery count: 1 for the first delivery. */
  static int attempt(Message message) {
    try {
      return Math.max(1, message.getIntProperty("JMSXDeliveryCount"));
    } catch (JMSException | NumberFormatException e) {
      return 1;
    }
  }

  static String id(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "?";
    }
  }

  /** The exception and its causes' messages, without a stack trace. */
  /**
   * What failed, as the exception classes only ({@code A <- B}): for a log line at WARNING, which
   * must never carry a message's text, and an exception's message may (a plugin's, a parser's, a
   * platform's answer). The whole {@link #describe description} is stored with the turn (sealed)
   * and logged at FINE.
   */
  static String kinds(Throwable failure) {
    StringBuilder kinds = new StringBuilder();
    for (Throwable t = failure; t != null && kinds.length() < 300; t = t.getCause()) {
      kinds.append(kinds.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
      if (t.getCause() == t) {
        break;
      }
    }
    return kinds.toString();
  }

  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null && text.length() < 500; t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.length() > 500 ? text.substring(0, 500) : text.toString();
  }
}
