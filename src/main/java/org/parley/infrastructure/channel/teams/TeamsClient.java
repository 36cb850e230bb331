package org.parley.infrastructure.channel.teams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.FaultTolerantChannelClient;
import org.parley.infrastructure.channel.PlatformHttp;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The Bot Framework's Connector API: a reply to the user's activity, {@code POST
 * {serviceUrl}/v3/conversations/{id}/activities/{replyToId}}, with a client-credentials token (the
 * app id and password, scope {@code https://api.botframework.com/.default}) kept until 5 minutes
 * before it expires. Quick replies go as suggested actions, buttons as a hero card, an image as a
 * hero card's image. The service URL is the one the Bot Framework's token vouched for.
 */
@ApplicationScoped
public class TeamsClient extends FaultTolerantChannelClient {

  static final String SCOPE = "https://api.botframework.com/.default";
  static final Duration EARLY = Duration.ofMinutes(5);

  private static final JsonProvider JSON_P = JsonProvider.provider();

  @Inject PlatformHttp http;

  @Inject
  @ConfigProperty(name = ConfigKeys.TEAMS_APP_ID)
  Optional<String> appId;

  @Inject
  @ConfigProperty(name = ConfigKeys.TEAMS_APP_PASSWORD)
  Optional<String> appPassword;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.TEAMS_TOKEN_URL,
      defaultValue = ConfigKeys.TEAMS_TOKEN_URL_DEFAULT)
  String tokenUrl;

  Clock clock = Clock.systemUTC();

  private volatile String token;
  private volatile Instant tokenUntil = Instant.MIN;

  @Override
  public String channel() {
    return "teams";
  }

  @Override
  protected String post(OutboundReply reply) {
    // the conversation reference is "<serviceUrl> <conversation id>" (TeamsActivityParser)
    String ref = reply.conversationRef();
    int space = ref.indexOf(' ');
    if (space < 0) {
      throw new ReplyRejectedException("not a Teams conversation reference");
    }
    String[] where = {ref.substring(0, space), ref.substring(space + 1)};
    String base = where[0].endsWith("/") ? where[0] : where[0] + "/";
    String url =
        base
            + "v3/conversations/"
            + URLEncoder.encode(where[1], StandardCharsets.UTF_8)
            + "/activities"
            + (reply.replyToRef() == null
                ? ""
                : "/" + URLEncoder.encode(reply.replyToRef(), StandardCharsets.UTF_8));
    JsonObject answer = http.post(url, token(), activity(reply));
    return answer.getString("id", null);
  }

  /** The client-credentials token, fetched again 5 minutes before it expires. */
  private String token() {
    Instant now = clock.instant();
    if (token != null && now.isBefore(tokenUntil)) {
      return token;
    }
    synchronized (this) {
      if (token != null && now.isBefore(tokenUntil)) {
        return token;
      }
      JsonObject answer =
          http.postForm(
              tokenUrl,
              Map.of(
                  "grant_type",
                  "client_credentials",
                  "client_id",
                  appId.orElseThrow(
                      () -> new ReplyRejectedException(ConfigKeys.TEAMS_APP_ID + " is not set")),
                  "client_secret",
                  appPassword.orElseThrow(
                      () ->
                          new ReplyRejectedException(
                              ConfigKeys.TEAMS_APP_PASSWORD + " is not set")),
                  "scope",
                  SCOPE));
      String fresh = answer.getString("access_token", null);
      if (fresh == null) {
        throw new ChannelUnavailableException("The token endpoint gave no access_token");
      }
      long seconds =
          answer.containsKey("expires_in") ? answer.getJsonNumber("expires_in").longValue() : 3600;
      token = fresh;
      tokenUntil = now.plusSeconds(seconds).minus(EARLY);
      return fresh;
    }
  }

  /** The activity of a reply. */
  public static JsonObject activity(OutboundReply reply) {
    JsonObjectBuilder activity = JSON_P.createObjectBuilder().add("type", "message");
    if (reply.replyToRef() != null) {
      activity.add("replyToId", reply.replyToRef());
    }
    switch (reply.kind()) {
      case QUICK_REPLIES -> {
        JsonArrayBuilder actions = JSON_P.createArrayBuilder();
        reply
            .options()
            .forEach(
                option ->
                    actions.add(
                        JSON_P
                            .createObjectBuilder()
                            .add("type", "imBack")
                            .add("title", option)
                            .add("value", option)));
        activity
            .add("text", reply.text() == null ? "" : reply.text())
            .add("suggestedActions", JSON_P.createObjectBuilder().add("actions", actions));
      }
      case BUTTONS -> {
        JsonArrayBuilder buttons = JSON_P.createArrayBuilder();
        for (OutboundReply.Button button : reply.buttons()) {
          buttons.add(
              button.url() != null
                  ? JSON_P
                      .createObjectBuilder()
                      .add("type", "openUrl")
                      .add("title", button.title())
                      .add("value", button.url())
                  : JSON_P
                      .createObjectBuilder()
                      .add("type", "imBack")
                      .add("title", button.title())
                      .add("value", button.payload() == null ? button.title() : button.payload()));
        }
        activity.add("attachments", heroCard(reply.text(), null, buttons));
      }
      case IMAGE -> activity.add("attachments", heroCard(reply.text(), reply.url(), null));
      default -> activity.add("text", reply.textWithChoices());
    }
    return activity.build();
  }

  private static JsonArrayBuilder heroCard(String text, String image, JsonArrayBuilder buttons) {
    JsonObjectBuilder content = JSON_P.createObjectBuilder();
    if (text != null) {
      content.add("text", text);
    }
    if (image != null) {
      content.add(
          "images",
          JSON_P.createArrayBuilder().add(JSON_P.createObjectBuilder().add("url", image)));
    }
    if (buttons != null) {
      content.add("buttons", buttons);
    }
    return JSON_P
        .createArrayBuilder()
        .add(
            JSON_P
                .createObjectBuilder()
                .add("contentType", "application/vnd.microsoft.card.hero")
                .add("content", content));
  }
}
