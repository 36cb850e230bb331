package org.parley.interfaces.webhook.slack;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;

/**
 * Slack Events API bodies. A message's id is its {@code client_msg_id} when Slack sends one, else
 * its channel and {@code ts}, which Slack keeps across retries; a reply goes into the message's
 * thread when it was written in one ({@code thread_ts}). Bot messages (ours included) are ignored.
 */
public final class SlackEventParser {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  public static final String CHANNEL = "slack";

  private SlackEventParser() {}

  public static SlackEvent parse(byte[] body) {
    JsonObject root;
    try (JsonReader reader = JSON_P.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("not a JSON object", e);
    }
    try {
      return switch (root.getString("type", "")) {
        case "url_verification" -> new SlackEvent.UrlVerification(root.getString("challenge"));
        case "event_callback" -> event(root.getJsonObject("event"));
        default -> new SlackEvent.Ignored("request type " + root.getString("type", "(none)"));
      };
    } catch (ClassCastException | NullPointerException e) {
      throw new MalformedPayloadException("the event lacks a field Slack sends", e);
    }
  }

  private static SlackEvent event(JsonObject event) {
    if (!"message".equals(event.getString("type", ""))) {
      return new SlackEvent.Ignored("event type " + event.getString("type", "(none)"));
    }
    if (event.containsKey("bot_id") || event.containsKey("subtype")) {
      return new SlackEvent.Ignored(
          "bot message or subtype " + event.getString("subtype", "bot_message"));
    }
    String channel = event.getString("channel");
    String ts = event.getString("ts");
    String id = event.getString("client_msg_id", channel + "-" + ts);
    String thread = event.getString("thread_ts", null);
    BigDecimal seconds = new BigDecimal(ts);
    Instant sent =
        Instant.ofEpochSecond(
            seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    return new SlackEvent.UserMessage(
        new InboundMessage(
            CHANNEL,
            event.getString("user"),
            id,
            Type.TEXT,
            event.getString("text", ""),
            null,
            null,
            channel,
            thread,
            null,
            sent));
  }
}
