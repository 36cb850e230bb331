package org.parley.infrastructure.channel.webchat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.parley.application.ChannelClient;
import org.parley.application.OutboundReply;
import org.parley.application.WebChatReplies;

/**
 * Delivers web chat replies: kept for the browser, and announced (a CDI event) to the user's open
 * streams on this node.
 */
@ApplicationScoped
public class WebChatClient implements ChannelClient {

  @Inject WebChatReplies replies;
  @Inject Event<WebChatReplies.Delivered> delivered;

  @Override
  public String channel() {
    return "webchat";
  }

  @Override
  public String send(OutboundReply reply) {
    WebChatReplies.Delivered kept = replies.append(reply, Instant.now());
    delivered.fire(kept);
    return String.valueOf(kept.seq());
  }
}
