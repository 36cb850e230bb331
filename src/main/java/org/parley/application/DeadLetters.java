package org.parley.application;

import java.time.Instant;
import java.util.List;
import org.parley.domain.model.dialog.Erased;

/**
 * What failed every delivery attempt: the messages on {@code parley.inbound.DLQ} and the replies on
 * {@code parley.outbound.DLQ}, with why (as recorded on the turn or reply). Admins replay them
 * (back onto their queue, in their user's group, answered as if they had just arrived) or discard
 * them.
 */
public interface DeadLetters {

  /** The dead letters of a queue, oldest first, at most {@code max}. */
  List<DeadLetter> list(Queue queue, int max);

  /** Puts the dead letter back on its queue; false if it is not (or no longer) there. */
  boolean replay(Queue queue, String id);

  /**
   * Puts back every dead letter the queue holds now, at most {@code max}, oldest first; returns how
   * many. A replayed message that fails again comes back later and is not taken twice.
   */
  int replayAll(Queue queue, int max);

  /** Deletes the dead letter; false if it is not (or no longer) there. */
  boolean discard(Queue queue, String id);

  /**
   * Deletes from both dead-letter queues every letter of what was erased: all of a customer's when
   * the whole customer went, else those carrying one of the erased messages' or replies' ids.
   * Returns how many went.
   */
  int erase(List<Erased> erased);

  /** Which dead-letter queue. */
  enum Queue {
    INBOUND,
    OUTBOUND
  }

  /**
   * One dead letter: its broker id, the turn or reply it carries ({@code key}), whose it is, what
   * it says, and the failure recorded for it (null when none was: e.g. an unreadable message).
   */
  record DeadLetter(
      String id,
      Queue queue,
      String key,
      String channel,
      String userId,
      String text,
      String reason,
      int attempts,
      Instant failedAt) {}
}
