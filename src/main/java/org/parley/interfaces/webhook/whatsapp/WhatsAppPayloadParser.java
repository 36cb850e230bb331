package org.parley.interfaces.webhook.whatsapp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.domain.model.dialog.DeliveryRecords.PlatformStatus;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.PayloadFields;

/**
 * A Cloud API callback ({@code object: whatsapp_business_account}): every message and every status
 * of every change of every entry, in order. Texts, interactive button and list replies (the
 * button's id is the payload; {@code context.id} names the message that carried the buttons) and
 * images (the media id, as {@code whatsapp-media:<id>}, with the caption as text) become messages;
 * other kinds (a sticker, a location) become a message of their kind's name so that the user is
 * answered. Statuses ({@code sent}, {@code delivered}, {@code read}, {@code failed} with Meta's
 * error) name the platform id of a message Parley sent.
 *
 * <p>The user is {@code from} (the WhatsApp id); the conversation reference is the business phone
 * number id the message was sent to ({@code metadata.phone_number_id}), which the reply is sent
 * from.
 */
public final class WhatsAppPayloadParser {

  public static final String CHANNEL = "whatsapp";

  /**
   * What a media id becomes as an attachment reference (the Graph API serves it with the token).
   */
  public static final String MEDIA_PREFIX = "whatsapp-media:";

  private WhatsAppPayloadParser() {}

  /** The messages and statuses of one callback. */
  public record Callback(List<InboundMessage> messages, List<PlatformStatus> statuses) {}

  public static Callback parse(byte[] body) {
    JsonObject root = PayloadFields.root(body);
    if (!"whatsapp_business_account".equals(PayloadFields.optionalString(root, "object", ""))) {
      throw new MalformedPayloadException(
          "not a WhatsApp callback (object must be whatsapp_business_account)");
    }
    List<InboundMessage> messages = new ArrayList<>();
    List<PlatformStatus> statuses = new ArrayList<>();
    JsonArray entries = PayloadFields.array(root, "entry", "");
    for (int e = 0; e < entries.size(); e++) {
      String entryAt = "entry[" + e + "]";
      JsonObject entry = PayloadFields.objectAt(entries, e, "entry");
      if (!PayloadFields.has(entry, "changes")) {
        continue;
      }
      JsonArray changes = PayloadFields.array(entry, "changes", entryAt);
      for (int c = 0; c < changes.size(); c++) {
        String at = entryAt + ".changes[" + c + "]";
        JsonObject change = PayloadFields.objectAt(changes, c, entryAt + ".changes");
        if (!"messages".equals(PayloadFields.optionalString(change, "field", at))) {
          continue; // account and template updates carry no messages
        }
        JsonObject value = PayloadFields.object(change, "value", at);
        String valueAt = at + ".value";
        String phoneNumberId =
            PayloadFields.string(
                PayloadFields.object(value, "metadata", valueAt),
                "phone_number_id",
                valueAt + ".metadata");
        if (PayloadFields.has(value, "messages")) {
          JsonArray list = PayloadFields.array(value, "messages", valueAt);
          for (int m = 0; m < list.size(); m++) {
            String messageAt = valueAt + ".messages[" + m + "]";
            messages.add(
                message(
                    PayloadFields.objectAt(list, m, valueAt + ".messages"),
                    phoneNumberId,
                    messageAt));
          }
        }
        if (PayloadFields.has(value, "statuses")) {
          JsonArray list = PayloadFields.array(value, "statuses", valueAt);
          for (int s = 0; s < list.size(); s++) {
            String statusAt = valueAt + ".statuses[" + s + "]";
            statuses.add(status(PayloadFields.objectAt(list, s, valueAt + ".statuses"), statusAt));
          }
        }
      }
    }
    return new Callback(messages, statuses);
  }

