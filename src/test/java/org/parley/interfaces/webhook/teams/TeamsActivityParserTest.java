package org.parley.interfaces.webhook.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.WebhookFixtures;

/** Teams activities as the shared fixtures hold them. */
class TeamsActivityParserTest {

  private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";

  @Test
  void aMessageIsItsTextFromTheUserInItsConversation() {
    byte[] body = WebhookFixtures.bytes("botframework-message.json");
    assertEquals(
        new TeamsActivityParser.Origin(SERVICE_URL, "msteams"),
        TeamsActivityParser.origin(TeamsActivityParser.read(body)));
    InboundMessage message = TeamsActivityParser.parse(body).orElseThrow();
    assertEquals("teams", message.channel());
    assertEquals(Type.TEXT, message.type());
    assertEquals("hello", message.text(), "the text, not the text/html attachment");
    assertTrue(message.userId().startsWith("29:19mRzxAZ1i"));
    assertTrue(message.conversationRef().startsWith(SERVICE_URL + " a:1i6LBaAHdqApEDEzMqaRTRps"));
    assertEquals("1768471200123", message.replyToRef(), "the reply is to this activity");
    assertEquals("teams:1768471200123", message.deduplicationId());
    assertEquals(Instant.parse("2026-01-15T10:00:00.123Z"), message.sentAt());
  }

  @Test
  void anImBackTapIsAnOrdinaryMessageAndAMessageBackCarriesItsPayload() {
    InboundMessage imBack =
        TeamsActivityParser.parse(WebhookFixtures.bytes("botframework-button-imback.json"))
            .orElseThrow();
    assertEquals(Type.TEXT, imBack.type());
    assertEquals("Yes", imBack.text());
    assertNull(imBack.payload());
    InboundMessage messageBack =
        TeamsActivityParser.parse(WebhookFixtures.bytes("botframework-button-messageback.json"))
            .orElseThrow();
    assertEquals(Type.QUICK_REPLY, messageBack.type());
    assertEquals("CONSENT_YES", messageBack.payload());
  }

  @Test
  void otherActivitiesCarryNothingToAnswerAndBrokenOnesAreRefused() {
    assertTrue(
        TeamsActivityParser.parse(
                "{\"type\":\"conversationUpdate\",\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8))
            .isEmpty());
    for (String bad :
        new String[] {
          "{\"type\":\"message\"}",
          "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"s\",\"from\":{},\"conversation\":{\"id\":\"c\"},\"timestamp\":\"2026-01-15T10:00:00Z\"}",
          "{\"type\":\"message\",\"id\":\"1\",\"serviceUrl\":\"s\",\"from\":{\"id\":\"u\"},\"conversation\":{\"id\":\"c\"},\"timestamp\":\"yesterday\"}",
          "[]"
        }) {
      assertThrows(
          MalformedPayloadException.class,
          () -> TeamsActivityParser.parse(bad.getBytes(StandardCharsets.UTF_8)),
          bad);
    }
  }
}
