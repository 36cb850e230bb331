package org.parley.infrastructure.channel.telegram;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.FaultTolerantChannelClient;
import org.parley.infrastructure.channel.PlatformHttp;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The Bot API's {@code sendMessage} (or {@code sendPhoto}) into the user's chat, as a reply to the
 * message it answers ({@code reply_parameters.message_id}), with quick replies and buttons as an
 * inline keyboard.
 */
@ApplicationScoped
public class TelegramClient extends FaultTolerantChannelClient {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject PlatformHttp http;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.TELEGRAM_API_URL,
      defaultValue = ConfigKeys.TELEGRAM_API_URL_DEFAULT)
  String apiUrl;

  @Inject
  @ConfigProperty(name = ConfigKeys.TELEGRAM_BOT_TOKEN)
  Optional<String> botToken;

  @Override
  public String channel() {
    return "telegram";
  }

  @Override
  protected String post(OutboundReply reply) {
    String token =
        botToken.orElseThrow(
            () -> new ReplyRejectedException("parley.telegram.bot-token is not set"));
    boolean photo = reply.kind() == OutboundReply.Kind.IMAGE;
    JsonObject answer =
        http.post(
            apiUrl + "/bot" + token + (photo ? "/sendPhoto" : "/sendMessage"), null, body(reply));
    if (!answer.getBoolean("ok", false)) {
      throw new ReplyRejectedException(
          "Telegram refused the reply: " + answer.getString("description", "no description"));
    }
    JsonObject result = answer.getJsonObject("result");
    return result == null || !result.containsKey("message_id")
        ? null
        : String.valueOf(result.getJsonNumber("message_id").longValue());
  }

  /** The body of a {@code sendMessage} or {@code sendPhoto} request. */
  public static JsonObject body(OutboundReply reply) {
    JsonObjectBuilder body = JSON_P.createObjectBuilder();
    try {
      body.add("chat_id", Long.parseLong(reply.conversationRef()));
    } catch (NumberFormatException e) {
      body.add("chat_id", reply.conversationRef()); // a channel's @username
    }
    if (reply.kind() == OutboundReply.Kind.IMAGE) {
      body.add("photo", reply.url());
      if (reply.text() != null) {
        body.add("caption", reply.text());
      }
    } else if (reply.kind() == OutboundReply.Kind.QUICK_REPLIES
        || reply.kind() == OutboundReply.Kind.BUTTONS) {
      body.add("text", reply.text());
      JsonArrayBuilder row = JSON_P.createArrayBuilder();
      if (reply.kind() == OutboundReply.Kind.QUICK_REPLIES) {
        reply
            .options()
            .forEach(
                option ->
                    row.add(
                        JSON_P
                            .createObjectBuilder()
                            .add("text", option)
                            .add("callback_data", option)));
      } else {
        for (OutboundReply.Button button : reply.buttons()) {
          row.add(
              button.url() != null
                  ? JSON_P
                      .createObjectBuilder()
                      .add("text", button.title())
                      .add("url", button.url())
                  : JSON_P
                      .createObjectBuilder()
                      .add("text", button.title())
                      .add("callback_data", button.payload()));
        }
      }
      body.add(
          "reply_markup",
          JSON_P
              .createObjectBuilder()
              .add("inline_keyboard", JSON_P.createArrayBuilder().add(row)));
    } else {
      body.add("text", reply.textWithChoices());
    }
    if (reply.replyToRef() != null) {
      body.add(
          "reply_parameters",
          JSON_P
              .createObjectBuilder()
              .add("message_id", Long.parseLong(reply.replyToRef()))
              .add("allow_sending_without_reply", true));
    }
    return body.build();
  }
}
