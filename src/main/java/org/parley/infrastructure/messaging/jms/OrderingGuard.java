package org.parley.infrastructure.messaging.jms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.CustomerIds;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.application.UserSequences;
import org.parley.application.UserSequences.Progress;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Keeps each user's order where the message groups alone do not, on several nodes:
 *
 * <ul>
 *   <li>A consumer dies with one of the user's messages in hand. Artemis unbinds the consumer's
 *       groups before it puts that message back on the queue ({@code ServerConsumerImpl.close}:
 *       {@code removeItself} before {@code cancelRefs}), and in between another consumer can be
 *       given the group's next message, which would overtake it.
 *   <li>Two webhooks of one user reach two nodes at once: the queue takes the messages in the order
 *       their sends finish, not the order the user's platform sent them in.
 * </ul>
 *
 * <p>So, when {@code parley.ordering.sequenced} is on, intake numbers each message in its user's
 * order (the store's counter), and each reply carries its position and the position it follows
 * ({@link UserSequences}). A consumer handed a message whose predecessor is not handled yet, or a
 * reply whose predecessor is not delivered yet, puts a copy of it at the end of the queue, in the
 * same group, and lets the delivery go, so that the predecessor, which is behind it or about to
 * arrive, comes first ({@link InboundMessageConsumer}, {@link OutboundReplyConsumer}). (A rollback
 * would not do: the broker puts a rolled-back message back at its place in the queue, before the
 * predecessor when two webhooks finished in the wrong order.) Either is let through once it has
 * waited {@code parley.ordering.wait}: its predecessor was lost before the queue took it (a webhook
 * answered 503), or buried.
 */
@ApplicationScoped
public class OrderingGuard {

  /**
   * Before a message found early again is put back once more: its predecessor has its number but is
   * not on the queue yet (its webhook is still being taken).
   */
  static final Duration REQUEUE_PAUSE = Duration.ofMillis(200);

  private static final Logger LOG = Logger.getLogger(OrderingGuard.class.getName());

  @Inject UserSequences sequences;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.ORDERING_SEQUENCED,
      defaultValue = ConfigKeys.ORDERING_SEQUENCED_DEFAULT)
  boolean sequenced;

  @Inject
  @ConfigProperty(name = ConfigKeys.ORDERING_WAIT, defaultValue = ConfigKeys.ORDERING_WAIT_DEFAULT)
  Duration wait;

  Clock clock = Clock.systemUTC();

  /** The message numbered in its user's order, at intake (as it is, on a single node). */
  public InboundMessage numbered(InboundMessage message) {
    if (!sequenced) {
      return message;
    }
    return message.withSequence(sequences.issue(customerOf(message), message.deduplicationId()));
  }

  /**
   * The message, with the position of its user's last reply, if its predecessor has been handled or
   * it has been held back since {@code heldSince} for the whole wait; else {@link Early}.
   *
   * @param heldSince when the message was first found early (null if it never was)
   */
  public InboundMessage admit(InboundMessage message, Instant heldSince) {
    if (message.sequence() <= 0) {
      return message;
    }
    Progress progress = sequences.progress(customerOf(message));
    if (message.sequence() > progress.handled() + 1) {
      Instant since = heldSince == null ? clock.instant() : heldSince;
      if (!waitedOut(
          message.deduplicationId(),
          since,
          () -> "message " + message.sequence() + " of its user, after " + progress.handled())) {
        throw new Early(message.deduplicationId(), since);
      }
    }
    return message.withPreviousReply(progress.lastReply());
  }

  /** Records the message as handled (or buried), with the position of its last reply. */
  public void handled(InboundMessage message, long lastReply) {
    if (message.sequence() > 0) {
      sequences.handled(customerOf(message), message.sequence(), lastReply);
    }
  }

  /**
   * Returns if the reply it follows has been delivered, or it has been held back since {@code
   * heldSince} for the whole wait; else {@link Early}.
   */
  public void admit(OutboundReply reply, Instant heldSince) {
    if (reply.position() <= 0) {
      return;
    }
    long delivered = sequences.progress(customerOf(reply)).delivered();
    if (reply.after() > delivered && reply.position() > delivered) {
      Instant since = heldSince == null ? clock.instant() : heldSince;
      if (!waitedOut(
          reply.replyId(),
          since,
          () -> "reply at " + reply.position() + " after " + reply.after() + ", " + delivered)) {
        throw new Early(reply.replyId(), since);
      }
    }
  }

  /** Records the reply as delivered (or buried). */
  public void delivered(OutboundReply reply) {
    if (reply.position() > 0) {
      sequences.delivered(customerOf(reply), reply.position());
    }
  }

  /** True, with a warning, once an early item has waited for the whole bound. */
  private boolean waitedOut(String id, Instant since, Supplier<String> what) {
    if (Duration.between(since, clock.instant()).compareTo(wait) < 0) {
      LOG.fine(() -> "Holding back " + id + ": " + what.get());
      return false;
    }
    LOG.warning(
        () ->
            "Handled "
                + id
                + " without its predecessor, after waiting "
                + wait.toSeconds()
                + " s: "
                + what.get());
    return true;
  }

  /** Sleeps, keeping the interrupt. */
  static void pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String customerOf(InboundMessage message) {
    return CustomerIds.of(message.channel(), message.userId());
  }

  private static String customerOf(OutboundReply reply) {
    return CustomerIds.of(reply.channel(), reply.userId());
  }

  /** The delivery came before its predecessor. */
  public static final class Early extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Instant since;

    Early(String id, Instant since) {
      super(id + " came before its predecessor", null, false, false);
      this.since = since;
    }

    /** When it was first found early. */
    public Instant since() {
      return since;
    }
  }
}
