package org.parley.interfaces.rest.chat;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.parley.application.OutboundReply;
import org.parley.application.WebChatReplies;

/**
 * A reply as the web chat shows it. {@code seq} numbers the user's replies; ask for more after it.
 */
@JsonbPropertyOrder({"seq", "inReplyTo", "kind", "text", "options", "buttons", "url", "at"})
public record ChatReplyDto(
    long seq,
    String inReplyTo,
    String kind,
    String text,
    List<String> options,
    List<OutboundReply.Button> buttons,
    String url,
    Instant at) {

  static ChatReplyDto of(WebChatReplies.Delivered delivered) {
    OutboundReply reply = delivered.reply();
    return new ChatReplyDto(
        delivered.seq(),
        reply.replyToRef(),
        reply.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        reply.text(),
        reply.options(),
        reply.buttons(),
        reply.url(),
        delivered.at());
  }
}
