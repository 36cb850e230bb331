package org.parley.interfaces.webhook.messenger;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.application.InboundMessage;
import org.parley.application.InboundMessage.Type;
import org.parley.interfaces.webhook.MalformedPayloadException;
import org.parley.interfaces.webhook.PayloadFields;

/**
 * A Page webhook callback ({@code object: page}): every messaging event of every entry, in order.
 * Text, attachments (image, or a link for anything else), quick replies and postbacks become
 * messages; delivery and read receipts and echoes of the page's own messages are dropped.
 */
public final class MessengerPayloadParser {

  public static final String CHANNEL = "messenger";

  private MessengerPayloadParser() {}

  public static List<InboundMessage> parse(byte[] body) {
    JsonObject root = PayloadFields.root(body);
    if (!"page".equals(PayloadFields.optionalString(root, "object", ""))) {
      throw new MalformedPayloadException("not a Page callback (object must be page)");
    }
    List<InboundMessage> messages = new ArrayList<>();
    JsonArray entries = PayloadFields.array(root, "entry", "");
    for (int e = 0; e < entries.size(); e++) {
      JsonObject entry = PayloadFields.objectAt(entries, e, "entry");
      if (!PayloadFields.has(entry, "messaging")) {
        continue; // feed changes and standby events carry no messaging array
      }
      String at = "entry[" + e + "].messaging";
      JsonArray events = PayloadFields.array(entry, "messaging", "entry[" + e + "]");
      for (int m = 0; m < events.size(); m++) {
        InboundMessage message = message(PayloadFields.objectAt(events, m, at), at + "[" + m + "]");
        if (message != null) {
          messages.add(message);
        }
      }
    }
    return messages;
  }

  private static InboundMessage message(JsonObject event, String at) {
    String sender =
        PayloadFields.string(PayloadFields.object(event, "sender", at), "id", at + ".sender");
    Instant sent = PayloadFields.epochMillis(event, "timestamp", at);
    if (PayloadFields.has(event, "postback")) {
      JsonObject postback = PayloadFields.object(event, "postback", at);
      String mid = PayloadFields.optionalString(postback, "mid", at + ".postback");
      return InboundMessage.received(
          CHANNEL,
          sender,
          mid != null ? mid : sender + "-" + sent.toEpochMilli(),
          Type.POSTBACK,
          PayloadFields.optionalString(postback, "title", at + ".postback"),
          PayloadFields.optionalString(postback, "payload", at + ".postback"),
          null,
          sender,
          null,
          null,
          sent);
    }
    if (!PayloadFields.has(event, "message")) {
      return null; // delivery, read, reaction, ...
    }
    String in = at + ".message";
    JsonObject message = PayloadFields.object(event, "message", at);
    if (PayloadFields.optionalBoolean(message, "is_echo", in)) {
      return null; // the page's own message
    }
    String mid = PayloadFields.string(message, "mid", in);
    String text = PayloadFields.optionalString(message, "text", in);
    if (PayloadFields.has(message, "quick_reply")) {
      JsonObject quickReply = PayloadFields.object(message, "quick_reply", in);
      return InboundMessage.received(
          CHANNEL,
          sender,
          mid,
          Type.QUICK_REPLY,
          text,
          PayloadFields.optionalString(quickReply, "payload", in + ".quick_reply"),
          null,
          sender,
          mid,
          null,
          sent);
    }
    if (PayloadFields.has(message, "attachments")) {
      JsonObject attachment =
          PayloadFields.objectAt(
              PayloadFields.array(message, "attachments", in), 0, in + ".attachments");
      String url =
          PayloadFields.has(attachment, "payload")
              ? PayloadFields.optionalString(
                  PayloadFields.object(attachment, "payload", in + ".attachments[0]"),
                  "url",
                  in + ".attachments[0].payload")
              : null;
      String kind = PayloadFields.optionalString(attachment, "type", in + ".attachments[0]");
      Type type = "image".equals(kind) ? Type.IMAGE : Type.LINK;
      return InboundMessage.received(
          CHANNEL, sender, mid, type, text, null, url, sender, mid, null, sent);
    }
    return InboundMessage.received(
        CHANNEL,
        sender,
        mid,
        Type.TEXT,
        text == null ? "" : text,
        null,
        null,
        sender,
        mid,
        null,
        sent);
  }
}
