package org.parley.application;

import java.time.Instant;
import java.util.List;

/**
 * The web chat's side of delivery: Parley is the platform, so a delivered reply is kept for the
 * user's browser to read ({@code GET /chat/messages}) or to receive as it comes ({@code GET
 * /chat/stream}). Each user's replies are numbered 1, 2, ... in delivery order.
 */
public interface WebChatReplies {

  /** Keeps the reply as the user's next one (once: a reply already kept is returned as it is). */
  Delivered append(OutboundReply reply, Instant at);

  /** The user's replies numbered above {@code afterSeq}, in order, at most {@code limit}. */
  List<Delivered> after(String userId, long afterSeq, int limit);

  /**
   * Deletes the replies delivered before {@code cutoff}, and the counters of users with no reply
   * since; returns how many replies went.
   */
  long purgeDeliveredBefore(Instant cutoff);

  /** A reply as the browser sees it, with its number. */
  record Delivered(String userId, long seq, OutboundReply reply, Instant at) {}
}
