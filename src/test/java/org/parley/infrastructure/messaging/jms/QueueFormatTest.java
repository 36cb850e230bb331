package org.parley.infrastructure.messaging.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.OutboundReply;
import org.parley.plugin.api.Reply;

/** What the queues carry: read back as written, and messages queued before the numbering. */
class QueueFormatTest {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Test
  void aNumberedMessageIsReadBackWithItsPlace() {
    InboundMessage message =
        InboundMessage.received(
                "telegram",
                "42",
                "42-7",
                InboundMessage.Type.TEXT,
                "hello",
                null,
                null,
                "42",
                "7",
                "en",
                Instant.parse("2026-12-02T06:00:00Z"))
            .withSequence(7)
            .withPreviousReply(6L << 10 | 2);

    assertEquals(message, JmsInboundQueue.fromJson(JSON.toJson(message)));
  }

  @Test
  void aMessageQueuedBeforeTheNumberingIsReadAsUnnumbered() {
    InboundMessage read =
        JmsInboundQueue.fromJson(
            "{\"channel\":\"telegram\",\"userId\":\"42\",\"platformMessageId\":\"42-7\","
                + "\"type\":\"TEXT\",\"text\":\"hello\",\"conversationRef\":\"42\"}");

    assertEquals(0, read.sequence());
    assertEquals(0, read.previousReply());
    assertEquals("hello", read.text());
  }

  @Test
  void aReplyIsReadBackWithItsPosition() {
    OutboundReply reply =
        OutboundReply.of(
                "telegram:42-7/2",
                "telegram",
                "42",
                "42",
                "7",
                "EN",
                new Reply.QuickReplies("Which one?", java.util.List.of("A", "B")),
                Instant.parse("2026-12-02T06:00:00Z"))
            .at(7L << 10 | 2, 7L << 10 | 1);

    assertEquals(reply, JmsOutboundQueue.fromJson(JSON.toJson(reply)));
    assertEquals(reply.resend(), JmsOutboundQueue.fromJson(JSON.toJson(reply.resend())));
  }

  @Test
  void aReplyQueuedBeforeTheNumberingIsReadAsUnsequenced() {
    OutboundReply read =
        JmsOutboundQueue.fromJson(
            "{\"replyId\":\"r/1\",\"channel\":\"telegram\",\"userId\":\"42\",\"kind\":\"TEXT\","
                + "\"text\":\"hi\",\"resent\":false}");

    assertEquals(0, read.position());
    assertEquals(0, read.after());
  }
}
