package org.parley.it;

import java.time.Instant;
import org.parley.application.InboundMessage;

/**
 * A web chat message as ChatResource queues it, for the in-container tests that hand messages to
 * the pipeline directly (they add this class to their deployment).
 */
final class WebChatMessages {

  private WebChatMessages() {}

  static InboundMessage text(String user, String clientId, String text) {
    return InboundMessage.received(
        "webchat",
        user,
        user + "-" + clientId,
        InboundMessage.Type.TEXT,
        text,
        null,
        null,
        user,
        clientId,
        "en",
        Instant.now());
  }
}
