package org.parley.application;

/** How many messages wait on Parley's queues now, as the broker counts them. */
public interface QueueDepths {

  Depths now();

  /**
   * Messages waiting (delivered to a consumer but not yet acknowledged included); -1 for a queue
   * whose count the broker did not give.
   */
  record Depths(long inbound, long outbound, long inboundDeadLetters, long outboundDeadLetters) {}
}
