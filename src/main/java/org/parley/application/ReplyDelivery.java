package org.parley.application;

/** Delivers queued replies to their platforms and records the delivery on the turn. */
public interface ReplyDelivery {

  /**
   * Sends the reply unless it is a resent copy of one already delivered.
   *
   * @param attempt the queue's delivery count, from 1
   */
  void deliver(OutboundReply reply, int attempt);

  /**
   * Records why delivering failed this time, and returns which failed attempt that was (counted
   * with the stored reply, as {@link ConversationService#failed} counts a turn's); 0 when the reply
   * is not stored.
   */
  int failed(OutboundReply reply, String reason);
}
