package org.parley.interfaces.webhook.telegram;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Optional;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;

/**
 * Telegram Bot API updates. A message's id is the chat and {@code message_id} (unique per chat);
 * the reply names that message ({@code reply_parameters.message_id}). Text and commands ({@code
 * /start}) are text, a photo is an image with its caption, an inline keyboard's {@code
 * callback_query} is a postback carrying its data. Edits of earlier messages are not answered
 * again.
 */
public final class TelegramUpdateParser {

  /** Looked up once: {@code Json.create...} searches for the provider on every call. */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  public static final String CHANNEL = "telegram";

  /** A tapped button's message id: the prefix, then Telegram's {@code callback_query.id}. */
  static final String CALLBACK_PREFIX = "callback-";

  private TelegramUpdateParser() {}

  /** The {@code callback_query.id} of a tapped button, to acknowledge it. */
  public static Optional<String> callbackQueryId(InboundMessage message) {
    return message.type() == Type.POSTBACK
            && message.platformMessageId().startsWith(CALLBACK_PREFIX)
        ? Optional.of(message.platformMessageId().substring(CALLBACK_PREFIX.length()))
        : Optional.empty();
  }

  public static Optional<InboundMessage> parse(byte[] body) {
    JsonObject update;
    try (JsonReader reader = JSON_P.createReader(new ByteArrayInputStream(body))) {
      update = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedPayloadException("not a JSON object", e);
    }
    try {
      if (update.containsKey("message")) {
        return Optional.of(message(update.getJsonObject("message")));
      }
      if (update.containsKey("callback_query")) {
        return Optional.of(callback(update.getJsonObject("callback_query")));
      }
      return Optional.empty(); // edited_message, channel_post, ...
    } catch (ClassCastException | NullPointerException e) {
      throw new MalformedPayloadException("the update lacks a field Telegram sends", e);
    }
  }

  private static InboundMessage message(JsonObject message) {
    JsonObject from = message.getJsonObject("from");
    String chat = String.valueOf(message.getJsonObject("chat").getJsonNumber("id").longValue());
    String messageId = String.valueOf(message.getJsonNumber("message_id").longValue());
    Instant sent = Instant.ofEpochSecond(message.getJsonNumber("date").longValue());
    String user = String.valueOf(from.getJsonNumber("id").longValue());
    String locale = from.getString("language_code", null);
    if (message.containsKey("photo")) {
      JsonArray sizes = message.getJsonArray("photo");
      String fileId = sizes.getJsonObject(sizes.size() - 1).getString("file_id");
      return new InboundMessage(
          CHANNEL,
          user,
          chat + "-" + messageId,
          Type.IMAGE,
          message.getString("caption", null),
          null,
          "telegram-file:" + fileId,
          chat,
          messageId,
          locale,
          sent);
    }
    return new InboundMessage(
        CHANNEL,
        user,
        chat + "-" + messageId,
        Type.TEXT,
        message.getString("text", ""),
        null,
        null,
        chat,
        messageId,
        locale,
        sent);
  }

  private static InboundMessage callback(JsonObject callback) {
    JsonObject from = callback.getJsonObject("from");
    JsonObject message = callback.getJsonObject("message");
    String chat = String.valueOf(message.getJsonObject("chat").getJsonNumber("id").longValue());
    return new InboundMessage(
        CHANNEL,
        String.valueOf(from.getJsonNumber("id").longValue()),
        CALLBACK_PREFIX + callback.getString("id"),
        Type.POSTBACK,
        null,
        callback.getString("data", null),
        null,
        chat,
        String.valueOf(message.getJsonNumber("message_id").longValue()),
        from.getString("language_code", null),
        Instant.ofEpochSecond(message.getJsonNumber("date").longValue()));
  }
}
