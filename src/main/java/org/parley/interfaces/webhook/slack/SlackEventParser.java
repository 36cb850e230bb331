package org.parley.interfaces.webhook.slack;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.PayloadFields;

/**
 * Slack Events API bodies. A message's id is its {@code client_msg_id} when Slack sends one, else
 * its channel and {@code ts}, which Slack keeps across retries; a reply goes into the message's
 * thread when it was written in one ({@code thread_ts}). Bot messages (ours included) are ignored.
 */
public final class SlackEventParser {

  /** A message's {@code ts}: epoch seconds and microseconds ("1700000000.000100"). */
  private static final Pattern TS = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,9})?");

  public static final String CHANNEL = "slack";

  private SlackEventParser() {}

  public static SlackEvent parse(byte[] body) {
    JsonObject root = PayloadFields.root(body);
    String type = PayloadFields.optionalString(root, "type", "");
    if ("url_verification".equals(type)) {
      return new SlackEvent.UrlVerification(PayloadFields.string(root, "challenge", ""));
    }
    if ("event_callback".equals(type)) {
      return event(PayloadFields.object(root, "event", ""));
    }
    return new SlackEvent.Ignored("request type " + (type == null ? "(none)" : type));
  }

  private static SlackEvent event(JsonObject event) {
    String type = PayloadFields.optionalString(event, "type", "event");
    if (!"message".equals(type)) {
      return new SlackEvent.Ignored("event type " + (type == null ? "(none)" : type));
    }
    if (event.containsKey("bot_id") || event.containsKey("subtype")) {
      String subtype = event.get("subtype") instanceof JsonString s ? s.getString() : "bot_message";
      return new SlackEvent.Ignored("bot message or subtype " + subtype);
    }
    String channel = PayloadFields.string(event, "channel", "event");
    String ts = PayloadFields.string(event, "ts", "event");
    if (!TS.matcher(ts).matches()) {
      throw new MalformedPayloadException("event.ts must be seconds.micros, as Slack sends it");
    }
    String clientId = PayloadFields.optionalString(event, "client_msg_id", "event");
    String id = clientId != null ? clientId : channel + "-" + ts;
    String thread = PayloadFields.optionalString(event, "thread_ts", "event");
    String text = PayloadFields.optionalString(event, "text", "event");
    BigDecimal seconds = new BigDecimal(ts);
    Instant sent =
        Instant.ofEpochSecond(
            seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    return new SlackEvent.UserMessage(
        InboundMessage.received(
            CHANNEL,
            PayloadFields.string(event, "user", "event"),
            id,
            Type.TEXT,
            text == null ? "" : text,
            null,
            null,
            channel,
            thread,
            null,
            sent));
  }
}
