package org.parley.infrastructure.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.messenger.MessengerClient;
import org.parley.infrastructure.channel.telegram.TelegramClient;
import org.parley.plugin.api.Reply;

/** The bodies the clients send, in the formats the platforms document. */
class PlatformPayloadsTest {

  @Test
  void telegramRepliesNameTheMessageTheyAnswerAndCarryAKeyboard() {
    JsonObject body =
        TelegramClient.body(
            reply(new Reply.QuickReplies("Keep it?", List.of("Yes", "No")), "123456", "77"));
    assertEquals(123456, body.getJsonNumber("chat_id").longValue());
    assertEquals(77, body.getJsonObject("reply_parameters").getInt("message_id"));
    assertEquals(
        "No",
        body.getJsonObject("reply_markup")
            .getJsonArray("inline_keyboard")
            .getJsonArray(0)
            .getJsonObject(1)
            .getString("callback_data"));

    JsonObject photo =
        TelegramClient.body(
            reply(new Reply.Image(URI.create("https://parley.org/a.png"), "A"), "@channel", null));
    assertEquals("@channel", photo.getString("chat_id"));
    assertEquals("https://parley.org/a.png", photo.getString("photo"));
    assertFalse(photo.containsKey("reply_parameters"));
  }

  @Test
  void messengerUsesQuickRepliesButtonTemplatesAndAttachments() {
    JsonObject quick =
        MessengerClient.message(
            reply(new Reply.QuickReplies("Keep it?", List.of("Yes", "No")), "psid", "mid"));
    assertEquals("Keep it?", quick.getString("text"));
    assertEquals("Yes", quick.getJsonArray("quick_replies").getJsonObject(0).getString("payload"));

    JsonObject buttons =
        MessengerClient.message(
            reply(
                new Reply.Buttons(
                    "Pick",
                    List.of(
                        new Reply.Button("Build", "build", null),
                        new Reply.Button("Docs", null, URI.create("https://parley.org")))),
                "psid",
                "mid"));
    JsonObject payload = buttons.getJsonObject("attachment").getJsonObject("payload");
    assertEquals("button", payload.getString("template_type"));
    assertEquals("postback", payload.getJsonArray("buttons").getJsonObject(0).getString("type"));
    assertEquals("web_url", payload.getJsonArray("buttons").getJsonObject(1).getString("type"));
  }

  private static OutboundReply reply(Reply reply, String chat, String replyTo) {
    return OutboundReply.of("t/1", "telegram", "42", chat, replyTo, "EN", reply, null);
  }
}
