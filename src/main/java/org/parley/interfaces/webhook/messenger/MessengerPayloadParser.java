package org.parley.interfaces.webhook.messenger;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;

/**
 * A Page webhook callback ({@code object: page}): every messaging event of every entry, in order.
 * Text, attachments (image, or a link for anything else), quick replies and postbacks become
 * messages; delivery and read receipts and echoes of the page's own messages are dropped.
 */
public final class MessengerPayloadParser {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  public static final String CHANNEL = "messenger";

  private MessengerPayloadParser() {}

  public static List<InboundMessage> parse(byte[] body) {
    JsonObject root;
    try (JsonReader reader = JSON_P.createReader(new ByteArrayInputStream(body))) {
      root = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("not a JSON object", e);
    }
    if (!"page".equals(root.getString("object", null))) {
      throw new MalformedPayloadException("not a Page callback");
    }
    List<InboundMessage> messages = new ArrayList<>();
    for (JsonValue entry : array(root, "entry")) {
      for (JsonValue event : array(entry.asJsonObject(), "messaging")) {
        InboundMessage message;
        try {
          message = message(event.asJsonObject());
        } catch (ClassCastException | NullPointerException e) {
          throw new MalformedPayloadException("a messaging event lacks a field Messenger sends", e);
        }
        if (message != null) {
          messages.add(message);
        }
      }
    }
    return messages;
  }

  private static InboundMessage message(JsonObject event) {
    String sender = event.getJsonObject("sender").getString("id");
    Instant at = Instant.ofEpochMilli(event.getJsonNumber("timestamp").longValue());
    if (event.containsKey("postback")) {
      JsonObject postback = event.getJsonObject("postback");
      return new InboundMessage(
          CHANNEL,
          sender,
          postback.getString("mid", sender + "-" + at.toEpochMilli()),
          Type.POSTBACK,
          postback.getString("title", null),
          postback.getString("payload", null),
          null,
          sender,
          null,
          null,
          at);
    }
    if (!event.containsKey("message")) {
      return null; // delivery, read, reaction, ...
    }
    JsonObject message = event.getJsonObject("message");
    if (message.getBoolean("is_echo", false)) {
      return null; // the page's own message
    }
    String mid = message.getString("mid");
    if (message.containsKey("quick_reply")) {
      return new InboundMessage(
          CHANNEL,
          sender,
          mid,
          Type.QUICK_REPLY,
          message.getString("text", null),
          message.getJsonObject("quick_reply").getString("payload", null),
          null,
          sender,
          mid,
          null,
          at);
    }
    if (message.containsKey("attachments")) {
      JsonObject attachment = message.getJsonArray("attachments").getJsonObject(0);
      String url =
          attachment.containsKey("payload") && !attachment.isNull("payload")
              ? attachment.getJsonObject("payload").getString("url", null)
              : null;
      Type type = "image".equals(attachment.getString("type", "")) ? Type.IMAGE : Type.LINK;
      return new InboundMessage(
          CHANNEL,
          sender,
          mid,
          type,
          message.getString("text", null),
          null,
          url,
          sender,
          mid,
          null,
          at);
    }
    return new InboundMessage(
        CHANNEL,
        sender,
        mid,
        Type.TEXT,
        message.getString("text", ""),
        null,
        null,
        sender,
        mid,
        null,
        at);
  }

  private static JsonArray array(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new MalformedPayloadException("'" + name + "' must be an array");
    }
    return value.asJsonArray();
  }
}
