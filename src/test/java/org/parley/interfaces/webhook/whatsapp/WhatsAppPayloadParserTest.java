package org.parley.interfaces.webhook.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus.State;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.WebhookFixtures;

/** The Cloud API's callbacks, as the shared fixtures hold them. */
class WhatsAppPayloadParserTest {

  private static final String NUMBER = "106000000000001";

  @Test
  void aTextIsOneMessageFromTheUserToTheBusinessNumber() {
    var callback = WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-text.json"));
    assertEquals(List.of(), callback.statuses());
    InboundMessage message = callback.messages().get(0);
    assertEquals(1, callback.messages().size());
    assertEquals("whatsapp", message.channel());
    assertEquals("447700900123", message.userId());
    assertEquals(Type.TEXT, message.type());
    assertEquals("hello, can you tell me a quote?", message.text());
    assertEquals(NUMBER, message.conversationRef(), "the reply goes out from this number");
    assertEquals(Instant.ofEpochSecond(1763890030), message.sentAt());
    assertEquals(
        "whatsapp:wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgURjA4N0NDNkNGQ0M5NjcyOEM0NjYA",
        message.deduplicationId());
  }

  @Test
  void aButtonReplyCarriesItsIdAsPayloadAndNamesTheMessageWithTheButtons() {
    InboundMessage message =
        WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-interactive-button-reply.json"))
            .messages()
            .get(0);
    assertEquals(Type.QUICK_REPLY, message.type());
    assertEquals("Yes", message.text());
    assertEquals("CONSENT_YES", message.payload());
    assertEquals(
        "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSNzJENkNBNkQ4Qzk3Mjg3QzZDAA==", message.replyToRef());
  }

  @Test
  void anImageIsItsMediaIdWithTheCaptionAsText() {
    InboundMessage message =
        WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-image.json")).messages().get(0);
    assertEquals(Type.IMAGE, message.type());
    assertEquals("what is this?", message.text());
    assertEquals("whatsapp-media:880000000000001", message.attachmentUrl());
  }

  @Test
  void statusesNameTheMessageTheyAreAboutAndAFailureItsReason() {
    PlatformStatus delivered =
        WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-status-delivered.json"))
            .statuses()
            .get(0);
    assertEquals(State.DELIVERED, delivered.state());
    assertEquals(
        "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAERgSNzJENkNBNkQ4Qzk3Mjg3QzZDAA==",
        delivered.platformMessageId());
    assertNull(delivered.error());
    var failed = WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-status-failed.json"));
    assertEquals(List.of(), failed.messages());
    assertEquals(State.FAILED, failed.statuses().get(0).state());
    assertEquals("131047 Re-engagement message", failed.statuses().get(0).error());
  }

  @Test
  void aBatchedCallbackYieldsEveryMessageOfEveryChangeOfEveryEntryInOrder() {
    var callback = WhatsAppPayloadParser.parse(WebhookFixtures.bytes("whatsapp-batched.json"));
    assertEquals(
        List.of("first message", "hi from another user", "second message"),
        callback.messages().stream().map(InboundMessage::text).toList());
    assertEquals(
        List.of("447700900123", "447700900456", "447700900123"),
        callback.messages().stream().map(InboundMessage::userId).toList());
    assertEquals(
        List.of(State.SENT, State.READ),
        callback.statuses().stream().map(PlatformStatus::state).toList());
  }

  @Test
  void whatIsNotACloudApiCallbackIsRefusedNamingWhatIsWrong() {
    for (String[] bad :
        new String[][] {
          {"{\"object\":\"page\",\"entry\":[]}", "whatsapp_business_account"},
          {"{\"object\":\"whatsapp_business_account\"}", "entry"},
          {
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{}}]}]}",
            "metadata"
          },
          {
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},\"messages\":[{\"from\":\"1\",\"id\":\"w\",\"timestamp\":\"soon\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]}}]}]}",
            "timestamp"
          },
          {
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},\"statuses\":[{\"id\":\"w\",\"status\":\"lost\",\"timestamp\":\"1\"}]}}]}]}",
            "status"
          }
        }) {
      MalformedPayloadException refused =
          assertThrows(
              MalformedPayloadException.class,
              () -> WhatsAppPayloadParser.parse(bad[0].getBytes(StandardCharsets.UTF_8)),
              bad[0]);
      assertTrue(refused.getMessage().contains(bad[1]), refused.getMessage());
    }
  }
}
