package org.parley.application;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a user sent on a platform, as the webhooks hand it to the pipeline: who (channel and
 * the platform's user id), which message (the platform's id, the key for "answer once"), what kind,
 * its text or payload, and how to answer it on the platform ({@code conversationRef}: the chat,
 * channel or thread to reply into; {@code replyToRef}: the message the reply should name, where the
 * platform has such a thing).
 *
 * <p>On several nodes a message also carries its place in its user's order ({@code sequence}, given
 * at intake) and, once its consumer has checked that place, the position of the user's last reply
 * queued before it ({@code previousReply}): the replies it produces are delivered after that one
 * ({@link UserSequences}). Both are 0 on a single node.
 */
public record InboundMessage(
    String channel,
    String userId,
    String platformMessageId,
    Type type,
    String text,
    String payload,
    String attachmentUrl,
    String conversationRef,
    String replyToRef,
    String locale,
    Instant sentAt,
    long sequence,
    long previousReply) {

  /** The kinds of message Parley understands. */
  public enum Type {
    TEXT,
    IMAGE,
    LINK,
    QUICK_REPLY,
    POSTBACK
  }

  public InboundMessage {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(platformMessageId, "platformMessageId");
    Objects.requireNonNull(type, "type");
  }

  /**
   * A message as a platform's webhook hands it over, not yet sequenced. (A factory, not a second
   * constructor: JSON-B reads a record through its only constructor.)
   */
  public static InboundMessage received(
      String channel,
      String userId,
      String platformMessageId,
      Type type,
      String text,
      String payload,
      String attachmentUrl,
      String conversationRef,
      String replyToRef,
      String locale,
      Instant sentAt) {
    return new InboundMessage(
        channel,
        userId,
        platformMessageId,
        type,
        text,
        payload,
        attachmentUrl,
        conversationRef,
        replyToRef,
        locale,
        sentAt,
        0,
        0);
  }

  /** This message at its place in its user's order. */
  public InboundMessage withSequence(long sequence) {
    return new InboundMessage(
        channel,
        userId,
        platformMessageId,
        type,
        text,
        payload,
        attachmentUrl,
        conversationRef,
        replyToRef,
        locale,
        sentAt,
        sequence,
        previousReply);
  }

  /** This message, to be answered after the user's reply at {@code position}. */
  public InboundMessage withPreviousReply(long position) {
    return new InboundMessage(
        channel,
        userId,
        platformMessageId,
        type,
        text,
        payload,
        attachmentUrl,
        conversationRef,
        replyToRef,
        locale,
        sentAt,
        sequence,
        position);
  }

  /** Where reply {@code index} (1, 2, ...) of this message stands in the user's order. */
  public long replyPosition(int index) {
    return UserSequences.position(sequence, index);
  }

  /** The position reply {@code index} of this message is delivered after. */
  public long replyAfter(int index) {
    return index <= 1 ? previousReply : replyPosition(index - 1);
  }

  /** The key under which a platform's redelivery of this message is recognised. */
  public String deduplicationId() {
    return channel + ":" + platformMessageId;
  }
}
