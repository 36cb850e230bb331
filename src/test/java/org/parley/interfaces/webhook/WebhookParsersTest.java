package org.parley.interfaces.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.messenger.MessengerPayloadParser;
import org.parley.interfaces.webhook.slack.SlackEvent;
import org.parley.interfaces.webhook.slack.SlackEventParser;
import org.parley.interfaces.webhook.telegram.TelegramUpdateParser;

/** The parsers against the platforms' real payload shapes (../shared/fixtures/webhooks). */
class WebhookParsersTest {

  @Test
  void messengerTextBecomesOneTextMessage() {
    List<InboundMessage> messages =
        MessengerPayloadParser.parse(WebhookFixtures.bytes("messenger-text.json"));

    assertEquals(1, messages.size());
    InboundMessage message = messages.get(0);
    assertEquals("messenger", message.channel());
    assertEquals(Type.TEXT, message.type());
    assertTrue(message.deduplicationId().startsWith("messenger:"));
    assertEquals(message.userId(), message.conversationRef(), "replies go to the sender's PSID");
  }

  @Test
  void aBatchedMessengerCallbackYieldsEveryUserMessageInOrderAndNoReceiptsOrEchoes() {
    List<InboundMessage> messages =
        MessengerPayloadParser.parse(WebhookFixtures.bytes("messenger-batched.json"));

    assertEquals(
        List.of("m_batch_1_user_a", "m_batch_2_user_a", "m_batch_3_user_b"),
        messages.stream().map(InboundMessage::platformMessageId).toList());
    assertEquals(
        List.of("first message", "second message", "hi from another user"),
        messages.stream().map(InboundMessage::text).toList());
    assertEquals(
        List.of("6543210987654321", "6543210987654321", "7777777777777777"),
        messages.stream().map(InboundMessage::userId).toList());
    assertEquals(Instant.ofEpochMilli(1763890000900L), messages.get(0).sentAt());
  }

  @Test
  void messengerAttachmentsQuickRepliesAndPostbacks() {
    InboundMessage image =
        MessengerPayloadParser.parse(WebhookFixtures.bytes("messenger-attachment-image.json"))
            .get(0);
    assertEquals(Type.IMAGE, image.type());
    assertEquals("https://scontent.example.net/v/t1/photo.jpg", image.attachmentUrl());
    assertEquals("m_image_1", image.platformMessageId());

    InboundMessage quick =
        MessengerPayloadParser.parse(WebhookFixtures.bytes("messenger-quick-reply.json")).get(0);
    assertEquals(Type.QUICK_REPLY, quick.type());
    assertEquals("CONSENT_YES", quick.payload());
    assertEquals("Yes", quick.text());

    InboundMessage postback =
        MessengerPayloadParser.parse(WebhookFixtures.bytes("messenger-postback.json")).get(0);
    assertEquals(Type.POSTBACK, postback.type());
    assertEquals("GET_STARTED", postback.payload());
    assertEquals("m_postback_1", postback.platformMessageId());
  }

  @Test
  void slackUrlVerificationMessagesThreadsAndBotMessages() {
    SlackEvent verification =
        SlackEventParser.parse(WebhookFixtures.bytes("slack-url-verification.json"));
    assertEquals(
        new SlackEvent.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"),
        verification);

    InboundMessage direct =
        assertInstanceOf(
                SlackEvent.UserMessage.class,
                SlackEventParser.parse(WebhookFixtures.bytes("slack-message-im.json")))
            .message();
    assertEquals("U2147483697", direct.userId());
    assertEquals("f3a9c1d2-6b7e-4c1a-9e1f-2b3c4d5e6f70", direct.platformMessageId());
    assertEquals("build the payments job on branch main", direct.text());
    assertEquals("D024BE91L", direct.conversationRef());
    assertNull(direct.replyToRef(), "not in a thread");
    assertEquals(Instant.ofEpochSecond(1763890005, 200_000), direct.sentAt());

    InboundMessage threaded =
        assertInstanceOf(
                SlackEvent.UserMessage.class,
                SlackEventParser.parse(WebhookFixtures.bytes("slack-message-thread.json")))
            .message();
    assertEquals("1763890005.000200", threaded.replyToRef(), "answered in the thread");
    assertEquals(
        "C024BE91L-1763890006.000300", threaded.platformMessageId(), "stable across retries");

    assertInstanceOf(
        SlackEvent.Ignored.class,
        SlackEventParser.parse(WebhookFixtures.bytes("slack-bot-message.json")));
  }

  @Test
  void telegramTextCommandsPhotosAndCallbacks() {
    InboundMessage text =
        TelegramUpdateParser.parse(WebhookFixtures.bytes("telegram-text.json")).orElseThrow();
    assertEquals("1111111", text.userId());
    assertEquals("1111111-1365", text.platformMessageId());
    assertEquals("tell me a quote", text.text());
    assertEquals("1111111", text.conversationRef());
    assertEquals(java.util.Optional.empty(), TelegramUpdateParser.callbackQueryId(text));
    assertEquals("1365", text.replyToRef(), "the reply names the message it answers");
    assertEquals("en", text.locale());

    InboundMessage start =
        TelegramUpdateParser.parse(WebhookFixtures.bytes("telegram-start.json")).orElseThrow();
    assertEquals(Type.TEXT, start.type());
    assertTrue(start.text().startsWith("/start"), start.text());

    InboundMessage photo =
        TelegramUpdateParser.parse(WebhookFixtures.bytes("telegram-photo.json")).orElseThrow();
    assertEquals(Type.IMAGE, photo.type());
    assertEquals("what is this?", photo.text());
    assertEquals("telegram-file:AgACAgQAAxkBAAIBQ2Y", photo.attachmentUrl(), "the largest size");

    InboundMessage callback =
        TelegramUpdateParser.parse(WebhookFixtures.bytes("telegram-callback-query.json"))
            .orElseThrow();
    assertEquals(Type.POSTBACK, callback.type());
    assertEquals("CONSENT_YES", callback.payload());
    assertEquals("callback-4382bfdwdsb323b2d9", callback.platformMessageId());
    assertEquals(
        java.util.Optional.of("4382bfdwdsb323b2d9"),
        TelegramUpdateParser.callbackQueryId(callback),
        "the id the webhook acknowledges");

    assertTrue(TelegramUpdateParser.parse(WebhookFixtures.bytes("telegram-edited.json")).isEmpty());
  }

  @Test
  void malformedBodiesAreRefusedNotCrashedOn() {
    for (String body :
        List.of(
            "",
            "[]",
            "{\"object\": \"page\"}",
            "{\"object\": \"page\", \"entry\": [{\"messaging\": [{}]}]}")) {
      assertThrows(
          MalformedPayloadException.class,
          () -> MessengerPayloadParser.parse(body.getBytes(StandardCharsets.UTF_8)),
          body);
    }
    assertThrows(
        MalformedPayloadException.class,
        () ->
            SlackEventParser.parse(
                "{\"type\": \"event_callback\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        MalformedPayloadException.class,
        () ->
            TelegramUpdateParser.parse(
                "{\"message\": {\"text\": \"hi\"}}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        MalformedPayloadException.class,
        () -> TelegramUpdateParser.parse("nope".getBytes(StandardCharsets.UTF_8)));
  }
}
