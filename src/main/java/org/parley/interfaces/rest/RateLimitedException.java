package org.parley.interfaces.rest;

import java.time.Duration;

/** A request over its sender's rate limit: 429 with {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final String limited;

  /**
   * @param limited what was limited, for the problem's detail ("messages from this user")
   */
  public RateLimitedException(String limited, Duration retryAfter) {
    super("Too many " + limited);
    this.limited = limited;
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least 1, as {@code Retry-After} takes them. */
  public long retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  public String limited() {
    return limited;
  }
}
