package org.parley.application;

import java.time.Duration;

/** The pipeline's figures (counted by the infrastructure's meter registry). */
public interface PipelineMetrics {

  /**
   * A webhook queued {@code messages} messages (0 for a callback with nothing to answer); {@code
   * latency}: from reading the request to answering it.
   */
  void acknowledged(String channel, int messages, Duration latency);

  /** A message was answered (its replies queued). */
  void answered(String channel);

  /** A redelivered message or reply was recognised and not handled again. */
  void duplicateDropped(String channel, String stage);

  /** A reply reached its platform; {@code turnLatency}: from the user's message to delivery. */
  void delivered(String channel, String language, Duration turnLatency);

  /** A platform's message over its user's rate limit was acknowledged and not queued. */
  void shed(String channel);

  /** A platform answered 429 for a reply, which then waited for its Retry-After. */
  void rateLimited(String channel);

  /** A platform refused a reply for good (WhatsApp's closed 24-hour window): not retried. */
  void refused(String channel);

  /** Handling failed for a message or reply on its last allowed attempt (it goes to the DLQ). */
  void deadLettered(String queue);
}
