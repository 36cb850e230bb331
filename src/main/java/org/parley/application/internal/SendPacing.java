package org.parley.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.domain.model.shared.RateLimit;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * The platforms' per-chat send rates: Telegram's Bot API asks for at most one message per second
 * into one chat (short bursts tolerated), Slack's {@code chat.postMessage} allows about one per
 * second per channel (with bursts). Replies to one chat are spaced to that rate, and a chat the
 * platform answered 429 for waits its {@code Retry-After}. Other channels are not paced. Kept per
 * node, in memory.
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
  private Map<String, RateLimit> byChannel;
  private RateLimit unpaced;

  @PostConstruct
  void init() {
    byChannel =
        Map.of(
            "telegram", new RateLimit(telegramBurst, telegramInterval, clock),
            "slack", new RateLimit(slackBurst, slackInterval, clock));
    unpaced = new RateLimit(1, Duration.ZERO, clock);
  }

  /** How long until the chat could take a reply, reserving nothing. */
  Duration waitFor(String channel, String chat) {
    return limit(channel).waitFor(chat);
  }

  /** Reserves the chat's next send; returns how long to wait before making it. */
  Duration reserve(String channel, String chat) {
    return limit(channel).reserve(chat);
  }

  /** The platform asked for a pause for this chat. */
  void pause(String channel, String chat, Duration retryAfter) {
    RateLimit limit = byChannel.get(channel);
    if (limit != null) {
      limit.pause(chat, retryAfter);
    }
  }

  private RateLimit limit(String channel) {
    return byChannel.getOrDefault(channel, unpaced);
  }
}
