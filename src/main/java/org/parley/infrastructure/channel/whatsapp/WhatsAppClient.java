package org.parley.infrastructure.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.FaultTolerantChannelClient;
import org.parley.infrastructure.channel.PlatformHttp;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The Cloud API's messages endpoint ({@code POST {api}/{phone-number-id}/messages} with the access
 * token), from the business number the user wrote to (the conversation reference): a text, up to
 * three reply buttons (titles cut to 20 characters, ids to 256), an image by its link with the text
 * as caption; more choices, or links, as text. Meta's error 131047 (more than 24 hours since the
 * user last wrote) refuses the reply for good: it is recorded, not retried.
 */
@ApplicationScoped
public class WhatsAppClient extends FaultTolerantChannelClient {

  /** WhatsApp's limits: reply buttons per message, a button's title and id, a body. */
  static final int MAX_BUTTONS = 3;

  static final int MAX_TITLE = 20;
  static final int MAX_ID = 256;
  static final int MAX_BODY = 1024;
  static final int MAX_TEXT = 4096;

  /** Meta's code for a message outside the 24-hour customer-service window. */
  static final int WINDOW_CLOSED = 131047;

  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject PlatformHttp http;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.WHATSAPP_API_URL,
      defaultValue = ConfigKeys.WHATSAPP_API_URL_DEFAULT)
  String apiUrl;

  @Inject
  @ConfigProperty(name = ConfigKeys.WHATSAPP_ACCESS_TOKEN)
  Optional<String> accessToken;

  @Override
  public String channel() {
    return "whatsapp";
  }

  @Override
  protected String post(OutboundReply reply) {
    String token =
        accessToken.orElseThrow(
            () -> new ReplyRejectedException(ConfigKeys.WHATSAPP_ACCESS_TOKEN + " is not set"));
    JsonObject answer;
    try {
      answer =
          http.post(apiUrl + "/" + reply.conversationRef() + "/messages", token, message(reply));
    } catch (PlatformHttp.Refused e) {
      if (e.answer().get("error") instanceof JsonObject error
          && error.getInt("code", 0) == WINDOW_CLOSED) {
        throw new WindowClosedException(
            "WhatsApp refused it: more than 24 hours since the user last wrote (131047)");
      }
      throw e;
    }
    JsonArray messages = answer.getJsonArray("messages");
    return messages == null || messages.isEmpty()
        ? null
        : messages.getJsonObject(0).getString("id", null);
  }

  /** The request body of the messages endpoint. */
  public static JsonObject message(OutboundReply reply) {
    JsonObjectBuilder message =
        JSON_P
            .createObjectBuilder()
            .add("messaging_product", "whatsapp")
            .add("recipient_type", "individual")
            .add("to", reply.userId());
    List<String[]> buttons = buttons(reply);
    if (reply.kind() == OutboundReply.Kind.IMAGE && reply.url() != null) {
      JsonObjectBuilder image = JSON_P.createObjectBuilder().add("link", reply.url());
      if (reply.text() != null && !reply.text().isBlank()) {
        image.add("caption", cut(reply.text(), MAX_BODY));
      }
      return message.add("type", "image").add("image", image).build();
    }
    if (!buttons.isEmpty()) {
      JsonArrayBuilder list = JSON_P.createArrayBuilder();
      for (String[] button : buttons) {
        list.add(
            JSON_P
                .createObjectBuilder()
                .add("type", "reply")
                .add(
                    "reply",
                    JSON_P
                        .createObjectBuilder()
                        .add("id", cut(button[1], MAX_ID))
                        .add("title", cut(button[0], MAX_TITLE))));
      }
      return message
          .add("type", "interactive")
          .add(
              "interactive",
              JSON_P
                  .createObjectBuilder()
                  .add("type", "button")
                  .add(
                      "body",
                      JSON_P
                          .createObjectBuilder()
                          .add("text", cut(blankAsDash(reply.text()), MAX_BODY)))
                  .add("action", JSON_P.createObjectBuilder().add("buttons", list)))
          .build();
    }
    return message
        .add("type", "text")
        .add(
            "text",
            JSON_P
                .createObjectBuilder()
                .add("body", cut(blankAsDash(reply.textWithChoices()), MAX_TEXT))
                .add("preview_url", reply.kind() == OutboundReply.Kind.LINK))
        .build();
  }

  /**
   * The reply buttons, as {title, id}: quick replies, or buttons without a URL, when there are at
   * most three; none otherwise (they go as text).
   */
  private static List<String[]> buttons(OutboundReply reply) {
    List<String[]> buttons =
        switch (reply.kind()) {
          case QUICK_REPLIES -> reply.options().stream().map(o -> new String[] {o, o}).toList();
          case BUTTONS ->
              reply.buttons().stream().anyMatch(b -> b.url() != null)
                  ? List.of()
                  : reply.buttons().stream()
                      .map(
                          b ->
                              new String[] {
                                b.title(), b.payload() == null ? b.title() : b.payload()
                              })
                      .toList();
          default -> List.of();
        };
    return buttons.size() > MAX_BUTTONS ? List.of() : buttons;
  }

  private static String blankAsDash(String text) {
    return text == null || text.isBlank() ? "-" : text;
  }

  /** At most {@code max} characters, never a half surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
