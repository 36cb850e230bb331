package org.parley.infrastructure.messaging.jms;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.json.bind.JsonbException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.parley.application.CustomerIds;
import org.parley.application.DeadLetters;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.domain.model.dialog.Erased;
import org.parley.domain.model.dialog.TurnStore;

/**
 * The dead-letter queues through JMS: browsed for the list; a replay takes the message off the DLQ
 * and sends a copy to its queue in one local transaction, in its user's group and without the
 * broker's duplicate id (the broker still remembers it and would drop the copy); the consumers then
 * treat it like a redelivery (a turn already answered is not answered twice).
 */
@ApplicationScoped
public class JmsDeadLetters implements DeadLetters {

  private static final Logger LOG = Logger.getLogger(JmsDeadLetters.class.getName());
  private static final Pattern MESSAGE_ID = Pattern.compile("ID:[A-Za-z0-9-]{1,64}");
  private static final int REPLAY_BATCH = 100;
  private static final long RECEIVE_WAIT_MS = 500;

  @Resource(lookup = Destinations.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Resource(lookup = Destinations.INBOUND)
  jakarta.jms.Queue inbound;

  @Resource(lookup = Destinations.INBOUND_DLQ)
  jakarta.jms.Queue inboundDlq;

  @Resource(lookup = Destinations.OUTBOUND)
  jakarta.jms.Queue outbound;

  @Resource(lookup = Destinations.OUTBOUND_DLQ)
  jakarta.jms.Queue outboundDlq;

  @Inject TurnStore turns;

  @Override
  public List<DeadLetter> list(DeadLetters.Queue queue, int max) {
    List<DeadLetter> found = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(dlq(queue))) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements() && found.size() < max) {
        found.add(describe(queue, (Message) messages.nextElement()));
      }
    } catch (JMSException e) {
      throw new JMSRuntimeException("Cannot browse the dead letters", null, e);
    }
    return found;
  }

  @Override
  public boolean replay(DeadLetters.Queue queue, String id) {
    return take(
        queue,
        id,
        (context, message) -> {
          resend(context, queue, message);
          LOG.info(() -> "Replayed dead letter " + id + " onto its queue");
        });
  }

  /**
   * One consumer on the dead-letter queue, committing every {@value #REPLAY_BATCH} letters. Only
   * what is there when it starts is taken (a copy that fails again and comes back has a later
   * timestamp), so a poison message is not replayed round and round.
   */
  @Override
  public int replayAll(DeadLetters.Queue queue, int max) {
    long startedAt = System.currentTimeMillis();
    int replayed = 0;
    try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = context.createConsumer(dlq(queue), "JMSTimestamp <= " + startedAt)) {
      Message message;
      while (replayed < max && (message = consumer.receive(RECEIVE_WAIT_MS)) != null) {
        resend(context, queue, message);
        if (++replayed % REPLAY_BATCH == 0) {
          context.commit();
        }
      }
      context.commit();
    } catch (JMSException e) {
      throw new JMSRuntimeException("Cannot replay the dead letters", null, e);
    }
    int count = replayed;
    LOG.info(() -> "Replayed " + count + " dead letters of " + queue + " onto their queue");
    return count;
  }

  /** A copy of the dead letter onto its queue, in its user's group, without the duplicate id. */
  private void resend(JMSContext context, DeadLetters.Queue queue, Message message)
      throws JMSException {
    TextMessage copy = context.createTextMessage(((TextMessage) message).getText());
    String group = message.getStringProperty("JMSXGroupID");
    if (group != null) {
      copy.setStringProperty("JMSXGroupID", group);
    }
    context
        .createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .send(queue == DeadLetters.Queue.INBOUND ? inbound : outbound, copy);
  }

  @Override
  public boolean discard(DeadLetters.Queue queue, String id) {
    return take(queue, id, (context, message) -> LOG.info(() -> "Discarded dead letter " + id));
  }

  /**
   * {@inheritDoc} A letter of a customer one of whose dialogs went, that no stored turn or reply
   * holds (it failed before it was stored, so no dialog keeps it), goes too.
   */
  @Override
  public int erase(List<Erased> erased) {
    Set<String> whole = new HashSet<>();
    Set<String> touched = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (Erased e : erased) {
      (e.wholeCustomer() ? whole : touched).add(e.customerId());
      keys.addAll(e.messageIds());
    }
    if (whole.isEmpty() && touched.isEmpty()) {
      return 0;
    }
    int taken = 0;
    for (DeadLetters.Queue queue : DeadLetters.Queue.values()) {
      for (String id : lettersOf(queue, whole, touched, keys)) {
        if (take(queue, id, (context, message) -> {})) {
          taken++;
        }
      }
    }
    int count = taken;
    LOG.info(() -> "Erased " + count + " dead letter(s) with the data they belonged to");
    return count;
  }

  /** The broker ids of the letters {@link #erase} takes. */
  private List<String> lettersOf(
      DeadLetters.Queue queue, Set<String> whole, Set<String> touched, Set<String> keys) {
    List<String> ids = new ArrayList<>();
    try (JMSContext context = connectionFactory.createContext();
        QueueBrowser browser = context.createBrowser(dlq(queue))) {
      Enumeration<?> messages = browser.getEnumeration();
      while (messages.hasMoreElements()) {
        Message message = (Message) messages.nextElement();
        Letter letter = Letter.read(queue, message);
        if (letter.key() != null
            && (keys.contains(letter.key())
                || whole.contains(letter.customerId())
                || (touched.contains(letter.customerId())
                    && turns.failure(letter.key()).isEmpty()))) {
          ids.add(message.getJMSMessageID());
        }
      }
    } catch (JMSException e) {
      throw new JMSRuntimeException("Cannot browse the dead letters", null, e);
    }
    return ids;
  }

  private interface Taken {
    void accept(JMSContext context, Message message) throws JMSException;
  }

  /** Receives the one dead letter and does {@code then} with it, in one local transaction. */
  private boolean take(DeadLetters.Queue queue, String id, Taken then) {
    if (id == null || !MESSAGE_ID.matcher(id).matches()) {
      return false;
    }
    try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
        JMSConsumer consumer = context.createConsumer(dlq(queue), "JMSMessageID = '" + id + "'")) {
      Message message = consumer.receive(1000);
      if (message == null) {
        return false;
      }
      then.accept(context, message);
      context.commit();
      return true;
    } catch (JMSException e) {
      throw new JMSRuntimeException("Cannot take the dead letter " + id, null, e);
    }
  }

  private DeadLetter describe(DeadLetters.Queue queue, Message message) throws JMSException {
    Letter letter = Letter.read(queue, message);
    Optional<TurnStore.Failure> failure =
        letter.key() == null ? Optional.empty() : turns.failure(letter.key());
    return new DeadLetter(
        message.getJMSMessageID(),
        queue,
        letter.key(),
        letter.channel(),
        letter.userId(),
        letter.text(),
        failure.map(TurnStore.Failure::reason).orElse(null),
        failure.map(TurnStore.Failure::attempts).orElse(0),
        failure.map(TurnStore.Failure::at).orElse(null));
  }

  /** What a dead letter carries: the turn or reply ({@code key}), whose, and its text. */
  private record Letter(String key, String channel, String userId, String text) {

    /** The letter's content; only a text saying why for one that cannot be read. */
    static Letter read(DeadLetters.Queue queue, Message message) throws JMSException {
      try {
        String body = ((TextMessage) message).getText();
        if (queue == DeadLetters.Queue.INBOUND) {
          InboundMessage inbound = JmsInboundQueue.fromJson(body);
          return new Letter(
              inbound.deduplicationId(),
              inbound.channel(),
              inbound.userId(),
              inbound.text() != null ? inbound.text() : inbound.payload());
        }
        OutboundReply reply = JmsOutboundQueue.fromJson(body);
        return new Letter(reply.replyId(), reply.channel(), reply.userId(), reply.text());
      } catch (JsonbException | ClassCastException | NullPointerException e) {
        return new Letter(null, null, null, "(unreadable: " + e.getClass().getSimpleName() + ")");
      }
    }

    /** The customer it belongs to (null if it cannot be read). */
    String customerId() {
      return channel == null || userId == null ? null : CustomerIds.of(channel, userId);
    }
  }

  private jakarta.jms.Queue dlq(DeadLetters.Queue queue) {
    return queue == DeadLetters.Queue.INBOUND ? inboundDlq : outboundDlq;
  }
}
