package org.parley.interfaces.webhook.telegram;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.PayloadFields;

/**
 * Telegram Bot API updates. A message's id is the chat and {@code message_id} (unique per chat);
 * the reply names that message ({@code reply_parameters.message_id}). Text and commands ({@code
 * /start}) are text, a photo is an image with its caption, an inline keyboard's {@code
 * callback_query} is a postback carrying its data. Edits of earlier messages are not answered
 * again.
 */
public final class TelegramUpdateParser {

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
    JsonObject update = PayloadFields.root(body);
    if (PayloadFields.has(update, "message")) {
      return Optional.of(message(PayloadFields.object(update, "message", "")));
    }
    if (PayloadFields.has(update, "callback_query")) {
      return Optional.of(callback(PayloadFields.object(update, "callback_query", "")));
    }
    return Optional.empty(); // edited_message, channel_post, ...
  }

  private static InboundMessage message(JsonObject message) {
    String at = "message";
    JsonObject from = PayloadFields.object(message, "from", at);
    String chat = chatId(message, at);
    String messageId = String.valueOf(PayloadFields.integer(message, "message_id", at));
    Instant sent = PayloadFields.epochSeconds(message, "date", at);
    String user = String.valueOf(PayloadFields.integer(from, "id", at + ".from"));
    String locale = PayloadFields.optionalString(from, "language_code", at + ".from");
    if (PayloadFields.has(message, "photo")) {
      JsonArray sizes = PayloadFields.array(message, "photo", at);
      String fileId =
          PayloadFields.string(
              PayloadFields.objectAt(sizes, sizes.size() - 1, at + ".photo"),
              "file_id",
              at + ".photo[" + (sizes.size() - 1) + "]");
      return InboundMessage.received(
          CHANNEL,
          user,
          chat + "-" + messageId,
          Type.IMAGE,
          PayloadFields.optionalString(message, "caption", at),
          null,
          "telegram-file:" + fileId,
          chat,
          messageId,
          locale,
          sent);
    }
    String text = PayloadFields.optionalString(message, "text", at);
    return InboundMessage.received(
        CHANNEL,
        user,
        chat + "-" + messageId,
        Type.TEXT,
        text == null ? "" : text,
        null,
        null,
        chat,
        messageId,
        locale,
        sent);
  }

  private static InboundMessage callback(JsonObject callback) {
    String at = "callback_query";
    JsonObject from = PayloadFields.object(callback, "from", at);
    JsonObject message = PayloadFields.object(callback, "message", at);
    String chat = chatId(message, at + ".message");
    return InboundMessage.received(
        CHANNEL,
        String.valueOf(PayloadFields.integer(from, "id", at + ".from")),
        CALLBACK_PREFIX + PayloadFields.string(callback, "id", at),
        Type.POSTBACK,
        null,
        PayloadFields.optionalString(callback, "data", at),
        null,
        chat,
        String.valueOf(PayloadFields.integer(message, "message_id", at + ".message")),
        PayloadFields.optionalString(from, "language_code", at + ".from"),
        PayloadFields.epochSeconds(message, "date", at + ".message"));
  }

  private static String chatId(JsonObject message, String at) {
    return String.valueOf(
        PayloadFields.integer(PayloadFields.object(message, "chat", at), "id", at + ".chat"));
  }
}
