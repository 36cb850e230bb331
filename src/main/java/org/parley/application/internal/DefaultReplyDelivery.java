package org.parley.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.parley.application.ChannelClient;
import org.parley.application.OutboundReply;
import org.parley.application.PipelineMetrics;
import org.parley.application.ReplyDelivery;
import org.parley.domain.model.dialog.TurnStore;

/**
 * Sends a reply through its channel's client and records the delivery on the stored reply. A reply
 * that is queued again (its turn was redelivered) or redelivered by the queue is first looked up,
 * and not sent twice once it is recorded as delivered.
 */
@ApplicationScoped
public class DefaultReplyDelivery implements ReplyDelivery {

  @Inject @Any Instance<ChannelClient> clients;
  @Inject TurnStore turns;
  @Inject PipelineMetrics metrics;

  Clock clock = Clock.systemUTC();

  private volatile Map<String, ChannelClient> byChannel;

  @Override
  public void deliver(OutboundReply reply, int attempt) {
    if ((reply.resent() || attempt > 1) && turns.delivered(reply.replyId())) {
      metrics.duplicateDropped(reply.channel(), "outbound");
      return;
    }
    ChannelClient client = client(reply.channel());
    String platformMessageId = client.send(reply);
    Instant now = clock.instant();
    turns.recordDelivery(reply.replyId(), platformMessageId, attempt, now);
    metrics.delivered(
        reply.channel(),
        reply.language(),
        reply.receivedAt() == null ? null : Duration.between(reply.receivedAt(), now));
  }

  @Override
  public void failed(OutboundReply reply, String reason, int attempt) {
    turns.failed(reply.replyId(), reason, attempt, clock.instant());
  }

  private ChannelClient client(String channel) {
    Map<String, ChannelClient> map = byChannel;
    if (map == null) {
      map = new HashMap<>();
      for (ChannelClient client : clients) {
        map.put(client.channel(), client);
      }
      byChannel = map;
    }
    ChannelClient client = map.get(channel);
    if (client == null) {
      throw new IllegalStateException("No client for channel " + channel);
    }
    return client;
  }
}
