package org.parley.infrastructure.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.OutboundReply;
import org.parley.application.OutboundReply.Button;
import org.parley.application.OutboundReply.Kind;

/** The messages endpoint's request bodies, within WhatsApp's limits. */
class WhatsAppClientTest {

  private static OutboundReply reply(
      Kind kind, String text, List<String> options, List<Button> buttons, String url) {
    return OutboundReply.unsequenced(
        "r1",
        "whatsapp",
        "447700900123",
        "106000000000001",
        null,
        "en",
        kind,
        text,
        options,
        buttons,
        url,
        null,
        false);
  }

  @Test
  void aTextGoesToTheUser() {
    JsonObject body = WhatsAppClient.message(reply(Kind.TEXT, "Hello!", null, null, null));
    assertEquals("whatsapp", body.getString("messaging_product"));
    assertEquals("447700900123", body.getString("to"));
    assertEquals("text", body.getString("type"));
    assertEquals("Hello!", body.getJsonObject("text").getString("body"));
    assertFalse(body.getJsonObject("text").getBoolean("preview_url"));
  }

  @Test
  void upToThreeChoicesAreReplyButtonsWithTitlesCutToTwentyCharacters() {
    JsonObject body =
        WhatsAppClient.message(
            reply(
                Kind.QUICK_REPLIES,
                "May I keep our conversation?",
                List.of("Yes", "No", "Ask me again much later, please"),
                null,
                null));
    assertEquals("interactive", body.getString("type"));
    var interactive = body.getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    assertEquals(
        "May I keep our conversation?", interactive.getJsonObject("body").getString("text"));
    var buttons = interactive.getJsonObject("action").getJsonArray("buttons");
    assertEquals(3, buttons.size());
    assertEquals("Yes", buttons.getJsonObject(0).getJsonObject("reply").getString("id"));
    assertEquals(
        "Ask me again much l", // 20 characters
        buttons.getJsonObject(2).getJsonObject("reply").getString("title").substring(0, 19));
    assertEquals(20, buttons.getJsonObject(2).getJsonObject("reply").getString("title").length());
  }

  @Test
  void moreThanThreeChoicesOrLinkButtonsGoAsText() {
    JsonObject four =
        WhatsAppClient.message(
            reply(Kind.QUICK_REPLIES, "Pick", List.of("a", "b", "c", "d"), null, null));
    assertEquals("text", four.getString("type"));
    JsonObject link =
        WhatsAppClient.message(
            reply(
                Kind.BUTTONS,
                "See",
                null,
                List.of(new Button("Docs", null, "https://example.org")),
                null));
    assertEquals("text", link.getString("type"));
  }

  @Test
  void anImageIsSentByItsLinkWithTheTextAsCaption() {
    JsonObject body =
        WhatsAppClient.message(
            reply(Kind.IMAGE, "A cat", null, null, "https://example.org/cat.png"));
    assertEquals("image", body.getString("type"));
    assertEquals("https://example.org/cat.png", body.getJsonObject("image").getString("link"));
    assertEquals("A cat", body.getJsonObject("image").getString("caption"));
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    assertEquals("ab", WhatsAppClient.cut("ab\uD83D\uDE00", 3));
    assertEquals("ab\uD83D\uDE00", WhatsAppClient.cut("ab\uD83D\uDE00c", 4));
  }
}
