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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.application.ChannelClient;
import org.parley.application.OutboundReply;
import org.parley.application.PipelineMetrics;
import org.parley.application.ReplyDelivery;
import org.parley.domain.model.dialog.DeliveryRecords;
import org.parley.domain.model.dialog.TurnStore;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * Sends a reply through its channel's client and records the delivery on the stored reply. A reply
 * that is queued again (its turn was redelivered) or redelivered by the queue is first looked up,
 * and not sent twice once it is recorded as delivered.
 *
 * <p>Replies to one chat go at the platform's rate ({@link SendPacing}); a 429 is waited out here,
 * for at most {@code parley.delivery.max-rate-limit-wait} per attempt. The wait holds this user's
 * message group, so the user's later replies wait behind it, in order; the other users whose groups
 * the same consumer serves wait too, which is the price of keeping order (a reply rescheduled for
 * later would let the user's next one overtake it).
 */
@ApplicationScoped
public class DefaultReplyDelivery implements ReplyDelivery {

  @Inject @Any Instance<ChannelClient> clients;
  @Inject TurnStore turns;
  @Inject DeliveryRecords deliveries;
  @Inject PipelineMetrics metrics;
  @Inject SendPacing pacing;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.DELIVERY_MAX_RATE_LIMIT_WAIT,
      defaultValue = ConfigKeys.DELIVERY_MAX_RATE_LIMIT_WAIT_DEFAULT)
  Duration maxRateLimitWait;

  Clock clock = Clock.systemUTC();

  private volatile Map<String, ChannelClient> byChannel;

  @Override
  public void deliver(OutboundReply reply, int attempt) {
    if ((reply.resent() || attempt > 1) && deliveries.delivered(reply.replyId())) {
      metrics.duplicateDropped(reply.channel(), "outbound");
      return;
    }
    ChannelClient client = client(reply.channel());
    String platformMessageId;
    try {
      platformMessageId = sendPaced(client, reply);
    } catch (ChannelClient.WindowClosedException e) {
      // no attempt can succeed until the user writes again: recorded, not retried
      deliveries.recordRefusal(reply.replyId(), e.getMessage(), attempt, clock.instant());
      metrics.refused(reply.channel());
      return;
    }
    Instant now = clock.instant();
    deliveries.recordDelivery(reply.replyId(), platformMessageId, attempt, now);
    metrics.delivered(
        reply.channel(),
        reply.language(),
        reply.receivedAt() == null ? null : Duration.between(reply.receivedAt(), now));
  }

  private String sendPaced(ChannelClient client, OutboundReply reply) {
    String channel = reply.channel();
    String chat = reply.conversationRef();
    Duration waited = Duration.ZERO;
    while (true) {
      Duration paused = pacing.waitFor(channel, chat);
      if (waited.plus(paused).compareTo(maxRateLimitWait) > 0) {
        throw new ChannelClient.ChannelUnavailableException(
            channel + " asked to wait " + paused.toSeconds() + " s more for this chat");
      }
      Duration wait = pacing.reserve(channel, chat);
      sleep(wait);
      waited = waited.plus(wait);
      try {
        return client.send(reply);
      } catch (ChannelClient.ThrottledException e) {
        metrics.rateLimited(channel);
        pacing.pause(channel, chat, e.retryAfter());
      }
    }
  }

  private static void sleep(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelClient.ChannelUnavailableException("interrupted while pacing", e);
    }
  }

  @Override
  public int failed(OutboundReply reply, String reason) {
    return turns.failed(reply.replyId(), reason, clock.instant());
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
