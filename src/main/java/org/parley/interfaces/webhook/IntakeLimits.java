package org.parley.interfaces.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.domain.model.shared.RateLimit;
import org.parley.infrastructure.config.ConfigKeys;

/**
 * How fast one user (on any channel) and one web chat client address may send, so that a flood from
 * one of them does not hold back anyone else: a flooding user's messages would occupy the consumer
 * their group is bound to, and every user bound to it would wait behind them. The limits are kept
 * per node, in memory: behind a load balancer that spreads requests, each node allows its share.
 */
@ApplicationScoped
public class IntakeLimits {

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_USER_BURST,
      defaultValue = ConfigKeys.LIMITS_USER_BURST_DEFAULT)
  int userBurst;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_USER_INTERVAL,
      defaultValue = ConfigKeys.LIMITS_USER_INTERVAL_DEFAULT)
  Duration userInterval;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_CLIENT_BURST,
      defaultValue = ConfigKeys.LIMITS_CLIENT_BURST_DEFAULT)
  int clientBurst;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_CLIENT_INTERVAL,
      defaultValue = ConfigKeys.LIMITS_CLIENT_INTERVAL_DEFAULT)
  Duration clientInterval;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_SESSIONS_BURST,
      defaultValue = ConfigKeys.LIMITS_SESSIONS_BURST_DEFAULT)
  int sessionsBurst;

  @Inject
  @ConfigProperty(
      name = ConfigKeys.LIMITS_SESSIONS_INTERVAL,
      defaultValue = ConfigKeys.LIMITS_SESSIONS_INTERVAL_DEFAULT)
  Duration sessionsInterval;

  private RateLimit users;
  private RateLimit clients;
  private RateLimit sessions;

  @PostConstruct
  void init() {
    Clock clock = Clock.systemUTC();
    users = new RateLimit(userBurst, userInterval, clock);
    clients = new RateLimit(clientBurst, clientInterval, clock);
    sessions = new RateLimit(sessionsBurst, sessionsInterval, clock);
  }

  /** Zero if this user may send one more message now; else how long until they may. */
  public Duration user(String channel, String userId) {
    return users.tryTake(channel + ":" + userId);
  }

  /** Zero if this client address may make one more web chat request now. */
  public Duration client(String address) {
    return clients.tryTake(address);
  }

  /** Zero if this client address may open one more web chat session now. */
  public Duration session(String address) {
    return sessions.tryTake(address);
  }
}
