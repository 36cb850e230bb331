package org.parley.infrastructure.channel.messenger;

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
 * The Messenger Send API ({@code POST /me/messages} with the page token): text, quick replies, a
 * button template, an image attachment; a link is sent as its text. The recipient is the user's
 * page-scoped id.
 */
@ApplicationScoped
public class MessengerClient extends FaultTolerantChannelClient {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject PlatformHttp http;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.MESSENGER_API_URL,
      defaultValue = ConfigKeys.MESSENGER_API_URL_DEFAULT)
  String apiUrl;

  @Inject
  @ConfigProperty(name = ConfigKeys.MESSENGER_PAGE_TOKEN)
  Optional<String> pageToken;

  @Override
  public String channel() {
    return "messenger";
  }

  @Override
  protected String post(OutboundReply reply) {
    JsonObject answer =
        http.post(
            apiUrl + "/me/messages",
            pageToken.orElseThrow(
                () -> new ReplyRejectedException("parley.messenger.page-token is not set")),
            JSON_P
                .createObjectBuilder()
                .add("recipient", JSON_P.createObjectBuilder().add("id", reply.conversationRef()))
                .add("messaging_type", "RESPONSE")
                .add("message", message(reply))
                .build());
    return answer.getString("message_id", null);
  }

  /** The {@code message} object of a Send API request. */
  public static JsonObject message(OutboundReply reply) {
    JsonObjectBuilder message = JSON_P.createObjectBuilder();
    switch (reply.kind()) {
      case QUICK_REPLIES -> {
        JsonArrayBuilder quick = JSON_P.createArrayBuilder();
        reply
            .options()
            .forEach(
                option ->
                    quick.add(
                        JSON_P
                            .createObjectBuilder()
                            .add("content_type", "text")
                            .add("title", option)
                            .add("payload", option)));
        message.add("text", reply.text()).add("quick_replies", quick);
      }
      case BUTTONS -> {
        JsonArrayBuilder buttons = JSON_P.createArrayBuilder();
        for (OutboundReply.Button button : reply.buttons()) {
          buttons.add(
              button.url() != null
                  ? JSON_P
                      .createObjectBuilder()
                      .add("type", "web_url")
                      .add("url", button.url())
                      .add("title", button.title())
                  : JSON_P
                      .createObjectBuilder()
                      .add("type", "postback")
                      .add("title", button.title())
                      .add("payload", button.payload()));
        }
        message.add(
            "attachment",
            JSON_P
                .createObjectBuilder()
                .add("type", "template")
                .add(
                    "payload",
                    JSON_P
                        .createObjectBuilder()
                        .add("template_type", "button")
                        .add("text", reply.text())
                        .add("buttons", buttons)));
      }
      case IMAGE ->
          message.add(
              "attachment",
              JSON_P
                  .createObjectBuilder()
                  .add("type", "image")
                  .add("payload", JSON_P.createObjectBuilder().add("url", reply.url())));
      default -> message.add("text", reply.textWithChoices());
    }
    return message.build();
  }
}
