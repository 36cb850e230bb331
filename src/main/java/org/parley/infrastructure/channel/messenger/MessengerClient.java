package org.parley.infrastructure.channel.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.parley.application.ChannelClient;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.PlatformHttp;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The Messenger Send API ({@code POST /me/messages} with the page token): text, quick replies, a
 * button template, an image attachment; a link is sent as its text. The recipient is the user's
 * page-scoped id.
 */
@ApplicationScoped
public class MessengerClient implements ChannelClient {

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
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 60,
      delay = 500,
      jitter = 200,
      maxDuration = 30,
      durationUnit = ChronoUnit.SECONDS,
      abortOn = ReplyRejectedException.class)
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.75,
      delay = 2000,
      skipOn = ReplyRejectedException.class)
  public String send(OutboundReply reply) {
    JsonObject answer =
        http.post(
            apiUrl + "/me/messages",
            pageToken.orElseThrow(
                () -> new ReplyRejectedException("parley.messenger.page-token is not set")),
            Json.createObjectBuilder()
                .add("recipient", Json.createObjectBuilder().add("id", reply.conversationRef()))
                .add("messaging_type", "RESPONSE")
                .add("message", message(reply))
                .build());
    return answer.getString("message_id", null);
  }

  static JsonObject message(OutboundReply reply) {
    JsonObjectBuilder message = Json.createObjectBuilder();
    switch (reply.kind()) {
      case QUICK_REPLIES -> {
        JsonArrayBuilder quick = Json.createArrayBuilder();
        reply
            .options()
            .forEach(
                option ->
                    quick.add(
                        Json.createObjectBuilder()
                            .add("content_type", "text")
                            .add("title", option)
                            .add("payload", option)));
        message.add("text", reply.text()).add("quick_replies", quick);
      }
      case BUTTONS -> {
        JsonArrayBuilder buttons = Json.createArrayBuilder();
        for (OutboundReply.Button button : reply.buttons()) {
          buttons.add(
              button.url() != null
                  ? Json.createObjectBuilder()
                      .add("type", "web_url")
                      .add("url", button.url())
                      .add("title", button.title())
                  : Json.createObjectBuilder()
                      .add("type", "postback")
                      .add("title", button.title())
                      .add("payload", button.payload()));
        }
        message.add(
            "attachment",
            Json.createObjectBuilder()
                .add("type", "template")
                .add(
                    "payload",
                    Json.createObjectBuilder()
                        .add("template_type", "button")
                        .add("text", reply.text())
                        .add("buttons", buttons)));
      }
      case IMAGE ->
          message.add(
              "attachment",
              Json.createObjectBuilder()
                  .add("type", "image")
                  .add("payload", Json.createObjectBuilder().add("url", reply.url())));
      default -> message.add("text", reply.textWithChoices());
    }
    return message.build();
  }
}