  private static InboundMessage message(JsonObject message, String phoneNumberId, String at) {
    String from = PayloadFields.string(message, "from", at);
    String id = PayloadFields.string(message, "id", at);
    Instant sent = seconds(message, "timestamp", at);
    String kind = PayloadFields.string(message, "type", at);
    String context =
        PayloadFields.has(message, "context")
            ? PayloadFields.optionalString(
                PayloadFields.object(message, "context", at), "id", at + ".context")
            : null;
    return switch (kind) {
      case "text" ->
          received(
              from,
              id,
              Type.TEXT,
              PayloadFields.string(PayloadFields.object(message, "text", at), "body", at + ".text"),
              null,
              null,
              phoneNumberId,
              context,
              sent);
      case "interactive" -> interactive(message, from, id, phoneNumberId, context, sent, at);
      case "button" -> { // a template's quick-reply button
        JsonObject button = PayloadFields.object(message, "button", at);
        yield received(
            from,
            id,
            Type.QUICK_REPLY,
            PayloadFields.optionalString(button, "text", at + ".button"),
            PayloadFields.optionalString(button, "payload", at + ".button"),
            null,
            phoneNumberId,
            context,
            sent);
      }
      case "image" -> {
        JsonObject image = PayloadFields.object(message, "image", at);
        yield received(
            from,
            id,
            Type.IMAGE,
            PayloadFields.optionalString(image, "caption", at + ".image"),
            null,
            MEDIA_PREFIX + PayloadFields.string(image, "id", at + ".image"),
            phoneNumberId,
            context,
            sent);
      }
      default -> received(from, id, Type.TEXT, kind, null, null, phoneNumberId, context, sent);
    };
  }

  private static InboundMessage interactive(
      JsonObject message,
      String from,
      String id,
      String phoneNumberId,
      String context,
      Instant sent,
      String at) {
    JsonObject interactive = PayloadFields.object(message, "interactive", at);
    String in = at + ".interactive";
    String kind = PayloadFields.string(interactive, "type", in);
    if (!kind.equals("button_reply") && !kind.equals("list_reply")) {
      throw new MalformedPayloadException(
          in + ".type: expected button_reply or list_reply, not " + kind);
    }
    JsonObject reply = PayloadFields.object(interactive, kind, in);
    return received(
        from,
        id,
        Type.QUICK_REPLY,
        PayloadFields.string(reply, "title", in + "." + kind),
        PayloadFields.string(reply, "id", in + "." + kind),
        null,
        phoneNumberId,
        context,
        sent);
  }

  private static InboundMessage received(
      String from,
      String id,
      Type type,
      String text,
      String payload,
      String attachment,
      String phoneNumberId,
      String context,
      Instant sent) {
    return InboundMessage.received(
        CHANNEL,
        from,
        id,
        type,
        text == null ? "" : text,
        payload,
        attachment,
        phoneNumberId,
        context,
        null,
        sent);
  }

  private static PlatformStatus status(JsonObject status, String at) {
    String state = PayloadFields.string(status, "status", at);
    PlatformStatus.State parsed =
        switch (state) {
          case "sent" -> PlatformStatus.State.SENT;
          case "delivered" -> PlatformStatus.State.DELIVERED;
          case "read" -> PlatformStatus.State.READ;
          case "failed" -> PlatformStatus.State.FAILED;
          default ->
              throw new MalformedPayloadException(
                  at + ".status: expected sent, delivered, read or failed, not " + state);
        };
    String error = null;
    if (PayloadFields.has(status, "errors")) {
      JsonArray errors = PayloadFields.array(status, "errors", at);
      if (!errors.isEmpty()) {
        JsonObject first = PayloadFields.objectAt(errors, 0, at + ".errors");
        long code = PayloadFields.integer(first, "code", at + ".errors[0]");
        String title = PayloadFields.optionalString(first, "title", at + ".errors[0]");
        error = code + (title == null ? "" : " " + title);
      }
    }
    return new PlatformStatus(
        CHANNEL,
        PayloadFields.string(status, "id", at),
        parsed,
        error,
        seconds(status, "timestamp", at));
  }

  /** Meta writes the seconds since the epoch as a string of digits. */
  private static Instant seconds(JsonObject object, String name, String at) {
    String digits = PayloadFields.string(object, name, at);
    String path = at.isEmpty() ? name : at + "." + name;
    if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
      throw new MalformedPayloadException(path + ": expected seconds since 1970 as digits");
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(digits));
    } catch (DateTimeException e) {
      throw new MalformedPayloadException(path + ": expected seconds since 1970 as digits");
    }
  }
}
