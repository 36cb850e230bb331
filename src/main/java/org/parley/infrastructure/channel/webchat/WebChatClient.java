package org.parley.infrastructure.channel.webchat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.parley.application.ChannelClient;
import org.parley.application.NodeBroadcast;
import org.parley.application.OutboundReply;
import org.parley.application.WebChatReplies;

/**
 * Delivers web chat replies: kept for the browser, and broadcast to every node, since the user's
 * open stream may be held by any of them.
 */
@ApplicationScoped
public class WebChatClient implements ChannelClient {

  @Inject WebChatReplies replies;
  @Inject NodeBroadcast broadcast;

  @Override
  public String channel() {
    return "webchat";
  }

  @Override
  public String send(OutboundReply reply) {
    WebChatReplies.Delivered kept = replies.append(reply, Instant.now());
    broadcast.webChatReply(kept);
    return String.valueOf(kept.seq());
  }
}
