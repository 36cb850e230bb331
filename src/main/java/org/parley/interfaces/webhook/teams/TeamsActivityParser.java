package org.parley.interfaces.webhook.teams;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.PayloadFields;

/**
 * A Bot Framework activity from Teams. A {@code message} becomes a message: its {@code text} (a
 * hero card's {@code imBack} tap is an ordinary message whose text is the button's value; a {@code
 * messageBack} tap also carries the button's {@code value}, whose {@code payload} becomes the
 * payload). Other activity types (conversation updates, typing, reactions) carry nothing to answer.
 *
 * <p>The user is {@code from.id}. The conversation reference is the activity's {@code serviceUrl}
 * and {@code conversation.id}, separated by a space (a URL holds none), which is where the reply
 * goes; the reply is to the activity's {@code id}.
 */
public final class TeamsActivityParser {

  public static final String CHANNEL = "teams";

  private TeamsActivityParser() {}

  /** The activity as far as the token check needs it, before anything else is read. */
  public record Origin(String serviceUrl, String channelId) {}

  /** The activity's JSON, read once for the token check and the message. */
  public static JsonObject read(byte[] body) {
    return PayloadFields.root(body);
  }

  public static Origin origin(JsonObject activity) {
    return new Origin(
        PayloadFields.string(activity, "serviceUrl", ""),
        PayloadFields.string(activity, "channelId", ""));
  }

  public static Optional<InboundMessage> parse(byte[] body) {
    return parse(read(body));
  }

  public static Optional<InboundMessage> parse(JsonObject activity) {
    String type = PayloadFields.string(activity, "type", "");
    if (!type.equals("message")) {
      return Optional.empty();
    }
    String id = PayloadFields.string(activity, "id", "");
    String serviceUrl = PayloadFields.string(activity, "serviceUrl", "");
    String from = PayloadFields.string(PayloadFields.object(activity, "from", ""), "id", "from");
    String conversation =
        PayloadFields.string(
            PayloadFields.object(activity, "conversation", ""), "id", "conversation");
    String text = PayloadFields.optionalString(activity, "text", "");
    String payload = null;
    if (PayloadFields.has(activity, "value")) {
      JsonValue value = activity.get("value");
      if (value.getValueType() == JsonValue.ValueType.OBJECT
          && PayloadFields.has(value.asJsonObject(), "payload")) {
        payload = PayloadFields.string(value.asJsonObject(), "payload", "value");
      } else {
        payload = value.toString();
      }
    }
    Instant sent = instant(PayloadFields.string(activity, "timestamp", ""));
    return Optional.of(
        InboundMessage.received(
            CHANNEL,
            from,
            id,
            payload == null ? Type.TEXT : Type.QUICK_REPLY,
            text == null ? "" : text,
            payload,
            null,
            serviceUrl + " " + conversation,
            id,
            PayloadFields.optionalString(activity, "locale", ""),
            sent));
  }

  private static Instant instant(String iso) {
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      throw new MalformedPayloadException("timestamp: expected an ISO-8601 instant");
    }
  }
}
