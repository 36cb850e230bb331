package org.parley.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.domain.model.shared.RateLimit;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The platforms' per-chat send rates: Telegram's Bot API asks for at most one message per second
 * into one chat (short bursts tolerated), Slack's {@code chat.postMessage} allows about one per
 * second per channel (with bursts). Replies to one chat are spaced to that rate, and a chat the
 * platform answered 429 for waits its {@code Retry-After}, on every channel. Other channels are not
 * paced. Kept per node, in memory.
 */
@ApplicationScoped
public class SendPacing {

  @Inject
  @ConfigProperty(
      name = ConfigKeys.TELEGRAM_SEND_BURST,
      defaultValue = ConfigKeys.TELEGRAM_SEND_BURST_DEFAULT)
  int telegramBurst;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.TELEGRAM_SEND_INTERVAL,
      defaultValue = ConfigKeys.TELEGRAM_SEND_INTERVAL_DEFAULT)
  Duration telegramInterval;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.SLACK_SEND_BURST,
      defaultValue = ConfigKeys.SLACK_SEND_BURST_DEFAULT)
  int slackBurst;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.SLACK_SEND_INTERVAL,
      defaultValue = ConfigKeys.SLACK_SEND_INTERVAL_DEFAULT)
  Duration slackInterval;

  Clock clock = Clock.systemUTC();
  private final Map<String, RateLimit> byChannel = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    byChannel.put("telegram", new RateLimit(telegramBurst, telegramInterval, clock));
    byChannel.put("slack", new RateLimit(slackBurst, slackInterval, clock));
  }

  /** How long until the chat could take a reply, reserving nothing. */
  Duration waitFor(String channel, String chat) {
    return limit(channel).waitFor(chat);
  }

  /** Reserves the chat's next send; returns how long to wait before making it. */
  Duration reserve(String channel, String chat) {
    return limit(channel).reserve(chat);
  }

  /** The platform asked for a pause for this chat (every channel honours it, paced or not). */
  void pause(String channel, String chat, Duration retryAfter) {
    limit(channel).pause(chat, retryAfter);
  }

  /** The channel's rate; a channel without one is not paced, but its pauses hold. */
  private RateLimit limit(String channel) {
    return byChannel.computeIfAbsent(channel, c -> new RateLimit(1, Duration.ZERO, clock));
  }
}
