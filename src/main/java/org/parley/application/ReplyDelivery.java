package org.parley.application;

/** Delivers queued replies to their platforms and records the delivery on the turn. */
public interface ReplyDelivery {

  /**
   * Sends the reply unless it is a resent copy of one already delivered.
   *
   * @param attempt the queue's delivery count, from 1
   */
  void deliver(OutboundReply reply, int attempt);

  /** Records why delivering failed this time. */
  void failed(OutboundReply reply, String reason, int attempt);
}
