package org.parley.infrastructure.channel;

import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.parley.application.ChannelClient;
import org.parley.application.OutboundReply;

/**
 * A platform's send API behind Fault Tolerance: each call at most 5 s; a platform that is down,
 * slow or rate-limiting is retried every ~0.5 s (with jitter) for up to 30 s; each platform has its
 * own circuit breaker (Fault Tolerance keeps one per bean class and method), which opens after 3 of
 * 4 calls failed and lets a call through again after 2 s. A reply the platform refuses for good is
 * neither retried nor counted against the platform, and neither is one it asks to send later (429):
 * retrying every half second before its {@code Retry-After} would only prolong Telegram's flood
 * control, so delivery waits instead (DefaultReplyDelivery). What still fails goes back to the
 * queue, which redelivers it in order and finally dead-letters it.
 */
public abstract class FaultTolerantChannelClient implements ChannelClient {

  @Override
  @Timeout(value = 5, unit = ChronoUnit.SECONDS)
  @Retry(
      maxRetries = 60,
      delay = 500,
      jitter = 200,
      maxDuration = 30,
      durationUnit = ChronoUnit.SECONDS,
      abortOn = {ReplyRejectedException.class, ThrottledException.class})
  @CircuitBreaker(
      requestVolumeThreshold = 4,
      failureRatio = 0.75,
      delay = 2000,
      skipOn = {ReplyRejectedException.class, ThrottledException.class})
  public String send(OutboundReply reply) {
    return post(reply);
  }

  /** One attempt at the platform's API; returns the platform's id for the message, if any. */
  protected abstract String post(OutboundReply reply);
}
