package org.parley.infrastructure.channel.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.application.OutboundReply;
import org.parley.application.OutboundReply.Button;
import org.parley.application.OutboundReply.Kind;

/** The Connector API's reply activities. */
class TeamsClientTest {

  private static OutboundReply reply(
      Kind kind, String text, List<String> options, List<Button> buttons, String url) {
    return OutboundReply.unsequenced(
        "r1",
        "teams",
        "29:u",
        "https://smba.example/ a:c",
        "1768471200123",
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
  void aTextRepliesToTheActivity() {
    JsonObject activity = TeamsClient.activity(reply(Kind.TEXT, "Hello!", null, null, null));
    assertEquals("message", activity.getString("type"));
    assertEquals("1768471200123", activity.getString("replyToId"));
    assertEquals("Hello!", activity.getString("text"));
  }

  @Test
  void choicesAreSuggestedActionsAndButtonsAHeroCard() {
    JsonObject quick =
        TeamsClient.activity(
            reply(Kind.QUICK_REPLIES, "Keep it?", List.of("Yes", "No"), null, null));
    var actions = quick.getJsonObject("suggestedActions").getJsonArray("actions");
    assertEquals(2, actions.size());
    assertEquals("imBack", actions.getJsonObject(0).getString("type"));
    assertEquals("Yes", actions.getJsonObject(0).getString("value"));
    JsonObject card =
        TeamsClient.activity(
            reply(
                Kind.BUTTONS,
                "See",
                null,
                List.of(
                    new Button("Docs", null, "https://example.org"), new Button("Go", "GO", null)),
                null));
    var attachment = card.getJsonArray("attachments").getJsonObject(0);
    assertEquals("application/vnd.microsoft.card.hero", attachment.getString("contentType"));
    var buttons = attachment.getJsonObject("content").getJsonArray("buttons");
    assertEquals("openUrl", buttons.getJsonObject(0).getString("type"));
    assertEquals("GO", buttons.getJsonObject(1).getString("value"));
  }
}
