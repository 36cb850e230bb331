package org.parley.application;

import java.time.Instant;

/**
 * Answers one message a user sent: once, in the user's dialog, under the consent rules. Called by
 * the inbound queue's consumer, one message of a user at a time.
 */
public interface ConversationService {

  /**
   * Handles the message: skipped if its turn is already answered (its undelivered replies are
   * queued again), else understood, answered by a plugin, stored with its replies, and the replies
   * queued for the platform.
   *
   * @param receivedAt when the webhook took the message
   * @return the position of the last reply of the message in its user's order ({@link
   *     UserSequences}; 0 if it has none or is not sequenced)
   */
  long handle(InboundMessage message, Instant receivedAt);

  /**
   * Records why handling the message failed this time, and returns which failed attempt that was (1
   * for the first): Parley's own count, kept with the turn, not the broker's delivery count, which
   * also counts deliveries to a consumer that died before it could try (several nodes). 0 when
   * there is no turn to record it on (it failed before the message was stored).
   */
  int failed(InboundMessage message, String reason);

  /** Ends the dialogs idle for longer than the idle timeout and asks their users for consent. */
  int endIdleDialogs(Instant now);
}
