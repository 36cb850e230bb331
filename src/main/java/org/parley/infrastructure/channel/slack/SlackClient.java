package org.parley.infrastructure.channel.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.OutboundReply;
import org.parley.infrastructure.channel.FaultTolerantChannelClient;
import org.parley.infrastructure.channel.PlatformHttp;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Slack's {@code chat.postMessage} with the bot token, into the channel the user wrote in and, when
 * the user wrote in a thread, into that thread. Choices are written out in the text (buttons need
 * Slack's interactivity endpoint). Slack answers 200 with {@code "ok": false} on errors: a rate
 * limit or an internal error is retried, any other error refuses the reply.
 */
@ApplicationScoped
public class SlackClient extends FaultTolerantChannelClient {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

  @Inject PlatformHttp http;

  @Inject
  @ConfigProperty(name = ConfigKeys.SLACK_API_URL, defaultValue = ConfigKeys.SLACK_API_URL_DEFAULT)
  String apiUrl;

  @Inject
  @ConfigProperty(name = ConfigKeys.SLACK_BOT_TOKEN)
  Optional<String> botToken;

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  protected String post(OutboundReply reply) {
    JsonObjectBuilder body =
        JSON_P
            .createObjectBuilder()
            .add("channel", reply.conversationRef())
            .add("text", reply.textWithChoices());
    if (reply.replyToRef() != null) {
      body.add("thread_ts", reply.replyToRef());
    }
    JsonObject answer =
        http.post(
            apiUrl + "/chat.postMessage",
            botToken.orElseThrow(
                () -> new ReplyRejectedException("parley.slack.bot-token is not set")),
            body.build());
    if (!answer.getBoolean("ok", false)) {
      String error = answer.getString("error", "unknown_error");
      if (TRANSIENT.contains(error)) {
        throw new ChannelUnavailableException("Slack: " + error);
      }
      throw new ReplyRejectedException("Slack refused the reply: " + error);
    }
    return answer.getString("ts", null);
  }
}
