package org.parley.application;

import java.time.Instant;
import java.util.Objects;

/**
 * One message a user sent on a platform, as the webhooks hand it to the pipeline: who (channel and
 * the platform's user id), which message (the platform's id, the key for "answer once"), what kind,
 * its text or payload, and how to answer it on the platform ({@code conversationRef}: the chat,
 * channel or thread to reply into; {@code replyToRef}: the message the reply should name, where the
 * platform has such a thing).
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
    Instant sentAt) {

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

  /** The key under which a platform's redelivery of this message is recognised. */
  public String deduplicationId() {
    return channel + ":" + platformMessageId;
  }
}
